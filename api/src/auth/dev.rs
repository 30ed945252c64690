//! The development issuer: signs tokens with a key committed to the repository (see
//! `api/dev-auth/README.md`). Never trusted in production; refused inside AWS Lambda.

use super::Claims;
use forebyg_shared::auth::Role;
use forebyg_shared::taxonomy::RegionCode;
use jsonwebtoken::{encode, Algorithm, DecodingKey, EncodingKey, Header};

pub const ISSUER: &str = "forebyg-dev";
pub const AUDIENCE: &str = "forebyg-admin";

const PRIVATE_PEM: &str = include_str!("../../dev-auth/dev-only-signing-key.pem");
const PUBLIC_PEM: &str = include_str!("../../dev-auth/dev-only-public-key.pem");

pub fn decoding_key() -> DecodingKey {
    DecodingKey::from_rsa_pem(PUBLIC_PEM.as_bytes()).expect("the committed dev public key is valid")
}

/// Claims for a dev user; `exp` `ttl_secs` from now (negative for an expired token in tests).
pub fn claims(role: Role, region: Option<RegionCode>, provider: Option<&str>, ttl_secs: i64) -> Claims {
    let now = crate::self_referral::now();
    let sub = format!("dev-{}-{}-{}", role.code(), region.map_or("all", |r| r.code()), provider.unwrap_or("any"));
    Claims {
        sub,
        iss: ISSUER.into(),
        aud: AUDIENCE.into(),
        iat: now as u64,
        exp: (now + ttl_secs).max(0) as u64,
        name: Some(format!("Dev {}", role.label(forebyg_shared::Lang::En))),
        groups: vec![role.code().into()],
        region: region.map(|r| r.code().into()),
        provider: provider.map(Into::into),
    }
}

/// Signs claims with the dev key.
pub fn sign(claims: &Claims) -> String {
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some("forebyg-dev-1".into());
    encode(&header, claims, &EncodingKey::from_rsa_pem(PRIVATE_PEM.as_bytes()).expect("the committed dev key is valid")).expect("RS256 signing")
}
