//! Serves the built front end from `dist/`: precompressed files when the
//! client takes them, long-lived caching for hashed assets, and `index.html`
//! for every client-side route.
//!
//! `/jobs/{slug}` gets more: the job page's own shell (`job/index.html`,
//! an entry point with only the job page in its wasm) with the job's title,
//! description, canonical URL, OpenGraph and Twitter tags and JSON-LD in its
//! head, for crawlers and link previews that run no JavaScript, the job's
//! JSON inlined so the page renders without asking the API again, and the
//! top of the page drawn in the body (`first_paint`), so the job is on
//! screen before the wasm has loaded.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ascend_types::JobDetail;
use ascend_types::jsonld::{JobPosting, escape_json_for_script};
use ascend_types::meta::{SITE_NAME, job_description, job_title, page_title};
use axum::Router;
use axum::body::Body;
use axum::extract::rejection::PathRejection;
use axum::extract::{self, RawQuery, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::OnceCell;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

use crate::AppState;
use crate::error::AppError;
use crate::first_paint;
use crate::jobs::job_detail_and_json;

pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const NO_CACHE: &str = "no-cache";
const SHORT_LIVED: &str = "public, max-age=3600";

/// Marks the head elements the server wrote for one page; the app removes
/// them when it starts and puts in its own (see `src/api/inline.rs`).
pub const SSR_MARK: &str = "data-ascend-ssr";
/// The id of the `<script>` holding the job's JSON.
pub const INLINE_JOB_ID: &str = "ascend-job";

/// Routes for everything outside `/api`.
pub fn router(state: AppState, dist: &Path) -> Router {
    let shell = Arc::new(Shell::new(dist.join("index.html")));
    let widget = Arc::new(Shell::new(dist.join("widget/index.html")));
    let job = Arc::new(Shell::new(dist.join("job/index.html")));
    let fallback = tower::service_fn(move |request: Request| {
        let shell = Arc::clone(&shell);
        async move { Ok::<_, std::convert::Infallible>(shell.respond(request.uri().path()).await) }
    });
    let files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(fallback);
    let pages = Router::new()
        .route("/jobs/{slug}", get(job_page))
        .route(crate::embed::WIDGET_PREFIX, get(widget_page))
        // Built per request, so compressed per request (index.html is small).
        .layer(CompressionLayer::new())
        .with_state(PageState {
            app: state,
            widget,
            job,
        });
    Router::new()
        .merge(pages)
        .fallback_service(files)
        .layer(middleware::from_fn(set_cache_control))
}

#[derive(Clone)]
struct PageState {
    app: AppState,
    /// The embeddable widget's page (`embed.html`, built into `widget/`).
    widget: Arc<Shell>,
    /// The job page's own entry point (`job.html`, built into `job/`): a
    /// first visit to a job loads only what the job page needs.
    job: Arc<Shell>,
}

/// `index.html`, read on first use and kept: trunk writes a new one only
/// with a new build, and a new build means a restart.
struct Shell {
    path: PathBuf,
    template: OnceCell<Arc<Template>>,
}

impl Shell {
    fn new(path: PathBuf) -> Self {
        Shell {
            path,
            template: OnceCell::new(),
        }
    }

    /// The parsed shell, or the answer to give while there is none (a failed
    /// read is not kept, so building the front end later is enough).
    async fn template(&self) -> Result<Arc<Template>, Response> {
        self.template
            .get_or_try_init(|| async {
                let html = tokio::fs::read_to_string(&self.path).await?;
                Ok::<_, std::io::Error>(Arc::new(Template::parse(html)))
            })
            .await
            .cloned()
            .map_err(|error| {
                tracing::error!(path = %self.path.display(), %error, "the front end is not built");
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "The front end is not built yet: run `make run`.",
                )
                    .into_response()
            })
    }

    /// Client routes (`/jobs`) get the app shell; a missing file
    /// (`/missing.js`) gets a plain 404, not HTML in place of a script.
    async fn respond(&self, path: &str) -> Response {
        if has_extension(path) {
            return (StatusCode::NOT_FOUND, "Not found").into_response();
        }
        match self.template().await {
            Ok(template) => html_response(StatusCode::OK, template.shell.clone()),
            Err(response) => response,
        }
    }
}

/// `GET /jobs/{slug}`: 200 with the job in the head, 410 for a closed job
/// and 404 for an unknown one, each with the job page's shell, whose app
/// shows the job, its closed notice or the not-found page.
async fn job_page(
    State(state): State<PageState>,
    slug: Result<extract::Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    let template = match state.job.template().await {
        Ok(template) => template,
        Err(response) => return response,
    };
    let Ok(extract::Path(slug)) = slug else {
        return html_response(StatusCode::NOT_FOUND, template.notice("Page not found"));
    };
    match job_detail_and_json(&state.app, &slug).await {
        Ok((job, json)) => {
            let origin = state
                .app
                .public_url
                .clone()
                .or_else(|| request_origin(&headers));
            let today = state.app.today_days();
            html_response(
                StatusCode::OK,
                template.job(&job, &json, origin.as_deref(), today),
            )
        }
        Err(AppError::NotFound(_)) => {
            html_response(StatusCode::NOT_FOUND, template.notice("Page not found"))
        }
        Err(AppError::Gone(_)) => {
            html_response(StatusCode::GONE, template.notice("This job is closed"))
        }
        Err(error) => {
            // The app will ask the API itself and offer a retry.
            tracing::error!(?error, %slug, "could not render the job page's head");
            html_response(StatusCode::INTERNAL_SERVER_ERROR, template.shell.clone())
        }
    }
}

/// `GET /widget/`: the widget's page, with the jobs it shows as plain links
/// in its `<noscript>`, so crawlers and readers without JavaScript see them;
/// the widget's own wasm draws the cards.
async fn widget_page(State(state): State<PageState>, RawQuery(query): RawQuery) -> Response {
    let template = match state.widget.template().await {
        Ok(template) => template,
        Err(response) => return response,
    };
    let page = crate::embed::noscript_links(&state.app, query.as_deref())
        .await
        .and_then(|links| crate::embed::with_noscript(&template.shell, &links));
    html_response(
        StatusCode::OK,
        page.unwrap_or_else(|| template.shell.clone()),
    )
}

fn html_response(status: StatusCode, html: impl Into<Body>) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, NO_CACHE),
        ],
        html.into(),
    )
        .into_response()
}

/// `index.html` cut where a page's own head goes: its `<title>` and
/// description make way for the page's, scripts go before `</head>` and
/// a first paint before `</body>`.
struct Template {
    shell: String,
    /// Up to where the title was.
    before: String,
    /// From after the title to `</head>`, without the description.
    middle: String,
    /// `</head>` up to `</body>` (the rest, when there is no such tag).
    body: String,
    /// `</body>` and the rest.
    end: String,
}

impl Template {
    fn parse(html: String) -> Template {
        // ASCII lower-casing keeps every byte offset.
        let lower = html.to_ascii_lowercase();
        let head_end = lower
            .find("</head>")
            .or_else(|| lower.find("<body"))
            .unwrap_or(html.len());
        let head = &lower[..head_end];
        let title = element_range(head, "<title", "</title>");
        let description = meta_description_range(head);
        let anchor = title.as_ref().map_or(head_end, |r| r.start);
        let body_close = lower[head_end..]
            .rfind("</body>")
            .map_or(html.len(), |at| head_end + at);
        let removed: Vec<Range<usize>> = [title, description].into_iter().flatten().collect();
        let keep = |range: Range<usize>| -> String {
            let mut out = String::with_capacity(range.len());
            let mut at = range.start;
            let mut cuts: Vec<&Range<usize>> = removed
                .iter()
                .filter(|r| r.start >= range.start && r.end <= range.end)
                .collect();
            cuts.sort_by_key(|r| r.start);
            for cut in cuts {
                out.push_str(&html[at..cut.start]);
                at = cut.end;
            }
            out.push_str(&html[at..range.end]);
            out
        };
        Template {
            before: keep(0..anchor),
            middle: keep(anchor..head_end),
            body: html[head_end..body_close].to_owned(),
            end: html[body_close..].to_owned(),
            shell: html,
        }
    }

    /// The shell with `head` in place of its title and description,
    /// `scripts` before `</head>` and `body_end` before `</body>` (at the
    /// end when there is no such tag, as in minified HTML).
    fn fill(&self, head: &str, scripts: &str, body_end: &str) -> String {
        let mut page = String::with_capacity(
            self.before.len()
                + head.len()
                + self.middle.len()
                + scripts.len()
                + self.body.len()
                + body_end.len()
                + self.end.len(),
        );
        for part in [
            &self.before,
            head,
            &self.middle,
            scripts,
            &self.body,
            body_end,
            &self.end,
        ] {
            page.push_str(part);
        }
        page
    }

    /// The shell for a page that must not be indexed (not found, closed).
    fn notice(&self, title: &str) -> String {
        let head = format!(
            "<title>{}</title><meta name=\"robots\" content=\"noindex\" {SSR_MARK}>",
            escape_html(&page_title(title))
        );
        self.fill(&head, "", "")
    }

    /// The shell with the job in its head, and `json` (the job as the API
    /// keeps it) inlined as it is. Without a trusted `origin` the tags that
    /// need an absolute URL are left out.
    fn job(&self, job: &JobDetail, json: &[u8], origin: Option<&str>, today: i64) -> String {
        let title = escape_html(&page_title(&job_title(job)));
        let description = escape_html(&job_description(job));
        let mut head = format!(
            "<title>{title}</title>\
             <meta name=\"description\" content=\"{description}\" {SSR_MARK}>\
             <meta property=\"og:type\" content=\"website\" {SSR_MARK}>\
             <meta property=\"og:site_name\" content=\"{SITE_NAME}\" {SSR_MARK}>\
             <meta property=\"og:title\" content=\"{title}\" {SSR_MARK}>\
             <meta property=\"og:description\" content=\"{description}\" {SSR_MARK}>\
             <meta name=\"twitter:card\" content=\"summary\" {SSR_MARK}>\
             <meta name=\"twitter:title\" content=\"{title}\" {SSR_MARK}>\
             <meta name=\"twitter:description\" content=\"{description}\" {SSR_MARK}>"
        );
        if let Some(origin) = origin {
            let url = escape_html(&format!("{origin}/jobs/{}", job.slug));
            head.push_str(&format!(
                "<link rel=\"canonical\" href=\"{url}\" {SSR_MARK}>\
                 <meta property=\"og:url\" content=\"{url}\" {SSR_MARK}>"
            ));
        }
        let posting = script_json(&JobPosting::from_job(job, origin));
        let data = escape_json_for_script(&String::from_utf8_lossy(json));
        let scripts = format!(
            "<script type=\"application/ld+json\" {SSR_MARK}>{posting}</script>\
             <script id=\"{INLINE_JOB_ID}\" type=\"application/json\">{data}</script>"
        );
        self.fill(&head, &scripts, &first_paint::job_top(job, today))
    }
}

fn script_json(value: &impl serde::Serialize) -> String {
    // Serializing plain data structures cannot fail.
    escape_json_for_script(&serde_json::to_string(value).unwrap_or_else(|_| "null".into()))
}

/// The byte range of the first `open ... close` element in `lower`.
fn element_range(lower: &str, open: &str, close: &str) -> Option<Range<usize>> {
    let start = lower.find(open)?;
    let end = start + lower[start..].find(close)? + close.len();
    Some(start..end)
}

/// The byte range of `<meta name=description ...>`, however it is quoted
/// (trunk's minifier drops the quotes).
fn meta_description_range(lower: &str) -> Option<Range<usize>> {
    let mut from = 0;
    while let Some(found) = lower[from..].find("<meta") {
        let start = from + found;
        let end = tag_end(lower, start)?;
        let tag = &lower[start..end];
        if [
            "name=description",
            "name=\"description\"",
            "name='description'",
        ]
        .iter()
        .any(|attribute| tag.contains(attribute))
        {
            return Some(start..end);
        }
        from = end;
    }
    None
}

/// Just past the `>` closing the tag that starts at `start`, skipping any
/// `>` inside quoted attribute values.
fn tag_end(html: &str, start: usize) -> Option<usize> {
    let mut quote = None;
    for (i, b) in html.bytes().enumerate().skip(start) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), b) if b == q => quote = None,
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Text safe in element content and in quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `http(s)://host[:port]` from the request's Host header, when it is a
/// plain host name or address; anything else gives no origin at all.
fn request_origin(headers: &HeaderMap) -> Option<String> {
    let host = headers.get(header::HOST)?.to_str().ok()?;
    if !is_valid_host(host) {
        return None;
    }
    let scheme = match headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
    {
        Some("https") => "https",
        _ => "http",
    };
    Some(format!("{scheme}://{}", host.to_ascii_lowercase()))
}

/// A DNS name, IPv4 or bracketed IPv6 address, with an optional port.
pub fn is_valid_host(host: &str) -> bool {
    let (name, port) = if let Some(rest) = host.strip_prefix('[') {
        let Some((address, after)) = rest.split_once(']') else {
            return false;
        };
        if address.is_empty() || !address.bytes().all(|b| b.is_ascii_hexdigit() || b == b':') {
            return false;
        }
        match after {
            "" => return true,
            after => ("ipv6", after.strip_prefix(':')),
        }
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        }
    };
    let name_ok = name == "ipv6"
        || (!name.is_empty()
            && name.len() <= 253
            && name.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            }));
    let port_ok = match port {
        None => true,
        Some(port) => {
            !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit())
        }
    };
    name_ok && port_ok
}

/// Checks `ASCEND_PUBLIC_URL`: an origin such as `https://ascend.example`
/// (a trailing slash is dropped), without path, query or user.
pub fn parse_public_url(value: &str) -> Result<String, String> {
    let url = value.trim().trim_end_matches('/');
    let host = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("{value:?} must start with https:// or http://"))?;
    if !is_valid_host(host) {
        return Err(format!(
            "{value:?} must be an origin such as https://ascend.example, without a path"
        ));
    }
    Ok(url.to_ascii_lowercase())
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

    #[test]
    fn the_template_drops_its_title_and_description_however_minified() {
        for html in [
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>Ascend</title>\
             <meta name=\"description\" content=\"Jobs > all\"><link rel=icon></head><body></body></html>",
            "<!doctype html><html lang=en><meta charset=utf-8><title>Ascend</title>\
             <meta content=\"Jobs > all\" name=description><link rel=icon></head><body></body></html>",
        ] {
            let template = Template::parse(html.to_owned());
            let page = template.fill("<title>Mine</title>", "<script></script>", "<main>");
            assert!(!page.contains("Ascend"), "{page}");
            assert!(!page.contains("Jobs > all"), "{page}");
            assert!(page.contains("<title>Mine</title><link rel=icon><script></script></head>"));
            assert!(page.starts_with("<!doctype html>"));
            assert!(page.ends_with("<body><main></body></html>"));
            assert_eq!(template.shell, html);
        }
    }

    #[test]
    fn a_bare_template_still_takes_the_head() {
        let template = Template::parse("<!doctype html><p>hi".to_owned());
        assert_eq!(
            template.fill("<title>T</title>", "<s>", "<main>"),
            "<!doctype html><p>hi<title>T</title><s><main>"
        );
    }

    #[test]
    fn html_escaping_covers_attributes() {
        assert_eq!(
            escape_html(r#"a "b" <c> & 'd'"#),
            "a &quot;b&quot; &lt;c&gt; &amp; &#39;d&#39;"
        );
    }

    #[test]
    fn hosts_are_checked() {
        for good in [
            "ascend.example",
            "127.0.0.1:8080",
            "localhost",
            "[::1]:8080",
            "[::1]",
            "a-b.example:443",
        ] {
            assert!(is_valid_host(good), "{good}");
        }
        for bad in [
            "",
            "evil.example/x",
            "a b",
            "ex\"ample",
            "host:",
            "host:123456",
            "-a.example",
            "a..b",
            "[::1",
            "[zz]",
            "user@host",
        ] {
            assert!(!is_valid_host(bad), "{bad}");
        }
    }

    #[test]
    fn public_urls_are_origins() {
        assert_eq!(
            parse_public_url("https://Ascend.example/").unwrap(),
            "https://ascend.example"
        );
        assert_eq!(
            parse_public_url("http://127.0.0.1:8080").unwrap(),
            "http://127.0.0.1:8080"
        );
        for bad in [
            "ascend.example",
            "ftp://ascend.example",
            "https://ascend.example/jobs",
            "https://",
            "https://a.example?x=1",
        ] {
            assert!(parse_public_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn origins_come_from_a_valid_host_only() {
        let mut headers = HeaderMap::new();
        assert_eq!(request_origin(&headers), None);
        headers.insert(
            header::HOST,
            HeaderValue::from_static("Ascend.example:8080"),
        );
        assert_eq!(
            request_origin(&headers).as_deref(),
            Some("http://ascend.example:8080")
        );
        headers.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        assert_eq!(
            request_origin(&headers).as_deref(),
            Some("https://ascend.example:8080")
        );
        headers.insert(
            header::HOST,
            HeaderValue::from_static("evil.example\"><script>"),
        );
        assert_eq!(request_origin(&headers), None);
    }
}
