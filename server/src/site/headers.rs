//! Headers every response carries: a Content-Security-Policy (each page
//! sets its own, which allows its inline loader by hash; everything else
//! gets [`BASE_POLICY`]), `nosniff`, a referrer and a permissions policy,
//! and the framing rules. Only the widget's pages may be framed by other
//! sites; every other response says `frame-ancestors 'self'` and
//! `X-Frame-Options: SAMEORIGIN`, so no one can frame Ascend's own pages
//! (clickjacking). Only the widget and its loader may be loaded by other
//! origins (`Cross-Origin-Resource-Policy`).

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use super::widget::{LOADER_CACHE, LOADER_PATH, WIDGET_PREFIX};

/// The policy of a page, before its inline scripts' hashes: everything from
/// Ascend itself, WebAssembly allowed to compile, no inline script or style
/// but what a hash names, no plugins, no `<base>`, forms only to Ascend.
/// Images too come from Ascend only: imported logos are kept and served
/// by Ascend (`crate::logos`), so no visitor's browser asks another host.
pub fn page_policy(script_hashes: &[String]) -> String {
    let mut scripts = String::from("'self' 'wasm-unsafe-eval'");
    for hash in script_hashes {
        scripts.push(' ');
        scripts.push_str(hash);
    }
    format!(
        "default-src 'self'; script-src {scripts}; style-src 'self'; img-src 'self'; \
         connect-src 'self'; font-src 'self'; frame-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'"
    )
}

/// What every response that is not a page gets: it runs nothing.
pub const BASE_POLICY: &str = "default-src 'none'; base-uri 'none'; form-action 'none'";

/// No camera, microphone, location, payment or USB for anything on Ascend.
pub const PERMISSIONS_POLICY: &str =
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()";

pub const FRAME_ANY: &str = "frame-ancestors *";
pub const FRAME_SELF: &str = "frame-ancestors 'self'";

/// Whether `path` is one of the widget's pages or files, which any site
/// may frame.
pub fn is_widget_path(path: &str) -> bool {
    path.starts_with(WIDGET_PREFIX) || path == WIDGET_PREFIX.trim_end_matches('/')
}

/// `framing` added to a Content-Security-Policy a handler may have set,
/// in place of any `frame-ancestors` it had.
pub fn with_frame_ancestors(existing: Option<&str>, framing: &str) -> String {
    let mut directives: Vec<&str> = existing
        .unwrap_or_default()
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty() && !d.to_ascii_lowercase().starts_with("frame-ancestors"))
        .collect();
    directives.push(framing);
    directives.join("; ")
}

/// Sets the security and framing headers of every response, and the
/// loader's caching.
pub async fn set_headers(request: Request<Body>, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let loaded = response.status().is_success();
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    // A document's policy: other responses would only carry its bytes
    // (on every file of a first visit).
    let document = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    if document {
        headers.insert(
            "permissions-policy",
            HeaderValue::from_static(PERMISSIONS_POLICY),
        );
    }
    let shared = is_widget_path(&path) || path == LOADER_PATH;
    headers.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static(if shared {
            "cross-origin"
        } else {
            "same-origin"
        }),
    );
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(BASE_POLICY),
        );
    }
    let framing = if is_widget_path(&path) {
        headers.remove(header::X_FRAME_OPTIONS);
        FRAME_ANY
    } else {
        headers.insert(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("SAMEORIGIN"),
        );
        FRAME_SELF
    };
    let policy = with_frame_ancestors(
        headers
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok()),
        framing,
    );
    if let Ok(value) = HeaderValue::from_str(&policy) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
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
    fn framing_joins_a_policy_already_set() {
        assert_eq!(with_frame_ancestors(None, FRAME_SELF), FRAME_SELF);
        assert_eq!(
            with_frame_ancestors(Some("default-src 'self'; frame-ancestors *"), FRAME_SELF),
            "default-src 'self'; frame-ancestors 'self'"
        );
        assert_eq!(
            with_frame_ancestors(Some("img-src https:;"), FRAME_ANY),
            "img-src https:; frame-ancestors *"
        );
    }

    #[test]
    fn pages_load_images_from_ascend_only() {
        let policy = page_policy(&[]);
        assert!(policy.contains("; img-src 'self';"), "{policy}");
        let images = policy
            .split(';')
            .find(|d| d.trim().starts_with("img-src"))
            .unwrap();
        assert_eq!(images.trim(), "img-src 'self'");
    }

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
