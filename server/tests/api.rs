//! The API and the front-end server through the router, without a socket.

use ascend_server::{AppState, app, db, demo};
use ascend_types::date::days_from_civil;
use ascend_types::{ErrorResponse, Health, JobDetail, JobList};
use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde::de::DeserializeOwned;
use tower::ServiceExt;

const INDEX_HTML: &str = "<!doctype html><title>Ascend</title>";
const WASM_NAME: &str = "ascend-0123456789abcdef_bg.wasm";

struct TestApp {
    router: Router,
    // Held so the database file and the fake front end outlive the test.
    _dir: tempfile::TempDir,
}

async fn test_app() -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/ascend.db", dir.path().display());
    let pool = db::connect(&url).await.unwrap();
    let today = days_from_civil(2026, 11, 25);
    demo::seed_if_empty(&pool, today).await.unwrap();

    let dist = dir.path().join("dist");
    std::fs::create_dir(&dist).unwrap();
    std::fs::write(dist.join("index.html"), INDEX_HTML).unwrap();
    std::fs::write(dist.join(WASM_NAME), b"\0asm raw").unwrap();
    std::fs::write(dist.join(format!("{WASM_NAME}.br")), b"brotli bytes").unwrap();
    std::fs::write(dist.join("favicon.svg"), "<svg/>").unwrap();

    let state = AppState {
        pool,
        fixed_today: Some(today),
    };
    TestApp {
        router: app(state, &dist),
        _dir: dir,
    }
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    fn json<T: DeserializeOwned>(&self) -> T {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }

    fn header(&self, name: header::HeaderName) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or("")
    }

    fn error(&self) -> ascend_types::ErrorBody {
        assert_eq!(self.header(header::CONTENT_TYPE), "application/json");
        self.json::<ErrorResponse>().error
    }
}

impl TestApp {
    async fn request(&self, method: Method, uri: &str, accept_encoding: Option<&str>) -> Reply {
        let mut request = Request::builder().method(method).uri(uri);
        if let Some(encoding) = accept_encoding {
            request = request.header(header::ACCEPT_ENCODING, encoding);
        }
        let response = self
            .router
            .clone()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        Reply {
            status,
            headers,
            body,
        }
    }

    async fn get(&self, uri: &str) -> Reply {
        self.request(Method::GET, uri, None).await
    }
}

#[tokio::test]
async fn health_counts_open_jobs() {
    let app = test_app().await;
    let reply = app.get("/api/health").await;
    assert_eq!(reply.status, StatusCode::OK);
    let health: Health = reply.json();
    assert_eq!(health.status, "ok");
    // Eight demo jobs, one of them closed.
    assert_eq!(health.open_jobs, 7);
}

#[tokio::test]
async fn list_is_newest_first_and_leaves_out_closed_jobs() {
    let app = test_app().await;
    let reply = app.get("/api/jobs").await;
    assert_eq!(reply.status, StatusCode::OK);
    let list: JobList = reply.json();
    assert_eq!(list.jobs.len(), 7);
    let dates: Vec<&str> = list.jobs.iter().map(|j| j.posted_on.as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    assert_eq!(list.jobs[0].posted_on, "2026-11-24");
    for closed in demo::expired_slugs() {
        assert!(
            list.jobs.iter().all(|j| j.slug != closed),
            "{closed} is listed"
        );
    }
}

#[tokio::test]
async fn list_honours_limit() {
    let app = test_app().await;
    let list: JobList = app.get("/api/jobs?limit=3").await.json();
    assert_eq!(list.jobs.len(), 3);
}

#[tokio::test]
async fn malformed_limit_is_a_400_that_names_the_field() {
    let app = test_app().await;
    for uri in [
        "/api/jobs?limit=abc",
        "/api/jobs?limit=0",
        "/api/jobs?limit=500",
    ] {
        let reply = app.get(uri).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{uri}");
        let error = reply.error();
        assert_eq!(error.code, "invalid_parameter");
        assert_eq!(error.field.as_deref(), Some("limit"));
    }
}

#[tokio::test]
async fn job_by_slug() {
    let app = test_app().await;
    let reply = app.get(&format!("/api/jobs/{}", demo::SHOWCASE_SLUG)).await;
    assert_eq!(reply.status, StatusCode::OK);
    let job: JobDetail = reply.json();
    assert_eq!(job.title, "Backend Engineer, Personalization");
    assert_eq!(job.company.name, "Cadence");
    assert_eq!(job.posted_on, "2026-11-16");
    assert_eq!(job.valid_through.as_deref(), Some("2027-01-15"));
}

#[tokio::test]
async fn unknown_slug_is_a_json_404() {
    let app = test_app().await;
    let reply = app.get("/api/jobs/no-such-job").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.error().code, "not_found");
}

#[tokio::test]
async fn closed_job_is_410_gone() {
    let app = test_app().await;
    let slug = demo::expired_slugs().next().unwrap();
    let reply = app.get(&format!("/api/jobs/{slug}")).await;
    assert_eq!(reply.status, StatusCode::GONE);
    assert_eq!(reply.error().code, "gone");
}

#[tokio::test]
async fn unknown_api_paths_and_methods_answer_json() {
    let app = test_app().await;
    for uri in ["/api/nope", "/api/jobs/a/b/c", "/api/"] {
        let reply = app.get(uri).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(reply.error().code, "not_found");
    }
    let reply = app.request(Method::DELETE, "/api/jobs", None).await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(reply.error().code, "method_not_allowed");
}

#[tokio::test]
async fn api_compresses_when_asked() {
    let app = test_app().await;
    let reply = app.request(Method::GET, "/api/jobs", Some("br")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header(header::CONTENT_ENCODING), "br");
}

#[tokio::test]
async fn client_routes_get_the_app_shell_uncached() {
    let app = test_app().await;
    for uri in ["/", "/jobs", "/jobs/anything", "/no/such/page"] {
        let reply = app.get(uri).await;
        assert_eq!(reply.status, StatusCode::OK, "{uri}");
        assert_eq!(reply.body, INDEX_HTML.as_bytes(), "{uri}");
        assert_eq!(reply.header(header::CACHE_CONTROL), "no-cache", "{uri}");
    }
}

#[tokio::test]
async fn hashed_assets_are_immutable_and_precompressed() {
    let app = test_app().await;
    let path = format!("/{WASM_NAME}");
    let plain = app.get(&path).await;
    assert_eq!(plain.status, StatusCode::OK);
    assert_eq!(plain.body, b"\0asm raw");
    assert_eq!(
        plain.header(header::CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );

    let compressed = app.request(Method::GET, &path, Some("gzip, br")).await;
    assert_eq!(compressed.status, StatusCode::OK);
    assert_eq!(compressed.header(header::CONTENT_ENCODING), "br");
    assert_eq!(compressed.body, b"brotli bytes");
    assert_eq!(compressed.header(header::CONTENT_TYPE), "application/wasm");
}

#[tokio::test]
async fn missing_files_are_404_not_the_shell() {
    let app = test_app().await;
    let reply = app.get("/ascend-ffffffffffffffff.js").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_ne!(reply.body, INDEX_HTML.as_bytes());
}

#[tokio::test]
async fn seeding_twice_keeps_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/a.db", dir.path().display());
    let pool = db::connect(&url).await.unwrap();
    assert_eq!(demo::seed_if_empty(&pool, 20_000).await.unwrap(), 8);
    pool.close().await;
    let pool = db::connect(&url).await.unwrap();
    assert_eq!(demo::seed_if_empty(&pool, 20_000).await.unwrap(), 0);
    let jobs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM jobs")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(jobs, 8);
}
