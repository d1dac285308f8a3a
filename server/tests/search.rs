//! `GET /api/jobs` (search) and `GET /api/suggest` through the router: a
//! small hand-made set of jobs whose right answers are known, and the
//! generated demo data for paging.

mod common;

use std::collections::HashSet;
use std::sync::Arc;

use ascend_server::domain::search::snapshot::SnapshotCache;
use ascend_server::seed::{self, DemoSize};
use ascend_server::store::model::{NewCompany, NewJob};
use ascend_server::{AppState, app};
use ascend_types::date::format_iso_date;
use ascend_types::{
    EmploymentType, FacetCount, JobSearch, Salary, SalaryPeriod, SearchSort, Seniority,
    Suggestions, WorkModel,
};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};

use common::{Reply, today};

struct TestApp {
    router: Router,
    pool: sqlx::SqlitePool,
    _dir: tempfile::TempDir,
}

impl TestApp {
    async fn get(&self, uri: &str) -> Reply {
        common::send(&self.router, Request::get(uri).body(Body::empty()).unwrap()).await
    }

    async fn search(&self, query: &str) -> JobSearch {
        let reply = self.get(&format!("/api/jobs?{query}")).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
        reply.json()
    }

    /// The slugs a search returns, in order.
    async fn slugs(&self, query: &str) -> Vec<String> {
        let found = self.search(query).await;
        found.jobs.into_iter().map(|j| j.slug).collect()
    }
}

async fn app_with(companies: &[NewCompany], jobs: &[NewJob]) -> TestApp {
    app_with_snapshots(companies, jobs, SnapshotCache::default()).await
}

async fn app_with_snapshots(
    companies: &[NewCompany],
    jobs: &[NewJob],
    snapshots: SnapshotCache,
) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let pool = common::temp_pool(&dir).await;
    seed::store_all(&pool, companies, jobs).await.unwrap();
    let mut state = AppState::new(pool.clone());
    state.board.fixed_today = Some(today());
    state.board.search = Arc::new(snapshots);
    state.write_limit = 100;
    TestApp {
        // No front end is built for these tests; only the API answers.
        router: app(state, std::path::Path::new("no-dist")),
        pool,
        _dir: dir,
    }
}

fn company(slug: &str, name: &str) -> NewCompany {
    NewCompany {
        slug: slug.into(),
        name: name.into(),
        ..NewCompany::default()
    }
}

struct Spec {
    slug: &'static str,
    company: &'static str,
    title: &'static str,
    seniority: Option<Seniority>,
    employment_type: EmploymentType,
    work_model: WorkModel,
    locations: &'static [&'static str],
    regions: &'static [&'static str],
    skills: &'static [&'static str],
    description: &'static str,
    days_ago: i64,
    salary: Option<(i64, i64, &'static str, SalaryPeriod)>,
    closed: bool,
}

fn job(spec: Spec) -> NewJob {
    let strings = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect();
    NewJob {
        source: "test".into(),
        source_id: spec.slug.into(),
        slug: Some(spec.slug.into()),
        company_slug: spec.company.into(),
        title: spec.title.into(),
        department: None,
        seniority: spec.seniority,
        employment_type: spec.employment_type,
        work_model: spec.work_model,
        locations: strings(spec.locations),
        remote_regions: strings(spec.regions),
        description_html: format!("<p>{}</p>", spec.description),
        skills: strings(spec.skills),
        summary: None,
        posted_on: format_iso_date(today() - spec.days_ago),
        valid_through: spec.closed.then(|| format_iso_date(today() - 1)),
        apply_url: None,
        salary: spec.salary.map(|(min, max, currency, period)| Salary {
            min,
            max,
            currency: currency.into(),
            period,
        }),
        faqs: Vec::new(),
        interview_questions: Vec::new(),
    }
}

/// Six open jobs and a closed one, with known answers:
///
/// | slug | company | seniority | type | model | posted | salary max per year in USD |
/// | rust-backend | acme | senior | full time | remote (EMEA) | today | 150k EUR = 163,043 |
/// | backend-go | globex | mid | full time | on site (Berlin) | 3 days | 80 USD/h = 166,400 |
/// | data-scientist | acme | senior | contract | hybrid (London) | 10 days | none |
/// | frontend | globex | junior | part time | remote (North America) | 40 days | 70,000 |
/// | data-engineer | zurich | staff | full time | on site (Zürich) | 1 day | 200k CHF = 227,273 |
/// | eng-manager | acme | director | full time | hybrid (Berlin) | 5 days | 12k EUR/month = 156,522 |
/// | legacy (closed) | acme | senior | full time | remote | 2 days | 500k USD |
async fn fixture() -> TestApp {
    fixture_with(SnapshotCache::default()).await
}

async fn fixture_with(snapshots: SnapshotCache) -> TestApp {
    use EmploymentType::*;
    use WorkModel::*;
    let base = Spec {
        slug: "",
        company: "acme",
        title: "",
        seniority: None,
        employment_type: FullTime,
        work_model: Remote,
        locations: &[],
        regions: &[],
        skills: &[],
        description: "A role on a friendly team.",
        days_ago: 0,
        salary: None,
        closed: false,
    };
    let jobs = [
        Spec {
            slug: "rust-backend",
            title: "Rust Backend Engineer",
            seniority: Some(Seniority::Senior),
            regions: &["EMEA"],
            skills: &["Rust", "PostgreSQL"],
            description: "Build services that stream music to millions.",
            salary: Some((100_000, 150_000, "EUR", SalaryPeriod::Year)),
            ..base
        },
        Spec {
            slug: "backend-go",
            company: "globex",
            title: "Backend Engineer",
            seniority: Some(Seniority::Mid),
            work_model: OnSite,
            locations: &["Berlin, Germany"],
            skills: &["Go", "Kubernetes"],
            description: "Services in Go, with some rust tooling on the side.",
            days_ago: 3,
            salary: Some((60, 80, "USD", SalaryPeriod::Hour)),
            ..base
        },
        Spec {
            slug: "data-scientist",
            title: "Data Scientist",
            seniority: Some(Seniority::Senior),
            employment_type: Contract,
            work_model: Hybrid,
            locations: &["London, United Kingdom"],
            skills: &["Python", "SQL"],
            description: "Models of listening habits.",
            days_ago: 10,
            ..base
        },
        Spec {
            slug: "frontend",
            company: "globex",
            title: "Frontend Developer",
            seniority: Some(Seniority::Junior),
            employment_type: PartTime,
            regions: &["North America"],
            skills: &["TypeScript", "React"],
            days_ago: 40,
            salary: Some((50_000, 70_000, "USD", SalaryPeriod::Year)),
            ..base
        },
        Spec {
            slug: "data-engineer",
            company: "zurich-ag",
            title: "Data Engineer",
            seniority: Some(Seniority::Staff),
            work_model: OnSite,
            locations: &["Zürich, Switzerland"],
            skills: &["Rust", "Spark"],
            description: "Pipelines for risk models.",
            days_ago: 1,
            salary: Some((150_000, 200_000, "CHF", SalaryPeriod::Year)),
            ..base
        },
        Spec {
            slug: "eng-manager",
            title: "Engineering Manager",
            seniority: Some(Seniority::Director),
            work_model: Hybrid,
            locations: &["Berlin, Germany"],
            skills: &["Leadership"],
            description: "Lead two teams.",
            days_ago: 5,
            salary: Some((9_000, 12_000, "EUR", SalaryPeriod::Month)),
            ..base
        },
        Spec {
            slug: "legacy",
            title: "Legacy Cobol Rust Engineer",
            seniority: Some(Seniority::Senior),
            regions: &["EMEA"],
            skills: &["Rust", "Cobol"],
            days_ago: 2,
            salary: Some((400_000, 500_000, "USD", SalaryPeriod::Year)),
            closed: true,
            ..base
        },
    ]
    .map(job);
    app_with_snapshots(
        &[
            company("acme", "Acme Robotics"),
            company("globex", "Globex"),
            company("zurich-ag", "Zürich Versicherung"),
        ],
        &jobs,
        snapshots,
    )
    .await
}

fn set(slugs: &[&str]) -> HashSet<String> {
    slugs.iter().map(|s| (*s).to_owned()).collect()
}

async fn found(app: &TestApp, query: &str) -> HashSet<String> {
    app.slugs(query).await.into_iter().collect()
}

fn count(facets: &[FacetCount], value: &str) -> i64 {
    facets
        .iter()
        .find(|f| f.value == value)
        .map_or(0, |f| f.count)
}

#[tokio::test]
async fn without_words_lists_open_jobs_newest_first() {
    let app = fixture().await;
    let all = app.search("").await;
    assert_eq!(all.sort, SearchSort::Newest);
    assert_eq!(all.total, 6);
    assert_eq!(all.next_cursor, None);
    let slugs: Vec<&str> = all.jobs.iter().map(|j| j.slug.as_str()).collect();
    assert_eq!(
        slugs,
        [
            "rust-backend",
            "data-engineer",
            "backend-go",
            "eng-manager",
            "data-scientist",
            "frontend"
        ]
    );
    assert_eq!(all.jobs[0].company.name, "Acme Robotics");
    // Relevance needs words: without them the order is newest.
    let asked = app.search("sort=relevance").await;
    assert_eq!(asked.sort, SearchSort::Newest);
    assert_eq!(asked.jobs, all.jobs);
}

#[tokio::test]
async fn relevance_weights_title_over_skills_over_description() {
    let app = fixture().await;
    let found = app.search("q=rust").await;
    assert_eq!(found.sort, SearchSort::Relevance);
    let slugs: Vec<&str> = found.jobs.iter().map(|j| j.slug.as_str()).collect();
    // Title and skills, then skills, then the description; never the closed job.
    assert_eq!(slugs, ["rust-backend", "data-engineer", "backend-go"]);
    assert_eq!(found.total, 3);
}

#[tokio::test]
async fn every_word_must_match_and_the_last_is_a_prefix() {
    let app = fixture().await;
    assert_eq!(
        found(&app, "q=backend+engineer").await,
        set(&["rust-backend", "backend-go"])
    );
    assert_eq!(found(&app, "q=data+scien").await, set(&["data-scientist"]));
    assert_eq!(
        found(&app, "q=backend+eng").await,
        set(&["rust-backend", "backend-go"])
    );
    // Company and location text are searched too, accents aside.
    assert_eq!(found(&app, "q=zurich").await, set(&["data-engineer"]));
    assert_eq!(
        found(&app, "q=globex").await,
        set(&["backend-go", "frontend"])
    );
    assert!(found(&app, "q=backend+scientist").await.is_empty());
}

#[tokio::test]
async fn a_misspelt_word_finds_its_nearest_terms() {
    let app = fixture().await;
    // No term begins with "enginer"; "engineer" and "engineering" are one edit away.
    assert_eq!(
        found(&app, "q=enginer").await,
        set(&["rust-backend", "backend-go", "data-engineer", "eng-manager"])
    );
    assert_eq!(
        found(&app, "q=backend+enginer").await,
        set(&["rust-backend", "backend-go"])
    );
    assert_eq!(found(&app, "q=pyhton").await, set(&["data-scientist"]));
    // Nothing near: no results, and no error.
    assert!(found(&app, "q=xqzwvk").await.is_empty());
}

#[tokio::test]
async fn each_filter_narrows_the_results() {
    let app = fixture().await;
    let cases: &[(&str, &[&str])] = &[
        ("location=berlin", &["backend-go", "eng-manager"]),
        ("location=Zurich", &["data-engineer"]),
        ("location=emea", &["rust-backend"]),
        ("remote=true", &["rust-backend", "frontend"]),
        (
            "remote=false",
            &[
                "backend-go",
                "data-scientist",
                "data-engineer",
                "eng-manager",
            ],
        ),
        (
            "seniority=senior,staff",
            &["rust-backend", "data-scientist", "data-engineer"],
        ),
        ("employment_type=contract", &["data-scientist"]),
        (
            "employment_type=part_time,contract",
            &["data-scientist", "frontend"],
        ),
        (
            "salary_min=150000&currency=USD",
            &["rust-backend", "backend-go", "data-engineer", "eng-manager"],
        ),
        // Without a currency the minimum is in US dollars.
        (
            "salary_min=150000",
            &["rust-backend", "backend-go", "data-engineer", "eng-manager"],
        ),
        // 150,000 EUR a year is exactly the minimum; 144,000 EUR is below it.
        (
            "salary_min=150000&currency=eur",
            &["rust-backend", "backend-go", "data-engineer"],
        ),
        (
            "company=acme",
            &["rust-backend", "data-scientist", "eng-manager"],
        ),
        (
            "company=globex,zurich-ag",
            &["backend-go", "frontend", "data-engineer"],
        ),
        ("company=nobody", &[]),
        ("posted_within_days=1", &["rust-backend"]),
        (
            "posted_within_days=7",
            &["rust-backend", "data-engineer", "backend-go", "eng-manager"],
        ),
        (
            "q=engineer&remote=false&company=zurich-ag",
            &["data-engineer"],
        ),
    ];
    for (query, expected) in cases {
        assert_eq!(found(&app, query).await, set(expected), "{query}");
        assert_eq!(
            app.search(query).await.total,
            expected.len() as i64,
            "{query}"
        );
    }
}

#[tokio::test]
async fn sorts_by_newest_and_by_salary() {
    let app = fixture().await;
    assert_eq!(
        app.slugs("q=engineer&sort=newest").await,
        ["rust-backend", "data-engineer", "backend-go", "eng-manager"]
    );
    // Per year in US dollars; no salary last.
    assert_eq!(
        app.slugs("sort=salary").await,
        [
            "data-engineer",
            "backend-go",
            "rust-backend",
            "eng-manager",
            "frontend",
            "data-scientist"
        ]
    );
}

#[tokio::test]
async fn facets_count_every_filter_but_their_own() {
    let app = fixture().await;
    let found = app.search("remote=true&seniority=senior").await;
    assert_eq!(found.total, 1);
    let f = &found.facets;
    // Work models under seniority=senior alone: rust-backend and data-scientist.
    assert_eq!(count(&f.work_model, "remote"), 1);
    assert_eq!(count(&f.work_model, "hybrid"), 1);
    assert_eq!(count(&f.work_model, "on_site"), 0);
    assert_eq!(f.work_model.len(), 3);
    // Seniorities under remote=true alone: rust-backend and frontend.
    assert_eq!(count(&f.seniority, "senior"), 1);
    assert_eq!(count(&f.seniority, "junior"), 1);
    assert_eq!(count(&f.seniority, "staff"), 0);
    assert_eq!(f.seniority.len(), Seniority::ALL.len());
    // The rest under both.
    assert_eq!(count(&f.employment_type, "full_time"), 1);
    assert_eq!(count(&f.employment_type, "contract"), 0);
    assert_eq!(count(&f.posted_within_days, "1"), 1);
    assert_eq!(f.companies.len(), 1);
    assert_eq!(f.companies[0].value, "acme");
    assert_eq!(f.companies[0].label, "Acme Robotics");
    // A remote job without places counts under its regions.
    assert_eq!(f.locations.len(), 1);
    assert_eq!(count(&f.locations, "EMEA"), 1);

    // Without filters, the counts add up to every open job.
    let all = app.search("").await.facets;
    assert_eq!(all.work_model.iter().map(|f| f.count).sum::<i64>(), 6);
    assert_eq!(count(&all.posted_within_days, "1"), 1);
    assert_eq!(count(&all.posted_within_days, "7"), 4);
    assert_eq!(count(&all.posted_within_days, "30"), 5);
    assert_eq!(all.companies[0].value, "acme");
    assert_eq!(all.companies[0].count, 3);
    assert_eq!(count(&all.locations, "Berlin, Germany"), 2);

    // A company filter keeps every company's count in view.
    let one = app.search("company=globex&q=engineer").await;
    assert_eq!(one.total, 1);
    assert_eq!(count(&one.facets.companies, "acme"), 2);
    assert_eq!(count(&one.facets.companies, "zurich-ag"), 1);
    assert_eq!(count(&one.facets.companies, "globex"), 1);
    // Location facet under company=globex and q=engineer: Berlin only.
    assert_eq!(count(&one.facets.locations, "Berlin, Germany"), 1);
    assert_eq!(one.facets.locations.len(), 1);
}

#[tokio::test]
async fn closed_jobs_never_appear() {
    let app = fixture().await;
    for query in [
        "q=cobol",
        "q=legacy",
        "sort=salary&salary_min=300000",
        "location=emea&q=rust",
    ] {
        let found = app.search(query).await;
        assert!(found.jobs.iter().all(|j| j.slug != "legacy"), "{query}");
    }
    assert_eq!(app.search("q=cobol").await.total, 0);
}

/// Stores a new open Haskell job at Globex.
async fn store_haskell_job(app: &TestApp) {
    let mut conn = app.pool.acquire().await.unwrap();
    let globex: i64 = sqlx::query_scalar("SELECT id FROM companies WHERE slug = 'globex'")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    let mut new = job(Spec {
        slug: "haskell",
        company: "globex",
        title: "Haskell Developer",
        seniority: None,
        employment_type: EmploymentType::FullTime,
        work_model: WorkModel::Remote,
        locations: &[],
        regions: &[],
        skills: &["Haskell"],
        description: "Types.",
        days_ago: 0,
        salary: None,
        closed: false,
    });
    new.source_id = "haskell-1".into();
    ascend_server::store::writes::upsert_job(&mut conn, globex, "Globex", &new)
        .await
        .unwrap();
}

#[tokio::test]
async fn new_jobs_are_found_once_stored() {
    let app = fixture().await;
    assert_eq!(app.search("q=haskell").await.total, 0);
    store_haskell_job(&app).await;
    let found = app.search("q=haskell").await;
    assert_eq!(found.total, 1);
    assert_eq!(count(&found.facets.companies, "globex"), 1);
    assert_eq!(app.search("").await.total, 7);
}

#[tokio::test]
async fn the_server_answers_from_the_previous_snapshot_while_it_rebuilds() {
    let app = fixture_with(SnapshotCache::serving_stale()).await;
    assert_eq!(app.search("").await.total, 6);
    store_haskell_job(&app).await;
    // The first answer after the write comes from the snapshot before it,
    // at once, and starts the rebuild (which may be done by the next one).
    assert_eq!(app.search("").await.total, 6);
    let mut total = 0;
    for _ in 0..100 {
        total = app.search("").await.total;
        if total == 7 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(total, 7, "the rebuilt snapshot has the new job");
    assert_eq!(app.search("q=haskell").await.total, 1);
}

#[tokio::test]
async fn hostile_text_is_searched_as_words() {
    let app = fixture().await;
    for q in [
        "\"",
        "\"\"\"",
        "rust\"",
        "*",
        "rust*",
        "NEAR(",
        "NEAR(rust backend, 2)",
        "rust OR",
        "AND",
        "-",
        "-rust",
        "title:rust",
        "{title skills}:rust",
        "^rust",
        "rust + (",
        "'; DROP TABLE jobs; --",
        "日本語",
        "Zürich 🦀",
        "\u{0}",
        "%",
        "a",
        "é",
    ] {
        let encoded: String = serde_urlencoded::to_string([("q", q)]).unwrap();
        let reply = app.get(&format!("/api/jobs?{encoded}")).await;
        assert_eq!(reply.status, StatusCode::OK, "{q:?}");
        let _: JobSearch = reply.json();
    }
    assert_eq!(
        found(&app, "q=NEAR%28rust").await,
        HashSet::new(),
        "near is a word here, and no job has it"
    );
    assert_eq!(
        found(&app, "q=rust%22").await,
        set(&["rust-backend", "data-engineer", "backend-go"])
    );
}

#[tokio::test]
async fn every_bad_parameter_is_a_400_naming_it() {
    let app = fixture().await;
    let long = "x".repeat(201);
    let cases = [
        (format!("q={long}"), "q"),
        (format!("location={long}"), "location"),
        ("remote=yes".into(), "remote"),
        ("seniority=boss".into(), "seniority"),
        ("seniority=senior,boss".into(), "seniority"),
        ("employment_type=full-time".into(), "employment_type"),
        ("salary_min=-1".into(), "salary_min"),
        ("salary_min=lots".into(), "salary_min"),
        ("salary_min=100000&currency=EURO".into(), "currency"),
        ("salary_min=100000&currency=XYZ".into(), "currency"),
        ("company=Not%20A%20Slug".into(), "company"),
        ("posted_within_days=0".into(), "posted_within_days"),
        ("posted_within_days=366".into(), "posted_within_days"),
        ("sort=best".into(), "sort"),
        ("cursor=%21%21%21".into(), "cursor"),
        ("cursor=bm90IGEgY3Vyc29y".into(), "cursor"),
        ("limit=0".into(), "limit"),
        ("limit=51".into(), "limit"),
        ("limit=ten".into(), "limit"),
    ];
    for (query, field) in cases {
        let reply = app.get(&format!("/api/jobs?{query}")).await;
        assert_eq!(reply.bad_field(), field, "{query}");
    }
}

#[tokio::test]
async fn a_cursor_from_another_order_is_refused() {
    let app = fixture().await;
    let first = app.search("sort=salary&limit=2").await;
    let cursor = first.next_cursor.expect("more than two jobs");
    let reply = app
        .get(&format!("/api/jobs?sort=newest&limit=2&cursor={cursor}"))
        .await;
    assert_eq!(reply.bad_field(), "cursor");
    let next = app
        .search(&format!("sort=salary&limit=2&cursor={cursor}"))
        .await;
    assert_eq!(
        next.jobs
            .iter()
            .map(|j| j.slug.as_str())
            .collect::<Vec<_>>(),
        ["rust-backend", "eng-manager"]
    );
}

/// Enough generated data for several pages, small enough to seed fast.
async fn demo_app() -> TestApp {
    let app = app_with(&[], &[]).await;
    seed::seed_if_empty(
        &app.pool,
        today(),
        DemoSize {
            companies: 20,
            jobs: 400,
            seed: 11,
        },
    )
    .await
    .unwrap();
    app
}

/// Follows `next_cursor` to the end; every job once, as many as `total`.
async fn page_through(app: &TestApp, query: &str) -> Vec<String> {
    let first = app.search(&format!("{query}&limit=7")).await;
    let total = first.total;
    let mut slugs: Vec<String> = first.jobs.into_iter().map(|j| j.slug).collect();
    let mut cursor = first.next_cursor;
    while let Some(next) = cursor {
        let page = app.search(&format!("{query}&limit=7&cursor={next}")).await;
        assert_eq!(page.total, total, "{query}");
        assert!(!page.jobs.is_empty(), "{query}: a cursor to an empty page");
        slugs.extend(page.jobs.into_iter().map(|j| j.slug));
        cursor = page.next_cursor;
    }
    let distinct: HashSet<&String> = slugs.iter().collect();
    assert_eq!(distinct.len(), slugs.len(), "{query}: a job came twice");
    assert_eq!(slugs.len() as i64, total, "{query}: a job was skipped");
    slugs
}

#[tokio::test]
async fn cursors_page_through_every_result_once() {
    let app = demo_app().await;
    let open: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM jobs WHERE valid_through IS NULL OR valid_through >= '2026-11-25'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let newest = page_through(&app, "sort=newest").await;
    assert_eq!(newest.len() as i64, open);
    let by_salary = page_through(&app, "sort=salary").await;
    assert_eq!(by_salary.len() as i64, open);
    let relevant = page_through(&app, "q=engineer").await;
    assert!(relevant.len() > 20, "{}", relevant.len());
    // Paging in steps of 7 gives the same order as one long page.
    let long: Vec<String> = app.slugs("q=engineer&limit=50").await;
    assert_eq!(relevant[..long.len()], long[..]);
    page_through(&app, "q=engineer&sort=salary&remote=false").await;
}

#[tokio::test]
async fn suggests_completions_of_each_kind() {
    let app = fixture().await;
    let got: Suggestions = app.get("/api/suggest?q=rus").await.json();
    assert_eq!(got.skills, ["Rust"]);
    assert_eq!(got.titles, ["Rust Backend Engineer"]);
    assert!(got.companies.is_empty());

    // A word inside, case aside; the closed job's title never shows.
    let got: Suggestions = app.get("/api/suggest?q=BACKEND%20eng").await.json();
    assert_eq!(got.titles, ["Backend Engineer", "Rust Backend Engineer"]);

    // Accents aside, for companies and places alike.
    let got: Suggestions = app.get("/api/suggest?q=zur").await.json();
    assert_eq!(got.companies.len(), 1);
    assert_eq!(got.companies[0].slug, "zurich-ag");
    assert_eq!(got.companies[0].name, "Zürich Versicherung");
    assert_eq!(got.locations, ["Zürich, Switzerland"]);

    // Most common first: Rust (two open jobs) before React (one).
    let got: Suggestions = app.get("/api/suggest?q=r").await.json();
    assert_eq!(got.skills, ["Rust", "React"]);
    let got: Suggestions = app.get("/api/suggest?q=ber").await.json();
    assert_eq!(got.locations, ["Berlin, Germany"]);
    let got: Suggestions = app.get("/api/suggest?q=emea").await.json();
    assert_eq!(got.locations, ["EMEA"]);

    let got: Suggestions = app.get("/api/suggest?q=cobol").await.json();
    assert_eq!(got, Suggestions::default());
}

#[tokio::test]
async fn suggest_needs_a_short_q() {
    let app = fixture().await;
    for uri in [
        "/api/suggest".to_owned(),
        "/api/suggest?q=".to_owned(),
        "/api/suggest?q=%20%20".to_owned(),
        format!("/api/suggest?q={}", "a".repeat(101)),
    ] {
        assert_eq!(app.get(&uri).await.bad_field(), "q", "{uri}");
    }
    let got: Suggestions = app
        .get(&format!("/api/suggest?q={}", "a".repeat(100)))
        .await
        .json();
    assert_eq!(got, Suggestions::default());
    for q in ["%22", "*", "NEAR(", "%25", "%F0%9F%A6%80"] {
        let reply = app.get(&format!("/api/suggest?q={q}")).await;
        assert_eq!(reply.status, StatusCode::OK, "{q}");
    }
}
