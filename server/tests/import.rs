//! `import_file` against a real database: each format, a broken file and
//! records, and re-importing.

mod common;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ascend_server::ingest::{ImportError, ImportReport, import_file, import_file_with};
use ascend_server::logos::LogoFetcher;
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

/// The version the in-memory indexes rebuild on.
async fn data_version(pool: &SqlitePool) -> i64 {
    count(
        pool,
        "SELECT version FROM data_versions WHERE name = 'jobs'",
    )
    .await
}

/// A JSON-LD posting by `organization`, with `extra` fields merged in.
fn posting(
    id: &str,
    organization: serde_json::Value,
    extra: serde_json::Value,
) -> serde_json::Value {
    let mut posting = serde_json::json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "identifier": id,
        "title": format!("Engineer {id}"),
        "datePosted": "2026-03-01",
        "hiringOrganization": organization,
    });
    let object = posting.as_object_mut().unwrap();
    for (key, value) in extra.as_object().unwrap() {
        object.insert(key.clone(), value.clone());
    }
    posting
}

fn file(postings: &[serde_json::Value]) -> Vec<u8> {
    serde_json::to_vec(postings).unwrap()
}

type Profile = (i64, String, String, Option<String>, Option<String>, String);

async fn profile(pool: &SqlitePool, slug: &str) -> Profile {
    sqlx::query_as("SELECT id, slug, name, website, logo_url, about FROM companies WHERE slug = $1")
        .bind(slug)
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn stars(pool: &SqlitePool, slug: &str) -> Vec<i64> {
    sqlx::query_scalar(
        "SELECT r.stars FROM reviews r JOIN companies c ON c.id = r.company_id \
         WHERE c.slug = $1 ORDER BY r.stars",
    )
    .bind(slug)
    .fetch_all(pool)
    .await
    .unwrap()
}

fn review(stars: i64, day: &str) -> serde_json::Value {
    serde_json::json!({
        "@type": "Review",
        "reviewRating": {"@type": "Rating", "ratingValue": stars},
        "datePublished": day,
    })
}

#[tokio::test]
async fn reimporting_a_company_updates_its_profile_and_keeps_its_id() {
    let (pool, _dir) = pool().await;
    let first = serde_json::json!({
        "@type": "Organization",
        "name": "Kiln & Co",
        "sameAs": "https://kiln.example",
        "description": "<p>We fire pottery.</p>",
        "review": [review(4, "2026-01-10"), review(5, "2026-02-11")],
    });
    let bytes = file(&[posting("K-1", first, serde_json::json!({}))]);
    import_file(&pool, &bytes, None, today()).await.unwrap();
    let before = profile(&pool, "kiln-co").await;
    assert_eq!(
        before.3.as_deref(),
        Some("https://kiln.example"),
        "{before:?}"
    );
    assert_eq!(before.5, "We fire pottery.");
    assert_eq!(stars(&pool, "kiln-co").await, [4, 5]);

    // The same file again: nothing written, reviews not counted twice.
    let version = data_version(&pool).await;
    import_file(&pool, &bytes, None, today()).await.unwrap();
    assert_eq!(profile(&pool, "kiln-co").await, before);
    assert_eq!(stars(&pool, "kiln-co").await, [4, 5]);
    assert_eq!(
        data_version(&pool).await,
        version,
        "an unchanged company is not rewritten"
    );

    // A new website, about and reviews replace the old.
    let changed = serde_json::json!({
        "@type": "Organization",
        "name": "Kiln & Co",
        "sameAs": "https://kiln.example/new",
        "description": "We fire pottery and teach it.",
        "review": [review(2, "2026-03-01")],
    });
    import_file(
        &pool,
        &file(&[posting("K-1", changed, serde_json::json!({}))]),
        None,
        today(),
    )
    .await
    .unwrap();
    let after = profile(&pool, "kiln-co").await;
    assert_eq!(
        (after.0, after.1.as_str()),
        (before.0, "kiln-co"),
        "same id and slug"
    );
    assert_eq!(after.3.as_deref(), Some("https://kiln.example/new"));
    assert_eq!(after.5, "We fire pottery and teach it.");
    assert_eq!(stars(&pool, "kiln-co").await, [2]);
    assert_ne!(data_version(&pool).await, version);

    // A board that only names the company keeps the rest of its profile and
    // its reviews.
    let board = r#"{"jobs": [{"id": 5, "title": "Glazer", "company_name": "Kiln & Co"}]}"#;
    import_file(&pool, board.as_bytes(), None, today())
        .await
        .unwrap();
    assert_eq!(profile(&pool, "kiln-co").await, after);
    assert_eq!(stars(&pool, "kiln-co").await, [2]);
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM companies").await, 1);
}

#[tokio::test]
async fn a_record_with_an_invalid_review_leaves_no_company() {
    let (pool, _dir) = pool().await;
    let bytes = file(&[
        posting(
            "A-1",
            serde_json::json!({"name": "Alder"}),
            serde_json::json!({}),
        ),
        posting(
            "B-1",
            serde_json::json!({"name": "Birch", "review": [review(4, "2026-01-01"), review(9, "2026-01-02")]}),
            serde_json::json!({}),
        ),
        posting(
            "C-1",
            serde_json::json!({"name": "Cedar"}),
            serde_json::json!({}),
        ),
    ]);
    let report = import_file(&pool, &bytes, None, today()).await.unwrap();
    assert_eq!(report.inserted, 2, "{report:?}");
    assert_eq!(report.problems.len(), 1, "{report:?}");
    assert_eq!(report.problems[0].position, 1);
    assert!(
        report.problems[0].reason.contains("review 1: 9 stars"),
        "{report:?}"
    );
    let companies: Vec<String> = sqlx::query_scalar("SELECT slug FROM companies ORDER BY slug")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(companies, ["alder", "cedar"]);
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM reviews").await, 0);
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM jobs").await, 2);
}

#[tokio::test]
async fn a_record_whose_job_is_invalid_is_rolled_back_whole() {
    let (pool, _dir) = pool().await;
    // A salary of 0 is no pay: the record is rejected whole.
    let no_pay = serde_json::json!({"baseSalary": {"currency": "EUR", "value": 0}});
    let bytes = file(&[
        posting(
            "A-1",
            serde_json::json!({"name": "Alder", "sameAs": "https://alder.example"}),
            serde_json::json!({}),
        ),
        // Would update Alder's website and add a review, then fails.
        posting(
            "A-2",
            serde_json::json!({"name": "Alder", "sameAs": "https://alder.example/other",
                "review": [review(3, "2026-01-01")]}),
            no_pay.clone(),
        ),
        posting("B-1", serde_json::json!({"name": "Birch"}), no_pay),
        posting(
            "C-1",
            serde_json::json!({"name": "Cedar"}),
            serde_json::json!({}),
        ),
    ]);
    let report = import_file(&pool, &bytes, None, today()).await.unwrap();
    assert_eq!(report.inserted, 2, "{report:?}");
    let rejected: Vec<usize> = report.problems.iter().map(|p| p.position).collect();
    assert_eq!(rejected, [1, 2], "{report:?}");
    assert!(report.problems[1].reason.contains("salary"), "{report:?}");
    let companies: Vec<String> = sqlx::query_scalar("SELECT slug FROM companies ORDER BY slug")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(
        companies,
        ["alder", "cedar"],
        "Birch's record is gone whole"
    );
    let alder = profile(&pool, "alder").await;
    assert_eq!(
        alder.3.as_deref(),
        Some("https://alder.example"),
        "no half update"
    );
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM reviews").await, 0);
    let jobs: Vec<String> = sqlx::query_scalar("SELECT source_id FROM jobs ORDER BY source_id")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(jobs, ["A-1", "C-1"]);
}

type Shown = (String, String, String, String, Option<String>);

async fn shown_jobs(pool: &SqlitePool) -> Vec<Shown> {
    sqlx::query_as(
        "SELECT j.title, c.name, c.slug, j.location, j.department FROM jobs j \
         JOIN companies c ON c.id = j.company_id ORDER BY j.id",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn markup_in_greenhouse_text_fields_is_removed_and_reported() {
    let (pool, _dir) = pool().await;
    let board = serde_json::json!({"jobs": [
        {"id": 1, "title": "Engineer <img src=x onerror=alert(1)>",
         "company_name": "<b>Fernwood</b> Robotics", "location": {"name": "<i>Lyon</i>,\n France"},
         "departments": [{"name": "Embedded &amp; <span>Firmware</span>"}]},
        {"id": 2, "title": "<img src=x onerror=alert(1)>", "company_name": "Fernwood Robotics"},
        {"id": 3, "title": "Tester", "company_name": "Fernwood Robotics"}
    ]});
    let report = import_file(&pool, board.to_string().as_bytes(), None, today())
        .await
        .unwrap();
    assert_eq!(report.inserted, 2, "{report:?}");
    assert_eq!(
        shown_jobs(&pool).await[0],
        (
            "Engineer".to_owned(),
            "Fernwood Robotics".to_owned(),
            "fernwood-robotics".to_owned(),
            "Lyon, France".to_owned(),
            Some("Embedded & Firmware".to_owned()),
        )
    );
    let notes: Vec<String> = report.notes.iter().map(ToString::to_string).collect();
    assert_eq!(
        notes,
        [
            "record 0: title: removed markup `<img src=x onerror=alert(1)>`",
            "record 0: company.name: removed markup `<b>`, `</b>`",
            "record 0: locations: removed markup `<i>`, `</i>`",
            "record 0: department: removed markup `<span>`, `</span>`",
        ]
    );
    // A title that is nothing but markup is no title.
    assert_eq!(report.problems.len(), 1, "{report:?}");
    assert_eq!(report.problems[0].position, 1);
    assert!(
        report.problems[0]
            .reason
            .starts_with("title: nothing is left"),
        "{report:?}"
    );
    let slug: String = sqlx::query_scalar("SELECT slug FROM jobs WHERE source_id = '1'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(slug, "engineer-fernwood-robotics");
}

#[tokio::test]
async fn markup_in_lever_and_jsonld_text_fields_is_removed_and_reported() {
    let (pool, _dir) = pool().await;
    let lever = serde_json::json!([{
        "id": "l-1", "text": "<script>alert(1)</script>Data Engineer",
        "hostedUrl": "https://jobs.lever.example/tide/l-1",
        "categories": {"team": "<u>Data</u>", "location": "<em>Rotterdam</em>",
            "allLocations": ["<em>Rotterdam</em>", "Antwerp"]}
    }]);
    let report = import_file(
        &pool,
        lever.to_string().as_bytes(),
        Some("Tide<br>water"),
        today(),
    )
    .await
    .unwrap();
    assert!(report.problems.is_empty(), "{report:?}");
    let notes: Vec<&str> = report.notes.iter().map(|n| n.note.as_str()).collect();
    assert_eq!(
        notes,
        [
            "title: removed markup `<script>alert(1)</script>`",
            "company.name: removed markup `<br>`",
            "department: removed markup `<u>`, `</u>`",
            "locations: removed markup `<em>`, `</em>`",
        ]
    );

    let jsonld = serde_json::json!({
        "@type": "JobPosting", "identifier": "j-1",
        "title": "Designer &lt;img src=x onerror=alert(1)&gt;",
        "hiringOrganization": {"@type": "Organization", "name": "<em>Lumen</em> &amp; Loom"},
        "jobLocation": {"@type": "Place", "address": {"addressLocality": "<b>Porto</b>"}},
        "skills": "<b>Figma</b>, Research"
    });
    let report = import_file(&pool, jsonld.to_string().as_bytes(), None, today())
        .await
        .unwrap();
    assert!(report.problems.is_empty(), "{report:?}");
    assert_eq!(report.notes.len(), 4, "{report:?}");
    assert_eq!(
        report.notes[0].note,
        "title: removed markup `<img src=x onerror=alert(1)>`"
    );
    assert!(
        report.notes[1].note.starts_with("company.name: "),
        "{report:?}"
    );

    let jobs = shown_jobs(&pool).await;
    assert_eq!(
        jobs.iter()
            .map(|(title, company, slug, location, department)| (
                title.as_str(),
                company.as_str(),
                slug.as_str(),
                location.as_str(),
                department.as_deref()
            ))
            .collect::<Vec<_>>(),
        [
            (
                "Data Engineer",
                // A line break between words is a space.
                "Tide water",
                "tide-water",
                "Rotterdam and 1 more",
                Some("Data")
            ),
            ("Designer", "Lumen & Loom", "lumen-loom", "Porto", None),
        ]
    );
    let skills: String = sqlx::query_scalar("SELECT skills FROM jobs WHERE source_id = 'j-1'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(skills, r#"["Figma","Research"]"#);
}

type Stored = (String, String, String, String, String, String);

/// Title, company name, about, location, skills and description of the job
/// with `source_id`, as stored.
async fn stored(pool: &SqlitePool, source_id: &str) -> Stored {
    sqlx::query_as(
        "SELECT j.title, c.name, c.about, j.location, j.skills, j.description_html \
         FROM jobs j JOIN companies c ON c.id = j.company_id WHERE j.source_id = $1",
    )
    .bind(source_id)
    .fetch_one(pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn control_characters_are_removed_from_every_imported_text() {
    let (pool, _dir) = pool().await;
    // Escaped controls as JSON writes them, and raw bytes JSON does not
    // allow (NUL between values, NUL, BEL and a tab inside strings).
    let mut bytes = br#"[{"@type": "JobPosting", "identifier": "c-1",
        "title": "Back\u0000end\u0007 Engineer\n(Rust)",
        "hiringOrganization": {"@type": "Organization", "name": "Ke\u001b[31mstrel\u202e Labs",
            "description": "Tools\u0000 for\tfarmers.\r\nSince 2009."},
        "jobLocation": {"@type": "Place", "address": {"addressLocality": "Gda\u0085nsk"}},
        "skills": ["Ru\u0000st", "SQL&#0;"],
        "description": "<p>First\u0000 line</p>\n<p>Second&#1; line</p>"},
      {"@type": "JobPosting", "identifier": "c-2", "title": "Raw"#
        .to_vec();
    bytes.extend_from_slice(b"\0 Tit\x07le\tTwo\", \"hiringOrganization\": \"Ke\x1bstrel\"}]\0\0");
    let report = import_file(&pool, &bytes, None, today()).await.unwrap();
    assert!(report.problems.is_empty(), "{report:?}");
    assert_eq!(report.inserted, 2, "{report:?}");

    let (title, company, about, location, skills, description) = stored(&pool, "c-1").await;
    assert_eq!(title, "Backend Engineer (Rust)");
    assert_eq!(company, "Ke[31mstrel Labs");
    assert_eq!(about, "Tools for farmers. Since 2009.");
    // NEL is a line break, so a space in a one-line field.
    assert_eq!(location, "Gda nsk");
    assert_eq!(skills, r#"["Rust","SQL"]"#);
    assert_eq!(description, "<p>First line</p>\n<p>Second line</p>");
    let text: String =
        sqlx::query_scalar("SELECT description_text FROM jobs WHERE source_id = 'c-1'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(text, "First line\nSecond line");
    let (title, company, ..) = stored(&pool, "c-2").await;
    assert_eq!(
        (title.as_str(), company.as_str()),
        ("Raw Title Two", "Kestrel")
    );

    // Nothing the database holds has a control character left, whatever
    // the column.
    let leftovers: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM jobs j JOIN companies c ON c.id = j.company_id \
         WHERE instr(j.title || c.name || c.about || j.location || j.skills || j.description_html \
             || j.description_text, char(0)) > 0 \
            OR instr(j.title || c.name || j.description_html, char(7)) > 0 \
            OR instr(c.name, char(27)) > 0",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(leftovers, 0);

    let notes: Vec<String> = report.notes.iter().map(ToString::to_string).collect();
    for expected in [
        "record 0: title: removed control characters U+0000, U+0007",
        "record 0: hiringOrganization.name: removed control characters U+001B, U+202E",
        "record 0: hiringOrganization.description: removed control characters U+0000",
        "record 0: skills[0]: removed control characters U+0000",
        "record 0: skills: removed control characters U+0000",
        "record 0: description: removed control characters U+0000",
        "record 1: title: removed control characters U+0000, U+0007",
        "record 1: hiringOrganization: removed control characters U+001B",
    ] {
        assert!(
            notes.iter().any(|note| note == expected),
            "{expected} not in {notes:#?}"
        );
    }

    // The companies' API, what pages read, shows the cleaned names.
    let dir = tempfile::tempdir().unwrap();
    let dist = common::fake_dist(&dir, &[("index.html", b"<!doctype html>")]);
    let router = ascend_server::app(common::state(pool.clone()), &dist);
    let reply = common::send(
        &router,
        axum::http::Request::get("/api/companies/ke-31mstrel-labs")
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let profile: serde_json::Value = reply.json();
    assert_eq!(profile["name"], "Ke[31mstrel Labs", "{profile}");
    assert_eq!(profile["about"], "Tools for farmers. Since 2009.");
}

#[tokio::test]
async fn escaped_markup_in_text_fields_is_decoded_and_stripped() {
    let (pool, _dir) = pool().await;
    let postings = serde_json::json!([{
        "@type": "JobPosting", "identifier": "e-1",
        "title": "&lt;b&gt;Engineer&lt;/b&gt;",
        "hiringOrganization": {"@type": "Organization",
            "name": "&lt;script&gt;alert(1)&lt;/script&gt;Quill &amp;amp; Co",
            "description": "We &lt;i&gt;write&lt;/i&gt; &lt;img src=x onerror=alert(1)&gt;things."},
        "jobLocation": {"@type": "Place", "address": {"addressLocality": "&lt;u&gt;Turin&lt;/u&gt;"}},
        "skills": "&lt;em&gt;Go&lt;/em&gt;, C &lt;3"
    }]);
    let report = import_file(&pool, postings.to_string().as_bytes(), None, today())
        .await
        .unwrap();
    assert!(report.problems.is_empty(), "{report:?}");
    let (title, company, about, location, skills, _) = stored(&pool, "e-1").await;
    assert_eq!(title, "Engineer");
    // Decoded once: a doubly escaped ampersand is still one escape.
    assert_eq!(company, "Quill &amp; Co");
    assert_eq!(about, "We write things.");
    assert_eq!(location, "Turin");
    assert_eq!(skills, r#"["Go","C <3"]"#);
    for column in [&title, &company, &about, &location, &skills] {
        assert!(
            !column.contains("&lt;") && !column.contains("<b"),
            "{column}"
        );
    }
    let notes: Vec<&str> = report.notes.iter().map(|n| n.note.as_str()).collect();
    assert_eq!(
        notes,
        [
            "title: removed markup `<b>`, `</b>`",
            "company.about: removed markup `<i>`, `</i>`, `<img src=x onerror=alert(1)>`",
            "company.name: removed markup `<script>alert(1)</script>`",
            "locations: removed markup `<u>`, `</u>`",
            "skills: removed markup `<em>`, `</em>`",
        ]
    );
    // A title that is only escaped markup is no title.
    let only_markup = serde_json::json!({"@type": "JobPosting", "identifier": "e-2",
        "title": "&lt;script&gt;alert(1)&lt;/script&gt;", "hiringOrganization": "Quill"});
    let report = import_file(&pool, only_markup.to_string().as_bytes(), None, today())
        .await
        .unwrap();
    assert_eq!(report.inserted, 0, "{report:?}");
    assert!(
        report.problems[0]
            .reason
            .starts_with("title: nothing is left"),
        "{report:?}"
    );
}

#[tokio::test]
async fn implausible_salaries_are_rejected_with_the_reason_and_leave_nothing() {
    let (pool, _dir) = pool().await;
    let pay = |min: f64, max: f64, currency: &str, unit: &str| {
        serde_json::json!({"baseSalary": {"@type": "MonetaryAmount", "currency": currency,
            "value": {"@type": "QuantitativeValue", "minValue": min, "maxValue": max, "unitText": unit}}})
    };
    let bytes = file(&[
        posting(
            "S-1",
            serde_json::json!({"name": "Good Pay"}),
            pay(52_000.0, 61_000.0, "EUR", "YEAR"),
        ),
        posting(
            "S-2",
            serde_json::json!({"name": "Upside Down"}),
            pay(120_000.0, 90_000.0, "USD", "YEAR"),
        ),
        posting(
            "S-3",
            serde_json::json!({"name": "Pennies"}),
            pay(12.0, 15.0, "USD", "YEAR"),
        ),
        posting(
            "S-4",
            serde_json::json!({"name": "Cents"}),
            pay(0.25, 0.4, "usd", "HOUR"),
        ),
        posting(
            "S-5",
            serde_json::json!({"name": "Hourly"}),
            pay(18.0, 22.5, "GBP", "HOUR"),
        ),
        posting(
            "S-6",
            serde_json::json!({"name": "Monthly"}),
            pay(80.0, 95.0, "EUR", "MONTH"),
        ),
    ]);
    let report = import_file(&pool, &bytes, None, today()).await.unwrap();
    let problems: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "record 1: salary: the minimum 120000 is above the maximum 90000",
            "record 2: salary: 12 USD a year is not a plausible pay",
            "record 3: salary: 0.25 USD an hour (520 USD a year) is not a plausible pay",
            "record 5: salary: 80 EUR a month (960 EUR a year) is not a plausible pay",
        ]
    );
    assert_eq!(report.inserted, 2, "{report:?}");
    let salaries: Vec<(String, i64, i64, String, String)> = sqlx::query_as(
        "SELECT source_id, salary_min, salary_max, salary_currency, salary_period FROM jobs ORDER BY source_id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        salaries,
        [
            ("S-1".into(), 52_000, 61_000, "EUR".into(), "year".into()),
            ("S-5".into(), 18, 23, "GBP".into(), "hour".into()),
        ]
    );
    let companies: Vec<String> = sqlx::query_scalar("SELECT slug FROM companies ORDER BY slug")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(
        companies,
        ["good-pay", "hourly"],
        "rejected records leave no company"
    );
}

/// A 1x1 transparent PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];
const SVG: &str = r#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><style>rect{fill:red}</style><rect width="1" height="1"/></svg>"#;

/// A web server on loopback serving logos good and bad, counting the
/// requests for each path.
struct LogoHost {
    origin: String,
    hits: Arc<Mutex<HashMap<String, usize>>>,
}

impl LogoHost {
    async fn start() -> LogoHost {
        use axum::body::Body;
        use axum::http::{StatusCode, Uri, header};
        use axum::response::{IntoResponse, Response};

        let hits: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
        let counted = hits.clone();
        let serve = move |uri: Uri| {
            let counted = counted.clone();
            async move {
                *counted
                    .lock()
                    .unwrap()
                    .entry(uri.path().to_owned())
                    .or_default() += 1;
                let image = |kind: &'static str, body: Body| {
                    ([(header::CONTENT_TYPE, kind)], body).into_response()
                };
                let response: Response = match uri.path() {
                    "/logo.png" => image("image/png", Body::from(PNG)),
                    "/logo.svg" => image("image/svg+xml; charset=utf-8", Body::from(SVG)),
                    "/moved.png" => {
                        (StatusCode::FOUND, [(header::LOCATION, "/logo.png")]).into_response()
                    }
                    // Streamed, so no Content-Length tells the size first.
                    "/huge.png" => {
                        let chunks =
                            (0..40).map(|_| Ok::<_, std::io::Error>(vec![0x89u8; 32 * 1024]));
                        image(
                            "image/png",
                            Body::from_stream(futures_util::stream::iter(chunks)),
                        )
                    }
                    "/page.html" => image("text/html", Body::from("<!doctype html><p>Hello")),
                    "/fake.png" => image("image/png", Body::from("<!doctype html><p>Hello")),
                    "/slow.png" => {
                        tokio::time::sleep(Duration::from_secs(5)).await;
                        image("image/png", Body::from(PNG))
                    }
                    _ => StatusCode::NOT_FOUND.into_response(),
                };
                response
            }
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let origin = format!("http://{}", listener.local_addr().unwrap());
        let app = axum::Router::new().fallback(serve);
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        LogoHost { origin, hits }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }

    fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }
}

/// Fetches from loopback, and gives up on slow hosts sooner than the
/// default 10 s.
fn loopback_fetcher() -> LogoFetcher {
    LogoFetcher {
        allow_private: true,
        timeout: Duration::from_secs(1),
        ..LogoFetcher::default()
    }
}

/// One posting per (company, logo path).
fn logo_file(host: &LogoHost, companies: &[(&str, &str)]) -> Vec<u8> {
    let postings: Vec<serde_json::Value> = companies
        .iter()
        .map(|(name, path)| {
            posting(
                &format!("L-{name}"),
                serde_json::json!({"@type": "Organization", "name": name, "logo": host.url(path)}),
                serde_json::json!({}),
            )
        })
        .collect();
    file(&postings)
}

fn notes_of(report: &ImportReport) -> Vec<String> {
    report.notes.iter().map(ToString::to_string).collect()
}

async fn logo_of(pool: &SqlitePool, slug: &str) -> Option<String> {
    profile(pool, slug).await.4
}

#[tokio::test]
async fn logos_are_fetched_once_kept_and_served_by_ascend() {
    let host = LogoHost::start().await;
    let (pool, _dir) = pool().await;
    let bytes = logo_file(
        &host,
        &[
            ("Pngco", "/logo.png"),
            ("Svgco", "/logo.svg"),
            ("Movedco", "/moved.png"),
            ("Hugeco", "/huge.png"),
            ("Pageco", "/page.html"),
            ("Fakeco", "/fake.png"),
            ("Slowco", "/slow.png"),
            ("Goneco", "/gone.png"),
        ],
    );
    let report = import_file_with(&pool, &bytes, None, today(), &loopback_fetcher())
        .await
        .unwrap();
    assert_eq!(report.inserted, 8, "{report:?}");
    assert!(report.problems.is_empty(), "{report:?}");

    let hash = |bytes: &[u8]| -> String {
        use sha2::Digest;
        sha2::Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    let png_url = format!("/logos/imported/{}.png", hash(PNG));
    let svg_url = format!("/logos/imported/{}.svg", hash(SVG.as_bytes()));
    assert_eq!(
        logo_of(&pool, "pngco").await.as_deref(),
        Some(png_url.as_str())
    );
    assert_eq!(
        logo_of(&pool, "svgco").await.as_deref(),
        Some(svg_url.as_str())
    );
    // A redirect is followed; the same bytes are one logo.
    assert_eq!(
        logo_of(&pool, "movedco").await.as_deref(),
        Some(png_url.as_str())
    );
    for dropped in ["hugeco", "pageco", "fakeco", "slowco", "goneco"] {
        assert_eq!(
            logo_of(&pool, dropped).await,
            None,
            "{dropped} is not hot-linked"
        );
    }
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM logos").await, 2);

    let notes = notes_of(&report);
    for expected in [
        format!(
            "record 3: company.logo: dropped {}: larger than 512 KB",
            host.url("/huge.png")
        ),
        format!(
            "record 4: company.logo: dropped {}: the answer is text/html, not PNG, JPEG, WebP, GIF or SVG",
            host.url("/page.html")
        ),
        format!(
            "record 5: company.logo: dropped {}: the answer says image/png but its bytes are not one",
            host.url("/fake.png")
        ),
        format!(
            "record 6: company.logo: dropped {}: no whole answer within 1 s",
            host.url("/slow.png")
        ),
        format!(
            "record 7: company.logo: dropped {}: the answer was HTTP 404",
            host.url("/gone.png")
        ),
    ] {
        assert!(notes.contains(&expected), "{expected} not in {notes:#?}");
    }
    assert_eq!(notes.len(), 5, "{notes:#?}");

    // Served by Ascend, with the bytes, type and caching of the content.
    let dir = tempfile::tempdir().unwrap();
    let dist = common::fake_dist(&dir, &[("index.html", b"<!doctype html>")]);
    let router = ascend_server::app(common::state(pool.clone()), &dist);
    let get = |path: String| {
        let router = router.clone();
        async move {
            common::send(
                &router,
                axum::http::Request::get(path)
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await
        }
    };
    use axum::http::header;
    let logo = get(png_url.clone()).await;
    assert_eq!(logo.status, 200, "{}", logo.text());
    assert_eq!(logo.body, PNG);
    assert_eq!(logo.header(header::CONTENT_TYPE), "image/png");
    assert_eq!(logo.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    assert_eq!(
        logo.header(header::CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
    let svg = get(svg_url.clone()).await;
    assert_eq!(svg.body, SVG.as_bytes());
    assert_eq!(svg.header(header::CONTENT_TYPE), "image/svg+xml");
    let policy = svg.header(header::CONTENT_SECURITY_POLICY);
    assert!(
        policy.starts_with("default-src 'none'; style-src 'unsafe-inline'; sandbox"),
        "{policy}"
    );
    assert!(
        svg.header(header::CONTENT_DISPOSITION)
            .starts_with("attachment")
    );
    // Another extension, a hash never stored, or not a hash: nothing.
    for missing in [
        png_url.replace(".png", ".gif"),
        format!("/logos/imported/{}.png", "0".repeat(64)),
        "/logos/imported/..%2Fascend.db".to_owned(),
        "/logos/imported/%FF.png".to_owned(),
    ] {
        assert_eq!(get(missing.clone()).await.status, 404, "{missing}");
    }
    // The company's JSON names Ascend's copy, not the remote logo.
    let company: serde_json::Value = get("/api/companies/pngco".into()).await.json();
    assert_eq!(company["logo_url"], png_url.as_str(), "{company}");

    // Importing again fetches nothing that was kept; what failed is tried again.
    let before: Vec<usize> = ["/logo.png", "/logo.svg", "/moved.png"]
        .iter()
        .map(|p| host.hits(p))
        .collect();
    // The redirect ends at /logo.png too.
    assert_eq!(before, [2, 1, 1]);
    let again = import_file_with(&pool, &bytes, None, today(), &loopback_fetcher())
        .await
        .unwrap();
    assert_eq!(again.unchanged, 8, "{again:?}");
    let after: Vec<usize> = ["/logo.png", "/logo.svg", "/moved.png"]
        .iter()
        .map(|p| host.hits(p))
        .collect();
    assert_eq!(after, before, "kept logos are not fetched again");
    assert_eq!(host.hits("/page.html"), 2);
    assert_eq!(
        logo_of(&pool, "pngco").await.as_deref(),
        Some(png_url.as_str())
    );

    // A record that names no logo keeps the company's.
    let board = r#"{"jobs": [{"id": 5, "title": "Glazer", "company_name": "Pngco"}]}"#;
    import_file(&pool, board.as_bytes(), None, today())
        .await
        .unwrap();
    assert_eq!(
        logo_of(&pool, "pngco").await.as_deref(),
        Some(png_url.as_str())
    );
}

#[tokio::test]
async fn by_default_logos_on_private_networks_are_not_fetched() {
    let host = LogoHost::start().await;
    let (pool, _dir) = pool().await;
    let bytes = logo_file(&host, &[("Pngco", "/logo.png")]);
    let report = import_file(&pool, &bytes, None, today()).await.unwrap();
    assert_eq!(report.inserted, 1, "{report:?}");
    assert_eq!(
        notes_of(&report),
        [format!(
            "record 0: company.logo: dropped {}: the host is on a private or loopback network",
            host.url("/logo.png")
        )]
    );
    assert_eq!(host.hits("/logo.png"), 0);
    assert_eq!(logo_of(&pool, "pngco").await, None);
}
