//! `/api/jobs`: search, one job with everything its page shows, and the
//! jobs like it.

use ascend_types::{ErrorResponse, JobDetail, JobSearch, SimilarJobs};
use axum::extract::{RawQuery, State};
use axum::response::Response;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Slug, json_response};
use crate::domain::{jobs, search, similar};
use crate::error::AppError;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(jobs_search))
        .routes(routes!(jobs_show))
        .routes(routes!(jobs_similar))
}

/// Open jobs matching words and filters, with disjunctive facet counts
/// (each filter's counts as if it alone were not applied) and cursor paging.
#[utoipa::path(
    get,
    path = "/jobs",
    tag = "jobs",
    params(
        ("q" = Option<String>, Query, max_length = 200, description = "Words to search for. Every word must match; the last one also matches as a prefix while typing, and a word the index does not know is corrected to close ones."),
        ("location" = Option<String>, Query, max_length = 100, description = "Text the job's location, places or remote regions contain."),
        ("remote" = Option<bool>, Query, description = "`true`: only remote jobs; `false`: only hybrid and on-site ones."),
        ("seniority" = Option<String>, Query, max_length = 200, pattern = r"^(intern|junior|mid|senior|staff|principal|director|executive)(,(intern|junior|mid|senior|staff|principal|director|executive))*$", description = "Comma-separated levels: intern, junior, mid, senior, staff, principal, director, executive."),
        ("employment_type" = Option<String>, Query, max_length = 200, pattern = r"^(full_time|part_time|contract|internship|temporary)(,(full_time|part_time|contract|internship|temporary))*$", description = "Comma-separated: full_time, part_time, contract, internship, temporary."),
        ("salary_min" = Option<i64>, Query, minimum = 0, maximum = 100_000_000, description = "Jobs whose employer's maximum, per year in `currency`, reaches this."),
        ("currency" = Option<String>, Query, pattern = "^[A-Za-z]{3}$", description = "ISO 4217 code for `salary_min`, one of the published rates (`GET /api/currency-rates`); USD when absent."),
        ("company" = Option<String>, Query, max_length = 200, pattern = r"^[a-z0-9-]+(,[a-z0-9-]+)*$", description = "Comma-separated company slugs."),
        ("posted_within_days" = Option<u32>, Query, minimum = 1, maximum = 365, description = "Posted within this many days (1 is today)."),
        ("sort" = Option<String>, Query, description = "relevance (the default with `q`), newest (the default without) or salary."),
        ("cursor" = Option<String>, Query, max_length = 200, description = "The `next_cursor` of the previous page."),
        ("limit" = Option<u32>, Query, minimum = 1, maximum = 50, description = "Jobs per page, 20 when absent."),
    ),
    responses(
        (status = 200, description = "A page of matching open jobs, with facet counts.", body = JobSearch),
        (status = 400, description = "A parameter is malformed or out of range.", body = ErrorResponse),
        (status = 500, description = "A failure on the server's side.", body = ErrorResponse),
    )
)]
pub async fn jobs_search(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let params = search::SearchParams::parse(query.as_deref())?;
    Ok(json_response(
        search::search_json(&state.board, &params).await?,
    ))
}

/// One job with everything its page shows: the company profile, the salary
/// (the employer's or an estimate) and its place among the company's jobs.
#[utoipa::path(
    get,
    path = "/jobs/{slug}",
    tag = "jobs",
    params(("slug" = String, Path, description = "The job's slug, as in its page's address.")),
    responses(
        (status = 200, description = "The job.", body = JobDetail),
        (status = 404, description = "No job has this slug.", body = ErrorResponse),
        (status = 410, description = "The job is closed.", body = ErrorResponse),
        (status = 500, description = "A failure on the server's side.", body = ErrorResponse),
    )
)]
pub async fn jobs_show(
    State(state): State<AppState>,
    Slug(slug): Slug,
) -> Result<Response, AppError> {
    Ok(json_response(jobs::kept_detail(&state.board, &slug).await?))
}

/// Open jobs like this one, most similar first.
#[utoipa::path(
    get,
    path = "/jobs/{slug}/similar",
    tag = "jobs",
    params(
        ("slug" = String, Path, description = "The job's slug."),
        ("limit" = Option<u32>, Query, minimum = 1, maximum = 20,
            description = "How many jobs to return, 8 when absent."),
    ),
    responses(
        (status = 200, description = "Similar open jobs, as cards.", body = SimilarJobs),
        (status = 400, description = "A parameter is out of range or malformed.", body = ErrorResponse),
        (status = 404, description = "No job has this slug.", body = ErrorResponse),
        (status = 410, description = "The job is closed.", body = ErrorResponse),
        (status = 500, description = "A failure on the server's side.", body = ErrorResponse),
    )
)]
pub async fn jobs_similar(
    State(state): State<AppState>,
    Slug(slug): Slug,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let limit = similar::parse_limit(query.as_deref())?;
    Ok(json_response(
        similar::similar_json(&state.board, &slug, limit).await?,
    ))
}
