//! "Jeg vil gerne deltage": a citizen asks to join an offer, and later checks or withdraws the
//! request with the receipt code plus the phone number or e-mail they gave.

use crate::error::ApiError;
use crate::extract::{ApiJson, ClientKey};
use crate::openapi::{Conflict, JsonBody, NotFound, RateLimited, Unavailable};
use crate::rate_limit::RateLimiter;
use crate::{self_referral, AppState};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use forebyg_shared::referral::{Actor, ReferralReceipt, SelfReferralRequest, CONTACT_HEADER};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(create_self_referral)).routes(routes!(get_self_referral, withdraw_self_referral))
}

fn limit(limiter: &RateLimiter, client: &ClientKey) -> Result<(), ApiError> {
    limiter.check(&client.0).map_err(|retry_after_secs| ApiError::TooManyRequests { retry_after_secs })
}

fn contact(headers: &HeaderMap) -> Option<&str> {
    headers.get(CONTACT_HEADER).and_then(|v| v.to_str().ok())
}

/// Ask to join an offer that allows self-referral. Idempotent by `idempotency_key`.
#[utoipa::path(
    post, path = "/offers/{id}/self-referrals", tag = "self-referrals",
    params(("id" = String, Path, description = "Offer id")),
    request_body = SelfReferralRequest,
    responses(
        (status = 201, description = "Request stored", body = ReferralReceipt),
        (status = 200, description = "The same request was already stored (retry or double submit): its receipt, even once the offer is full or unpublished", body = ReferralReceipt), JsonBody, NotFound, Conflict, RateLimited, Unavailable)
)]
async fn create_self_referral(
    State(state): State<AppState>,
    client: ClientKey,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SelfReferralRequest>,
) -> Result<Response, ApiError> {
    limit(&state.limits.self_referral, &client)?;
    let (receipt, created) = self_referral::create(state.store.as_ref(), state.referrals.as_ref(), &id, body).await?;
    let status = if created { StatusCode::CREATED } else { StatusCode::OK };
    let location = format!("/api/v1/self-referrals/{}", receipt.receipt_code);
    Ok((status, [(header::LOCATION, location)], Json(receipt)).into_response())
}

/// The status of a request: needs the receipt code and, in the `Forebyg-Contact` header, the
/// phone number or e-mail used. Reveals nothing unless both match.
#[utoipa::path(
    get, path = "/self-referrals/{code}", tag = "self-referrals",
    params(("code" = String, Path, description = "Receipt code, e.g. K7QM-4XRT"), ("Forebyg-Contact" = String, Header, description = "Phone number or e-mail given with the request")),
    responses(
        (status = 200, body = ReferralReceipt), NotFound, RateLimited, Unavailable)
)]
async fn get_self_referral(
    State(state): State<AppState>,
    client: ClientKey,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Result<Json<ReferralReceipt>, ApiError> {
    limit(&state.limits.lookup, &client)?;
    let r = self_referral::find(state.referrals.as_ref(), &code, contact(&headers)).await?;
    Ok(Json(self_referral::receipt(&r)))
}

/// Withdraw a request that has not been handled yet (both factors as for the status).
#[utoipa::path(
    delete, path = "/self-referrals/{code}", tag = "self-referrals",
    params(("code" = String, Path, description = "Receipt code"), ("Forebyg-Contact" = String, Header, description = "Phone number or e-mail given with the request")),
    responses(
        (status = 200, description = "Withdrawn (or already withdrawn)", body = ReferralReceipt), NotFound, Conflict, RateLimited, Unavailable)
)]
async fn withdraw_self_referral(
    State(state): State<AppState>,
    client: ClientKey,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Result<Json<ReferralReceipt>, ApiError> {
    limit(&state.limits.lookup, &client)?;
    let r = self_referral::find(state.referrals.as_ref(), &code, contact(&headers)).await?;
    let r = crate::referral_flow::withdraw(state.referrals.as_ref(), r, Actor::Citizen, &crate::referral_flow::unaudited).await?;
    Ok(Json(self_referral::receipt(&r)))
}
