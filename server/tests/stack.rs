//! The one middleware stack every request goes through: request ids, load
//! shedding, timeouts, and the write limits keyed by the real client.

mod common;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use ascend_server::api::limits::TrustedProxies;
use ascend_server::app::{self, Limits};
use ascend_server::seed::DemoSize;
use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Method, Request, StatusCode, header};
use axum::routing::get;
use tokio::sync::Notify;

/// A router whose `/slow` answers only once `release` is notified.
fn slow_router(release: Arc<Notify>) -> Router {
    Router::new()
        .route(
            "/slow",
            get(move || {
                let release = Arc::clone(&release);
                async move {
                    release.notified().await;
                    "done"
                }
            }),
        )
        .route("/fast", get(|| async { "fast" }))
}

fn get_request(uri: &str) -> Request<Body> {
    Request::builder().uri(uri).body(Body::empty()).unwrap()
}

#[tokio::test]
async fn past_the_limit_in_flight_requests_are_refused_at_once_not_queued() {
    let release = Arc::new(Notify::new());
    let stack = app::stack(
        slow_router(Arc::clone(&release)),
        Limits {
            max_in_flight: 1,
            request_timeout: Duration::from_secs(30),
        },
    );
    let held = {
        let stack = stack.clone();
        tokio::spawn(async move { common::send(&stack, get_request("/slow")).await })
    };
    // Let the first request take the only place.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let refused = tokio::time::timeout(
        Duration::from_secs(2),
        common::send(&stack, get_request("/fast")),
    )
    .await
    .expect("a refusal comes at once, the request does not wait");
    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(refused.header(header::RETRY_AFTER), "1");
    assert_eq!(refused.error().code, "unavailable");

    release.notify_one();
    let first = held.await.unwrap();
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.text(), "done");
    // With the place free again, requests are answered.
    assert_eq!(
        common::send(&stack, get_request("/fast")).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_request_that_takes_too_long_is_answered_503() {
    let stack = app::stack(
        slow_router(Arc::new(Notify::new())),
        Limits {
            max_in_flight: 8,
            request_timeout: Duration::from_millis(200),
        },
    );
    let reply = common::send(&stack, get_request("/slow")).await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(reply.header(header::RETRY_AFTER).parse::<u64>().unwrap() > 0);
}

#[tokio::test]
async fn every_answer_carries_a_request_id_and_keeps_one_it_was_given() {
    let stack = app::stack(slow_router(Arc::new(Notify::new())), Limits::default());
    let reply = common::send(&stack, get_request("/fast")).await;
    let id = reply.header("x-request-id".parse().unwrap()).to_owned();
    assert_eq!(id.len(), 36, "a UUID: {id}");
    let other = common::send(&stack, get_request("/fast")).await;
    assert_ne!(other.header("x-request-id".parse().unwrap()), id);

    let given = Request::builder()
        .uri("/fast")
        .header("x-request-id", "from-the-proxy-42")
        .body(Body::empty())
        .unwrap();
    let reply = common::send(&stack, given).await;
    assert_eq!(
        reply.header("x-request-id".parse().unwrap()),
        "from-the-proxy-42"
    );
}

const SMALL: DemoSize = DemoSize {
    companies: 3,
    jobs: 10,
    seed: 7,
};

/// The application with `limit` sign-ups a minute and these trusted proxies.
async fn app_with(limit: u32, proxies: &str) -> (Router, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let pool = common::seeded_pool(&dir, SMALL).await;
    let mut state = common::state(pool);
    state.write_limit = limit;
    state.trusted_proxies = TrustedProxies::parse(proxies).unwrap();
    (
        ascend_server::app(state, std::path::Path::new("no-dist")),
        dir,
    )
}

/// A sign-up as it arrives from `peer`, with `forwarded_for` if given.
fn sign_up(peer: &str, forwarded_for: Option<&str>, email: &str) -> Request<Body> {
    let mut request = Request::builder()
        .method(Method::POST)
        .uri("/api/subscriptions")
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(list) = forwarded_for {
        request = request.header("x-forwarded-for", list);
    }
    let mut request = request
        .body(Body::from(format!(r#"{{"email":"{email}"}}"#)))
        .unwrap();
    let peer: SocketAddr = format!("{peer}:40000").parse().unwrap();
    request.extensions_mut().insert(ConnectInfo(peer));
    request
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_has_its_own_limit() {
    let (app, _dir) = app_with(2, "10.0.0.0/8").await;
    let proxy = "10.0.0.5";
    for n in 0..2 {
        let reply = common::send(
            &app,
            sign_up(proxy, Some("198.51.100.1"), &format!("a{n}@x.org")),
        )
        .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
    }
    let third = common::send(&app, sign_up(proxy, Some("198.51.100.1"), "a3@x.org")).await;
    assert_eq!(third.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(third.header(header::RETRY_AFTER).parse::<u64>().unwrap() >= 1);
    // Another visitor behind the same proxy is not held up by the first.
    let other = common::send(&app, sign_up(proxy, Some("198.51.100.2"), "b@x.org")).await;
    assert_eq!(other.status, StatusCode::CREATED, "{}", other.text());
}

#[tokio::test]
async fn a_client_that_is_no_proxy_cannot_pick_its_own_address() {
    let (app, _dir) = app_with(2, "10.0.0.0/8").await;
    let client = "203.0.113.9";
    for (n, claimed) in ["198.51.100.1", "198.51.100.2"].into_iter().enumerate() {
        let reply =
            common::send(&app, sign_up(client, Some(claimed), &format!("c{n}@x.org"))).await;
        assert_eq!(reply.status, StatusCode::CREATED);
    }
    // A third claimed address is still this client, and over its limit.
    let reply = common::send(&app, sign_up(client, Some("198.51.100.3"), "c3@x.org")).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn only_writes_that_exist_count_toward_the_limit() {
    let (app, _dir) = app_with(20, "").await;
    for _ in 0..25 {
        let mut request = Request::builder()
            .method(Method::DELETE)
            .uri("/api/subscriptions")
            .body(Body::empty())
            .unwrap();
        request.extensions_mut().insert(ConnectInfo(
            "127.0.0.1:40000".parse::<SocketAddr>().unwrap(),
        ));
        assert_eq!(
            common::send(&app, request).await.status,
            StatusCode::METHOD_NOT_ALLOWED
        );
        let mut request = Request::builder()
            .method(Method::DELETE)
            .uri("/api/jobs/some-job")
            .body(Body::empty())
            .unwrap();
        request.extensions_mut().insert(ConnectInfo(
            "127.0.0.1:40000".parse::<SocketAddr>().unwrap(),
        ));
        assert_eq!(
            common::send(&app, request).await.status,
            StatusCode::METHOD_NOT_ALLOWED
        );
    }
    let reply = common::send(&app, sign_up("127.0.0.1", None, "after@x.org")).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
}
