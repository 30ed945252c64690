//! What a browser keeps per clinician account: on a shared consultation-room PC several clinicians
//! use one browser, so anything kept for one of them (the "Nyt siden sidst" marker, a referral
//! form kept while signing in again) is keyed by, or tied to, the signed-in account: the subject of
//! their profile (`GET /api/v1/clinician/me`), kept only as an opaque key.

/// An opaque, stable key for an account (the shared [`crate::kept::account_key`]).
pub use crate::kept::account_key;

/// The localStorage key of "Mine henvisninger"'s marker of the last look, for this account.
pub fn seen_key(subject: &str) -> String {
    format!("{SEEN_PREFIX}.{}", account_key(subject))
}

/// The localStorage key of the last look before the latest one, for this account: the marker
/// "Mine henvisninger" last marked its news against. A referral's page marks the steps after it,
/// so what the list called new is still marked when the clinician opens the referral.
pub fn look_before_key(subject: &str) -> String {
    format!("{SEEN_PREFIX}.before.{}", account_key(subject))
}

/// The device-wide marker of before it was kept per account: someone's, so it is dropped.
pub const LEGACY_SEEN_KEY: &str = "forebyg.clinician.seen";
const SEEN_PREFIX: &str = "forebyg.clinician.seen";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_account_has_its_own_marker() {
        let (a, b) = ("dev-clinician-practice-lgeriatestgade-dev", "dev-clinician-practice-lgeribtestgade-dev");
        assert_ne!(seen_key(a), seen_key(b));
        assert_eq!(seen_key(a), seen_key(a), "stable across visits");
        assert_ne!(seen_key(a), LEGACY_SEEN_KEY, "never the shared key of before");
        assert!(seen_key(a).starts_with("forebyg.clinician.seen.") && !seen_key(a).contains(a));
        assert_ne!(look_before_key(a), seen_key(a));
        assert_ne!(look_before_key(a), look_before_key(b));
    }
}
