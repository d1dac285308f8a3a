//! The job widget partners embed (issue 6): `embed.js`, the loader a
//! partner's page includes, and the widget pages under [`WIDGET_PREFIX`]
//! that it frames. Only those pages may be framed by other sites; every
//! other response says `frame-ancestors 'self'` and `X-Frame-Options:
//! SAMEORIGIN`, so no one can frame Ascend's own pages (clickjacking).

use ascend_types::{JobDetail, JobSearch};
use axum::body::Body;
use axum::extract::{RawQuery, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::AppState;
use crate::jobs::job_detail;
use crate::search::jobs_search;
use crate::web::escape_html;

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

/// Sets the framing headers of every response, and the loader's caching.
pub async fn frame_headers(request: Request<Body>, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let loaded = response.status().is_success();
    let headers = response.headers_mut();
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

/// The widget's settings that `GET /api/jobs` reads, as the widget sends
/// them (see `src/embed/settings.rs`).
const LIST_FILTERS: [&str; 5] = ["company", "q", "location", "remote", "limit"];
/// A list widget's length when the partner gives none, as in the widget.
const DEFAULT_ROWS: &str = "limit=5";

/// What the widget shows, as plain links for crawlers and readers without
/// JavaScript: the body of the widget page's `<noscript>`. `None` when the
/// settings are unusable or the jobs cannot be read; the page then keeps
/// its general link, and the widget itself explains the problem.
pub async fn noscript_links(state: &AppState, query: Option<&str>) -> Option<String> {
    let pairs: Vec<(&str, &str)> = query
        .unwrap_or_default()
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .filter(|(_, value)| !value.is_empty())
        .collect();
    if let Some((_, slug)) = pairs.iter().rev().find(|(key, _)| *key == "job") {
        let job = job_detail(state, slug).await.ok()?;
        return Some(job_link(&job));
    }
    // The filters pass through as they came, still percent-encoded.
    let mut search = vec!["sort=newest".to_owned()];
    search.extend(
        pairs
            .iter()
            .filter(|(key, _)| LIST_FILTERS.contains(key))
            .map(|(key, value)| format!("{key}={value}")),
    );
    if !pairs.iter().any(|(key, _)| *key == "limit") {
        search.push(DEFAULT_ROWS.to_owned());
    }
    let response = jobs_search(State(state.clone()), RawQuery(Some(search.join("&"))))
        .await
        .ok()?;
    let body = axum::body::to_bytes(response.into_body(), 1 << 22)
        .await
        .ok()?;
    let found: JobSearch = serde_json::from_slice(&body).ok()?;
    Some(list_links(&found))
}

fn job_link(job: &JobDetail) -> String {
    format!(
        "<p class=\"embed-state\"><a href=\"/jobs/{}\" target=\"_blank\" rel=\"noopener\">{}</a> at {}, {}</p>",
        escape_html(&job.slug),
        escape_html(&job.title),
        escape_html(&job.company.name),
        escape_html(&job.location),
    )
}

fn list_links(found: &JobSearch) -> String {
    if found.jobs.is_empty() {
        return "<p class=\"embed-state\">No open jobs match right now. \
                <a href=\"/jobs\" target=\"_blank\" rel=\"noopener\">See every job on Ascend</a></p>"
            .to_owned();
    }
    let items: String = found
        .jobs
        .iter()
        .map(|job| {
            format!(
                "<li><a href=\"/jobs/{}\" target=\"_blank\" rel=\"noopener\">{}</a> at {}, {}</li>",
                escape_html(&job.slug),
                escape_html(&job.title),
                escape_html(&job.company.name),
                escape_html(&job.location),
            )
        })
        .collect();
    format!("<ul class=\"embed-state\">{items}</ul>")
}

/// `html` with the inside of its first `<noscript>` replaced by `inner`.
pub fn with_noscript(html: &str, inner: &str) -> Option<String> {
    let open = html.find("<noscript>")? + "<noscript>".len();
    let close = open + html[open..].find("</noscript>")?;
    Some(format!("{}{inner}{}", &html[..open], &html[close..]))
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

    fn summary(slug: &str, title: &str) -> ascend_types::JobSummary {
        ascend_types::JobSummary {
            slug: slug.into(),
            title: title.into(),
            company: ascend_types::CompanyRef {
                slug: "acme".into(),
                name: "Acme & Sons".into(),
            },
            location: "Berlin, Germany".into(),
            work_model: ascend_types::WorkModel::Hybrid,
            employment_type: ascend_types::EmploymentType::FullTime,
            posted_on: "2026-11-20".into(),
            facts: Default::default(),
        }
    }

    fn search(jobs: Vec<ascend_types::JobSummary>) -> JobSearch {
        JobSearch {
            jobs,
            total: 0,
            sort: ascend_types::search::SearchSort::Newest,
            next_cursor: None,
            facets: Default::default(),
        }
    }

    #[test]
    fn listed_text_is_escaped_never_markup() {
        let html = list_links(&search(vec![summary(
            "a-b",
            "<img src=x onerror=alert(1)>",
        )]));
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(html.contains("Acme &amp; Sons"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("href=\"/jobs/a-b\""), "{html}");
        assert!(list_links(&search(vec![])).contains("No open jobs match"));
    }

    #[test]
    fn the_noscript_inside_is_replaced() {
        let page = "<body><noscript><p>old</p></noscript><script>x</script></body>";
        assert_eq!(
            with_noscript(page, "<ul></ul>").as_deref(),
            Some("<body><noscript><ul></ul></noscript><script>x</script></body>")
        );
        assert_eq!(with_noscript("<body></body>", "x"), None);
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
