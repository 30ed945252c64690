//! Signing in with the OAuth 2.0 authorization code flow + PKCE (S256), the same against Cognito's
//! hosted UI and the development issuer, for the admin workspace and the clinician pages alike
//! (each a [`Session`]): `start` makes the verifier (crypto.getRandomValues), its challenge (Web
//! Crypto SHA-256, so the wasm carries no hasher) and `state`, keeps them in this tab's
//! sessionStorage and goes to the authorize URL; `exchange` (on the part's `/callback`) checks
//! `state`, exchanges the code with the verifier and stores the ID token. The pure parts are in
//! [`crate::oauth`].

use crate::api::ApiError;
use crate::oauth::{self, CallbackError, Flow};
use forebyg_shared::search::{AdminSignIn, ClientConfig};
use gloo_net::http::{Method, RequestBuilder};
use leptos::prelude::window;
use serde::Deserialize;

/// One part of the site that signs in, and the sessionStorage keys of its sign-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Session {
    pub flow: Flow,
    /// The keys are `{prefix}-token`, `{prefix}-pkce-verifier` and so on.
    prefix: &'static str,
}

/// The admin workspace.
pub const ADMIN: Session = Session { flow: oauth::ADMIN, prefix: "forebyg-admin" };
/// The clinician pages.
pub const CLINICIAN: Session = Session { flow: oauth::CLINICIAN, prefix: "forebyg-clinician" };

fn storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// Why a sign-in could not start.
pub enum StartError {
    /// No crypto.getRandomValues or crypto.subtle (old browser, or not a secure context).
    NoCrypto,
}

impl Session {
    fn key(self, what: &str) -> String {
        format!("{}-{what}", self.prefix)
    }

    /// Keeps `value` as `what` in this tab's sessionStorage, under this part's prefix (so
    /// [`forget`](Self::forget) clears it).
    pub fn put(self, what: &str, value: &str) {
        if let Some(s) = storage() {
            let _ = s.set_item(&self.key(what), value);
        }
    }

    /// What is kept as `what`, read once.
    pub fn take(self, what: &str) -> Option<String> {
        let s = storage()?;
        let v = s.get_item(&self.key(what)).ok().flatten();
        let _ = s.remove_item(&self.key(what));
        v
    }

    /// What is kept as `what`, left in place.
    pub fn peek(self, what: &str) -> Option<String> {
        storage()?.get_item(&self.key(what)).ok().flatten()
    }

    /// Forgets everything the sign-in keeps in the tab's sessionStorage (the token, a sign-in under
    /// way, where to return, why the last session ended) and what this part's pages keep there
    /// under the prefix, named in `also`.
    pub fn forget(self, also: &[&str]) {
        for what in ["token", "pkce-verifier", "pkce-state", "return", "expired"].iter().chain(also) {
            let _ = self.take(what);
        }
    }

    /// The ID token of this tab's session.
    pub fn token(self) -> Option<String> {
        storage()?.get_item(&self.key("token")).ok().flatten().filter(|t| !t.is_empty())
    }

    pub fn set_token(self, token: &str) {
        self.put("token", token);
    }

    pub fn clear_token(self) {
        let _ = self.take("token");
    }

    /// Goes to this part's sign-in page, to come back to the current page afterwards; `expired`
    /// when the API refused the token (the sign-in page then says why).
    pub fn to_login(self, expired: bool) {
        let location = window().location();
        let here = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
        if !self.flow.is_sign_in_page(&here) {
            self.put("return", &self.flow.safe_return(Some(&here)));
        }
        if expired {
            self.put("expired", "1");
        }
        self.clear_token();
        // Replaced, not added: Back after signing in again returns to the page before, not to
        // the sign-in page (the page itself comes back through `return`).
        let _ = location.replace(self.flow.login);
    }

    /// Remembers where to come back to after signing in (a page of this part only).
    pub fn return_after(self, path: &str) {
        self.put("return", &self.flow.safe_return(Some(path)));
    }

    /// Where to go after signing in (read once).
    pub fn take_return(self) -> String {
        self.flow.safe_return(self.take("return").as_deref())
    }

    /// Whether the last session ended because the token expired (read once).
    pub fn take_expired(self) -> bool {
        self.take("expired").is_some()
    }

    /// Starts the authorization request: the browser leaves for the authorize URL.
    pub async fn start(self, s: &AdminSignIn) -> Result<(), StartError> {
        let crypto = window().crypto().map_err(|_| StartError::NoCrypto)?;
        let mut random = [0u8; 32];
        crypto.get_random_values_with_u8_array(&mut random).map_err(|_| StartError::NoCrypto)?;
        let verifier = oauth::verifier(&random);
        crypto.get_random_values_with_u8_array(&mut random).map_err(|_| StartError::NoCrypto)?;
        let state = oauth::verifier(&random);
        let digest = sha256(verifier.as_bytes()).await.ok_or(StartError::NoCrypto)?;
        let challenge = forebyg_shared::pkce::base64url(&digest);
        self.put("pkce-verifier", &verifier);
        self.put("pkce-state", &state);
        // The issuer replaces this page in the history: Back after signing in never lands on the
        // issuer's (spent) sign-in page; the page that asked comes back through `return`.
        let _ = window().location().replace(&oauth::authorize_href(s, &self.flow.redirect_uri(&origin()), &state, &challenge));
        Ok(())
    }

    /// Completes the sign-in from the callback's query: checks `state`, exchanges the code and
    /// keeps the ID token. Whether the account may use this part is the caller's question.
    pub async fn exchange(self, code: Option<&str>, state: Option<&str>, error: Option<&str>) -> Result<(), CallbackError> {
        let (verifier, expected) = (self.take("pkce-verifier"), self.take("pkce-state"));
        let code = oauth::callback_code(code, state, error, expected.as_deref())?;
        let verifier = verifier.ok_or(CallbackError::StateMismatch)?;
        let s = settings().await.map_err(|_| CallbackError::Network)?.ok_or(CallbackError::Refused { access_denied: false })?;
        let form = oauth::token_form(&code, &self.flow.redirect_uri(&origin()), &s.client_id, &verifier);
        let network = |_| CallbackError::Network;
        let req = RequestBuilder::new(&s.token_url).method(Method::POST).header("Content-Type", "application/x-www-form-urlencoded");
        let resp = req.body(form).map_err(network)?.send().await.map_err(network)?;
        let (status, body) = (resp.status(), resp.text().await.map_err(network)?);
        let json = js_sys::JSON::parse(&body).unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
        if status != 200 {
            let invalid = serde_wasm_bindgen::from_value::<TokenError>(json).is_ok_and(|e| e.error == "invalid_grant");
            return Err(if invalid { CallbackError::InvalidGrant } else { CallbackError::Refused { access_denied: false } });
        }
        let tokens: Tokens = serde_wasm_bindgen::from_value(json).map_err(|_| CallbackError::Refused { access_denied: false })?;
        self.set_token(&tokens.id_token);
        Ok(())
    }

    /// Ends the session here and, where the identity provider has one, there too.
    pub fn sign_out(self) {
        self.sign_out_to(self.flow.login);
    }

    /// Ends the session here and, where the identity provider has one, there too (which sends the
    /// browser back to this part's sign-in page, its registered logout address); `page` when there
    /// is none. A full page load either way: nothing of the session stays in memory.
    pub fn sign_out_to(self, page: &'static str) {
        self.clear_token();
        leptos::task::spawn_local(async move {
            let href = match settings().await {
                Ok(Some(AdminSignIn { logout_url: Some(logout), client_id, .. })) => self.flow.logout_href(&logout, &client_id, &origin()),
                _ => page.to_owned(),
            };
            let _ = window().location().set_href(&href);
        });
    }
}

/// This deployment's sign-in settings (None: sign-in is off).
pub async fn settings() -> Result<Option<AdminSignIn>, ApiError> {
    Ok(crate::http::get::<ClientConfig>("/api/v1/config", None).await?.admin_sign_in)
}

async fn sha256(data: &[u8]) -> Option<Vec<u8>> {
    let promise = window().crypto().ok()?.subtle().digest_with_str_and_u8_array("SHA-256", data).ok()?;
    let buffer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[derive(Deserialize)]
struct Tokens {
    id_token: String,
}

#[derive(Deserialize)]
struct TokenError {
    error: String,
}
