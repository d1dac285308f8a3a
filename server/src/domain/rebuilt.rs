//! An index built from the whole database (the search snapshot, the
//! similar-jobs index) and rebuilt when the data moves on. Requests never
//! wait for a rebuild while there is an index to answer from: the server
//! keeps serving the previous one, and one rebuild at a time runs in the
//! background. Only the very first build is waited for.

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};

use tokio::sync::Mutex;

use super::error::Result;

/// What an index was built for: a data version and a day.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Stamp {
    version: i64,
    day: i64,
}

pub struct Rebuilt<T> {
    /// What the index is, for the log.
    what: &'static str,
    current: RwLock<Option<(Stamp, Arc<T>)>>,
    /// Held while building, so that concurrent requests build once.
    building: Mutex<()>,
    /// Whether requests get the previous index while a new one is built
    /// (the server); otherwise they wait for it (tests, which check writes
    /// at once).
    serve_stale: bool,
    /// A background rebuild is under way.
    rebuilding: AtomicBool,
}

impl<T: Send + Sync + 'static> Rebuilt<T> {
    pub fn new(what: &'static str, serve_stale: bool) -> Self {
        Rebuilt {
            what,
            current: RwLock::new(None),
            building: Mutex::new(()),
            serve_stale,
            rebuilding: AtomicBool::new(false),
        }
    }

    /// The index for data `version` (or newer) and `day`, made by `build`
    /// when missing, unless a previous one may answer meanwhile.
    pub async fn get<F, Fut>(self: &Arc<Self>, version: i64, day: i64, build: F) -> Result<Arc<T>>
    where
        F: FnOnce() -> Fut + Send + 'static,
        Fut: Future<Output = Result<T>> + Send + 'static,
    {
        let wanted = Stamp { version, day };
        let current = self.current();
        match current {
            Some((stamp, index)) if stamp.day == day && stamp.version >= version => Ok(index),
            Some((_, previous)) if self.serve_stale => {
                self.rebuild_in_background(wanted, build);
                Ok(previous)
            }
            _ => self.build(wanted, build).await,
        }
    }

    /// Whether an index has been built (however old).
    pub fn is_built(&self) -> bool {
        self.current().is_some()
    }

    fn current(&self) -> Option<(Stamp, Arc<T>)> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    async fn build<F, Fut>(&self, wanted: Stamp, build: F) -> Result<Arc<T>>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        let _building = self.building.lock().await;
        if let Some((stamp, index)) = self.current()
            && stamp.day == wanted.day
            && stamp.version >= wanted.version
        {
            return Ok(index);
        }
        let index = Arc::new(build().await?);
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = Some((wanted, index.clone()));
        Ok(index)
    }

    /// Starts one rebuild at a time; a failed one is logged, and the next
    /// request starts another.
    fn rebuild_in_background<F, Fut>(self: &Arc<Self>, wanted: Stamp, build: F)
    where
        F: FnOnce() -> Fut + Send + 'static,
        Fut: Future<Output = Result<T>> + Send + 'static,
    {
        if self.rebuilding.swap(true, Ordering::AcqRel) {
            return;
        }
        let this = Arc::clone(self);
        tokio::spawn(async move {
            if let Err(error) = this.build(wanted, build).await {
                tracing::error!(%error, what = this.what, "could not rebuild an index");
            }
            this.rebuilding.store(false, Ordering::Release);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::time::Duration;

    #[tokio::test]
    async fn the_previous_index_answers_while_the_next_is_built() {
        let cache = Arc::new(Rebuilt::new("test", true));
        assert!(!cache.is_built());
        let first = cache.get(1, 0, || async { Ok("one") }).await.unwrap();
        assert_eq!(*first, "one");
        assert!(cache.is_built());
        let (release, wait) = tokio::sync::oneshot::channel::<()>();
        // Version 2 is asked for: version 1 answers at once.
        let during = cache
            .get(2, 0, || async move {
                wait.await.ok();
                Ok("two")
            })
            .await
            .unwrap();
        assert_eq!(*during, "one");
        release.send(()).unwrap();
        for _ in 0..100 {
            if *cache.get(2, 0, || async { Ok("again") }).await.unwrap() == "two" {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("the rebuilt index never replaced the previous one");
    }

    #[tokio::test]
    async fn without_stale_answers_requests_wait_for_one_build() {
        let cache = Arc::new(Rebuilt::new("test", false));
        let builds = Arc::new(AtomicUsize::new(0));
        let asks = (0..8).map(|_| {
            let (cache, builds) = (cache.clone(), builds.clone());
            tokio::spawn(async move {
                cache
                    .get(5, 1, move || async move {
                        builds.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        Ok(5)
                    })
                    .await
            })
        });
        for ask in asks.collect::<Vec<_>>() {
            assert_eq!(*ask.await.unwrap().unwrap(), 5);
        }
        assert_eq!(builds.load(Ordering::SeqCst), 1);
        // A newer version is built and waited for.
        let newer = cache.get(6, 1, || async { Ok(6) }).await.unwrap();
        assert_eq!(*newer, 6);
    }
}
