//! The development authorization server: the OAuth 2.0 authorization code flow with PKCE (S256)
//! as Cognito's hosted UI speaks it, so the admin app has one sign-in path in production and
//! locally. The admin SPA's `/admin/dev-login` page is the authorize page (a developer picks a
//! role) and posts here; the app then exchanges the code like at Cognito's `/oauth2/token`.
//! Routed only with `FOREBYG_AUTH=dev` (refused inside AWS Lambda).

use crate::auth::dev;
use crate::auth::dev_codes::Grant;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use forebyg_shared::auth::Role;
use forebyg_shared::pkce;
use forebyg_shared::taxonomy::RegionCode;
use forebyg_shared::validation::{ErrorCode, FieldError};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// ID and access tokens live an hour, like the template's Cognito app client.
const TOKEN_TTL_SECS: i64 = 3600;

pub fn router() -> Router<AppState> {
    Router::new().route("/dev/authorize", post(authorize)).route("/dev/oauth2/token", post(token))
}

#[derive(Deserialize)]
pub struct AuthorizeRequest {
    pub role: Role,
    pub region: Option<RegionCode>,
    pub provider_id: Option<String>,
    /// For role `clinician` (default: a development practice).
    #[serde(default)]
    pub organisation: Option<forebyg_shared::clinician::Organisation>,
    pub client_id: String,
    pub redirect_uri: String,
    #[serde(default)]
    pub state: String,
    pub code_challenge: String,
    pub code_challenge_method: String,
}

#[derive(Serialize)]
pub struct AuthorizeResponse {
    /// `redirect_uri?code=…&state=…`: where the browser goes next.
    pub redirect_to: String,
}

async fn authorize(State(state): State<AppState>, ApiJson(req): ApiJson<AuthorizeRequest>) -> Result<Json<AuthorizeResponse>, ApiError> {
    let mut errors = vec![];
    if req.client_id != dev::AUDIENCE {
        errors.push(FieldError::new("client_id", ErrorCode::Unknown, "Ukendt klient.", "Unknown client."));
    }
    if !is_callback(&req.redirect_uri) {
        let en = "The redirect URI must be this site's /admin/callback or /klinik/callback.";
        errors.push(FieldError::new("redirect_uri", ErrorCode::Invalid, "Adressen skal være sidens /admin/callback eller /klinik/callback.", en));
    }
    if req.code_challenge_method != "S256" {
        errors.push(FieldError::new("code_challenge_method", ErrorCode::Invalid, "Kun S256 er tilladt.", "Only S256 is accepted."));
    }
    if !pkce::is_valid_s256_challenge(&req.code_challenge) {
        let en = "The code challenge must be 43 base64url characters.";
        errors.push(FieldError::new("code_challenge", ErrorCode::Invalid, "Ugyldig code_challenge.", en));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let provider_id = req.provider_id.as_deref().map(str::trim).filter(|p| !p.is_empty());
    let claims = dev::login_claims(req.role, req.region, provider_id, req.organisation, TOKEN_TTL_SECS);
    // The same checks as for a real token: a regional admin needs a region, and so on.
    crate::auth::principal(claims.clone())?;
    let grant = Grant { claims, client_id: req.client_id, redirect_uri: req.redirect_uri.clone(), code_challenge: req.code_challenge };
    let code = state.dev_codes.issue(grant);
    let query = form_urlencoded::Serializer::new(String::new()).append_pair("code", &code).append_pair("state", &req.state).finish();
    Ok(Json(AuthorizeResponse { redirect_to: format!("{}?{query}", req.redirect_uri) }))
}

/// `http(s)://host[:port]/admin/callback` (or the clinician pages' `/klinik/callback`), nothing
/// else (no open redirects, even in dev).
fn is_callback(uri: &str) -> bool {
    let Some(rest) = uri.strip_prefix("http://").or_else(|| uri.strip_prefix("https://")) else { return false };
    rest.split_once('/')
        .is_some_and(|(host, path)| !host.is_empty() && !host.contains(['@', '?', '#']) && matches!(path, "admin/callback" | "klinik/callback"))
}

/// RFC 6749 §5.2 error bodies, as Cognito answers them.
fn oauth_error(error: &str) -> Response {
    (StatusCode::BAD_REQUEST, [(header::CACHE_CONTROL, "no-store")], Json(json!({ "error": error }))).into_response()
}

async fn token(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let form = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !form {
        return oauth_error("invalid_request");
    }
    let fields: std::collections::HashMap<String, String> = form_urlencoded::parse(&body).into_owned().collect();
    let field = |name: &str| fields.get(name).map(String::as_str).filter(|v| !v.is_empty());
    if field("grant_type") != Some("authorization_code") {
        return oauth_error("unsupported_grant_type");
    }
    let (Some(code), Some(redirect_uri), Some(client_id), Some(verifier)) =
        (field("code"), field("redirect_uri"), field("client_id"), field("code_verifier"))
    else {
        return oauth_error("invalid_request");
    };
    match state.dev_codes.redeem(code, client_id, redirect_uri, verifier) {
        Ok(mut claims) => {
            // The hour starts at the exchange, not at the sign-in page.
            let now = crate::self_referral::now();
            (claims.iat, claims.exp) = (now as u64, (now + TOKEN_TTL_SECS) as u64);
            let id_token = dev::sign(&claims);
            let body = json!({ "id_token": id_token, "access_token": id_token, "expires_in": TOKEN_TTL_SECS, "token_type": "Bearer" });
            ([(header::CACHE_CONTROL, "no-store")], Json(body)).into_response()
        }
        Err(_) => oauth_error("invalid_grant"),
    }
}

#[cfg(test)]
mod tests {
    use super::is_callback;

    #[test]
    fn only_this_sites_callback_is_a_redirect_uri() {
        assert!(is_callback("http://127.0.0.1:8080/admin/callback"));
        assert!(is_callback("https://forebyg.example.dk/admin/callback"));
        assert!(!is_callback("https://evil.example/admin/callback/x"));
        assert!(!is_callback("/admin/callback"));
        assert!(!is_callback("javascript:alert(1)//admin/callback"));
        assert!(!is_callback("https://user@evil.example/admin/callback"));
    }
}
