//! Consultations held at a desk: every consultation says the channel it came by (`online`, the
//! only one until now, or `walk_in`), and a desk consultation and its visit's ticket name each
//! other, one consultation per visit (a unique index, so two recordings at once cannot both land).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Consultations {
    Table,
    Channel,
    WalkinTicketId,
}

#[derive(DeriveIden)]
enum WalkinTickets {
    Table,
    ConsultationId,
}

const TICKET_INDEX: &str = "idx_consultations_walkin_ticket";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        for mut col in [
            ColumnDef::new(Consultations::Channel)
                .string_len(16)
                .not_null()
                .default("online")
                .to_owned(),
            uuid_null(Consultations::WalkinTicketId),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Consultations::Table)
                        .add_column(&mut col)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(WalkinTickets::Table)
                    .add_column(uuid_null(WalkinTickets::ConsultationId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(TICKET_INDEX)
                    .table(Consultations::Table)
                    .col(Consultations::WalkinTicketId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(TICKET_INDEX)
                    .table(Consultations::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(WalkinTickets::Table)
                    .drop_column(WalkinTickets::ConsultationId)
                    .to_owned(),
            )
            .await?;
        for col in [
            Consultations::WalkinTicketId.into_iden(),
            Consultations::Channel.into_iden(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Consultations::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
