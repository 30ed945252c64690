//! The clinician routes: the search (public) and, for a signed-in clinician (`auth::Clinician`),
//! their profile, referrals through Forebyg and "Mine henvisninger".

use crate::auth::Clinician;
use crate::clinician::{referrals, search};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiQuery};
use crate::openapi::{ClinicianAuth, Conflict, Invalid, JsonBody, NotFound, Unavailable};
use crate::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use forebyg_shared::clinician::{ClinicianProfile, ClinicianReferral, ClinicianReferralList, ClinicianReferralRequest};
use forebyg_shared::search::clinician::{ClinicianParams, ClinicianSearchResponse};
use serde::Deserialize;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(clinician_search))
        .routes(routes!(clinician_me))
        .routes(routes!(create_clinician_referral))
        .routes(routes!(list_clinician_referrals))
        .routes(routes!(get_clinician_referral, withdraw_clinician_referral))
}

/// Offers for a patient, grouped by intervention (afklarende samtale first, the default
/// referral), each with eligibility, referral route and capacity. Each group shows `per_group`
/// of its ten nearest: those the patient may join first, then those whose criteria must be read,
/// then the rest, nearest first within each.
#[utoipa::path(
    get, path = "/clinician/offers", tag = "clinician",
    params(ClinicianParams),
    responses((status = 200, body = ClinicianSearchResponse), Invalid, Unavailable)
)]
async fn clinician_search(State(state): State<AppState>, RawQuery(query): RawQuery) -> Result<Json<ClinicianSearchResponse>, ApiError> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.unwrap_or_default().as_bytes()).into_owned().collect();
    let params = ClinicianParams::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).map_err(ApiError::Validation)?;
    let package = crate::admin::packages::require_known(&state, params.package.as_deref()).await?;
    Ok(Json(search::search(state.store.as_ref(), &params, package.as_ref()).await?))
}

/// The signed-in clinician and their organisation (403 for an admin account).
#[utoipa::path(get, path = "/clinician/me", tag = "clinician", security(("bearer" = [])),
    responses((status = 200, body = ClinicianProfile), ClinicianAuth))]
async fn clinician_me(who: Clinician) -> Json<ClinicianProfile> {
    let organisation = who.organisation().clone();
    Json(ClinicianProfile { subject: who.0.subject.clone(), name: who.0.name.clone(), referrer: organisation.kind.referrer(), organisation })
}

/// Refer a patient through Forebyg. Idempotent by `idempotency_key`; 409 (`referrer-not-accepted`,
/// `offer-full` or `offer-closed`) when the offer does not take this referral; 404 for an offer
/// that is not published or archived.
#[utoipa::path(post, path = "/clinician/offers/{id}/referrals", tag = "clinician", security(("bearer" = [])),
    params(("id" = String, Path, description = "Offer id")), request_body = ClinicianReferralRequest,
    responses(
        (status = 201, description = "Referral stored", body = ClinicianReferral, headers(("Location" = String, description = "The referral's address, /api/v1/clinician/referrals/{code}"))),
        (status = 200, description = "The same referral was already stored (retry or double submit of the same request; an audited read)", body = ClinicianReferral, headers(("Location" = String, description = "The referral's address, /api/v1/clinician/referrals/{code}"))),
        (status = 409, description = "The offer does not take this referral (`referrer-not-accepted`, `offer-full`, `offer-closed` once archived), or the idempotency key was already used for another referral (`key-reused`, a field error on `idempotency_key`)", body = forebyg_shared::problem::Problem, content_type = "application/problem+json"),
        JsonBody, ClinicianAuth, NotFound, Unavailable))]
async fn create_clinician_referral(
    State(state): State<AppState>,
    who: Clinician,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ClinicianReferralRequest>,
) -> Result<Response, ApiError> {
    let (stored, created) = referrals::create(&state, &who, &id, body, None).await?;
    let referral = referrals::view(&stored, None);
    let status = if created { StatusCode::CREATED } else { StatusCode::OK };
    let location = format!("/api/v1/clinician/referrals/{}", referral.code);
    Ok((status, [(header::LOCATION, location)], Json(referral)).into_response())
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SinceQuery {
    /// The `cursor` of an earlier answer (Unix seconds): referrals someone else moved since then
    /// are marked `changed`; without it (a first look), those someone else moved at all.
    pub since: Option<i64>,
}

/// "Mine henvisninger": the clinician's own referrals, newest first (every read audited).
#[utoipa::path(get, path = "/clinician/referrals", tag = "clinician", security(("bearer" = [])), params(SinceQuery),
    responses((status = 200, body = ClinicianReferralList), Invalid, ClinicianAuth, Unavailable))]
async fn list_clinician_referrals(
    State(state): State<AppState>,
    who: Clinician,
    ApiQuery(q): ApiQuery<SinceQuery>,
) -> Result<Json<ClinicianReferralList>, ApiError> {
    Ok(Json(referrals::list(&state, &who, q.since).await?))
}

/// One of the clinician's referrals (anyone else's is 404).
#[utoipa::path(get, path = "/clinician/referrals/{code}", tag = "clinician", security(("bearer" = [])),
    params(("code" = String, Path, description = "Referral code, e.g. K7QM-4XRT"), SinceQuery),
    responses((status = 200, body = ClinicianReferral), Invalid, ClinicianAuth, NotFound, Unavailable))]
async fn get_clinician_referral(
    State(state): State<AppState>,
    who: Clinician,
    Path(code): Path<String>,
    ApiQuery(q): ApiQuery<SinceQuery>,
) -> Result<Json<ClinicianReferral>, ApiError> {
    Ok(Json(referrals::get(&state, &who, &code, q.since).await?))
}

/// Withdraw an open referral (received or contacted): the patient's contact data and CPR number
/// are erased at once. 409 once it is enrolled, declined, completed or discontinued.
#[utoipa::path(delete, path = "/clinician/referrals/{code}", tag = "clinician", security(("bearer" = [])),
    params(("code" = String, Path, description = "Referral code")),
    responses((status = 200, description = "Withdrawn (or already withdrawn)", body = ClinicianReferral), ClinicianAuth, NotFound, Conflict, Unavailable))]
async fn withdraw_clinician_referral(
    State(state): State<AppState>,
    who: Clinician,
    Path(code): Path<String>,
) -> Result<Json<ClinicianReferral>, ApiError> {
    Ok(Json(referrals::withdraw(&state, &who, &code).await?))
}
