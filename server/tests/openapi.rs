//! The OpenAPI document at `/api/openapi.json`, held to the router: every
//! route is served and documented, and the schemas match what the API sends.

mod common;

use std::collections::BTreeSet;

use ascend_server::seed::{self, DemoSize, SHOWCASE_SLUG};
use ascend_server::{AppState, app};
use ascend_types::ErrorResponse;
use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::Value;
use sqlx::SqlitePool;

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

async fn router(pool: SqlitePool) -> Router {
    let today = common::today();
    let size = DemoSize {
        companies: 5,
        jobs: 50,
        seed: 7,
    };
    seed::seed_if_empty(&pool, today, size).await.unwrap();
    let mut state = AppState::new(pool);
    state.board.fixed_today = Some(today);
    state.write_limit = 100;
    // No front end is built for these tests; only the API answers.
    app(state, std::path::Path::new("no-dist"))
}

async fn send(router: &Router, method: &str, uri: &str) -> (StatusCode, String, Vec<u8>) {
    let request = Request::builder()
        .method(Method::from_bytes(method.as_bytes()).unwrap())
        .uri(uri)
        .body(Body::empty())
        .unwrap();
    let reply = common::send(router, request).await;
    let content_type = reply.header(header::CONTENT_TYPE).to_owned();
    (reply.status, content_type, reply.body)
}

async fn document(router: &Router) -> Value {
    let (status, content_type, body) = send(router, "GET", "/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/json");
    serde_json::from_slice(&body).expect("the document is JSON")
}

/// Every `(METHOD, path)` operation the document lists.
fn documented(doc: &Value) -> BTreeSet<(String, String)> {
    let mut operations = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in METHODS {
            if item.get(method).is_some() {
                operations.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    operations
}

#[sqlx::test]
async fn the_document_is_openapi_3_1_with_info_and_a_relative_server(pool: SqlitePool) {
    let doc = document(&router(pool).await).await;
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(doc["info"]["title"], "Ascend API");
    assert_eq!(doc["info"]["version"], env!("CARGO_PKG_VERSION"));
    assert!(
        doc["info"]["description"]
            .as_str()
            .is_some_and(|d| d.contains("ErrorResponse"))
    );
    assert_eq!(doc["servers"][0]["url"], "/");
}

/// The operations the server offers: the specification the routers and
/// their document must both meet.
const OPERATIONS: &[(&str, &str)] = &[
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("GET", "/api/openapi.json"),
    ("GET", "/api/jobs"),
    ("GET", "/api/jobs/{slug}"),
    ("GET", "/api/jobs/{slug}/similar"),
    ("GET", "/api/suggest"),
    ("GET", "/api/companies/{slug}"),
    ("GET", "/api/companies/{slug}/jobs"),
    ("GET", "/api/salaries/estimate"),
    ("GET", "/api/currency-rates"),
    ("POST", "/api/subscriptions"),
];

#[sqlx::test]
async fn the_document_lists_every_operation(pool: SqlitePool) {
    let doc = document(&router(pool).await).await;
    let expected: BTreeSet<(String, String)> = OPERATIONS
        .iter()
        .map(|(method, path)| ((*method).to_owned(), (*path).to_owned()))
        .collect();
    assert_eq!(documented(&doc), expected);
}

#[sqlx::test]
async fn every_documented_operation_is_served(pool: SqlitePool) {
    let router = router(pool).await;
    let doc = document(&router).await;
    for (method, template) in documented(&doc) {
        let uri = template.replace("{slug}", "no-such-thing");
        let (status, _, body) = send(&router, &method, &uri).await;
        assert_ne!(
            status,
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {template}"
        );
        if status == StatusCode::NOT_FOUND {
            // A handler's 404 names the missing thing; the router's own
            // fallback says there is no endpoint.
            let error: ErrorResponse = serde_json::from_slice(&body).unwrap();
            assert!(
                !error.error.message.contains("no API endpoint"),
                "{method} {template} is not routed: {}",
                error.error.message
            );
        }
    }
    // The check above can fail: an address the router does not serve.
    let (status, _, body) = send(&router, "GET", "/api/no-such-route").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(String::from_utf8_lossy(&body).contains("no API endpoint"));
}

#[sqlx::test]
async fn job_detail_schema_has_the_fields_the_api_sends(pool: SqlitePool) {
    let router = router(pool).await;
    let doc = document(&router).await;
    let schema = &doc["components"]["schemas"]["JobDetail"];
    let properties: BTreeSet<&str> = schema["properties"]
        .as_object()
        .expect("JobDetail has properties")
        .keys()
        .map(String::as_str)
        .collect();

    let (status, _, body) = send(&router, "GET", &format!("/api/jobs/{SHOWCASE_SLUG}")).await;
    assert_eq!(status, StatusCode::OK);
    let job: Value = serde_json::from_slice(&body).unwrap();
    let sent: BTreeSet<&str> = job
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(properties, sent);

    let required: BTreeSet<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for field in ["slug", "title", "company", "work_model", "pager"] {
        assert!(required.contains(field), "{field} is required");
    }
    for optional in ["department", "salary", "valid_through"] {
        assert!(!required.contains(optional), "{optional} is optional");
    }
    assert_eq!(
        schema["properties"]["company"]["$ref"],
        "#/components/schemas/CompanyProfile"
    );
    assert_eq!(
        doc["paths"]["/api/jobs/{slug}"]["get"]["responses"]["200"]["content"]["application/json"]
            ["schema"]["$ref"],
        "#/components/schemas/JobDetail"
    );
}

/// Every `$ref` in `value`.
fn references<'a>(value: &'a Value, found: &mut Vec<&'a str>) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                match (key.as_str(), item) {
                    ("$ref", Value::String(target)) => found.push(target),
                    _ => references(item, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| references(item, found)),
        _ => {}
    }
}

#[sqlx::test]
async fn every_reference_resolves_and_every_error_has_the_shared_shape(pool: SqlitePool) {
    let doc = document(&router(pool).await).await;
    let mut found = Vec::new();
    references(&doc, &mut found);
    assert!(!found.is_empty());
    for target in found {
        let name = target
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("{target} is not a schema reference"));
        assert!(
            doc["components"]["schemas"].get(name).is_some(),
            "{target} is missing"
        );
    }

    let mut error_statuses = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            for (status, response) in operation["responses"].as_object().unwrap() {
                // A probe's 503 says what is not ready yet, in its own shape.
                if status.starts_with('2') || (path == "/readyz" && status == "503") {
                    continue;
                }
                error_statuses.insert(status.clone());
                assert_eq!(
                    response["content"]["application/json"]["schema"]["$ref"],
                    "#/components/schemas/ErrorResponse",
                    "{method} {path} {status}"
                );
            }
        }
    }
    let expected: BTreeSet<String> = ["400", "404", "410", "413", "415", "422", "429", "500"]
        .map(String::from)
        .into();
    assert_eq!(error_statuses, expected);
}

#[sqlx::test]
async fn parameters_and_bodies_are_described(pool: SqlitePool) {
    let doc = document(&router(pool).await).await;
    let estimate = &doc["paths"]["/api/salaries/estimate"]["get"];
    let parameters: Vec<(&str, &str, bool)> = estimate["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap(),
                p["in"].as_str().unwrap(),
                p["required"].as_bool().unwrap_or(false),
            )
        })
        .collect();
    assert_eq!(
        parameters,
        vec![
            ("title", "query", true),
            ("seniority", "query", false),
            ("location", "query", false),
            ("currency", "query", false),
            ("period", "query", false),
        ]
    );
    let seniority = &doc["components"]["schemas"]["Seniority"];
    assert_eq!(seniority["enum"][0], "intern");
    assert!(
        seniority["enum"]
            .as_array()
            .unwrap()
            .contains(&Value::from("principal"))
    );

    let show = &doc["paths"]["/api/jobs/{slug}"]["get"]["parameters"][0];
    assert_eq!(show["name"], "slug");
    assert_eq!(show["in"], "path");
    assert_eq!(show["required"], true);

    let subscribe = &doc["paths"]["/api/subscriptions"]["post"];
    assert_eq!(
        subscribe["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/CreateSubscription"
    );
    assert!(subscribe["responses"]["201"].is_object());
    assert!(subscribe["responses"]["429"]["headers"]["Retry-After"].is_object());
}
