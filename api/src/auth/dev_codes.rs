//! The development authorization server's authorization codes: random, single-use, bound to the
//! client, the redirect URI and the PKCE challenge, valid for a minute, kept in memory (one
//! local process; the dev issuer never runs in Lambda).

use super::Claims;
use forebyg_shared::pkce::base64url;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a code may wait for its exchange (Cognito's are valid for five minutes; the browser
/// exchanges at once).
pub const CODE_TTL: Duration = Duration::from_secs(60);

/// What the sign-in page granted, waiting for the token request.
pub struct Grant {
    pub claims: Claims,
    pub client_id: String,
    pub redirect_uri: String,
    /// S256 challenge: base64url(SHA-256(code_verifier)).
    pub code_challenge: String,
}

/// Why a code exchange fails: always `invalid_grant`, without saying which check failed.
#[derive(Debug, PartialEq)]
pub struct InvalidGrant;

pub struct CodeStore {
    ttl: Duration,
    codes: Mutex<HashMap<String, (Instant, Grant)>>,
}

impl CodeStore {
    pub fn new(ttl: Duration) -> Self {
        CodeStore { ttl, codes: Mutex::new(HashMap::new()) }
    }

    /// Keeps the grant and returns its new code (256 random bits).
    pub fn issue(&self, grant: Grant) -> String {
        let mut random = [0u8; 32];
        getrandom::fill(&mut random).expect("the OS random source");
        let code = base64url(&random);
        let mut codes = self.codes.lock().expect("code store lock");
        codes.retain(|_, (at, _)| at.elapsed() < self.ttl);
        codes.insert(code.clone(), (Instant::now(), grant));
        code
    }

    /// Exchanges a code once: it is gone after any attempt, right or wrong (RFC 6749 §4.1.2).
    pub fn redeem(&self, code: &str, client_id: &str, redirect_uri: &str, code_verifier: &str) -> Result<Claims, InvalidGrant> {
        let (at, grant) = self.codes.lock().expect("code store lock").remove(code).ok_or(InvalidGrant)?;
        let fresh = at.elapsed() < self.ttl;
        let same_client = grant.client_id == client_id && grant.redirect_uri == redirect_uri;
        // Constant-time enough for a dev server; the verifier's hash must equal the challenge.
        let proven = forebyg_shared::pkce::is_valid_verifier(code_verifier) && s256(code_verifier) == grant.code_challenge;
        if fresh && same_client && proven {
            Ok(grant.claims)
        } else {
            Err(InvalidGrant)
        }
    }
}

/// RFC 7636 S256: base64url(SHA-256(verifier)).
pub fn s256(code_verifier: &str) -> String {
    base64url(&Sha256::digest(code_verifier.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use forebyg_shared::auth::Role;

    const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    fn grant() -> Grant {
        Grant {
            claims: super::super::dev::claims(Role::NationalAdmin, None, None, 60),
            client_id: "forebyg-admin".into(),
            redirect_uri: "http://127.0.0.1/admin/callback".into(),
            code_challenge: s256(VERIFIER),
        }
    }

    #[test]
    fn s256_matches_rfc_7636_appendix_b() {
        assert_eq!(s256(VERIFIER), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    #[test]
    fn a_code_expires() {
        let store = CodeStore::new(Duration::from_millis(20));
        let code = store.issue(grant());
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(store.redeem(&code, "forebyg-admin", "http://127.0.0.1/admin/callback", VERIFIER).unwrap_err(), InvalidGrant);
    }

    #[test]
    fn a_code_works_once_and_a_wrong_attempt_spends_it() {
        let store = CodeStore::new(CODE_TTL);
        let code = store.issue(grant());
        assert!(store.redeem(&code, "forebyg-admin", "http://127.0.0.1/admin/callback", VERIFIER).is_ok());
        assert!(store.redeem(&code, "forebyg-admin", "http://127.0.0.1/admin/callback", VERIFIER).is_err());
        let code = store.issue(grant());
        assert!(store.redeem(&code, "other-client", "http://127.0.0.1/admin/callback", VERIFIER).is_err());
        assert!(store.redeem(&code, "forebyg-admin", "http://127.0.0.1/admin/callback", VERIFIER).is_err());
    }
}
