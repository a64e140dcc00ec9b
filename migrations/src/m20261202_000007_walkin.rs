//! Walk-in service: the unit's services (with their ticket prefix letters) and desks, queue
//! tickets numbered per service and day, kiosk tokens, the guest book, and the unit settings
//! the walk-in rules read (priority runs, calls before a no-show, remote tickets, office hours).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Units {
    Table,
    WalkinPriorityRun,
    WalkinNoShowAfterCalls,
    WalkinRemoteTickets,
    OfficeOpensAt,
    OfficeClosesAt,
}

#[derive(DeriveIden)]
enum WalkinServices {
    Table,
    Id,
    UnitCode,
    Code,
    Name,
    Prefix,
    Position,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum WalkinDesks {
    Table,
    Id,
    UnitCode,
    Code,
    Name,
    Services,
    Position,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum WalkinCounters {
    Table,
    UnitCode,
    ServiceCode,
    Day,
    LastNumber,
}

#[derive(DeriveIden)]
enum WalkinTickets {
    Table,
    Id,
    UnitCode,
    ServiceCode,
    Day,
    Seq,
    Number,
    Priority,
    Status,
    Source,
    TakenBy,
    VisitorId,
    KeyHash,
    QueueAt,
    TakenAt,
    CalledAt,
    LastCalledAt,
    CallCount,
    DeskCode,
    OfficerId,
    StartedAt,
    FinishedAt,
    EndedAt,
    Note,
    WaitFrom,
    StandardWaitSeconds,
    Breach,
    TransferredFromId,
    TransferredToId,
    RatingTokenHash,
    RatingTokenExpiresAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum KioskTokens {
    Table,
    Id,
    UnitCode,
    Name,
    TokenHash,
    CreatedBy,
    CreatedAt,
    LastUsedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum GuestbookEntries {
    Table,
    Id,
    UnitCode,
    TicketId,
    Day,
    FullName,
    IdType,
    IdLast4,
    IdHash,
    Email,
    Phone,
    Institution,
    Occupation,
    Education,
    Gender,
    AgeGroup,
    Purpose,
    UserId,
    RecordedBy,
    CreatedAt,
}

async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden,
    cols: Vec<DynIden>,
    unique: bool,
) -> Result<(), DbErr> {
    let mut i = Index::create().name(name).table(table).to_owned();
    for c in cols {
        i.col(c);
    }
    if unique {
        i.unique();
    }
    manager.create_index(i).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let unit_columns = [
            ColumnDef::new(Units::WalkinPriorityRun)
                .integer()
                .not_null()
                .default(2)
                .to_owned(),
            ColumnDef::new(Units::WalkinNoShowAfterCalls)
                .integer()
                .not_null()
                .default(2)
                .to_owned(),
            ColumnDef::new(Units::WalkinRemoteTickets)
                .boolean()
                .not_null()
                .default(false)
                .to_owned(),
            ColumnDef::new(Units::OfficeOpensAt)
                .string_len(5)
                .not_null()
                .default("08:00")
                .to_owned(),
            ColumnDef::new(Units::OfficeClosesAt)
                .string_len(5)
                .not_null()
                .default("16:00")
                .to_owned(),
        ];
        // One column per statement: SQLite adds one at a time.
        for mut col in unit_columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(Units::Table)
                        .add_column(&mut col)
                        .to_owned(),
                )
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(WalkinServices::Table)
                    .col(uuid(WalkinServices::Id).primary_key())
                    .col(string_len(WalkinServices::UnitCode, 8))
                    .col(string_len(WalkinServices::Code, 32))
                    .col(string_len(WalkinServices::Name, 100))
                    .col(string_len(WalkinServices::Prefix, 1))
                    .col(integer(WalkinServices::Position))
                    .col(boolean(WalkinServices::Active))
                    .col(timestamp_with_time_zone(WalkinServices::CreatedAt))
                    .col(timestamp_with_time_zone(WalkinServices::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "uq_walkin_services_code",
            WalkinServices::Table,
            vec![
                WalkinServices::UnitCode.into_iden(),
                WalkinServices::Code.into_iden(),
            ],
            true,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(WalkinDesks::Table)
                    .col(uuid(WalkinDesks::Id).primary_key())
                    .col(string_len(WalkinDesks::UnitCode, 8))
                    .col(string_len(WalkinDesks::Code, 32))
                    .col(string_len(WalkinDesks::Name, 100))
                    .col(text(WalkinDesks::Services))
                    .col(integer(WalkinDesks::Position))
                    .col(boolean(WalkinDesks::Active))
                    .col(timestamp_with_time_zone(WalkinDesks::CreatedAt))
                    .col(timestamp_with_time_zone(WalkinDesks::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "uq_walkin_desks_code",
            WalkinDesks::Table,
            vec![
                WalkinDesks::UnitCode.into_iden(),
                WalkinDesks::Code.into_iden(),
            ],
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(WalkinCounters::Table)
                    .col(string_len(WalkinCounters::UnitCode, 8))
                    .col(string_len(WalkinCounters::ServiceCode, 32))
                    .col(string_len(WalkinCounters::Day, 10))
                    .col(integer(WalkinCounters::LastNumber))
                    .primary_key(
                        Index::create()
                            .col(WalkinCounters::UnitCode)
                            .col(WalkinCounters::ServiceCode)
                            .col(WalkinCounters::Day),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(WalkinTickets::Table)
                    .col(uuid(WalkinTickets::Id).primary_key())
                    .col(string_len(WalkinTickets::UnitCode, 8))
                    .col(string_len(WalkinTickets::ServiceCode, 32))
                    .col(string_len(WalkinTickets::Day, 10))
                    .col(integer(WalkinTickets::Seq))
                    .col(string_len(WalkinTickets::Number, 16))
                    .col(string_len_null(WalkinTickets::Priority, 16))
                    .col(string_len(WalkinTickets::Status, 16))
                    .col(string_len(WalkinTickets::Source, 16))
                    .col(uuid_null(WalkinTickets::TakenBy))
                    .col(uuid_null(WalkinTickets::VisitorId))
                    .col(string_len(WalkinTickets::KeyHash, 64))
                    .col(timestamp_with_time_zone(WalkinTickets::QueueAt))
                    .col(timestamp_with_time_zone(WalkinTickets::TakenAt))
                    .col(timestamp_with_time_zone_null(WalkinTickets::CalledAt))
                    .col(timestamp_with_time_zone_null(WalkinTickets::LastCalledAt))
                    .col(integer(WalkinTickets::CallCount).default(0))
                    .col(string_len_null(WalkinTickets::DeskCode, 32))
                    .col(uuid_null(WalkinTickets::OfficerId))
                    .col(timestamp_with_time_zone_null(WalkinTickets::StartedAt))
                    .col(timestamp_with_time_zone_null(WalkinTickets::FinishedAt))
                    .col(timestamp_with_time_zone_null(WalkinTickets::EndedAt))
                    .col(text_null(WalkinTickets::Note))
                    .col(timestamp_with_time_zone_null(WalkinTickets::WaitFrom))
                    .col(integer_null(WalkinTickets::StandardWaitSeconds))
                    .col(boolean(WalkinTickets::Breach).default(false))
                    .col(uuid_null(WalkinTickets::TransferredFromId))
                    .col(uuid_null(WalkinTickets::TransferredToId))
                    .col(string_len_null(WalkinTickets::RatingTokenHash, 64))
                    .col(timestamp_with_time_zone_null(
                        WalkinTickets::RatingTokenExpiresAt,
                    ))
                    .col(timestamp_with_time_zone(WalkinTickets::CreatedAt))
                    .col(timestamp_with_time_zone(WalkinTickets::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        use WalkinTickets as T;
        for (name, cols, unique) in [
            (
                "uq_walkin_tickets_number",
                vec![T::UnitCode, T::ServiceCode, T::Day, T::Seq],
                true,
            ),
            // The queue of a service, priority tickets apart, in calling order (call-next,
            // places in the queue, waiting counts): each a range of this index.
            (
                "idx_walkin_tickets_queue",
                vec![
                    T::UnitCode,
                    T::Status,
                    T::ServiceCode,
                    T::Priority,
                    T::QueueAt,
                    T::Id,
                ],
                false,
            ),
            // A day's tickets (board, stats, closing the day).
            (
                "idx_walkin_tickets_day",
                vec![T::UnitCode, T::Day, T::Status],
                false,
            ),
            // The last calls (board) and the desk's previous visitor (the 10-minute standard).
            (
                "idx_walkin_tickets_calls",
                vec![T::UnitCode, T::Day, T::LastCalledAt],
                false,
            ),
            (
                "idx_walkin_tickets_desk",
                vec![T::UnitCode, T::DeskCode, T::FinishedAt],
                false,
            ),
        ] {
            index(
                manager,
                name,
                T::Table,
                cols.into_iter().map(IntoIden::into_iden).collect(),
                unique,
            )
            .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(KioskTokens::Table)
                    .col(uuid(KioskTokens::Id).primary_key())
                    .col(string_len(KioskTokens::UnitCode, 8))
                    .col(string_len(KioskTokens::Name, 100))
                    .col(string_len(KioskTokens::TokenHash, 64).unique_key())
                    .col(uuid(KioskTokens::CreatedBy))
                    .col(timestamp_with_time_zone(KioskTokens::CreatedAt))
                    .col(timestamp_with_time_zone_null(KioskTokens::LastUsedAt))
                    .col(timestamp_with_time_zone_null(KioskTokens::RevokedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_kiosk_tokens_unit",
            KioskTokens::Table,
            vec![
                KioskTokens::UnitCode.into_iden(),
                KioskTokens::CreatedAt.into_iden(),
            ],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(GuestbookEntries::Table)
                    .col(uuid(GuestbookEntries::Id).primary_key())
                    .col(string_len(GuestbookEntries::UnitCode, 8))
                    .col(uuid_null(GuestbookEntries::TicketId))
                    .col(string_len(GuestbookEntries::Day, 10))
                    .col(string_len(GuestbookEntries::FullName, 120))
                    .col(string_len(GuestbookEntries::IdType, 16))
                    .col(string_len(GuestbookEntries::IdLast4, 4))
                    .col(string_len(GuestbookEntries::IdHash, 64))
                    .col(string_len(GuestbookEntries::Email, 254))
                    .col(string_len_null(GuestbookEntries::Phone, 32))
                    .col(string_len_null(GuestbookEntries::Institution, 200))
                    .col(string_len_null(GuestbookEntries::Occupation, 100))
                    .col(string_len_null(GuestbookEntries::Education, 32))
                    .col(string_len_null(GuestbookEntries::Gender, 16))
                    .col(string_len_null(GuestbookEntries::AgeGroup, 16))
                    .col(text(GuestbookEntries::Purpose))
                    .col(uuid_null(GuestbookEntries::UserId))
                    .col(uuid(GuestbookEntries::RecordedBy))
                    .col(timestamp_with_time_zone(GuestbookEntries::CreatedAt))
                    .to_owned(),
            )
            .await?;
        use GuestbookEntries as G;
        for (name, cols) in [
            ("idx_guestbook_day", vec![G::UnitCode, G::Day, G::CreatedAt]),
            (
                "idx_guestbook_email",
                vec![G::UnitCode, G::Email, G::CreatedAt],
            ),
            (
                "idx_guestbook_id_hash",
                vec![G::UnitCode, G::IdHash, G::CreatedAt],
            ),
            (
                "idx_guestbook_unit_created",
                vec![G::UnitCode, G::CreatedAt],
            ),
        ] {
            index(
                manager,
                name,
                G::Table,
                cols.into_iter().map(IntoIden::into_iden).collect(),
                false,
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            GuestbookEntries::Table.into_iden(),
            KioskTokens::Table.into_iden(),
            WalkinTickets::Table.into_iden(),
            WalkinCounters::Table.into_iden(),
            WalkinDesks::Table.into_iden(),
            WalkinServices::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        for col in [
            Units::WalkinPriorityRun.into_iden(),
            Units::WalkinNoShowAfterCalls.into_iden(),
            Units::WalkinRemoteTickets.into_iden(),
            Units::OfficeOpensAt.into_iden(),
            Units::OfficeClosesAt.into_iden(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Units::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
