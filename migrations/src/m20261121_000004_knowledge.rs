//! The knowledge base: articles, their index queue (an outbox for the search index), the
//! synonym list and readers' feedback.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum KnowledgeArticles {
    Table,
    Id,
    Slug,
    Title,
    Question,
    Answer,
    Category,
    UnitCode,
    Tags,
    Status,
    SourceConsultationId,
    AuthorId,
    PublishedAt,
    ViewCount,
    HelpfulCount,
    NotHelpfulCount,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum KnowledgeIndexJobs {
    Table,
    Id,
    ArticleId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum KnowledgeSynonyms {
    Table,
    Id,
    Terms,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum KnowledgeFeedback {
    Table,
    Id,
    ArticleId,
    Helpful,
    Context,
    UnitCode,
    UserId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(KnowledgeArticles::Table)
                    .col(uuid(KnowledgeArticles::Id).primary_key())
                    .col(string_len_uniq(KnowledgeArticles::Slug, 120))
                    .col(string_len(KnowledgeArticles::Title, 200))
                    .col(text(KnowledgeArticles::Question))
                    .col(text(KnowledgeArticles::Answer))
                    .col(string_len(KnowledgeArticles::Category, 32))
                    .col(string_len_null(KnowledgeArticles::UnitCode, 8))
                    .col(text(KnowledgeArticles::Tags))
                    .col(string_len(KnowledgeArticles::Status, 16))
                    .col(uuid_null(KnowledgeArticles::SourceConsultationId))
                    .col(uuid_null(KnowledgeArticles::AuthorId))
                    .col(timestamp_with_time_zone_null(
                        KnowledgeArticles::PublishedAt,
                    ))
                    .col(big_integer(KnowledgeArticles::ViewCount).default(0))
                    .col(big_integer(KnowledgeArticles::HelpfulCount).default(0))
                    .col(big_integer(KnowledgeArticles::NotHelpfulCount).default(0))
                    .col(timestamp_with_time_zone(KnowledgeArticles::CreatedAt))
                    .col(timestamp_with_time_zone(KnowledgeArticles::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_knowledge_articles_status_unit")
                    .table(KnowledgeArticles::Table)
                    .col(KnowledgeArticles::Status)
                    .col(KnowledgeArticles::UnitCode)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_knowledge_articles_source")
                    .table(KnowledgeArticles::Table)
                    .col(KnowledgeArticles::SourceConsultationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(KnowledgeIndexJobs::Table)
                    .col(big_pk_auto(KnowledgeIndexJobs::Id))
                    .col(uuid(KnowledgeIndexJobs::ArticleId))
                    .col(timestamp_with_time_zone(KnowledgeIndexJobs::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(KnowledgeSynonyms::Table)
                    .col(pk_auto(KnowledgeSynonyms::Id))
                    .col(text(KnowledgeSynonyms::Terms))
                    .col(timestamp_with_time_zone(KnowledgeSynonyms::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(KnowledgeFeedback::Table)
                    .col(uuid(KnowledgeFeedback::Id).primary_key())
                    .col(uuid(KnowledgeFeedback::ArticleId))
                    .col(boolean(KnowledgeFeedback::Helpful))
                    .col(string_len(KnowledgeFeedback::Context, 32))
                    .col(string_len_null(KnowledgeFeedback::UnitCode, 8))
                    .col(uuid_null(KnowledgeFeedback::UserId))
                    .col(timestamp_with_time_zone(KnowledgeFeedback::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            KnowledgeFeedback::Table.into_iden(),
            KnowledgeSynonyms::Table.into_iden(),
            KnowledgeIndexJobs::Table.into_iden(),
            KnowledgeArticles::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
