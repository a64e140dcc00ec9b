//! Indexes for every consultation list and queue read, and full-text search over consultations
//! (SQLite FTS5 kept by triggers; a PostgreSQL GIN index over the same text).
use sea_orm_migration::{prelude::*, sea_orm::DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Consultations {
    Table,
    Id,
    UnitCode,
    UserId,
    Status,
    Category,
    AssigneeId,
    DeadlineAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Messages {
    Table,
    Id,
    ConsultationId,
    SenderId,
}

#[derive(DeriveIden)]
enum FollowUps {
    Table,
    ConsultationId,
    ScheduledAt,
}

#[derive(DeriveIden)]
enum Referrals {
    Table,
    ConsultationId,
    CreatedAt,
}

/// Name and columns of each index on `consultations`.
fn consultation_indexes() -> Vec<(&'static str, Vec<Consultations>)> {
    use Consultations::*;
    vec![
        // A queue position counts the earlier waiting consultations of the unit: a range of this
        // index, covering (no table reads).
        (
            "idx_consultations_queue",
            vec![UnitCode, Status, CreatedAt, Id],
        ),
        (
            "idx_consultations_unit_created",
            vec![UnitCode, CreatedAt, Id],
        ),
        (
            "idx_consultations_unit_category",
            vec![UnitCode, Category, CreatedAt],
        ),
        (
            "idx_consultations_user_status",
            vec![UserId, Status, CreatedAt],
        ),
        (
            "idx_consultations_assignee_created",
            vec![AssigneeId, CreatedAt],
        ),
        (
            "idx_consultations_deadline",
            vec![UnitCode, Status, DeadlineAt],
        ),
        (
            "idx_consultations_status_created",
            vec![Status, CreatedAt, Id],
        ),
    ]
}

const SQLITE_FTS_UP: &[&str] = &[
    "CREATE VIRTUAL TABLE consultations_fts USING fts5(subject, question, \
     content='consultations', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER consultations_fts_insert AFTER INSERT ON consultations BEGIN \
     INSERT INTO consultations_fts(rowid, subject, question) VALUES (new.rowid, new.subject, new.question); END",
    "CREATE TRIGGER consultations_fts_delete AFTER DELETE ON consultations BEGIN \
     INSERT INTO consultations_fts(consultations_fts, rowid, subject, question) \
     VALUES ('delete', old.rowid, old.subject, old.question); END",
    "CREATE TRIGGER consultations_fts_update AFTER UPDATE OF subject, question ON consultations BEGIN \
     INSERT INTO consultations_fts(consultations_fts, rowid, subject, question) \
     VALUES ('delete', old.rowid, old.subject, old.question); \
     INSERT INTO consultations_fts(rowid, subject, question) VALUES (new.rowid, new.subject, new.question); END",
    "INSERT INTO consultations_fts(consultations_fts) VALUES ('rebuild')",
];

const SQLITE_FTS_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS consultations_fts_update",
    "DROP TRIGGER IF EXISTS consultations_fts_delete",
    "DROP TRIGGER IF EXISTS consultations_fts_insert",
    "DROP TABLE IF EXISTS consultations_fts",
];

/// The expression the application searches (`consultations::search` builds the same one).
const POSTGRES_FTS_UP: &[&str] = &[
    "CREATE INDEX idx_consultations_fts ON consultations USING GIN \
     (to_tsvector('simple'::regconfig, subject || ' ' || question))",
];

const POSTGRES_FTS_DOWN: &[&str] = &["DROP INDEX IF EXISTS idx_consultations_fts"];

async fn run_all(manager: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    let db = manager.get_connection();
    for sql in statements {
        db.execute_unprepared(sql).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Replaced by the covering queue index and the owner's list index (with the id that
        // breaks ties in the order).
        for name in ["idx_consultations_unit_status", "idx_consultations_user"] {
            manager
                .drop_index(
                    Index::drop()
                        .name(name)
                        .table(Consultations::Table)
                        .to_owned(),
                )
                .await?;
        }
        // Unread counts read only this index (no table rows).
        manager
            .drop_index(
                Index::drop()
                    .name("idx_messages_consultation")
                    .table(Messages::Table)
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
                    .col(Messages::SenderId)
                    .to_owned(),
            )
            .await?;
        for (name, cols) in consultation_indexes() {
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
            .create_index(
                Index::create()
                    .name("idx_follow_ups_consultation")
                    .table(FollowUps::Table)
                    .col(FollowUps::ConsultationId)
                    .col(FollowUps::ScheduledAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_referrals_consultation")
                    .table(Referrals::Table)
                    .col(Referrals::ConsultationId)
                    .col(Referrals::CreatedAt)
                    .to_owned(),
            )
            .await?;
        match manager.get_database_backend() {
            DbBackend::Sqlite => run_all(manager, SQLITE_FTS_UP).await,
            _ => run_all(manager, POSTGRES_FTS_UP).await,
        }
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        match manager.get_database_backend() {
            DbBackend::Sqlite => run_all(manager, SQLITE_FTS_DOWN).await?,
            _ => run_all(manager, POSTGRES_FTS_DOWN).await?,
        }
        for name in ["idx_referrals_consultation", "idx_follow_ups_consultation"] {
            let table = if name.contains("referrals") {
                Referrals::Table.into_iden()
            } else {
                FollowUps::Table.into_iden()
            };
            manager
                .drop_index(Index::drop().name(name).table(table).to_owned())
                .await?;
        }
        for (name, _) in consultation_indexes() {
            manager
                .drop_index(
                    Index::drop()
                        .name(name)
                        .table(Consultations::Table)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .drop_index(
                Index::drop()
                    .name("idx_messages_consultation")
                    .table(Messages::Table)
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
            .create_index(
                Index::create()
                    .name("idx_consultations_user")
                    .table(Consultations::Table)
                    .col(Consultations::UserId)
                    .col(Consultations::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_consultations_unit_status")
                    .table(Consultations::Table)
                    .col(Consultations::UnitCode)
                    .col(Consultations::Status)
                    .col(Consultations::CreatedAt)
                    .to_owned(),
            )
            .await
    }
}
