//! Ascend's JSON API and the server of its built front end.

use std::net::SocketAddr;
use std::path::PathBuf;

use ascend_types::date::{format_iso_date, today_utc};
use ascend_types::{ErrorResponse, Health};
use axum::extract::State;
use axum::http::Uri;
use axum::routing::{any, get};
use axum::{Json, Router};
use sqlx::SqlitePool;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

pub mod cache;
pub mod companies;
pub mod db;
pub mod demo;
pub mod embed;
pub mod error;
pub mod first_paint;
pub mod generate;
pub mod import;
pub mod jobs;
pub mod json;
pub mod model;
pub mod openapi;
pub mod params;
pub mod rate_limit;
pub mod rates;
pub mod salaries;
pub mod salary;
pub mod sanitize;
pub mod search;
pub mod similar;
pub mod store;
pub mod subscriptions;
pub mod suggest;
pub mod web;

use error::AppError;

/// Settings, each from a flag or its environment variable.
#[derive(Debug, Clone, clap::Parser)]
#[command(
    name = "ascend-server",
    version,
    about = "Ascend's JSON API and front-end server"
)]
pub struct Config {
    /// Address to listen on; port 0 picks a free one.
    #[arg(long, env = "ASCEND_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Database URL; a SQLite file is created and migrated when missing.
    #[arg(
        long,
        env = "ASCEND_DATABASE_URL",
        default_value = "sqlite://data/ascend.db"
    )]
    pub database_url: String,
    /// Folder of the built front end (trunk's output).
    #[arg(long, env = "ASCEND_DIST", default_value = "dist")]
    pub dist: PathBuf,
    /// Fill an empty database with demo data on start.
    #[arg(long, env = "ASCEND_DEMO_DATA", default_value_t = true, action = clap::ArgAction::Set)]
    pub demo_data: bool,
    /// How many generated companies the demo data has besides the hand-written ones.
    #[arg(long, env = "ASCEND_DEMO_COMPANIES", default_value_t = 200)]
    pub demo_companies: usize,
    /// How many generated jobs the demo data has besides the hand-written ones.
    #[arg(long, env = "ASCEND_DEMO_JOBS", default_value_t = 5_000)]
    pub demo_jobs: usize,
    /// Requests that change data (POST, ...) one IP address may send per minute.
    #[arg(long, env = "ASCEND_WRITE_LIMIT", default_value_t = 20)]
    pub write_limit: u32,
    /// The site's public origin (`https://ascend.example`) for canonical
    /// URLs; without it they come from the request's Host header.
    #[arg(long, env = "ASCEND_PUBLIC_URL", value_parser = web::parse_public_url)]
    pub public_url: Option<String>,
}

#[derive(Clone)]
pub struct AppState {
    pub pool: SqlitePool,
    /// A fixed "today" (days since 1970-01-01) for tests; `None` reads the clock.
    pub fixed_today: Option<i64>,
    /// Writes one IP address may send per minute.
    pub write_limit: u32,
    /// The site's public origin, checked by [`web::parse_public_url`].
    pub public_url: Option<String>,
    /// The similar-jobs index, shared by every request.
    pub similar: std::sync::Arc<similar::IndexCache>,
    /// What search and suggestions know of the open jobs, shared likewise.
    pub search: std::sync::Arc<search::snapshot::SnapshotCache>,
    /// The data version, read at most once per interval.
    pub versions: std::sync::Arc<cache::DataVersion>,
    /// Job pages and similar-jobs lists for the current data version.
    pub responses: std::sync::Arc<cache::ResponseCache>,
}

impl AppState {
    pub fn new(pool: SqlitePool) -> Self {
        AppState {
            pool,
            fixed_today: None,
            write_limit: 20,
            public_url: None,
            similar: Default::default(),
            search: Default::default(),
            // Every request sees writes at once; the server sets an interval.
            versions: std::sync::Arc::new(cache::DataVersion::new(std::time::Duration::ZERO)),
            responses: Default::default(),
        }
    }

    pub fn today_days(&self) -> i64 {
        self.fixed_today.unwrap_or_else(today_utc)
    }

    /// Today as `YYYY-MM-DD` (UTC).
    pub fn today(&self) -> String {
        format_iso_date(self.today_days())
    }
}

/// Request bodies larger than this get 413.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// The JSON API, mounted under `/api`.
pub fn api(state: AppState) -> Router {
    let limit = rate_limit::WriteLimit::new(state.write_limit, std::time::Duration::from_secs(60));
    Router::new()
        .route("/health", get(health_show))
        .route("/openapi.json", get(openapi::openapi_show))
        .merge(search::router())
        .merge(suggest::router())
        .merge(jobs::router())
        .merge(similar::router())
        .merge(companies::router())
        .merge(salaries::router())
        .merge(rates::router())
        .merge(subscriptions::router())
        .fallback(api_not_found)
        .method_not_allowed_fallback(|| async { AppError::MethodNotAllowed })
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn_with_state(
            limit,
            rate_limit::limit_writes,
        ))
        .layer(CompressionLayer::new())
        .with_state(state)
}

/// The whole application: the API and the front end beside it.
pub fn app(state: AppState, dist: &std::path::Path) -> Router {
    Router::new()
        .nest("/api", api(state.clone()))
        // `nest` leaves the bare prefix with a slash to the front end.
        .route("/api/", any(api_not_found))
        .merge(web::router(state, dist))
        .layer(axum::middleware::from_fn(embed::frame_headers))
        .layer(TraceLayer::new_for_http())
}

/// Whether the server and its database answer, with the number of open jobs.
#[utoipa::path(
    get,
    path = "/api/health",
    tag = "meta",
    responses(
        (status = 200, description = "The server is up.", body = Health),
        (status = 500, description = "The database did not answer.", body = ErrorResponse),
    )
)]
async fn health_show(State(state): State<AppState>) -> Result<Json<Health>, AppError> {
    let open_jobs: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM jobs WHERE valid_through IS NULL OR valid_through >= $1",
    )
    .bind(state.today())
    .fetch_one(&state.pool)
    .await?;
    Ok(Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        open_jobs,
    }))
}

async fn api_not_found(uri: Uri) -> AppError {
    AppError::NotFound(format!("There is no API endpoint at {}.", uri.path()))
}
