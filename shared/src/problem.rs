//! RFC 9457 problem details: the body of every 4xx/5xx response of the API.

use crate::validation::FieldError;
use serde::{Deserialize, Serialize};

/// The media type of a problem body.
pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// Problem type URIs (RFC 9457 `type`), stable and machine-readable.
pub mod types {
    pub const VALIDATION: &str = "urn:forebyg:problem:validation";
    pub const NOT_FOUND: &str = "urn:forebyg:problem:not-found";
    pub const INTERNAL: &str = "urn:forebyg:problem:internal";
    pub const UNAVAILABLE: &str = "urn:forebyg:problem:unavailable";
    pub const UNAUTHENTICATED: &str = "urn:forebyg:problem:unauthenticated";
    pub const FORBIDDEN: &str = "urn:forebyg:problem:forbidden";
    /// The record changed since the editor loaded it (optimistic concurrency).
    pub const STALE_VERSION: &str = "urn:forebyg:problem:stale-version";
    pub const BAD_REQUEST: &str = "urn:forebyg:problem:bad-request";
    /// The path exists, but not with this method (the `Allow` header lists those it has).
    pub const METHOD_NOT_ALLOWED: &str = "urn:forebyg:problem:method-not-allowed";
    pub const RATE_LIMITED: &str = "urn:forebyg:problem:rate-limited";
    /// The offer does not take self-referrals: the citizen needs a referral (e.g. from their GP).
    pub const SELF_REFERRAL_NOT_ALLOWED: &str = "urn:forebyg:problem:self-referral-not-allowed";
    /// The offer is full and has no waiting list.
    pub const OFFER_FULL: &str = "urn:forebyg:problem:offer-full";
    /// The offer is archived (closed): it takes no new requests or referrals. Its page still
    /// reads, marked `archived`, for the people already on it.
    pub const OFFER_CLOSED: &str = "urn:forebyg:problem:offer-closed";
    /// A provider or location cannot be archived while published offers use it.
    pub const RECORD_IN_USE: &str = "urn:forebyg:problem:record-in-use";
    /// A provider or location with the chosen id exists already.
    pub const RECORD_EXISTS: &str = "urn:forebyg:problem:record-exists";
    /// The offer does not take referrals from this kind of referrer, or not through Forebyg.
    pub const REFERRER_NOT_ACCEPTED: &str = "urn:forebyg:problem:referrer-not-accepted";
    /// The status change is not a step of the referral workflow from its current status.
    pub const INVALID_TRANSITION: &str = "urn:forebyg:problem:invalid-transition";
    /// The request is enrolled or declined and can no longer be withdrawn.
    pub const REFERRAL_CLOSED: &str = "urn:forebyg:problem:referral-closed";
    /// The referral key (idempotency key, a record system's identifier) was already used for
    /// another referral: a different patient, offer or content.
    pub const KEY_REUSED: &str = "urn:forebyg:problem:key-reused";
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Field-specific errors of a validation problem.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

impl Problem {
    pub fn validation(errors: Vec<FieldError>) -> Self {
        Problem {
            kind: types::VALIDATION.into(),
            title: "The request has invalid fields".into(),
            status: 422,
            // "field: message", unless the message opens with its field already ("“consent”: …").
            detail: Some(
                errors
                    .iter()
                    .map(|e| match e.message.en.starts_with(&format!("“{}”", e.field)) {
                        true => e.message.en.clone(),
                        false => format!("{}: {}", e.field, e.message.en),
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            errors,
        }
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        Problem { kind: types::NOT_FOUND.into(), title: "Not found".into(), status: 404, detail: Some(detail.into()), errors: vec![] }
    }

    /// The error for a field, if this problem names it.
    pub fn field(&self, name: &str) -> Option<&FieldError> {
        self.errors.iter().find(|e| e.field == name)
    }
}
