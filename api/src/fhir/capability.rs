//! The `CapabilityStatement` (`GET /api/v1/fhir/metadata`): exactly the interactions served.

use super::code_systems::System;
use super::search_parameter;
use super::{FHIR_JSON, FHIR_VERSION};
use serde_json::{json, Value};

/// The date the statement last changed (bump it with the interactions).
const DATE: &str = "2026-12-06";

/// The statement for the FHIR base `base` (an absolute URL).
pub fn capability_statement(base: &str) -> Value {
    // `_count`, `_page` and `_include` shape the answer (FHIR's search result parameters) and
    // search nothing: the resource's documentation says them, not its searchParams (`_include`
    // is `searchInclude`).
    let is_result_param = |name: &str| matches!(name, "_count" | "_page" | "_include");
    let search_params = |params: &[(&str, &str, &str)]| -> Vec<Value> {
        let mut listed: Vec<Value> = vec![];
        for (name, kind, doc) in params.iter().filter(|(name, ..)| !is_result_param(name)) {
            // A chained name (`location.near`) is not a parameter of its own: the parameter it goes
            // through is (`location`, a reference), once, its definition's `chain` naming what may
            // follow; each chained name's use is in that parameter's documentation.
            let Some((param, _)) = name.split_once('.') else {
                let mut p = json!({"name": name, "type": kind, "documentation": doc});
                // A parameter with chains (`location`) names the definition that chains them.
                if let Some(id) = search_parameter::id_for(name) {
                    p["definition"] = search_parameter::url(id).into();
                }
                listed.push(p);
                continue;
            };
            let line = format!("`{name}`: {doc}");
            match listed.iter_mut().find(|p| p["name"] == param) {
                Some(p) => p["documentation"] = format!("{} {line}", p["documentation"].as_str().unwrap_or_default()).into(),
                None => listed.push(json!({
                    "name": param,
                    "definition": search_parameter::id_for(param).map(search_parameter::url),
                    "type": "reference",
                    "documentation": format!("Searched through its chains only. {line}"),
                })),
            }
        }
        listed
    };
    let result_params = |params: &[(&str, &str, &str)]| -> String {
        params.iter().filter(|(name, ..)| is_result_param(name)).map(|(name, _, doc)| format!(" {name}: {doc}")).collect()
    };
    let (params, task_params) = (search_params(&super::search::PARAMS), search_params(&super::task_search::PARAMS));
    let read = |kind: &str, doc: &str| json!({"type": kind, "interaction": [{"code": "read"}], "documentation": doc});
    let code_systems: Vec<String> = System::ALL.iter().map(|s| s.id().to_owned()).collect();
    json!({
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": DATE,
        "publisher": "Forebyg",
        "kind": "instance",
        "software": {"name": "Forebyg"},
        "implementation": {"description": "Forebyg: patientrettede forebyggelsestilbud i Danmark (FHIR R4)", "url": base},
        "fhirVersion": FHIR_VERSION,
        "format": [FHIR_JSON, "json"],
        "rest": [{
            "mode": "server",
            "documentation": "Published offers only, read and search; clinicians' referrals with a bearer token (read, vread of the current version, search, create; a declined referral can be reopened by the provider, so Task rejected and ServiceRequest revoked are not final: keep polling _lastUpdated). Errors are OperationOutcomes; unknown search parameters are refused (400); _format (json) and _pretty are accepted everywhere; another format asked for (_format or Accept) is 406, a resource sent in another format than JSON 415.",
            "security": {
                // No browser calls these across origins (the web app is served from the same one).
                "cors": false,
                "service": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/restful-security-service", "code": "OAuth"}]}],
                "description": "Referrals (ServiceRequest, Task) need a bearer token: an OpenID Connect ID token of the region's sign-in (Amazon Cognito) for an account with the clinician role and its organisation, or an admin's; without one 401 (WWW-Authenticate: Bearer). Offers, places, providers and code systems are public.",
            },
            "resource": [
                {
                    "type": "HealthcareService",
                    "interaction": [{"code": "read"}, {"code": "search-type"}],
                    "searchInclude": ["HealthcareService:location", "HealthcareService:organization"],
                    "searchParam": params,
                    "documentation": format!("A published offer.{}", result_params(&super::search::PARAMS)),
                },
                read("Location", "An offer's place (address and position), or a region (`region-{code}`) as the coverage area of digital offers."),
                read("Organization", "A provider of published offers."),
                read("CodeSystem", &format!("Forebyg's code systems: {}.", code_systems.join(", "))),
                read("SearchParameter", &format!("The definition of a parameter searched through chains: `{}` (HealthcareService `location`; chains `near`, `address-postalcode`).", search_parameter::LOCATION_ID)),
                {
                    "type": "ServiceRequest",
                    "interaction": [{"code": "read"}, {"code": "vread"}, {"code": "create"}],
                    "versioning": "versioned",
                    "readHistory": false,
                    "documentation": "A clinician's referral through Forebyg (bearer token). Read: the referring clinician, or an admin whose scope holds the offer; every read audited. Create: a clinician refers a patient (the patient contained; the offer as performer; reasonCode from forebyg-condition; the patient-consent extension; the record system's identifier makes a retry the same referral, even once the offer is full or closed). Only an active order (status active, intent order) is a referral. vread: the current version only (meta.versionId, the ETag; the number of status steps).",
                },
                {
                    "type": "Task",
                    "interaction": [{"code": "read"}, {"code": "vread"}, {"code": "search-type"}],
                    "versioning": "versioned",
                    "readHistory": false,
                    "searchInclude": ["Task:focus", "Task:based-on"],
                    "searchParam": task_params,
                    "documentation": format!("The Task tracking a clinician's referral (read: same access as its ServiceRequest). Its output: the first session agreed on enrolment (type text \"Første mødegang\", valueDateTime: a date, or a date and time with the Danish offset) and, when the course is over, the closing note (\"Afslutningsnotat\", valueString). Search: the signed-in clinician's own referrals only, the last changed first; every Task returned is an audited read.{}", result_params(&super::task_search::PARAMS)),
                },
            ],
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each searchParam is one the searches take, none only shapes the answer; those are in the
    /// resource's documentation.
    #[test]
    fn search_params_search_and_result_params_are_documented() {
        let statement = capability_statement("http://localhost/api/v1/fhir");
        for resource in statement["rest"][0]["resource"].as_array().unwrap() {
            let names: Vec<&str> = resource["searchParam"].as_array().into_iter().flatten().map(|p| p["name"].as_str().unwrap()).collect();
            assert!(names.iter().all(|n| !["_count", "_page", "_include"].contains(n)), "{names:?}");
            if !names.is_empty() {
                let doc = resource["documentation"].as_str().unwrap();
                assert!(doc.contains(" _count: ") && doc.contains(" _page: "), "{doc}");
            }
        }
        let service = &statement["rest"][0]["resource"][0];
        let names: Vec<&str> = service["searchParam"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["location", "service-category", "service-type", "specialty", "_id"]);
    }

    /// The chained names the search takes are declared R4's way: one `location` searchParam whose
    /// definition is the served SearchParameter chaining them, each name's use documented.
    #[test]
    fn chained_names_are_declared_by_their_parameter_definition() {
        let statement = capability_statement("http://localhost/api/v1/fhir");
        let location = &statement["rest"][0]["resource"][0]["searchParam"][0];
        assert_eq!(location["name"], "location");
        assert_eq!(location["type"], "reference");
        let definition = search_parameter::resource(search_parameter::LOCATION_ID).unwrap();
        assert_eq!(location["definition"], definition["url"]);
        let doc = location["documentation"].as_str().unwrap();
        for chained in definition["chain"].as_array().unwrap() {
            assert!(doc.contains(&format!("`location.{}`: ", chained.as_str().unwrap())), "{doc}");
        }
    }
}
