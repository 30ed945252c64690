//! The overview's "Svartider": how providers keep their promise to make contact, per provider for
//! the requests kept, and per provider and month (JSON and CSV) reaching back beyond them. Counts
//! only; not audited.

use crate::admin::response_times::{self, Span};
use crate::auth::Admin;
use crate::error::ApiError;
use crate::extract::ApiQuery;
use crate::openapi::{AdminAuth, Invalid, Unavailable};
use crate::self_referral::now;
use crate::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::Json;
use forebyg_shared::response_time::{to_csv, MonthResponseTimes, ProviderResponseTimes};
use serde::Deserialize;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(per_provider)).routes(routes!(per_month)).routes(routes!(per_month_csv))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResponseTimesQuery {
    /// Only requests made on or after this day (YYYY-MM-DD); without it, every request the store
    /// still holds.
    #[param(value_type = Option<String>, format = Date, pattern = "^(20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$")]
    from: Option<String>,
}

/// How each provider within the admin's scope keeps its promise to contact people by the day its
/// response time gave: requests answered in time, late, still overdue and not yet due, the
/// lowest share in time first (counts only; not audited). Requests without a promised day (a
/// waiting list, no response time) and those withdrawn before it are not counted.
#[utoipa::path(get, path = "/admin/referrals/response-times", tag = "admin", security(("bearer" = [])), params(ResponseTimesQuery),
    responses((status = 200, body = Vec<ProviderResponseTimes>), Invalid, AdminAuth, Unavailable))]
async fn per_provider(
    State(state): State<AppState>,
    admin: Admin,
    ApiQuery(q): ApiQuery<ResponseTimesQuery>,
) -> Result<Json<Vec<ProviderResponseTimes>>, ApiError> {
    let span = q.from.as_deref().map_or(Span::Kept, Span::From);
    Ok(Json(response_times::per_provider(&state, &admin, span).await?))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MonthsQuery {
    /// The first month (YYYY-MM); without it, the last 12 months (this one included).
    #[param(value_type = Option<String>, pattern = "^(20[0-9]{2}|2100)-(0[1-9]|1[0-2])$")]
    since_month: Option<String>,
}

/// Per provider and month the requests were made, from `since_month` on, by provider name, then
/// month: answers in time and late counted when they were given (kept as counts after the
/// requests are deleted with their personal data; a contact undone is taken out again, and the
/// next answer counts), overdue and not yet due ones from the
/// requests still held; a request deleted unanswered counts as late (each request with a
/// promise is counted when it is made). The overview sums them per provider for "the last 12
/// months".
#[utoipa::path(get, path = "/admin/referrals/response-times/months", tag = "admin", security(("bearer" = [])), params(MonthsQuery),
    responses((status = 200, body = Vec<MonthResponseTimes>), Invalid, AdminAuth, Unavailable))]
async fn per_month(
    State(state): State<AppState>,
    admin: Admin,
    ApiQuery(q): ApiQuery<MonthsQuery>,
) -> Result<Json<Vec<MonthResponseTimes>>, ApiError> {
    Ok(Json(response_times::per_month(&state, &admin, &q.first_month()).await?))
}

/// The same as CSV (semicolon-separated; the share in whole per cent): the overview's file.
#[utoipa::path(get, path = "/admin/referrals/response-times/months.csv", tag = "admin", security(("bearer" = [])), params(MonthsQuery),
    responses((status = 200, content_type = "text/csv", body = String), Invalid, AdminAuth, Unavailable))]
async fn per_month_csv(State(state): State<AppState>, admin: Admin, ApiQuery(q): ApiQuery<MonthsQuery>) -> Result<impl IntoResponse, ApiError> {
    let since = q.first_month();
    let rows = response_times::per_month(&state, &admin, &since).await?;
    let filename = format!("attachment; filename=\"svartider-fra-{since}.csv\"");
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()), (header::CONTENT_DISPOSITION, filename)], to_csv(&rows)))
}

impl MonthsQuery {
    /// The month asked for, or the one 11 months before this one (the last 12 months).
    fn first_month(&self) -> String {
        self.since_month.clone().unwrap_or_else(|| forebyg_shared::date::months_back(&forebyg_shared::date::copenhagen_date(now()), 11))
    }
}
