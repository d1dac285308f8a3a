//! The built front end in `dist/`: precompressed files when the client
//! takes them, and how long a browser may keep each.

use std::convert::Infallible;
use std::path::Path;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower::{Service, ServiceExt};
use tower_http::services::ServeDir;

pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const NO_CACHE: &str = "no-cache";
const SHORT_LIVED: &str = "public, max-age=3600";

/// The files in `dist`, and `fallback` for every other address (the site's
/// pages and its 404). Only a path that can name a file reaches the file
/// server: see [`may_name_a_file`].
pub fn files_or<F>(
    dist: &Path,
    fallback: F,
) -> impl Service<Request, Response = Response, Error = Infallible, Future: Send> + Clone + Send + use<F>
where
    F: Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    F::Future: Send,
{
    let files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(fallback.clone());
    tower::service_fn(move |request: Request| {
        let files = files.clone();
        let fallback = fallback.clone();
        async move {
            // No page has such an address either, and the app's router
            // cannot even read `///x` (it panics: "EmptyHost").
            if is_scheme_relative(request.uri().path()) {
                return Ok((StatusCode::NOT_FOUND, "Not found").into_response());
            }
            if may_name_a_file(request.uri().path()) {
                files
                    .oneshot(request)
                    .await
                    .map(IntoResponse::into_response)
            } else {
                fallback.oneshot(request).await
            }
        }
    })
}

/// Longest file name most file systems take (Linux's NAME_MAX), in bytes.
const LONGEST_NAME: usize = 255;
/// No file of a built front end has a longer path.
const LONGEST_PATH: usize = 1024;

/// Whether `path` starts with `//` or `/\`, which a browser reads as
/// another host when it is a redirect's `Location`.
pub fn is_scheme_relative(path: &str) -> bool {
    matches!(path.as_bytes().get(1), Some(b'/' | b'\\'))
}

/// Whether the file server may look `path` up. Not a scheme-relative one:
/// the file server redirects a folder to its path with a slash added, and
/// `Location: //job/` is the host "job" (an open redirect). Not with a
/// segment longer than a file name can be: the file system refuses it
/// (ENAMETOOLONG) and the file server would answer 500 for what is simply
/// not there.
pub fn may_name_a_file(path: &str) -> bool {
    if path.len() > LONGEST_PATH * 3 || is_scheme_relative(path) {
        return false;
    }
    decoded_len(path) <= LONGEST_PATH
        && path
            .split('/')
            .all(|segment| decoded_len(segment) <= LONGEST_NAME)
}

/// The length of `text` once its `%XX` escapes are decoded.
fn decoded_len(text: &str) -> usize {
    let escapes = text
        .as_bytes()
        .windows(3)
        .filter(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit())
        .count();
    text.len() - 2 * escapes
}

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
    fn only_same_origin_paths_of_file_name_length_reach_the_files() {
        assert!(may_name_a_file("/"));
        assert!(may_name_a_file("/job"));
        assert!(may_name_a_file("/assets/app-0123456789abcdef.js"));
        assert!(!may_name_a_file("//job"));
        assert!(!may_name_a_file("//evil.example/x"));
        assert!(!may_name_a_file("/\\evil.example"));
        let long = "a".repeat(256);
        assert!(!may_name_a_file(&format!("/assets/{long}")));
        assert!(may_name_a_file(&format!("/{}", "a".repeat(255))));
        // 255 bytes once decoded, though 765 as sent.
        assert!(may_name_a_file(&format!("/{}", "%41".repeat(255))));
        assert!(!may_name_a_file(&format!("/{}", "%41".repeat(256))));
        assert!(!may_name_a_file(&"/a".repeat(600)));
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
