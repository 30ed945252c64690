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

/// The `Forebyg-Contact` header: percent-encoded UTF-8 (an e-mail address may have æ, ø, å,
/// which a header cannot carry as they are); plain ASCII as it is, and raw UTF-8 bytes too.
fn contact(headers: &HeaderMap) -> Option<String> {
    let text = std::str::from_utf8(headers.get(CONTACT_HEADER)?.as_bytes()).ok()?;
    Some(percent_decode(text).unwrap_or_else(|| text.to_owned()))
}

/// `%XX` sequences as UTF-8; `None` if a `%` starts no valid escape or the bytes are not UTF-8
/// (then the value is taken literally).
fn percent_decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        if b == b'%' {
            let hex = std::str::from_utf8(tail.get(..2)?).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
            rest = &tail[2..];
        } else {
            bytes.push(b);
            rest = tail;
        }
    }
    String::from_utf8(bytes).ok()
}

/// Ask to join an offer that allows self-referral. Idempotent by `idempotency_key`. 409 when the
/// offer does not take it (`self-referral-not-allowed`, `offer-full`, `offer-closed` once
/// archived); 404 for an offer that is not published or archived.
#[utoipa::path(
    post, path = "/offers/{id}/self-referrals", tag = "self-referrals",
    params(("id" = String, Path, description = "Offer id")),
    request_body = SelfReferralRequest,
    responses(
        (status = 201, description = "Request stored", body = ReferralReceipt, headers(("Location" = String, description = "The request's status address, /api/v1/self-referrals/{code}"))),
        (status = 200, description = "The same request was already stored (retry or double submit): its receipt, even once the offer is full or unpublished", body = ReferralReceipt, headers(("Location" = String, description = "The request's status address, /api/v1/self-referrals/{code}"))), JsonBody, NotFound, Conflict, RateLimited, Unavailable)
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
    params(("code" = String, Path, description = "Receipt code, e.g. K7QM-4XRT"), ("Forebyg-Contact" = String, Header, description = "Phone number or e-mail given with the request, percent-encoded UTF-8 (RFC 3986: `s%C3%B8ren%40s%C3%B8ndergaard.dk`); plain ASCII may be sent as it is")),
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
    let r = self_referral::find(state.referrals.as_ref(), &state.contact_key, &code, contact(&headers).as_deref()).await?;
    Ok(Json(self_referral::receipt(&r)))
}

/// Withdraw a request that has not been handled yet (both factors as for the status).
#[utoipa::path(
    delete, path = "/self-referrals/{code}", tag = "self-referrals",
    params(("code" = String, Path, description = "Receipt code"), ("Forebyg-Contact" = String, Header, description = "Phone number or e-mail given with the request, percent-encoded UTF-8 (RFC 3986: `s%C3%B8ren%40s%C3%B8ndergaard.dk`); plain ASCII may be sent as it is")),
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
    let r = self_referral::find(state.referrals.as_ref(), &state.contact_key, &code, contact(&headers).as_deref()).await?;
    let r = crate::referral_flow::withdraw(state.referrals.as_ref(), &state.contact_key, r, Actor::Citizen, &crate::referral_flow::unaudited).await?;
    Ok(Json(self_referral::receipt(&r)))
}

#[cfg(test)]
mod tests {
    use super::percent_decode;

    #[test]
    fn contact_header_decoding() {
        assert_eq!(percent_decode("s%C3%B8ren%40s%C3%B8ndergaard.dk").as_deref(), Some("søren@søndergaard.dk"));
        assert_eq!(percent_decode("%2B45 22 34 56 78").as_deref(), Some("+45 22 34 56 78"));
        assert_eq!(percent_decode("karen@example.org").as_deref(), Some("karen@example.org"));
        // Not an escape (or not UTF-8): the caller takes the value literally.
        assert_eq!(percent_decode("100%"), None);
        assert_eq!(percent_decode("a%zz"), None);
        assert_eq!(percent_decode("%FF"), None);
    }
}
