//! The pool that CPU-heavy answers run on: searches (matching, typo
//! correction, facets, ranking) take milliseconds of CPU each, and on the
//! async threads a burst of them would stall every other request, static
//! files included. Here at most one runs per core at once; the rest wait
//! their turn, for a bounded time, in order. Work known to be expensive
//! goes in a slow lane of half the workers.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::error::{Error, Result};

pub struct Workers {
    permits: Arc<Semaphore>,
    /// The slow lane: work known to be expensive (a search whose words
    /// need correcting) also needs one of these, and there are half as
    /// many, so that however much of it arrives, the other workers are
    /// left to the rest.
    slow: Arc<Semaphore>,
    /// How long a job may wait for a worker before it is refused as busy.
    patience: Duration,
}

impl Default for Workers {
    /// One worker per core, and a 5 s wait at most.
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Workers::new(cores, Duration::from_secs(5))
    }
}

impl Workers {
    pub fn new(workers: usize, patience: Duration) -> Self {
        Workers {
            permits: Arc::new(Semaphore::new(workers.max(1))),
            slow: Arc::new(Semaphore::new((workers / 2).max(1))),
            patience,
        }
    }

    /// A place in the slow lane, held for as long as the expensive work
    /// lasts (its CPU work still runs through [`Workers::run`]).
    pub async fn slow_lane(&self, what: &'static str) -> Result<OwnedSemaphorePermit> {
        tokio::time::timeout(self.patience, self.slow.clone().acquire_owned())
            .await
            .map_err(|_| Error::Busy(what))?
            .map_err(|_| Error::Busy(what))
    }

    /// [`Workers::run`] in the slow lane.
    pub async fn run_slow<T, F>(&self, what: &'static str, work: F) -> Result<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let _lane = self.slow_lane(what).await?;
        self.run(what, work).await
    }

    /// Runs `work` on a blocking thread once a worker is free; `what`
    /// names it in errors.
    pub async fn run<T, F>(&self, what: &'static str, work: F) -> Result<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let permit = tokio::time::timeout(self.patience, self.permits.clone().acquire_owned())
            .await
            .map_err(|_| Error::Busy(what))?
            .map_err(|_| Error::Busy(what))?;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work()
        })
        .await
        .map_err(|source| Error::Task { what, source })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn runs_at_most_as_many_at_once_as_it_has_workers() {
        let workers = Arc::new(Workers::new(2, Duration::from_secs(10)));
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let jobs = (0..8).map(|_| {
            let (workers, running, most) = (workers.clone(), running.clone(), most.clone());
            tokio::spawn(async move {
                workers
                    .run("counting", move || {
                        let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        std::thread::sleep(Duration::from_millis(20));
                        running.fetch_sub(1, Ordering::SeqCst);
                    })
                    .await
            })
        });
        for job in jobs.collect::<Vec<_>>() {
            job.await.unwrap().unwrap();
        }
        assert_eq!(most.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn slow_work_leaves_workers_to_the_rest() {
        let workers = Arc::new(Workers::new(2, Duration::from_secs(10)));
        let (started, ready) = std::sync::mpsc::channel();
        let (release, hold) = std::sync::mpsc::channel::<()>();
        let slow = {
            let workers = workers.clone();
            tokio::spawn(async move {
                workers
                    .run_slow("slow", move || {
                        started.send(()).unwrap();
                        hold.recv().unwrap();
                    })
                    .await
            })
        };
        tokio::task::spawn_blocking(move || ready.recv().unwrap())
            .await
            .unwrap();
        // The slow lane is full: more slow work waits...
        let waiting = {
            let workers = workers.clone();
            tokio::spawn(async move { workers.run_slow("slow too", || 2).await })
        };
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!waiting.is_finished());
        // ...while ordinary work still gets the other worker.
        assert_eq!(workers.run("ordinary", || 1).await.unwrap(), 1);
        release.send(()).unwrap();
        slow.await.unwrap().unwrap();
        assert_eq!(waiting.await.unwrap().unwrap(), 2);
    }

    #[tokio::test]
    async fn a_job_that_waits_too_long_is_refused_as_busy() {
        let workers = Arc::new(Workers::new(1, Duration::from_millis(50)));
        let (started, ready) = std::sync::mpsc::channel();
        let hold = {
            let workers = workers.clone();
            tokio::spawn(async move {
                workers
                    .run("holding", move || {
                        started.send(()).unwrap();
                        std::thread::sleep(Duration::from_millis(500));
                    })
                    .await
            })
        };
        tokio::task::spawn_blocking(move || ready.recv().unwrap())
            .await
            .unwrap();
        let refused = workers.run("waiting", || ()).await;
        assert!(
            matches!(refused, Err(Error::Busy("waiting"))),
            "{refused:?}"
        );
        hold.await.unwrap().unwrap();
    }
}
