//! Talking to Ascend's JSON API: one fetcher that aborts when its owner goes
//! away (the user navigated elsewhere) or when the server takes too long.

mod inline;

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use ascend_types::{CurrencyRates, ErrorResponse, JobDetail, JobList, SimilarJobs};
use leptos::prelude::{on_cleanup, set_timeout_with_handle};
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;

/// How long a request may take before the user is offered a retry.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// Why a request gave no data, in terms a page can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// 404: the thing does not exist.
    NotFound,
    /// 410: the thing existed and is closed.
    Gone,
    /// No answer within [`TIMEOUT`].
    Timeout,
    /// The request never got an answer (offline, server down).
    Network,
    /// The server answered with an error; its message is for people.
    Server { status: u16, message: String },
    /// The answer was not the JSON we expect.
    Decode,
}

impl FetchError {
    /// One sentence for the error view.
    pub fn describe(&self) -> String {
        match self {
            FetchError::NotFound => "We could not find that.".into(),
            FetchError::Gone => "That is no longer available.".into(),
            FetchError::Timeout => "The server took too long to answer.".into(),
            FetchError::Network => "We could not reach Ascend. Check your connection.".into(),
            FetchError::Server { message, .. } => message.clone(),
            FetchError::Decode => "The server sent something we could not read.".into(),
        }
    }

    /// Maps an error status and its JSON body (if any) to a `FetchError`.
    pub fn from_status(status: u16, body: Option<ErrorResponse>) -> Self {
        match status {
            404 => FetchError::NotFound,
            410 => FetchError::Gone,
            _ => FetchError::Server {
                status,
                message: body
                    .map(|b| b.error.message)
                    .unwrap_or_else(|| format!("The server answered with an error ({status}).")),
            },
        }
    }
}

/// GETs `path` from the API and decodes its JSON.
pub async fn fetch_json<T: DeserializeOwned>(path: &str) -> Result<T, FetchError> {
    let controller = web_sys::AbortController::new().map_err(|_| FetchError::Network)?;
    let signal = controller.signal();
    let controller = Rc::new(controller);

    // Abort when the owner is cleaned up, e.g. on navigation.
    let on_leave = SendWrapper::new(Rc::clone(&controller));
    on_cleanup(move || on_leave.abort());

    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let controller = Rc::clone(&controller);
        let timed_out = Rc::clone(&timed_out);
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            TIMEOUT,
        )
        .ok()
    };
    let result = send(path, &signal).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    match result {
        Err(_) if timed_out.get() => Err(FetchError::Timeout),
        other => other,
    }
}

async fn send<T: DeserializeOwned>(
    path: &str,
    signal: &web_sys::AbortSignal,
) -> Result<T, FetchError> {
    let response = gloo_net::http::Request::get(path)
        .header("Accept", "application/json")
        .abort_signal(Some(signal))
        .send()
        .await
        .map_err(|_| FetchError::Network)?;
    if !response.ok() {
        let body = response.json::<ErrorResponse>().await.ok();
        return Err(FetchError::from_status(response.status(), body));
    }
    response.json::<T>().await.map_err(|_| FetchError::Decode)
}

pub async fn jobs_newest() -> Result<JobList, FetchError> {
    fetch_json("/api/jobs").await
}

/// One job: on the first load of its page, from the JSON the server
/// inlined in the HTML (no second round trip); otherwise from the API.
pub async fn job(slug: &str) -> Result<JobDetail, FetchError> {
    if let Some(job) = inline::take_job(slug) {
        return Ok(job);
    }
    fetch_json(&format!("/api/jobs/{}", encode_path_segment(slug))).await
}

/// Up to `limit` (1 to 20) open jobs like the job `slug`, most similar first.
pub async fn similar(slug: &str, limit: u8) -> Result<SimilarJobs, FetchError> {
    fetch_json(&similar_path(slug, limit)).await
}

fn similar_path(slug: &str, limit: u8) -> String {
    format!(
        "/api/jobs/{}/similar?limit={limit}",
        encode_path_segment(slug)
    )
}

pub async fn currency_rates() -> Result<CurrencyRates, FetchError> {
    fetch_json("/api/currency-rates").await
}

/// What `GET /api/suggest` offers for a prefix. Only the lists the profile
/// fields use are read; a missing list is empty.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(default)]
pub struct Suggestions {
    pub titles: Vec<String>,
    pub skills: Vec<String>,
    pub locations: Vec<String>,
}

/// Suggestions for a prefix. Callers send only a short prefix of what the
/// visitor typed, so the server never learns a whole profile value.
pub async fn suggest(prefix: &str) -> Result<Suggestions, FetchError> {
    fetch_json(&format!("/api/suggest?q={}", encode_path_segment(prefix))).await
}

/// Percent-encodes everything but unreserved characters, so a slug taken
/// from the address bar cannot change which endpoint is called.
pub fn encode_path_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ascend_types::ErrorBody;

    #[test]
    fn path_segments_cannot_escape() {
        assert_eq!(
            encode_path_segment("backend-engineer-1"),
            "backend-engineer-1"
        );
        assert_eq!(encode_path_segment("../health"), "..%2Fhealth");
        assert_eq!(encode_path_segment("a b?c#d"), "a%20b%3Fc%23d");
        assert_eq!(encode_path_segment("é"), "%C3%A9");
    }

    #[test]
    fn similar_jobs_path_encodes_the_slug() {
        assert_eq!(
            similar_path("backend-engineer-cadence", 12),
            "/api/jobs/backend-engineer-cadence/similar?limit=12"
        );
        assert_eq!(
            similar_path("a/b?c", 3),
            "/api/jobs/a%2Fb%3Fc/similar?limit=3"
        );
    }

    #[test]
    fn statuses_map_to_errors_pages_can_act_on() {
        assert_eq!(FetchError::from_status(404, None), FetchError::NotFound);
        assert_eq!(FetchError::from_status(410, None), FetchError::Gone);
        let body = ErrorResponse {
            error: ErrorBody {
                code: "internal".into(),
                message: "Try again.".into(),
                field: None,
                fields: vec![],
            },
        };
        assert_eq!(
            FetchError::from_status(500, Some(body)).describe(),
            "Try again."
        );
        assert_eq!(
            FetchError::from_status(502, None).describe(),
            "The server answered with an error (502)."
        );
    }
}
