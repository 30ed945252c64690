//! What remains of a patient's contact after their clinician withdraws the referral: the phone
//! and e-mail are erased at once (the patient no longer follows it), but the patient may still
//! look it up on the status page with their code. A digest of each normalised contact lets that
//! one lookup say "withdrawn by your clinician" and nothing else; the digests go with the record
//! at its shortened expiry.
//!
//! A Danish phone number is one of 10⁸: a fast hash (SHA-256, even salted) of it is undone by
//! trying them all in a second. Argon2id, memory-hard, with a random salt per record, makes that
//! about a CPU-month per record, while one lookup costs some tens of milliseconds.
//!
//! A CPU-month is within reach of whoever has a copy of the table and wants one number, so the
//! digests are also keyed ([`ARGON2ID_KEYED`]): Argon2id's secret input (RFC 9106 §3.1, K) is a
//! server-side key ([`ContactKey`]) kept outside the table, `FOREBYG_CONTACT_KEY` (in AWS a
//! Secrets Manager secret; locally a generated file in the embedded store's data directory, see
//! `crate::config::ContactKeySource`). A leaked table alone then tells nothing: without the key no
//! guess can be checked. Replacing the key makes the keyed digests already stored unmatchable
//! (their patients are told nothing) until they expire with their records, at most 30 days.
//!
//! Records withdrawn earlier keep the scheme they were made with (`kdf`: absent for salted
//! SHA-256, [`ARGON2ID`] for unkeyed Argon2id) and still match until they expire; a keyed record
//! read without the key, or a scheme this build does not know, matches nothing.

use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The digests kept on a withdrawn referral (hex); no contact can be read back from them.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactDigests {
    pub salt: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// How the digests were made: [`ARGON2ID_KEYED`], [`ARGON2ID`] (records withdrawn before
    /// the key), or absent for salted SHA-256 (records withdrawn before 2026-12-04). The older
    /// ones expire with their records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kdf: Option<String>,
}

/// Argon2id (RFC 9106) with OWASP's first recommended parameters: 19 MiB, 2 passes, 1 lane.
pub const ARGON2ID: &str = "argon2id-m19456-t2-p1";

/// [`ARGON2ID`] with the server's [`ContactKey`] as Argon2's secret input: what new digests are.
pub const ARGON2ID_KEYED: &str = "argon2id-m19456-t2-p1-keyed";

/// The parameters [`ARGON2ID`] and [`ARGON2ID_KEYED`] name, with a 32-byte output.
fn params() -> Params {
    Params::new(19 * 1024, 2, 1, Some(32)).expect("valid Argon2 parameters")
}

/// The hasher [`ARGON2ID`] names.
fn argon2id() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params())
}

/// The server-side key of the contact digests (`FOREBYG_CONTACT_KEY`, see the module
/// documentation). Held once in the app's state; never printed.
#[derive(Clone)]
pub struct ContactKey {
    secret: Box<[u8]>,
}

impl ContactKey {
    /// The key with these bytes (the configured string's UTF-8 bytes); `None` when Argon2 would
    /// refuse them as its secret (over 4 GiB).
    pub fn new(secret: &[u8]) -> Option<Self> {
        let key = ContactKey { secret: secret.into() };
        Argon2::new_with_secret(&key.secret, Algorithm::Argon2id, Version::V0x13, params()).ok()?;
        Some(key)
    }

    /// A random key (32 bytes from the OS) for this process only: digests made with it match
    /// only while it runs. For tests and servers without a configured key outside AWS Lambda.
    pub fn random() -> Self {
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret).expect("randomness from the OS for the contact key");
        ContactKey { secret: secret.into() }
    }

    /// The hasher [`ARGON2ID_KEYED`] names, keyed with this key (the struct itself, borrowing
    /// the key; it is checked to fit in [`ContactKey::new`]).
    fn argon2id(&self) -> Option<Argon2<'_>> {
        Argon2::new_with_secret(&self.secret, Algorithm::Argon2id, Version::V0x13, params()).ok()
    }
}

/// Never prints the key.
impl std::fmt::Debug for ContactKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ContactKey(<secret>)")
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The digest of one normalised contact (`kind`: "phone" or "email", so a value cannot match as
/// the other kind), by `kdf` (see [`ContactDigests::kdf`]); `None` when it cannot be made here
/// (a keyed scheme without the key, a scheme this build does not know).
fn digest(kdf: Option<&str>, key: Option<&ContactKey>, salt: &str, kind: &str, normalised: &str) -> Option<String> {
    let input = format!("{kind}\n{normalised}");
    let hasher = match kdf {
        None => return Some(hex(&Sha256::digest(format!("{salt}\n{input}").as_bytes()))),
        Some(ARGON2ID) => argon2id(),
        Some(ARGON2ID_KEYED) => key?.argon2id()?,
        Some(_) => return None,
    };
    let mut out = [0u8; 32];
    hasher.hash_password_into(input.as_bytes(), salt.as_bytes(), &mut out).ok()?;
    Some(hex(&out))
}

impl ContactDigests {
    /// Keyed digests of the stored (already normalised) phone and e-mail; `None` when there is
    /// neither.
    pub fn of(key: &ContactKey, phone: Option<&str>, email: Option<&str>) -> Option<Self> {
        if phone.is_none() && email.is_none() {
            return None;
        }
        let mut random = [0u8; 16];
        // Without randomness the salt is still unique enough per record for its few weeks.
        let _ = getrandom::fill(&mut random);
        let salt = hex(&random);
        let of = |kind, value: Option<&str>| value.and_then(|v| digest(Some(ARGON2ID_KEYED), Some(key), &salt, kind, v));
        Some(ContactDigests { phone: of("phone", phone), email: of("email", email), kdf: Some(ARGON2ID_KEYED.to_owned()), salt })
    }

    /// Whether a normalised phone or e-mail given at the lookup is the one digested; `key` is
    /// the server's (`None`: a reader without it, to whom keyed digests match nothing).
    pub fn matches(&self, key: Option<&ContactKey>, phone: Option<&str>, email: Option<&str>) -> bool {
        self.candidate(phone, email).is_some_and(|(stored, kind, given)| {
            digest(self.kdf.as_deref(), key, &self.salt, kind, given).is_some_and(|d| crate::self_referral::constant_time_eq(stored, &d))
        })
    }

    /// The stored digest a given contact is checked against, with its kind: the phone's when a
    /// phone is given and one was digested, else the e-mail's likewise (a given contact reads as
    /// one of the two).
    fn candidate<'a>(&'a self, phone: Option<&'a str>, email: Option<&'a str>) -> Option<(&'a str, &'static str, &'a str)> {
        match (&self.phone, phone, &self.email, email) {
            (Some(stored), Some(given), _, _) => Some((stored, "phone", given)),
            (_, _, Some(stored), Some(given)) => Some((stored, "email", given)),
            _ => None,
        }
    }
}

/// Whether the given phone or e-mail is the contact `digests` (if any) were made of, at the cost
/// of one keyed Argon2id run whatever the answer: with nothing to check, a stand-in run. The
/// status lookup calls it on every answer, so how long a lookup takes does not tell a code a
/// clinician withdrew (the only one with a slow check) from an unknown one.
pub fn matches_evenly(digests: Option<&ContactDigests>, key: &ContactKey, phone: Option<&str>, email: Option<&str>) -> bool {
    match digests.filter(|d| d.candidate(phone, email).is_some()) {
        Some(d) => d.matches(Some(key), phone, email),
        None => {
            let _ = digest(Some(ARGON2ID_KEYED), Some(key), "forebyg-stand-in-salt", "phone", "00000000");
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> ContactKey {
        ContactKey::new(&[byte; 32]).unwrap()
    }

    #[test]
    fn matches_only_the_digested_contact() {
        let k = key(1);
        let d = ContactDigests::of(&k, Some("12345678"), Some("karen@example.org")).unwrap();
        assert_eq!(d.kdf.as_deref(), Some(ARGON2ID_KEYED));
        assert!(!d.phone.as_deref().unwrap().contains("12345678"));
        assert!(d.matches(Some(&k), Some("12345678"), None) && d.matches(Some(&k), None, Some("karen@example.org")));
        assert!(!d.matches(Some(&k), Some("12345679"), Some("other@example.org")));
        // A phone number does not match as an e-mail address.
        assert!(!d.matches(Some(&k), None, Some("12345678")));
        // Per-record salt: the same contact digests differently on another record.
        assert_ne!(ContactDigests::of(&k, Some("12345678"), None).unwrap().phone, d.phone);
        assert!(ContactDigests::of(&k, None, None).is_none());
    }

    /// Keyed digests are checked only with the key they were made with: the same key read again
    /// (a restart) matches; another key, or none, matches nothing and does not panic.
    #[test]
    fn the_even_check_answers_as_the_plain_one() {
        let k = key(4);
        let d = ContactDigests::of(&k, Some("12345678"), None).unwrap();
        assert!(matches_evenly(Some(&d), &k, Some("12345678"), None));
        assert!(!matches_evenly(Some(&d), &k, Some("12345679"), None));
        assert!(!matches_evenly(Some(&d), &k, None, Some("a@example.org")), "nothing to check: the stand-in");
        assert!(!matches_evenly(None, &k, Some("12345678"), None));
    }

    #[test]
    fn keyed_digests_match_only_with_their_key() {
        let d = ContactDigests::of(&key(7), Some("12345678"), Some("karen@example.org")).unwrap();
        assert!(d.matches(Some(&key(7)), Some("12345678"), None) && d.matches(Some(&key(7)), None, Some("karen@example.org")));
        assert!(!d.matches(Some(&key(8)), Some("12345678"), Some("karen@example.org")), "another key");
        assert!(!d.matches(Some(&ContactKey::random()), Some("12345678"), Some("karen@example.org")), "a random key");
        assert!(!d.matches(None, Some("12345678"), Some("karen@example.org")), "no key");
        // Read back from the store as written.
        let read: ContactDigests = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert!(read.matches(Some(&key(7)), Some("12345678"), None));
    }

    /// The digest is Argon2id (RFC 9106) over `kind\nvalue` with the record's salt, the stated
    /// parameters and the key as Argon2's secret: not the unkeyed digest of the same salt, nor
    /// the salted SHA-256 a guesser undoes in a second.
    #[test]
    fn the_digest_is_keyed_argon2id_and_slow_to_guess() {
        let k = key(3);
        let d = ContactDigests::of(&k, Some("22345678"), None).unwrap();
        let mut out = [0u8; 32];
        let keyed = Argon2::new_with_secret(&[3; 32], Algorithm::Argon2id, Version::V0x13, params()).unwrap();
        keyed.hash_password_into(b"phone\n22345678", d.salt.as_bytes(), &mut out).unwrap();
        assert_eq!(keyed.params().m_cost(), 19 * 1024);
        assert_eq!((keyed.params().t_cost(), keyed.params().p_cost()), (2, 1));
        assert_eq!(d.phone.as_deref(), Some(hex(&out).as_str()));
        let unkeyed = digest(Some(ARGON2ID), None, &d.salt, "phone", "22345678").unwrap();
        assert_ne!(d.phone.as_deref(), Some(unkeyed.as_str()), "the key changes the digest");
        assert_ne!(d.phone.as_deref(), Some(hex(&Sha256::digest(format!("{}\nphone\n22345678", d.salt).as_bytes())).as_str()));
    }

    /// Records withdrawn before the key (unkeyed Argon2id) or before Argon2id (no `kdf`) still
    /// answer their lookups until they expire, with or without a key; an unknown scheme does not.
    #[test]
    fn older_unkeyed_and_sha256_digests_still_match() {
        let salt = "00112233445566778899aabbccddeeff";
        let unkeyed = ContactDigests {
            salt: salt.into(),
            phone: digest(Some(ARGON2ID), None, salt, "phone", "22345678"),
            email: None,
            kdf: Some(ARGON2ID.into()),
        };
        let mut out = [0u8; 32];
        argon2id().hash_password_into(b"phone\n22345678", salt.as_bytes(), &mut out).unwrap();
        assert_eq!(unkeyed.phone.as_deref(), Some(hex(&out).as_str()));
        let sha = ContactDigests { phone: digest(None, None, salt, "phone", "22345678"), kdf: None, ..unkeyed.clone() };
        let json = serde_json::to_string(&sha).unwrap();
        assert!(!json.contains("kdf"), "{json}");
        for old in [unkeyed, serde_json::from_str(&json).unwrap()] {
            for k in [None, Some(&key(1))] {
                assert!(old.matches(k, Some("22345678"), None) && !old.matches(k, Some("22345679"), None), "{:?}", old.kdf);
            }
        }
        let unknown = ContactDigests { kdf: Some("scrypt".into()), ..sha };
        assert!(!unknown.matches(Some(&key(1)), Some("22345678"), None));
    }

    #[test]
    fn the_key_is_never_printed() {
        let k = ContactKey::new(b"a-key-of-at-least-thirty-two-characters").unwrap();
        assert_eq!(format!("{k:?}"), "ContactKey(<secret>)");
    }
}
