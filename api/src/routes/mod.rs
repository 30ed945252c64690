//! The HTTP surface: one module per resource, each exposing `router()`.

mod admin;
mod admin_bulk;
mod admin_coverage;
mod admin_directory;
mod dev_auth;
mod dev_oauth;
mod health;
mod hsds;
mod offers;
mod reports;
pub mod security_headers;
mod self_referrals;
mod spa;
mod taxonomy;

use crate::error::problem_response;
use crate::AppState;
use axum::http::{Method, Request, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use forebyg_shared::problem::{types, Problem};
use std::path::Path;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

pub use admin::{
    __path_audit_log, __path_create_offer, __path_get_admin_offer, __path_list_offers, __path_list_referrals, __path_me, __path_referral_counts,
    __path_set_offer_status, __path_set_referral_status, __path_update_offer, __path_verify_offer,
};
pub use admin_bulk::{__path_export_offers_csv, __path_import_offers_csv};
pub use admin_coverage::{__path_coverage_csv, __path_coverage_json};
pub use admin_directory::{
    __path_create_location, __path_create_provider, __path_get_location, __path_get_provider, __path_list_locations, __path_list_providers,
    __path_set_location_status, __path_set_provider_status, __path_update_location, __path_update_provider,
};
pub use health::__path_healthz;
pub use hsds::{
    __path_hsds_locations, __path_hsds_organizations, __path_hsds_service, __path_hsds_service_at_locations, __path_hsds_services,
    __path_hsds_taxonomies, __path_hsds_taxonomy_terms,
};
pub use offers::{__path_get_offer, __path_search_offers};
pub use reports::{__path_list_reports, __path_report_offer, __path_resolve_report};
pub use self_referrals::{__path_create_self_referral, __path_get_self_referral, __path_withdraw_self_referral};
pub use taxonomy::{__path_get_config, __path_get_postcode, __path_get_taxonomy};

/// The API router, identical in Lambda and in the local server.
pub fn router(state: AppState) -> Router {
    let api = Router::new()
        .merge(offers::router())
        .merge(taxonomy::router())
        .merge(self_referrals::router())
        .merge(admin::router())
        .merge(admin_bulk::router())
        .merge(hsds::router())
        .merge(admin_coverage::router())
        .merge(admin_directory::router())
        .merge(reports::router())
        .route("/openapi.json", get(crate::openapi::openapi_json))
        .merge(if state.auth.is_dev() { dev_auth::router().merge(dev_oauth::router()) } else { Router::new() })
        .fallback(api_not_found)
        .method_not_allowed_fallback(method_not_allowed);
    Router::new().nest("/api/v1", api).merge(health::router()).with_state(state).layer(
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
    let site = Router::new().nest_service("/admin", spa::service(&dist_dir.join("admin"))).fallback_service(spa::service(dist_dir));
    router.merge(security_headers::layer(site, csp))
}

async fn api_not_found(method: Method) -> Response {
    let _ = method;
    problem_response(Problem::not_found("No such API resource."))
}

async fn method_not_allowed() -> Response {
    problem_response(Problem {
        kind: types::NOT_FOUND.into(),
        title: "Method not allowed".into(),
        status: StatusCode::METHOD_NOT_ALLOWED.as_u16(),
        detail: None,
        errors: vec![],
    })
}
