//! `POST /api/v1/fhir/ServiceRequest`: a clinician's record system refers a patient. The stored
//! referral reads back as the ServiceRequest it answers with (valid R4), appears in the clinician's
//! own list and the inbox; a retry with the same identifier is the same referral; each rule's
//! error names its element (422), a malformed body every problem at once (400); clinicians only.

use super::support::fhir_schema::schema;
use super::support::server::Server;
use forebyg_api::fhir::referral_create::{consent_extension, CPR_SYSTEM};
use serde_json::{json, Value};

const FHIR: &str = "application/fhir+json";

fn request(offer: &str, identifier: &str) -> Value {
    json!({
        "resourceType": "ServiceRequest",
        "identifier": [{"system": "urn:oid:1.2.208.176.2.1.4711", "value": identifier}],
        "status": "active", "intent": "order",
        "contained": [{"resourceType": "Patient", "id": "pt", "name": [{"given": ["Bodil"], "family": "Fhirsen"}],
            "telecom": [{"system": "phone", "value": "+45 21 43 65 87"}],
            "identifier": [{"system": CPR_SYSTEM, "value": "010159-1234"}]}],
        "subject": {"reference": "#pt"},
        "performer": [{"reference": format!("HealthcareService/{offer}")}],
        "reasonCode": [{"coding": [{"system": "http://forebyg.dk/fhir/CodeSystem/forebyg-condition", "code": "kol"}]}],
        "note": [{"text": "Fra journalsystemet"}],
        "extension": [{"url": consent_extension(), "valueBoolean": true}],
    })
}

fn post(server: &Server, auth: Option<&str>, body: &Value) -> (u16, Value, String) {
    let headers: Vec<(&str, &str)> = auth.iter().map(|a| ("authorization", *a)).collect();
    let res = server.request("POST", "/api/v1/fhir/ServiceRequest", &headers, Some((FHIR, &body.to_string())));
    assert_eq!(res.content_type, FHIR, "{}", res.body);
    let location = res.location.clone();
    (res.status, res.json(), location)
}

fn expressions(outcome: &Value) -> Vec<String> {
    outcome["issue"].as_array().unwrap().iter().map(|i| i["expression"][0].as_str().unwrap_or_default().to_owned()).collect()
}

/// `offer` takes GP referrals through Forebyg; `refused` does not take them from a practice or is
/// full; `unpublished` is a draft.
pub fn check(server: &Server, me: &str, an_admin: &str, offer: &str, refused: &str, failures: &mut Vec<String>) {
    let (status, sr, location) = post(server, Some(me), &request(offer, "journal-1"));
    assert_eq!(status, 201, "{sr}");
    schema().check(&sr, failures);
    let code = sr["identifier"][0]["value"].as_str().unwrap().to_owned();
    // The record system finds its own request in the referral: its identifier comes back.
    assert_eq!(sr["identifier"][1], json!({"use": "usual", "system": "urn:oid:1.2.208.176.2.1.4711", "value": "journal-1"}));
    // Its version's address (vread) and its version as ETag and meta.versionId.
    assert!(location.ends_with(&format!("/api/v1/fhir/ServiceRequest/{code}/_history/1")), "{location}");
    assert_eq!(sr["meta"]["versionId"], "1");
    let path = &location[location.find("/api/").unwrap()..];
    let vread = server.request("GET", path, &[("authorization", me)], None);
    assert_eq!((vread.status, vread.etag.as_str(), vread.json::<Value>()), (200, "W/\"1\"", sr.clone()));
    let other_version = server.request("GET", &path.replace("/_history/1", "/_history/2"), &[("authorization", me)], None);
    assert_eq!((other_version.status, other_version.content_type.as_str()), (404, FHIR));
    let task_vread = server.request("GET", &format!("/api/v1/fhir/Task/{code}/_history/1"), &[("authorization", me)], None);
    assert_eq!((task_vread.status, task_vread.etag.as_str()), (200, "W/\"1\""));
    assert_eq!(sr["contained"][0]["name"][0]["text"], "Bodil Fhirsen");
    assert_eq!(
        (sr["performer"][0]["reference"].as_str(), sr["status"].as_str()),
        (Some(format!("HealthcareService/{offer}").as_str()), Some("active"))
    );
    assert!(!sr.to_string().contains("010159"), "never the CPR number back");
    // It reads back the same, and the clinician's list and the web view have it.
    let read = server.request("GET", &format!("/api/v1/fhir/ServiceRequest/{code}"), &[("authorization", me)], None);
    assert_eq!(read.json::<Value>(), sr);
    let mine: Value = server.request("GET", "/api/v1/clinician/referrals", &[("authorization", me)], None).json();
    let listed = mine["referrals"].as_array().unwrap().iter().find(|r| r["code"] == code.as_str()).expect("in Mine henvisninger");
    assert_eq!((listed["patient_name"].as_str(), listed["cpr_given"].as_bool()), (Some("Bodil Fhirsen"), Some(true)));
    // A retry is the same referral; a new identifier a new one.
    let (again, first, _) = post(server, Some(me), &request(offer, "journal-1"));
    assert_eq!((again, first["identifier"][0]["value"].as_str()), (200, Some(code.as_str())));
    // The identifier again with another patient, or another offer: 409, never the first patient.
    let mut someone_else = request(offer, "journal-1");
    someone_else["contained"][0]["name"] = json!([{"text": "Anden Person"}]);
    let mut elsewhere = request(refused, "journal-1");
    elsewhere["contained"] = someone_else["contained"].clone();
    for body in [&someone_else, &elsewhere] {
        let (status, outcome, _) = post(server, Some(me), body);
        assert_eq!((status, outcome["issue"][0]["code"].as_str()), (409, Some("duplicate")), "{outcome}");
        assert_eq!(expressions(&outcome), ["ServiceRequest.identifier"]);
        assert_eq!(outcome["issue"][0]["diagnostics"], format!("This identifier was already used for ServiceRequest/{code}."));
        assert!(!outcome.to_string().contains("Bodil"), "{outcome}");
        schema().check(&outcome, failures);
    }
    // The performer as the search Bundle's fullUrl (absolute at this server) names the offer too.
    let mut absolute = request(offer, "journal-2");
    absolute["performer"][0]["reference"] = json!(format!("{}/HealthcareService/{offer}", &location[..location.find("/ServiceRequest/").unwrap()]));
    let (other, second, _) = post(server, Some(me), &absolute);
    assert_eq!(other, 201, "{second}");
    assert_ne!(second["identifier"][0]["value"], code.as_str());
    assert_eq!(second["performer"][0]["reference"].as_str(), Some(format!("HealthcareService/{offer}").as_str()));
    // Only an active order is a referral: a draft is refused at its status (400).
    let mut draft = request(offer, "journal-6");
    draft["status"] = json!("draft");
    let (status, outcome, _) = post(server, Some(me), &draft);
    assert_eq!((status, expressions(&outcome)), (400, vec!["ServiceRequest.status".to_owned()]), "{outcome}");

    // Rules, each on its element (422): no consent, no contact, an unknown or refusing offer.
    let mut no_consent = request(offer, "journal-3");
    no_consent["extension"] = json!([]);
    no_consent["contained"][0]["telecom"] = json!([{"system": "phone", "value": "12"}]);
    let (status, outcome, _) = post(server, Some(me), &no_consent);
    assert_eq!(status, 422, "{outcome}");
    schema().check(&outcome, failures);
    assert_eq!(expressions(&outcome), ["ServiceRequest.contained[0].telecom", "ServiceRequest.extension"]);
    for (target, code) in [("no-such-offer", "not-found"), (refused, "business-rule")] {
        let (status, outcome, _) = post(server, Some(me), &request(target, "journal-4"));
        assert_eq!((status, outcome["issue"][0]["code"].as_str()), (422, Some(code)), "{outcome}");
        assert_eq!(expressions(&outcome), ["ServiceRequest.performer"]);
    }
    // A malformed body: every problem at once (400); not JSON at all; no token; not a clinician.
    let (status, outcome, _) = post(server, Some(me), &json!({"resourceType": "ServiceRequest", "performer": [{"reference": "Practitioner/1"}]}));
    assert_eq!(status, 400, "{outcome}");
    assert_eq!(
        expressions(&outcome),
        ["ServiceRequest.identifier", "ServiceRequest.status", "ServiceRequest.intent", "ServiceRequest.performer", "ServiceRequest.subject"]
    );
    let garbled = server.request("POST", "/api/v1/fhir/ServiceRequest", &[("authorization", me)], Some((FHIR, "{not json")));
    assert_eq!((garbled.status, garbled.content_type.as_str()), (400, FHIR));
    // Two offers in one referral: refused, not one of them dropped without a word.
    let mut two = request(offer, "journal-7");
    two["performer"] = json!([{"reference": format!("HealthcareService/{offer}")}, {"reference": format!("HealthcareService/{refused}")}]);
    let (status, outcome, _) = post(server, Some(me), &two);
    assert_eq!((status, expressions(&outcome)), (400, vec!["ServiceRequest.performer".to_owned()]), "{outcome}");
    // Too large: an OperationOutcome, not the HTTP library's plain text. Just over the 2 MB limit,
    // so the whole body is sent before the server answers and nothing races its early answer.
    let mut huge = request(offer, "journal-8");
    huge["note"] = json!([{"text": "x".repeat((2 << 20) + 1024)}]);
    // (`post` checks the content type.)
    let (status, outcome, _) = post(server, Some(me), &huge);
    assert_eq!((status, outcome["issue"][0]["code"].as_str()), (413, Some("too-long")), "{outcome}");
    schema().check(&outcome, failures);
    // An XML client is told to send JSON (415), not that its XML is broken JSON; nothing is stored.
    let xml = r#"<ServiceRequest xmlns="http://hl7.org/fhir"><status value="active"/></ServiceRequest>"#;
    let refused = server.request("POST", "/api/v1/fhir/ServiceRequest", &[("authorization", me)], Some(("application/fhir+xml", xml)));
    assert_eq!((refused.status, refused.content_type.as_str()), (415, FHIR), "{}", refused.body);
    assert!(refused.body.contains("application/fhir+json"), "{}", refused.body);
    assert_eq!(post(server, None, &request(offer, "journal-5")).0, 401);
    assert_eq!(post(server, Some(an_admin), &request(offer, "journal-5")).0, 403);
}
