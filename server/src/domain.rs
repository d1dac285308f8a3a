//! What the API and the site both ask of the job board: jobs, companies,
//! salaries, search and similar jobs, read from the database through the
//! caches that keep them. Nothing here knows about HTTP.

pub mod companies;
pub mod error;
pub mod jobs;
pub mod kept;
pub mod listing;
pub mod params;
pub mod rates;
pub mod salaries;
pub mod search;
pub mod similar;
pub mod subscriptions;
pub mod suggest;

use std::sync::Arc;

use ascend_types::date::{format_iso_date, today_utc};
use sqlx::SqlitePool;

pub use error::{Error, Result};

/// The board: the database and what is kept of it between requests. Cheap
/// to clone; every clone shares the same caches.
#[derive(Clone)]
pub struct Board {
    pub pool: SqlitePool,
    /// A fixed "today" (days since 1970-01-01) for tests; `None` reads the clock.
    pub fixed_today: Option<i64>,
    /// The data version, read at most once per interval.
    pub versions: Arc<kept::DataVersion>,
    /// Serialized answers (job pages, similar lists, search pages) for the
    /// current data version and day.
    pub kept: Arc<kept::Kept>,
    /// What search and suggestions know of the open jobs.
    pub search: Arc<search::snapshot::SnapshotCache>,
    /// The similar-jobs index.
    pub similar: Arc<similar::IndexCache>,
}

impl Board {
    /// A board on `pool` that sees every write at once (what tests need);
    /// the server reads the data version at an interval instead.
    pub fn new(pool: SqlitePool) -> Self {
        Board {
            pool,
            fixed_today: None,
            versions: Arc::new(kept::DataVersion::new(std::time::Duration::ZERO)),
            kept: Default::default(),
            search: Default::default(),
            similar: Default::default(),
        }
    }

    pub fn today_days(&self) -> i64 {
        self.fixed_today.unwrap_or_else(today_utc)
    }

    /// Today as `YYYY-MM-DD` (UTC).
    pub fn today(&self) -> String {
        format_iso_date(self.today_days())
    }

    /// The current data version (see [`kept::DataVersion`]).
    pub async fn version(&self) -> Result<i64> {
        self.versions.current(&self.pool).await
    }
}

/// Builds the similar-jobs index, the search snapshot and its term list now
/// rather than in the first requests.
pub async fn warm_up(board: &Board) -> Result<()> {
    let version = board.version().await?;
    let started = std::time::Instant::now();
    board.similar.get(&board.pool, version).await?;
    tracing::info!(elapsed = ?started.elapsed(), "similar-jobs index built");
    // The search snapshot logs how long it took; the term list for typo
    // correction takes a while to read too.
    let snapshot = board
        .search
        .get(&board.pool, version, board.today_days())
        .await?;
    snapshot.vocabulary(&board.pool).await?;
    Ok(())
}
