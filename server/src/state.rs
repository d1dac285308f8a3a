//! What every request handler shares: the board, and the settings the HTTP
//! layer needs.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::api::limits::TrustedProxies;
use crate::domain::Board;

#[derive(Clone)]
pub struct AppState {
    pub board: Board,
    /// The site's public origin, checked by [`crate::site::origin::parse_public_url`].
    pub public_url: Option<String>,
    /// Writes one client may send per minute, on each write route.
    pub write_limit: u32,
    /// Proxies whose `X-Forwarded-For` names the real client.
    pub trusted_proxies: TrustedProxies,
    pub readiness: Arc<Readiness>,
}

impl AppState {
    pub fn new(pool: sqlx::SqlitePool) -> Self {
        AppState {
            board: Board::new(pool),
            public_url: None,
            write_limit: 20,
            trusted_proxies: TrustedProxies::default(),
            readiness: Arc::default(),
        }
    }
}

/// Whether the server can serve: its indexes built, its database answering.
/// `/readyz` reads this and never waits on the database: a check older
/// than a second is answered as it stands while a new one runs in the
/// background (only the very first check is waited for).
#[derive(Default)]
pub struct Readiness {
    indexes: AtomicBool,
    database: std::sync::Mutex<Option<(Instant, bool)>>,
    checking: AtomicBool,
}

/// How long a database check stands for.
const DATABASE_CHECK_FOR: Duration = Duration::from_secs(1);

impl Readiness {
    pub fn set_indexes_ready(&self) {
        self.indexes.store(true, Ordering::Release);
    }

    pub fn indexes_ready(&self) -> bool {
        self.indexes.load(Ordering::Acquire)
    }

    /// Whether the database answered at the last check.
    pub async fn database_ready(self: &Arc<Self>, pool: &sqlx::SqlitePool) -> bool {
        let last = *self.database.lock().unwrap_or_else(|e| e.into_inner());
        match last {
            Some((at, ok)) if at.elapsed() < DATABASE_CHECK_FOR => ok,
            Some((_, ok)) => {
                if !self.checking.swap(true, Ordering::AcqRel) {
                    let (this, pool) = (self.clone(), pool.clone());
                    tokio::spawn(async move {
                        this.check_database(&pool).await;
                        this.checking.store(false, Ordering::Release);
                    });
                }
                ok
            }
            None => self.check_database(pool).await,
        }
    }

    async fn check_database(&self, pool: &sqlx::SqlitePool) -> bool {
        let ok = tokio::time::timeout(
            DATABASE_CHECK_FOR,
            sqlx::query_scalar::<_, i64>("SELECT 1").fetch_one(pool),
        )
        .await
        .is_ok_and(|answer| answer.is_ok());
        *self.database.lock().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), ok));
        ok
    }
}
