//! The embeddable widget's server side: which responses other sites may
//! frame, and how the loader is served.

mod common;

use ascend_server::app;
use ascend_server::seed::DemoSize;
use ascend_server::site::headers::{FRAME_ANY, FRAME_SELF};
use ascend_server::site::widget::LOADER_CACHE;
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};

const INDEX_HTML: &str =
    "<!doctype html><html lang=en><title>Ascend</title></head><body></body></html>";
const WIDGET_HTML: &str = "<!doctype html><html lang=en><title>Jobs from Ascend</title></head>\
     <body><noscript><p>Open jobs on Ascend</p></noscript></body></html>";
const LOADER: &str = "(function(){})();\n";

struct TestApp {
    router: Router,
    _dir: tempfile::TempDir,
}

async fn test_app() -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let size = DemoSize {
        companies: 5,
        jobs: 20,
        seed: 3,
    };
    let pool = common::seeded_pool(&dir, size).await;
    let dist = common::fake_dist(
        &dir,
        &[
            ("index.html", INDEX_HTML.as_bytes()),
            ("job/index.html", INDEX_HTML.as_bytes()),
            ("widget/index.html", WIDGET_HTML.as_bytes()),
            ("embed.js", LOADER.as_bytes()),
        ],
    );
    TestApp {
        router: app(common::state(pool), &dist),
        _dir: dir,
    }
}

impl TestApp {
    async fn get(&self, uri: &str) -> (StatusCode, HeaderMap, String) {
        let request = Request::builder()
            .uri(uri)
            .header(header::HOST, "jobs.test")
            .body(Body::empty())
            .unwrap();
        let reply = common::send(&self.router, request).await;
        (reply.status, reply.headers.clone(), reply.text())
    }
}

fn header_text(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).map(|v| v.to_str().unwrap())
}

/// The one `frame-ancestors` directive of a response's page policy.
fn framing(headers: &HeaderMap) -> Option<&str> {
    let policy = header_text(headers, header::CONTENT_SECURITY_POLICY)?;
    let mut directives = policy
        .split(';')
        .map(str::trim)
        .filter(|d| d.starts_with("frame-ancestors"));
    let first = directives.next();
    assert_eq!(directives.next(), None, "one frame-ancestors in {policy}");
    first
}

#[tokio::test]
async fn widget_pages_may_be_framed_by_any_site() {
    let app = test_app().await;
    for uri in [
        "/widget/",
        "/widget/?company=cadence&limit=3",
        "/widget/?job=x",
    ] {
        let (status, headers, body) = app.get(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(
            body.starts_with("<!doctype html><html lang=en><title>Jobs from Ascend</title>"),
            "{uri}: {body}"
        );
        assert_eq!(framing(&headers), Some(FRAME_ANY), "{uri}");
        assert_eq!(
            header_text(&headers, header::X_FRAME_OPTIONS),
            None,
            "{uri}"
        );
    }
}

#[tokio::test]
async fn every_other_page_may_be_framed_by_ascend_only() {
    let app = test_app().await;
    let (_, jobs, _) = app.get("/api/jobs?limit=1").await;
    let slug = {
        let (_, _, body) = app.get("/api/jobs?limit=1").await;
        let value: serde_json::Value = serde_json::from_str(&body).unwrap();
        value["jobs"][0]["slug"].as_str().unwrap().to_owned()
    };
    assert_eq!(framing(&jobs), Some(FRAME_SELF));
    for uri in [
        "/".to_owned(),
        "/jobs".to_owned(),
        "/embed".to_owned(),
        format!("/jobs/{slug}"),
        "/jobs/no-such-job".to_owned(),
        "/widgets".to_owned(),
        "/embed.js".to_owned(),
    ] {
        let (status, headers, _) = app.get(&uri).await;
        // `/` is a redirect to `/jobs`; a redirect is framed by no one either.
        assert!(
            [
                StatusCode::OK,
                StatusCode::NOT_FOUND,
                StatusCode::PERMANENT_REDIRECT
            ]
            .contains(&status),
            "{uri}: {status}"
        );
        assert_eq!(framing(&headers), Some(FRAME_SELF), "{uri}");
        assert_eq!(
            header_text(&headers, header::X_FRAME_OPTIONS),
            Some("SAMEORIGIN"),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn the_loader_is_a_briefly_cached_script() {
    let app = test_app().await;
    let (status, headers, body) = app.get("/embed.js").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, LOADER);
    assert_eq!(
        header_text(&headers, header::CACHE_CONTROL),
        Some(LOADER_CACHE)
    );
    assert!(
        header_text(&headers, header::CONTENT_TYPE)
            .unwrap()
            .contains("javascript")
    );
}

/// The `<noscript>` of a widget page, where its jobs are plain links.
fn noscript(body: &str) -> &str {
    let start = body.find("<noscript>").expect("a noscript") + "<noscript>".len();
    &body[start..start + body[start..].find("</noscript>").unwrap()]
}

#[tokio::test]
async fn widget_pages_list_their_jobs_as_links_without_javascript() {
    let app = test_app().await;
    let (_, _, api) = app
        .get("/api/jobs?sort=newest&company=cadence&limit=3")
        .await;
    let expected: ascend_types::JobSearch = serde_json::from_str(&api).unwrap();
    assert!(!expected.jobs.is_empty());
    let (status, _, body) = app.get("/widget/?company=cadence&limit=3&theme=dark").await;
    assert_eq!(status, StatusCode::OK);
    let links: Vec<&str> = noscript(&body)
        .split("href=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    let slugs: Vec<String> = expected
        .jobs
        .iter()
        .map(|j| format!("/jobs/{}", j.slug))
        .collect();
    assert_eq!(links, slugs);
    for job in &expected.jobs {
        assert!(
            noscript(&body).contains(&job.title),
            "{} missing",
            job.title
        );
    }

    // Without a limit, five, as the widget shows.
    let (_, _, body) = app.get("/widget/").await;
    assert_eq!(noscript(&body).matches("<li>").count(), 5);

    // One job: its link, title and company.
    let job = &expected.jobs[0];
    let (_, _, body) = app.get(&format!("/widget/?job={}", job.slug)).await;
    assert!(noscript(&body).contains(&format!("href=\"/jobs/{}\"", job.slug)));
    assert!(noscript(&body).contains(&job.title));

    // Settings the widget refuses keep the general link; the widget says why.
    for uri in [
        "/widget/?limit=99",
        "/widget/?job=no-such-job",
        "/widget/?remote=maybe",
    ] {
        let (status, _, body) = app.get(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert_eq!(noscript(&body), "<p>Open jobs on Ascend</p>", "{uri}");
    }
}
