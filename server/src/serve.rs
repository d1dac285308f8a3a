//! The accept loop: every connection with a deadline for its request heads,
//! its bodies and its idle time, at most `max_connections` of them at once,
//! and a graceful end that lets requests in flight finish.
//!
//! hyper's own `header_read_timeout` cannot tell a slow head from an idle
//! keep-alive connection: its timer starts as soon as hyper waits for the
//! next head (at once after each response), not at that head's first byte,
//! so it would close idle connections after the header timeout. It is off
//! here; a watchdog per connection keeps both deadlines instead, from what a
//! wrapper around the socket saw ([`Activity`]):
//! - from the connection's start, or from the first byte read while no
//!   request is in flight, the head must arrive within `header_timeout`,
//!   else the connection is dropped;
//! - with no request in flight and nothing read for `idle_timeout`, the
//!   connection is closed gracefully (HTTP/2 gets its GOAWAY).
//!
//! A request body must arrive in full within `body_timeout` of its head
//! ([`DeadlineBody`]); one that does not is answered 408 (by the extractor
//! reading it) and the connection closes.

use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::task::{Context, Poll, ready};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, Request, StatusCode, Version, header};
use hyper::body::{Frame, Incoming, SizeHint};
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, Semaphore};
use tokio::time::{Instant, Sleep, sleep, sleep_until};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tower::ServiceExt;

/// How long a connection may take over each part of a request, and how
/// many may be open at once.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    /// A request's head (line and headers), from the connection's start or
    /// the head's first byte.
    pub header_timeout: Duration,
    /// A request's body, whole, from the end of its head.
    pub body_timeout: Duration,
    /// A keep-alive connection with no request in flight.
    pub idle_timeout: Duration,
    /// Connections open at once; past it the server stops accepting until
    /// one closes, and new clients wait in the kernel's backlog.
    pub max_connections: usize,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        ConnectionLimits {
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(60),
            max_connections: default_max_connections(),
        }
    }
}

/// Descriptors kept for the database, the logs and the files being served.
const RESERVED_DESCRIPTORS: u64 = 128;
/// Beyond this many connections more descriptors do not help a server of
/// this size; its `max_in_flight` is far lower.
const MOST_CONNECTIONS: u64 = 16_384;

/// The soft descriptor limit less [`RESERVED_DESCRIPTORS`] (half of it when
/// it is that small), at most [`MOST_CONNECTIONS`].
pub fn default_max_connections() -> usize {
    connections_within(descriptor_limit())
}

fn connections_within(limit: Option<u64>) -> usize {
    let Some(limit) = limit else {
        return 1024;
    };
    let usable = if limit > 2 * RESERVED_DESCRIPTORS {
        limit - RESERVED_DESCRIPTORS
    } else {
        limit / 2
    };
    usable.clamp(1, MOST_CONNECTIONS) as usize
}

/// `RLIMIT_NOFILE`'s soft limit, if the system says.
fn descriptor_limit() -> Option<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit only writes the struct it is given.
    let status = unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) };
    if status != 0 {
        return None;
    }
    if limit.rlim_cur == libc::RLIM_INFINITY {
        return Some(u64::MAX);
    }
    Some(limit.rlim_cur)
}

/// Serves `router` on `listener` until `shutdown` completes, then waits for
/// the requests in flight. Each connection's socket has TCP_NODELAY and the
/// router sees its peer as `ConnectInfo<SocketAddr>`.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    let make_service = router.into_make_service_with_connect_info::<SocketAddr>();
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        // With a timer hyper would time heads itself (30 s by default), and
        // from the end of each response: see the module's comment.
        .header_read_timeout(None);
    builder.http2().timer(TokioTimer::new());
    let builder = Arc::new(builder);
    let connections = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let closing = CancellationToken::new();
    let tasks = TaskTracker::new();
    let mut backoff = Backoff::default();
    let mut last_full_warning: Option<Instant> = None;
    let mut shutdown = pin!(shutdown);

    loop {
        let permit = match connections.clone().try_acquire_owned() {
            Ok(permit) => permit,
            Err(_) => {
                if last_full_warning.is_none_or(|at| at.elapsed() > Duration::from_secs(10)) {
                    tracing::warn!(
                        max_connections = limits.max_connections,
                        "at the connection limit: new clients wait until one closes"
                    );
                    last_full_warning = Some(Instant::now());
                }
                tokio::select! {
                    permit = connections.clone().acquire_owned() => {
                        permit.expect("the semaphore is never closed")
                    }
                    () = &mut shutdown => break,
                }
            }
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => {
                    backoff.reset();
                    accepted
                }
                // The client gave up before we took it: nothing to wait for.
                Err(error) if is_connection_error(&error) => continue,
                Err(error) => {
                    // Out of descriptors (EMFILE, ENFILE) or memory: waiting
                    // lets connections close; spinning would not.
                    let pause = backoff.next();
                    tracing::warn!(%error, retry_in = ?pause, "could not accept a connection");
                    tokio::select! {
                        () = sleep(pause) => continue,
                        () = &mut shutdown => break,
                    }
                }
            },
            () = &mut shutdown => break,
        };
        // Without TCP_NODELAY small responses wait on Nagle's algorithm.
        if let Err(error) = stream.set_nodelay(true) {
            tracing::warn!(%error, "could not set TCP_NODELAY");
        }
        let app = make_service
            .clone()
            .oneshot(peer)
            .await
            .unwrap_or_else(|never| match never {});
        let builder = builder.clone();
        let closing = closing.clone();
        tasks.spawn(async move {
            serve_connection(&builder, stream, app, limits, closing).await;
            drop(permit);
        });
    }

    drop(listener);
    tracing::info!(
        connections = tasks.len(),
        "shutting down: finishing the requests in flight"
    );
    closing.cancel();
    tasks.close();
    tasks.wait().await;
    Ok(())
}

/// Errors of one connection that the client caused by leaving early.
fn is_connection_error(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}

/// 10 ms doubling to 1 s between failed accepts, back to 10 ms on success.
#[derive(Default)]
struct Backoff(Option<Duration>);

impl Backoff {
    fn next(&mut self) -> Duration {
        let pause = self.0.map_or(Duration::from_millis(10), |last| {
            (last * 2).min(Duration::from_secs(1))
        });
        self.0 = Some(pause);
        pause
    }

    fn reset(&mut self) {
        self.0 = None;
    }
}

/// One connection, from its first byte to its close.
async fn serve_connection<S>(
    builder: &auto::Builder<TokioExecutor>,
    stream: TcpStream,
    app: S,
    limits: ConnectionLimits,
    closing: CancellationToken,
) where
    S: tower::Service<Request<Body>, Response = axum::response::Response, Error = Infallible>
        + Clone
        + Send
        + 'static,
    S::Future: Send,
{
    let activity = Arc::new(Activity::new());
    let io = TokioIo::new(Watched {
        inner: stream,
        activity: activity.clone(),
    });
    let service = {
        let activity = activity.clone();
        hyper::service::service_fn(move |request: Request<Incoming>| {
            let in_flight = InFlight::start(activity.clone());
            let version = request.version();
            in_flight.note_version(version);
            let deadline = Instant::now() + limits.body_timeout;
            let request = request.map(|body| Body::new(DeadlineBody::new(body, deadline)));
            let answer = app.clone().oneshot(request);
            async move {
                let Ok(response) = answer.await;
                let mut response = response.map(|body| Tracked {
                    inner: body,
                    _in_flight: in_flight,
                });
                // A connection whose body stalled is not trusted with another
                // request (HTTP/2 has no such header: its stream just ends).
                if response.status() == StatusCode::REQUEST_TIMEOUT && version < Version::HTTP_2 {
                    response
                        .headers_mut()
                        .insert(header::CONNECTION, HeaderValue::from_static("close"));
                }
                Ok::<_, Infallible>(response)
            }
        })
    };
    let mut connection = pin!(builder.serve_connection_with_upgrades(io, service));
    // When a graceful close was asked for (shutdown, or idleness).
    let mut closing_since: Option<Instant> = None;

    loop {
        let due = activity.due(&limits, closing_since);
        tokio::select! {
            result = connection.as_mut() => {
                if let Err(error) = result {
                    tracing::debug!(error = %error, "connection ended with an error");
                }
                return;
            }
            () = closing.cancelled(), if closing_since.is_none() => {
                connection.as_mut().graceful_shutdown();
                closing_since = Some(Instant::now());
            }
            () = activity.changed.notified() => {}
            () = sleep_until(due.map_or_else(Instant::now, |(at, _)| at)), if due.is_some() => {
                // The deadline slept on may be stale: a request may have
                // started meanwhile, or ended and moved it.
                let now = Instant::now();
                let due = activity.due(&limits, closing_since);
                match due.filter(|(at, _)| *at <= now).map(|(_, expiry)| expiry) {
                    Some(Expiry::Header) => {
                        tracing::debug!("dropped a connection whose request head did not arrive in time");
                        return;
                    }
                    Some(Expiry::Idle) => {
                        connection.as_mut().graceful_shutdown();
                        closing_since = Some(now);
                    }
                    // HTTP/2's graceful close waits for the client to
                    // answer a ping, which a client that is gone never does.
                    Some(Expiry::Grace) => return,
                    None => {}
                }
            }
        }
    }
}

/// How long a connection with nothing in flight may take to close once
/// asked to.
fn grace(limits: &ConnectionLimits) -> Duration {
    limits.header_timeout.min(Duration::from_secs(1))
}

#[derive(Debug, Clone, Copy)]
enum Expiry {
    /// A request head took too long.
    Header,
    /// Nothing in flight and nothing read for the idle timeout.
    Idle,
    /// A graceful close took too long.
    Grace,
}

/// Milliseconds since the connection's start; `NONE` for "not yet".
const NONE: u64 = u64::MAX;

/// What one connection is doing, as its socket and its requests tell it.
struct Activity {
    started: Instant,
    in_flight: AtomicUsize,
    /// When the last request in flight ended.
    idle_since: AtomicU64,
    /// When the next request's first byte arrived while none was in flight
    /// (the connection's start, for its first request).
    head_started: AtomicU64,
    /// HTTP/2: frames arrive between requests (pings, window updates), so
    /// a byte read is no request's head and only the idle rule applies.
    multiplexed: AtomicBool,
    /// Wakes the watchdog when a deadline may have moved.
    changed: Notify,
}

impl Activity {
    fn new() -> Self {
        Activity {
            started: Instant::now(),
            in_flight: AtomicUsize::new(0),
            idle_since: AtomicU64::new(0),
            head_started: AtomicU64::new(0),
            multiplexed: AtomicBool::new(false),
            changed: Notify::new(),
        }
    }

    fn now(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    fn at(&self, millis: u64) -> Instant {
        self.started + Duration::from_millis(millis)
    }

    /// Bytes arrived: the start of a head, if nothing is in flight.
    fn read(&self) {
        if self.in_flight.load(Ordering::Acquire) == 0
            && self
                .head_started
                .compare_exchange(NONE, self.now(), Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
        {
            self.changed.notify_one();
        }
    }

    /// The next deadline, if any: none while a request is in flight (the
    /// body timeout and the request timeout bound those); once a graceful
    /// close was asked for, the end of its grace.
    fn due(
        &self,
        limits: &ConnectionLimits,
        closing_since: Option<Instant>,
    ) -> Option<(Instant, Expiry)> {
        if self.in_flight.load(Ordering::Acquire) > 0 {
            return None;
        }
        if let Some(since) = closing_since {
            let idle = self.at(self.idle_since.load(Ordering::Acquire));
            return Some((since.max(idle) + grace(limits), Expiry::Grace));
        }
        let head = self.head_started.load(Ordering::Acquire);
        if head != NONE && !self.multiplexed.load(Ordering::Acquire) {
            return Some((self.at(head) + limits.header_timeout, Expiry::Header));
        }
        let idle = self.idle_since.load(Ordering::Acquire);
        Some((self.at(idle) + limits.idle_timeout, Expiry::Idle))
    }
}

/// One request in flight on its connection, from its head until its
/// response's body is written (or dropped).
struct InFlight(Arc<Activity>);

impl InFlight {
    fn start(activity: Arc<Activity>) -> Self {
        activity.in_flight.fetch_add(1, Ordering::AcqRel);
        activity.head_started.store(NONE, Ordering::Release);
        InFlight(activity)
    }

    fn note_version(&self, version: Version) {
        if version >= Version::HTTP_2 {
            self.0.multiplexed.store(true, Ordering::Release);
        }
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        let activity = &self.0;
        if activity.in_flight.fetch_sub(1, Ordering::AcqRel) == 1 {
            activity.idle_since.store(activity.now(), Ordering::Release);
            activity.head_started.store(NONE, Ordering::Release);
            activity.changed.notify_one();
        }
    }
}

/// The socket, telling [`Activity`] when bytes arrive.
struct Watched {
    inner: TcpStream,
    activity: Arc<Activity>,
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        ready!(Pin::new(&mut self.inner).poll_read(cx, buf))?;
        if buf.filled().len() > before {
            self.activity.read();
        }
        Poll::Ready(Ok(()))
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// A response body that keeps its request in flight until it is written.
struct Tracked {
    inner: Body,
    _in_flight: InFlight,
}

impl hyper::body::Body for Tracked {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// A request body that fails with [`BodyTimedOut`] once its deadline
/// passes: one deadline for the whole body, not one per frame (as
/// tower-http's `RequestBodyTimeout` has), so a trickle cannot extend it.
pub struct DeadlineBody {
    inner: Incoming,
    deadline: Instant,
    /// Made at the first wait only: most requests have no body to wait for.
    sleep: Option<Pin<Box<Sleep>>>,
}

impl DeadlineBody {
    fn new(inner: Incoming, deadline: Instant) -> Self {
        DeadlineBody {
            inner,
            deadline,
            sleep: None,
        }
    }
}

impl hyper::body::Body for DeadlineBody {
    type Data = Bytes;
    type Error = tower::BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, tower::BoxError>>> {
        if let Poll::Ready(frame) = Pin::new(&mut self.inner).poll_frame(cx) {
            return Poll::Ready(frame.map(|frame| frame.map_err(Into::into)));
        }
        let deadline = self.deadline;
        let sleep = self
            .sleep
            .get_or_insert_with(|| Box::pin(sleep_until(deadline)));
        ready!(sleep.as_mut().poll(cx));
        Poll::Ready(Some(Err(Box::new(BodyTimedOut))))
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// The body did not arrive in full within the body timeout.
#[derive(Debug, thiserror::Error)]
#[error("the request body did not arrive within the body timeout")]
pub struct BodyTimedOut;

/// Whether `error` (a body rejection, say) comes from [`BodyTimedOut`].
pub fn is_body_timeout(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(error);
    while let Some(error) = cause {
        if error.is::<BodyTimedOut>() {
            return true;
        }
        cause = error.source();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_connection_cap_leaves_descriptors_for_the_rest() {
        assert_eq!(connections_within(Some(1024)), 896);
        assert_eq!(connections_within(Some(200)), 100);
        assert_eq!(connections_within(Some(1)), 1);
        assert_eq!(connections_within(Some(u64::MAX)), 16_384);
        assert_eq!(connections_within(None), 1024);
        assert!(default_max_connections() >= 1);
    }

    #[test]
    fn accept_backoff_doubles_to_a_second() {
        let mut backoff = Backoff::default();
        assert_eq!(backoff.next(), Duration::from_millis(10));
        assert_eq!(backoff.next(), Duration::from_millis(20));
        for _ in 0..10 {
            backoff.next();
        }
        assert_eq!(backoff.next(), Duration::from_secs(1));
        backoff.reset();
        assert_eq!(backoff.next(), Duration::from_millis(10));
    }

    #[test]
    fn a_timed_out_body_is_found_in_its_rejection() {
        let error = axum::Error::new(axum::Error::new(BodyTimedOut));
        assert!(is_body_timeout(&error));
        assert!(!is_body_timeout(&axum::Error::new(io::Error::other(
            "reset"
        ))));
    }
}
