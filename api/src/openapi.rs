//! The OpenAPI 3.1 document, generated from the handlers' annotations.

use crate::routes::{
    __path_audit_log, __path_coverage_csv, __path_coverage_json, __path_create_offer, __path_create_self_referral, __path_export_offers_csv,
    __path_get_admin_offer, __path_get_config, __path_get_offer, __path_get_postcode, __path_get_self_referral, __path_get_taxonomy, __path_healthz,
    __path_import_offers_csv, __path_list_offers, __path_list_referrals, __path_list_reports, __path_me, __path_referral_counts, __path_report_offer,
    __path_resolve_report, __path_search_offers, __path_set_offer_status, __path_set_referral_status, __path_update_offer, __path_verify_offer,
    __path_withdraw_self_referral,
};
use crate::routes::{
    __path_create_location, __path_create_provider, __path_get_location, __path_get_provider, __path_list_locations, __path_list_providers,
    __path_set_location_status, __path_set_provider_status, __path_update_location, __path_update_provider,
};
use crate::routes::{
    __path_hsds_locations, __path_hsds_organizations, __path_hsds_service, __path_hsds_service_at_locations, __path_hsds_services,
    __path_hsds_taxonomies, __path_hsds_taxonomy_terms,
};
use axum::Json;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(title = "Forebyg API", version = "1", description = "Find patient-oriented prevention offers in Denmark. Errors are RFC 9457 problem+json."),
    paths(
        search_offers, get_offer, create_self_referral, get_self_referral, withdraw_self_referral, get_taxonomy, healthz, openapi_json,
        me, list_offers, create_offer, get_admin_offer, update_offer, set_offer_status, verify_offer, list_referrals, referral_counts, set_referral_status, audit_log,
        list_providers, create_provider, get_provider, update_provider, set_provider_status,
        list_locations, create_location, get_location, update_location, set_location_status,
        coverage_json, coverage_csv, export_offers_csv, import_offers_csv, report_offer, list_reports, resolve_report, get_postcode, get_config,
        hsds_services, hsds_service, hsds_organizations, hsds_locations, hsds_service_at_locations, hsds_taxonomies, hsds_taxonomy_terms
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "offers", description = "Public search and offer pages"),
        (name = "self-referrals", description = "Ask to join an offer; check or withdraw the request with the receipt code"),
        (name = "taxonomy", description = "Codes and labels"),
        (name = "hsds", description = "Open Referral HSDS 3.0 export of the published offers"),
        (name = "health", description = "Liveness"),
        (name = "admin", description = "Regional admins and provider editors (Cognito ID token as bearer)"),
    )
)]
pub struct ApiDoc;

/// The admin routes' bearer scheme (a Cognito ID token, RS256).
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let scheme = HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build();
        openapi.components.get_or_insert_with(Default::default).add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

/// This document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "health", responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json")))]
pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
