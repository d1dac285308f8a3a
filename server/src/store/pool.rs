//! The connection pool and its migrations.

use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

/// How long a request waits for a connection by default.
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

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
        .foreign_keys(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .acquire_timeout(acquire_timeout)
        .connect_with(options)
        .await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(pool)
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
