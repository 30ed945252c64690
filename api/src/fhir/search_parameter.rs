//! The `SearchParameter` behind the CapabilityStatement's chained search parameters. In R4 a
//! searchParam names a parameter (`location`); the names a client may chain after it (`near`,
//! `address-postalcode`) are its definition's `chain`. The definition is served at
//! `/api/v1/fhir/SearchParameter/{id}`, and its canonical URL is the searchParam's `definition`.

use super::CANONICAL;
use serde_json::{json, Value};

/// The one parameter searched through chains: `HealthcareService`'s `location`, as R4 defines
/// it, with the chains the search takes.
pub const LOCATION_ID: &str = "HealthcareService-location";

/// The canonical URL of the SearchParameter with `id`.
pub fn url(id: &str) -> String {
    format!("{CANONICAL}/SearchParameter/{id}")
}

/// The id of the definition of `code`, a parameter chained names go through (`location`).
pub fn id_for(code: &str) -> Option<&'static str> {
    (code == "location").then_some(LOCATION_ID)
}

/// The SearchParameter with `id`, if it is served. Its `chain` is the names the HealthcareService
/// search takes after `location.` (`search::PARAMS`, the one list of them).
pub fn resource(id: &str) -> Option<Value> {
    if id != LOCATION_ID {
        return None;
    }
    let chain: Vec<&str> = super::search::PARAMS.iter().filter_map(|(name, ..)| name.strip_prefix("location.")).collect();
    Some(json!({
        "resourceType": "SearchParameter",
        "id": LOCATION_ID,
        "url": url(LOCATION_ID),
        "name": "ForebygHealthcareServiceLocation",
        "derivedFrom": "http://hl7.org/fhir/SearchParameter/HealthcareService-location",
        "status": "active",
        "publisher": "Forebyg",
        "description": "The place of an offer (HealthcareService.location): a Location (`Location/<id>`), or through its chains `location.near` (a distance from a point) and `location.address-postalcode` (the place's postcode).",
        "code": "location",
        "base": ["HealthcareService"],
        "type": "reference",
        "expression": "HealthcareService.location",
        "xpathUsage": "normal",
        "target": ["Location"],
        "chain": chain,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_location_definition_chains_exactly_the_names_the_search_takes() {
        let r = resource(LOCATION_ID).unwrap();
        assert_eq!(r["chain"], json!(["near", "address-postalcode"]));
        assert_eq!(r["url"], url(id_for("location").unwrap()));
        assert_eq!(resource("Location-near"), None);
        assert_eq!(id_for("near"), None);
    }
}
