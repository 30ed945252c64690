//! "Report wrong information": public filing, admin listing and resolution.

use crate::admin::reports;
use crate::auth::Admin;
use crate::error::ApiError;
use crate::extract::{ApiJson, ClientKey};
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use forebyg_shared::problem::Problem;
use forebyg_shared::report::{ChangeReport, ReportRequest, ReportResolution, ReportStatus};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/offers/{id}/reports", post(report_offer))
        .route("/admin/reports", get(list_reports))
        .route("/admin/reports/{id}/resolve", post(resolve_report))
}

/// Tell the region that something in a published listing is wrong. No contact details are taken.
#[utoipa::path(post, path = "/api/v1/offers/{id}/reports", tag = "offers", params(("id" = String, Path)), request_body = ReportRequest,
    responses((status = 201, description = "Received"), (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json")))]
pub async fn report_offer(
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
#[utoipa::path(get, path = "/api/v1/admin/reports", tag = "admin", security(("bearer" = [])), params(ReportsQuery),
    responses((status = 200, body = Vec<ChangeReport>), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn list_reports(State(state): State<AppState>, admin: Admin, Query(q): Query<ReportsQuery>) -> Result<Json<Vec<ChangeReport>>, ApiError> {
    Ok(Json(reports::list(&state, &admin, q.status).await?))
}

/// Mark a report fixed (`accepted`, after editing the listing) or `dismissed`.
#[utoipa::path(post, path = "/api/v1/admin/reports/{id}/resolve", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)), request_body = ReportResolution,
    responses((status = 200, body = ChangeReport), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn resolve_report(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<String>,
    ApiJson(res): ApiJson<ReportResolution>,
) -> Result<Json<ChangeReport>, ApiError> {
    Ok(Json(reports::resolve(&state, &admin, &id, res).await?))
}
