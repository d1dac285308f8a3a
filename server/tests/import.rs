//! `import_file` against a real database: each format, a broken file and
//! records, and re-importing.

mod common;

use ascend_server::ingest::{ImportError, import_file};
use ascend_server::store::sanitize;
use common::today;
use sqlx::SqlitePool;

async fn pool() -> (SqlitePool, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    (common::temp_pool(&dir).await, dir)
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

async fn count(pool: &SqlitePool, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

#[tokio::test]
async fn each_format_imports_and_reimporting_changes_nothing() {
    for (name, company) in [
        ("greenhouse.json", Some("Fallback Co")),
        ("lever.json", Some("Lever Example Co")),
        ("jsonld-one.json", None),
    ] {
        let (pool, _dir) = pool().await;
        let bytes = fixture(name);
        let first = import_file(&pool, &bytes, company, today()).await.unwrap();
        assert!(first.inserted > 0, "{name}: {first:?}");
        assert!(first.problems.is_empty(), "{name}: {first:?}");
        let jobs = count(&pool, "SELECT COUNT(*) FROM jobs").await;
        assert_eq!(jobs as usize, first.inserted, "{name}");
        let snapshot: Vec<(String, String, String)> =
            sqlx::query_as("SELECT slug, content_hash, description_html FROM jobs ORDER BY id")
                .fetch_all(&pool)
                .await
                .unwrap();

        let second = import_file(&pool, &bytes, company, today()).await.unwrap();
        assert_eq!(
            (second.inserted, second.updated, second.unchanged),
            (0, 0, first.inserted),
            "{name}"
        );
        let after: Vec<(String, String, String)> =
            sqlx::query_as("SELECT slug, content_hash, description_html FROM jobs ORDER BY id")
                .fetch_all(&pool)
                .await
                .unwrap();
        assert_eq!(snapshot, after, "{name}");
    }
}

#[tokio::test]
async fn stored_descriptions_are_sanitized() {
    let (pool, _dir) = pool().await;
    import_file(
        &pool,
        &fixture("greenhouse.json"),
        Some("Fallback Co"),
        today(),
    )
    .await
    .unwrap();
    let descriptions: Vec<String> = sqlx::query_scalar("SELECT description_html FROM jobs")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert!(!descriptions.is_empty());
    for html in descriptions {
        assert!(!html.to_lowercase().contains("<script"), "{html}");
        assert_eq!(
            sanitize::sanitize_description(&html),
            html,
            "stored HTML is already clean"
        );
    }
}

#[tokio::test]
async fn bad_records_are_reported_and_good_ones_kept() {
    let (pool, _dir) = pool().await;
    let report = import_file(&pool, &fixture("jsonld-many.json"), None, today())
        .await
        .unwrap();
    let positions: Vec<usize> = report.problems.iter().map(|p| p.position).collect();
    assert_eq!(positions, [1, 2], "{report:?}");
    assert!(report.problems[0].reason.contains("title"), "{report:?}");
    assert_eq!(report.inserted, 1);
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM jobs").await, 1);
}

#[tokio::test]
async fn a_broken_file_imports_nothing() {
    let (pool, _dir) = pool().await;
    let error = import_file(&pool, &fixture("broken.json"), None, today())
        .await
        .unwrap_err();
    assert!(matches!(error, ImportError::File(_)), "{error}");
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM jobs").await, 0);
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM companies").await, 0);
}

#[tokio::test]
async fn a_changed_record_updates_in_place_and_keeps_its_slug() {
    let (pool, _dir) = pool().await;
    let original = String::from_utf8(fixture("jsonld-one.json")).unwrap();
    import_file(&pool, original.as_bytes(), None, today())
        .await
        .unwrap();
    let (slug, title): (String, String) = sqlx::query_as("SELECT slug, title FROM jobs")
        .fetch_one(&pool)
        .await
        .unwrap();

    let changed = original.replacen(&title, &format!("{title} (updated)"), 1);
    assert_ne!(changed, original);
    let report = import_file(&pool, changed.as_bytes(), None, today())
        .await
        .unwrap();
    assert_eq!((report.inserted, report.updated), (0, 1), "{report:?}");
    let (new_slug, new_title): (String, String) = sqlx::query_as("SELECT slug, title FROM jobs")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(new_slug, slug);
    assert_eq!(new_title, format!("{title} (updated)"));
}
