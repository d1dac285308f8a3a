//! `/healthz` (the process is alive) and `/readyz` (it can serve: the
//! database answers and the search and similar-jobs indexes are built).
//! Both answer from what the process already knows, so a probe every second
//! costs nothing.

use ascend_types::Readiness;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(healthz))
        .routes(routes!(readyz))
}

/// The process is alive; nothing else is checked.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "meta",
    responses((status = 200, description = "Alive.", body = String, example = "ok")),
)]
pub async fn healthz() -> &'static str {
    "ok"
}

/// Whether the server can serve requests now.
#[utoipa::path(
    get,
    path = "/readyz",
    tag = "meta",
    responses(
        (status = 200, description = "Ready.", body = Readiness),
        (status = 503, description = "Not yet, or no longer: what is missing is false.", body = Readiness),
    ),
)]
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, Json<Readiness>) {
    let readiness = Readiness {
        database: state.readiness.database_ready(&state.board.pool).await,
        indexes: state.readiness.indexes_ready(),
        version: env!("CARGO_PKG_VERSION").into(),
    };
    let status = if readiness.database && readiness.indexes {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(readiness))
}
