//! `/api/v1/admin/offers.csv` and `/api/v1/admin/offers/import`: the admin's offers as a CSV file
//! and back (see `api/docs/csv.md`).

use crate::admin::csv;
use crate::auth::Admin;
use crate::error::{problem_response, ApiError};
use crate::extract::{ApiBytes, ApiQuery};
use crate::openapi::{AdminAuth, CsvBody, Invalid, Unavailable};
use crate::AppState;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use forebyg_shared::bulk::ImportReport;
use forebyg_shared::problem::{types, Problem};
use forebyg_shared::taxonomy::RegionCode;
use serde::Deserialize;
use utoipa_axum::{router::OpenApiRouter, routes};

/// The largest file an import takes (AWS Lambda's request limit is 6 MB).
pub const MAX_IMPORT_BYTES: usize = 6 * 1024 * 1024;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(import_offers_csv)).layer(DefaultBodyLimit::max(MAX_IMPORT_BYTES)).routes(routes!(export_offers_csv))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// Only this region (it must be within the admin's scope); default: the whole scope.
    region: Option<RegionCode>,
}

/// Every offer within the admin's scope (any status) as CSV: `;`-separated, UTF-8 with a BOM,
/// one row per offer at its location. The columns are documented in `api/docs/csv.md`.
#[utoipa::path(get, path = "/admin/offers.csv", tag = "admin", security(("bearer" = [])), params(ExportQuery),
    responses((status = 200, content_type = "text/csv", body = String), Invalid, AdminAuth, Unavailable))]
async fn export_offers_csv(State(state): State<AppState>, admin: Admin, ApiQuery(q): ApiQuery<ExportQuery>) -> Result<impl IntoResponse, ApiError> {
    let regions = match q.region {
        Some(r) if admin.0.regions().contains(&r) => vec![r],
        Some(_) => return Err(ApiError::Forbidden("This region is not yours.".into())),
        None => admin.0.regions(),
    };
    let mut offers = vec![];
    for region in &regions {
        offers.extend(state.store.region_offers(*region).await?.into_iter().filter(|o| admin.0.may_manage(o.region, &o.provider.id)));
    }
    let scope = match regions.as_slice() {
        [one] => one.code(),
        _ => "alle",
    };
    let filename = format!("attachment; filename=\"forebyg-tilbud-{scope}.csv\"");
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()), (header::CONTENT_DISPOSITION, filename)], csv::write(&offers)))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// `true` (the default): only check the file and report. `false`: apply it, all or nothing.
    #[param(default = true)]
    dry_run: Option<bool>,
    /// `false` (the default): new offers (rows without an id) are created as drafts, whatever
    /// their `status` cell says. `true`: they are published at once, unless their `status` cell
    /// says `draft` or `archived`. Rows of existing offers take their `status` cell either way.
    #[param(default = false)]
    publish_new: Option<bool>,
}

/// Media types browsers and tools send for a CSV file.
fn is_csv(headers: &HeaderMap) -> bool {
    let ct = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let essence = ct.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    matches!(essence.as_str(), "text/csv" | "application/csv" | "text/plain" | "application/vnd.ms-excel")
}

/// Import a CSV file of offers (the export's columns). Rows without an id create offers (drafts
/// unless `publish_new=true`), rows with an id and the exported version update them; rows identical to the stored offer are left
/// alone. A dry run (the default) changes nothing; a file with any row error changes nothing and
/// answers 422 with the report (dry run or not); otherwise every row is applied atomically. On the
/// DynamoDB store one apply changes at most 100 rows.
#[utoipa::path(post, path = "/admin/offers/import", tag = "admin", security(("bearer" = [])), params(ImportQuery),
    request_body(content = String, content_type = "text/csv", description = "The CSV file (UTF-8, else read as Windows-1252; `;`- or `,`-separated)"),
    responses((status = 200, body = ImportReport, description = "The report of a file without errors (checked, or applied)"),
        (status = 422, description = "Row errors (the report: nothing was changed), or an invalid parameter (a problem)",
            content((ImportReport = "application/json"), (Problem = "application/problem+json"))),
        CsvBody, AdminAuth, Unavailable))]
async fn import_offers_csv(
    State(state): State<AppState>,
    // The session and the query are checked after the file is read: a server that answers an
    // upload it has not read closes the connection under the sender, who then sees a reset, not
    // the 401 (an admin whose session expired would be told "network error", not "sign in").
    admin: Result<Admin, ApiError>,
    q: Result<ApiQuery<ImportQuery>, ApiError>,
    headers: HeaderMap,
    ApiBytes(body): ApiBytes,
) -> Result<Response, ApiError> {
    let (admin, ApiQuery(q)) = (admin?, q?);
    if !is_csv(&headers) {
        return Ok(problem_response(Problem {
            kind: types::BAD_REQUEST.into(),
            title: "Send the file as text/csv".into(),
            status: StatusCode::UNSUPPORTED_MEDIA_TYPE.as_u16(),
            detail: None,
            errors: vec![],
        }));
    }
    let report: ImportReport = csv::import(&state, &admin, &body, q.dry_run.unwrap_or(true), q.publish_new.unwrap_or(false)).await?;
    let status = if report.is_ok() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, Json(report)).into_response())
}
