//! Complaints (pengaduan): filed on the web (anonymous ones wait for their emailed confirmation)
//! or recorded by staff from the other channels, each with an unguessable tracking code; their
//! history of status changes, the unit's responses and the complainant's replies; the unit's
//! working-day deadlines for them; and the schedule of the feedback-analysis report, with the
//! periods already sent so that each is sent once.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Units {
    Table,
    Code,
    ComplaintVerifyWorkingDays,
    ComplaintRespondWorkingDays,
    ComplaintAutoCloseWorkingDays,
    FeedbackReportSchedule,
}

#[derive(DeriveIden)]
enum Complaints {
    Table,
    Id,
    UnitCode,
    TrackingCode,
    Kind,
    Channel,
    Subject,
    Description,
    Name,
    Email,
    Phone,
    RelatedNumber,
    LaporReference,
    UserId,
    RecordedBy,
    AssigneeId,
    Status,
    ReceivedAt,
    AcceptedAt,
    VerifyDueAt,
    RespondDueAt,
    DueAt,
    VerifiedAt,
    RespondedAt,
    AutoCloseAt,
    ClosedAt,
    Reason,
    ForwardedTo,
    ForwardedFromId,
    ConfirmTokenHash,
    ConfirmExpiresAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ComplaintEvents {
    Table,
    Id,
    ComplaintId,
    Kind,
    Status,
    Body,
    AuthorId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum FeedbackReportRuns {
    Table,
    UnitCode,
    PeriodStart,
    PeriodEnd,
    SentAt,
}

const TRACKING_INDEX: &str = "idx_complaints_tracking_code";
const QUEUE_INDEX: &str = "idx_complaints_unit_status_due";
const DUE_INDEX: &str = "idx_complaints_unit_due";
const RECEIVED_INDEX: &str = "idx_complaints_unit_received";
const AUTO_CLOSE_INDEX: &str = "idx_complaints_status_auto_close";
const EMAIL_INDEX: &str = "idx_complaints_email_created";
const EVENTS_INDEX: &str = "idx_complaint_events_complaint";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        for col in [
            ColumnDef::new(Units::ComplaintVerifyWorkingDays)
                .integer()
                .not_null()
                .default(3)
                .to_owned(),
            ColumnDef::new(Units::ComplaintRespondWorkingDays)
                .integer()
                .not_null()
                .default(5)
                .to_owned(),
            ColumnDef::new(Units::ComplaintAutoCloseWorkingDays)
                .integer()
                .not_null()
                .default(10)
                .to_owned(),
            ColumnDef::new(Units::FeedbackReportSchedule)
                .string_len(16)
                .not_null()
                .default("off")
                .to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Units::Table)
                        .add_column(col)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(Complaints::Table)
                    .col(uuid(Complaints::Id).primary_key())
                    .col(string_len(Complaints::UnitCode, 8))
                    .col(string_len(Complaints::TrackingCode, 32))
                    // complaint | suggestion | appreciation | information
                    .col(string_len(Complaints::Kind, 16))
                    // web | suggestion_box | email | whatsapp | social_media | phone | in_person | lapor
                    .col(string_len(Complaints::Channel, 16))
                    .col(string_len(Complaints::Subject, 200))
                    .col(text(Complaints::Description))
                    .col(string_len_null(Complaints::Name, 120))
                    .col(string_len_null(Complaints::Email, 254))
                    .col(string_len_null(Complaints::Phone, 32))
                    .col(string_len_null(Complaints::RelatedNumber, 40))
                    .col(string_len_null(Complaints::LaporReference, 64))
                    .col(uuid_null(Complaints::UserId))
                    .col(uuid_null(Complaints::RecordedBy))
                    .col(uuid_null(Complaints::AssigneeId))
                    // unconfirmed | received | verified | in_progress | responded | closed |
                    // rejected | forwarded
                    .col(string_len(Complaints::Status, 16))
                    .col(timestamp_with_time_zone(Complaints::ReceivedAt))
                    // When staff could first see it: at filing, or at its confirmation.
                    .col(timestamp_with_time_zone_null(Complaints::AcceptedAt))
                    .col(timestamp_with_time_zone_null(Complaints::VerifyDueAt))
                    .col(timestamp_with_time_zone_null(Complaints::RespondDueAt))
                    // The deadline the complaint waits for now (verify, then respond); null
                    // once responded or ended. Staff lists sort on it: overdue first.
                    .col(timestamp_with_time_zone_null(Complaints::DueAt))
                    .col(timestamp_with_time_zone_null(Complaints::VerifiedAt))
                    .col(timestamp_with_time_zone_null(Complaints::RespondedAt))
                    .col(timestamp_with_time_zone_null(Complaints::AutoCloseAt))
                    .col(timestamp_with_time_zone_null(Complaints::ClosedAt))
                    .col(text_null(Complaints::Reason))
                    .col(string_len_null(Complaints::ForwardedTo, 16))
                    .col(uuid_null(Complaints::ForwardedFromId))
                    .col(string_len_null(Complaints::ConfirmTokenHash, 64))
                    .col(timestamp_with_time_zone_null(Complaints::ConfirmExpiresAt))
                    .col(timestamp_with_time_zone(Complaints::CreatedAt))
                    .col(timestamp_with_time_zone(Complaints::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Complaints::Table, Complaints::UnitCode)
                            .to(Units::Table, Units::Code),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(TRACKING_INDEX)
                    .table(Complaints::Table)
                    .col(Complaints::TrackingCode)
                    .unique()
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                QUEUE_INDEX,
                vec![Complaints::UnitCode, Complaints::Status, Complaints::DueAt],
            ),
            (
                DUE_INDEX,
                vec![Complaints::UnitCode, Complaints::DueAt, Complaints::Id],
            ),
            (
                RECEIVED_INDEX,
                vec![Complaints::UnitCode, Complaints::ReceivedAt, Complaints::Id],
            ),
            (
                AUTO_CLOSE_INDEX,
                vec![Complaints::Status, Complaints::AutoCloseAt],
            ),
            (EMAIL_INDEX, vec![Complaints::Email, Complaints::CreatedAt]),
        ] {
            let mut index = Index::create()
                .name(name)
                .table(Complaints::Table)
                .to_owned();
            for c in cols {
                index.col(c);
            }
            manager.create_index(index).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(ComplaintEvents::Table)
                    .col(uuid(ComplaintEvents::Id).primary_key())
                    .col(uuid(ComplaintEvents::ComplaintId))
                    // status | response | reply | assigned
                    .col(string_len(ComplaintEvents::Kind, 16))
                    // The status after the event.
                    .col(string_len(ComplaintEvents::Status, 16))
                    .col(text_null(ComplaintEvents::Body))
                    .col(uuid_null(ComplaintEvents::AuthorId))
                    .col(timestamp_with_time_zone(ComplaintEvents::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ComplaintEvents::Table, ComplaintEvents::ComplaintId)
                            .to(Complaints::Table, Complaints::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(EVENTS_INDEX)
                    .table(ComplaintEvents::Table)
                    .col(ComplaintEvents::ComplaintId)
                    .col(ComplaintEvents::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(FeedbackReportRuns::Table)
                    .col(string_len(FeedbackReportRuns::UnitCode, 8))
                    .col(date(FeedbackReportRuns::PeriodStart))
                    .col(date(FeedbackReportRuns::PeriodEnd))
                    .col(timestamp_with_time_zone(FeedbackReportRuns::SentAt))
                    .primary_key(
                        Index::create()
                            .col(FeedbackReportRuns::UnitCode)
                            .col(FeedbackReportRuns::PeriodStart),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            FeedbackReportRuns::Table.into_iden(),
            ComplaintEvents::Table.into_iden(),
            Complaints::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        for col in [
            Units::ComplaintVerifyWorkingDays,
            Units::ComplaintRespondWorkingDays,
            Units::ComplaintAutoCloseWorkingDays,
            Units::FeedbackReportSchedule,
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
