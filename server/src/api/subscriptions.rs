//! `POST /api/subscriptions`: newsletter sign-ups.

use ascend_types::{CreateSubscription, ErrorResponse, SubscriptionAccepted};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::json::ApiJson;
use super::limits::writes_per_minute;
use crate::domain::subscriptions::subscribe;
use crate::error::AppError;
use crate::state::AppState;

/// The sign-up route, with its own limit of writes per client.
pub fn router(state: &AppState) -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(subscriptions_create))
        .route_layer(writes_per_minute(
            state.write_limit,
            state.trusted_proxies.clone(),
        ))
}

/// Stores the address once. A repeated sign-up answers exactly like the
/// first, so the endpoint cannot tell anyone who is subscribed.
#[utoipa::path(
    post,
    path = "/subscriptions",
    tag = "subscriptions",
    request_body(content = CreateSubscription, content_type = "application/json",
        description = "The address and, optionally, topics (short words such as `engineering`)."),
    responses(
        (status = 201, description = "Subscribed (or already was: the answer is the same).",
            body = SubscriptionAccepted),
        (status = 400, description = "The body is not valid JSON.", body = ErrorResponse),
        (status = 413, description = "The body is larger than 16 KiB.", body = ErrorResponse),
        (status = 415, description = "The body is not sent as `application/json`.", body = ErrorResponse),
        (status = 422, description = "The address or a topic is invalid; `fields` lists each.",
            body = ErrorResponse),
        (status = 429, description = "Too many sign-ups from this client; see `Retry-After`.",
            body = ErrorResponse,
            headers(("Retry-After" = u64, description = "Seconds to wait before trying again."))),
        (status = 500, description = "A failure on the server's side.", body = ErrorResponse),
    )
)]
pub async fn subscriptions_create(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<CreateSubscription>,
) -> Result<(StatusCode, Json<SubscriptionAccepted>), AppError> {
    Ok((
        StatusCode::CREATED,
        Json(subscribe(&state.board, &body).await?),
    ))
}
