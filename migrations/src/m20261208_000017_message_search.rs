//! Staff search reaches the conversation: the words of every message are indexed as the
//! consultations' subject and question are (SQLite FTS5 kept by triggers; a PostgreSQL GIN
//! index over the same text that `consultations::search` matches).
use sea_orm_migration::{prelude::*, sea_orm::DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const SQLITE_UP: &[&str] = &[
    "CREATE VIRTUAL TABLE messages_fts USING fts5(body, \
     content='messages', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN \
     INSERT INTO messages_fts(rowid, body) VALUES (new.rowid, new.body); END",
    "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN \
     INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.rowid, old.body); END",
    "CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN \
     INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.rowid, old.body); \
     INSERT INTO messages_fts(rowid, body) VALUES (new.rowid, new.body); END",
    "INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')",
];

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS messages_fts_update",
    "DROP TRIGGER IF EXISTS messages_fts_delete",
    "DROP TRIGGER IF EXISTS messages_fts_insert",
    "DROP TABLE IF EXISTS messages_fts",
];

const POSTGRES_UP: &[&str] = &["CREATE INDEX idx_messages_fts ON messages USING GIN \
     (to_tsvector('simple'::regconfig, body))"];

const POSTGRES_DOWN: &[&str] = &["DROP INDEX IF EXISTS idx_messages_fts"];

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
        match manager.get_database_backend() {
            DbBackend::Sqlite => run_all(manager, SQLITE_UP).await,
            _ => run_all(manager, POSTGRES_UP).await,
        }
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        match manager.get_database_backend() {
            DbBackend::Sqlite => run_all(manager, SQLITE_DOWN).await,
            _ => run_all(manager, POSTGRES_DOWN).await,
        }
    }
}
