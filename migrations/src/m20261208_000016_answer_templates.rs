//! Answer templates (canned responses): a unit's own and national ones, each found by a
//! shortcut that is unique where it applies.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AnswerTemplates {
    Table,
    Id,
    /// The unit's code; NULL for a national template.
    UnitCode,
    Title,
    Shortcut,
    Body,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Units {
    Table,
    Code,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AnswerTemplates::Table)
                    .col(uuid(AnswerTemplates::Id).primary_key())
                    .col(text_null(AnswerTemplates::UnitCode))
                    .col(text(AnswerTemplates::Title))
                    .col(text(AnswerTemplates::Shortcut))
                    .col(text(AnswerTemplates::Body))
                    .col(uuid_null(AnswerTemplates::CreatedBy))
                    .col(timestamp_with_time_zone(AnswerTemplates::CreatedAt))
                    .col(timestamp_with_time_zone(AnswerTemplates::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AnswerTemplates::Table, AnswerTemplates::UnitCode)
                            .to(Units::Table, Units::Code)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // A unit's shortcuts are unique in the unit; national ones among the national.
        manager
            .create_index(
                Index::create()
                    .name("answer_templates_unit_shortcut")
                    .table(AnswerTemplates::Table)
                    .col(AnswerTemplates::UnitCode)
                    .col(AnswerTemplates::Shortcut)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX answer_templates_national_shortcut \
                 ON answer_templates (shortcut) WHERE unit_code IS NULL",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AnswerTemplates::Table).to_owned())
            .await
    }
}
