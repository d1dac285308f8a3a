//! A JSON body extractor whose rejections are `AppError`s: the same error
//! shape as everything else, with the status that fits (400, 413, 415, 422).

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
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
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(match rejection {
                JsonRejection::MissingJsonContentType(_) => AppError::UnsupportedMediaType,
                JsonRejection::JsonSyntaxError(_) => {
                    AppError::BadBody("The body is not valid JSON.".into())
                }
                JsonRejection::JsonDataError(error) => {
                    // serde names the path at fault ("email: invalid type ...").
                    let detail = error.body_text();
                    let detail = detail.trim_start_matches(
                        "Failed to deserialize the JSON body into the target type: ",
                    );
                    let field = detail
                        .split(':')
                        .next()
                        .filter(|f| !f.contains(' '))
                        .unwrap_or("body");
                    AppError::Unprocessable(vec![(
                        field.to_owned(),
                        format!("The body does not fit: {detail}."),
                    )])
                }
                JsonRejection::BytesRejection(error)
                    if error.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE =>
                {
                    AppError::PayloadTooLarge
                }
                other => AppError::BadBody(other.body_text()),
            }),
        }
    }
}
