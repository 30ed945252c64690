//! `/api/v1/admin/providers` and `/api/v1/admin/locations`: the records offers copy their
//! provider and place from. Scopes are checked in [`crate::admin::directory`].

use crate::admin::directory::{locations, providers};
use crate::auth::Admin;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiQuery};
use crate::openapi::{AdminAuth, Conflict, Invalid, JsonBody, NotFound, Unavailable};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use forebyg_shared::directory::{LocationRecord, ProviderRecord, RecordStatusChange, StaleLocation, StaleProvider};
use serde::Deserialize;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_providers, create_provider))
        .routes(routes!(get_provider, update_provider))
        .routes(routes!(set_provider_status))
        .routes(routes!(list_locations, create_location))
        .routes(routes!(get_location, update_location))
        .routes(routes!(set_location_status))
}

/// Providers within the admin's scope, any status.
#[utoipa::path(get, path = "/admin/providers", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = Vec<ProviderRecord>), AdminAuth, Unavailable))]
async fn list_providers(State(state): State<AppState>, admin: Admin) -> Result<Json<Vec<ProviderRecord>>, ApiError> {
    Ok(Json(providers::list(&state, &admin).await?))
}

/// Create a provider (id from the name unless given; version 1). Not for provider editors.
#[utoipa::path(post, path = "/admin/providers", tag = "admin", security(("bearer" = [])), request_body = ProviderRecord,
    responses((status = 201, body = ProviderRecord), JsonBody, AdminAuth, Conflict, Unavailable))]
async fn create_provider(
    State(state): State<AppState>,
    admin: Admin,
    ApiJson(p): ApiJson<ProviderRecord>,
) -> Result<(StatusCode, Json<ProviderRecord>), ApiError> {
    Ok((StatusCode::CREATED, Json(providers::create(&state, &admin, p).await?)))
}

/// One provider in any status.
#[utoipa::path(get, path = "/admin/providers/{id}", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 200, body = ProviderRecord), AdminAuth, NotFound, Unavailable))]
async fn get_provider(State(state): State<AppState>, admin: Admin, Path(id): Path<String>) -> Result<Json<ProviderRecord>, ApiError> {
    Ok(Json(providers::get(&state, &admin, &id).await?))
}

/// Replace a provider from `version`; every offer it runs gets the new name and kind in the same
/// all-or-nothing write. A stale version is a 409 whose body holds the current provider.
/// The status is kept: a different one is a 422 on `status` (archive or restore with `…/status`).
#[utoipa::path(put, path = "/admin/providers/{id}", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)), request_body = ProviderRecord,
    responses((status = 200, body = ProviderRecord), (status = 409, body = StaleProvider, content_type = "application/problem+json"), JsonBody, AdminAuth, NotFound, Unavailable))]
async fn update_provider(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<String>,
    ApiJson(p): ApiJson<ProviderRecord>,
) -> Result<Json<ProviderRecord>, ApiError> {
    Ok(Json(providers::update(&state, &admin, &id, p).await?))
}

/// Archive or restore a provider; archiving is a 409 naming the published offers that use it.
#[utoipa::path(post, path = "/admin/providers/{id}/status", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)), request_body = RecordStatusChange,
    responses((status = 200, body = ProviderRecord), JsonBody, AdminAuth, NotFound, Conflict, Unavailable))]
async fn set_provider_status(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<String>,
    ApiJson(change): ApiJson<RecordStatusChange>,
) -> Result<Json<ProviderRecord>, ApiError> {
    Ok(Json(providers::set_status(&state, &admin, &id, change).await?))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LocationQuery {
    /// Only this provider's locations.
    provider: Option<String>,
}

/// Locations within the admin's scope, any status.
#[utoipa::path(get, path = "/admin/locations", tag = "admin", security(("bearer" = [])), params(LocationQuery),
    responses((status = 200, body = Vec<LocationRecord>), Invalid, AdminAuth, Unavailable))]
async fn list_locations(
    State(state): State<AppState>,
    admin: Admin,
    ApiQuery(q): ApiQuery<LocationQuery>,
) -> Result<Json<Vec<LocationRecord>>, ApiError> {
    Ok(Json(locations::list(&state, &admin, q.provider.as_deref()).await?))
}

/// Create a location of an active provider in the same region (id from the name unless given).
#[utoipa::path(post, path = "/admin/locations", tag = "admin", security(("bearer" = [])), request_body = LocationRecord,
    responses((status = 201, body = LocationRecord), JsonBody, AdminAuth, Conflict, Unavailable))]
async fn create_location(
    State(state): State<AppState>,
    admin: Admin,
    ApiJson(l): ApiJson<LocationRecord>,
) -> Result<(StatusCode, Json<LocationRecord>), ApiError> {
    Ok((StatusCode::CREATED, Json(locations::create(&state, &admin, l).await?)))
}

/// One location in any status.
#[utoipa::path(get, path = "/admin/locations/{id}", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 200, body = LocationRecord), AdminAuth, NotFound, Unavailable))]
async fn get_location(State(state): State<AppState>, admin: Admin, Path(id): Path<String>) -> Result<Json<LocationRecord>, ApiError> {
    Ok(Json(locations::get(&state, &admin, &id).await?))
}

/// Replace a location from `version`; every offer held there gets the new place in the same
/// all-or-nothing write. A stale version is a 409 whose body holds the current location.
/// The status is kept: a different one is a 422 on `status` (archive or restore with `…/status`).
#[utoipa::path(put, path = "/admin/locations/{id}", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)), request_body = LocationRecord,
    responses((status = 200, body = LocationRecord), (status = 409, body = StaleLocation, content_type = "application/problem+json"), JsonBody, AdminAuth, NotFound, Unavailable))]
async fn update_location(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<String>,
    ApiJson(l): ApiJson<LocationRecord>,
) -> Result<Json<LocationRecord>, ApiError> {
    Ok(Json(locations::update(&state, &admin, &id, l).await?))
}

/// Archive or restore a location; archiving is a 409 naming the published offers held there.
#[utoipa::path(post, path = "/admin/locations/{id}/status", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)), request_body = RecordStatusChange,
    responses((status = 200, body = LocationRecord), JsonBody, AdminAuth, NotFound, Conflict, Unavailable))]
async fn set_location_status(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<String>,
    ApiJson(change): ApiJson<RecordStatusChange>,
) -> Result<Json<LocationRecord>, ApiError> {
    Ok(Json(locations::set_status(&state, &admin, &id, change).await?))
}
