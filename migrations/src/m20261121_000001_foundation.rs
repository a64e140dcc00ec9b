//! Units and their service standards, the holiday calendar, accounts, tokens and the email outbox.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Units {
    Table,
    Code,
    Name,
    Kind,
    ParentCode,
    TimeZone,
    AutoCloseAfterDays,
    OnlineDeadlineWorkingDays,
    WalkinMaxWaitMinutes,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ServiceStandards {
    Table,
    UnitCode,
    Content,
    UpdatedAt,
    UpdatedBy,
}

#[derive(DeriveIden)]
enum Holidays {
    Table,
    Date,
    Kind,
    Name,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Email,
    PasswordHash,
    FullName,
    Phone,
    Institution,
    Occupation,
    Role,
    UnitCode,
    EmailVerifiedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum EmailTokens {
    Table,
    Id,
    UserId,
    Purpose,
    TokenHash,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RefreshTokens {
    Table,
    Id,
    UserId,
    FamilyId,
    TokenHash,
    ExpiresAt,
    UsedAt,
    RevokedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OutboxEmails {
    Table,
    Id,
    Recipient,
    Subject,
    BodyText,
    Attempts,
    NextAttemptAt,
    SentAt,
    LastError,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Units::Table)
                    .col(string_len(Units::Code, 8).primary_key())
                    .col(string(Units::Name))
                    .col(string_len(Units::Kind, 16))
                    .col(string_len_null(Units::ParentCode, 8))
                    .col(string_len(Units::TimeZone, 40))
                    .col(integer(Units::AutoCloseAfterDays))
                    .col(integer(Units::OnlineDeadlineWorkingDays))
                    .col(integer(Units::WalkinMaxWaitMinutes))
                    .col(timestamp_with_time_zone(Units::CreatedAt))
                    .col(timestamp_with_time_zone(Units::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Units::Table, Units::ParentCode)
                            .to(Units::Table, Units::Code),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ServiceStandards::Table)
                    .col(string_len(ServiceStandards::UnitCode, 8).primary_key())
                    .col(text(ServiceStandards::Content))
                    .col(timestamp_with_time_zone(ServiceStandards::UpdatedAt))
                    .col(uuid_null(ServiceStandards::UpdatedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ServiceStandards::Table, ServiceStandards::UnitCode)
                            .to(Units::Table, Units::Code)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Holidays::Table)
                    .col(date(Holidays::Date).primary_key())
                    .col(string_len(Holidays::Kind, 24))
                    .col(string(Holidays::Name))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(uuid(Users::Id).primary_key())
                    .col(string_uniq(Users::Email))
                    .col(string(Users::PasswordHash))
                    .col(string(Users::FullName))
                    .col(string_null(Users::Phone))
                    .col(string_null(Users::Institution))
                    .col(string_null(Users::Occupation))
                    .col(string_len(Users::Role, 16))
                    .col(string_len_null(Users::UnitCode, 8))
                    .col(timestamp_with_time_zone_null(Users::EmailVerifiedAt))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .col(timestamp_with_time_zone(Users::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Users::Table, Users::UnitCode)
                            .to(Units::Table, Units::Code),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_users_unit_code")
                    .table(Users::Table)
                    .col(Users::UnitCode)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EmailTokens::Table)
                    .col(uuid(EmailTokens::Id).primary_key())
                    .col(uuid(EmailTokens::UserId))
                    .col(string_len(EmailTokens::Purpose, 24))
                    .col(string_uniq(EmailTokens::TokenHash))
                    .col(timestamp_with_time_zone(EmailTokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(EmailTokens::UsedAt))
                    .col(timestamp_with_time_zone(EmailTokens::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EmailTokens::Table, EmailTokens::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RefreshTokens::Table)
                    .col(uuid(RefreshTokens::Id).primary_key())
                    .col(uuid(RefreshTokens::UserId))
                    .col(uuid(RefreshTokens::FamilyId))
                    .col(string_uniq(RefreshTokens::TokenHash))
                    .col(timestamp_with_time_zone(RefreshTokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(RefreshTokens::UsedAt))
                    .col(timestamp_with_time_zone_null(RefreshTokens::RevokedAt))
                    .col(timestamp_with_time_zone(RefreshTokens::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RefreshTokens::Table, RefreshTokens::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_refresh_tokens_family")
                    .table(RefreshTokens::Table)
                    .col(RefreshTokens::FamilyId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OutboxEmails::Table)
                    .col(uuid(OutboxEmails::Id).primary_key())
                    .col(string(OutboxEmails::Recipient))
                    .col(string(OutboxEmails::Subject))
                    .col(text(OutboxEmails::BodyText))
                    .col(integer(OutboxEmails::Attempts).default(0))
                    .col(timestamp_with_time_zone(OutboxEmails::NextAttemptAt))
                    .col(timestamp_with_time_zone_null(OutboxEmails::SentAt))
                    .col(text_null(OutboxEmails::LastError))
                    .col(timestamp_with_time_zone(OutboxEmails::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_outbox_pending")
                    .table(OutboxEmails::Table)
                    .col(OutboxEmails::SentAt)
                    .col(OutboxEmails::NextAttemptAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            OutboxEmails::Table.into_iden(),
            RefreshTokens::Table.into_iden(),
            EmailTokens::Table.into_iden(),
            Users::Table.into_iden(),
            Holidays::Table.into_iden(),
            ServiceStandards::Table.into_iden(),
            Units::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
