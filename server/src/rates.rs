//! `GET /api/currency-rates`: the exchange rates salary estimates use,
//! published so that the visitor's device converts salaries the same way
//! when it computes a match score.

use ascend_types::{CurrencyRates, ErrorResponse};
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};

use crate::AppState;
use crate::error::AppError;

pub fn router() -> Router<AppState> {
    Router::new().route("/currency-rates", get(rates_show))
}

/// The exchange rates salary estimates convert with, against the US dollar.
#[utoipa::path(
    get,
    path = "/api/currency-rates",
    tag = "salaries",
    responses(
        (status = 200, description = "The rates; cacheable for a day.", body = CurrencyRates),
        (status = 500, description = "A failure on the server's side.", body = ErrorResponse),
    )
)]
pub(crate) async fn rates_show(
    State(state): State<AppState>,
) -> Result<impl IntoResponse, AppError> {
    let rows: Vec<(String, f64)> =
        sqlx::query_as("SELECT currency, units_per_usd FROM currency_rates ORDER BY currency")
            .fetch_all(&state.pool)
            .await?;
    let rates = CurrencyRates {
        base: "USD".into(),
        rates: rows.into_iter().collect(),
    };
    // Rates change rarely; a day's caching spares a request per page.
    Ok((
        [(header::CACHE_CONTROL, "public, max-age=86400")],
        Json(rates),
    ))
}
