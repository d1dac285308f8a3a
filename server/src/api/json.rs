//! A JSON body extractor whose rejections are `AppError`s: the same error
//! shape as everything else, with the status that fits (400, 408 for a body
//! that did not arrive in time (see `crate::serve`), 413, 415, 422) and, for
//! a body of the wrong shape, the path of the field at fault as
//! `serde_path_to_error` finds it. No framework or parser message (line and
//! column, type names) reaches the client.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{StatusCode, header};
use serde::de::DeserializeOwned;

use crate::error::AppError;

pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        if !is_json(&request) {
            return Err(AppError::UnsupportedMediaType);
        }
        let body = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    AppError::PayloadTooLarge
                } else if crate::serve::is_body_timeout(&rejection) {
                    AppError::BodyTimeout
                } else {
                    AppError::BadBody("The body could not be read.".into())
                }
            })?;
        parse(&body).map(ApiJson)
    }
}

fn is_json(request: &Request) -> bool {
    request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|essence| essence.trim().to_ascii_lowercase())
        .is_some_and(|essence| {
            essence == "application/json"
                || (essence.starts_with("application/") && essence.ends_with("+json"))
        })
}

/// The body as `T`: 400 when it is not JSON at all, 422 naming the field
/// when it is JSON of the wrong shape.
pub fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, AppError> {
    // Whether it is one JSON value at all, before what the value holds.
    serde_json::from_slice::<serde::de::IgnoredAny>(body)
        .map_err(|_| AppError::BadBody("The body is not valid JSON.".into()))?;
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            return AppError::BadBody("The body is not valid JSON.".into());
        }
        let field = if path == "." || path.is_empty() {
            "body".to_owned()
        } else {
            path
        };
        AppError::Unprocessable(vec![(field.clone(), describe(&field, &inner))])
    })
}

/// What is wrong with `field`, in words of our own: serde's messages name
/// Rust types and positions, which mean nothing to a client.
fn describe(field: &str, error: &serde_json::Error) -> String {
    let text = error.to_string();
    if text.starts_with("missing field") {
        let missing = text
            .split('`')
            .nth(1)
            .unwrap_or(field)
            .trim_matches('`')
            .to_owned();
        return format!("{missing} is required.");
    }
    if text.starts_with("unknown variant") {
        return format!("{field} is not one of the values this field takes.");
    }
    if text.starts_with("invalid type") {
        return format!("{field} has the wrong type of value.");
    }
    format!("{field} is not valid here.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Body {
        email: String,
        #[serde(default)]
        topics: Vec<String>,
    }

    fn fields(error: AppError) -> Vec<(String, String)> {
        match error {
            AppError::Unprocessable(fields) => fields,
            other => panic!("expected 422, got {other:?}"),
        }
    }

    #[test]
    fn the_field_at_fault_is_named_by_its_path() {
        let error = parse::<Body>(br#"{"email": "a@b.org", "topics": ["x", 3]}"#).unwrap_err();
        assert_eq!(
            fields(error),
            [(
                "topics[1]".to_owned(),
                "topics[1] has the wrong type of value.".to_owned()
            )]
        );
        let error = parse::<Body>(br#"{"topics": []}"#).unwrap_err();
        assert_eq!(
            fields(error),
            [("body".to_owned(), "email is required.".to_owned())]
        );
    }

    #[test]
    fn broken_json_is_a_400_without_positions() {
        for body in [&b"{\"email\": "[..], b"not json", b"{} {}"] {
            match parse::<Body>(body) {
                Err(AppError::BadBody(message)) => {
                    assert!(!message.contains("line"), "{message}");
                    assert!(!message.contains("column"), "{message}");
                }
                other => panic!("{body:?}: expected 400, got {other:?}"),
            }
        }
    }
}
