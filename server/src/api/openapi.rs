//! The OpenAPI 3.1 document of the JSON API, served at
//! `GET /api/openapi.json`: its paths come from the routers that serve them
//! (`utoipa-axum`), its schemas from the shared types.

use axum::routing::get;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Ascend API",
        version = env!("CARGO_PKG_VERSION"),
        description = "The JSON API of Ascend, a job board: jobs, similar jobs, companies, \
            salary estimates, exchange rates and newsletter sign-ups. Every error answers with the same \
            `ErrorResponse` body: a stable `code`, a `message` for people and, when a \
            request field is at fault, its name.",
        license(name = "MIT"),
    ),
    servers((url = "/", description = "The server that serves this document")),
    tags(
        (name = "meta", description = "Whether the server can serve, and this document"),
        (name = "jobs", description = "Job postings"),
        (name = "companies", description = "Employers and their open jobs"),
        (name = "salaries", description = "Salary estimates from comparable postings, and exchange rates"),
        (name = "subscriptions", description = "Newsletter sign-ups"),
    )
)]
pub struct ApiDoc;

/// The document's head and tags; the routers add its paths.
pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// The document's own path, added beside the routes it describes.
pub const PATH: &str = "/api/openapi.json";

/// The route that serves `document`, written out once.
pub fn route<S: Clone + Send + Sync + 'static>(
    mut document: utoipa::openapi::OpenApi,
) -> axum::Router<S> {
    document.paths.add_path_operation(
        PATH,
        vec![utoipa::openapi::HttpMethod::Get],
        utoipa::openapi::path::OperationBuilder::new()
            .tag("meta")
            .summary(Some("This OpenAPI document."))
            .operation_id(Some("openapi_show"))
            .response(
                "200",
                utoipa::openapi::ResponseBuilder::new()
                    .description("This document.")
                    .content(
                        "application/json",
                        utoipa::openapi::ContentBuilder::new().build(),
                    ),
            )
            .build(),
    );
    let json = axum::body::Bytes::from(
        document
            .to_json()
            .expect("the generated document serializes"),
    );
    axum::Router::new().route(
        PATH,
        get(move || {
            let json = json.clone();
            async move { super::json_response(json) }
        }),
    )
}
