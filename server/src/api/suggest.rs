//! `GET /api/suggest?q=`: typeahead.

use ascend_types::{ErrorResponse, Suggestions};
use axum::Json;
use axum::extract::{RawQuery, State};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::domain::suggest::{parse_query, suggestions};
use crate::error::AppError;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(suggest_list))
}

/// Titles, skills, companies and places with a word starting with what was
/// typed, ignoring case and accents, most common first.
#[utoipa::path(
    get,
    path = "/suggest",
    tag = "jobs",
    params(
        ("q" = String, Query, min_length = 1, max_length = 100, pattern = r"\S",
            description = "The text typed so far."),
    ),
    responses(
        (status = 200, description = "Up to five suggestions of each kind.", body = Suggestions),
        (status = 400, description = "`q` is missing, blank or too long.", body = ErrorResponse),
        (status = 500, description = "A failure on the server's side.", body = ErrorResponse),
    )
)]
pub async fn suggest_list(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Json<Suggestions>, AppError> {
    let q = parse_query(query.as_deref())?;
    Ok(Json(suggestions(&state.board, &q).await?))
}
