//! Serves the built front end from `dist/`: precompressed files when the
//! client takes them, long-lived caching for hashed assets, and `index.html`
//! for every client-side route.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use tower_http::services::ServeDir;

pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const NO_CACHE: &str = "no-cache";
const SHORT_LIVED: &str = "public, max-age=3600";

/// Routes for everything outside `/api`.
pub fn router(dist: &Path) -> Router {
    let index = Arc::new(IndexPage {
        path: dist.join("index.html"),
    });
    let fallback = tower::service_fn(move |request: Request| {
        let index = Arc::clone(&index);
        async move { Ok::<_, std::convert::Infallible>(index.respond(request.uri().path()).await) }
    });
    let files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(fallback);
    Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn(set_cache_control))
}

struct IndexPage {
    path: PathBuf,
}

impl IndexPage {
    /// Client routes (`/jobs/x`) get the app shell; a missing file
    /// (`/missing.js`) gets a plain 404, not HTML in place of a script.
    async fn respond(&self, path: &str) -> Response {
        if has_extension(path) {
            return (StatusCode::NOT_FOUND, "Not found").into_response();
        }
        match tokio::fs::read(&self.path).await {
            Ok(html) => {
                ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
            }
            Err(error) => {
                tracing::error!(path = %self.path.display(), %error, "the front end is not built");
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "The front end is not built yet: run `make run`.",
                )
                    .into_response()
            }
        }
    }
}

async fn set_cache_control(request: Request<Body>, next: Next) -> Response {
    let policy = cache_policy(request.uri().path());
    let mut response = next.run(request).await;
    if response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    response
}

/// How long a browser may keep what it got at `path`.
pub fn cache_policy(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or_default();
    if is_hashed_asset(name) {
        IMMUTABLE
    } else if name.is_empty() || name.ends_with(".html") || !has_extension(path) {
        NO_CACHE
    } else {
        SHORT_LIVED
    }
}

fn has_extension(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|name| name.contains('.'))
}

/// Trunk names its output `name-<16 hex digits>[_bg].ext`; such a file never
/// changes, since new content gets a new name.
pub fn is_hashed_asset(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_recognised() {
        assert!(is_hashed_asset("ascend-0123456789abcdef.js"));
        assert!(is_hashed_asset("ascend-0123456789abcdef_bg.wasm"));
        assert!(is_hashed_asset("main-fedcba9876543210.css"));
        assert!(!is_hashed_asset("favicon.svg"));
        assert!(!is_hashed_asset("ascend-0123.js"));
        assert!(!is_hashed_asset("index.html"));
        assert!(!is_hashed_asset("backend-engineer-personaliz"));
    }

    #[test]
    fn policies_by_path() {
        assert_eq!(cache_policy("/ascend-0123456789abcdef_bg.wasm"), IMMUTABLE);
        assert_eq!(cache_policy("/"), NO_CACHE);
        assert_eq!(cache_policy("/index.html"), NO_CACHE);
        assert_eq!(cache_policy("/jobs/backend-engineer-cadence"), NO_CACHE);
        assert_eq!(cache_policy("/favicon.svg"), SHORT_LIVED);
    }
}
