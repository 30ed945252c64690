//! What remains of a patient's contact after their clinician withdraws the referral: the phone
//! and e-mail are erased at once (the patient no longer follows it), but the patient may still
//! look it up on the status page with their code. A digest of each normalised contact lets that
//! one lookup say "withdrawn by your clinician" and nothing else; the digests go with the record
//! at its shortened expiry.
//!
//! A Danish phone number is one of 10⁸: a fast hash (SHA-256, even salted) of it is undone by
//! trying them all in a second. Argon2id, memory-hard, with a random salt per record, makes that
//! about a CPU-month per record, while one lookup costs some tens of milliseconds.

use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The digests kept on a withdrawn referral (hex); no contact can be read back from them.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactDigests {
    pub salt: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// How the digests were made: [`ARGON2ID`], or absent for salted SHA-256 (records withdrawn
    /// before 2026-12-04; they expire with their record).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kdf: Option<String>,
}

/// Argon2id (RFC 9106) with OWASP's first recommended parameters: 19 MiB, 2 passes, 1 lane.
pub const ARGON2ID: &str = "argon2id-m19456-t2-p1";

/// The hasher [`ARGON2ID`] names, with a 32-byte output.
fn argon2id() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, Some(32)).expect("valid Argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The digest of one normalised contact (`kind`: "phone" or "email", so a value cannot match as
/// the other kind), by `kdf` (see [`ContactDigests::kdf`]).
fn digest(kdf: Option<&str>, salt: &str, kind: &str, normalised: &str) -> Option<String> {
    let input = format!("{kind}\n{normalised}");
    match kdf {
        None => Some(hex(&Sha256::digest(format!("{salt}\n{input}").as_bytes()))),
        Some(ARGON2ID) => {
            let mut out = [0u8; 32];
            argon2id().hash_password_into(input.as_bytes(), salt.as_bytes(), &mut out).ok()?;
            Some(hex(&out))
        }
        // A scheme this build does not know matches nothing.
        Some(_) => None,
    }
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
        let of = |kind, value: Option<&str>| value.and_then(|v| digest(Some(ARGON2ID), &salt, kind, v));
        Some(ContactDigests { phone: of("phone", phone), email: of("email", email), kdf: Some(ARGON2ID.to_owned()), salt })
    }

    /// Whether a normalised phone or e-mail given at the lookup is the one digested.
    pub fn matches(&self, phone: Option<&str>, email: Option<&str>) -> bool {
        let same = |stored: &Option<String>, kind: &str, given: Option<&str>| match (stored, given) {
            (Some(s), Some(g)) => digest(self.kdf.as_deref(), &self.salt, kind, g).is_some_and(|d| crate::self_referral::constant_time_eq(s, &d)),
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
        assert_eq!(d.kdf.as_deref(), Some(ARGON2ID));
        assert!(!d.phone.as_deref().unwrap().contains("12345678"));
        assert!(d.matches(Some("12345678"), None) && d.matches(None, Some("karen@example.org")));
        assert!(!d.matches(Some("12345679"), Some("other@example.org")));
        // A phone number does not match as an e-mail address.
        assert!(!d.matches(None, Some("12345678")));
        // Per-record salt: the same contact digests differently on another record.
        assert_ne!(ContactDigests::of(Some("12345678"), None).unwrap().phone, d.phone);
        assert!(ContactDigests::of(None, None).is_none());
    }

    /// The digest is Argon2id (RFC 9106) over `kind\nvalue` with the record's salt and the
    /// stated parameters, not the salted SHA-256 a guesser undoes in a second.
    #[test]
    fn the_digest_is_argon2id_and_slow_to_guess() {
        let d = ContactDigests::of(Some("22345678"), None).unwrap();
        let mut out = [0u8; 32];
        argon2id().hash_password_into(b"phone\n22345678", d.salt.as_bytes(), &mut out).unwrap();
        assert_eq!(argon2id().params().m_cost(), 19 * 1024);
        assert_eq!(d.phone.as_deref(), Some(hex(&out).as_str()));
        assert_ne!(d.phone.as_deref(), Some(hex(&Sha256::digest(format!("{}\nphone\n22345678", d.salt).as_bytes())).as_str()));
    }

    /// Records withdrawn before Argon2id (no `kdf`) still answer their lookups until they expire.
    #[test]
    fn older_sha256_digests_still_match() {
        let salt = "00112233445566778899aabbccddeeff";
        let old = ContactDigests { salt: salt.into(), phone: digest(None, salt, "phone", "22345678"), email: None, kdf: None };
        let json = serde_json::to_string(&old).unwrap();
        assert!(!json.contains("kdf"), "{json}");
        let read: ContactDigests = serde_json::from_str(&json).unwrap();
        assert!(read.matches(Some("22345678"), None) && !read.matches(Some("22345679"), None));
        let unknown = ContactDigests { kdf: Some("scrypt".into()), ..old };
        assert!(!unknown.matches(Some("22345678"), None));
    }
}
