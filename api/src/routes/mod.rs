//! The HTTP surface: one module per resource, each exposing `router() -> OpenApiRouter<AppState>`
//! that declares its routes with their documentation (see api/README.md, "Adding a route").

mod activities;
mod admin;
mod admin_activities;
mod admin_bulk;
mod admin_coverage;
mod admin_directory;
mod admin_package_coverage;
mod admin_response_times;
mod clinician;
#[cfg(feature = "dev-auth")]
mod dev_auth;
#[cfg(feature = "dev-auth")]
mod dev_oauth;
mod fhir;
mod fhir_referrals;
mod health;
mod hsds;
mod offers;
mod packages;
mod reports;
pub mod security_headers;
mod self_referrals;
mod spa;
mod taxonomy;

use crate::error::problem_response;
use crate::AppState;
use axum::body::Bytes;
use axum::extract::Extension;
use axum::http::{header, HeaderValue, Method, Request, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use forebyg_shared::problem::{types, Problem};
use std::path::Path;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every documented route with its documentation: `/api/v1/*` and `/healthz`. Each resource
/// module contributes its `router()`; the OpenAPI document is what these routers declare.
pub fn api() -> OpenApiRouter<AppState> {
    let v1 = OpenApiRouter::new()
        .merge(offers::router())
        .merge(taxonomy::router())
        .merge(self_referrals::router())
        .merge(admin::router())
        .merge(admin_bulk::router())
        .merge(hsds::router())
        .merge(fhir::router())
        .merge(fhir_referrals::router())
        .merge(admin_coverage::router())
        .merge(admin_response_times::router())
        .merge(admin_directory::router())
        .merge(reports::router())
        .merge(clinician::router())
        .merge(packages::router())
        .merge(activities::router())
        .merge(admin_activities::router())
        .merge(admin_package_coverage::router())
        .routes(routes!(openapi_json));
    OpenApiRouter::with_openapi(crate::openapi::frame()).nest("/api/v1", v1).merge(health::router())
}

/// The OpenAPI 3.1 document (`GET /api/v1/openapi.json`).
pub fn openapi() -> utoipa::openapi::OpenApi {
    api().into_openapi()
}

/// The document, serialized once at start-up.
#[derive(Clone)]
struct Document(Bytes);

/// This document.
#[utoipa::path(get, path = "/openapi.json", tag = "health", responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json")))]
async fn openapi_json(Extension(Document(doc)): Extension<Document>) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], doc).into_response()
}

/// The API router, identical in Lambda and in the local server.
pub fn router(state: AppState) -> Router {
    let (routes, doc) = api().split_for_parts();
    let doc = Document(serde_json::to_vec(&doc).expect("the OpenAPI document serializes").into());
    // Unknown `/api/v1` paths and methods get problem bodies, not the SPA or an empty 405.
    #[cfg(feature = "dev-auth")]
    let dev = if state.auth.is_dev() { dev_auth::router().merge(dev_oauth::router()) } else { Router::new() };
    #[cfg(not(feature = "dev-auth"))]
    let dev = Router::new();
    // Unknown FHIR paths get an OperationOutcome, as FHIR clients expect.
    // The base URL too (a batch or system search is not served): `{*rest}` needs a segment.
    let plain = dev
        .route("/fhir", axum::routing::any(fhir::fhir_not_found))
        .route("/fhir/", axum::routing::any(fhir::fhir_not_found))
        .route("/fhir/{*rest}", axum::routing::any(fhir::fhir_not_found));
    // Any other version or path under `/api` is no page either: a problem, not the app's HTML.
    let other_api = Router::new()
        .route("/api", axum::routing::any(api_not_found))
        .route("/api/", axum::routing::any(api_not_found))
        .route("/api/{*rest}", axum::routing::any(api_not_found));
    let routes =
        routes.merge(Router::new().nest("/api/v1", plain.fallback(api_not_found))).merge(other_api).method_not_allowed_fallback(method_not_allowed);
    // Answers carry personal and health data (requests to join, referrals with CPR numbers and
    // conditions, the inbox): no browser or proxy may keep one (a shared computer). A route whose
    // answer may be kept says so with its own Cache-Control (the HSDS and FHIR directory reads).
    let no_store = SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    routes.layer(Extension(doc)).layer(no_store).with_state(state).layer(
        // Log method, route template and status only: never URIs (queries carry places) or bodies.
        TraceLayer::new_for_http()
            .make_span_with(|req: &Request<_>| {
                let route = req.extensions().get::<axum::extract::MatchedPath>().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "-".into());
                tracing::info_span!("request", method = %req.method(), route)
            })
            .on_request(())
            .on_response(DefaultOnResponse::new().level(Level::INFO)),
    )
}

/// The API plus the built apps, for the local server (in AWS, CloudFront serves them): every
/// citizen page gets the citizen app's `index.html` ([`spa::service`]), and the admin workspace is
/// its own app under `/admin`, so citizens never download its code. The
/// pages get the security headers CloudFront adds, Content-Security-Policy included (`csp`, see
/// [`security_headers::content_security_policy`]).
pub fn with_spa(router: Router, dist_dir: &Path, csp: &str) -> Router {
    let site =
        Router::new().nest_service("/admin", spa::service(&dist_dir.join("admin"), &[])).fallback_service(spa::service(dist_dir, spa::INFO_PAGES));
    router.merge(security_headers::layer(site, csp))
}

async fn api_not_found(method: Method) -> Response {
    let _ = method;
    problem_response(Problem::not_found("No such API resource."))
}

async fn method_not_allowed(uri: Uri) -> Response {
    if uri.path().starts_with("/api/v1/fhir/") {
        // FHIR clients read OperationOutcomes (axum adds the Allow header).
        return fhir::fhir_method_not_allowed().into_response();
    }
    problem_response(Problem {
        kind: types::METHOD_NOT_ALLOWED.into(),
        title: "Method not allowed".into(),
        status: StatusCode::METHOD_NOT_ALLOWED.as_u16(),
        detail: None,
        errors: vec![],
    })
}
