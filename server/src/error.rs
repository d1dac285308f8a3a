//! One error type for every handler, rendered as the JSON body the whole API
//! shares: `{"error":{"code":"...","message":"...","field":"..."}}`.

use ascend_types::{ErrorBody, ErrorResponse};
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

    fn parts(&self) -> (StatusCode, &'static str, String, Option<&'static str>) {
        match self {
            AppError::InvalidParameter { field, message } => (
                StatusCode::BAD_REQUEST,
                "invalid_parameter",
                message.clone(),
                Some(field),
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
        let body = ErrorResponse {
            error: ErrorBody {
                code: code.into(),
                message,
                field: field.map(str::to_owned),
            },
        };
        (status, Json(body)).into_response()
    }
}
