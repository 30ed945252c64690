//! The OpenAPI 3.1 document, generated from the handlers' annotations.

use crate::routes::{
    __path_create_self_referral, __path_get_offer, __path_get_self_referral, __path_get_taxonomy, __path_healthz, __path_search_offers,
    __path_withdraw_self_referral,
};
use axum::Json;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(title = "Forebyg API", version = "1", description = "Find patient-oriented prevention offers in Denmark. Errors are RFC 9457 problem+json."),
    paths(search_offers, get_offer, create_self_referral, get_self_referral, withdraw_self_referral, get_taxonomy, healthz, openapi_json),
    tags(
        (name = "offers", description = "Public search and offer pages"),
        (name = "self-referrals", description = "Ask to join an offer; check or withdraw the request with the receipt code"),
        (name = "taxonomy", description = "Codes and labels"),
        (name = "health", description = "Liveness"),
    )
)]
pub struct ApiDoc;

/// This document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "health", responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json")))]
pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
