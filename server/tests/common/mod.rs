//! What the server's integration tests share: the day they run on, a
//! database in a temporary folder, a stand-in for the built front end, and
//! one request through the router, read whole.
// Each test file uses its own part of this module.
#![allow(dead_code)]

use std::path::PathBuf;

use ascend_server::AppState;
use ascend_server::seed::{self, DemoSize};
use ascend_server::store::pool;
use ascend_types::date::days_from_civil;
use ascend_types::{ErrorBody, ErrorResponse};
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde::de::DeserializeOwned;
use tower::ServiceExt;

/// The fixed day every test runs on.
pub fn today() -> i64 {
    days_from_civil(2026, 11, 25)
}

/// An empty, migrated database in `dir`.
pub async fn temp_pool(dir: &tempfile::TempDir) -> sqlx::SqlitePool {
    pool::connect(&format!("sqlite://{}/ascend.db", dir.path().display()))
        .await
        .unwrap()
}

/// A database in `dir` with the demo data of `size`, as seeded on the fixed day.
pub async fn seeded_pool(dir: &tempfile::TempDir, size: DemoSize) -> sqlx::SqlitePool {
    let pool = temp_pool(dir).await;
    seed::seed_if_empty(&pool, today(), size).await.unwrap();
    pool
}

/// A server's state on `pool`, on the fixed day.
pub fn state(pool: sqlx::SqlitePool) -> AppState {
    let mut state = AppState::new(pool);
    state.board.fixed_today = Some(today());
    state
}

/// A `dist` folder in `dir` holding `files` (paths may name subfolders).
pub fn fake_dist(dir: &tempfile::TempDir, files: &[(&str, &[u8])]) -> PathBuf {
    let dist = dir.path().join("dist");
    for (path, bytes) in files {
        let path = dist.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dist
}

/// An answer, read whole.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json<T: DeserializeOwned>(&self) -> T {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.text()))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The header's value, or "" without one.
    pub fn header(&self, name: header::HeaderName) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or("")
    }

    /// The JSON error body every API error carries.
    pub fn error(&self) -> ErrorBody {
        assert_eq!(self.header(header::CONTENT_TYPE), "application/json");
        self.json::<ErrorResponse>().error
    }

    /// The parameter a 400 names.
    pub fn bad_field(&self) -> String {
        assert_eq!(self.status, StatusCode::BAD_REQUEST, "{}", self.text());
        let error = self.error();
        assert_eq!(error.code, "invalid_parameter");
        error.field.unwrap_or_default()
    }
}

/// Sends one request through the router.
pub async fn send(router: &Router, request: Request<Body>) -> Reply {
    let response = router.clone().oneshot(request).await.unwrap();
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
