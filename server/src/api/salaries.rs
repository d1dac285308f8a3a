//! `/api/salaries/estimate` and `/api/currency-rates`.

use ascend_types::{CurrencyRates, ErrorResponse, SalaryEstimate, SalaryPeriod, Seniority};
use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::IntoResponse;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::domain::rates::currency_rates;
use crate::domain::salaries::{EstimateRequest, salary_estimate};
use crate::error::AppError;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(salaries_estimate))
        .routes(routes!(rates_show))
}

/// Percentiles of comparable postings' salaries for a job title: the same
/// seniority and region when enough postings share them, else wider.
#[utoipa::path(
    get,
    path = "/salaries/estimate",
    tag = "salaries",
    params(
        ("title" = String, Query, min_length = 1, max_length = 200, pattern = r"\S",
            description = "The job title to estimate for."),
        ("seniority" = Option<Seniority>, Query, description = "Compare postings of this seniority first."),
        ("location" = Option<String>, Query, max_length = 200,
            description = "Where the job is, in words; compares postings of its region first."),
        ("currency" = Option<String>, Query, pattern = "^[A-Za-z]{3}$",
            description = "ISO 4217 code of the answer, one of the published rates (`GET /api/currency-rates`); the most common among the postings when absent."),
        ("period" = Option<SalaryPeriod>, Query, description = "The period of the figures, `year` when absent."),
    ),
    responses(
        (status = 200, description = "The estimate, or `null` when too few postings compare.",
            body = Option<SalaryEstimate>),
        (status = 400, description = "A parameter is missing or malformed, or the currency is unknown.",
            body = ErrorResponse),
        (status = 500, description = "A failure on the server's side.", body = ErrorResponse),
    )
)]
pub async fn salaries_estimate(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Json<Option<SalaryEstimate>>, AppError> {
    let request = EstimateRequest::parse(query.as_deref())?;
    Ok(Json(salary_estimate(&state.board, &request).await?))
}

/// The exchange rates salary estimates convert with, against the US dollar.
#[utoipa::path(
    get,
    path = "/currency-rates",
    tag = "salaries",
    responses(
        (status = 200, description = "The rates; cacheable for a day.", body = CurrencyRates),
        (status = 500, description = "A failure on the server's side.", body = ErrorResponse),
    )
)]
pub async fn rates_show(State(state): State<AppState>) -> Result<impl IntoResponse, AppError> {
    let rates = currency_rates(&state.board).await?;
    // Rates change rarely; a day's caching spares a request per page.
    Ok((
        [(header::CACHE_CONTROL, "public, max-age=86400")],
        Json(rates),
    ))
}
