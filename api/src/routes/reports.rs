//! "Report wrong information": public filing, admin listing and resolution.

use crate::admin::reports;
use crate::auth::Admin;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiQuery, ClientKey};
use crate::openapi::{AdminAuth, Invalid, JsonBody, NotFound, RateLimited, Unavailable};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use forebyg_shared::report::{ChangeReport, ReportRequest, ReportResolution, ReportStatus};
use serde::Deserialize;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(report_offer)).routes(routes!(list_reports)).routes(routes!(resolve_report))
}

/// Tell the region that something in a published listing is wrong. No contact details are taken.
#[utoipa::path(post, path = "/offers/{id}/reports", tag = "offers", params(("id" = String, Path)), request_body = ReportRequest,
    responses((status = 201, description = "Received"), JsonBody, NotFound, RateLimited, Unavailable))]
async fn report_offer(
    State(state): State<AppState>,
    client: ClientKey,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<ReportRequest>,
) -> Result<StatusCode, ApiError> {
    state.limits.self_referral.check(&client.0).map_err(|retry_after_secs| ApiError::TooManyRequests { retry_after_secs })?;
    reports::create(&state, &id, req).await?;
    // The report's id and content are for the region only.
    Ok(StatusCode::CREATED)
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportsQuery {
    status: Option<ReportStatus>,
}

/// Reports on the admin's listings, newest first.
#[utoipa::path(get, path = "/admin/reports", tag = "admin", security(("bearer" = [])), params(ReportsQuery),
    responses((status = 200, body = Vec<ChangeReport>), Invalid, AdminAuth, Unavailable))]
async fn list_reports(State(state): State<AppState>, admin: Admin, ApiQuery(q): ApiQuery<ReportsQuery>) -> Result<Json<Vec<ChangeReport>>, ApiError> {
    Ok(Json(reports::list(&state, &admin, q.status).await?))
}

/// Mark a report fixed (`accepted`, after editing the listing) or `dismissed`.
#[utoipa::path(post, path = "/admin/reports/{id}/resolve", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)), request_body = ReportResolution,
    responses((status = 200, body = ChangeReport), JsonBody, AdminAuth, NotFound, Unavailable))]
async fn resolve_report(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<String>,
    ApiJson(res): ApiJson<ReportResolution>,
) -> Result<Json<ChangeReport>, ApiError> {
    Ok(Json(reports::resolve(&state, &admin, &id, res).await?))
}
