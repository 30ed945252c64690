//! The sign-in's pure parts (compiled natively for tests), for the admin workspace and the
//! clinician pages alike: the authorization request, the token request, the sign-out address,
//! what a callback says, and where to go back to. The browser parts (random values, SHA-256,
//! storage, redirects) are in `sign_in.rs`.

use crate::query::{encode, query_string};
/// The development issuer's authorize page (a local build's admin app only).
pub use forebyg_shared::auth::DEV_AUTHORIZE_PATH as DEV_LOGIN;
use forebyg_shared::search::AdminSignIn;

/// Which part of the site signs in: its pages live under `base`, its sign-in page is `login`
/// and the identity provider answers at `{base}/callback`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flow {
    pub base: &'static str,
    pub login: &'static str,
    /// The pages that work without a session (the sign-in itself).
    pub sign_in_pages: &'static [&'static str],
}

/// The admin workspace (its own bundle under `/admin`).
pub const ADMIN: Flow = Flow { base: "/admin", login: "/admin/login", sign_in_pages: &["/admin/login", DEV_LOGIN, "/admin/callback"] };

/// The clinician pages of the citizen app (referring, "Mine henvisninger").
pub const CLINICIAN: Flow = Flow { base: "/klinik", login: "/klinik/log-ind", sign_in_pages: &["/klinik/log-ind", "/klinik/callback"] };

impl Flow {
    /// Where the identity provider sends the browser back, on this origin.
    pub fn redirect_uri(self, origin: &str) -> String {
        format!("{origin}{}/callback", self.base)
    }

    /// A page of this part of the site to return to after signing in (nothing else: no open
    /// redirect).
    pub fn safe_return(self, path: Option<&str>) -> String {
        let base = self.base;
        match path {
            Some(p)
                if (p == base || p.starts_with(&format!("{base}/")) || p.starts_with(&format!("{base}?")))
                    && !p.contains("//")
                    && !self.is_sign_in_page(p) =>
            {
                p.to_owned()
            }
            _ => base.to_owned(),
        }
    }

    /// The sign-in pages themselves, where no session is needed.
    pub fn is_sign_in_page(self, path: &str) -> bool {
        self.sign_in_pages.iter().any(|p| path == *p || path.starts_with(&format!("{p}?")) || path.starts_with(&format!("{p}/")))
    }

    /// Cognito's sign-out: `{logout}?client_id=…&logout_uri=…` (the URI must be a registered
    /// LogoutURL): back to this part's sign-in page.
    pub fn logout_href(self, logout_url: &str, client_id: &str, origin: &str) -> String {
        format!("{logout_url}?client_id={}&logout_uri={}", encode(client_id), encode(&format!("{origin}{}", self.login)))
    }
}

/// A code verifier from 32 random bytes: 43 base64url characters (RFC 7636 §4.1).
pub fn verifier(random: &[u8; 32]) -> String {
    forebyg_shared::pkce::base64url(random)
}

/// The authorization request (RFC 6749 §4.1.1 + RFC 7636 §4.3).
pub fn authorize_href(s: &AdminSignIn, redirect_uri: &str, state: &str, challenge: &str) -> String {
    let separator = if s.authorize_url.contains('?') { '&' } else { '?' };
    let query = query_string(&[
        ("response_type", "code".into()),
        ("client_id", s.client_id.clone()),
        ("redirect_uri", redirect_uri.into()),
        ("scope", s.scopes.join(" ")),
        ("state", state.into()),
        ("code_challenge", challenge.into()),
        ("code_challenge_method", "S256".into()),
    ]);
    format!("{}{separator}{query}", s.authorize_url)
}

/// The token request's form body (RFC 6749 §4.1.3 + RFC 7636 §4.5).
pub fn token_form(code: &str, redirect_uri: &str, client_id: &str, verifier: &str) -> String {
    query_string(&[
        ("grant_type", "authorization_code".into()),
        ("code", code.into()),
        ("redirect_uri", redirect_uri.into()),
        ("client_id", client_id.into()),
        ("code_verifier", verifier.into()),
    ])
}

/// Why a callback did not sign in.
#[derive(Debug, Clone, PartialEq)]
pub enum CallbackError {
    /// The identity provider said no (`access_denied`: cancelled or not allowed) or failed.
    Refused { access_denied: bool },
    /// No sign-in was started in this tab, or `state` differs: not our answer.
    StateMismatch,
    /// The code was refused at the token endpoint (`invalid_grant`: used, expired, wrong verifier).
    InvalidGrant,
    /// The token endpoint or the API could not be reached.
    Network,
}

/// The code from a callback's query, if it answers the sign-in this tab started.
pub fn callback_code(code: Option<&str>, state: Option<&str>, error: Option<&str>, expected_state: Option<&str>) -> Result<String, CallbackError> {
    if let Some(error) = error {
        return Err(CallbackError::Refused { access_denied: error == "access_denied" });
    }
    match (code, state, expected_state) {
        (Some(code), Some(state), Some(expected)) if !code.is_empty() && !expected.is_empty() && state == expected => Ok(code.to_owned()),
        _ => Err(CallbackError::StateMismatch),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> AdminSignIn {
        AdminSignIn {
            authorize_url: "https://forebyg-prod.auth.eu-north-1.amazoncognito.com/oauth2/authorize".into(),
            token_url: "https://forebyg-prod.auth.eu-north-1.amazoncognito.com/oauth2/token".into(),
            logout_url: Some("https://forebyg-prod.auth.eu-north-1.amazoncognito.com/logout".into()),
            client_id: "abc123".into(),
            scopes: vec!["openid".into(), "email".into(), "profile".into()],
            development: false,
        }
    }

    #[test]
    fn the_authorization_request_carries_pkce_s256_and_state() {
        let href =
            authorize_href(&settings(), &ADMIN.redirect_uri("https://forebyg.example.dk"), "st/ate", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assert_eq!(
            href,
            "https://forebyg-prod.auth.eu-north-1.amazoncognito.com/oauth2/authorize?response_type=code&client_id=abc123\
             &redirect_uri=https%3A%2F%2Fforebyg.example.dk%2Fadmin%2Fcallback&scope=openid%20email%20profile&state=st%2Fate\
             &code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
        );
    }

    #[test]
    fn verifiers_are_43_unreserved_characters() {
        let v = verifier(&[0xff; 32]);
        assert_eq!(v.len(), 43);
        assert!(forebyg_shared::pkce::is_valid_verifier(&v));
    }

    #[test]
    fn token_request_and_sign_out_addresses() {
        assert_eq!(
            token_form("c+d", "http://127.0.0.1:8080/admin/callback", "forebyg-admin", "v"),
            "grant_type=authorization_code&code=c%2Bd&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fadmin%2Fcallback&client_id=forebyg-admin&code_verifier=v"
        );
        assert_eq!(
            ADMIN.logout_href("https://x.auth.eu-north-1.amazoncognito.com/logout", "abc", "https://forebyg.example.dk"),
            "https://x.auth.eu-north-1.amazoncognito.com/logout?client_id=abc&logout_uri=https%3A%2F%2Fforebyg.example.dk%2Fadmin%2Flogin"
        );
    }

    #[test]
    fn a_callback_must_answer_this_tabs_sign_in() {
        assert_eq!(callback_code(Some("c"), Some("s"), None, Some("s")), Ok("c".into()));
        assert_eq!(callback_code(Some("c"), Some("other"), None, Some("s")), Err(CallbackError::StateMismatch));
        assert_eq!(callback_code(Some("c"), Some("s"), None, None), Err(CallbackError::StateMismatch));
        assert_eq!(callback_code(Some("c"), None, None, Some("s")), Err(CallbackError::StateMismatch));
        assert_eq!(callback_code(None, Some("s"), Some("access_denied"), Some("s")), Err(CallbackError::Refused { access_denied: true }));
        assert_eq!(callback_code(None, Some("s"), Some("server_error"), Some("s")), Err(CallbackError::Refused { access_denied: false }));
    }

    #[test]
    fn only_pages_of_the_same_part_are_returned_to() {
        assert_eq!(ADMIN.safe_return(Some("/admin/tilbud/abc?x=1")), "/admin/tilbud/abc?x=1");
        assert_eq!(ADMIN.safe_return(Some("/admin")), "/admin");
        for bad in [
            "https://evil.example/admin",
            "//evil.example/admin",
            "/admin//evil",
            "/adminx",
            "/admin/login",
            "/admin/callback?code=1",
            "/",
            "/klinik",
        ] {
            assert_eq!(ADMIN.safe_return(Some(bad)), "/admin", "{bad}");
        }
        assert_eq!(ADMIN.safe_return(None), "/admin");
        assert!(ADMIN.is_sign_in_page(DEV_LOGIN) && !ADMIN.is_sign_in_page("/admin/tilbud"));
        assert_eq!(CLINICIAN.safe_return(Some("/klinik/henvis/abc")), "/klinik/henvis/abc");
        for bad in ["/admin", "/klinik/callback?code=1", "/klinik/log-ind", "/klinikx"] {
            assert_eq!(CLINICIAN.safe_return(Some(bad)), "/klinik", "{bad}");
        }
        assert_eq!(CLINICIAN.redirect_uri("https://forebyg.example.dk"), "https://forebyg.example.dk/klinik/callback");
    }
}
