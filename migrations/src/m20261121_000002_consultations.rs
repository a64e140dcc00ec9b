//! Online consultations: the queue, chat messages and attachments, read receipts, follow-ups,
//! referrals and satisfaction ratings; email attachments in the outbox.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Units {
    Table,
    Code,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ConsultationCounters {
    Table,
    UnitCode,
    Year,
    LastNumber,
}

#[derive(DeriveIden)]
enum Consultations {
    Table,
    Id,
    UnitCode,
    Number,
    UserId,
    Category,
    Subject,
    Question,
    Status,
    Resolution,
    Summary,
    AssigneeId,
    ToIndex,
    ClaimedAt,
    ClarifiedAt,
    DeadlineAt,
    ClosedAt,
    LastUserMessageAt,
    LastOfficerMessageAt,
    AutoCloseWarnedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Messages {
    Table,
    Id,
    ConsultationId,
    SenderId,
    SenderRole,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Attachments {
    Table,
    Id,
    ConsultationId,
    MessageId,
    FileName,
    ContentType,
    SizeBytes,
    Sha256,
    UploadedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ReadReceipts {
    Table,
    ConsultationId,
    UserId,
    LastReadMessageId,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum FollowUps {
    Table,
    Id,
    ConsultationId,
    Kind,
    ScheduledAt,
    LocationOrLink,
    Note,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Referrals {
    Table,
    Id,
    ConsultationId,
    Service,
    Note,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Ratings {
    Table,
    Id,
    SubjectKind,
    SubjectId,
    UnitCode,
    UserId,
    U1,
    U2,
    U3,
    U4,
    U5,
    U6,
    U7,
    U8,
    U9,
    Comment,
    NeedsFollowUp,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OutboxEmails {
    Table,
    AttachmentName,
    AttachmentContentType,
    AttachmentBody,
}

fn fk(
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ConsultationCounters::Table)
                    .col(string_len(ConsultationCounters::UnitCode, 8))
                    .col(integer(ConsultationCounters::Year))
                    .col(integer(ConsultationCounters::LastNumber))
                    .primary_key(
                        Index::create()
                            .col(ConsultationCounters::UnitCode)
                            .col(ConsultationCounters::Year),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Consultations::Table)
                    .col(uuid(Consultations::Id).primary_key())
                    .col(string_len(Consultations::UnitCode, 8))
                    .col(string_len(Consultations::Number, 32))
                    .col(uuid(Consultations::UserId))
                    .col(string_len(Consultations::Category, 32))
                    .col(string(Consultations::Subject))
                    .col(text(Consultations::Question))
                    .col(string_len(Consultations::Status, 16))
                    .col(string_len_null(Consultations::Resolution, 16))
                    .col(text_null(Consultations::Summary))
                    .col(uuid_null(Consultations::AssigneeId))
                    .col(boolean(Consultations::ToIndex).default(false))
                    .col(timestamp_with_time_zone_null(Consultations::ClaimedAt))
                    .col(timestamp_with_time_zone_null(Consultations::ClarifiedAt))
                    .col(timestamp_with_time_zone_null(Consultations::DeadlineAt))
                    .col(timestamp_with_time_zone_null(Consultations::ClosedAt))
                    .col(timestamp_with_time_zone_null(
                        Consultations::LastUserMessageAt,
                    ))
                    .col(timestamp_with_time_zone_null(
                        Consultations::LastOfficerMessageAt,
                    ))
                    .col(timestamp_with_time_zone_null(
                        Consultations::AutoCloseWarnedAt,
                    ))
                    .col(timestamp_with_time_zone(Consultations::CreatedAt))
                    .col(timestamp_with_time_zone(Consultations::UpdatedAt))
                    .foreign_key(&mut fk(
                        (Consultations::Table, Consultations::UnitCode),
                        (Units::Table, Units::Code),
                    ))
                    .foreign_key(&mut fk(
                        (Consultations::Table, Consultations::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut fk(
                        (Consultations::Table, Consultations::AssigneeId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_consultations_unit_number")
                    .table(Consultations::Table)
                    .unique()
                    .col(Consultations::UnitCode)
                    .col(Consultations::Number)
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                "idx_consultations_unit_status",
                vec![
                    Consultations::UnitCode,
                    Consultations::Status,
                    Consultations::CreatedAt,
                ],
            ),
            (
                "idx_consultations_user",
                vec![Consultations::UserId, Consultations::CreatedAt],
            ),
            (
                "idx_consultations_assignee",
                vec![Consultations::AssigneeId, Consultations::Status],
            ),
        ] {
            let mut index = Index::create()
                .name(name)
                .table(Consultations::Table)
                .to_owned();
            for c in cols {
                index.col(c);
            }
            manager.create_index(index).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(Messages::Table)
                    .col(uuid(Messages::Id).primary_key())
                    .col(uuid(Messages::ConsultationId))
                    .col(uuid(Messages::SenderId))
                    .col(string_len(Messages::SenderRole, 16))
                    .col(text(Messages::Body))
                    .col(timestamp_with_time_zone(Messages::CreatedAt))
                    .foreign_key(
                        &mut fk(
                            (Messages::Table, Messages::ConsultationId),
                            (Consultations::Table, Consultations::Id),
                        )
                        .on_delete(ForeignKeyAction::Cascade)
                        .to_owned(),
                    )
                    .foreign_key(&mut fk(
                        (Messages::Table, Messages::SenderId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_messages_consultation")
                    .table(Messages::Table)
                    .col(Messages::ConsultationId)
                    .col(Messages::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Attachments::Table)
                    .col(uuid(Attachments::Id).primary_key())
                    .col(uuid(Attachments::ConsultationId))
                    .col(uuid_null(Attachments::MessageId))
                    .col(string(Attachments::FileName))
                    .col(string_len(Attachments::ContentType, 128))
                    .col(big_integer(Attachments::SizeBytes))
                    .col(string_len(Attachments::Sha256, 64))
                    .col(uuid(Attachments::UploadedBy))
                    .col(timestamp_with_time_zone(Attachments::CreatedAt))
                    .foreign_key(
                        &mut fk(
                            (Attachments::Table, Attachments::ConsultationId),
                            (Consultations::Table, Consultations::Id),
                        )
                        .on_delete(ForeignKeyAction::Cascade)
                        .to_owned(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_attachments_message")
                    .table(Attachments::Table)
                    .col(Attachments::MessageId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReadReceipts::Table)
                    .col(uuid(ReadReceipts::ConsultationId))
                    .col(uuid(ReadReceipts::UserId))
                    .col(uuid(ReadReceipts::LastReadMessageId))
                    .col(timestamp_with_time_zone(ReadReceipts::UpdatedAt))
                    .primary_key(
                        Index::create()
                            .col(ReadReceipts::ConsultationId)
                            .col(ReadReceipts::UserId),
                    )
                    .foreign_key(
                        &mut fk(
                            (ReadReceipts::Table, ReadReceipts::ConsultationId),
                            (Consultations::Table, Consultations::Id),
                        )
                        .on_delete(ForeignKeyAction::Cascade)
                        .to_owned(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(FollowUps::Table)
                    .col(uuid(FollowUps::Id).primary_key())
                    .col(uuid(FollowUps::ConsultationId))
                    .col(string_len(FollowUps::Kind, 16))
                    .col(timestamp_with_time_zone(FollowUps::ScheduledAt))
                    .col(string_len(FollowUps::LocationOrLink, 500))
                    .col(text_null(FollowUps::Note))
                    .col(uuid(FollowUps::CreatedBy))
                    .col(timestamp_with_time_zone(FollowUps::CreatedAt))
                    .foreign_key(
                        &mut fk(
                            (FollowUps::Table, FollowUps::ConsultationId),
                            (Consultations::Table, Consultations::Id),
                        )
                        .on_delete(ForeignKeyAction::Cascade)
                        .to_owned(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Referrals::Table)
                    .col(uuid(Referrals::Id).primary_key())
                    .col(uuid(Referrals::ConsultationId))
                    .col(string_len(Referrals::Service, 32))
                    .col(text_null(Referrals::Note))
                    .col(uuid(Referrals::CreatedBy))
                    .col(timestamp_with_time_zone(Referrals::CreatedAt))
                    .foreign_key(
                        &mut fk(
                            (Referrals::Table, Referrals::ConsultationId),
                            (Consultations::Table, Consultations::Id),
                        )
                        .on_delete(ForeignKeyAction::Cascade)
                        .to_owned(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Ratings::Table)
                    .col(uuid(Ratings::Id).primary_key())
                    .col(string_len(Ratings::SubjectKind, 16))
                    .col(uuid(Ratings::SubjectId))
                    .col(string_len(Ratings::UnitCode, 8))
                    .col(uuid_null(Ratings::UserId))
                    .col(small_integer(Ratings::U1))
                    .col(small_integer(Ratings::U2))
                    .col(small_integer(Ratings::U3))
                    .col(small_integer(Ratings::U4))
                    .col(small_integer(Ratings::U5))
                    .col(small_integer(Ratings::U6))
                    .col(small_integer(Ratings::U7))
                    .col(small_integer(Ratings::U8))
                    .col(small_integer(Ratings::U9))
                    .col(text_null(Ratings::Comment))
                    .col(boolean(Ratings::NeedsFollowUp))
                    .col(timestamp_with_time_zone(Ratings::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_ratings_subject")
                    .table(Ratings::Table)
                    .unique()
                    .col(Ratings::SubjectKind)
                    .col(Ratings::SubjectId)
                    .to_owned(),
            )
            .await?;
        for col in [
            OutboxEmails::AttachmentName,
            OutboxEmails::AttachmentContentType,
            OutboxEmails::AttachmentBody,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(OutboxEmails::Table)
                        .add_column(text_null(col))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for col in [
            OutboxEmails::AttachmentName,
            OutboxEmails::AttachmentContentType,
            OutboxEmails::AttachmentBody,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(OutboxEmails::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        for table in [
            Ratings::Table.into_iden(),
            Referrals::Table.into_iden(),
            FollowUps::Table.into_iden(),
            ReadReceipts::Table.into_iden(),
            Attachments::Table.into_iden(),
            Messages::Table.into_iden(),
            Consultations::Table.into_iden(),
            ConsultationCounters::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
