//! Caches of what the API computes from the jobs, kept as long as the data
//! is unchanged.
//!
//! Triggers move a counter in `data_versions` on every write to jobs,
//! companies or exchange rates, from this process or another one (an import
//! run). [`DataVersion`] reads it at most once per interval, so that a busy
//! server does not ask the database on every request; [`ResponseCache`]
//! keeps serialized answers (a job page's JSON, a similar-jobs list) for the
//! current version and day, and forgets them all when either moves.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Mutex, RwLock};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::error::AppError;

/// A value as JSON bytes, to keep.
pub fn json_bytes<T: serde::Serialize>(value: &T) -> Result<Bytes, AppError> {
    serde_json::to_vec(value)
        .map(Bytes::from)
        .map_err(|e| AppError::Internal(format!("serializing an answer: {e}")))
}

/// Kept JSON bytes as a response.
pub fn json_response(body: Bytes) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// Every data version in one number: each only grows, so their sum moves
/// whenever one does. Read on `conn`, so a transaction sees its own.
pub async fn read_data_version(conn: &mut sqlx::SqliteConnection) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar("SELECT SUM(version) FROM data_versions")
        .fetch_one(conn)
        .await?)
}

/// The data version, read from the database at most once per interval.
pub struct DataVersion {
    interval: Duration,
    last: Mutex<Option<(Instant, i64)>>,
}

impl DataVersion {
    /// `interval` zero reads the database every time (tests that write
    /// behind the server's back need that).
    pub fn new(interval: Duration) -> DataVersion {
        DataVersion {
            interval,
            last: Mutex::new(None),
        }
    }

    pub async fn current(&self, pool: &sqlx::SqlitePool) -> Result<i64, AppError> {
        if let Some((at, version)) = *self.last.lock().unwrap_or_else(|e| e.into_inner())
            && at.elapsed() < self.interval
        {
            return Ok(version);
        }
        let version = read_data_version(&mut *pool.acquire().await?).await?;
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), version));
        Ok(version)
    }
}

impl Default for DataVersion {
    /// Writes from another process show within a quarter of a second.
    fn default() -> Self {
        DataVersion::new(Duration::from_millis(250))
    }
}

/// Serialized answers for one data version and day.
pub struct ResponseCache {
    capacity: usize,
    inner: RwLock<Entries>,
}

#[derive(Default)]
struct Entries {
    version: i64,
    today: String,
    answers: HashMap<String, Bytes>,
}

impl ResponseCache {
    /// Keeps at most `capacity` answers; when full it starts over, which is
    /// simple and, with a key per job, rare.
    pub fn new(capacity: usize) -> ResponseCache {
        ResponseCache {
            capacity,
            inner: RwLock::new(Entries::default()),
        }
    }

    /// The answer under `key` for this version and day, made by `make` when
    /// missing. Errors are not kept.
    pub async fn get_or_make<F, Fut>(
        &self,
        version: i64,
        today: &str,
        key: &str,
        make: F,
    ) -> Result<Bytes, AppError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Bytes, AppError>>,
    {
        {
            let entries = self.inner.read().unwrap_or_else(|e| e.into_inner());
            if entries.version == version
                && entries.today == today
                && let Some(answer) = entries.answers.get(key)
            {
                return Ok(answer.clone());
            }
        }
        let answer = make().await?;
        let mut entries = self.inner.write().unwrap_or_else(|e| e.into_inner());
        if entries.version != version || entries.today != today {
            // Only a newer version replaces what is kept: a slow request
            // that started before a write must not bring old answers back.
            if version < entries.version && entries.today == today {
                return Ok(answer);
            }
            *entries = Entries {
                version,
                today: today.to_owned(),
                answers: HashMap::new(),
            };
        }
        if entries.answers.len() >= self.capacity {
            entries.answers.clear();
        }
        entries.answers.insert(key.to_owned(), answer.clone());
        Ok(answer)
    }
}

impl Default for ResponseCache {
    /// About 10,000 job pages of ~8 KB: 80 MB at most.
    fn default() -> Self {
        ResponseCache::new(10_000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    async fn answer(cache: &ResponseCache, version: i64, today: &str, made: &AtomicUsize) -> Bytes {
        cache
            .get_or_make(version, today, "job:a", || async {
                made.fetch_add(1, Ordering::SeqCst);
                Ok(Bytes::from(format!("{version}/{today}")))
            })
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn answers_are_kept_per_version_and_day() {
        let cache = ResponseCache::new(10);
        let made = AtomicUsize::new(0);
        assert_eq!(answer(&cache, 1, "2026-11-25", &made).await, "1/2026-11-25");
        assert_eq!(answer(&cache, 1, "2026-11-25", &made).await, "1/2026-11-25");
        assert_eq!(
            made.load(Ordering::SeqCst),
            1,
            "the second came from the cache"
        );
        assert_eq!(answer(&cache, 2, "2026-11-25", &made).await, "2/2026-11-25");
        assert_eq!(answer(&cache, 2, "2026-11-26", &made).await, "2/2026-11-26");
        assert_eq!(made.load(Ordering::SeqCst), 3);
        // An answer made for an older version is returned but not kept.
        assert_eq!(answer(&cache, 1, "2026-11-26", &made).await, "1/2026-11-26");
        assert_eq!(answer(&cache, 2, "2026-11-26", &made).await, "2/2026-11-26");
        assert_eq!(made.load(Ordering::SeqCst), 4);
    }

    #[tokio::test]
    async fn errors_are_not_kept_and_capacity_is_bounded() {
        let cache = ResponseCache::new(2);
        let failed = cache
            .get_or_make(1, "d", "k", || async {
                Err(AppError::NotFound("gone".into()))
            })
            .await;
        assert!(failed.is_err());
        for key in ["a", "b", "c"] {
            cache
                .get_or_make(1, "d", key, || async { Ok(Bytes::from(key)) })
                .await
                .unwrap();
        }
        let entries = cache.inner.read().unwrap();
        assert!(entries.answers.len() <= 2);
        assert!(!entries.answers.contains_key("k"));
    }
}
