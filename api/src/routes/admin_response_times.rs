//! The overview's "Svartider": how providers keep their promise to make contact, per provider
//! (JSON) and per provider and month (CSV). Counts only; not audited.

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
use forebyg_shared::response_time::{to_csv, ProviderResponseTimes};
use forebyg_shared::validation::{ErrorCode, FieldError};
use serde::Deserialize;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(per_provider)).routes(routes!(per_month))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResponseTimesQuery {
    /// Only requests made on or after this day (YYYY-MM-DD); without it (and `since_month`),
    /// every request the store still holds.
    #[param(value_type = Option<String>, format = Date, pattern = "^(20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$")]
    from: Option<String>,
    /// Requests made in this month (YYYY-MM) or later, including those already deleted with their
    /// personal data: the ones answered in time or late are counted when answered and kept as
    /// counts; overdue and not yet due ones come from the requests still held. Not with `from`.
    #[param(value_type = Option<String>, pattern = "^(20[0-9]{2}|2100)-(0[1-9]|1[0-2])$")]
    since_month: Option<String>,
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
    let span = match (q.from.as_deref(), q.since_month.as_deref()) {
        (Some(_), Some(_)) => {
            return Err(ApiError::Validation(vec![FieldError::new(
                "since_month",
                ErrorCode::Invalid,
                "Angiv enten en dag (from) eller en måned (since_month), ikke begge.",
                "Give either a day (from) or a month (since_month), not both.",
            )]))
        }
        (Some(day), None) => Span::From(day),
        (None, Some(month)) => Span::SinceMonth(month),
        (None, None) => Span::Kept,
    };
    Ok(Json(response_times::per_provider(&state, &admin, span).await?))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MonthsQuery {
    /// The first month (YYYY-MM); without it, the last 12 months (this one included).
    #[param(value_type = Option<String>, pattern = "^(20[0-9]{2}|2100)-(0[1-9]|1[0-2])$")]
    since_month: Option<String>,
}

/// The same per provider and month the requests were made, from `since_month` on, as CSV
/// (semicolon-separated; by provider, then month): answers in time and late also for requests
/// already deleted, overdue and not yet due ones while they are kept.
#[utoipa::path(get, path = "/admin/referrals/response-times.csv", tag = "admin", security(("bearer" = [])), params(MonthsQuery),
    responses((status = 200, content_type = "text/csv", body = String), Invalid, AdminAuth, Unavailable))]
async fn per_month(State(state): State<AppState>, admin: Admin, ApiQuery(q): ApiQuery<MonthsQuery>) -> Result<impl IntoResponse, ApiError> {
    let since = q.since_month.unwrap_or_else(|| forebyg_shared::date::months_back(&forebyg_shared::date::iso_date(now()), 11));
    let rows = response_times::per_month(&state, &admin, &since).await?;
    let filename = format!("attachment; filename=\"svartider-fra-{since}.csv\"");
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()), (header::CONTENT_DISPOSITION, filename)], to_csv(&rows)))
}
