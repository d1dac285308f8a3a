//! The built front end in `dist/`: precompressed files when the client
//! takes them, and how long a browser may keep each.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const NO_CACHE: &str = "no-cache";
const SHORT_LIVED: &str = "public, max-age=3600";

pub async fn set_cache_control(request: Request<Body>, next: Next) -> Response {
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

pub fn has_extension(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|name| name.contains('.'))
}

/// Trunk names its output `name-<hash>[_bg].ext`, the hash a 64-bit number
/// in hex without leading zeros (so now and then 15 digits, rarely fewer);
/// such a file never changes, since new content gets a new name.
pub fn is_hashed_asset(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (12..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_recognised() {
        assert!(is_hashed_asset("ascend-0123456789abcdef.js"));
        assert!(is_hashed_asset("ascend-0123456789abcdef_bg.wasm"));
        assert!(is_hashed_asset("main-fedcba9876543210.css"));
        assert!(is_hashed_asset("legal-548850fdf9fc955.css"), "15 digits");
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
