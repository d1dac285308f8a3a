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
use ascend_server::seed::{self, DemoSize};
use ascend_server::store::pool::{self, Busy, JOURNAL_SIZE_LIMIT};
use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, header};
use common::today;
use serde_json::json;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::{AssertSqlSafe, SqlitePool};

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
    /// The longest a sign-up waited for its answer.
    slowest: Duration,
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
                let started = Instant::now();
                let request = Request::builder()
                    .method(Method::POST)
                    .uri("/api/subscriptions")
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(
                        json!({ "email": email, "topics": ["engineering"] }).to_string(),
                    ))
                    .unwrap();
                let reply = common::send(&router, request).await;
                (email, reply, started.elapsed())
            }
        });
        for (email, reply, took) in futures_util::future::join_all(requests).await {
            sign_ups.slowest = sign_ups.slowest.max(took);
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
        "imported {JOBS} jobs in {took:.1?} beside {} sign-ups (the slowest answered in {:.1?})",
        sign_ups.during, sign_ups.slowest
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_seed_of_5000_jobs_and_sign_ups_at_once_both_succeed() {
    let size = DemoSize {
        companies: 200,
        jobs: 5_000,
        seed: 7,
    };
    let dir = tempfile::tempdir().unwrap();
    let (router, server_pool) = server(&dir).await;
    let seed_pool = pool::connect(&url(&dir)).await.unwrap();

    let done = Arc::new(AtomicBool::new(false));
    let sign_ups = tokio::spawn(sign_up_until(router, done.clone(), 4));
    let started = Instant::now();
    let written = seed::store_generated(&seed_pool, size, today())
        .await
        .unwrap();
    let took = started.elapsed();
    done.store(true, Ordering::Release);
    let sign_ups = sign_ups.await.unwrap();
    eprintln!(
        "seeded {} jobs in {took:.1?} beside {} sign-ups (the slowest answered in {:.1?})",
        size.jobs, sign_ups.during, sign_ups.slowest
    );

    assert_eq!(written, size.jobs);
    assert_eq!(
        count(&server_pool, "SELECT COUNT(*) FROM jobs").await,
        5_000
    );
    assert_eq!(
        count(&server_pool, "SELECT COUNT(*) FROM companies").await,
        200
    );
    assert_sign_ups_kept(&server_pool, &sign_ups).await;
}

/// The size of the database's WAL file (none is 0).
fn wal_size(dir: &tempfile::TempDir) -> u64 {
    std::fs::metadata(dir.path().join("ascend.db-wal")).map_or(0, |meta| meta.len())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_wal_shrinks_back_after_an_import_while_the_server_reads() {
    const JOBS: usize = 6_000;
    let dir = tempfile::tempdir().unwrap();
    let server_pool = common::temp_pool(&dir).await;
    let import_pool = pool::connect(&url(&dir)).await.unwrap();
    let board = greenhouse_board(JOBS);

    // The server reads all along, on connections of its own, keeping
    // parts of the WAL in use; the largest WAL seen is noted.
    let done = Arc::new(AtomicBool::new(false));
    let readers: Vec<_> = (0..3)
        .map(|_| {
            let (pool, done) = (server_pool.clone(), done.clone());
            let wal = dir.path().join("ascend.db-wal");
            tokio::spawn(async move {
                let mut largest = 0;
                while !done.load(Ordering::Acquire) {
                    let _: (i64, Option<i64>) =
                        sqlx::query_as("SELECT COUNT(*), MAX(LENGTH(description_html)) FROM jobs")
                            .fetch_one(&pool)
                            .await
                            .unwrap();
                    largest = largest.max(std::fs::metadata(&wal).map_or(0, |meta| meta.len()));
                }
                largest
            })
        })
        .collect();
    let started = Instant::now();
    let report = import_file(&import_pool, &board, None, today())
        .await
        .unwrap();
    let took = started.elapsed();
    let after_import = wal_size(&dir);
    done.store(true, Ordering::Release);
    let mut largest = 0;
    for reader in readers {
        largest = largest.max(reader.await.unwrap());
    }
    let database = std::fs::metadata(dir.path().join("ascend.db"))
        .unwrap()
        .len();
    eprintln!(
        "imported {JOBS} jobs in {took:.1?} beside readers: database {database} bytes, \
         WAL at most {largest} bytes during the import and {after_import} after it"
    );

    assert_eq!(report.inserted, JOBS, "{:?}", report.problems.first());
    assert!(after_import <= JOURNAL_SIZE_LIMIT);
    // The last checkpoint truncated the WAL: nothing was written since.
    assert_eq!(after_import, 0, "the WAL kept {after_import} bytes");
    // It had grown, or its shrinking proves nothing.
    assert!(largest > 1 << 20, "the WAL never grew: {largest} bytes");
}

#[tokio::test]
async fn a_reader_on_an_old_snapshot_blocks_the_checkpoint_but_not_the_import() {
    const JOBS: usize = 1_000;
    let dir = tempfile::tempdir().unwrap();
    let server_pool = common::temp_pool(&dir).await;
    let import_pool = pool::connect(&url(&dir)).await.unwrap();
    sqlx::query(
        "INSERT INTO subscriptions (email, topics, created_on) VALUES ('a@example.org', '[]', '2026-11-25')",
    )
    .execute(&server_pool)
    .await
    .unwrap();

    // A read transaction left open on the snapshot before the import.
    let mut reader = server_pool.begin().await.unwrap();
    let before = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM subscriptions")
        .fetch_one(&mut *reader)
        .await
        .unwrap();
    let report = import_file(&import_pool, &greenhouse_board(JOBS), None, today())
        .await
        .unwrap();
    assert_eq!((report.inserted, report.problems.len()), (JOBS, 0));
    assert!(wal_size(&dir) > 0, "the WAL was truncated under a reader");
    // The reader still sees its snapshot, and then lets go.
    let jobs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM jobs")
        .fetch_one(&mut *reader)
        .await
        .unwrap();
    assert_eq!((before, jobs), (1, 0));
    reader.rollback().await.unwrap();

    let done = pool::checkpoint(&import_pool).await.unwrap();
    assert!(!done.blocked, "{done:?}");
    assert_eq!(wal_size(&dir), 0);
    assert_eq!(
        count(&server_pool, "SELECT COUNT(*) FROM jobs").await,
        JOBS as i64
    );
}

/// A pool on the database in `dir` whose connections wait only `wait`
/// for a lock, so that a busy database shows within a test's time.
async fn impatient_pool(dir: &tempfile::TempDir, wait: Duration) -> SqlitePool {
    impatient_pool_of(dir, wait, 8).await
}

async fn impatient_pool_of(
    dir: &tempfile::TempDir,
    wait: Duration,
    connections: u32,
) -> SqlitePool {
    let options: SqliteConnectOptions = url(dir).parse().unwrap();
    SqlitePoolOptions::new()
        .max_connections(connections)
        .connect_with(options.busy_timeout(wait))
        .await
        .unwrap()
}

#[tokio::test]
async fn every_connection_waits_for_locks_and_limits_its_journal() {
    let dir = tempfile::tempdir().unwrap();
    let pool = common::temp_pool(&dir).await;
    // More connections at once than the first one, so that each is asked.
    let mut connections = Vec::new();
    for _ in 0..3 {
        connections.push(pool.acquire().await.unwrap());
    }
    for conn in &mut connections {
        let mut settings = Vec::new();
        for pragma in ["busy_timeout", "journal_size_limit"] {
            let value: i64 = sqlx::query_scalar(AssertSqlSafe(format!("PRAGMA {pragma}")))
                .fetch_one(&mut **conn)
                .await
                .unwrap();
            settings.push(value);
        }
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&mut **conn)
            .await
            .unwrap();
        assert_eq!(
            (settings, mode.as_str()),
            (
                vec![
                    pool::BUSY_TIMEOUT.as_millis() as i64,
                    JOURNAL_SIZE_LIMIT as i64
                ],
                "wal"
            )
        );
    }
}

#[tokio::test]
async fn a_checkpoint_gives_its_connection_back_with_its_own_wait() {
    let dir = tempfile::tempdir().unwrap();
    common::temp_pool(&dir).await;
    // One connection, so the checkpoint's is the one asked after.
    let pool = impatient_pool_of(&dir, Duration::from_millis(70), 1).await;
    let done = pool::checkpoint(&pool).await.unwrap();
    assert!(!done.blocked, "{done:?}");
    let wait: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(wait, 70);
}

/// Holds the write lock of `pool`'s database for `hold`, in a task.
async fn hold_write_lock(pool: &SqlitePool, hold: Duration) -> tokio::task::JoinHandle<()> {
    let tx = pool.begin_with(pool::BEGIN_WRITE).await.unwrap();
    tokio::spawn(async move {
        tokio::time::sleep(hold).await;
        tx.rollback().await.unwrap();
    })
}

async fn insert_subscription(
    pool: &SqlitePool,
    email: &'static str,
) -> Result<sqlx::sqlite::SqliteQueryResult, sqlx::Error> {
    pool::with_write_tx(pool, email, |conn, email| {
        Box::pin(
            sqlx::query(
                "INSERT INTO subscriptions (email, topics, created_on) VALUES ($1, '[]', '2026-11-25')",
            )
            .bind(email)
            .execute(conn),
        )
    })
    .await
}

#[tokio::test]
async fn a_write_that_finds_the_database_busy_is_tried_again() {
    let dir = tempfile::tempdir().unwrap();
    let server_pool = common::temp_pool(&dir).await;
    let impatient = impatient_pool(&dir, Duration::from_millis(50)).await;

    // Longer than one try waits (50 ms), shorter than three with their pauses.
    let holder = hold_write_lock(&server_pool, Duration::from_millis(200)).await;
    let started = Instant::now();
    insert_subscription(&impatient, "late@example.org")
        .await
        .unwrap();
    assert!(started.elapsed() >= Duration::from_millis(150));
    holder.await.unwrap();

    // Held longer than every try: the busy error comes back, nothing is stored.
    let holder = hold_write_lock(&server_pool, Duration::from_secs(2)).await;
    let error = insert_subscription(&impatient, "never@example.org")
        .await
        .unwrap_err();
    assert!(error.is_busy(), "{error}");
    holder.await.unwrap();
    let stored: Vec<String> = sqlx::query_scalar("SELECT email FROM subscriptions")
        .fetch_all(&server_pool)
        .await
        .unwrap();
    assert_eq!(stored, ["late@example.org"]);
}

#[tokio::test]
async fn an_import_the_database_stays_busy_for_reports_every_record_not_stored() {
    const JOBS: usize = 1_000;
    let dir = tempfile::tempdir().unwrap();
    let server_pool = common::temp_pool(&dir).await;
    let impatient = impatient_pool(&dir, Duration::from_millis(20)).await;
    let board = greenhouse_board(JOBS);

    let holder = hold_write_lock(&server_pool, Duration::from_secs(8)).await;
    let report = import_file(&impatient, &board, None, today())
        .await
        .unwrap();
    assert_eq!(
        (report.inserted, report.updated, report.unchanged),
        (0, 0, 0)
    );
    assert_eq!(report.unstored, JOBS);
    let positions: Vec<usize> = report.problems.iter().map(|p| p.position).collect();
    assert_eq!(positions, (0..JOBS).collect::<Vec<_>>());
    // Three batches found the database busy; the import gave up on the last.
    assert!(
        report.problems[0].reason.contains("busy"),
        "{}",
        report.problems[0]
    );
    assert!(
        report.problems[JOBS - 1].reason.contains("stopped"),
        "{}",
        report.problems[JOBS - 1]
    );
    holder.abort();
    drop(holder);
    // The lock is let go when the holder's transaction is dropped.
    tokio::time::sleep(Duration::from_millis(100)).await;

    assert_eq!(count(&server_pool, "SELECT COUNT(*) FROM jobs").await, 0);
    let again = import_file(&impatient, &board, None, today())
        .await
        .unwrap();
    assert_eq!((again.inserted, again.problems.len()), (JOBS, 0));
}
