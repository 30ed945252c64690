//! Admin authentication: RS256 JWTs from Amazon Cognito in production (checked against its JWKS,
//! issuer and app client), or from the development issuer in the local run and tests. The same
//! verification runs in Lambda and in the local server; API Gateway's JWT authorizer in front is
//! defence in depth, not the guard.

#[cfg(feature = "dev-auth")]
pub mod dev;
#[cfg(feature = "dev-auth")]
pub mod dev_codes;
mod jwks;

use crate::error::ApiError;
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use forebyg_shared::auth::{Principal, Role};
use forebyg_shared::clinician::{Organisation, OrganisationKind};
use forebyg_shared::search::AdminSignIn;
use forebyg_shared::taxonomy::RegionCode;
use jsonwebtoken::{decode, decode_header, Algorithm, Validation};
use serde::{Deserialize, Serialize};

/// How admins sign in.
#[derive(Debug, Clone, PartialEq)]
pub enum AuthConfig {
    /// No admin sign-in: every admin request is 401.
    Disabled,
    /// The development issuer (local run and tests only; refused in Lambda; compiled only with
    /// the `dev-auth` feature).
    #[cfg(feature = "dev-auth")]
    Dev,
    /// Cognito: `issuer` is `https://cognito-idp.{region}.amazonaws.com/{pool id}`, `client_id` the
    /// app client (the ID token's `aud`); keys from `jwks_url` (default: the issuer's);
    /// `hosted_ui` the pool domain's base URL, where the admin app signs in.
    Cognito { issuer: String, client_id: String, jwks_url: Option<String>, hosted_ui: String },
}

impl AuthConfig {
    /// The sign-in the admin app performs (`GET /api/v1/config`): the authorization code flow
    /// with PKCE against Cognito's hosted UI, or the same protocol against the dev issuer.
    pub fn admin_sign_in(&self) -> Option<AdminSignIn> {
        let scopes = ["openid", "email", "profile"].map(String::from).to_vec();
        match self {
            AuthConfig::Disabled => None,
            #[cfg(feature = "dev-auth")]
            AuthConfig::Dev => Some(AdminSignIn {
                authorize_url: forebyg_shared::auth::DEV_AUTHORIZE_PATH.into(),
                token_url: "/api/v1/dev/oauth2/token".into(),
                logout_url: None,
                client_id: dev::AUDIENCE.into(),
                scopes,
                development: true,
            }),
            AuthConfig::Cognito { client_id, hosted_ui, .. } => Some(AdminSignIn {
                authorize_url: format!("{hosted_ui}/oauth2/authorize"),
                token_url: format!("{hosted_ui}/oauth2/token"),
                logout_url: Some(format!("{hosted_ui}/logout")),
                client_id: client_id.clone(),
                scopes,
                development: false,
            }),
        }
    }
}

/// The claims Forebyg reads (Cognito ID token names; the dev issuer uses the same).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub iss: String,
    pub aud: String,
    pub exp: u64,
    pub iat: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "cognito:groups", default)]
    pub groups: Vec<String>,
    #[serde(rename = "custom:region", default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(rename = "custom:provider", default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// A clinician's organisation: its kind (`practice`, `hospital-department`, `municipality`),
    /// name and optional SOR code (Cognito custom attributes).
    #[serde(rename = "custom:org_kind", default, skip_serializing_if = "Option::is_none")]
    pub org_kind: Option<String>,
    #[serde(rename = "custom:org_name", default, skip_serializing_if = "Option::is_none")]
    pub org_name: Option<String>,
    #[serde(rename = "custom:sor", default, skip_serializing_if = "Option::is_none")]
    pub sor: Option<String>,
}

enum Keys {
    Disabled,
    /// The development issuer's public key.
    #[cfg(feature = "dev-auth")]
    Static(jsonwebtoken::DecodingKey),
    Jwks(jwks::JwksCache),
}

/// Verifies bearer tokens into principals. Built once at start-up.
pub struct Authenticator {
    keys: Keys,
    validation: Validation,
}

impl Authenticator {
    pub fn new(config: &AuthConfig) -> Self {
        let mut validation = Validation::new(Algorithm::RS256);
        validation.leeway = 30;
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        let keys = match config {
            AuthConfig::Disabled => Keys::Disabled,
            #[cfg(feature = "dev-auth")]
            AuthConfig::Dev => {
                validation.set_issuer(&[dev::ISSUER]);
                validation.set_audience(&[dev::AUDIENCE]);
                Keys::Static(dev::decoding_key())
            }
            AuthConfig::Cognito { issuer, client_id, jwks_url, .. } => {
                validation.set_issuer(&[issuer]);
                validation.set_audience(&[client_id]);
                let url = jwks_url.clone().unwrap_or_else(|| format!("{issuer}/.well-known/jwks.json"));
                Keys::Jwks(jwks::JwksCache::new(url))
            }
        };
        Authenticator { keys, validation }
    }

    /// Whether this is the development issuer (which also serves `/api/v1/dev/token`).
    pub fn is_dev(&self) -> bool {
        #[cfg(feature = "dev-auth")]
        return matches!(&self.keys, Keys::Static(_));
        #[cfg(not(feature = "dev-auth"))]
        false
    }

    /// A principal from an `Authorization: Bearer …` header value (the scheme in any case).
    pub async fn authenticate(&self, authorization: Option<&str>) -> Result<Principal, ApiError> {
        let unauthenticated = |detail: &str| ApiError::Unauthenticated(detail.to_owned());
        let token = authorization.and_then(bearer_token);
        let token = token.ok_or_else(|| unauthenticated("Sign in: send an ID token as `Authorization: Bearer <token>`."))?;
        let header = decode_header(token).map_err(|_| unauthenticated("The token is malformed."))?;
        let key = match &self.keys {
            Keys::Disabled => return Err(unauthenticated("Admin sign-in is not configured on this server.")),
            #[cfg(feature = "dev-auth")]
            Keys::Static(key) => key.clone(),
            Keys::Jwks(cache) => cache.key(header.kid.as_deref()).await.ok_or_else(|| unauthenticated("The token's signing key is unknown."))?,
        };
        let data = decode::<Claims>(token, &key, &self.validation).map_err(|e| {
            use jsonwebtoken::errors::ErrorKind::*;
            match e.kind() {
                ExpiredSignature => unauthenticated("The token has expired: sign in again."),
                InvalidSignature => unauthenticated("The token's signature is invalid."),
                InvalidIssuer | InvalidAudience => unauthenticated("The token is not for this service."),
                _ => unauthenticated("The token is invalid."),
            }
        })?;
        principal(data.claims)
    }
}

/// Maps verified claims to a role and scope; a valid token without a usable role is 403. An
/// account in an admin group and the clinician group is an admin.
pub fn principal(c: Claims) -> Result<Principal, ApiError> {
    let role = Role::ALL
        .iter()
        .copied()
        .find(|r| c.groups.iter().any(|g| g == r.code()))
        .ok_or_else(|| ApiError::Forbidden("Your account has no admin or clinician role.".into()))?;
    if role == Role::Clinician {
        return clinician_principal(c);
    }
    let region =
        c.region.as_deref().map(|r| RegionCode::from_code(r).ok_or_else(|| ApiError::Forbidden(format!("Unknown region `{r}` on your account."))));
    let region = region.transpose()?;
    let provider_id = c.provider.filter(|p| !p.is_empty());
    match role {
        Role::RegionAdmin if region.is_none() => return Err(ApiError::Forbidden("A regional administrator needs a region on the account.".into())),
        Role::ProviderEditor if region.is_none() || provider_id.is_none() => {
            return Err(ApiError::Forbidden("A provider editor needs a region and a provider on the account.".into()))
        }
        _ => {}
    }
    Ok(Principal { subject: c.sub, name: c.name, role, region, provider_id, organisation: None })
}

/// A clinician needs an organisation of a known kind with a name; the SOR code is optional.
fn clinician_principal(c: Claims) -> Result<Principal, ApiError> {
    let kind = c.org_kind.as_deref().and_then(OrganisationKind::from_code);
    let name = c.org_name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    let (Some(kind), Some(name)) = (kind, name) else {
        return Err(ApiError::Forbidden("A clinician account needs an organisation (kind and name).".into()));
    };
    let sor = c.sor.filter(|s| !s.trim().is_empty());
    let organisation = Some(Organisation { kind, name, sor });
    Ok(Principal { subject: c.sub, name: c.name, role: Role::Clinician, region: None, provider_id: None, organisation })
}

/// Extracts the signed-in admin; rejects with 401/403 problem bodies (a clinician is 403).
pub struct Admin(pub Principal);

impl FromRequestParts<AppState> for Admin {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let principal = signed_in(parts, state).await?;
        if !principal.role.is_admin() {
            return Err(ApiError::Forbidden("Your account has no admin role.".into()));
        }
        Ok(Admin(principal))
    }
}

/// Extracts the signed-in clinician, with their organisation; an admin is 403.
pub struct Clinician(pub Principal);

impl FromRequestParts<AppState> for Clinician {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let principal = signed_in(parts, state).await?;
        if principal.role != Role::Clinician || principal.organisation.is_none() {
            return Err(ApiError::Forbidden("This is for clinician accounts.".into()));
        }
        Ok(Clinician(principal))
    }
}

impl Clinician {
    pub fn organisation(&self) -> &Organisation {
        self.0.organisation.as_ref().expect("the extractor checked the organisation")
    }
}

async fn signed_in(parts: &Parts, state: &AppState) -> Result<Principal, ApiError> {
    let header = parts.headers.get(axum::http::header::AUTHORIZATION).and_then(|v| v.to_str().ok());
    state.auth.authenticate(header).await
}

impl Admin {
    /// 403 unless this admin may manage listings of `provider_id` in `region`.
    pub fn require(&self, region: RegionCode, provider_id: &str) -> Result<(), ApiError> {
        if self.0.may_manage(region, provider_id) {
            Ok(())
        } else {
            Err(ApiError::Forbidden("This listing is outside your region or provider.".into()))
        }
    }
}

/// The token of an `Authorization` value: after the scheme `Bearer`, which is case-insensitive
/// (RFC 9110 §11.1), and any spaces.
fn bearer_token(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim_start().split_once(' ')?;
    Some(token.trim()).filter(|t| scheme.eq_ignore_ascii_case("bearer") && !t.is_empty())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bearer_scheme_is_read_in_any_case() {
        for value in ["Bearer abc", "bearer abc", "BEARER  abc ", " Bearer abc"] {
            assert_eq!(super::bearer_token(value), Some("abc"), "{value:?}");
        }
        for value in ["Basic abc", "Bearer ", "Bearerabc", "abc"] {
            assert_eq!(super::bearer_token(value), None, "{value:?}");
        }
    }
}
