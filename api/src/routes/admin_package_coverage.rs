//! `/api/v1/admin/coverage/packages`: the coverage package lens. For a package that applies in
//! the region, which municipalities (or postcodes, on drill-down) lack which of its components
//! within the distance limit, and from which year that is a gap. JSON or CSV.

use super::admin_coverage::scope;
use crate::admin::packages;
use crate::auth::Admin;
use crate::error::ApiError;
use crate::extract::ApiQuery;
use crate::openapi::{AdminAuth, Invalid, Unavailable};
use crate::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::Json;
use forebyg_shared::package_coverage::{self, PackageCoverageReport};
use forebyg_shared::taxonomy::RegionCode;
use forebyg_shared::validation::{ErrorCode, FieldError};
use serde::Deserialize;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(package_coverage_json)).routes(routes!(package_coverage_csv))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PackageCoverageQuery {
    /// The package's code, e.g. `kol`.
    package: String,
    /// Required for a national admin; a region admin gets their own region.
    region: Option<RegionCode>,
    /// The distance that counts as close, in km.
    #[param(value_type = Option<f64>, minimum = 1, maximum = 100, default = 15)]
    max_km: Option<String>,
    /// Drill down: this municipality's postcodes (kommunekode) instead of municipalities.
    municipality: Option<String>,
}

async fn build(state: &AppState, admin: &Admin, q: &PackageCoverageQuery) -> Result<PackageCoverageReport, ApiError> {
    let (region, max_km, places) = scope(admin, q.region, q.max_km.as_deref(), q.municipality.as_deref())?;
    let package = packages::get(state, &q.package).await.map_err(|e| match e {
        ApiError::NotFound(_) => FieldError::new("package", ErrorCode::Unknown, "Ukendt kronikerpakke.", "Unknown chronic care package.").into(),
        e => e,
    })?;
    let offers = state.store.region_offers(region).await?;
    package_coverage::report(&package, region, max_km, &places, &offers).ok_or_else(|| {
        FieldError::new(
            "package",
            ErrorCode::OutOfRange,
            "Pakken gælder ikke i regionen. Angiv et startår for regionen på pakken.",
            "The package does not apply in the region. Give the package a start year for the region.",
        )
        .into()
    })
}

/// The package lens: components × municipality, with the year each gap starts.
#[utoipa::path(get, path = "/admin/coverage/packages", tag = "admin", security(("bearer" = [])), params(PackageCoverageQuery),
    responses((status = 200, body = PackageCoverageReport), Invalid, AdminAuth, Unavailable))]
async fn package_coverage_json(
    State(state): State<AppState>,
    admin: Admin,
    ApiQuery(q): ApiQuery<PackageCoverageQuery>,
) -> Result<Json<PackageCoverageReport>, ApiError> {
    Ok(Json(build(&state, &admin, &q).await?))
}

/// The same lens as CSV (semicolon-separated, decimal comma).
#[utoipa::path(get, path = "/admin/coverage/packages.csv", tag = "admin", security(("bearer" = [])), params(PackageCoverageQuery),
    responses((status = 200, content_type = "text/csv", body = String), Invalid, AdminAuth, Unavailable))]
async fn package_coverage_csv(
    State(state): State<AppState>,
    admin: Admin,
    ApiQuery(q): ApiQuery<PackageCoverageQuery>,
) -> Result<impl IntoResponse, ApiError> {
    let report = build(&state, &admin, &q).await?;
    let filename = format!("attachment; filename=\"pakkedaekning-{}-{}.csv\"", report.package, report.region.code());
    Ok((
        [(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()), (header::CONTENT_DISPOSITION, filename)],
        package_coverage::to_csv(&report, forebyg_shared::coverage::Rows::of(q.municipality.is_some())),
    ))
}
