//! What the reports need beyond the records: knowledge-base searches counted per hour and unit
//! (flushed from each instance's counter, so instances add up), and binary email attachments
//! (the feedback-analysis PDF), stored base64-encoded in the outbox.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum KnowledgeSearchHours {
    Table,
    HourStart,
    UnitCode,
    Searches,
}

#[derive(DeriveIden)]
enum OutboxEmails {
    Table,
    AttachmentEncoding,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(KnowledgeSearchHours::Table)
                    .col(timestamp_with_time_zone(KnowledgeSearchHours::HourStart))
                    // The unit the reader searched from; empty when none was chosen.
                    .col(string_len(KnowledgeSearchHours::UnitCode, 8))
                    .col(big_integer(KnowledgeSearchHours::Searches))
                    .primary_key(
                        Index::create()
                            .col(KnowledgeSearchHours::UnitCode)
                            .col(KnowledgeSearchHours::HourStart),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(OutboxEmails::Table)
                    // Null: the body is text; `base64`: binary, encoded.
                    .add_column(string_len_null(OutboxEmails::AttachmentEncoding, 16))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(OutboxEmails::Table)
                    .drop_column(OutboxEmails::AttachmentEncoding)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(KnowledgeSearchHours::Table).to_owned())
            .await
    }
}
