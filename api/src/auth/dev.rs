//! The development issuer: signs tokens with a key committed to the repository (see
//! `api/dev-auth/README.md`). Never trusted in production; refused inside AWS Lambda.

use super::Claims;
use forebyg_shared::auth::Role;
use forebyg_shared::clinician::{Organisation, OrganisationKind};
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
        org_kind: None,
        org_name: None,
        sor: None,
    }
}

/// The organisation a dev clinician gets when the sign-in page names none.
pub fn default_organisation() -> Organisation {
    Organisation { kind: OrganisationKind::Practice, name: "Lægerne i Vestergade (udvikling)".into(), sor: None }
}

/// What the dev sign-in grants: a clinician (of `organisation`, or a default practice) or an
/// admin.
pub fn login_claims(role: Role, region: Option<RegionCode>, provider: Option<&str>, organisation: Option<Organisation>, ttl_secs: i64) -> Claims {
    match role {
        Role::Clinician => clinician_claims(&organisation.unwrap_or_else(default_organisation), "dev", ttl_secs),
        _ => claims(role, region, provider, ttl_secs),
    }
}

/// Claims for a dev clinician of `organisation`; the subject is derived from the organisation
/// (its kind, its name's letters and digits, any SOR code) and `who`, so two test clinicians are
/// two accounts ("Lægerne …" and "Lgerne …" were one, when only ASCII letters counted).
pub fn clinician_claims(organisation: &Organisation, who: &str, ttl_secs: i64) -> Claims {
    let slug: String = organisation.name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    let sor = organisation.sor.as_deref().map(|s| format!("-sor{s}")).unwrap_or_default();
    let mut c = claims(Role::Clinician, None, None, ttl_secs);
    c.sub = format!("dev-clinician-{}-{slug}{sor}-{who}", organisation.kind.code());
    c.name = Some(format!("Dev kliniker {who}"));
    c.org_kind = Some(organisation.kind.code().into());
    c.org_name = Some(organisation.name.clone());
    c.sor = organisation.sor.clone();
    c
}

/// Signs claims with the dev key.
pub fn sign(claims: &Claims) -> String {
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some("forebyg-dev-1".into());
    encode(&header, claims, &EncodingKey::from_rsa_pem(PRIVATE_PEM.as_bytes()).expect("the committed dev key is valid")).expect("RS256 signing")
}
