//! Signing in with the OAuth 2.0 authorization code flow + PKCE (S256), the same against Cognito's
//! hosted UI and the development issuer: `start` makes the verifier (crypto.getRandomValues), its
//! challenge (Web Crypto SHA-256, so the wasm carries no hasher) and `state`, keeps them in this
//! tab's sessionStorage and goes to the authorize URL; `finish` (on `/admin/callback`) checks
//! `state`, exchanges the code with the verifier and stores the ID token.

use crate::api;
use crate::oauth::{self, CallbackError};
use forebyg_app::api::ApiError;
use forebyg_shared::auth::Principal;
use forebyg_shared::search::{AdminSignIn, ClientConfig};
use gloo_net::http::{Method, RequestBuilder};
use leptos::prelude::*;
use serde::Deserialize;

const VERIFIER_KEY: &str = "forebyg-admin-pkce-verifier";
const STATE_KEY: &str = "forebyg-admin-pkce-state";
const RETURN_KEY: &str = "forebyg-admin-return";
const EXPIRED_KEY: &str = "forebyg-admin-expired";

fn storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

fn take(key: &str) -> Option<String> {
    let s = storage()?;
    let v = s.get_item(key).ok().flatten();
    let _ = s.remove_item(key);
    v
}

fn put(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// This deployment's sign-in settings (None: admin sign-in is off).
pub async fn settings() -> Result<Option<AdminSignIn>, ApiError> {
    Ok(api::get::<ClientConfig>("/api/v1/config").await?.admin_sign_in)
}

/// Goes to the sign-in page, to come back to the current page afterwards; `expired` when the
/// API refused the token (the page then says why).
pub fn to_login(expired: bool) {
    let location = window().location();
    let here = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if !oauth::is_sign_in_page(&here) {
        put(RETURN_KEY, &oauth::safe_return(Some(&here)));
    }
    if expired {
        put(EXPIRED_KEY, "1");
    }
    api::clear_token();
    let _ = location.set_href("/admin/login");
}

/// Whether the last session ended because the token expired (read once).
pub fn session_expired() -> bool {
    take(EXPIRED_KEY).is_some()
}

/// Why a sign-in could not start.
pub enum StartError {
    /// No crypto.getRandomValues or crypto.subtle (old browser, or not a secure context).
    NoCrypto,
}

/// Starts the authorization request: the browser leaves for the authorize URL.
pub async fn start(s: &AdminSignIn) -> Result<(), StartError> {
    let crypto = window().crypto().map_err(|_| StartError::NoCrypto)?;
    let mut random = [0u8; 32];
    crypto.get_random_values_with_u8_array(&mut random).map_err(|_| StartError::NoCrypto)?;
    let verifier = oauth::verifier(&random);
    crypto.get_random_values_with_u8_array(&mut random).map_err(|_| StartError::NoCrypto)?;
    let state = oauth::verifier(&random);
    let digest = sha256(verifier.as_bytes()).await.ok_or(StartError::NoCrypto)?;
    let challenge = forebyg_shared::pkce::base64url(&digest);
    put(VERIFIER_KEY, &verifier);
    put(STATE_KEY, &state);
    let _ = window().location().set_href(&oauth::authorize_href(s, &oauth::redirect_uri(&origin()), &state, &challenge));
    Ok(())
}

async fn sha256(data: &[u8]) -> Option<Vec<u8>> {
    let promise = window().crypto().ok()?.subtle().digest_with_str_and_u8_array("SHA-256", data).ok()?;
    let buffer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Why `/admin/callback` did not sign in.
pub enum Failure {
    Callback(CallbackError),
    /// Signed in, but the API refused the account (e.g. no admin role).
    Api(ApiError),
}

#[derive(Deserialize)]
struct Tokens {
    id_token: String,
}

#[derive(Deserialize)]
struct TokenError {
    error: String,
}

/// Completes the sign-in from the callback's query; returns the admin and where to go next.
pub async fn finish(code: Option<&str>, state: Option<&str>, error: Option<&str>) -> Result<(Principal, String), Failure> {
    let (verifier, expected) = (take(VERIFIER_KEY), take(STATE_KEY));
    let code = oauth::callback_code(code, state, error, expected.as_deref()).map_err(Failure::Callback)?;
    let verifier = verifier.ok_or(Failure::Callback(CallbackError::StateMismatch))?;
    let s = settings().await.map_err(Failure::Api)?.ok_or(Failure::Callback(CallbackError::Refused { access_denied: false }))?;
    let form = oauth::token_form(&code, &oauth::redirect_uri(&origin()), &s.client_id, &verifier);
    let network = |_| Failure::Callback(CallbackError::Network);
    let req = RequestBuilder::new(&s.token_url).method(Method::POST).header("Content-Type", "application/x-www-form-urlencoded");
    let resp = req.body(form).map_err(network)?.send().await.map_err(network)?;
    let (status, body) = (resp.status(), resp.text().await.map_err(network)?);
    let json = js_sys::JSON::parse(&body).unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    if status != 200 {
        let invalid = serde_wasm_bindgen::from_value::<TokenError>(json).is_ok_and(|e| e.error == "invalid_grant");
        return Err(Failure::Callback(if invalid { CallbackError::InvalidGrant } else { CallbackError::Refused { access_denied: false } }));
    }
    let tokens: Tokens = serde_wasm_bindgen::from_value(json).map_err(|_| Failure::Callback(CallbackError::Refused { access_denied: false }))?;
    api::set_token(&tokens.id_token);
    match api::get::<Principal>("/api/v1/admin/me").await {
        Ok(p) => Ok((p, oauth::safe_return(take(RETURN_KEY).as_deref()))),
        Err(e) => {
            api::clear_token();
            Err(Failure::Api(e))
        }
    }
}

/// Ends the session here and, where the identity provider has one, there too.
pub fn sign_out() {
    api::clear_token();
    leptos::task::spawn_local(async move {
        let href = match settings().await {
            Ok(Some(AdminSignIn { logout_url: Some(logout), client_id, .. })) => oauth::logout_href(&logout, &client_id, &origin()),
            _ => "/admin/login".to_owned(),
        };
        let _ = window().location().set_href(&href);
    });
}
