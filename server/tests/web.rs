//! The HTML the server returns for `/jobs/{slug}`: status, caching, the
//! head a crawler reads, and the job's JSON inlined for the app.

mod common;

use ascend_server::demo::DemoSize;
use ascend_server::{AppState, app, demo};
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

/// The job page's own shell, which `/jobs/{slug}` answers with.
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
    let state = AppState {
        write_limit: 100,
        public_url: public_url.map(str::to_owned),
        ..common::state(pool.clone())
    };
    TestApp {
        router: app(state, &dist),
        pool,
        dist,
        _dir: dir,
    }
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

    /// The text of every `<script>` element, in order: each ends at the
    /// first `</script>`, as a browser ends it.
    fn scripts(&self) -> Vec<(&str, &str)> {
        let mut found = Vec::new();
        let mut rest = self.html.as_str();
        while let Some(start) = rest.find("<script") {
            let open_end = start + rest[start..].find('>').unwrap() + 1;
            let close = open_end + rest[open_end..].find("</script>").unwrap();
            found.push((&rest[start..open_end], &rest[open_end..close]));
            rest = &rest[close + "</script>".len()..];
        }
        found
    }

    fn script(&self, open_tag_contains: &str) -> Option<&str> {
        self.scripts()
            .into_iter()
            .find(|(open, _)| open.contains(open_tag_contains))
            .map(|(_, text)| text)
    }

    fn json_ld(&self) -> Value {
        serde_json::from_str(self.script("application/ld+json").expect("a JSON-LD block")).unwrap()
    }

    fn inlined_job(&self) -> JobDetail {
        serde_json::from_str(self.script("id=\"ascend-job\"").expect("the inlined job")).unwrap()
    }

    fn head(&self) -> &str {
        &self.html[..self.html.find("</head>").unwrap()]
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
async fn a_job_page_carries_the_job_in_its_head() {
    let app = test_app(None).await;
    let page = app.job_page(demo::SHOWCASE_SLUG).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header(header::CACHE_CONTROL), "no-cache");
    assert_eq!(
        page.header(header::CONTENT_TYPE),
        "text/html; charset=utf-8"
    );

    let head = page.head();
    let title = "Backend Engineer, Personalization at Cadence · Ascend";
    let url = format!("http://jobs.test:8080/jobs/{}", demo::SHOWCASE_SLUG);
    assert_eq!(head.matches("<title>").count(), 1, "{head}");
    assert!(head.contains(&format!("<title>{title}</title>")), "{head}");
    assert_eq!(head.matches("name=\"description\"").count(), 1, "{head}");
    assert!(
        !head.contains("name=description"),
        "the shell's own description stays out"
    );
    assert!(head.contains(
        "<meta name=\"description\" content=\"Backend Engineer, Personalization at Cadence, Remote in EMEA, full-time."
    ));
    assert!(head.contains(&format!(
        "<link rel=\"canonical\" href=\"{url}\" data-ascend-ssr>"
    )));
    for (property, value) in [
        ("og:type", "website"),
        ("og:site_name", "Ascend"),
        ("og:title", title),
        ("og:url", url.as_str()),
    ] {
        let tag = format!("<meta property=\"{property}\" content=\"{value}\" data-ascend-ssr>");
        assert!(head.contains(&tag), "{tag} in {head}");
    }
    assert!(head.contains("<meta property=\"og:description\" content=\"Backend Engineer"));
    assert!(head.contains("<meta name=\"twitter:card\" content=\"summary\" data-ascend-ssr>"));
    assert!(head.contains(&format!(
        "<meta name=\"twitter:title\" content=\"{title}\" data-ascend-ssr>"
    )));
    // The rest of the job page's own shell is untouched.
    assert!(head.contains("<link href=/job/job-styles-0123456789abcdef.css rel=stylesheet>"));
    assert!(head.contains("import init from '/job/job-0123456789abcdef.js'"));
    // The top of the page is drawn in the body, after the shell's own
    // content, for the first paint and for readers without JavaScript.
    let body = &page.html[page.html.find("<body>").unwrap()..];
    assert!(body.starts_with(
        "<body><noscript>Ascend needs JavaScript to show this job.</noscript>\
         <div id=\"ascend-first-paint\" inert>"
    ));
    assert!(body.ends_with("</main></div></body></html>"));
    for drawn in [
        "<h1 id=\"job-title\" class=\"job-header__title\">Backend Engineer, Personalization</h1>",
        "<a href=\"/companies/cadence\">Cadence</a>",
        "<li title=\"Remote in EMEA\">Remote in EMEA</li><li>Full-time</li>",
        "<time datetime=\"2026-11-16\" title=\"16 November 2026\">Posted 9 days ago</time>",
        "<p class=\"job-pager__position\">Job 2 of 2 at Cadence</p>",
        "<p class=\"job-summary__text\">",
    ] {
        assert!(body.contains(drawn), "{drawn} in {body}");
    }

    let ld = page.json_ld();
    assert_eq!(ld["@type"], "JobPosting");
    assert_eq!(ld["title"], "Backend Engineer, Personalization");
    assert_eq!(ld["datePosted"], "2026-11-16");
    assert_eq!(ld["validThrough"], "2027-01-15T23:59:59Z");
    assert_eq!(ld["hiringOrganization"]["name"], "Cadence");
    assert_eq!(
        ld["hiringOrganization"]["sameAs"],
        "https://cadence.example"
    );
    assert_eq!(ld["jobLocationType"], "TELECOMMUTE");
    assert_eq!(ld["applicantLocationRequirements"][0]["name"], "EMEA");
    assert_eq!(ld["employmentType"], "FULL_TIME");
    assert_eq!(ld["baseSalary"]["currency"], "EUR");
    assert_eq!(ld["baseSalary"]["value"]["minValue"], 70_000);
    assert_eq!(ld["baseSalary"]["value"]["maxValue"], 90_000);
    assert_eq!(ld["baseSalary"]["value"]["unitText"], "YEAR");
    assert_eq!(ld["url"], url.as_str());
    assert!(
        ld["description"]
            .as_str()
            .unwrap()
            .contains("<h3>What you will do</h3>")
    );

    assert_eq!(page.inlined_job(), app.api_job(demo::SHOWCASE_SLUG).await);
}

#[tokio::test]
async fn the_public_url_wins_over_the_host_and_a_bad_host_gives_no_url() {
    let app = test_app(Some("https://ascend.example")).await;
    let page = app.job_page(demo::SHOWCASE_SLUG).await;
    let url = format!("https://ascend.example/jobs/{}", demo::SHOWCASE_SLUG);
    assert!(
        page.head()
            .contains(&format!("<link rel=\"canonical\" href=\"{url}\""))
    );
    assert_eq!(page.json_ld()["url"], url.as_str());

    let app = test_app(None).await;
    let page = app
        .get(
            &format!("/jobs/{}", demo::SHOWCASE_SLUG),
            &[("host", "evil.example\"><script>alert(1)</script>")],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.html.contains("evil.example"));
    assert!(!page.head().contains("rel=\"canonical\""));
    assert!(!page.head().contains("og:url"));
    assert!(page.json_ld().get("url").is_none());
}

#[tokio::test]
async fn a_closed_job_is_gone_and_an_unknown_one_not_found() {
    let app = test_app(None).await;
    for (slug, status, title) in [
        (
            demo::CLOSED_SLUG,
            StatusCode::GONE,
            "This job is closed · Ascend",
        ),
        (
            "no-such-job",
            StatusCode::NOT_FOUND,
            "Page not found · Ascend",
        ),
        ("%FF%FE", StatusCode::NOT_FOUND, "Page not found · Ascend"),
    ] {
        let page = app.job_page(slug).await;
        assert_eq!(page.status, status, "{slug}");
        assert_eq!(page.header(header::CACHE_CONTROL), "no-cache", "{slug}");
        assert_eq!(
            page.header(header::CONTENT_TYPE),
            "text/html; charset=utf-8"
        );
        let head = page.head();
        assert!(head.contains(&format!("<title>{title}</title>")), "{head}");
        assert!(head.contains("<meta name=\"robots\" content=\"noindex\" data-ascend-ssr>"));
        assert!(page.script("application/ld+json").is_none(), "{slug}");
        assert!(page.script("ascend-job").is_none(), "{slug}");
        // The job page's app still starts and shows its notice.
        let module = page.script("type=module").unwrap_or_default();
        assert!(module.contains("/job/job-0123456789abcdef.js"), "{slug}");
    }
}

#[tokio::test]
async fn hostile_job_text_cannot_break_out_of_attributes_or_scripts() {
    let app = test_app(None).await;
    let title = r#"Engineer "quoted" <b>bold</b> & 'more' </title><script>alert(1)</script>"#;
    let description = "<p>Hi</script><script>alert(2)</script><!-- & \u{2028} --></p>";
    sqlx::query(
        "UPDATE jobs SET title = $1, description_html = $2, summary = NULL WHERE slug = $3",
    )
    .bind(title)
    .bind(description)
    .bind(demo::SHOWCASE_SLUG)
    .execute(&app.pool)
    .await
    .unwrap();

    let page = app.job_page(demo::SHOWCASE_SLUG).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.html.contains("<script>alert"), "{}", page.html);
    assert!(!page.html.contains("<b>bold"), "{}", page.html);
    let escaped = "Engineer &quot;quoted&quot; &lt;b&gt;bold&lt;/b&gt; &amp; &#39;more&#39; \
                   &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; at Cadence";
    assert!(
        page.head()
            .contains(&format!("<title>{escaped} · Ascend</title>"))
    );
    assert!(page.head().contains(&format!(
        "<meta property=\"og:title\" content=\"{escaped} · Ascend\""
    )));
    // Three scripts, the shell's and ours, each whole.
    assert_eq!(page.scripts().len(), 3);
    // The first paint writes the title as text, in the breadcrumb's
    // attribute too.
    let body = &page.html[page.html.find("<body>").unwrap()..];
    let title_text = "Engineer &quot;quoted&quot; &lt;b&gt;bold&lt;/b&gt; &amp; &#39;more&#39; \
                      &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;";
    assert!(
        body.contains(&format!("title=\"{title_text}\">{title_text}</li>")),
        "{body}"
    );
    assert!(
        body.contains(&format!("class=\"job-header__title\">{title_text}</h1>")),
        "{body}"
    );
    let ld = page.json_ld();
    assert_eq!(ld["title"], title);
    assert_eq!(ld["description"], description);
    let job = page.inlined_job();
    assert_eq!(job.title, title);
    assert_eq!(job.description_html, description);
    assert_eq!(job, app.api_job(demo::SHOWCASE_SLUG).await);
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
    let job = page.inlined_job();
    assert_eq!(
        job.salary.as_ref().map(|s| s.source),
        Some(SalarySource::Estimate)
    );
    let ld = page.json_ld();
    assert_eq!(ld["title"], job.title.as_str());
    assert!(ld.get("baseSalary").is_none(), "{ld}");
}

#[tokio::test]
async fn the_page_is_compressed_and_the_shell_read_once() {
    let app = test_app(None).await;
    let path = format!("/jobs/{}", demo::SHOWCASE_SLUG);
    let page = app.get(&path, &[("accept-encoding", "br")]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header(header::CONTENT_ENCODING), "br");
    // Every other page gets the whole app's shell.
    let shell = app.get("/jobs", &[]).await;
    assert_eq!(shell.html, INDEX_HTML);

    // Later requests use the shells read first, even if the files change.
    for file in ["index.html", "job/index.html"] {
        std::fs::write(app.dist.join(file), "<!doctype html><title>New</title>").unwrap();
    }
    let again = app.job_page(demo::SHOWCASE_SLUG).await;
    assert!(again.html.contains("to show this job.</noscript>"));
    let shell = app.get("/jobs", &[]).await;
    assert_eq!(shell.html, INDEX_HTML);
    assert_eq!(shell.header(header::CACHE_CONTROL), "no-cache");
}

#[tokio::test]
async fn without_a_built_front_end_job_pages_say_so() {
    let app = test_app(None).await;
    std::fs::remove_file(app.dist.join("job/index.html")).unwrap();
    let page = app.job_page(demo::SHOWCASE_SLUG).await;
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(page.html.contains("not built"));
}
