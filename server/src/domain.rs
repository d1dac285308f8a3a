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
pub mod rebuilt;
pub mod salaries;
pub mod search;
pub mod similar;
pub mod subscriptions;
pub mod suggest;
pub mod workers;

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
    /// Where searches do their CPU work.
    pub workers: Arc<workers::Workers>,
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
            workers: Default::default(),
        }
    }

    /// A board for the server: the data version read at most every 250 ms,
    /// and searches and similar lists answered from the previous indexes
    /// while new ones are built after a write.
    pub fn serving(pool: SqlitePool) -> Self {
        Board {
            versions: Arc::new(kept::DataVersion::default()),
            search: Arc::new(search::snapshot::SnapshotCache::serving_stale()),
            similar: Arc::new(similar::IndexCache::serving_stale()),
            ..Board::new(pool)
        }
    }

    /// Whether the search snapshot and the similar-jobs index exist.
    pub fn indexes_built(&self) -> bool {
        self.search.is_built() && self.similar.is_built()
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

/// Builds the similar-jobs index and the search snapshot (with its text
/// index) now rather than in the first requests, both at once: each is CPU
/// work on a thread of its own.
pub async fn warm_up(board: &Board) -> Result<()> {
    let version = board.version().await?;
    // Each logs how long it took.
    let similar = board.similar.get(&board.pool, version);
    let search = board.search.get(&board.pool, version, board.today_days());
    let automata = tokio::task::spawn_blocking(search::index::prepare_automata);
    let (similar, search, automata) = tokio::join!(similar, search, automata);
    similar?;
    search?;
    automata.map_err(|source| Error::Task {
        what: "building the typo automata",
        source,
    })?;
    Ok(())
}

/// Hands memory freed by an index build back to the system: glibc keeps
/// freed heap pages for reuse, and after a build of the text and similar
/// indexes that is hundreds of megabytes of transient postings and rows.
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of the allocator's own
    // heaps to the kernel; it touches no memory in use.
    unsafe {
        libc::malloc_trim(0);
    }
}
