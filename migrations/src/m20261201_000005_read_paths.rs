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

/// An index: name, table, columns.
struct IndexDef(&'static str, DynIden, Vec<DynIden>);

fn on<T: IntoIden, C: IntoIden>(
    name: &'static str,
    table: T,
    cols: impl IntoIterator<Item = C>,
) -> IndexDef {
    IndexDef(
        name,
        table.into_iden(),
        cols.into_iter().map(IntoIden::into_iden).collect(),
    )
}

/// The indexes this migration replaces, as they were.
fn replaced() -> Vec<IndexDef> {
    use Consultations as K;
    vec![
        on(
            "idx_consultations_unit_status",
            K::Table,
            [K::UnitCode, K::Status, K::CreatedAt],
        ),
        on(
            "idx_consultations_user",
            K::Table,
            [K::UserId, K::CreatedAt],
        ),
        on(
            "idx_messages_consultation",
            Messages::Table,
            [Messages::ConsultationId, Messages::Id],
        ),
    ]
}

/// The indexes this migration adds.
fn added() -> Vec<IndexDef> {
    use Consultations as K;
    vec![
        // A queue position counts the earlier waiting consultations of the unit: a range of this
        // index, covering (no table reads).
        on(
            "idx_consultations_queue",
            K::Table,
            [K::UnitCode, K::Status, K::CreatedAt, K::Id],
        ),
        on(
            "idx_consultations_unit_created",
            K::Table,
            [K::UnitCode, K::CreatedAt, K::Id],
        ),
        on(
            "idx_consultations_unit_category",
            K::Table,
            [K::UnitCode, K::Category, K::CreatedAt],
        ),
        // The owner's list, with the id that breaks ties in its order.
        on(
            "idx_consultations_user_created",
            K::Table,
            [K::UserId, K::CreatedAt, K::Id],
        ),
        on(
            "idx_consultations_user_status",
            K::Table,
            [K::UserId, K::Status, K::CreatedAt],
        ),
        on(
            "idx_consultations_assignee_created",
            K::Table,
            [K::AssigneeId, K::CreatedAt],
        ),
        // Overdue ones: two small ranges (waiting, active) per unit.
        on(
            "idx_consultations_deadline",
            K::Table,
            [K::UnitCode, K::Status, K::DeadlineAt],
        ),
        on(
            "idx_consultations_status_created",
            K::Table,
            [K::Status, K::CreatedAt, K::Id],
        ),
        // Unread counts read only this index (no table rows).
        on(
            "idx_messages_consultation",
            Messages::Table,
            [Messages::ConsultationId, Messages::Id, Messages::SenderId],
        ),
        on(
            "idx_follow_ups_consultation",
            FollowUps::Table,
            [FollowUps::ConsultationId, FollowUps::ScheduledAt],
        ),
        on(
            "idx_referrals_consultation",
            Referrals::Table,
            [Referrals::ConsultationId, Referrals::CreatedAt],
        ),
    ]
}

async fn create(
    manager: &SchemaManager<'_>,
    IndexDef(name, table, cols): IndexDef,
) -> Result<(), DbErr> {
    let mut index = Index::create().name(name).table(table).to_owned();
    for c in cols {
        index.col(c);
    }
    manager.create_index(index).await
}

async fn drop(
    manager: &SchemaManager<'_>,
    IndexDef(name, table, _): IndexDef,
) -> Result<(), DbErr> {
    manager
        .drop_index(Index::drop().name(name).table(table).to_owned())
        .await
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
        for index in replaced() {
            drop(manager, index).await?;
        }
        for index in added() {
            create(manager, index).await?;
        }
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
        for index in added() {
            drop(manager, index).await?;
        }
        for index in replaced() {
            create(manager, index).await?;
        }
        Ok(())
    }
}
