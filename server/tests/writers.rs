//! Writers on one SQLite file: an import or a seed run (a process of its
//! own, here a pool of its own) while the server takes sign-ups. Neither
//! may fail the other, and the WAL must not outgrow its limit.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ascend_server::AppState;
use ascend_server::app::app;
use ascend_server::ingest::{ImportReport, import_file};
use ascend_server::store::pool;
use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, header};
use common::today;
use serde_json::json;
use sqlx::SqlitePool;

/// The database file's URL in `dir`, as `common::temp_pool` opens it.
fn url(dir: &tempfile::TempDir) -> String {
    format!("sqlite://{}/ascend.db", dir.path().display())
}

/// A Greenhouse board of `jobs` jobs at 40 companies, with varied titles,
/// places and departments, every one of them valid.
fn greenhouse_board(jobs: usize) -> Vec<u8> {
    const TITLES: [&str; 8] = [
        "Backend Engineer",
        "Data Analyst",
        "Product Designer",
        "Site Reliability Engineer",
        "Account Executive",
        "Support Specialist",
        "Engineering Manager",
        "Firmware Engineer",
    ];
    const PLACES: [&str; 7] = [
        "Lyon, France",
        "Berlin, Germany",
        "Remote - EMEA",
        "Toronto, Canada",
        "Hybrid - London, United Kingdom",
        "Austin, Texas, United States",
        "Remote",
    ];
    const DEPARTMENTS: [&str; 4] = ["Engineering", "Sales", "Design", "Operations"];
    let jobs: Vec<_> = (0..jobs)
        .map(|i| {
            let id = 4_000_000_000u64 + i as u64;
            json!({
                "id": id,
                "title": format!("{} {}", TITLES[i % TITLES.len()], i / 97),
                "company_name": format!("Board Company {}", i % 40),
                "absolute_url": format!("https://boards.greenhouse.example/co/jobs/{id}"),
                "location": { "name": PLACES[i % PLACES.len()] },
                "first_published": format!("2026-11-{:02}T10:00:00-05:00", 1 + i % 24),
                "content": format!(
                    "&lt;p&gt;Job {i}: build and run the things we sell.&lt;/p&gt;\
                     &lt;ul&gt;&lt;li&gt;Own a part of the product&lt;/li&gt;\
                     &lt;li&gt;Review your colleagues' work&lt;/li&gt;&lt;/ul&gt;"
                ),
                "departments": [{ "id": 1 + i % 4, "name": DEPARTMENTS[i % 4] }],
            })
        })
        .collect();
    serde_json::to_vec(&json!({ "jobs": jobs, "meta": { "total": jobs.len() } })).unwrap()
}

/// A server on the database in `dir`, with its own pool (a process of its
/// own) and a write limit no test here reaches.
async fn server(dir: &tempfile::TempDir) -> (Router, SqlitePool) {
    let pool = common::temp_pool(dir).await;
    let state = AppState {
        write_limit: 1_000_000,
        ..common::state(pool.clone())
    };
    (app(state, &dir.path().join("dist")), pool)
}

/// What the sign-ups sent while a bulk write ran got back.
#[derive(Debug, Default)]
struct SignUps {
    /// The addresses a 2xx answer acknowledged.
    acknowledged: Vec<String>,
    /// Answers other than 201, as (status, body).
    failed: Vec<(u16, String)>,
    /// How many were answered while the bulk write was still running.
    during: usize,
}

/// Posts sign-ups, `parallel` at a time, until `done` is set (and at least
/// until one round was answered).
async fn sign_up_until(router: Router, done: Arc<AtomicBool>, parallel: usize) -> SignUps {
    let mut sign_ups = SignUps::default();
    let mut next = 0usize;
    loop {
        let running = !done.load(Ordering::Acquire);
        let requests = (0..parallel).map(|_| {
            next += 1;
            let email = format!("reader{next}@example.org");
            let router = router.clone();
            async move {
                let request = Request::builder()
                    .method(Method::POST)
                    .uri("/api/subscriptions")
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(
                        json!({ "email": email, "topics": ["engineering"] }).to_string(),
                    ))
                    .unwrap();
                (email, common::send(&router, request).await)
            }
        });
        for (email, reply) in futures_util::future::join_all(requests).await {
            if reply.status.is_success() {
                sign_ups.acknowledged.push(email);
            } else {
                sign_ups.failed.push((reply.status.as_u16(), reply.text()));
            }
            if running && !done.load(Ordering::Acquire) {
                sign_ups.during += 1;
            }
        }
        if !running {
            return sign_ups;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// Every acknowledged sign-up is stored, none failed, and enough of them
/// overlapped the bulk write to have tested anything.
async fn assert_sign_ups_kept(pool: &SqlitePool, sign_ups: &SignUps) {
    assert!(sign_ups.failed.is_empty(), "failed: {:?}", sign_ups.failed);
    assert!(
        sign_ups.during >= 20,
        "only {} sign-ups overlapped the bulk write",
        sign_ups.during
    );
    let stored: Vec<String> = sqlx::query_scalar("SELECT email FROM subscriptions")
        .fetch_all(pool)
        .await
        .unwrap();
    let stored: std::collections::HashSet<_> = stored.into_iter().collect();
    let missing: Vec<_> = sign_ups
        .acknowledged
        .iter()
        .filter(|email| !stored.contains(*email))
        .collect();
    assert!(
        missing.is_empty(),
        "acknowledged but not stored: {missing:?}"
    );
    assert_eq!(stored.len(), sign_ups.acknowledged.len());
}

async fn count(pool: &SqlitePool, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_of_20000_jobs_and_sign_ups_at_once_both_succeed() {
    const JOBS: usize = 20_000;
    let dir = tempfile::tempdir().unwrap();
    let (router, server_pool) = server(&dir).await;
    let import_pool = pool::connect(&url(&dir)).await.unwrap();
    let board = greenhouse_board(JOBS);

    let done = Arc::new(AtomicBool::new(false));
    let sign_ups = tokio::spawn(sign_up_until(router, done.clone(), 4));
    let started = Instant::now();
    let report: ImportReport = import_file(&import_pool, &board, None, today())
        .await
        .unwrap();
    let took = started.elapsed();
    done.store(true, Ordering::Release);
    let sign_ups = sign_ups.await.unwrap();
    eprintln!(
        "imported {JOBS} jobs in {took:.1?} beside {} sign-ups",
        sign_ups.during
    );

    assert!(
        report.problems.is_empty(),
        "{:?}",
        &report.problems[..5.min(report.problems.len())]
    );
    assert_eq!((report.inserted, report.updated), (JOBS, 0));
    assert_eq!(
        count(&server_pool, "SELECT COUNT(*) FROM jobs").await,
        JOBS as i64
    );
    assert_sign_ups_kept(&server_pool, &sign_ups).await;
}
