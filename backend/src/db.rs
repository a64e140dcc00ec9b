//! Database access: SQLite in WAL mode by default, PostgreSQL in production; migrations.
//!
//! [`Db`] is the one place that chooses a connection. On SQLite it holds a pool of read-only
//! connections beside a single writer connection: WAL lets readers run while the one writer
//! writes, so reads never queue behind writes, and every transaction starts with
//! `BEGIN IMMEDIATE`, so it holds the write lock from its first statement and can never fail
//! half-way with "database is locked" or a stale snapshot. On PostgreSQL both are one pool.
use std::{path::Path, time::Duration};

use anyhow::Context;
/// Numbers every unit's waiting consultations 1, 2, … in queue order (for bulk loads).
pub use migration::NUMBER_THE_QUEUES;
use migration::{Migrator, MigratorTrait};
use sea_orm::{
    AccessMode, ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction,
    DbBackend, DbErr, ExecResult, IsolationLevel, QueryResult, SqliteTransactionMode, Statement,
    TransactionError, TransactionOptions, TransactionTrait,
};

/// Default number of pooled connections (readers on SQLite).
pub const DEFAULT_MAX_CONNECTIONS: u32 = 16;

/// The application's database: reads go to the read pool, writes and transactions to the writer.
#[derive(Clone, Debug)]
pub struct Db {
    read: DatabaseConnection,
    write: DatabaseConnection,
}

impl Db {
    /// Connects to `url` with at most `max_connections` pooled connections (readers on SQLite).
    pub async fn connect(url: &str, max_connections: u32) -> anyhow::Result<Self> {
        if !url.starts_with("sqlite:") {
            let mut options = base_options(url);
            options
                .max_connections(max_connections.max(1))
                .min_connections(1);
            let pool = connect(options).await?;
            return Ok(Self {
                read: pool.clone(),
                write: pool,
            });
        }
        ensure_sqlite_dir(url)?;
        let mut writer = base_options(url);
        writer.max_connections(1).min_connections(1);
        sqlite_options(&mut writer, false);
        // The writer opens (and creates) the file and switches it to WAL before any reader opens.
        let write = connect(writer).await?;
        let mut reader = base_options(url);
        reader.max_connections(max_connections.max(1));
        sqlite_options(&mut reader, true);
        let read = connect(reader).await?;
        Ok(Self { read, write })
    }

    pub async fn migrate(&self) -> anyhow::Result<()> {
        Migrator::up(&self.write, None)
            .await
            .context("database migration failed")
    }

    /// Ready when the database answers and every migration is applied.
    pub async fn ready(&self) -> Result<(), String> {
        self.read
            .ping()
            .await
            .map_err(|e| format!("database unreachable: {e}"))?;
        let pending = Migrator::get_pending_migrations(&self.read)
            .await
            .map_err(|e| format!("cannot read migrations: {e}"))?;
        if pending.is_empty() {
            Ok(())
        } else {
            Err(format!("{} migrations pending", pending.len()))
        }
    }

    fn immediate(&self, mut options: TransactionOptions) -> TransactionOptions {
        if self.write.get_database_backend() == DbBackend::Sqlite {
            options.sqlite_transaction_mode = Some(SqliteTransactionMode::Immediate);
        }
        options
    }
}

/// A statement only reads when it is a `SELECT` (or a `WITH … SELECT`); an `INSERT … RETURNING`
/// is sent as a query but writes.
fn reads_only(sql: &str) -> bool {
    let head = sql.trim_start();
    let keyword = head
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or_default();
    if keyword.eq_ignore_ascii_case("select") {
        return true;
    }
    if keyword.eq_ignore_ascii_case("with") {
        let upper = head.to_ascii_uppercase();
        return !["INSERT ", "UPDATE ", "DELETE "]
            .iter()
            .any(|w| upper.contains(w));
    }
    false
}

#[async_trait::async_trait]
impl ConnectionTrait for Db {
    fn get_database_backend(&self) -> DbBackend {
        self.write.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.write.execute_raw(stmt).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.write.execute_unprepared(sql).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        if reads_only(&stmt.sql) {
            self.read.query_one_raw(stmt).await
        } else {
            self.write.query_one_raw(stmt).await
        }
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        if reads_only(&stmt.sql) {
            self.read.query_all_raw(stmt).await
        } else {
            self.write.query_all_raw(stmt).await
        }
    }

    fn support_returning(&self) -> bool {
        self.write.support_returning()
    }
}

#[async_trait::async_trait]
impl TransactionTrait for Db {
    type Transaction = DatabaseTransaction;

    async fn begin(&self) -> Result<DatabaseTransaction, DbErr> {
        self.begin_with_options(TransactionOptions::default()).await
    }

    async fn begin_with_config(
        &self,
        isolation_level: Option<IsolationLevel>,
        access_mode: Option<AccessMode>,
    ) -> Result<DatabaseTransaction, DbErr> {
        self.begin_with_options(TransactionOptions {
            isolation_level,
            access_mode,
            sqlite_transaction_mode: None,
        })
        .await
    }

    async fn begin_with_options(
        &self,
        options: TransactionOptions,
    ) -> Result<DatabaseTransaction, DbErr> {
        self.write.begin_with_options(self.immediate(options)).await
    }

    async fn transaction<F, T, E>(&self, callback: F) -> Result<T, TransactionError<E>>
    where
        F: for<'c> FnOnce(
                &'c DatabaseTransaction,
            )
                -> std::pin::Pin<Box<dyn Future<Output = Result<T, E>> + Send + 'c>>
            + Send,
        T: Send,
        E: std::fmt::Display + std::fmt::Debug + Send,
    {
        self.transaction_with_config(callback, None, None).await
    }

    async fn transaction_with_config<F, T, E>(
        &self,
        callback: F,
        isolation_level: Option<IsolationLevel>,
        access_mode: Option<AccessMode>,
    ) -> Result<T, TransactionError<E>>
    where
        F: for<'c> FnOnce(
                &'c DatabaseTransaction,
            )
                -> std::pin::Pin<Box<dyn Future<Output = Result<T, E>> + Send + 'c>>
            + Send,
        T: Send,
        E: std::fmt::Display + std::fmt::Debug + Send,
    {
        let txn = self
            .begin_with_config(isolation_level, access_mode)
            .await
            .map_err(TransactionError::Connection)?;
        match callback(&txn).await {
            Ok(value) => {
                txn.commit().await.map_err(TransactionError::Connection)?;
                Ok(value)
            }
            Err(e) => {
                txn.rollback().await.map_err(TransactionError::Connection)?;
                Err(TransactionError::Transaction(e))
            }
        }
    }
}

fn base_options(url: &str) -> ConnectOptions {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .sqlx_logging(false)
        .acquire_timeout(Duration::from_secs(10));
    if url.starts_with("sqlite:") {
        // A file in this process cannot drop a connection: pinging it before every statement
        // would only double the round trips to the connection's thread.
        options.test_before_acquire(false);
    } else {
        // A server connection may have been dropped while idle (restart, proxy, firewall);
        // one in steady use is not pinged.
        options.test_before_acquire_if_idle_for(Duration::from_secs(30));
    }
    options
}

fn sqlite_options(options: &mut ConnectOptions, read_only: bool) {
    options.map_sqlx_sqlite_opts(move |o| {
        use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
        let o = o
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            // Another process (the CLI) may hold the write lock for a moment.
            .busy_timeout(Duration::from_secs(10));
        if read_only {
            o.read_only(true)
        } else {
            o.create_if_missing(true)
        }
    });
}

async fn connect(options: ConnectOptions) -> anyhow::Result<DatabaseConnection> {
    Database::connect(options)
        .await
        .context("cannot connect to the database (DATABASE_URL)")
}

fn ensure_sqlite_dir(url: &str) -> anyhow::Result<()> {
    let path = url
        .trim_start_matches("sqlite:")
        .trim_start_matches("//")
        .split('?')
        .next()
        .unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return Ok(());
    }
    if let Some(dir) = Path::new(path)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the database folder {}", dir.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::reads_only;

    #[test]
    fn only_selects_go_to_the_readers() {
        assert!(reads_only("SELECT \"id\" FROM \"users\""));
        assert!(reads_only("  select 1"));
        assert!(reads_only("WITH q AS (SELECT 1) SELECT * FROM q"));
        assert!(!reads_only("WITH q AS (SELECT 1) DELETE FROM t"));
        assert!(!reads_only(
            "INSERT INTO \"users\" VALUES (1) RETURNING \"id\""
        ));
        assert!(!reads_only("UPDATE t SET a = 1 RETURNING a"));
        assert!(!reads_only("DELETE FROM t"));
        assert!(!reads_only("SELECTED"));
    }
}
