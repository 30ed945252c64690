//! `/api/v1/hsds/*`: the published offers as Open Referral HSDS 3.0 (see `api/docs/hsds.md`).
//! Public and read-only; lists are HSDS `Page` objects (`page`, `per_page`).

use crate::error::ApiError;
use crate::extract::ApiQuery;
use crate::hsds::{self, Catalog, Paging};
use crate::openapi::{Invalid, NotFound, Unavailable};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use forebyg_shared::taxonomy::RegionCode;
use forebyg_shared::validation::{self, FieldError};
use serde::Deserialize;
use serde_json::Value;
use utoipa_axum::{router::OpenApiRouter, routes};

pub const DEFAULT_PER_PAGE: usize = 50;
pub const MAX_PER_PAGE: usize = 500;
pub const MAX_PAGE: u32 = 1_000_000;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(hsds_services))
        .routes(routes!(hsds_service))
        .routes(routes!(hsds_organizations))
        .routes(routes!(hsds_locations))
        .routes(routes!(hsds_service_at_locations))
        .routes(routes!(hsds_taxonomies))
        .routes(routes!(hsds_taxonomy_terms))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HsdsQuery {
    /// Only this region's offers; default: all regions.
    #[param(value_type = Option<RegionCode>)]
    region: Option<String>,
    /// Page number (at most `MAX_PAGE`).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000000, default = 1)]
    page: Option<String>,
    /// Items per page (at most `MAX_PER_PAGE`).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, default = 50)]
    per_page: Option<String>,
}

impl HsdsQuery {
    fn parse(&self) -> Result<(Option<RegionCode>, Paging), ApiError> {
        let mut errors: Vec<FieldError> = vec![];
        let region = self.region.as_deref().map(|r| validation::known_code("region", r, RegionCode::from_code)).transpose().unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        let mut number = |name: &str, value: &Option<String>, max: u32, default: usize| match value {
            None => default,
            Some(v) => validation::integer_in_range(name, v, 1, max).map(|n| n as usize).unwrap_or_else(|e| {
                errors.push(e);
                default
            }),
        };
        let page = number("page", &self.page, MAX_PAGE, 1);
        let per_page = number("per_page", &self.per_page, MAX_PER_PAGE as u32, DEFAULT_PER_PAGE);
        if errors.is_empty() {
            Ok((region, Paging { page, per_page }))
        } else {
            Err(ApiError::Validation(errors))
        }
    }
}

/// JSON that CDNs and clients may keep for five minutes.
fn cached(v: Value) -> Response {
    let mut res = Json(v).into_response();
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=300"));
    res
}

async fn catalog(state: &AppState, q: &HsdsQuery) -> Result<(Catalog, Paging), ApiError> {
    let (region, paging) = q.parse()?;
    Ok((Catalog::load(state.store.as_ref(), region).await?.with_activities(state.directory.as_ref(), region).await?, paging))
}

/// Published offers as HSDS services (with schedules, taxonomy attributes, contacts and phones).
#[utoipa::path(get, path = "/hsds/services", tag = "hsds", params(HsdsQuery),
    responses((status = 200, description = "HSDS 3.0 Page of services", body = Object), Invalid, Unavailable))]
async fn hsds_services(State(state): State<AppState>, ApiQuery(q): ApiQuery<HsdsQuery>) -> Result<Response, ApiError> {
    let (c, paging) = catalog(&state, &q).await?;
    Ok(cached(c.services(paging)))
}

/// One fully nested HSDS service (with its organization and service_at_locations) by HSDS id.
#[utoipa::path(get, path = "/hsds/services/{id}", tag = "hsds", params(("id" = String, Path, description = "The service's HSDS id (a UUID)")),
    responses((status = 200, description = "HSDS 3.0 service", body = Object), NotFound, Unavailable))]
async fn hsds_service(State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, ApiError> {
    let c = Catalog::load(state.store.as_ref(), None).await?.with_activities(state.directory.as_ref(), None).await?;
    c.service(&id.to_ascii_lowercase()).map(cached).ok_or_else(|| ApiError::NotFound(format!("No published service with id {id}.")))
}

/// Providers of published offers as HSDS organizations.
#[utoipa::path(get, path = "/hsds/organizations", tag = "hsds", params(HsdsQuery),
    responses((status = 200, description = "HSDS 3.0 Page of organizations", body = Object), Invalid, Unavailable))]
async fn hsds_organizations(State(state): State<AppState>, ApiQuery(q): ApiQuery<HsdsQuery>) -> Result<Response, ApiError> {
    let (c, paging) = catalog(&state, &q).await?;
    Ok(cached(c.organizations(paging)))
}

/// Places of published offers as HSDS locations (with address and coordinates).
#[utoipa::path(get, path = "/hsds/locations", tag = "hsds", params(HsdsQuery),
    responses((status = 200, description = "HSDS 3.0 Page of locations", body = Object), Invalid, Unavailable))]
async fn hsds_locations(State(state): State<AppState>, ApiQuery(q): ApiQuery<HsdsQuery>) -> Result<Response, ApiError> {
    let (c, paging) = catalog(&state, &q).await?;
    Ok(cached(c.locations(paging)))
}

/// Each published offer with a place, as an HSDS service_at_location.
#[utoipa::path(get, path = "/hsds/service_at_locations", tag = "hsds", params(HsdsQuery),
    responses((status = 200, description = "HSDS 3.0 Page of service_at_locations", body = Object), Invalid, Unavailable))]
async fn hsds_service_at_locations(State(state): State<AppState>, ApiQuery(q): ApiQuery<HsdsQuery>) -> Result<Response, ApiError> {
    let (c, paging) = catalog(&state, &q).await?;
    Ok(cached(c.service_at_locations(paging)))
}

/// Forebyg's three taxonomies: interventions (categories), target groups (conditions) and kronikerpakker. `region` is ignored.
#[utoipa::path(get, path = "/hsds/taxonomies", tag = "hsds", params(HsdsQuery),
    responses((status = 200, description = "HSDS 3.0 Page of taxonomies", body = Object), Invalid))]
async fn hsds_taxonomies(ApiQuery(q): ApiQuery<HsdsQuery>) -> Result<Response, ApiError> {
    Ok(cached(hsds::taxonomies(q.parse()?.1)))
}

/// Every category and condition as a taxonomy term, with its code and Danish name, then each
/// kronikerpakke and its components (children of the package's term). `region` is ignored.
#[utoipa::path(get, path = "/hsds/taxonomy_terms", tag = "hsds", params(HsdsQuery),
    responses((status = 200, description = "HSDS 3.0 Page of taxonomy terms", body = Object), Invalid, Unavailable))]
async fn hsds_taxonomy_terms(State(state): State<AppState>, ApiQuery(q): ApiQuery<HsdsQuery>) -> Result<Response, ApiError> {
    let paging = q.parse()?.1;
    Ok(cached(hsds::taxonomy_terms(paging, &state.directory.packages().await?)))
}
