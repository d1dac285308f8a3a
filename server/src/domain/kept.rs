//! What the board keeps of its answers while the data is unchanged.
//!
//! Triggers move a counter in `data_versions` on every write to jobs,
//! companies or exchange rates, from this process or another one (an import
//! run). [`DataVersion`] reads it at most once per interval, so that a busy
//! server does not ask the database on every request; [`Kept`] holds
//! serialized answers (a job page's JSON, a similar-jobs list, a search
//! page) for the current version and day, in a `moka` cache: bounded by
//! size, and loading each missing answer once however many requests ask for
//! it at the same moment.

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;

use super::error::{Error, Result};

/// A value as JSON bytes, to keep.
pub fn json_bytes<T: serde::Serialize>(value: &T) -> Result<Bytes> {
    Ok(Bytes::from(serde_json::to_vec(value)?))
}

/// Every data version in one number: each only grows, so their sum moves
/// whenever one does. Read on `conn`, so a transaction sees its own.
pub async fn read_data_version(conn: &mut sqlx::SqliteConnection) -> Result<i64> {
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

    pub async fn current(&self, pool: &sqlx::SqlitePool) -> Result<i64> {
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

/// What an answer is kept under: the data version and day it was made for,
/// and what it answers.
type Key = (i64, i64, String);

/// Serialized answers, each for one data version and day.
pub struct Kept {
    answers: moka::future::Cache<Key, Bytes>,
    /// The newest (version, day) seen, to let go of older answers at once.
    newest: Mutex<(i64, i64)>,
}

impl Kept {
    /// Keeps at most `bytes` of answers, the least used going first.
    pub fn new(bytes: u64) -> Kept {
        Kept {
            answers: moka::future::Cache::builder()
                .max_capacity(bytes)
                .weigher(|key: &Key, value: &Bytes| {
                    u32::try_from(key.2.len() + value.len()).unwrap_or(u32::MAX)
                })
                .build(),
            newest: Mutex::new((i64::MIN, i64::MIN)),
        }
    }

    /// The answer under `key` for this version and day, made by `make` when
    /// missing; concurrent requests for the same missing answer wait for one
    /// `make`. Errors are not kept.
    pub async fn get_or_make<F, Fut>(
        &self,
        version: i64,
        today: i64,
        key: &str,
        make: F,
    ) -> Result<Bytes>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Bytes>>,
    {
        self.forget_older_than(version, today);
        self.answers
            .try_get_with((version, today, key.to_owned()), make())
            .await
            .map_err(Error::from_shared)
    }

    /// Answers of an older version or day can never be asked for again.
    fn forget_older_than(&self, version: i64, today: i64) {
        let mut newest = self.newest.lock().unwrap_or_else(|e| e.into_inner());
        if (version, today) > *newest {
            if newest.0 != i64::MIN {
                self.answers.invalidate_all();
            }
            *newest = (version, today);
        }
    }
}

impl Default for Kept {
    /// About 10,000 job pages of ~8 KB.
    fn default() -> Self {
        Kept::new(80 * 1024 * 1024)
    }
}

impl Error {
    /// The error a shared load failed with, for one of the requests that
    /// waited for it: its own when it is the last holder, else a copy of
    /// what callers act on, or the shared error with its whole cause.
    pub fn from_shared(error: Arc<Error>) -> Error {
        Arc::try_unwrap(error).unwrap_or_else(|shared| match &*shared {
            Error::NotFound(message) => Error::NotFound(message.clone()),
            Error::Gone(message) => Error::Gone(message.clone()),
            Error::Invalid { field, message } => Error::invalid(field, message.clone()),
            Error::Unprocessable(fields) => Error::Unprocessable(fields.clone()),
            _ => Error::Shared(shared),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    async fn answer(cache: &Kept, version: i64, today: i64, made: &AtomicUsize) -> Bytes {
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
        let cache = Kept::new(1 << 20);
        let made = AtomicUsize::new(0);
        assert_eq!(answer(&cache, 1, 20, &made).await, "1/20");
        assert_eq!(answer(&cache, 1, 20, &made).await, "1/20");
        assert_eq!(
            made.load(Ordering::SeqCst),
            1,
            "the second came from the cache"
        );
        assert_eq!(answer(&cache, 2, 20, &made).await, "2/20");
        assert_eq!(answer(&cache, 2, 21, &made).await, "2/21");
        assert_eq!(made.load(Ordering::SeqCst), 3);
        // An answer made for an older version is its own, never a newer one.
        assert_eq!(answer(&cache, 1, 21, &made).await, "1/21");
        assert_eq!(answer(&cache, 2, 21, &made).await, "2/21");
        assert_eq!(made.load(Ordering::SeqCst), 4);
    }

    #[tokio::test]
    async fn concurrent_misses_make_the_answer_once() {
        let cache = Arc::new(Kept::new(1 << 20));
        let made = Arc::new(AtomicUsize::new(0));
        let asks = (0..16).map(|_| {
            let cache = Arc::clone(&cache);
            let made = Arc::clone(&made);
            tokio::spawn(async move {
                cache
                    .get_or_make(7, 20, "search:engineer", || async move {
                        made.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        Ok(Bytes::from_static(b"page"))
                    })
                    .await
                    .unwrap()
            })
        });
        for answer in futures_util::future::join_all(asks).await {
            assert_eq!(answer.unwrap(), "page");
        }
        assert_eq!(made.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn errors_are_not_kept() {
        let cache = Kept::new(1 << 20);
        let failed = cache
            .get_or_make(1, 20, "k", || async { Err(Error::NotFound("gone".into())) })
            .await;
        assert!(matches!(failed, Err(Error::NotFound(message)) if message == "gone"));
        let made = cache
            .get_or_make(1, 20, "k", || async { Ok(Bytes::from_static(b"now")) })
            .await
            .unwrap();
        assert_eq!(made, "now");
    }
}
