//! Auto-assignment: a unit's choice, and each officer's capacity, availability and turn.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Units {
    Table,
    AutoAssign,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Capacity,
    Availability,
    LastAssignedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Units::Table)
                    .add_column(
                        ColumnDef::new(Units::AutoAssign)
                            .text()
                            .not_null()
                            .default("off"),
                    )
                    .to_owned(),
            )
            .await?;
        // One column per statement: SQLite alters a table a column at a time.
        for column in [
            ColumnDef::new(Users::Capacity)
                .integer()
                .not_null()
                .default(5)
                .to_owned(),
            ColumnDef::new(Users::Availability)
                .text()
                .not_null()
                .default("offline")
                .to_owned(),
            ColumnDef::new(Users::LastAssignedAt)
                .timestamp_with_time_zone()
                .null()
                .to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Users::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Users::Capacity, Users::Availability, Users::LastAssignedAt] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Users::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Units::Table)
                    .drop_column(Units::AutoAssign)
                    .to_owned(),
            )
            .await
    }
}
