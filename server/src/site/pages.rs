//! The site's pages. Every address the app knows is rendered here with the
//! app's own components (`super::render`) and hydrated in the browser: the
//! first paint is the page, and readers and crawlers without JavaScript get
//! it whole. `/jobs/{slug}` is the job page's own entry point
//! (`job/index.html`, with only the job page in its wasm); every other page
//! is the whole app's (`index.html`). What is not a page (a missing
//! `/app.js`) is a plain 404, not HTML in place of a script.
//!
//! The status says what the page shows: 404 for an address the app does
//! not know or a job or company that does not exist, 410 for a closed job.

use std::path::Path;
use std::sync::Arc;

use ascend::page_data::{CompanyPageData, Found, PageData};
use axum::Router;
use axum::body::Body;
use axum::extract::{RawQuery, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use leptos::prelude::*;
use tower_http::compression::CompressionLayer;

use super::files::{NO_CACHE, files_or, has_extension, set_cache_control};
use super::headers::page_policy;
use super::origin::request_origin;
use super::render::{data_json, render};
use super::shell::{Shell, ShellFile};
use super::widget;
use crate::domain::companies::company_profile;
use crate::domain::jobs::job_detail;
use crate::domain::search::{SearchParams, search};
use crate::domain::{self, Board};
use crate::state::AppState;

/// Routes for everything outside `/api`.
pub fn router(state: AppState, dist: &Path) -> Router {
    // Beside the layers below: a kept logo has its own caching.
    let logos = crate::logos::router(state.clone());
    let pages = PageState {
        app: state,
        shell: Arc::new(ShellFile::new(dist.join("index.html"))),
        job_shell: Arc::new(ShellFile::new(dist.join("job/index.html"))),
        widget: Arc::new(widget::WidgetShell::new(dist.join("widget/index.html"))),
    };
    let app_pages = get(app_page).with_state(pages.clone());
    let files = files_or(dist, app_pages);
    let rendered = Router::new()
        .route("/", get(|| async { Redirect::permanent("/jobs") }))
        .route("/jobs/{slug}", get(job_page))
        .route(ascend_types::wire::WIDGET_PREFIX, get(widget_page))
        .with_state(pages);
    Router::new()
        .merge(rendered)
        .fallback_service(files)
        // Built per request, so compressed per request; files are
        // precompressed.
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn(set_cache_control))
        .merge(logos)
}

#[derive(Clone)]
pub struct PageState {
    pub app: AppState,
    /// The whole app's entry point (`index.html`).
    shell: Arc<ShellFile>,
    /// The job page's own entry point (`job.html`, built into `job/`): a
    /// first visit to a job loads only what the job page needs.
    job_shell: Arc<ShellFile>,
    /// The embeddable widget's page (`embed.html`, built into `widget/`).
    pub widget: Arc<widget::WidgetShell>,
}

impl PageState {
    /// The origin canonical URLs use: the configured one, else (on
    /// loopback only, see `config`) the request's.
    fn origin(&self, headers: &HeaderMap) -> Option<String> {
        self.app
            .public_url
            .clone()
            .or_else(|| request_origin(headers))
    }

    fn data(&self, headers: &HeaderMap, path: &str) -> PageData {
        PageData {
            today: self.app.board.today_days(),
            origin: self.origin(headers),
            path: path.to_owned(),
            ..PageData::default()
        }
    }
}

/// `GET /jobs/{slug}`: the job, its closed notice (410) or the not-found
/// page (404), drawn by the job page's own entry point. A slug that is not
/// UTF-8 names no job.
async fn job_page(State(pages): State<PageState>, request: Request) -> Response {
    let shell = match pages.job_shell.get().await {
        Ok(shell) => shell,
        Err(response) => return response,
    };
    let path = request.uri().path().to_owned();
    let slug = ascend::job_app::slug_of(&path);
    let mut data = pages.data(request.headers(), &path);
    let found = if slug.is_empty() {
        Found::NotFound
    } else {
        match lookup(job_detail(&pages.app.board, &slug).await) {
            Ok(found) => found,
            Err(error) => return error.into_response(),
        }
    };
    let status = status_of(&found);
    let job = match &found {
        Found::Found(job) => Ok(job.clone()),
        Found::NotFound => Err(ascend::pages::NOT_FOUND_TITLE),
        Found::Gone => Err(ascend::pages::CLOSED_TITLE),
    };
    data.job = Some((slug, found));
    let head_data = data.clone();
    let rendered = match render(
        path.clone(),
        {
            let data = data.clone();
            move || view! { <ascend::job_app::JobApp data /> }
        },
        move || {
            ascend::page_data::provide_page_data(head_data);
            let page = match job {
                Ok(job) => view! { <ascend::components::JobMeta job /> }.into_any(),
                Err(title) => view! { <ascend::components::NoticeHead title /> }.into_any(),
            };
            view! { <ascend::SiteTitle /> {page} }
        },
    )
    .await
    {
        Ok(rendered) => rendered,
        Err(error) => return error.into_response(),
    };
    data.incomplete = rendered.incomplete;
    html_response(
        status,
        &shell,
        shell.document(&rendered.head, &rendered.body, &data_json(&data)),
    )
}

/// Every other page the app draws: the app at this address, with the data
/// its page shows first.
async fn app_page(State(pages): State<PageState>, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    if has_extension(&path) {
        return (StatusCode::NOT_FOUND, "Not found").into_response();
    }
    let shell = match pages.shell.get().await {
        Ok(shell) => shell,
        Err(response) => return response,
    };
    let url = match request.uri().query() {
        Some(query) => format!("{path}?{query}"),
        None => path.clone(),
    };
    let mut data = pages.data(request.headers(), &path);
    let mut status = if ascend::routes::is_known(&path) {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    if let Some(slug) = ascend::routes::company_slug(&path) {
        let found = match lookup(company_page(&pages.app.board, &slug).await) {
            Ok(found) => found,
            Err(error) => return error.into_response(),
        };
        status = status_of(&found);
        data.company = Some((slug, found));
    } else if path == "/jobs" {
        // The newest jobs, as the list asks for them; without them the
        // list loads them itself.
        if let Ok(params) = SearchParams::parse(None) {
            data.jobs = search(&pages.app.board, &params).await.ok();
        }
    }
    let rendered = match render(
        url,
        {
            let data = data.clone();
            move || view! { <ascend::App data /> }
        },
        || (),
    )
    .await
    {
        Ok(rendered) => rendered,
        Err(error) => return error.into_response(),
    };
    data.incomplete = rendered.incomplete;
    html_response(
        status,
        &shell,
        shell.document(&rendered.head, &rendered.body, &data_json(&data)),
    )
}

/// `GET /widget/`: the widget's page, with the jobs it shows as plain links
/// in its `<noscript>`, so crawlers and readers without JavaScript see them;
/// the widget's own wasm draws the cards.
async fn widget_page(State(pages): State<PageState>, RawQuery(query): RawQuery) -> Response {
    let shell = match pages.widget.get().await {
        Ok(shell) => shell,
        Err(response) => return response,
    };
    let page = widget::noscript_links(&pages.app.board, query.as_deref())
        .await
        .and_then(|links| widget::with_noscript(&shell.html, &links));
    html_response(
        StatusCode::OK,
        &shell.tags,
        page.unwrap_or_else(|| shell.html.clone()),
    )
}

/// A company's page: its profile and newest open jobs, as the app asks for
/// them (`ascend_types::company_jobs_query`).
async fn company_page(board: &Board, slug: &str) -> domain::Result<CompanyPageData> {
    let profile = company_profile(board, slug).await?;
    let params = SearchParams::parse(Some(&ascend_types::company_jobs_query(&profile.slug)))?;
    let jobs = search(board, &params).await?;
    Ok(CompanyPageData { profile, jobs })
}

/// What a lookup found, or the answer for a failure of ours: the page is
/// then the app's, which asks the API itself and offers a retry.
fn lookup<T>(result: domain::Result<T>) -> Result<Found<T>, crate::error::AppError> {
    match result {
        Ok(value) => Ok(Found::Found(value)),
        Err(domain::Error::NotFound(_)) => Ok(Found::NotFound),
        Err(domain::Error::Gone(_)) => Ok(Found::Gone),
        Err(error) => {
            tracing::error!(error = %crate::error::chain(&error), "could not render a page");
            Err(crate::error::AppError::from(error))
        }
    }
}

fn status_of<T>(found: &Found<T>) -> StatusCode {
    match found {
        Found::Found(_) => StatusCode::OK,
        Found::NotFound => StatusCode::NOT_FOUND,
        Found::Gone => StatusCode::GONE,
    }
}

/// A page, with the policy that lets its inline scripts (and only them) run.
pub fn html_response(status: StatusCode, shell: &Shell, html: impl Into<Body>) -> Response {
    let policy = page_policy(&shell.script_hashes);
    let mut response = (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, NO_CACHE),
        ],
        html.into(),
    )
        .into_response();
    if let Ok(policy) = HeaderValue::from_str(&policy) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    response
}
