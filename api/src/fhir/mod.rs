//! A read-only HL7 FHIR R4 JSON interface to the published offers (see `api/docs/fhir.md`):
//! offers are `HealthcareService`s, places `Location`s, providers `Organization`s, Forebyg's
//! code lists `CodeSystem`s, and its chained search parameter a `SearchParameter`. Resources are
//! `serde_json::Value`s shaped by the official R4 JSON schema (the tests validate every one); this
//! module holds the pure mapping, `routes::fhir` the HTTP side.

pub mod capability;
pub mod code_systems;
mod directory;
pub mod format;
pub mod outcome;
pub mod referral;
pub mod referral_create;
pub mod search;
pub mod search_parameter;
pub mod task_search;

pub use directory::{healthcare_service, location, location_id, organization, organization_id, region_location, region_location_id};
pub use outcome::Outcome;

use serde_json::{Map, Value};

/// The media type of every FHIR answer.
pub const FHIR_JSON: &str = "application/fhir+json";
/// The FHIR version the CapabilityStatement names: R4. The official R4 JSON schema's list of
/// versions ends at 4.0.0 (the 4.0.1 technical correction changed no JSON structure), so the
/// statement says 4.0.0 to stay valid against it.
pub const FHIR_VERSION: &str = "4.0.0";
/// The base of Forebyg's canonical URLs (code systems, identifier systems). Canonical URLs are
/// names, fixed whatever host serves the API; the code systems are readable at
/// `/api/v1/fhir/CodeSystem/{id}` of every deployment.
pub const CANONICAL: &str = "http://forebyg.dk/fhir";

/// The canonical URL of one of Forebyg's code systems, e.g. `forebyg-category`.
pub fn code_system_url(id: &str) -> String {
    format!("{CANONICAL}/CodeSystem/{id}")
}

/// The identifier system of a kind of Forebyg id (`offer`, `provider`, `location`).
pub fn identifier_system(kind: &str) -> String {
    format!("{CANONICAL}/sid/{kind}")
}

/// A FHIR resource id for a Forebyg key: the key itself when it is a valid FHIR id
/// (`[A-Za-z0-9-.]{1,64}`), else the stable UUID the HSDS export uses for it.
pub fn resource_id(kind: &str, key: &str) -> String {
    if is_fhir_id(key) {
        key.to_owned()
    } else {
        crate::hsds::id(kind, key)
    }
}

pub fn is_fhir_id(s: &str) -> bool {
    (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
}

/// Drops `null` members, empty strings, arrays and objects: FHIR forbids empty elements.
pub fn prune(value: Value) -> Value {
    match value {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| (k, prune(v)))
                .filter(|(_, v)| {
                    !(v.is_null() || v.as_str() == Some("") || v.as_array().is_some_and(Vec::is_empty) || v.as_object().is_some_and(Map::is_empty))
                })
                .collect::<Map<_, _>>(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(prune).collect()),
        v => v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ids_are_kept_when_valid_else_hashed() {
        assert_eq!(resource_id("service", "demo-000001"), "demo-000001");
        assert_eq!(resource_id("organization", "aarhus kommune"), crate::hsds::id("organization", "aarhus kommune"));
        assert!(is_fhir_id(&resource_id("x", &"a".repeat(65))));
    }

    #[test]
    fn prune_drops_empty_elements() {
        assert_eq!(
            prune(json!({"a": null, "b": "", "c": [], "d": [{"e": null, "f": 1}], "g": false, "h": {"i": null}})),
            json!({"d": [{"f": 1}], "g": false})
        );
    }
}
