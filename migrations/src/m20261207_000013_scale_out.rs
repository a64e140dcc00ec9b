//! Several instances on one PostgreSQL: live events too large for a `NOTIFY` payload, one-time
//! tickets that open a WebSocket (so no access token travels in its URL), the sockets each
//! instance holds (whether a user is online anywhere), and leases that let one instance at a
//! time run the timers.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum LiveEvents {
    Table,
    Id,
    /// The serialised event, read by the other instances when its notification arrives.
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SocketTickets {
    Table,
    /// SHA-256 of the ticket: the ticket itself is only in the client's hands.
    TicketHash,
    UserId,
    SessionId,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum SocketPresence {
    Table,
    Instance,
    UserId,
    /// Renewed by the live instance; a killed instance's rows age out.
    SeenAt,
}

#[derive(DeriveIden)]
enum JobLeases {
    Table,
    Name,
    Holder,
    ExpiresAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(LiveEvents::Table)
                    .col(uuid(LiveEvents::Id).primary_key())
                    .col(text(LiveEvents::Body))
                    .col(timestamp_with_time_zone(LiveEvents::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_live_events_created")
                    .table(LiveEvents::Table)
                    .col(LiveEvents::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SocketTickets::Table)
                    .col(string_len(SocketTickets::TicketHash, 64).primary_key())
                    .col(uuid(SocketTickets::UserId))
                    .col(uuid(SocketTickets::SessionId))
                    .col(timestamp_with_time_zone(SocketTickets::ExpiresAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_socket_tickets_expires")
                    .table(SocketTickets::Table)
                    .col(SocketTickets::ExpiresAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SocketPresence::Table)
                    .col(uuid(SocketPresence::Instance))
                    .col(uuid(SocketPresence::UserId))
                    .col(timestamp_with_time_zone(SocketPresence::SeenAt))
                    .primary_key(
                        Index::create()
                            .col(SocketPresence::Instance)
                            .col(SocketPresence::UserId),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_socket_presence_user")
                    .table(SocketPresence::Table)
                    .col(SocketPresence::UserId)
                    .col(SocketPresence::SeenAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(JobLeases::Table)
                    .col(string_len(JobLeases::Name, 64).primary_key())
                    .col(uuid(JobLeases::Holder))
                    .col(timestamp_with_time_zone(JobLeases::ExpiresAt))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            JobLeases::Table.into_iden(),
            SocketPresence::Table.into_iden(),
            SocketTickets::Table.into_iden(),
            LiveEvents::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
