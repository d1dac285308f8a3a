//! The pool that CPU-heavy answers run on: searches (matching, typo
//! correction, facets, ranking) take milliseconds of CPU each, and on the
//! async threads a burst of them would stall every other request, static
//! files included. Here at most one runs per core at once; the rest wait
//! their turn, for a bounded time, in order.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;

use super::error::{Error, Result};

pub struct Workers {
    permits: Arc<Semaphore>,
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
            patience,
        }
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
