//! The `CapabilityStatement` (`GET /api/v1/fhir/metadata`): exactly the interactions served.

use super::code_systems::System;
use super::{FHIR_JSON, FHIR_VERSION};
use serde_json::{json, Value};

/// The date the statement last changed (bump it with the interactions).
const DATE: &str = "2026-12-02";

/// The statement for the FHIR base `base` (an absolute URL).
pub fn capability_statement(base: &str) -> Value {
    let search_params = |params: &[(&str, &str, &str)]| -> Vec<Value> {
        params.iter().map(|(name, kind, doc)| json!({"name": name, "type": kind, "documentation": doc})).collect()
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
            "documentation": "Published offers only, read-only; clinicians' referrals with a bearer token (read, search, create). Errors are OperationOutcomes; unknown search parameters are refused (400).",
            "resource": [
                {
                    "type": "HealthcareService",
                    "interaction": [{"code": "read"}, {"code": "search-type"}],
                    "searchInclude": ["HealthcareService:location", "HealthcareService:organization", "HealthcareService:providedBy"],
                    "searchParam": params,
                    "documentation": "A published offer.",
                },
                read("Location", "An offer's place (address and position), or a region (`region-{code}`) as the coverage area of digital offers."),
                read("Organization", "A provider of published offers."),
                read("CodeSystem", &format!("Forebyg's code systems: {}.", code_systems.join(", "))),
                {
                    "type": "ServiceRequest",
                    "interaction": [{"code": "read"}, {"code": "create"}],
                    "documentation": "A clinician's referral through Forebyg (bearer token). Read: the referring clinician, or an admin whose scope holds the offer; every read audited. Create: a clinician refers a patient (the patient contained; the offer as performer; reasonCode from forebyg-condition; the patient-consent extension; the record system's identifier makes a retry the same referral).",
                },
                {
                    "type": "Task",
                    "interaction": [{"code": "read"}, {"code": "search-type"}],
                    "searchInclude": ["Task:focus"],
                    "searchParam": task_params,
                    "documentation": "The Task tracking a clinician's referral (read: same access as its ServiceRequest). Search: the signed-in clinician's own referrals only, the last changed first; every Task returned is an audited read.",
                },
            ],
        }],
    })
}
