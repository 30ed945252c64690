//! `/api/v1/admin/coverage`: where the six required interventions are missing in a region, per
//! municipality (measured from each of its postcodes) or, on drill-down, per postcode of one
//! municipality. JSON or CSV.

use crate::auth::Admin;
use crate::error::ApiError;
use crate::extract::ApiQuery;
use crate::openapi::{AdminAuth, Invalid, Unavailable};
use crate::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::Json;
use forebyg_shared::auth::Role;
use forebyg_shared::coverage::places::Place;
use forebyg_shared::coverage::{self, CoverageReport, DEFAULT_MAX_KM};
use forebyg_shared::geography;
use forebyg_shared::taxonomy::RegionCode;
use forebyg_shared::validation::{self, FieldError};
use serde::Deserialize;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(coverage_json)).routes(routes!(coverage_csv))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CoverageQuery {
    /// Required for a national admin; a region admin gets their own region.
    region: Option<RegionCode>,
    /// The distance that counts as close, in km.
    #[param(value_type = Option<f64>, minimum = 1, maximum = 100, default = 15)]
    max_km: Option<String>,
    /// Drill down: this municipality's postcodes (kommunekode) instead of municipalities.
    municipality: Option<String>,
}

async fn build(state: &AppState, admin: &Admin, q: &CoverageQuery) -> Result<CoverageReport, ApiError> {
    let (region, max_km, places) = scope(admin, q.region, q.max_km.as_deref(), q.municipality.as_deref())?;
    Ok(coverage::report(region, max_km, &places, &state.store.region_offers(region).await?))
}

/// The region a coverage view is for (a region admin's own; a national admin names one), the
/// distance limit and the places: the region's municipalities, or on drill-down one
/// municipality's postcodes (those whose post town is in it). Provider editors are refused.
pub(super) fn scope(
    admin: &Admin,
    region: Option<RegionCode>,
    max_km: Option<&str>,
    municipality: Option<&str>,
) -> Result<(RegionCode, f64, Vec<Place>), ApiError> {
    let region = match (admin.0.role, region, admin.0.region) {
        (Role::ProviderEditor, ..) => return Err(ApiError::Forbidden("Coverage planning is for region administrators.".into())),
        (Role::NationalAdmin, Some(r), _) => r,
        (Role::RegionAdmin, None, Some(own)) => own,
        (Role::RegionAdmin, Some(r), Some(own)) if r == own => r,
        (Role::NationalAdmin, None, _) => return Err(FieldError::required("region", "en region", "a region").into()),
        _ => return Err(ApiError::Forbidden("This region is not yours.".into())),
    };
    let max_km = max_km.map(|v| validation::number_in_range("max_km", v, 1.0, 100.0)).transpose()?.unwrap_or(DEFAULT_MAX_KM);
    let places: Vec<_> = match municipality {
        // By name in Danish order, as on the screen (a CSV export keeps it).
        None => {
            let mut places: Vec<Place> = geography::municipalities_in(region).filter_map(Place::of_municipality).collect();
            places.sort_by_key(|p| forebyg_shared::collate::danish_key(&p.name));
            places
        }
        Some(code) => {
            let m = geography::municipality(code).filter(|m| m.region == region).ok_or_else(|| {
                FieldError::new("municipality", validation::ErrorCode::Unknown, "Ukendt kommune i regionen.", "Unknown municipality in this region.")
            })?;
            geography::postcodes().iter().filter(|pc| pc.municipality == m.code).map(Place::of_postcode).collect()
        }
    };
    Ok((region, max_km, places))
}

/// The coverage matrix of the six required interventions.
#[utoipa::path(get, path = "/admin/coverage", tag = "admin", security(("bearer" = [])), params(CoverageQuery),
    responses((status = 200, body = CoverageReport), Invalid, AdminAuth, Unavailable))]
async fn coverage_json(State(state): State<AppState>, admin: Admin, ApiQuery(q): ApiQuery<CoverageQuery>) -> Result<Json<CoverageReport>, ApiError> {
    Ok(Json(build(&state, &admin, &q).await?))
}

/// The same matrix as CSV (semicolon-separated, decimal comma).
#[utoipa::path(get, path = "/admin/coverage.csv", tag = "admin", security(("bearer" = [])), params(CoverageQuery),
    responses((status = 200, content_type = "text/csv", body = String), Invalid, AdminAuth, Unavailable))]
async fn coverage_csv(State(state): State<AppState>, admin: Admin, ApiQuery(q): ApiQuery<CoverageQuery>) -> Result<impl IntoResponse, ApiError> {
    let report = build(&state, &admin, &q).await?;
    let filename = format!("attachment; filename=\"daekning-{}.csv\"", report.region.code());
    Ok((
        [(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()), (header::CONTENT_DISPOSITION, filename)],
        coverage::to_csv(&report, coverage::Rows::of(q.municipality.is_some())),
    ))
}
