//! The job widget partners embed (issue 6): `embed.js`, the loader a
//! partner's page includes, and the widget pages under [`WIDGET_PREFIX`]
//! that it frames. Only those pages may be framed by other sites; every
//! other response says `frame-ancestors 'self'` and `X-Frame-Options:
//! SAMEORIGIN`, so no one can frame Ascend's own pages (clickjacking).

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// Where trunk puts the widget (`embed.html` built with `--public-url`).
pub const WIDGET_PREFIX: &str = "/widget/";
/// The loader partners include with a `<script>` tag.
pub const LOADER_PATH: &str = "/embed.js";
/// The loader has a fixed name, so it is cached briefly: a new version
/// reaches every partner page within minutes.
pub const LOADER_CACHE: &str = "public, max-age=300";

pub const FRAME_ANY: &str = "frame-ancestors *";
pub const FRAME_SELF: &str = "frame-ancestors 'self'";

/// Whether `path` is one of the widget's pages or files, which any site
/// may frame.
pub fn is_widget_path(path: &str) -> bool {
    path.starts_with(WIDGET_PREFIX) || path == WIDGET_PREFIX.trim_end_matches('/')
}

/// Sets the framing headers of every response, and the loader's caching.
pub async fn frame_headers(request: Request<Body>, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let loaded = response.status().is_success();
    let headers = response.headers_mut();
    if is_widget_path(&path) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(FRAME_ANY),
        );
        headers.remove(header::X_FRAME_OPTIONS);
    } else {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(FRAME_SELF),
        );
        headers.insert(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("SAMEORIGIN"),
        );
    }
    if path == LOADER_PATH && loaded {
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(LOADER_CACHE),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_widget_may_be_framed() {
        assert!(is_widget_path("/widget/"));
        assert!(is_widget_path("/widget"));
        assert!(is_widget_path("/widget/embed-0123456789abcdef_bg.wasm"));
        assert!(!is_widget_path("/embed"));
        assert!(!is_widget_path("/embed.js"));
        assert!(!is_widget_path("/widgets"));
        assert!(!is_widget_path("/jobs/widget/"));
        assert!(!is_widget_path("/"));
    }
}
