//! The pages the server renders with the app's own components: status,
//! caching, the head a crawler reads, the body a reader without JavaScript
//! sees, and the data the browser hydrates them with.

mod common;

use std::cell::RefCell;
use std::collections::BTreeMap;

use ascend::page_data::{Found, PageData};
use ascend_server::seed::{self, DemoSize};
use ascend_server::{AppState, app};
use ascend_types::{JobDetail, SalarySource};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::Value;

const SMALL: DemoSize = DemoSize {
    companies: 20,
    jobs: 300,
    seed: 7,
};

/// Shaped like trunk's minified output: no `<head>` tag, unquoted attributes.
const INDEX_HTML: &str = "<!doctype html><html lang=en><meta charset=utf-8>\
    <title>Ascend</title><meta content=\"Ascend: open jobs.\" name=description>\
    <link href=/main-0123456789abcdef.css rel=stylesheet>\
    <script type=module>import init from '/ascend-0123456789abcdef.js';await init();</script>\
    </head><body><noscript>Ascend needs JavaScript.</noscript></body></html>";

/// The job page's own entry point, which `/jobs/{slug}` is drawn with.
const JOB_HTML: &str = "<!doctype html><html lang=en><meta charset=utf-8>\
    <title>Ascend</title><meta content=\"Ascend: open jobs.\" name=description>\
    <link href=/job/job-styles-0123456789abcdef.css rel=stylesheet>\
    <script type=module>import init from '/job/job-0123456789abcdef.js';await init();</script>\
    </head><body><noscript>Ascend needs JavaScript to show this job.</noscript></body></html>";

const HOST: &str = "jobs.test:8080";

struct TestApp {
    router: Router,
    pool: sqlx::SqlitePool,
    dist: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

async fn test_app(public_url: Option<&str>) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let pool = common::seeded_pool(&dir, SMALL).await;
    let dist = common::fake_dist(
        &dir,
        &[
            ("index.html", INDEX_HTML.as_bytes()),
            ("job/index.html", JOB_HTML.as_bytes()),
        ],
    );
    let mut state: AppState = common::state(pool.clone());
    state.write_limit = 100;
    state.public_url = public_url.map(str::to_owned);
    TestApp {
        router: app(state, &dist),
        pool,
        dist,
        _dir: dir,
    }
}

/// An element as a parser reads it: its attributes and its text.
#[derive(Debug, Clone, PartialEq)]
struct Element {
    attributes: BTreeMap<String, String>,
    text: String,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attributes.get(name).map(String::as_str)
    }
}

/// Every element matching `selector`, read by a real HTML parser, with
/// the text inside it (for a selector that matches nested elements, the
/// text goes to the innermost one seen last).
fn select(html: &str, selector: &str) -> Vec<Element> {
    let found = RefCell::new(Vec::<Element>::new());
    let _ = lol_html::rewrite_str(
        html,
        lol_html::RewriteStrSettings::new()
            .append_element_content_handler(lol_html::element!(selector, |el| {
                let attributes = el
                    .attributes()
                    .iter()
                    .map(|a| {
                        let value = ascend_server::store::sanitize::decode_entities(&a.value());
                        (a.name(), value)
                    })
                    .collect();
                found.borrow_mut().push(Element {
                    attributes,
                    text: String::new(),
                });
                Ok(())
            }))
            .append_element_content_handler(lol_html::text!(selector, |chunk| {
                if let Some(last) = found.borrow_mut().last_mut() {
                    last.text.push_str(chunk.as_str());
                }
                Ok(())
            })),
    );
    let mut found = found.into_inner();
    // Text comes as the HTML has it; a reader sees it decoded.
    for element in &mut found {
        element.text = ascend_server::store::sanitize::decode_entities(&element.text);
    }
    found
}

struct Page {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    html: String,
}

impl Page {
    fn header(&self, name: header::HeaderName) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or("")
    }

    fn head(&self) -> &str {
        &self.html[..self.html.find("</head>").unwrap()]
    }

    fn body(&self) -> &str {
        &self.html[self.html.find("<body>").unwrap()..]
    }

    fn one(&self, selector: &str) -> Element {
        let found = select(&self.html, selector);
        assert_eq!(found.len(), 1, "one {selector}: found {found:?}");
        found.into_iter().next().unwrap()
    }

    fn meta(&self, key: &str, name: &str) -> Option<String> {
        select(self.head(), &format!("meta[{key}=\"{name}\"]"))
            .first()
            .and_then(|m| m.attr("content").map(str::to_owned))
    }

    fn json_ld(&self) -> Value {
        serde_json::from_str(&self.one("script[type=\"application/ld+json\"]").text).unwrap()
    }

    /// What the browser hydrates the page with, read as the app reads it.
    fn data(&self) -> PageData {
        let script = self.one(&format!("script#{}", ascend_types::wire::PAGE_DATA_ID));
        assert_eq!(script.attr("type"), Some("application/json"));
        serde_json::from_str(&script.text).unwrap()
    }

    fn drawn_job(&self) -> JobDetail {
        match self.data().job {
            Some((_, Found::Found(job))) => job,
            other => panic!("no job in the page's data: {other:?}"),
        }
    }
}

impl TestApp {
    async fn get(&self, uri: &str, headers: &[(&str, &str)]) -> Page {
        let mut request = Request::builder().uri(uri);
        if !headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("host"))
        {
            request = request.header(header::HOST, HOST);
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let reply = common::send(&self.router, request.body(Body::empty()).unwrap()).await;
        Page {
            // Compressed bodies are only checked for their headers.
            html: reply.text(),
            status: reply.status,
            headers: reply.headers,
        }
    }

    async fn job_page(&self, slug: &str) -> Page {
        self.get(&format!("/jobs/{slug}"), &[]).await
    }

    async fn api_job(&self, slug: &str) -> JobDetail {
        let page = self.get(&format!("/api/jobs/{slug}"), &[]).await;
        assert_eq!(page.status, StatusCode::OK);
        serde_json::from_str(&page.html).unwrap()
    }
}

#[tokio::test]
async fn a_job_page_is_drawn_whole_with_its_head() {
    let app = test_app(None).await;
    let page = app.job_page(seed::SHOWCASE_SLUG).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header(header::CACHE_CONTROL), "no-cache");
    assert_eq!(
        page.header(header::CONTENT_TYPE),
        "text/html; charset=utf-8"
    );

    let title = "Backend Engineer, Personalization at Cadence · Ascend";
    let url = format!("http://jobs.test:8080/jobs/{}", seed::SHOWCASE_SLUG);
    assert_eq!(page.one("title").text, title);
    assert_eq!(select(page.head(), "meta[name=description]").len(), 1);
    assert!(
        page.meta("name", "description").unwrap().starts_with(
            "Backend Engineer, Personalization at Cadence, Remote in EMEA, full-time."
        )
    );
    assert_eq!(
        page.one("link[rel=canonical]").attr("href"),
        Some(url.as_str())
    );
    for (property, value) in [
        ("og:type", "website"),
        ("og:site_name", "Ascend"),
        ("og:title", "Backend Engineer, Personalization at Cadence"),
        ("og:url", url.as_str()),
    ] {
        assert_eq!(
            page.meta("property", property).as_deref(),
            Some(value),
            "{property}"
        );
    }
    assert_eq!(
        page.meta("name", "twitter:card").as_deref(),
        Some("summary")
    );
    // leptos_meta hydrates the head tags after its marker.
    assert!(page.head().contains("<!--HEAD-->"));
    // The entry point's own tags, without its title, description or body.
    assert_eq!(
        page.one("link[rel=stylesheet]").attr("href"),
        Some("/job/job-styles-0123456789abcdef.css")
    );
    assert!(
        page.head()
            .contains("import init from '/job/job-0123456789abcdef.js'")
    );
    assert!(!page.html.contains("noscript"));
    assert!(!page.html.contains("Ascend: open jobs."));

    // The whole page is in the body, drawn by the app's own components.
    let body = page.body();
    assert!(
        body.starts_with("<body><a href=\"#main\" class=\"skip-link\">"),
        "{body}"
    );
    assert_eq!(page.one("h1").text, "Backend Engineer, Personalization");
    assert_eq!(page.one("h1").attr("id"), Some("job-title"));
    assert_eq!(
        page.one(".job-header__company a").attr("href"),
        Some("/companies/cadence")
    );
    let posted = page.one(".job-header__facts time");
    assert_eq!(posted.attr("datetime"), Some("2026-11-16"));
    assert_eq!(posted.text, "Posted 9 days ago");
    assert_eq!(
        page.one(".job-pager__position").text,
        "Job 2 of 2 at Cadence"
    );
    for part in [
        ".job-summary__text",
        ".job-description__body h3",
        ".salary",
        ".qa",
        ".company-side",
    ] {
        assert!(!select(body, part).is_empty(), "{part} is drawn");
    }
    // Similar jobs load in the browser: their skeleton holds the place.
    assert!(!select(body, ".similar__track--skeleton").is_empty());

    let ld = page.json_ld();
    assert_eq!(ld["@type"], "JobPosting");
    assert_eq!(ld["title"], "Backend Engineer, Personalization");
    assert_eq!(ld["datePosted"], "2026-11-16");
    assert_eq!(ld["hiringOrganization"]["name"], "Cadence");
    assert_eq!(ld["baseSalary"]["value"]["minValue"], 70_000);
    assert_eq!(ld["url"], url.as_str());

    // The browser hydrates with the job the API gives, drawn on the same day.
    let data = page.data();
    assert_eq!(data.today, common::today());
    assert_eq!(data.path, format!("/jobs/{}", seed::SHOWCASE_SLUG));
    assert_eq!(data.origin.as_deref(), Some("http://jobs.test:8080"));
    assert_eq!(page.drawn_job(), app.api_job(seed::SHOWCASE_SLUG).await);
    // The similar jobs' Suspense was drawn as its fallback, and says so.
    assert!(!data.incomplete.is_empty());
}

#[tokio::test]
async fn the_public_url_wins_over_the_host_and_a_bad_host_gives_no_url() {
    let app = test_app(Some("https://ascend.example")).await;
    let page = app.job_page(seed::SHOWCASE_SLUG).await;
    let url = format!("https://ascend.example/jobs/{}", seed::SHOWCASE_SLUG);
    assert_eq!(
        page.one("link[rel=canonical]").attr("href"),
        Some(url.as_str())
    );
    assert_eq!(page.json_ld()["url"], url.as_str());

    let app = test_app(None).await;
    let page = app
        .get(
            &format!("/jobs/{}", seed::SHOWCASE_SLUG),
            &[("host", "evil.example\"><script>alert(1)</script>")],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.html.contains("evil.example"));
    assert!(select(page.head(), "link[rel=canonical]").is_empty());
    assert_eq!(page.meta("property", "og:url"), None);
    assert!(page.json_ld().get("url").is_none());
}

#[tokio::test]
async fn a_closed_job_is_gone_and_an_unknown_one_not_found() {
    let app = test_app(None).await;
    for (slug, status, title, heading) in [
        (
            seed::CLOSED_SLUG,
            StatusCode::GONE,
            "This job is closed · Ascend",
            "This job is closed",
        ),
        (
            "no-such-job",
            StatusCode::NOT_FOUND,
            "Page not found · Ascend",
            "We could not find that page",
        ),
        (
            "%FF%FE",
            StatusCode::NOT_FOUND,
            "Page not found · Ascend",
            "We could not find that page",
        ),
    ] {
        let page = app.job_page(slug).await;
        assert_eq!(page.status, status, "{slug}");
        assert_eq!(page.header(header::CACHE_CONTROL), "no-cache", "{slug}");
        assert_eq!(page.one("title").text, title, "{slug}");
        assert_eq!(page.meta("name", "robots").as_deref(), Some("noindex"));
        assert!(select(&page.html, "script[type=\"application/ld+json\"]").is_empty());
        // The notice is drawn, and the job page's app still starts.
        assert_eq!(page.one("h1").text, heading, "{slug}");
        assert!(
            page.head().contains("/job/job-0123456789abcdef.js"),
            "{slug}"
        );
    }
}

#[tokio::test]
async fn hostile_job_text_is_text_everywhere() {
    let app = test_app(None).await;
    let title = r#"Engineer "quoted" <b>bold</b> & 'more' </title><script>alert(1)</script>"#;
    let description = "<p>Hi</p><script>alert(2)</script><!-- & \u{2028} -->";
    sqlx::query(
        "UPDATE jobs SET title = $1, description_html = $2, summary = NULL WHERE slug = $3",
    )
    .bind(title)
    .bind(description)
    .bind(seed::SHOWCASE_SLUG)
    .execute(&app.pool)
    .await
    .unwrap();

    let page = app.job_page(seed::SHOWCASE_SLUG).await;
    assert_eq!(page.status, StatusCode::OK);
    for raw in ["<script>alert", "<b>bold"] {
        let at = page.html.find(raw);
        assert!(at.is_none(), "{raw} at {at:?}");
    }
    // Read back by a parser, each place holds exactly the text.
    assert_eq!(
        page.one("title").text,
        format!("{title} at Cadence · Ascend")
    );
    assert_eq!(
        page.meta("property", "og:title").as_deref(),
        Some(format!("{title} at Cadence").as_str())
    );
    assert_eq!(page.one("h1").text, title);
    assert_eq!(
        page.one(".job-breadcrumb__item--current").attr("title"),
        Some(title)
    );
    // The shell's module, the JSON-LD and the page's data: each whole.
    assert_eq!(select(&page.html, "script").len(), 3);
    // The stored description went in behind the server's back: it is
    // cleaned again before any page or answer carries it.
    assert_eq!(page.one(".job-description__body").text, "Hi");
    let ld = page.json_ld();
    assert_eq!(ld["title"], title);
    assert_eq!(ld["description"], "<p>Hi</p>");
    let job = page.drawn_job();
    assert_eq!(job.title, title);
    assert_eq!(job.description_html, "<p>Hi</p>");
    assert_eq!(job, app.api_job(seed::SHOWCASE_SLUG).await);
}

#[tokio::test]
async fn an_estimated_salary_is_not_a_base_salary() {
    let app = test_app(None).await;
    let slug: String = sqlx::query_scalar(
        "SELECT j.slug FROM jobs j WHERE j.salary_min IS NULL AND (j.valid_through IS NULL OR j.valid_through >= '2026-11-25') \
         AND (SELECT COUNT(*) FROM jobs k WHERE k.title_family = j.title_family AND k.salary_min IS NOT NULL) >= 5 \
         LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let page = app.job_page(&slug).await;
    assert_eq!(page.status, StatusCode::OK);
    let job = page.drawn_job();
    assert_eq!(
        job.salary.as_ref().map(|s| s.source),
        Some(SalarySource::Estimate)
    );
    let ld = page.json_ld();
    assert_eq!(ld["title"], job.title.as_str());
    assert!(ld.get("baseSalary").is_none(), "{ld}");
}

#[tokio::test]
async fn the_apps_pages_are_drawn_and_only_they_are_200() {
    let app = test_app(None).await;
    for (path, status, heading) in [
        ("/jobs", StatusCode::OK, "Newest jobs"),
        ("/companies/cadence", StatusCode::OK, "Cadence"),
        ("/terms", StatusCode::OK, "Terms of Service"),
        ("/privacy", StatusCode::OK, "Privacy Policy"),
        ("/saved", StatusCode::OK, "Saved jobs"),
        ("/profile", StatusCode::OK, "Your profile"),
        ("/onboarding", StatusCode::OK, "Set up your profile"),
        ("/embed", StatusCode::OK, "Embed jobs on your site"),
        (
            "/companies/no-such-company",
            StatusCode::NOT_FOUND,
            "We could not find that page",
        ),
        (
            "/no-such-page",
            StatusCode::NOT_FOUND,
            "We could not find that page",
        ),
        (
            "/jobs/a/b",
            StatusCode::NOT_FOUND,
            "We could not find that page",
        ),
    ] {
        let page = app.get(path, &[]).await;
        assert_eq!(page.status, status, "{path}");
        assert_eq!(page.header(header::CACHE_CONTROL), "no-cache", "{path}");
        assert_eq!(page.one("h1").text, heading, "{path}");
        // The whole app's entry point, with one title and one description
        // at most (leptos_meta's, none of the shell's).
        assert!(
            page.head().contains("/ascend-0123456789abcdef.js"),
            "{path}"
        );
        assert_eq!(select(&page.html, "title").len(), 1, "{path}");
        assert!(
            select(page.head(), "meta[name=description]").len() <= 1,
            "{path}"
        );
        if status == StatusCode::NOT_FOUND {
            assert_eq!(
                page.meta("name", "robots").as_deref(),
                Some("noindex"),
                "{path}"
            );
        }
    }
}

/// Pages drawn at once on a runtime of several threads all come whole. A
/// render once moved between threads at an await and dropped what its
/// components keep for the browser on the wrong one: that panic closed the
/// connection, seen as a failed navigation about once in 500 pages.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn pages_drawn_at_once_on_many_threads_all_come_whole() {
    let app = std::sync::Arc::new(test_app(None).await);
    let mut pages = tokio::task::JoinSet::new();
    for round in 0..400 {
        let app = std::sync::Arc::clone(&app);
        let path = ["/jobs", "/onboarding", "/companies/cadence", "/terms"][round % 4];
        pages.spawn(async move { (path, app.get(path, &[]).await) });
    }
    while let Some(drawn) = pages.join_next().await {
        let (path, page) = drawn.expect("a page's request panicked");
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(page.html.ends_with("</html>"), "{path}");
    }
}

#[tokio::test]
async fn a_company_page_lists_its_newest_jobs_with_more_to_come() {
    let app = test_app(None).await;
    let page = app.get("/companies/cadence", &[]).await;
    let data = page.data();
    let Some((slug, Found::Found(company))) = data.company else {
        panic!("no company in the page's data");
    };
    assert_eq!(slug, "cadence");
    assert_eq!(company.profile.name, "Cadence");
    let drawn: Vec<String> = select(page.body(), ".job-item__title a")
        .into_iter()
        .map(|a| a.attr("href").unwrap().to_owned())
        .collect();
    let listed: Vec<String> = company
        .jobs
        .jobs
        .iter()
        .map(|job| format!("/jobs/{}", job.slug))
        .collect();
    assert_eq!(drawn, listed);
    // The company is named once, above its jobs, not on each.
    assert!(select(page.body(), ".job-item__company").is_empty());
}

#[tokio::test]
async fn the_root_leads_to_the_jobs() {
    let app = test_app(None).await;
    let page = app.get("/", &[]).await;
    assert_eq!(page.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(page.header(header::LOCATION), "/jobs");
}

#[tokio::test]
async fn pages_are_compressed_and_the_shells_read_once() {
    let app = test_app(None).await;
    let path = format!("/jobs/{}", seed::SHOWCASE_SLUG);
    let page = app.get(&path, &[("accept-encoding", "br")]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header(header::CONTENT_ENCODING), "br");

    // Later requests use the shells read first, even if the files change.
    let before = app.get("/terms", &[]).await;
    for file in ["index.html", "job/index.html"] {
        std::fs::write(app.dist.join(file), "<!doctype html><script>new()</script>").unwrap();
    }
    let again = app.job_page(seed::SHOWCASE_SLUG).await;
    assert!(again.html.contains("/job/job-0123456789abcdef.js"));
    let after = app.get("/terms", &[]).await;
    assert_eq!(after.html, before.html);
}

#[tokio::test]
async fn without_a_built_front_end_pages_say_so() {
    let app = test_app(None).await;
    std::fs::remove_file(app.dist.join("job/index.html")).unwrap();
    let page = app.job_page(seed::SHOWCASE_SLUG).await;
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(page.html.contains("not built"));
}

#[tokio::test]
async fn every_answer_carries_the_security_headers_and_pages_a_strict_policy() {
    let app = test_app(None).await;
    for path in [
        "/jobs",
        "/companies/cadence",
        "/terms",
        "/api/jobs",
        "/healthz",
        "/missing.js",
    ] {
        let page = app.get(path, &[]).await;
        assert_eq!(
            page.header(header::X_CONTENT_TYPE_OPTIONS),
            "nosniff",
            "{path}"
        );
        assert_eq!(
            page.header(header::REFERRER_POLICY),
            "strict-origin-when-cross-origin",
            "{path}"
        );
        // Only documents have features to refuse.
        let document = page.header(header::CONTENT_TYPE).starts_with("text/html");
        let permissions = page.header("permissions-policy".parse().unwrap());
        if document {
            assert!(permissions.contains("camera=()"), "{path}");
        } else {
            assert_eq!(permissions, "", "{path}");
        }
        assert_eq!(
            page.header("cross-origin-resource-policy".parse().unwrap()),
            "same-origin"
        );
        let policy = page.header(header::CONTENT_SECURITY_POLICY);
        assert!(!policy.contains("unsafe-inline"), "{path}: {policy}");
        assert!(
            policy.contains("frame-ancestors 'self'"),
            "{path}: {policy}"
        );
        assert!(policy.contains("base-uri 'none'"), "{path}: {policy}");
    }
    // A page's policy lets exactly its shell's inline loader run, by hash.
    let page = app.job_page(seed::SHOWCASE_SLUG).await;
    let policy = page.header(header::CONTENT_SECURITY_POLICY);
    let loader = "import init from '/job/job-0123456789abcdef.js';await init();";
    let hash = ascend_server::site::shell::script_hash(loader);
    assert!(
        policy.contains(&format!("script-src 'self' 'wasm-unsafe-eval' {hash};")),
        "{policy}"
    );
    assert!(policy.contains("object-src 'none'"), "{policy}");
    assert!(policy.contains("style-src 'self';"), "{policy}");
    // So no element may carry an inline style.
    for path in [
        format!("/jobs/{}", seed::SHOWCASE_SLUG),
        "/companies/cadence".into(),
        "/embed".into(),
    ] {
        let page = app.get(&path, &[]).await;
        assert!(
            select(&page.html, "[style]").is_empty(),
            "{path} has inline styles"
        );
        assert!(
            select(&page.html, "style").is_empty(),
            "{path} has a <style>"
        );
    }
}

#[tokio::test]
async fn a_path_segment_longer_than_a_file_name_is_the_sites_404() {
    let app = test_app(None).await;
    let long = "a".repeat(300);
    for path in [
        format!("/{long}"),
        format!("/job/{long}"),
        format!("/assets/{long}.js"),
        // 300 bytes once decoded.
        format!("/{}", "%61".repeat(300)),
    ] {
        let page = app.get(&path, &[]).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
    }
    // Without an extension it is the app's own not-found page.
    let page = app.get(&format!("/{long}"), &[]).await;
    assert_eq!(page.one("title").text, "Page not found · Ascend");
}

#[tokio::test]
async fn folder_redirects_stay_on_this_origin() {
    let app = test_app(None).await;
    // The folder of the job page's entry point still gets its slash.
    let folder = app.get("/job", &[]).await;
    assert_eq!(folder.status, StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(folder.header(header::LOCATION), "/job/");
    // `Location: //job/` would send a browser to the host "job".
    // Nor is it a page: the app cannot read `///x`.
    for path in [
        "//job",
        "///job",
        "//job?next=1",
        "///x",
        "///jobs",
        "//jobs",
    ] {
        let page = app.get(path, &[]).await;
        let location = page.header(header::LOCATION);
        assert!(
            location.is_empty() || (location.starts_with('/') && !location.starts_with("//")),
            "{path} redirects to {location}"
        );
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
    }
}
