//! The fingerprint of a clinician's referral request: a repeat of an idempotency key (or a record
//! system's identifier) is the same referral only when it is the same request, so a reused key
//! never hands out another patient's referral.

use crate::store::Referral;
use forebyg_shared::clinician::{normalise_language, ClinicianReferralRequest};
use forebyg_shared::contact::{normalise_email, normalise_phone};
use serde_json::json;
use sha2::{Digest, Sha256};

/// SHA-256 (hex) over a canonical JSON form of the request as it would be stored: the offer, the
/// patient's name, contact, CPR number, conditions, reason and interpreter language, each
/// normalised as the stored referral is (a retry that differs only in spacing is the same), and
/// the time to call, if given.
pub fn request_hash(offer_id: &str, req: &ClinicianReferralRequest) -> String {
    let trimmed = |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    let mut conditions: Vec<&str> = req.conditions.iter().map(|c| c.code()).collect();
    conditions.sort_unstable();
    conditions.dedup();
    // An array in a fixed order: canonical whatever the JSON map's ordering.
    let mut canonical = json!([
        offer_id,
        req.patient_name.trim(),
        req.phone.as_deref().and_then(normalise_phone),
        req.email.as_deref().and_then(normalise_email),
        req.cpr.as_deref().and_then(forebyg_shared::cpr::normalise),
        conditions,
        trimmed(&req.reason),
        req.interpreter_language.as_deref().and_then(normalise_language),
    ]);
    // Added later, and only when given: a request without it hashes as before, so a retry of a
    // referral stored earlier is still that referral.
    if let (Some(time), Some(list)) = (req.contact_time, canonical.as_array_mut()) {
        list.push(json!(time.code()));
    }
    Sha256::digest(canonical.to_string().as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether the stored referral was made from the request with this hash (records from before the
/// hash was kept cannot be compared: their offer was, by the caller).
pub fn same_request(stored: &Referral, hash: &str) -> bool {
    stored.clinician.as_ref().and_then(|c| c.request_hash.as_deref()).is_none_or(|h| h == hash)
}
