//! A per-client limit on writes: each IP address may send `limit` requests
//! that change data per window; more get 429 with Retry-After.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::AppError;

#[derive(Clone)]
pub struct WriteLimit {
    limit: u32,
    window: Duration,
    counts: Arc<Mutex<HashMap<IpAddr, (Instant, u32)>>>,
}

impl WriteLimit {
    pub fn new(limit: u32, window: Duration) -> Self {
        WriteLimit {
            limit,
            window,
            counts: Arc::default(),
        }
    }

    /// Counts one write from `ip` at `now`; `Err(seconds)` when over the limit.
    pub fn check(&self, ip: IpAddr, now: Instant) -> Result<(), u64> {
        let mut counts = self
            .counts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // Forget finished windows now and then so the map stays small.
        if counts.len() > 10_000 {
            counts.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let entry = counts.entry(ip).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        if entry.1 >= self.limit {
            let left = self.window.saturating_sub(now.duration_since(entry.0));
            return Err(left.as_secs().max(1));
        }
        entry.1 += 1;
        Ok(())
    }
}

/// Middleware: limits POST, PUT, PATCH and DELETE by the peer's address.
pub async fn limit_writes(
    State(limit): State<WriteLimit>,
    request: Request,
    next: Next,
) -> Response {
    let writes = matches!(
        *request.method(),
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    );
    if writes {
        // Without a socket (in tests) every request counts as one client.
        let ip = request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0.ip())
            .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        if let Err(seconds) = limit.check(ip, Instant::now()) {
            return AppError::TooManyRequests(seconds).into_response();
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_per_address_and_window() {
        let limit = WriteLimit::new(2, Duration::from_secs(60));
        let a = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 1));
        let b = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2));
        let start = Instant::now();
        assert!(limit.check(a, start).is_ok());
        assert!(limit.check(a, start).is_ok());
        assert_eq!(limit.check(a, start + Duration::from_secs(20)), Err(40));
        assert!(limit.check(b, start).is_ok());
        assert!(limit.check(a, start + Duration::from_secs(60)).is_ok());
    }
}
