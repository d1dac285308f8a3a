//! The OpenAPI 3.1 document of the JSON API, generated from the handlers'
//! `#[utoipa::path]` annotations and the shared types' schemas, served at
//! `GET /api/openapi.json`.

use axum::Json;
use axum::response::IntoResponse;
use utoipa::OpenApi;

use crate::{companies, jobs, rates, salaries, search, similar, subscriptions, suggest};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Ascend API",
        version = env!("CARGO_PKG_VERSION"),
        description = "The JSON API of Ascend, a job board: jobs, similar jobs, companies, \
            salary estimates, exchange rates and newsletter sign-ups. Every error answers with the same \
            `ErrorResponse` body: a stable `code`, a `message` for people and, when a \
            request field is at fault, its name.",
        license(name = "MIT"),
    ),
    servers((url = "/", description = "The server that serves this document")),
    paths(
        crate::health_show,
        openapi_show,
        search::jobs_search,
        suggest::suggest_list,
        jobs::jobs_show,
        similar::similar_list,
        companies::companies_show,
        companies::companies_jobs,
        salaries::salaries_estimate,
        rates::rates_show,
        subscriptions::subscriptions_create,
    ),
    tags(
        (name = "meta", description = "Whether the server answers, and this document"),
        (name = "jobs", description = "Job postings"),
        (name = "companies", description = "Employers and their open jobs"),
        (name = "salaries", description = "Salary estimates from comparable postings, and exchange rates"),
        (name = "subscriptions", description = "Newsletter sign-ups"),
    )
)]
pub struct ApiDoc;

/// Every operation the API serves, as `(method, path template)`: the one
/// list the tests hold both the router and the document to.
pub const ROUTES: &[(&str, &str)] = &[
    ("GET", "/api/health"),
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

/// Routes in [`ROUTES`] that are served but not yet in the document.
/// The search (`GET /api/jobs`) and typeahead (`GET /api/suggest`) are
/// annotated once they land. Keep this empty otherwise.
pub const UNDOCUMENTED: &[(&str, &str)] = &[];

/// This document, as JSON.
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    tag = "meta",
    responses((status = 200, description = "This OpenAPI document.", content_type = "application/json",
        body = Object))
)]
pub async fn openapi_show() -> impl IntoResponse {
    Json(ApiDoc::openapi())
}
