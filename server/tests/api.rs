//! The API and the front-end server through the router, without a socket.

mod common;

use ascend_server::seed::{self, DemoSize};
use ascend_server::{AppState, app};
use ascend_types::{
    CompanyJobs, CompanyProfile, CurrencyRates, JobDetail, JobSearch, Readiness, SalaryEstimate,
    SalarySource, SimilarJobs, SubscriptionAccepted,
};
use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use common::Reply;

/// Enough generated data for estimates and lists, small enough to seed fast.
const SMALL: DemoSize = DemoSize {
    companies: 20,
    jobs: 600,
    seed: 7,
};

const INDEX_HTML: &str = "<!doctype html><title>Ascend</title>";
const WASM_NAME: &str = "ascend-0123456789abcdef_bg.wasm";

struct TestApp {
    router: Router,
    state: AppState,
    pool: sqlx::SqlitePool,
    // Held so the database file and the fake front end outlive the test.
    _dir: tempfile::TempDir,
}

async fn test_app() -> TestApp {
    test_app_with_write_limit(100).await
}

async fn test_app_with_write_limit(write_limit: u32) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let pool = common::seeded_pool(&dir, SMALL).await;
    let dist = common::fake_dist(
        &dir,
        &[
            ("index.html", INDEX_HTML.as_bytes()),
            (WASM_NAME, b"\0asm raw"),
            (&format!("{WASM_NAME}.br"), b"brotli bytes"),
            ("favicon.svg", b"<svg/>"),
        ],
    );
    let state = AppState {
        write_limit,
        ..common::state(pool)
    };
    TestApp {
        pool: state.board.pool.clone(),
        router: app(state.clone(), &dist),
        state,
        _dir: dir,
    }
}

impl TestApp {
    async fn send(&self, request: Request<Body>) -> Reply {
        common::send(&self.router, request).await
    }

    async fn request(&self, method: Method, uri: &str, accept_encoding: Option<&str>) -> Reply {
        let mut request = Request::builder().method(method).uri(uri);
        if let Some(encoding) = accept_encoding {
            request = request.header(header::ACCEPT_ENCODING, encoding);
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    async fn get(&self, uri: &str) -> Reply {
        self.request(Method::GET, uri, None).await
    }
}

#[tokio::test]
async fn healthz_says_the_process_is_alive_without_asking_anything() {
    let app = test_app().await;
    // Not even a closed database changes it.
    app.pool.close().await;
    let reply = app.get("/healthz").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.text(), "ok");
}

#[tokio::test]
async fn readyz_is_503_until_the_indexes_are_built_and_when_the_database_is_gone() {
    let app = test_app().await;
    let reply = app.get("/readyz").await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    let readiness: Readiness = reply.json();
    assert!(readiness.database);
    assert!(!readiness.indexes);

    ascend_server::app::prepare(&app.state).await.unwrap();
    let reply = app.get("/readyz").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let readiness: Readiness = reply.json();
    assert!(readiness.database && readiness.indexes);
    assert_eq!(readiness.version, env!("CARGO_PKG_VERSION"));

    app.pool.close().await;
    // The last check stands for a second; the one after it, run in the
    // background while /readyz answers from the last, finds no database.
    let mut gone = false;
    for _ in 0..40 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        let reply = app.get("/readyz").await;
        if reply.status == StatusCode::SERVICE_UNAVAILABLE {
            assert!(!reply.json::<Readiness>().database);
            gone = true;
            break;
        }
    }
    assert!(
        gone,
        "/readyz still said ready 4 s after the database closed"
    );
}

#[tokio::test]
async fn list_is_newest_first_and_leaves_out_closed_jobs() {
    let app = test_app().await;
    let reply = app.get("/api/jobs").await;
    assert_eq!(reply.status, StatusCode::OK);
    let list: JobSearch = reply.json();
    assert_eq!(list.jobs.len(), 20);
    let dates: Vec<&str> = list.jobs.iter().map(|j| j.posted_on.as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    assert!(list.jobs[0].posted_on.as_str() <= "2026-11-25");
    let closed: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE valid_through < '2026-11-25'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(closed > 0, "the demo has closed jobs");
    let all: JobSearch = app.get("/api/jobs?limit=50").await.json();
    for job in &all.jobs {
        let until: Option<String> =
            sqlx::query_scalar("SELECT valid_through FROM jobs WHERE slug = $1")
                .bind(&job.slug)
                .fetch_one(&app.pool)
                .await
                .unwrap();
        assert!(
            until.is_none_or(|d| d.as_str() >= "2026-11-25"),
            "{} is closed",
            job.slug
        );
    }
}

#[tokio::test]
async fn list_honours_limit() {
    let app = test_app().await;
    let list: JobSearch = app.get("/api/jobs?limit=3").await.json();
    assert_eq!(list.jobs.len(), 3);
}

#[tokio::test]
async fn malformed_limit_is_a_400_that_names_the_field() {
    let app = test_app().await;
    for uri in [
        "/api/jobs?limit=abc",
        "/api/jobs?limit=0",
        "/api/jobs?limit=500",
    ] {
        let reply = app.get(uri).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{uri}");
        let error = reply.error();
        assert_eq!(error.code, "invalid_parameter");
        assert_eq!(error.field.as_deref(), Some("limit"));
    }
}

#[tokio::test]
async fn job_by_slug_has_everything_the_page_shows() {
    let app = test_app().await;
    let reply = app.get(&format!("/api/jobs/{}", seed::SHOWCASE_SLUG)).await;
    assert_eq!(reply.status, StatusCode::OK);
    let job: JobDetail = reply.json();
    assert_eq!(job.title, "Backend Engineer, Personalization");
    assert_eq!(job.posted_on, "2026-11-16");
    assert_eq!(job.valid_through.as_deref(), Some("2027-01-15"));
    assert_eq!(job.location, "Remote in EMEA");
    assert_eq!(job.remote_regions, vec!["EMEA".to_owned()]);
    assert!(job.description_html.contains("<h3>What you will do</h3>"));
    assert!(job.summary.is_some());
    assert_eq!(job.faqs.len(), 5);
    assert_eq!(job.interview_questions.len(), 8);
    assert!(job.skills.contains(&"Kubernetes".to_owned()));

    let company = &job.company;
    assert_eq!(company.name, "Cadence");
    assert_eq!(company.open_jobs, 2);
    assert_eq!(company.ratings.review_count, 48);
    assert_eq!(company.ratings.overall, Some(4.0));
    assert_eq!(company.ratings.diversity_inclusion_count, 14);
    assert!(company.ratings.diversity_inclusion.is_some());
    assert!(company.ratings.ceo_approval_percent.is_some());
    assert_eq!(
        company.ceo.as_ref().map(|c| c.name.as_str()),
        Some("Ingrid Halvorsen")
    );

    let salary = job.salary.expect("the employer's salary");
    assert_eq!(salary.source, SalarySource::Employer);
    assert_eq!(
        (salary.min, salary.median, salary.max),
        (70_000, 80_000, 90_000)
    );
    assert_eq!(salary.currency, "EUR");
    assert_eq!(salary.sample_size, None);

    // Two open Cadence jobs: the showcase is the older one.
    assert_eq!(job.pager.total, 2);
    assert_eq!(job.pager.position, 2);
    assert_eq!(
        job.pager.previous.as_deref(),
        Some("data-engineer-listening-insights-cadence")
    );
    assert_eq!(job.pager.next, None);
    let newer: JobDetail = app
        .get("/api/jobs/data-engineer-listening-insights-cadence")
        .await
        .json();
    assert_eq!((newer.pager.position, newer.pager.total), (1, 2));
    assert_eq!(newer.pager.next.as_deref(), Some(seed::SHOWCASE_SLUG));
}

#[tokio::test]
async fn job_without_salary_or_comparables_has_no_salary_block() {
    let app = test_app().await;
    let job: JobDetail = app
        .get(&format!("/api/jobs/{}", seed::NO_SALARY_SLUG))
        .await
        .json();
    assert_eq!(job.salary, None);
    assert_eq!(job.company.ratings.overall, None);
    assert_eq!(job.company.ratings.diversity_inclusion, None);
}

#[tokio::test]
async fn job_without_salary_gets_an_estimate_when_comparables_exist() {
    let app = test_app().await;
    // A generated job without a salary whose title family has salaried peers.
    let slug: Option<String> = sqlx::query_scalar(
        "SELECT j.slug FROM jobs j WHERE j.salary_min IS NULL AND (j.valid_through IS NULL OR j.valid_through >= '2026-11-25') \
         AND (SELECT COUNT(*) FROM jobs k WHERE k.title_family = j.title_family AND k.salary_min IS NOT NULL) >= 5 \
         LIMIT 1",
    )
    .fetch_optional(&app.pool)
    .await
    .unwrap();
    let slug = slug.expect("the generated data has an unsalaried job with salaried peers");
    let job: JobDetail = app.get(&format!("/api/jobs/{slug}")).await.json();
    let salary = job.salary.expect("an estimate");
    assert_eq!(salary.source, SalarySource::Estimate);
    assert!(salary.sample_size.unwrap() >= 5);
    assert!(salary.min <= salary.median && salary.median <= salary.max);
}

#[tokio::test]
async fn unknown_slug_is_a_json_404() {
    let app = test_app().await;
    let reply = app.get("/api/jobs/no-such-job").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.error().code, "not_found");
}

#[tokio::test]
async fn a_path_parameter_that_is_not_utf8_answers_the_json_error_shape() {
    let app = test_app().await;
    for path in [
        "/api/jobs/%FF",
        "/api/jobs/%FF/similar",
        "/api/companies/%C3%28",
        "/api/companies/%C3%28/jobs",
    ] {
        let reply = app.get(path).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
        let error = reply.error();
        assert_eq!(error.code, "not_found", "{path}");
        // Our words, not the router's ("Invalid URL: Cannot parse ...").
        assert!(!error.message.contains("Invalid URL"), "{}", error.message);
        assert!(!error.message.contains("parse"), "{}", error.message);
    }
}

#[tokio::test]
async fn closed_job_is_410_gone() {
    let app = test_app().await;
    let reply = app.get(&format!("/api/jobs/{}", seed::CLOSED_SLUG)).await;
    assert_eq!(reply.status, StatusCode::GONE);
    assert_eq!(reply.error().code, "gone");
}

#[tokio::test]
async fn unknown_api_paths_and_methods_answer_json() {
    let app = test_app().await;
    for uri in ["/api/nope", "/api/jobs/a/b/c", "/api/"] {
        let reply = app.get(uri).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(reply.error().code, "not_found");
    }
    let reply = app.request(Method::DELETE, "/api/jobs", None).await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(reply.error().code, "method_not_allowed");
}

#[tokio::test]
async fn api_compresses_when_asked() {
    let app = test_app().await;
    let reply = app.request(Method::GET, "/api/jobs", Some("br")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header(header::CONTENT_ENCODING), "br");
}

#[tokio::test]
async fn hashed_assets_are_immutable_and_precompressed() {
    let app = test_app().await;
    let path = format!("/{WASM_NAME}");
    let plain = app.get(&path).await;
    assert_eq!(plain.status, StatusCode::OK);
    assert_eq!(plain.body, b"\0asm raw");
    assert_eq!(
        plain.header(header::CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );

    let compressed = app.request(Method::GET, &path, Some("gzip, br")).await;
    assert_eq!(compressed.status, StatusCode::OK);
    assert_eq!(compressed.header(header::CONTENT_ENCODING), "br");
    assert_eq!(compressed.body, b"brotli bytes");
    assert_eq!(compressed.header(header::CONTENT_TYPE), "application/wasm");
}

#[tokio::test]
async fn missing_files_are_404_not_the_shell() {
    let app = test_app().await;
    let reply = app.get("/ascend-ffffffffffffffff.js").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(!reply.text().contains("<html"), "{}", reply.text());
}

#[tokio::test]
async fn seeding_twice_keeps_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let pool = common::temp_pool(&dir).await;
    let size = DemoSize {
        companies: 5,
        jobs: 40,
        seed: 1,
    };
    assert_eq!(seed::seed_if_empty(&pool, 20_000, size).await.unwrap(), 44);
    pool.close().await;
    let pool = common::temp_pool(&dir).await;
    assert_eq!(seed::seed_if_empty(&pool, 20_000, size).await.unwrap(), 0);
    let jobs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM jobs")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(jobs, 44);
}

impl TestApp {
    async fn post_json(
        &self,
        uri: &str,
        content_type: Option<&str>,
        body: impl Into<Body>,
    ) -> Reply {
        let mut request = Request::builder().method(Method::POST).uri(uri);
        if let Some(content_type) = content_type {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        self.send(request.body(body.into()).unwrap()).await
    }
}

const JSON: Option<&str> = Some("application/json");

type BadSubscription = (
    Option<&'static str>,
    Body,
    StatusCode,
    &'static str,
    Option<&'static str>,
);

#[tokio::test]
async fn company_profile_and_its_open_jobs() {
    let app = test_app().await;
    let reply = app.get("/api/companies/cadence").await;
    assert_eq!(reply.status, StatusCode::OK);
    let company: CompanyProfile = reply.json();
    assert_eq!(company.name, "Cadence");
    assert_eq!(company.open_jobs, 2);
    assert_eq!(company.benefits.len(), 5);
    assert!(company.culture_values.contains(&"Curious".to_owned()));

    let jobs: CompanyJobs = app.get("/api/companies/cadence/jobs").await.json();
    assert_eq!(jobs.company.slug, "cadence");
    let slugs: Vec<&str> = jobs.jobs.iter().map(|j| j.slug.as_str()).collect();
    assert_eq!(
        slugs,
        [
            "data-engineer-listening-insights-cadence",
            seed::SHOWCASE_SLUG
        ]
    );

    // The closed job is not among Lumen Bank's open jobs.
    let lumen: CompanyJobs = app.get("/api/companies/lumen-bank/jobs").await.json();
    assert!(lumen.jobs.is_empty());

    assert_eq!(
        app.get("/api/companies/nobody").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/api/companies/nobody/jobs").await.status,
        StatusCode::NOT_FOUND
    );
    let reply = app.get("/api/companies/cadence/jobs?limit=x").await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.error().field.as_deref(), Some("limit"));
}

#[tokio::test]
async fn salary_estimate_from_comparable_postings() {
    let app = test_app().await;
    // The most common salaried title family in the generated data.
    let (family, count): (String, i64) = sqlx::query_as(
        "SELECT title_family, COUNT(*) AS n FROM jobs WHERE salary_min IS NOT NULL \
         GROUP BY title_family ORDER BY n DESC LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(count >= 5, "{family}: {count}");
    let uri = format!(
        "/api/salaries/estimate?title={}&currency=usd",
        family.replace(' ', "+")
    );
    let reply = app.get(&uri).await;
    assert_eq!(reply.status, StatusCode::OK);
    let estimate: Option<SalaryEstimate> = reply.json();
    let estimate = estimate.expect("enough comparable postings");
    assert_eq!(estimate.currency, "USD");
    assert!(estimate.sample_size >= 5);
    assert!(estimate.p10 <= estimate.p50 && estimate.p50 <= estimate.p90);
    assert!(estimate.p50 > 1_000, "{estimate:?}");

    let monthly: Option<SalaryEstimate> = app.get(&format!("{uri}&period=month")).await.json();
    let monthly = monthly.unwrap();
    let ratio = estimate.p50 as f64 / monthly.p50 as f64;
    assert!((ratio - 12.0).abs() < 0.2, "{ratio}");

    let none: Option<SalaryEstimate> = app
        .get("/api/salaries/estimate?title=Lighthouse+Keeper")
        .await
        .json();
    assert_eq!(none, None);
}

#[tokio::test]
async fn salary_estimate_rejects_bad_parameters() {
    let app = test_app().await;
    for (uri, field) in [
        ("/api/salaries/estimate", "title"),
        (
            "/api/salaries/estimate?title=x&seniority=wizard",
            "seniority",
        ),
        ("/api/salaries/estimate?title=x&period=fortnight", "period"),
        ("/api/salaries/estimate?title=x&currency=EURO", "currency"),
        (
            "/api/salaries/estimate?title=Backend+Engineer&currency=XYZ",
            "currency",
        ),
    ] {
        let reply = app.get(uri).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(reply.error().field.as_deref(), Some(field), "{uri}");
    }
}

#[tokio::test]
async fn subscribing_stores_an_address_once_and_reveals_nothing() {
    let app = test_app().await;
    let body =
        r#"{"email":" Reader@Example.org ","topics":["Engineering","remote","engineering"]}"#;
    let first = app.post_json("/api/subscriptions", JSON, body).await;
    assert_eq!(first.status, StatusCode::CREATED);
    let accepted: SubscriptionAccepted = first.json();
    assert_eq!(accepted.email, "Reader@example.org");
    assert_eq!(accepted.topics, ["engineering", "remote"]);

    let again = app.post_json("/api/subscriptions", JSON, body).await;
    assert_eq!(again.status, first.status);
    assert_eq!(again.body, first.body);
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM subscriptions")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, 1);
}

#[tokio::test]
async fn subscribing_with_bad_input_gets_a_clear_error_and_stores_nothing() {
    let app = test_app().await;
    // (content type, body, status, error code, field at fault)
    let cases: [BadSubscription; 6] = [
        (
            JSON,
            Body::from(r#"{"email":"not-an-address"}"#),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            Some("email"),
        ),
        (
            JSON,
            Body::from(r#"{"email":"a@example.com","topics":["no spaces please"]}"#),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            Some("topics"),
        ),
        (
            JSON,
            Body::from(r#"{"topics":[]}"#),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            None,
        ),
        (
            JSON,
            Body::from("{not json"),
            StatusCode::BAD_REQUEST,
            "invalid_body",
            None,
        ),
        (
            Some("text/plain"),
            Body::from(r#"{"email":"a@example.com"}"#),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            None,
        ),
        (
            JSON,
            Body::from(format!(
                r#"{{"email":"{}@example.com"}}"#,
                "a".repeat(20_000)
            )),
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            None,
        ),
    ];
    for (content_type, body, status, code, field) in cases {
        let reply = app
            .post_json("/api/subscriptions", content_type, body)
            .await;
        assert_eq!(reply.status, status, "{code}");
        let error = reply.error();
        assert_eq!(error.code, code);
        if let Some(field) = field {
            assert_eq!(error.field.as_deref(), Some(field));
            assert!(error.fields.iter().any(|f| f.field == field));
        }
    }
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM subscriptions")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, 0);
}

#[tokio::test]
async fn too_many_writes_get_429_with_retry_after() {
    let app = test_app_with_write_limit(5).await;
    for i in 0..5 {
        let body = format!(r#"{{"email":"reader{i}@example.com"}}"#);
        assert_eq!(
            app.post_json("/api/subscriptions", JSON, body).await.status,
            StatusCode::CREATED
        );
    }
    let reply = app
        .post_json(
            "/api/subscriptions",
            JSON,
            r#"{"email":"late@example.com"}"#,
        )
        .await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(reply.header(header::RETRY_AFTER).parse::<u64>().unwrap() >= 1);
    assert_eq!(reply.error().code, "too_many_requests");
    // Reads are not limited.
    assert_eq!(app.get("/api/jobs?limit=1").await.status, StatusCode::OK);
}

#[tokio::test]
async fn similar_jobs_are_open_alike_and_never_the_job_itself() {
    let app = test_app().await;
    let reply = app
        .get(&format!("/api/jobs/{}/similar", seed::SHOWCASE_SLUG))
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let similar: SimilarJobs = reply.json();
    assert_eq!(similar.jobs.len(), 8, "the default limit");
    assert!(similar.jobs.iter().all(|j| j.slug != seed::SHOWCASE_SLUG));
    for job in &similar.jobs {
        let valid_through: Option<String> =
            sqlx::query_scalar("SELECT valid_through FROM jobs WHERE slug = $1")
                .bind(&job.slug)
                .fetch_one(&app.pool)
                .await
                .unwrap();
        assert!(
            valid_through.is_none_or(|d| d.as_str() >= "2026-11-25"),
            "{} is closed",
            job.slug
        );
    }
    // The showcase is a backend engineer: the most similar jobs are too.
    assert!(
        similar.jobs[0].title.to_lowercase().contains("engineer"),
        "{:?}",
        similar.jobs.iter().map(|j| &j.title).collect::<Vec<_>>()
    );

    // The same data gives the same answer, and a smaller limit its start.
    let again: SimilarJobs = app
        .get(&format!("/api/jobs/{}/similar", seed::SHOWCASE_SLUG))
        .await
        .json();
    assert_eq!(again, similar);
    let three: SimilarJobs = app
        .get(&format!(
            "/api/jobs/{}/similar?limit=3",
            seed::SHOWCASE_SLUG
        ))
        .await
        .json();
    assert_eq!(three.jobs, similar.jobs[..3]);
}

#[tokio::test]
async fn similar_jobs_follow_changes_to_the_data() {
    let app = test_app().await;
    let url = format!("/api/jobs/{}/similar?limit=20", seed::SHOWCASE_SLUG);
    let before: SimilarJobs = app.get(&url).await.json();
    // Turn an unrelated open job into the showcase's twin: it must now come first.
    let twin: String = sqlx::query_scalar(
        "SELECT slug FROM jobs WHERE title_family <> (SELECT title_family FROM jobs WHERE slug = $1) \
         AND valid_through IS NULL ORDER BY id LIMIT 1",
    )
    .bind(seed::SHOWCASE_SLUG)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(before.jobs.iter().all(|j| j.slug != twin));
    sqlx::query(
        "UPDATE jobs SET (title, title_family, seniority, work_model, region, remote_regions, skills, description_text) = \
         (SELECT title, title_family, seniority, work_model, region, remote_regions, skills, description_text \
          FROM jobs WHERE slug = $1) WHERE slug = $2",
    )
    .bind(seed::SHOWCASE_SLUG)
    .bind(&twin)
    .execute(&app.pool)
    .await
    .unwrap();
    let after: SimilarJobs = app.get(&url).await.json();
    assert_eq!(after.jobs[0].slug, twin);

    // Closing it takes it out again.
    sqlx::query("UPDATE jobs SET valid_through = '2026-11-01' WHERE slug = $1")
        .bind(&twin)
        .execute(&app.pool)
        .await
        .unwrap();
    let closed: SimilarJobs = app.get(&url).await.json();
    assert!(closed.jobs.iter().all(|j| j.slug != twin));
}

#[tokio::test]
async fn similar_jobs_reject_bad_input() {
    let app = test_app().await;
    for limit in ["0", "21", "abc", "-1"] {
        let reply = app
            .get(&format!(
                "/api/jobs/{}/similar?limit={limit}",
                seed::SHOWCASE_SLUG
            ))
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "limit={limit}");
        assert_eq!(reply.error().field.as_deref(), Some("limit"));
    }
    let unknown = app.get("/api/jobs/no-such-job/similar").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.error().code, "not_found");
    let closed = app
        .get(&format!("/api/jobs/{}/similar", seed::CLOSED_SLUG))
        .await;
    assert_eq!(closed.status, StatusCode::GONE);
}

#[tokio::test]
async fn every_posted_salary_currency_has_a_rate() {
    let app = test_app().await;
    let missing: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT salary_currency FROM jobs WHERE salary_currency IS NOT NULL \
         AND salary_currency NOT IN (SELECT currency FROM currency_rates) ORDER BY 1",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert!(missing.is_empty(), "no exchange rate for {missing:?}");
}

#[tokio::test]
async fn currency_rates_are_published_for_the_match_score() {
    let app = test_app().await;
    let reply = app.get("/api/currency-rates").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.header(header::CACHE_CONTROL).contains("max-age"));
    let rates: CurrencyRates = reply.json();
    assert_eq!(rates.base, "USD");
    assert_eq!(rates.rates.get("USD"), Some(&1.0));
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM currency_rates")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(rates.rates.len() as i64, stored);
    let eur = rates.convert(100.0, "USD", "EUR").unwrap();
    assert!((eur - 100.0 * rates.rates["EUR"]).abs() < 1e-9);
    assert_eq!(rates.convert(1.0, "USD", "XYZ"), None);
}

#[tokio::test]
async fn a_kept_job_page_follows_changes_to_the_data() {
    let app = test_app().await;
    let url = format!("/api/jobs/{}", seed::SHOWCASE_SLUG);
    let first: JobDetail = app.get(&url).await.json();
    let again: JobDetail = app.get(&url).await.json();
    assert_eq!(first, again);
    sqlx::query("UPDATE jobs SET title = 'Principal Backend Engineer' WHERE slug = $1")
        .bind(seed::SHOWCASE_SLUG)
        .execute(&app.pool)
        .await
        .unwrap();
    let changed: JobDetail = app.get(&url).await.json();
    assert_eq!(changed.title, "Principal Backend Engineer");
    sqlx::query("UPDATE jobs SET valid_through = '2026-11-01' WHERE slug = $1")
        .bind(seed::SHOWCASE_SLUG)
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(app.get(&url).await.status, StatusCode::GONE);
}

#[tokio::test]
async fn lists_and_cards_carry_the_match_facts_of_each_job_page() {
    let app = test_app().await;
    let search: JobSearch = app.get("/api/jobs?limit=50").await.json();
    let similar: SimilarJobs = app
        .get(&format!(
            "/api/jobs/{}/similar?limit=20",
            seed::SHOWCASE_SLUG
        ))
        .await
        .json();
    let company: CompanyJobs = app.get("/api/companies/cadence/jobs").await.json();
    let listed = search
        .jobs
        .iter()
        .chain(&company.jobs)
        .map(|j| (&j.slug, &j.facts))
        .chain(similar.jobs.iter().map(|j| (&j.slug, &j.facts)));
    let (mut estimated, mut employer, mut checked) = (0, 0, 0);
    for (slug, facts) in listed {
        let page: JobDetail = app.get(&format!("/api/jobs/{slug}")).await.json();
        assert_eq!(facts, &page.match_facts(), "{slug}");
        match facts.salary.as_ref().map(|s| s.source) {
            Some(SalarySource::Estimate) => estimated += 1,
            Some(SalarySource::Employer) => employer += 1,
            None => {}
        }
        checked += 1;
    }
    assert!(checked >= 70, "{checked} jobs compared");
    assert!(
        estimated > 0 && employer > 0,
        "{estimated} estimates, {employer} employer ranges"
    );
}
