//! The JSON API under `/api`, one module per resource, each owning its
//! routes and their OpenAPI entries (`utoipa-axum`: a route and its
//! document are declared once). Handlers read the request, ask the board
//! (`crate::domain`) and write the answer; the rest is the domain's.

pub mod companies;
pub mod health;
pub mod jobs;
pub mod json;
pub mod limits;
pub mod openapi;
pub mod salaries;
pub mod subscriptions;
pub mod suggest;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::http::{Uri, header};
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::OpenApiRouter;

use crate::error::AppError;
use crate::state::AppState;

/// Request bodies larger than this get 413.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// Every API route, under `/api` (the caller nests it), with its document.
pub fn router(state: &AppState) -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(jobs::router())
        .merge(companies::router())
        .merge(salaries::router())
        .merge(suggest::router())
        .merge(subscriptions::router(state))
        .fallback(api_not_found)
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(tower_http::compression::CompressionLayer::new())
}

/// Kept JSON bytes as a response.
pub fn json_response(body: Bytes) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

pub async fn api_not_found(uri: Uri) -> AppError {
    AppError::NotFound(format!("There is no API endpoint at {}.", uri.path()))
}

/// The `{slug}` of a path: a path that does not decode (not UTF-8, say)
/// names nothing, and answers 404 in the API's error shape.
pub struct Slug(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Slug {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        match Path::<String>::from_request_parts(parts, state).await {
            Ok(Path(slug)) => Ok(Slug(slug)),
            Err(PathRejection::FailedToDeserializePathParams(_)) => {
                Err(AppError::NotFound(format!(
                    "Nothing is at {}: its address does not decode.",
                    parts.uri.path()
                )))
            }
            Err(other) => Err(AppError::Internal(Box::new(other))),
        }
    }
}
