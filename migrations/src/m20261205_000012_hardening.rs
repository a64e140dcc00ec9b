//! Hardening: sessions ended before their access tokens expire (checked on every request, so a
//! logout or password reset ends them at once, on every instance); attempt counters per key and
//! time window shared by every instance (logins, sign-ups, resets); an append-only audit log of
//! staff actions; and the first answers to creating requests sent with an `Idempotency-Key`.
use sea_orm_migration::{prelude::*, schema::*, sea_orm::DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RevokedSessions {
    Table,
    SessionId,
    UserId,
    RevokedAt,
    /// After this no access token of the session can still be valid: the row may go.
    ForgetAfter,
}

#[derive(DeriveIden)]
enum RateCounters {
    Table,
    Key,
    /// Unix seconds of the window's start.
    WindowStart,
    Hits,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    Id,
    At,
    ActorId,
    ActorRole,
    UnitCode,
    Action,
    TargetType,
    TargetId,
    Address,
    Detail,
}

#[derive(DeriveIden)]
enum IdempotencyKeys {
    Table,
    /// The caller: a user id, or `anonymous`.
    Scope,
    Key,
    /// Method and route of the first request.
    Route,
    /// SHA-256 of the first request's body: the same key with another body is refused.
    RequestHash,
    Status,
    Body,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RevokedSessions::Table)
                    .col(uuid(RevokedSessions::SessionId).primary_key())
                    .col(uuid(RevokedSessions::UserId))
                    .col(timestamp_with_time_zone(RevokedSessions::RevokedAt))
                    .col(timestamp_with_time_zone(RevokedSessions::ForgetAfter))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_revoked_sessions_forget")
                    .table(RevokedSessions::Table)
                    .col(RevokedSessions::ForgetAfter)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RateCounters::Table)
                    .col(string_len(RateCounters::Key, 320))
                    .col(big_integer(RateCounters::WindowStart))
                    .col(big_integer(RateCounters::Hits))
                    .col(timestamp_with_time_zone(RateCounters::ExpiresAt))
                    .primary_key(
                        Index::create()
                            .col(RateCounters::Key)
                            .col(RateCounters::WindowStart),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_rate_counters_expires")
                    .table(RateCounters::Table)
                    .col(RateCounters::ExpiresAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditEvents::Table)
                    .col(uuid(AuditEvents::Id).primary_key())
                    .col(timestamp_with_time_zone(AuditEvents::At))
                    .col(uuid_null(AuditEvents::ActorId))
                    .col(string_len(AuditEvents::ActorRole, 16))
                    .col(string_len_null(AuditEvents::UnitCode, 8))
                    .col(string_len(AuditEvents::Action, 64))
                    .col(string_len(AuditEvents::TargetType, 32))
                    .col(string_len_null(AuditEvents::TargetId, 64))
                    .col(string_len(AuditEvents::Address, 64))
                    .col(text(AuditEvents::Detail))
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                "idx_audit_events_at",
                vec![AuditEvents::At, AuditEvents::Id],
            ),
            (
                "idx_audit_events_unit_at",
                vec![AuditEvents::UnitCode, AuditEvents::At, AuditEvents::Id],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(AuditEvents::Table);
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }
        // Append-only in the database itself: no update or delete of an entry, whoever asks.
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS \
                     $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events \
                     FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()",
                )
                .await?;
            }
            _ => {
                for op in ["UPDATE", "DELETE"] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER audit_events_no_{op} BEFORE {op} ON audit_events \
                         BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
                    ))
                    .await?;
                }
            }
        }
        manager
            .create_table(
                Table::create()
                    .table(IdempotencyKeys::Table)
                    .col(string_len(IdempotencyKeys::Scope, 40))
                    .col(string_len(IdempotencyKeys::Key, 200))
                    .col(string_len(IdempotencyKeys::Route, 200))
                    .col(string_len(IdempotencyKeys::RequestHash, 64))
                    .col(integer(IdempotencyKeys::Status))
                    .col(text(IdempotencyKeys::Body))
                    .col(timestamp_with_time_zone(IdempotencyKeys::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(IdempotencyKeys::Scope)
                            .col(IdempotencyKeys::Key),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_idempotency_keys_created")
                    .table(IdempotencyKeys::Table)
                    .col(IdempotencyKeys::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DbBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared("DROP FUNCTION IF EXISTS audit_events_append_only() CASCADE")
                .await?;
        }
        for table in [
            IdempotencyKeys::Table.into_iden(),
            AuditEvents::Table.into_iden(),
            RateCounters::Table.into_iden(),
            RevokedSessions::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
