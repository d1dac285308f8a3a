//! One error type for every handler, rendered as the JSON body the whole API
//! shares: `{"error":{"code":"...","message":"...","field":"..."}}`. A
//! failure of ours keeps its cause, which goes to the log with its whole
//! chain and never to the client.

use ascend_types::{ErrorBody, ErrorResponse, FieldError};
use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::domain;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A query or path parameter that cannot be used as given.
    #[error("invalid parameter {field}: {message}")]
    InvalidParameter {
        field: &'static str,
        message: String,
    },
    /// Nothing at this address.
    #[error("not found: {0}")]
    NotFound(String),
    /// It was here, and is no longer.
    #[error("gone: {0}")]
    Gone(String),
    #[error("method not allowed")]
    MethodNotAllowed,
    /// The body is not JSON, or not valid JSON.
    #[error("bad body: {0}")]
    BadBody(String),
    /// The body is JSON of the wrong shape or with invalid values: each
    /// (field, message) says what is wrong.
    #[error("unprocessable: {0:?}")]
    Unprocessable(Vec<(String, String)>),
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("payload too large")]
    PayloadTooLarge,
    /// The body did not arrive in full within the body timeout (`serve`).
    #[error("request body timed out")]
    BodyTimeout,
    /// Too many writes from one client; retry after this many seconds.
    #[error("too many requests")]
    TooManyRequests(u64),
    /// The server is at its limit of requests in flight, or one took too
    /// long; retry after this many seconds.
    #[error("unavailable")]
    Unavailable(u64),
    /// A failure of ours. The details go to the log, never to the client.
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
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
            AppError::BodyTimeout => (
                StatusCode::REQUEST_TIMEOUT,
                "request_timeout",
                "The body did not arrive in time. Send it again, whole.".into(),
                None,
            ),
            AppError::TooManyRequests(seconds) => (
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_requests",
                format!("Too many requests. Try again in {seconds} seconds."),
                None,
            ),
            AppError::Unavailable(seconds) => (
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                format!("The server is busy. Try again in {seconds} seconds."),
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

    /// The status this error answers with.
    pub fn status(&self) -> StatusCode {
        self.parts().0
    }
}

/// `error: cause: cause's cause`, for the log.
pub fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

impl From<domain::Error> for AppError {
    fn from(error: domain::Error) -> Self {
        match error {
            domain::Error::Invalid { field, message } => {
                AppError::InvalidParameter { field, message }
            }
            domain::Error::Unprocessable(fields) => AppError::Unprocessable(fields),
            domain::Error::NotFound(message) => AppError::NotFound(message),
            domain::Error::Gone(message) => AppError::Gone(message),
            domain::Error::Database(database) => AppError::from(database),
            domain::Error::Busy(_) => AppError::Unavailable(1),
            other => AppError::Internal(Box::new(other)),
        }
    }
}

impl From<sqlx::Error> for AppError {
    /// A unique or check constraint that refuses a write (two sign-ups of one
    /// address racing, a slug taken meanwhile) is the request's problem,
    /// named by the column at fault; anything else is ours.
    fn from(error: sqlx::Error) -> Self {
        if let Some(database) = error.as_database_error()
            && (database.is_unique_violation() || database.is_check_violation())
        {
            let field = constraint_column(database.message()).unwrap_or("body");
            return AppError::Unprocessable(vec![(
                field.to_owned(),
                format!("That {field} cannot be stored: it is already taken or not allowed."),
            )]);
        }
        AppError::Internal(Box::new(error))
    }
}

/// `email` in SQLite's "UNIQUE constraint failed: subscriptions.email".
fn constraint_column(message: &str) -> Option<&str> {
    let (_, columns) = message.split_once("constraint failed: ")?;
    let first = columns.split(',').next()?.trim();
    Some(first.rsplit('.').next().unwrap_or(first))
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(cause) = &self {
            tracing::error!(cause = %chain(cause.as_ref()), "request failed");
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
        if let AppError::TooManyRequests(seconds) | AppError::Unavailable(seconds) = self {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, seconds.into());
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constraint_messages_name_their_column() {
        assert_eq!(
            constraint_column("UNIQUE constraint failed: subscriptions.email"),
            Some("email")
        );
        assert_eq!(
            constraint_column("UNIQUE constraint failed: jobs.company_id, jobs.slug"),
            Some("company_id")
        );
        assert_eq!(constraint_column("disk I/O error"), None);
    }

    #[tokio::test]
    async fn internal_errors_keep_their_cause_chain() {
        let error = AppError::from(domain::Error::Task {
            what: "building the index",
            source: tokio::spawn(async { panic!("boom") }).await.unwrap_err(),
        });
        let AppError::Internal(cause) = &error else {
            panic!("expected an internal error, got {error:?}");
        };
        let text = chain(cause.as_ref());
        assert!(text.starts_with("building the index: task "), "{text}");
        assert!(text.contains("panicked"), "{text}");
        assert_eq!(error.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }
}
