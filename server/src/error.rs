//! One error type for every handler, rendered as the JSON body the whole API
//! shares: `{"error":{"code":"...","message":"...","field":"..."}}`.

use ascend_types::{ErrorBody, ErrorResponse, FieldError};
use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

#[derive(Debug)]
pub enum AppError {
    /// A query or path parameter that cannot be used as given.
    InvalidParameter {
        field: &'static str,
        message: String,
    },
    /// Nothing at this address.
    NotFound(String),
    /// It was here, and is no longer.
    Gone(String),
    MethodNotAllowed,
    /// The body is not JSON, or not valid JSON.
    BadBody(String),
    /// The body is JSON of the wrong shape or with invalid values: each
    /// (field, message) says what is wrong.
    Unprocessable(Vec<(String, String)>),
    UnsupportedMediaType,
    PayloadTooLarge,
    /// Too many writes from one client; retry after this many seconds.
    TooManyRequests(u64),
    /// A failure of ours. The details go to the log, never to the client.
    Internal(String),
}

impl AppError {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        AppError::InvalidParameter {
            field,
            message: message.into(),
        }
    }

    fn parts(&self) -> (StatusCode, &'static str, String, Option<String>) {
        match self {
            AppError::InvalidParameter { field, message } => (
                StatusCode::BAD_REQUEST,
                "invalid_parameter",
                message.clone(),
                Some((*field).to_owned()),
            ),
            AppError::BadBody(message) => (
                StatusCode::BAD_REQUEST,
                "invalid_body",
                message.clone(),
                None,
            ),
            AppError::Unprocessable(fields) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation_failed",
                fields
                    .iter()
                    .map(|(_, message)| message.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                fields.first().map(|(field, _)| field.clone()),
            ),
            AppError::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Send the body as JSON, with Content-Type: application/json.".into(),
                None,
            ),
            AppError::PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                "The body is larger than this endpoint accepts.".into(),
                None,
            ),
            AppError::TooManyRequests(seconds) => (
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_requests",
                format!("Too many requests. Try again in {seconds} seconds."),
                None,
            ),
            AppError::NotFound(message) => {
                (StatusCode::NOT_FOUND, "not_found", message.clone(), None)
            }
            AppError::Gone(message) => (StatusCode::GONE, "gone", message.clone(), None),
            AppError::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "This address does not accept that method.".into(),
                None,
            ),
            AppError::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "Something went wrong on our side. Please try again.".into(),
                None,
            ),
        }
    }
}

impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        AppError::Internal(error.to_string())
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(detail) = &self {
            tracing::error!(%detail, "request failed");
        }
        let (status, code, message, field) = self.parts();
        let fields = match &self {
            AppError::Unprocessable(fields) => fields
                .iter()
                .map(|(field, message)| FieldError {
                    field: field.clone(),
                    message: message.clone(),
                })
                .collect(),
            _ => Vec::new(),
        };
        let body = ErrorResponse {
            error: ErrorBody {
                code: code.into(),
                message,
                field,
                fields,
            },
        };
        let mut response = (status, Json(body)).into_response();
        if let AppError::TooManyRequests(seconds) = self {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, seconds.into());
        }
        response
    }
}
