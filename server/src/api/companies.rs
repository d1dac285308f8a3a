//! `/api/companies/{slug}` and its open jobs.

use ascend_types::{CompanyJobs, CompanyProfile, ErrorResponse};
use axum::Json;
use axum::extract::{RawQuery, State};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Slug;
use crate::domain::companies::{company_jobs, company_profile};
use crate::domain::listing::ListParams;
use crate::error::AppError;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(companies_show))
        .routes(routes!(companies_jobs))
}

/// A company's profile with its rating aggregates.
#[utoipa::path(
    get,
    path = "/companies/{slug}",
    tag = "companies",
    params(("slug" = String, Path, description = "The company's slug.")),
    responses(
        (status = 200, description = "The company.", body = CompanyProfile),
        (status = 404, description = "No company has this slug.", body = ErrorResponse),
        (status = 500, description = "A failure on the server's side.", body = ErrorResponse),
    )
)]
pub async fn companies_show(
    State(state): State<AppState>,
    Slug(slug): Slug,
) -> Result<Json<CompanyProfile>, AppError> {
    Ok(Json(company_profile(&state.board, &slug).await?))
}

/// A company's open jobs, newest first.
#[utoipa::path(
    get,
    path = "/companies/{slug}/jobs",
    tag = "companies",
    params(
        ("slug" = String, Path, description = "The company's slug."),
        ("limit" = Option<u32>, Query, minimum = 1, maximum = 50,
            description = "How many jobs to return, 20 when absent."),
    ),
    responses(
        (status = 200, description = "The company's open jobs.", body = CompanyJobs),
        (status = 400, description = "A parameter is out of range or malformed.", body = ErrorResponse),
        (status = 404, description = "No company has this slug.", body = ErrorResponse),
        (status = 500, description = "A failure on the server's side.", body = ErrorResponse),
    )
)]
pub async fn companies_jobs(
    State(state): State<AppState>,
    Slug(slug): Slug,
    RawQuery(query): RawQuery,
) -> Result<Json<CompanyJobs>, AppError> {
    let params = ListParams::parse(query.as_deref())?;
    Ok(Json(company_jobs(&state.board, &slug, &params).await?))
}
