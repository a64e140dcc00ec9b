//! Per unit: whether its officers are emailed when a new online consultation waits.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Units {
    Table,
    NotifyStaffOnNewConsultation,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Units::Table)
                    .add_column(boolean(Units::NotifyStaffOnNewConsultation).default(true))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Units::Table)
                    .drop_column(Units::NotifyStaffOnNewConsultation)
                    .to_owned(),
            )
            .await
    }
}
