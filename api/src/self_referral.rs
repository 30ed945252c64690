//! Asking to join an offer: create a request, look it up with the receipt code and the contact
//! used, withdraw it.

use crate::contact_digest::ContactKey;
use crate::error::ApiError;
use crate::referral_flow::{self, DAY};
use crate::store::{OfferStore, Referral, ReferralStore};
use forebyg_shared::contact::{normalise_email, normalise_phone};
use forebyg_shared::date::copenhagen_date;
use forebyg_shared::problem::types;
use forebyg_shared::referral::{Actor, ReferralReceipt, ReferralStatus, SelfReferralRequest, RETENTION_DAYS};
use forebyg_shared::taxonomy::{Capacity, OfferStatus};

use forebyg_shared::receipt_code::{self, ALPHABET};

pub fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

/// A fresh code like `K7QM-4XRT`: 8 characters drawn uniformly from 31 (≈ 39.6 bits from the OS).
pub(crate) fn receipt_code() -> Result<String, ApiError> {
    let mut chars = String::with_capacity(9);
    while chars.len() < receipt_code::LEN {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).map_err(|e| ApiError::Store(crate::store::StoreError::Backend(format!("no randomness: {e}"))))?;
        // Rejection sampling: 248 = 8 × 31, so every character is equally likely.
        chars.extend(bytes.iter().filter(|b| **b < 248).map(|b| ALPHABET[(*b % 31) as usize] as char).take(receipt_code::LEN - chars.len()));
    }
    Ok(format!("{}-{}", &chars[..4], &chars[4..]))
}

pub use receipt_code::normalise as normalise_code;

pub fn receipt(r: &Referral) -> ReferralReceipt {
    ReferralReceipt {
        receipt_code: r.receipt_code.clone(),
        offer_id: r.offer_id.clone(),
        offer_title: r.offer_title.clone(),
        status: r.status,
        created_on: r.created_on(),
        updated_on: copenhagen_date(r.updated_at),
        expires_on: copenhagen_date(r.expires_at),
        waitlist: r.waitlist,
        decline_reason: r.decline_reason.filter(|_| r.status == ReferralStatus::Declined),
        contact_by: r.contact_by.clone(),
        overdue: r.contact_overdue(now()),
        withdrawn_by_clinician: r.status == ReferralStatus::Withdrawn && r.history.last().is_some_and(|e| e.by == Actor::Clinician),
        clinician_referral: r.clinician.is_some(),
        first_session: forebyg_shared::first_session::current(&r.history, r.status).filter(|_| r.status == ReferralStatus::Enrolled).cloned(),
        cancelled_first_session: forebyg_shared::first_session::cancelled(&r.history, r.status).filter(|f| f.on >= copenhagen_date(now())).cloned(),
        reopened: forebyg_shared::referral::decline_reopened(&r.history),
    }
}

/// Stores a request to join; a repeat with the same idempotency key returns the first receipt.
/// `Ok((receipt, true))` when a new request was stored.
pub async fn create(
    offers: &dyn OfferStore,
    referrals: &dyn ReferralStore,
    offer_id: &str,
    req: SelfReferralRequest,
) -> Result<(ReferralReceipt, bool), ApiError> {
    if req.website.as_deref().is_some_and(|w| !w.trim().is_empty()) {
        return Err(ApiError::BadRequest("The request was rejected.".into()));
    }
    let errors = req.validate();
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let now = now();
    let offer = offers.get_offer(offer_id).await?.filter(|o| o.status != OfferStatus::Draft);
    let refused = match &offer {
        None => Some(ApiError::NotFound(format!("No published offer with id {offer_id}."))),
        Some(o) if o.is_archived() => Some(ApiError::Conflict {
            kind: types::OFFER_CLOSED,
            title: "This offer has closed",
            detail: "The offer takes no new requests. Find another one in the search.".into(),
        }),
        Some(o) if !o.referral.self_referral => Some(ApiError::Conflict {
            kind: types::SELF_REFERRAL_NOT_ALLOWED,
            title: "This offer needs a referral",
            detail: "Ask your GP, hospital or municipality to refer you.".into(),
        }),
        Some(o) if o.capacity == Capacity::Full => Some(ApiError::Conflict {
            kind: types::OFFER_FULL,
            title: "This offer is full",
            detail: "There are no places and no waiting list.".into(),
        }),
        Some(_) => None,
    };
    if let Some(refused) = refused {
        // A retry of a request stored before the offer filled up or closed is still that
        // request: the citizen gets the receipt (code) the first answer carried.
        return match referrals.referral_by_key(&req.idempotency_key, now).await? {
            Some(first) if first.offer_id == offer_id && first.clinician.is_none() => Ok((receipt(&first), false)),
            _ => Err(refused),
        };
    }
    let offer = offer.expect("refused above when missing");
    let asker = referral_flow::Asker {
        idempotency_key: req.idempotency_key,
        name: &req.name,
        phone: req.phone.as_deref(),
        email: req.email.as_deref(),
        message: req.message,
    };
    let mut record = Referral { contact_time: req.contact_time, ..referral_flow::new_request(&offer, asker, now, now + RETENTION_DAYS * DAY)? };
    referral_flow::received(&mut record);
    let (stored, created) = referral_flow::store_new(referrals, record, &referral_flow::unaudited).await?;
    Ok((receipt(&stored), created))
}

/// The request, only if the code and the contact (phone or e-mail used) both match. Any
/// mismatch looks exactly like an unknown code.
/// `key` checks the digests a clinician's withdrawal left (`crate::contact_digest`).
pub async fn find(referrals: &dyn ReferralStore, key: &ContactKey, code: &str, contact: Option<&str>) -> Result<Referral, ApiError> {
    let not_found = || ApiError::NotFound("No request matches this receipt code and contact.".into());
    let contact = contact.map(str::trim).filter(|c| !c.is_empty()).ok_or_else(not_found)?;
    let r = referrals.get_referral(&normalise_code(code), now()).await?;
    let given_phone = normalise_phone(contact);
    let given_email = normalise_email(contact);
    let matches = |stored: &Option<String>, given: &Option<String>| matches!((stored, given), (Some(s), Some(g)) if constant_time_eq(s, g));
    let found = r.as_ref().is_some_and(|r| matches(&r.phone, &given_phone) || matches(&r.email, &given_email));
    // The withdrawn digest (Argon2id, tens of milliseconds) when the stored contact did not match;
    // every other answer runs a stand-in of the same cost, so the time tells nothing.
    let digests = r.as_ref().filter(|_| !found).and_then(|r| r.withdrawn_contact.as_ref());
    let withdrawn = crate::contact_digest::matches_evenly(digests, key, given_phone.as_deref(), given_email.as_deref());
    match r {
        Some(r) if found || withdrawn => Ok(r),
        _ => Err(not_found()),
    }
}

pub(crate) fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_readable_and_normalised() {
        let code = receipt_code().unwrap();
        assert_eq!(code.len(), 9);
        assert!(code.chars().all(|c| c == '-' || ALPHABET.contains(&(c as u8))), "{code}");
        assert_ne!(receipt_code().unwrap(), code);
        assert!(receipt_code::is_well_formed(&code));
    }
}
