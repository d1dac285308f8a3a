//! Talking to Ascend's JSON API: one fetcher that aborts when its owner goes
//! away (the user navigated elsewhere) or when the server takes too long.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use ascend_types::{
    CompanyProfile, CreateSubscription, CurrencyRates, ErrorResponse, FieldError, JobDetail,
    JobSearch, JobSummary, SimilarJobs, SubscriptionAccepted, Suggestions,
};
use leptos::prelude::{on_cleanup, set_timeout_with_handle};
use send_wrapper::SendWrapper;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::page_data::CompanyPageData;

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
    /// 422: the request had fields the server would not take; each names
    /// its field and says why, for people.
    Invalid { fields: Vec<FieldError> },
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
            FetchError::Invalid { fields } => fields
                .iter()
                .map(|f| f.message.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            FetchError::Server { message, .. } => message.clone(),
            FetchError::Decode => "The server sent something we could not read.".into(),
        }
    }

    /// Maps an error status and its JSON body (if any) to a `FetchError`.
    pub fn from_status(status: u16, body: Option<ErrorResponse>) -> Self {
        match (status, body) {
            (404, _) => FetchError::NotFound,
            (410, _) => FetchError::Gone,
            (422, Some(body)) if !body.error.fields.is_empty() => FetchError::Invalid {
                fields: body.error.fields,
            },
            (status, body) => FetchError::Server {
                status,
                message: body
                    .map(|b| b.error.message)
                    .unwrap_or_else(|| format!("The server answered with an error ({status}).")),
            },
        }
    }

    /// The server's message for one request field, when it named that field.
    pub fn field_message(&self, field: &str) -> Option<String> {
        match self {
            FetchError::Invalid { fields } => fields
                .iter()
                .find(|f| f.field == field)
                .map(|f| f.message.clone()),
            _ => None,
        }
    }
}

/// GETs `path` from the API and decodes its JSON.
pub async fn fetch_json<T: DeserializeOwned>(path: &str) -> Result<T, FetchError> {
    guarded(|signal| async move {
        let request = gloo_net::http::Request::get(path)
            .header("Accept", "application/json")
            .abort_signal(Some(&signal))
            .build()
            .map_err(|_| FetchError::Network)?;
        send(request).await
    })
    .await
}

/// POSTs `body` as JSON to `path` and decodes the JSON answer. Aborts and
/// times out as [`fetch_json`] does.
pub async fn post_json<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, FetchError> {
    guarded(|signal| async move {
        let request = gloo_net::http::Request::post(path)
            .header("Accept", "application/json")
            .abort_signal(Some(&signal))
            .json(body)
            .map_err(|_| FetchError::Decode)?;
        send(request).await
    })
    .await
}

/// Runs one request with an abort signal that fires when the owner is
/// cleaned up (the user navigated away) or after [`TIMEOUT`].
async fn guarded<T, F, Fut>(request: F) -> Result<T, FetchError>
where
    F: FnOnce(web_sys::AbortSignal) -> Fut,
    Fut: Future<Output = Result<T, FetchError>>,
{
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
    let result = request(signal).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    match result {
        Err(_) if timed_out.get() => Err(FetchError::Timeout),
        other => other,
    }
}

async fn send<T: DeserializeOwned>(request: gloo_net::http::Request) -> Result<T, FetchError> {
    let response = request.send().await.map_err(|_| FetchError::Network)?;
    if !response.ok() {
        let body = response.json::<ErrorResponse>().await.ok();
        return Err(FetchError::from_status(response.status(), body));
    }
    response.json::<T>().await.map_err(|_| FetchError::Decode)
}

/// The first page of open jobs, newest first (a search without words).
pub async fn jobs_newest() -> Result<JobSearch, FetchError> {
    fetch_json("/api/jobs").await
}

/// How many of the newest jobs "For you" ranks: two of the API's largest
/// pages. Ranking happens on the device, so the request is the same for
/// every visitor and says nothing about them.
pub const RANKED_POOL: usize = 100;

/// The newest [`RANKED_POOL`] open jobs, for ranking on the device.
pub async fn jobs_to_rank() -> Result<Vec<JobSummary>, FetchError> {
    let mut jobs = Vec::with_capacity(RANKED_POOL);
    let mut path = "/api/jobs?limit=50".to_owned();
    loop {
        let page: JobSearch = fetch_json(&path).await?;
        jobs.extend(page.jobs);
        match page.next_cursor {
            Some(cursor) if jobs.len() < RANKED_POOL => {
                path = format!("/api/jobs?limit=50&cursor={}", encode_path_segment(&cursor));
            }
            _ => break,
        }
    }
    jobs.truncate(RANKED_POOL);
    Ok(jobs)
}

/// One job (the page the server drew uses the job it drew with instead).
pub async fn job(slug: &str) -> Result<JobDetail, FetchError> {
    fetch_json(&format!("/api/jobs/{}", encode_path_segment(slug))).await
}

/// Resolves once the browser has painted what is on screen now: at the
/// animation frame after the next one, which comes only once the next frame
/// is out. A request for what sits below the fold waits for it, so it
/// neither competes with nor delays the paint of the content above.
pub async fn after_next_paint() {
    let painted = js_sys::Promise::new(&mut |resolve, _reject| {
        leptos::prelude::request_animation_frame(move || {
            leptos::prelude::request_animation_frame(move || {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            });
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(painted).await;
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

pub async fn company(slug: &str) -> Result<CompanyProfile, FetchError> {
    fetch_json(&format!("/api/companies/{}", encode_path_segment(slug))).await
}

/// A company's page: its profile and its newest open jobs, asked for together.
pub async fn company_page(slug: &str) -> Result<CompanyPageData, FetchError> {
    let (profile, jobs) = futures_util::future::join(
        company(slug),
        fetch_json::<JobSearch>(&company_jobs_path(slug, None)),
    )
    .await;
    Ok(CompanyPageData {
        profile: profile?,
        jobs: jobs?,
    })
}

/// The next page of a company's open jobs, after `cursor`.
pub async fn company_jobs_after(slug: &str, cursor: &str) -> Result<JobSearch, FetchError> {
    fetch_json(&company_jobs_path(slug, Some(cursor))).await
}

/// A company's open jobs, newest first, a page at a time: the search API
/// with the company as its filter (the server draws the first page alike).
pub fn company_jobs_path(slug: &str, cursor: Option<&str>) -> String {
    let mut path = format!("/api/jobs?{}", ascend_types::company_jobs_query(slug));
    if let Some(cursor) = cursor {
        path.push_str("&cursor=");
        path.push_str(&encode_path_segment(cursor));
    }
    path
}

pub async fn subscribe(request: &CreateSubscription) -> Result<SubscriptionAccepted, FetchError> {
    post_json("/api/subscriptions", request).await
}

pub async fn currency_rates() -> Result<CurrencyRates, FetchError> {
    fetch_json("/api/currency-rates").await
}

/// Suggestions for a prefix. Callers send only a short prefix of what the
/// visitor typed, so the server never learns a whole profile value.
pub async fn suggest(prefix: &str) -> Result<Suggestions, FetchError> {
    fetch_json(&format!("/api/suggest?q={}", encode_path_segment(prefix))).await
}

/// Percent-encodes a path segment, so a slug taken from the address bar
/// cannot change which endpoint is called: the browser's own
/// `encodeURIComponent` in the wasm, which costs it nothing; the same rule
/// natively (tests), with the `percent-encoding` crate.
#[cfg(target_arch = "wasm32")]
pub fn encode_path_segment(segment: &str) -> String {
    js_sys::encode_uri_component(segment).into()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn encode_path_segment(segment: &str) -> String {
    use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
    /// What `encodeURIComponent` leaves as it is.
    const KEPT: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'!')
        .remove(b'~')
        .remove(b'*')
        .remove(b'\'')
        .remove(b'(')
        .remove(b')');
    utf8_percent_encode(segment, KEPT).to_string()
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

    #[test]
    fn a_422_keeps_each_fields_message() {
        let body = ErrorResponse {
            error: ErrorBody {
                code: "validation_failed".into(),
                message: "Enter your email address. Choose at most 10 topics.".into(),
                field: Some("email".into()),
                fields: vec![
                    FieldError {
                        field: "email".into(),
                        message: "Enter your email address.".into(),
                    },
                    FieldError {
                        field: "topics".into(),
                        message: "Choose at most 10 topics.".into(),
                    },
                ],
            },
        };
        let error = FetchError::from_status(422, Some(body));
        assert_eq!(
            error.field_message("email").as_deref(),
            Some("Enter your email address.")
        );
        assert_eq!(
            error.field_message("topics").as_deref(),
            Some("Choose at most 10 topics.")
        );
        assert_eq!(error.field_message("name"), None);
        assert_eq!(
            error.describe(),
            "Enter your email address. Choose at most 10 topics."
        );
        // A 422 without per-field messages is an ordinary server error.
        assert!(matches!(
            FetchError::from_status(422, None),
            FetchError::Server { status: 422, .. }
        ));
    }
}
