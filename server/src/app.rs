//! The whole application: the API, the site beside it, and the one
//! middleware stack every request goes through.

use std::path::Path;
use std::time::Duration;

use axum::Router;
use axum::error_handling::HandleErrorLayer;
use axum::extract::{MatchedPath, Request};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use tower::ServiceBuilder;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower::load_shed::LoadShedLayer;
use tower::timeout::TimeoutLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;
use utoipa_axum::router::OpenApiRouter;

use crate::error::AppError;
use crate::state::AppState;
use crate::{api, site};

/// How much the server takes on at once.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Requests answered at once; more get 503 with Retry-After at once.
    pub max_in_flight: usize,
    /// How long a request may take before it is answered with 503.
    pub request_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_in_flight: 512,
            request_timeout: Duration::from_secs(30),
        }
    }
}

/// Builds what serving needs before it can answer well (the search and
/// similar-jobs indexes); `/readyz` says ready once it is done.
pub async fn prepare(state: &AppState) -> crate::domain::Result<()> {
    crate::domain::warm_up(&state.board).await?;
    state.readiness.set_indexes_ready();
    Ok(())
}

/// The application with the default limits.
pub fn app(state: AppState, dist: &Path) -> Router {
    app_with(state, dist, Limits::default())
}

/// Every route (`/healthz`, `/readyz`, the API under `/api` with its
/// document, and the site), behind [`stack`].
pub fn app_with(state: AppState, dist: &Path, limits: Limits) -> Router {
    let (routes, document) = OpenApiRouter::with_openapi(api::openapi::document())
        .merge(api::health::router())
        .nest("/api", api::router(&state))
        .split_for_parts();
    let routes = routes
        .method_not_allowed_fallback(|| async { AppError::MethodNotAllowed })
        // `nest` leaves the bare prefix with a slash to whatever follows.
        .route("/api/", any(api::api_not_found))
        .merge(api::openapi::route(document))
        .with_state(state.clone())
        .merge(site::router(state, dist));
    stack(routes, limits)
}

/// The stack, outermost first: a request id on the request and its
/// response; an access-log line per request; the headers every response
/// carries; then load shedding (at `max_in_flight` requests more are
/// answered 503 at once, never queued) and a timeout on each request.
pub fn stack(routes: Router, limits: Limits) -> Router {
    let routes = routes.layer(middleware::from_fn(note_route));
    let service = ServiceBuilder::new()
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request| {
                    let id = request
                        .headers()
                        .get("x-request-id")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!(
                        "request",
                        method = %request.method(),
                        path = %request.uri().path(),
                        request_id = %id,
                    )
                })
                .on_request(())
                .on_response(
                    |response: &Response, latency: Duration, _: &tracing::Span| {
                        let route = response
                            .extensions()
                            .get::<Route>()
                            .map_or("-", |route| route.0.as_str());
                        tracing::info!(
                            status = response.status().as_u16(),
                            route,
                            latency_ms = latency.as_secs_f64() * 1000.0,
                            "answered"
                        );
                    },
                )
                .on_failure(()),
        )
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(middleware::from_fn(site::headers::set_headers))
        .layer(HandleErrorLayer::new(|error: tower::BoxError| async move {
            refused(error)
        }))
        .layer(LoadShedLayer::new())
        .layer(GlobalConcurrencyLimitLayer::new(limits.max_in_flight))
        .layer(TimeoutLayer::new(limits.request_timeout))
        .service(routes);
    Router::new().fallback_service(service)
}

/// The answer to a request the stack would not run to its end.
fn refused(error: tower::BoxError) -> Response {
    if error.is::<tower::load_shed::error::Overloaded>() {
        tracing::warn!("shed a request: too many in flight");
        AppError::Unavailable(1).into_response()
    } else if error.is::<tower::timeout::error::Elapsed>() {
        tracing::warn!("a request timed out");
        AppError::Unavailable(5).into_response()
    } else {
        AppError::Internal(error).into_response()
    }
}

/// The route template a request matched, for the access log.
#[derive(Clone)]
struct Route(String);

async fn note_route(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| Route(path.as_str().to_owned()));
    let mut response = next.run(request).await;
    if let Some(route) = route {
        response.extensions_mut().insert(route);
    }
    response
}
