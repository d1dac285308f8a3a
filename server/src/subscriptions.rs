//! `POST /api/subscriptions`: newsletter sign-ups.

use ascend_types::{CreateSubscription, ErrorResponse, SubscriptionAccepted};
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};

use crate::AppState;
use crate::error::AppError;
use crate::json::ApiJson;

pub const MAX_TOPICS: usize = 10;

pub fn router() -> Router<AppState> {
    Router::new().route("/subscriptions", post(subscriptions_create))
}

/// The address check is shared with the app, so both say the same thing.
pub use ascend_types::email::normalize_email;

fn validate(body: &CreateSubscription) -> Result<(String, Vec<String>), AppError> {
    let mut problems = Vec::new();
    let email = normalize_email(&body.email)
        .map_err(|message| problems.push(("email".to_owned(), message)));
    let mut topics: Vec<String> = body
        .topics
        .iter()
        .map(|t| t.trim().to_lowercase())
        .collect();
    topics.sort();
    topics.dedup();
    if topics.len() > MAX_TOPICS {
        problems.push((
            "topics".into(),
            format!("Choose at most {MAX_TOPICS} topics."),
        ));
    }
    if topics.iter().any(|t| {
        t.is_empty() || t.len() > 40 || !t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    }) {
        problems.push((
            "topics".into(),
            "Each topic is a short word such as \"engineering\" or \"remote\".".into(),
        ));
    }
    match email {
        Ok(email) if problems.is_empty() => Ok((email, topics)),
        _ => Err(AppError::Unprocessable(problems)),
    }
}

/// Stores the address once. A repeated sign-up answers exactly like the
/// first, so the endpoint cannot tell anyone who is subscribed.
#[utoipa::path(
    post,
    path = "/api/subscriptions",
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
        (status = 429, description = "Too many sign-ups from this address; see `Retry-After`.",
            body = ErrorResponse,
            headers(("Retry-After" = u64, description = "Seconds to wait before trying again."))),
        (status = 500, description = "A failure on the server's side.", body = ErrorResponse),
    )
)]
pub(crate) async fn subscriptions_create(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<CreateSubscription>,
) -> Result<(StatusCode, Json<SubscriptionAccepted>), AppError> {
    let (email, topics) = validate(&body)?;
    sqlx::query(
        "INSERT INTO subscriptions (email, topics, created_on) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING",
    )
    .bind(&email)
    .bind(serde_json::to_string(&topics).unwrap_or_else(|_| "[]".into()))
    .bind(state.today())
    .execute(&state.pool)
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(SubscriptionAccepted { email, topics }),
    ))
}
