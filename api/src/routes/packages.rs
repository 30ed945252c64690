//! Kronikerpakker: everyone reads them (`/packages`); national admins create and edit them
//! (`/admin/packages`).

use crate::admin::packages;
use crate::auth::Admin;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::openapi::{AdminAuth, Conflict, JsonBody, NotFound, Unavailable};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use forebyg_shared::package::{PackageRecord, StalePackage};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_packages)).routes(routes!(get_package)).routes(routes!(create_package)).routes(routes!(update_package))
}

/// Every package, drafts included, ordered by code.
#[utoipa::path(get, path = "/packages", tag = "packages", responses((status = 200, body = Vec<PackageRecord>), Unavailable))]
async fn list_packages(State(state): State<AppState>) -> Result<Json<Vec<PackageRecord>>, ApiError> {
    Ok(Json(state.directory.packages().await?))
}

/// One package by its code.
#[utoipa::path(get, path = "/packages/{code}", tag = "packages", params(("code" = String, Path, description = "Package code, e.g. kol")),
    responses((status = 200, body = PackageRecord), NotFound, Unavailable))]
async fn get_package(State(state): State<AppState>, Path(code): Path<String>) -> Result<Json<PackageRecord>, ApiError> {
    Ok(Json(packages::get(&state, &code).await?))
}

/// Create a package under a new code (version 1). National admins only; a code in use is a 409.
#[utoipa::path(post, path = "/admin/packages", tag = "admin", security(("bearer" = [])), request_body = PackageRecord,
    responses((status = 201, body = PackageRecord), JsonBody, AdminAuth, Conflict, Unavailable))]
async fn create_package(
    State(state): State<AppState>,
    admin: Admin,
    ApiJson(p): ApiJson<PackageRecord>,
) -> Result<(StatusCode, Json<PackageRecord>), ApiError> {
    Ok((StatusCode::CREATED, Json(packages::create(&state, &admin, p).await?)))
}

/// Replace a package from `version` (national admins only; the code is fixed). A stale version is
/// a 409 whose body holds the current package. Audited in every region's log.
#[utoipa::path(put, path = "/admin/packages/{code}", tag = "admin", security(("bearer" = [])), params(("code" = String, Path)), request_body = PackageRecord,
    responses((status = 200, body = PackageRecord), (status = 409, description = "A stale version (the body carries `current`), or `record-in-use`: the edit removes components offers deliver (a problem without `current` naming the offers)", body = StalePackage, content_type = "application/problem+json"), JsonBody, AdminAuth, NotFound, Unavailable))]
async fn update_package(
    State(state): State<AppState>,
    admin: Admin,
    Path(code): Path<String>,
    ApiJson(p): ApiJson<PackageRecord>,
) -> Result<Json<PackageRecord>, ApiError> {
    Ok(Json(packages::update(&state, &admin, &code, p).await?))
}
