//! The connection pool and its migrations, and how writers share the file:
//! several processes (a server, `seed`, `import`) may write one database.
//!
//! SQLite lets one writer in at a time. So every connection waits for the
//! write lock (a busy timeout) instead of failing at once; write
//! transactions take that lock when they begin (`BEGIN IMMEDIATE`), as a
//! deferred one that read first cannot wait for it later (its snapshot is
//! stale once another writer committed: SQLITE_BUSY_SNAPSHOT); a write
//! that still meets a busy database is tried again whole
//! ([`with_write_tx`]); and bulk writes checkpoint the WAL
//! ([`checkpoint`]) so that it does not grow while readers keep it in use.

use std::str::FromStr;
use std::time::Duration;

use futures_util::future::BoxFuture;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{AssertSqlSafe, SqliteConnection, SqlitePool};

/// How long a request waits for a connection by default.
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

/// How long a statement waits for another process's lock (the write lock,
/// or a checkpoint's) before it fails with "database is locked".
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The size the WAL file is cut back to when it is reset, in bytes. It
/// still grows beyond while readers keep a checkpoint from finishing.
pub const JOURNAL_SIZE_LIMIT: u64 = 64 * 1024 * 1024;

/// How long a checkpoint waits for readers on old snapshots to finish
/// (writers wait behind it meanwhile, so less than [`BUSY_TIMEOUT`]).
pub const CHECKPOINT_WAIT: Duration = Duration::from_secs(2);

/// How many times [`with_write_tx`] tries a transaction that met a busy
/// database (each try waits up to [`BUSY_TIMEOUT`] for the lock).
pub const WRITE_ATTEMPTS: u32 = 3;

/// The first pause between two tries; it doubles after each.
pub const RETRY_BACKOFF: Duration = Duration::from_millis(50);

/// Records a bulk write (import, seed) stores per transaction: each
/// holds the write lock for well under a second, so that other writers'
/// waits stay short.
pub const BULK_BATCH: usize = 250;

/// The shortest pause a bulk write makes after each batch. A writer
/// waiting for the lock does not queue: SQLite's busy handler polls,
/// up to 100 ms apart, and would seldom find the lock free if the bulk
/// write took it again at once. So the bulk write lets go for an eighth of
/// the time it held the lock, and at least this long: each poll then finds
/// the lock free about once in ten.
pub const BULK_PAUSE: Duration = Duration::from_millis(20);

/// A bulk write checkpoints the WAL after this many batches, and at its end.
pub const CHECKPOINT_EVERY: usize = 20;

/// Begins a write transaction holding the write lock from its start.
pub const BEGIN_WRITE: &str = "BEGIN IMMEDIATE";

/// Opens (creating when missing) the database at `url` and migrates it.
pub async fn connect(url: &str) -> Result<SqlitePool, sqlx::Error> {
    connect_with(url, ACQUIRE_TIMEOUT).await
}

/// [`connect`], with requests waiting at most `acquire_timeout` for a
/// connection (then they fail, rather than queue without bound).
pub async fn connect_with(url: &str, acquire_timeout: Duration) -> Result<SqlitePool, sqlx::Error> {
    if let Some(dir) = sqlite_parent_dir(url) {
        std::fs::create_dir_all(dir).map_err(|e| sqlx::Error::Configuration(e.into()))?;
    }
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(BUSY_TIMEOUT)
        .pragma("journal_size_limit", JOURNAL_SIZE_LIMIT.to_string());
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .acquire_timeout(acquire_timeout)
        .connect_with(options)
        .await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(pool)
}

/// An error worth trying again: another connection held a lock
/// (SQLITE_BUSY and SQLITE_LOCKED, with their extended codes).
pub trait Busy {
    fn is_busy(&self) -> bool;
}

impl Busy for sqlx::Error {
    fn is_busy(&self) -> bool {
        let sqlx::Error::Database(error) = self else {
            return false;
        };
        // sqlx gives the extended result code; its low byte is the primary one.
        let code = error.code().and_then(|code| code.parse::<i32>().ok());
        code.is_some_and(|code| matches!(code & 0xff, SQLITE_BUSY | SQLITE_LOCKED))
    }
}

const SQLITE_BUSY: i32 = 5;
const SQLITE_LOCKED: i32 = 6;

/// Runs `work` on `input` in a write transaction ([`BEGIN_WRITE`]) and
/// commits it. When the database is busy (begin, work or commit), the
/// transaction is rolled back and tried again whole, at most
/// [`WRITE_ATTEMPTS`] times, with a pause that doubles from
/// [`RETRY_BACKOFF`]; then the error is returned. Any other error is
/// returned at once. `work` may run more than once, so it keeps what it
/// found in its result, not outside.
///
/// `input` is handed to `work` rather than captured by it, so that the
/// future `work` returns may borrow it (and stay `Send`).
pub async fn with_write_tx<I, T, E, F>(pool: &SqlitePool, input: &I, mut work: F) -> Result<T, E>
where
    I: ?Sized + Sync,
    F: for<'c> FnMut(&'c mut SqliteConnection, &'c I) -> BoxFuture<'c, Result<T, E>>,
    E: From<sqlx::Error> + Busy + std::fmt::Display,
{
    let mut attempt = 1;
    loop {
        let result: Result<T, E> = async {
            let mut tx = pool.begin_with(BEGIN_WRITE).await?;
            let value = work(&mut tx, input).await?;
            tx.commit().await?;
            Ok(value)
        }
        .await;
        match result {
            Err(error) if error.is_busy() && attempt < WRITE_ATTEMPTS => {
                tracing::info!(attempt, %error, "a write met a busy database; trying it again");
                tokio::time::sleep(RETRY_BACKOFF * 2u32.pow(attempt - 1)).await;
                attempt += 1;
            }
            result => return result,
        }
    }
}

/// [`with_write_tx`] for one batch of a bulk write (import, seed): then a
/// pause ([`BULK_PAUSE`]), so that other writers get the lock in between.
pub async fn with_bulk_write_tx<I, T, E, F>(pool: &SqlitePool, input: &I, work: F) -> Result<T, E>
where
    I: ?Sized + Sync,
    F: for<'c> FnMut(&'c mut SqliteConnection, &'c I) -> BoxFuture<'c, Result<T, E>>,
    E: From<sqlx::Error> + Busy + std::fmt::Display,
{
    let started = std::time::Instant::now();
    let result = with_write_tx(pool, input, work).await;
    tokio::time::sleep((started.elapsed() / 8).max(BULK_PAUSE)).await;
    result
}

/// What a checkpoint did, as `PRAGMA wal_checkpoint` answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checkpoint {
    /// Whether readers on older snapshots kept it from finishing (the WAL
    /// then keeps its size; a later checkpoint gets further).
    pub blocked: bool,
    /// Pages in the WAL before it was truncated (-1 when not in WAL mode).
    pub wal_pages: i64,
    /// Of which copied into the database.
    pub checkpointed: i64,
}

/// Copies the WAL into the database and truncates it to nothing, waiting
/// up to [`CHECKPOINT_WAIT`] for readers of older snapshots (new writers
/// wait meanwhile; readers do not). A passive pass first copies what it can
/// without waiting, so that the wait, if any, is short.
pub async fn checkpoint(pool: &SqlitePool) -> Result<Checkpoint, sqlx::Error> {
    let mut conn = pool.acquire().await?;
    let usual: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
        .fetch_one(&mut *conn)
        .await?;
    set_busy_timeout(&mut conn, CHECKPOINT_WAIT.as_millis()).await?;
    let result = async {
        let _: (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(PASSIVE)")
            .fetch_one(&mut *conn)
            .await?;
        let (blocked, wal_pages, checkpointed): (i64, i64, i64) =
            sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
                .fetch_one(&mut *conn)
                .await?;
        Ok(Checkpoint {
            blocked: blocked != 0,
            wal_pages,
            checkpointed,
        })
    }
    .await;
    if set_busy_timeout(&mut conn, usual).await.is_err() {
        // Never back in the pool with the short wait.
        conn.close_on_drop();
    }
    result
}

/// [`checkpoint`] after (or during) a bulk write, whose work is done
/// whatever the checkpoint does: a busy or failed one is logged, not returned.
pub async fn checkpoint_after_bulk_write(pool: &SqlitePool, what: &str) {
    match checkpoint(pool).await {
        Ok(done) if done.blocked => tracing::warn!(
            what,
            wal_pages = done.wal_pages,
            checkpointed = done.checkpointed,
            "readers kept the WAL checkpoint from finishing; the WAL keeps its size until a later one"
        ),
        Ok(done) => tracing::debug!(what, wal_pages = done.wal_pages, "WAL checkpointed"),
        Err(error) => tracing::warn!(what, %error, "the WAL checkpoint failed"),
    }
}

async fn set_busy_timeout(
    conn: &mut SqliteConnection,
    millis: impl std::fmt::Display,
) -> Result<(), sqlx::Error> {
    sqlx::query(AssertSqlSafe(format!("PRAGMA busy_timeout = {millis}")))
        .execute(&mut *conn)
        .await
        .map(drop)
}

/// The folder a file-backed SQLite URL points into, so it can be created.
fn sqlite_parent_dir(url: &str) -> Option<&std::path::Path> {
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = path.split('?').next()?;
    if path.is_empty() || path.starts_with(":memory:") {
        return None;
    }
    std::path::Path::new(path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
}

#[cfg(test)]
mod tests {
    use super::sqlite_parent_dir;
    use std::path::Path;

    #[test]
    fn parent_dir_of_file_urls_only() {
        assert_eq!(
            sqlite_parent_dir("sqlite://data/ascend.db"),
            Some(Path::new("data"))
        );
        assert_eq!(
            sqlite_parent_dir("sqlite:/tmp/x/a.db?mode=rwc"),
            Some(Path::new("/tmp/x"))
        );
        assert_eq!(sqlite_parent_dir("sqlite::memory:"), None);
        assert_eq!(sqlite_parent_dir("sqlite://ascend.db"), None);
        assert_eq!(sqlite_parent_dir("postgres://localhost/ascend"), None);
    }
}
