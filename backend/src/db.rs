//! Database access: SQLite in WAL mode by default, PostgreSQL in production; migrations.
//!
//! [`Db`] is the one place that chooses a connection. On SQLite it holds a pool of read-only
//! connections beside a single writer connection: WAL lets readers run while the one writer
//! writes, so reads never queue behind writes, and every transaction starts with
//! `BEGIN IMMEDIATE`, so it holds the write lock from its first statement and can never fail
//! half-way with "database is locked" or a stale snapshot. On PostgreSQL both are one pool.
use std::{path::Path, str::FromStr, sync::Arc, time::Duration};

use anyhow::Context;
/// Numbers every unit's waiting consultations 1, 2, … in queue order (for bulk loads).
pub use migration::NUMBER_THE_QUEUES;
use migration::{Migrator, MigratorTrait};
use sea_orm::{
    AccessMode, ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction,
    DbBackend, DbErr, ExecResult, IsolationLevel, QueryResult, SqliteTransactionMode, Statement,
    TransactionError, TransactionOptions, TransactionTrait,
    sea_query::Values,
    sqlx::{
        self, Connection as _,
        sqlite::{SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqliteSynchronous},
    },
};
use sea_query_sqlx::SqlxValues;

/// As sea-orm reports a failed query.
fn sqlx_error_to_query_err(e: sqlx::Error) -> DbErr {
    DbErr::Query(sea_orm::RuntimeErr::SqlxError(Arc::new(e)))
}

/// Reads a row's values one after the other, by position: a page of rows decoded by column
/// name costs a formatted name and a lookup per value (a seventh of a list request's CPU).
pub struct Cursor<'a> {
    row: &'a sea_orm::QueryResult,
    next: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(row: &'a sea_orm::QueryResult) -> Self {
        Self { row, next: 0 }
    }

    /// The next value.
    pub fn read<T: sea_orm::TryGetable>(&mut self) -> Result<T, DbErr> {
        let value = self.row.try_get_by_index(self.next);
        self.next += 1;
        value
    }
}

/// One pool's connections: open ones (busy or idle), idle ones, and the most it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolUse {
    pub name: &'static str,
    pub open: usize,
    pub idle: usize,
    pub max: usize,
}

/// Default size of PostgreSQL's pool.
pub const DEFAULT_MAX_CONNECTIONS: u32 = 16;

/// Default number of SQLite readers: two per core. Each reader is a thread of its own, and more
/// of them than the cores can run only queue inside the kernel: on 2 cores, 4 readers answered
/// the owner's list with a p99 of 21 ms at 64 connections where 16 took 43–52 ms, at the same
/// throughput (docs/benchmarks.md).
fn default_sqlite_readers() -> u32 {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    u32::try_from(cores.saturating_mul(2)).map_or(16, |n| n.clamp(2, 16))
}

/// The application's database: reads go to the read pool, writes and transactions to the writer.
#[derive(Clone, Debug)]
pub struct Db {
    read: Read,
    write: DatabaseConnection,
}

#[derive(Clone, Debug)]
enum Read {
    /// PostgreSQL: the one pool.
    Pool(DatabaseConnection),
    /// SQLite: the read-only connections.
    Sqlite(Arc<Readers>),
}

/// SQLite's read-only connections, each running one statement at a time: not an sqlx pool,
/// which pings every connection given back — one more round trip to the connection's thread
/// per statement, for a file that cannot drop a connection. Readers are opened as needed, up to
/// `max`; one that fails a statement for another reason than the statement itself is closed.
#[derive(Debug)]
struct Readers {
    options: SqliteConnectOptions,
    max: usize,
    permits: tokio::sync::Semaphore,
    idle: std::sync::Mutex<Vec<SqliteConnection>>,
}

/// A reader lent to one statement; given back when dropped.
struct Lease<'a> {
    readers: &'a Readers,
    conn: Option<SqliteConnection>,
    _permit: tokio::sync::SemaphorePermit<'a>,
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take()
            && let Ok(mut idle) = self.readers.idle.lock()
        {
            idle.push(conn);
        }
    }
}

impl Readers {
    async fn lease(&self) -> Result<Lease<'_>, DbErr> {
        let permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| DbErr::Custom("the database is closed".into()))?;
        let idle = self
            .idle
            .lock()
            .map_err(|_| DbErr::Custom("the reader list is poisoned".into()))?
            .pop();
        let conn = match idle {
            Some(conn) => conn,
            None => SqliteConnection::connect_with(&self.options)
                .await
                .map_err(sqlx_error_to_query_err)?,
        };
        Ok(Lease {
            readers: self,
            conn: Some(conn),
            _permit: permit,
        })
    }

    /// The rows of `stmt`; with `first_only`, at most its first (the rest never read).
    async fn query(&self, stmt: Statement, first_only: bool) -> Result<Vec<QueryResult>, DbErr> {
        let mut lease = self.lease().await?;
        let conn = lease
            .conn
            .as_mut()
            .ok_or_else(|| DbErr::Custom("a lent reader is gone".into()))?;
        let values = stmt.values.unwrap_or(Values(Vec::new()));
        let query = sqlx::query_with(sqlx::AssertSqlSafe(stmt.sql), SqlxValues(values));
        let fetched = if first_only {
            query
                .fetch_optional(&mut *conn)
                .await
                .map(|row| row.into_iter().collect())
        } else {
            query.fetch_all(&mut *conn).await
        };
        match fetched {
            Ok(rows) => Ok(rows.into_iter().map(QueryResult::from).collect()),
            Err(e) => {
                // An error of the statement (a constraint, a bad value) leaves the connection
                // as good as before; any other is not given back.
                if !matches!(
                    e,
                    sqlx::Error::Database(_) | sqlx::Error::ColumnDecode { .. }
                ) {
                    lease.conn = None;
                }
                Err(sqlx_error_to_query_err(e))
            }
        }
    }
}

impl Db {
    /// Connects to `url` with at most `max_connections` pooled connections (readers on SQLite;
    /// `None`: the default of each).
    pub async fn connect(url: &str, max_connections: Option<u32>) -> anyhow::Result<Self> {
        if !url.starts_with("sqlite:") {
            let mut options = base_options(url);
            options
                .max_connections(max_connections.unwrap_or(DEFAULT_MAX_CONNECTIONS).max(1))
                .min_connections(1);
            let pool = connect(options).await?;
            return Ok(Self {
                read: Read::Pool(pool.clone()),
                write: pool,
            });
        }
        ensure_sqlite_dir(url)?;
        let mut writer = base_options(url);
        writer.max_connections(1).min_connections(1);
        sqlite_options(&mut writer, false);
        // The writer opens (and creates) the file and switches it to WAL before any reader opens.
        let write = connect(writer).await?;
        let options = sqlite_connect_options(
            SqliteConnectOptions::from_str(url).context("DATABASE_URL is not a SQLite URL")?,
            true,
        );
        let max = max_connections
            .unwrap_or_else(default_sqlite_readers)
            .max(1) as usize;
        let readers = Readers {
            options,
            max,
            permits: tokio::sync::Semaphore::new(max),
            idle: std::sync::Mutex::new(Vec::with_capacity(max)),
        };
        // One at once: the file opens, and a bad URL fails at start.
        drop(
            readers
                .lease()
                .await
                .context("cannot open the database for reading")?,
        );
        Ok(Self {
            read: Read::Sqlite(Arc::new(readers)),
            write,
        })
    }

    /// How full each pool is, for `/metrics`: PostgreSQL's pool, or SQLite's writer and readers.
    pub fn pool_use(&self) -> Vec<PoolUse> {
        let pooled = |name, size: u32, idle: usize, max: u32| PoolUse {
            name,
            open: size as usize,
            idle,
            max: max as usize,
        };
        match (&self.read, self.write.get_database_backend()) {
            (Read::Pool(_), DbBackend::Postgres) => {
                let pool = self.write.get_postgres_connection_pool();
                vec![pooled(
                    "postgres",
                    pool.size(),
                    pool.num_idle(),
                    pool.options().get_max_connections(),
                )]
            }
            (Read::Sqlite(readers), DbBackend::Sqlite) => {
                let writer = self.write.get_sqlite_connection_pool();
                let idle = readers.idle.lock().map_or(0, |idle| idle.len());
                let busy = readers
                    .max
                    .saturating_sub(readers.permits.available_permits());
                vec![
                    pooled(
                        "sqlite_writer",
                        writer.size(),
                        writer.num_idle(),
                        writer.options().get_max_connections(),
                    ),
                    PoolUse {
                        name: "sqlite_readers",
                        open: idle + busy,
                        idle,
                        max: readers.max,
                    },
                ]
            }
            _ => Vec::new(),
        }
    }

    /// PostgreSQL's pool (for LISTEN/NOTIFY); `None` on SQLite.
    pub fn postgres_pool(&self) -> Option<&sqlx::PgPool> {
        match self.read {
            Read::Pool(_) if self.write.get_database_backend() == DbBackend::Postgres => {
                Some(self.write.get_postgres_connection_pool())
            }
            _ => None,
        }
    }

    /// Applies the pending migrations. On PostgreSQL instances starting at once take turns
    /// (an advisory lock), so that one migrates and the others find it done.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        /// The advisory lock's key: any constant the application owns.
        const MIGRATING: i64 = 0x5354_4B4D_4947;
        let Some(pool) = self.postgres_pool() else {
            return Migrator::up(&self.write, None)
                .await
                .context("database migration failed");
        };
        let mut lock = pool.acquire().await.context("cannot connect to migrate")?;
        sqlx::query("SELECT pg_advisory_lock($1)")
            .bind(MIGRATING)
            .execute(&mut *lock)
            .await
            .context("cannot take the migration lock")?;
        let result = Migrator::up(&self.write, None)
            .await
            .context("database migration failed");
        sqlx::query("SELECT pg_advisory_unlock($1)")
            .bind(MIGRATING)
            .execute(&mut *lock)
            .await
            .context("cannot release the migration lock")?;
        result
    }

    /// Ready when the database answers and every migration is applied.
    pub async fn ready(&self) -> Result<(), String> {
        self.query_one_raw(Statement::from_string(
            self.get_database_backend(),
            "SELECT 1",
        ))
        .await
        .map_err(|e| format!("database unreachable: {e}"))?;
        let pending = Migrator::get_pending_migrations(self)
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
        match &self.read {
            Read::Sqlite(readers) if reads_only(&stmt.sql) => {
                Ok(readers.query(stmt, true).await?.pop())
            }
            Read::Pool(pool) if reads_only(&stmt.sql) => pool.query_one_raw(stmt).await,
            _ => self.write.query_one_raw(stmt).await,
        }
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        match &self.read {
            Read::Sqlite(readers) if reads_only(&stmt.sql) => readers.query(stmt, false).await,
            Read::Pool(pool) if reads_only(&stmt.sql) => pool.query_all_raw(stmt).await,
            _ => self.write.query_all_raw(stmt).await,
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
    options.map_sqlx_sqlite_opts(move |o| sqlite_connect_options(o, read_only));
}

/// How much of the database file a connection maps into memory (the file may be larger).
const SQLITE_MMAP_BYTES: u64 = 1 << 30;

fn sqlite_connect_options(o: SqliteConnectOptions, read_only: bool) -> SqliteConnectOptions {
    let o = o
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        // Another process (the CLI) may hold the write lock for a moment.
        .busy_timeout(Duration::from_secs(10))
        // Pages are read through the operating system's page cache, shared by every connection,
        // instead of each copying them into a private cache of its own.
        .pragma("mmap_size", SQLITE_MMAP_BYTES.to_string());
    if read_only {
        o.read_only(true)
    } else {
        o.create_if_missing(true)
    }
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

/// A `LIKE … ESCAPE '\'` pattern matching `text` literally (its `%`, `_` and `\` escaped),
/// lower-cased, between `before` and `after` (`"%"` or `""`): compare with `LOWER(column)` so
/// that both databases match regardless of case.
pub fn like_lowered(before: &str, text: &str, after: &str) -> sea_orm::sea_query::LikeExpr {
    let escaped: String = text
        .to_lowercase()
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    sea_orm::sea_query::LikeExpr::new(format!("{before}{escaped}{after}")).escape('\\')
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn sql(text: &str) -> Statement {
        Statement::from_string(DbBackend::Sqlite, text)
    }

    /// The readers are shared by more statements than there are readers, survive a failing
    /// statement and one given up half-way, and never write.
    #[tokio::test]
    async fn two_readers_serve_many_statements_and_outlive_failures() {
        let dir = std::env::temp_dir().join(format!("statkonsul-db-{}", uuid::Uuid::new_v4()));
        let url = format!("sqlite://{}/t.db?mode=rwc", dir.display());
        let db = Db::connect(&url, Some(2)).await.unwrap();
        db.execute_unprepared("CREATE TABLE t (n INTEGER)")
            .await
            .unwrap();
        db.execute_unprepared("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 5000) INSERT INTO t SELECT n FROM c")
            .await
            .unwrap();
        let count = |db: Db| async move {
            let row = db
                .query_one_raw(sql("SELECT COUNT(*) AS n FROM t"))
                .await
                .unwrap()
                .unwrap();
            row.try_get::<i64>("", "n").unwrap()
        };
        let many: Vec<_> = (0..50).map(|_| tokio::spawn(count(db.clone()))).collect();
        for task in many {
            assert_eq!(task.await.unwrap(), 5000);
        }
        // A statement that fails, and one dropped before its rows are read.
        assert!(db.query_all_raw(sql("SELECT nope FROM t")).await.is_err());
        // Polled once (the reader lent, the statement sent), then dropped.
        let mut slow = Box::pin(db.query_all_raw(sql("SELECT a.n FROM t a, t b")));
        tokio::select! {
            biased;
            _ = &mut slow => panic!("25 million rows read at once"),
            _ = std::future::ready(()) => {}
        }
        drop(slow);
        for _ in 0..4 {
            assert_eq!(count(db.clone()).await, 5000);
        }
        // Reads go to read-only connections: a write sent as a query still reaches the writer.
        let Read::Sqlite(readers) = &db.read else {
            panic!("SQLite reads through the readers")
        };
        let mut lease = readers.lease().await.unwrap();
        let conn = lease.conn.as_mut().unwrap();
        assert!(
            sqlx::query("INSERT INTO t VALUES (1)")
                .execute(&mut *conn)
                .await
                .is_err()
        );
        drop(lease);
        let _ = std::fs::remove_dir_all(dir);
    }

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
