//! What remains of a patient's contact after their clinician withdraws the referral: the phone
//! and e-mail are erased at once (the patient no longer follows it), but the patient may still
//! look it up on the status page with their code. A salted SHA-256 digest of each normalised
//! contact, with a random salt per record, lets that one lookup say "withdrawn by your
//! clinician" and nothing else; the digests go with the record at its shortened expiry.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The digests kept on a withdrawn referral (hex); no contact can be read back from them.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactDigests {
    pub salt: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The digest of one normalised contact (`kind`: "phone" or "email", so a value cannot match as
/// the other kind).
fn digest(salt: &str, kind: &str, normalised: &str) -> String {
    hex(&Sha256::digest(format!("{salt}\n{kind}\n{normalised}").as_bytes()))
}

impl ContactDigests {
    /// Digests of the stored (already normalised) phone and e-mail; `None` when there is neither.
    pub fn of(phone: Option<&str>, email: Option<&str>) -> Option<Self> {
        if phone.is_none() && email.is_none() {
            return None;
        }
        let mut random = [0u8; 16];
        // Without randomness the salt is still unique enough per record for its few weeks.
        let _ = getrandom::fill(&mut random);
        let salt = hex(&random);
        Some(ContactDigests { phone: phone.map(|p| digest(&salt, "phone", p)), email: email.map(|e| digest(&salt, "email", e)), salt })
    }

    /// Whether a normalised phone or e-mail given at the lookup is the one digested.
    pub fn matches(&self, phone: Option<&str>, email: Option<&str>) -> bool {
        let same = |stored: &Option<String>, kind: &str, given: Option<&str>| match (stored, given) {
            (Some(s), Some(g)) => crate::self_referral::constant_time_eq(s, &digest(&self.salt, kind, g)),
            _ => false,
        };
        same(&self.phone, "phone", phone) || same(&self.email, "email", email)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_only_the_digested_contact() {
        let d = ContactDigests::of(Some("12345678"), Some("karen@example.org")).unwrap();
        assert!(!d.phone.as_deref().unwrap().contains("12345678"));
        assert!(d.matches(Some("12345678"), None) && d.matches(None, Some("karen@example.org")));
        assert!(!d.matches(Some("12345679"), Some("other@example.org")));
        // Per-record salt: the same contact digests differently on another record.
        assert_ne!(ContactDigests::of(Some("12345678"), None).unwrap().phone, d.phone);
        assert!(ContactDigests::of(None, None).is_none());
    }
}
