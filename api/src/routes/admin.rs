//! `/api/v1/admin/*`: the regional admin's workspace. Every handler takes an [`Admin`], so no
//! route answers without a verified token, and scopes are checked in the admin services.

use crate::admin::{inbox, listings};
use crate::auth::Admin;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiQuery};
use crate::openapi::{AdminAuth, Conflict, Invalid, JsonBody, NotFound, Unavailable};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use forebyg_shared::admin::{
    AdminOfferRow, AuditAction, AuditEntry, InboxItem, NewAdminNote, ReferralCounts, ReferralStatusChange, Reverify, StaleEdit, StatusChange,
};
use forebyg_shared::auth::Principal;
use forebyg_shared::offer::Offer;
use forebyg_shared::referral::{ReferralStatus, SentBy};
use forebyg_shared::taxonomy::RegionCode;
use forebyg_shared::validation::{ErrorCode, FieldError};
use serde::Deserialize;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(me))
        .routes(routes!(list_offers, create_offer))
        .routes(routes!(get_admin_offer, update_offer))
        .routes(routes!(set_offer_status))
        .routes(routes!(verify_offer))
        .routes(routes!(list_referrals))
        .routes(routes!(referral_counts))
        .routes(routes!(set_referral_status))
        .routes(routes!(add_referral_note))
        .routes(routes!(audit_log))
}

/// The signed-in admin and their scope.
#[utoipa::path(get, path = "/admin/me", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = Principal), AdminAuth))]
async fn me(admin: Admin) -> Json<Principal> {
    Json(admin.0)
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Only offers not verified for about six months.
    #[serde(default)]
    stale: bool,
}

/// Listings within the admin's scope, any status.
#[utoipa::path(get, path = "/admin/offers", tag = "admin", security(("bearer" = [])), params(ListQuery),
    responses((status = 200, body = Vec<AdminOfferRow>), Invalid, AdminAuth, Unavailable))]
async fn list_offers(State(state): State<AppState>, admin: Admin, ApiQuery(q): ApiQuery<ListQuery>) -> Result<Json<Vec<AdminOfferRow>>, ApiError> {
    Ok(Json(listings::list(&state, &admin, q.stale).await?))
}

/// Create a listing (the server assigns the id; version 1).
#[utoipa::path(post, path = "/admin/offers", tag = "admin", security(("bearer" = [])), request_body = Offer,
    responses((status = 201, body = Offer), JsonBody, AdminAuth, Unavailable))]
async fn create_offer(State(state): State<AppState>, admin: Admin, ApiJson(offer): ApiJson<Offer>) -> Result<(StatusCode, Json<Offer>), ApiError> {
    Ok((StatusCode::CREATED, Json(listings::create(&state, &admin, offer).await?)))
}

/// One listing in any status.
#[utoipa::path(get, path = "/admin/offers/{id}", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 200, body = Offer), AdminAuth, NotFound, Unavailable))]
async fn get_admin_offer(State(state): State<AppState>, admin: Admin, Path(id): Path<String>) -> Result<Json<Offer>, ApiError> {
    Ok(Json(listings::get(&state, &admin, &id).await?))
}

/// Replace a listing; `version` is the version the edit started from. A stale version is a 409
/// whose body holds the current offer. An edit that changes nothing writes nothing: the stored
/// offer comes back with its version unchanged (and nothing is logged).
#[utoipa::path(put, path = "/admin/offers/{id}", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)), request_body = Offer,
    responses((status = 200, body = Offer), (status = 409, body = StaleEdit, content_type = "application/problem+json"), JsonBody, AdminAuth, NotFound, Unavailable))]
async fn update_offer(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<String>,
    ApiJson(offer): ApiJson<Offer>,
) -> Result<Json<Offer>, ApiError> {
    Ok(Json(listings::update(&state, &admin, &id, offer).await?))
}

/// Publish, unpublish (draft) or archive.
#[utoipa::path(post, path = "/admin/offers/{id}/status", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)), request_body = StatusChange,
    responses((status = 200, body = Offer), (status = 409, body = StaleEdit, content_type = "application/problem+json"), JsonBody, AdminAuth, NotFound, Unavailable))]
async fn set_offer_status(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<String>,
    ApiJson(change): ApiJson<StatusChange>,
) -> Result<Json<Offer>, ApiError> {
    Ok(Json(listings::set_status(&state, &admin, &id, change).await?))
}

/// Confirm the listing is still true (last verified = today).
#[utoipa::path(post, path = "/admin/offers/{id}/verify", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)), request_body = Reverify,
    responses((status = 200, body = Offer), (status = 409, body = StaleEdit, content_type = "application/problem+json"), JsonBody, AdminAuth, NotFound, Unavailable))]
async fn verify_offer(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<Reverify>,
) -> Result<Json<Offer>, ApiError> {
    Ok(Json(listings::reverify(&state, &admin, &id, req).await?))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InboxQuery {
    /// One offer's requests (its id).
    offer: Option<String>,
    /// Offers whose title contains this text (any case).
    offer_title: Option<String>,
    /// The person: part of their name (any case), or their receipt code (with or without its
    /// dash, any case), as a person phoning about their request gives it.
    person: Option<String>,
    /// One provider's requests (its id in the directory, as the response times name it).
    provider: Option<String>,
    /// One status; `withdrawn` shows the withdrawn requests.
    status: Option<ReferralStatus>,
    /// Made on or after this day (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date, pattern = "^(20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$")]
    from: Option<String>,
    /// Made on or before this day (YYYY-MM-DD); not before `from` (422 on `to` otherwise).
    #[param(value_type = Option<String>, format = Date, pattern = "^(20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$")]
    to: Option<String>,
    /// Include withdrawn requests (left out by default).
    #[serde(default)]
    withdrawn: bool,
    /// Only requests still `received` after the day the provider promised contact by.
    #[serde(default)]
    overdue: bool,
    /// Only clinicians' referrals (`clinician`), or only citizens' own requests (`citizen`).
    #[param(inline)]
    sent_by: Option<SentBy>,
}

/// Requests to join the admin's offers, newest first; withdrawn ones only when asked for. Every
/// view is audited (one entry naming the requests shown).
#[utoipa::path(get, path = "/admin/referrals", tag = "admin", security(("bearer" = [])), params(InboxQuery),
    responses((status = 200, body = Vec<InboxItem>), Invalid, AdminAuth, Unavailable))]
async fn list_referrals(State(state): State<AppState>, admin: Admin, ApiQuery(q): ApiQuery<InboxQuery>) -> Result<Json<Vec<InboxItem>>, ApiError> {
    let filter = inbox::InboxFilter {
        offer_id: q.offer,
        offer_title: q.offer_title,
        person: q.person,
        provider_id: q.provider,
        status: q.status,
        from: q.from,
        to: q.to,
        withdrawn: q.withdrawn,
        overdue: q.overdue,
        sent_by: q.sent_by,
    };
    Ok(Json(inbox::list(&state, &admin, &filter).await?))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CountsQuery {
    /// One offer's requests (its id): what archiving or unpublishing it leaves waiting.
    offer: Option<String>,
}

/// How many requests to join the admin's offers (or one of them) are in each status (no personal
/// data; not audited).
#[utoipa::path(get, path = "/admin/referrals/counts", tag = "admin", security(("bearer" = [])), params(CountsQuery),
    responses((status = 200, body = ReferralCounts), Invalid, AdminAuth, Unavailable))]
async fn referral_counts(State(state): State<AppState>, admin: Admin, ApiQuery(q): ApiQuery<CountsQuery>) -> Result<Json<ReferralCounts>, ApiError> {
    Ok(Json(inbox::counts(&state, &admin, q.offer.as_deref()).await?))
}

/// Move a request on: contacted, enrolled, declined, completed or discontinued (a contact back to
/// received, a decline back to received or contacted — where it was made, in the workspace — an
/// enrolment back to contacted, a closed course back to enrolled; a step back to received makes
/// the promised day count again); the citizen's status page and the referrer show it.
/// Enrolling may give the first session agreed with the person (`first_session`: a day at most
/// 30 days back and a year ahead, 422 otherwise); enrolling an enrolled request with another
/// first session moves it.
#[utoipa::path(post, path = "/admin/referrals/{code}/status", tag = "admin", security(("bearer" = [])), params(("code" = String, Path)), request_body = ReferralStatusChange,
    responses((status = 200, body = InboxItem), JsonBody, AdminAuth, NotFound, Conflict, Unavailable))]
async fn set_referral_status(
    State(state): State<AppState>,
    admin: Admin,
    Path(code): Path<String>,
    ApiJson(change): ApiJson<ReferralStatusChange>,
) -> Result<Json<InboxItem>, ApiError> {
    Ok(Json(inbox::set_status(&state, &admin, &code, change).await?))
}

/// Add a note for colleagues to a request (never shown to the citizen or the referrer; deleted
/// with the request). Audited without its text. The same text again from the same handler is a
/// retry: that note, not a second one.
#[utoipa::path(post, path = "/admin/referrals/{code}/notes", tag = "admin", security(("bearer" = [])), params(("code" = String, Path)), request_body = NewAdminNote,
    responses((status = 201, body = InboxItem), JsonBody, AdminAuth, NotFound, Conflict, Unavailable))]
async fn add_referral_note(
    State(state): State<AppState>,
    admin: Admin,
    Path(code): Path<String>,
    ApiJson(note): ApiJson<NewAdminNote>,
) -> Result<(StatusCode, Json<InboxItem>), ApiError> {
    Ok((StatusCode::CREATED, Json(inbox::add_note(&state, &admin, &code, note).await?)))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Required for a national admin; others see their own region.
    region: Option<RegionCode>,
    /// How many entries, newest first (default 100).
    #[param(minimum = 1, maximum = 500, default = 100)]
    limit: Option<usize>,
    /// Only this kind of entry.
    action: Option<AuditAction>,
    /// Only this admin: user id, or part of the name.
    actor: Option<String>,
    /// Only entries at or after this time (Unix seconds).
    since: Option<i64>,
    /// Only entries before this time (Unix seconds).
    until: Option<i64>,
}

/// Set on an audit log answer whose search stopped before the start of the asked time range.
pub const SEARCHED_BACK_TO: &str = "x-audit-searched-back-to";

/// The region's audit log, newest first, each entry with its target's title; filtered by kind,
/// admin and time. The time range is read from the store page by page (its keys are ordered by
/// time), looking at up to 10,000 entries; if that ends the search before the range's start, the
/// `X-Audit-Searched-Back-To` header says how far back it got. Region admins (and national
/// admins) only.
#[utoipa::path(get, path = "/admin/audit", tag = "admin", security(("bearer" = [])), params(AuditQuery),
    responses((status = 200, body = Vec<AuditEntry>, headers(
        ("x-audit-searched-back-to" = i64, description = "Only when the search looked at its limit of 10,000 entries before reaching the start of the time range: the time (Unix seconds) of the oldest entry searched. Older entries were not searched; ask again with `until` set to this value. Without it, the answer covers the whole range.")
    )), Invalid, AdminAuth, Unavailable))]
async fn audit_log(
    State(state): State<AppState>,
    admin: Admin,
    ApiQuery(q): ApiQuery<AuditQuery>,
) -> Result<impl axum::response::IntoResponse, ApiError> {
    use forebyg_shared::auth::Role;
    let region = match (admin.0.role, q.region, admin.0.region) {
        (Role::ProviderEditor, ..) => return Err(ApiError::Forbidden("The audit log is for region administrators.".into())),
        (Role::NationalAdmin, Some(r), _) => r,
        (Role::RegionAdmin, None, Some(own)) => own,
        (Role::RegionAdmin, Some(r), Some(own)) if r == own => r,
        (Role::NationalAdmin, None, _) => return Err(FieldError::required("region", "en region", "a region").into()),
        _ => return Err(ApiError::Forbidden("This region's log is not yours.".into())),
    };
    let limit = q.limit.unwrap_or(100);
    if !(1..=500).contains(&limit) {
        return Err(FieldError::new("limit", ErrorCode::OutOfRange, "Skal være mellem 1 og 500.", "Must be between 1 and 500.").into());
    }
    let filter = crate::admin::audit::LogFilter { action: q.action, actor: q.actor, since: q.since, until: q.until };
    let read = crate::admin::audit::log(&state, region, &filter, limit).await?;
    let mut headers = axum::http::HeaderMap::new();
    if let Some(at) = read.searched_back_to {
        headers.insert(SEARCHED_BACK_TO, at.into());
    }
    Ok((headers, Json(read.entries)))
}
