//! A clinician's record system refers a patient by POSTing a `ServiceRequest` (the same shape
//! [`super::referral::service_request`] reads back): the patient contained, the offer as its
//! `performer`, the conditions as `reasonCode`, the reason as `note`, the patient's consent as an
//! extension, and the record system's own identifier, which makes a retry the same referral.
//! This reads it into the web form's [`ClinicianReferralRequest`], so both ways in obey one set
//! of rules; each rule's error names its element as a FHIRPath expression.

use super::code_systems::{parse_token, System};
use super::outcome::{Issue, Outcome};
use super::CANONICAL;
use crate::store::SenderIdentifier;
use forebyg_shared::clinician::ClinicianReferralRequest;
use forebyg_shared::taxonomy::Condition;
use forebyg_shared::validation::FieldError;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// What a ServiceRequest asks for.
#[derive(Debug)]
pub struct Read {
    pub offer_id: String,
    pub request: ClinicianReferralRequest,
    /// The record system's own identifier of the request (kept with the referral, read back).
    pub identifier: SenderIdentifier,
}

/// The longest identifier system or value kept.
const IDENTIFIER_MAX: usize = 256;

/// The Danish CPR number's identifier system.
pub const CPR_SYSTEM: &str = "urn:oid:1.2.208.176.1.2";
const BCP47: &str = "urn:ietf:bcp:47";

/// The extension that says the patient agreed to the referral (`valueBoolean` must be `true`).
pub fn consent_extension() -> String {
    format!("{CANONICAL}/StructureDefinition/patient-consent")
}

/// Where each rule of [`ClinicianReferralRequest::validate`] points in the ServiceRequest.
fn expression(field: &str) -> &'static str {
    match field {
        "patient_name" => "ServiceRequest.contained[0].name",
        "phone" | "email" => "ServiceRequest.contained[0].telecom",
        "cpr" => "ServiceRequest.contained[0].identifier",
        "interpreter_language" => "ServiceRequest.contained[0].communication",
        "conditions" => "ServiceRequest.reasonCode",
        "reason" => "ServiceRequest.note",
        "patient_consent" => "ServiceRequest.extension",
        _ => "ServiceRequest.identifier",
    }
}

/// The web form's field errors as issues on the ServiceRequest's elements (422: the resource is
/// well formed but breaks a rule).
pub fn rule_errors(errors: Vec<FieldError>) -> Outcome {
    let issues = errors.into_iter().map(|e| Issue::invalid(expression(&e.field), e.message.en)).collect();
    Outcome { status: axum::http::StatusCode::UNPROCESSABLE_ENTITY, issues }
}

/// The offer named as performer cannot take the referral: it is not a published offer
/// (`not-found`) or does not take this referrer or is full (`business-rule`). 422 at the performer.
pub fn performer_refused(code: &'static str, diagnostics: String) -> Outcome {
    let issue = Issue { code, expression: Some("ServiceRequest.performer".into()), diagnostics };
    Outcome { status: axum::http::StatusCode::UNPROCESSABLE_ENTITY, issues: vec![issue] }
}

/// The idempotency key of a referral from its sender and the record system's identifier: the
/// same request sent again is the same referral, and two senders never share one.
fn idempotency_key(subject: &str, system: &str, value: &str) -> String {
    let digest = Sha256::digest(format!("{subject}\n{system}|{value}").as_bytes());
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("fhir-{hex}")
}

fn text(v: &Value) -> Option<&str> {
    v.as_str().map(str::trim).filter(|s| !s.is_empty())
}

/// The contained Patient's name: its `text`, else its given names and family name.
fn name(patient: &Value) -> String {
    let Some(n) = patient["name"].get(0) else { return String::new() };
    if let Some(t) = text(&n["text"]) {
        return t.to_owned();
    }
    let given = n["given"].as_array().into_iter().flatten().filter_map(text);
    given.chain(text(&n["family"])).collect::<Vec<_>>().join(" ")
}

/// The first `telecom` value of a `system` (`phone`, `email`).
fn telecom<'a>(patient: &'a Value, system: &str) -> Option<&'a str> {
    patient["telecom"].as_array()?.iter().find(|t| t["system"] == system).and_then(|t| text(&t["value"]))
}

/// The offer a `performer` reference names: `HealthcareService/{id}`, or the same absolute at this
/// server's FHIR `base` (as a search Bundle's `fullUrl` gives it).
fn performer_offer<'a>(reference: &'a str, base: &str) -> Option<&'a str> {
    let relative = reference.strip_prefix(base).and_then(|r| r.strip_prefix('/')).unwrap_or(reference);
    relative.strip_prefix("HealthcareService/").filter(|id| !id.is_empty() && !id.contains('/'))
}

/// The interpreter language asked for: the patient's first language other than Danish (its
/// primary subtag: `en-GB` is `en`), unless the `patient-interpreterRequired` extension says no
/// interpreter is needed.
fn interpreter_language(patient: &Value) -> Option<String> {
    let required = patient["extension"].as_array().into_iter().flatten().find(|e| e["url"] == super::referral::INTERPRETER_REQUIRED);
    if required.is_some_and(|e| e["valueBoolean"] == false) {
        return None;
    }
    patient["communication"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|c| c["language"]["coding"].as_array().into_iter().flatten())
        .filter(|k| k["system"] == BCP47)
        .filter_map(|k| text(&k["code"]))
        .map(|code| code.split('-').next().unwrap_or(code).to_ascii_lowercase())
        .find(|l| l != "da")
}

/// A ServiceRequest, for the clinician `subject` at this server's FHIR `base`: the offer id, the
/// request the web form would send, and the record system's own identifier; 400 naming each
/// element missing or malformed. Only an active order is a referral.
pub fn read(sr: &Value, subject: &str, base: &str) -> Result<Read, Outcome> {
    let mut issues = vec![];
    let mut fail = |at: &str, why: String| issues.push(Issue::invalid(at, why));
    if sr["resourceType"] != "ServiceRequest" {
        fail("ServiceRequest", "The body must be a FHIR ServiceRequest (resourceType ServiceRequest).".into());
    }
    // The record system's own id of the request: a retry with it is the same referral.
    let identifier = sr["identifier"].as_array().and_then(|ids| ids.iter().find_map(|i| Some((text(&i["system"])?, text(&i["value"])?))));
    match identifier {
        None => fail(
            "ServiceRequest.identifier",
            "Give the request's identifier (system and value) from your record system: a retry with it is the same referral.".into(),
        ),
        Some((system, value)) if system.len() > IDENTIFIER_MAX || value.len() > IDENTIFIER_MAX => {
            fail("ServiceRequest.identifier", format!("An identifier's system and value have at most {IDENTIFIER_MAX} characters each."))
        }
        Some(_) => {}
    }
    match text(&sr["status"]) {
        Some("active") => {}
        None => fail("ServiceRequest.status", "Give the request's status: active (a referral sent now).".into()),
        Some(other) => fail(
            "ServiceRequest.status",
            format!("Only an active ServiceRequest is a referral, not one that is `{other}`: send it when it is active."),
        ),
    }
    match text(&sr["intent"]) {
        Some("order" | "original-order") => {}
        None => fail("ServiceRequest.intent", "Give the request's intent: order (a referral).".into()),
        Some(other) => fail("ServiceRequest.intent", format!("A referral is an order (intent order or original-order), not `{other}`.")),
    }
    // One referral goes to one offer: a second performer would be dropped without a word, and
    // the record system would believe the patient referred to both.
    let performers = sr["performer"].as_array().map_or(0, Vec::len);
    let offer = sr["performer"].get(0).and_then(|p| text(&p["reference"])).and_then(|r| performer_offer(r, base));
    if performers > 1 {
        fail(
            "ServiceRequest.performer",
            format!("A referral goes to one offer: name one performer, not {performers} (send one ServiceRequest per offer)."),
        );
    } else if offer.is_none() {
        fail("ServiceRequest.performer", "Name the offer as performer: {\"reference\": \"HealthcareService/<id>\"}.".into());
    }
    // The patient, contained and referenced as the subject.
    let patient = sr["contained"].as_array().and_then(|c| c.iter().find(|r| r["resourceType"] == "Patient"));
    let referenced = patient.and_then(|p| text(&p["id"])).is_some_and(|id| sr["subject"]["reference"].as_str() == Some(&format!("#{id}")));
    if patient.is_none() || !referenced {
        fail(
            "ServiceRequest.subject",
            "Contain the patient (a Patient with an id) and reference it as the subject: {\"reference\": \"#<id>\"}.".into(),
        );
    }
    let mut conditions = vec![];
    for c in sr["reasonCode"].as_array().into_iter().flatten() {
        let codes: Vec<&str> = c["coding"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|k| k["system"] == System::Condition.url())
            .filter_map(|k| text(&k["code"]))
            .collect();
        match codes.first().map(|code| parse_token(System::Condition, code).and_then(Condition::from_code)) {
            Some(Some(condition)) => conditions.push(condition),
            _ => fail("ServiceRequest.reasonCode", format!("Each reasonCode needs a coding of {} (e.g. kol).", System::Condition.url())),
        }
    }
    let consent_url = consent_extension();
    let consent = sr["extension"].as_array().into_iter().flatten().any(|e| e["url"] == consent_url.as_str() && e["valueBoolean"] == true);
    if !issues.is_empty() {
        return Err(Outcome::bad_request(issues));
    }
    let patient = patient.expect("checked above");
    let (system, value) = identifier.expect("checked above");
    let request = ClinicianReferralRequest {
        idempotency_key: idempotency_key(subject, system, value),
        patient_name: name(patient),
        phone: telecom(patient, "phone").map(str::to_owned),
        email: telecom(patient, "email").map(str::to_owned),
        cpr: patient["identifier"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|i| i["system"] == CPR_SYSTEM)
            .and_then(|i| text(&i["value"]))
            .map(str::to_owned),
        conditions,
        reason: sr["note"].get(0).and_then(|n| text(&n["text"])).map(str::to_owned),
        interpreter_language: interpreter_language(patient),
        // R4 has no element for a preferred time to call (R5's ContactPoint.availableTime).
        contact_time: None,
        patient_consent: consent,
    };
    let identifier = SenderIdentifier { system: system.to_owned(), value: value.to_owned() };
    Ok(Read { offer_id: offer.expect("checked above").to_owned(), request, identifier })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const BASE: &str = "https://forebyg.example/api/v1/fhir";

    fn request() -> Value {
        json!({
            "resourceType": "ServiceRequest",
            "identifier": [{"system": "urn:oid:1.2.208.176.2.1.99", "value": "req-42"}],
            "status": "active", "intent": "order",
            "contained": [{"resourceType": "Patient", "id": "p1", "name": [{"given": ["Karen", "Marie"], "family": "Jensen"}],
                "telecom": [{"system": "email", "value": "karen@example.org"}, {"system": "phone", "value": "+45 22 34 56 78"}],
                "identifier": [{"system": CPR_SYSTEM, "value": "010159-1234"}],
                "communication": [{"language": {"coding": [{"system": BCP47, "code": "ar"}]}}]}],
            "subject": {"reference": "#p1"},
            "performer": [{"reference": "HealthcareService/demo-000042"}],
            "reasonCode": [{"coding": [{"system": System::Condition.url(), "code": "kol"}]}, {"coding": [{"system": System::Condition.url(), "code": "type-2-diabetes"}]}],
            "note": [{"text": "Motiveret for træning"}],
            "extension": [{"url": consent_extension(), "valueBoolean": true}],
        })
    }

    #[test]
    fn reads_what_the_web_form_sends() {
        let Read { offer_id, request: r, identifier } = read(&request(), "clinician-a", BASE).unwrap();
        assert_eq!(offer_id, "demo-000042");
        assert_eq!((identifier.system.as_str(), identifier.value.as_str()), ("urn:oid:1.2.208.176.2.1.99", "req-42"));
        assert_eq!(
            (r.patient_name.as_str(), r.phone.as_deref(), r.email.as_deref()),
            ("Karen Marie Jensen", Some("+45 22 34 56 78"), Some("karen@example.org"))
        );
        assert_eq!(
            (r.cpr.as_deref(), r.interpreter_language.as_deref(), r.reason.as_deref()),
            (Some("010159-1234"), Some("ar"), Some("Motiveret for træning"))
        );
        assert_eq!(r.conditions, [Condition::Kol, Condition::Type2Diabetes]);
        assert!(r.patient_consent);
        assert!(r.validate("2026-12-02").is_empty(), "{:?}", r.validate("2026-12-02"));
        // The same identifier is the same key for the same sender only.
        assert_eq!(read(&request(), "clinician-a", BASE).unwrap().request.idempotency_key, r.idempotency_key);
        assert_ne!(read(&request(), "clinician-b", BASE).unwrap().request.idempotency_key, r.idempotency_key);
        assert!(r.idempotency_key.len() <= 64 && r.idempotency_key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    }

    #[test]
    fn a_missing_consent_or_name_is_a_rule_on_its_element() {
        let mut sr = request();
        sr["extension"] = json!([]);
        sr["contained"][0]["name"] = json!([{"text": " "}]);
        let outcome = rule_errors(read(&sr, "c", BASE).unwrap().request.validate("2026-12-02"));
        assert_eq!(outcome.status, 422);
        let at: Vec<Option<&str>> = outcome.issues.iter().map(|i| i.expression.as_deref()).collect();
        assert_eq!(at, [Some("ServiceRequest.contained[0].name"), Some("ServiceRequest.extension")]);
    }

    #[test]
    fn a_malformed_request_names_every_element_at_once() {
        let e =
            read(&json!({"resourceType": "Patient", "reasonCode": [{"coding": [{"system": System::Condition.url(), "code": "flu"}]}]}), "c", BASE)
                .unwrap_err();
        assert_eq!(e.status, 400);
        let at: Vec<&str> = e.issues.iter().map(|i| i.expression.as_deref().unwrap()).collect();
        assert_eq!(
            at,
            [
                "ServiceRequest",
                "ServiceRequest.identifier",
                "ServiceRequest.status",
                "ServiceRequest.intent",
                "ServiceRequest.performer",
                "ServiceRequest.subject",
                "ServiceRequest.reasonCode"
            ]
        );
        let mut sr = request();
        sr["subject"] = json!({"reference": "Patient/123"});
        sr["performer"] = json!([{"reference": "Organization/x"}]);
        let at: Vec<String> = read(&sr, "c", BASE).unwrap_err().issues.into_iter().filter_map(|i| i.expression).collect();
        assert_eq!(at, ["ServiceRequest.performer", "ServiceRequest.subject"]);
    }

    #[test]
    fn only_an_active_order_is_a_referral() {
        for (status, intent) in [("draft", "order"), ("entered-in-error", "order"), ("active", "proposal"), ("active", "plan")] {
            let mut sr = request();
            (sr["status"], sr["intent"]) = (json!(status), json!(intent));
            let e = read(&sr, "c", BASE).unwrap_err();
            let at: Vec<&str> = e.issues.iter().filter_map(|i| i.expression.as_deref()).collect();
            let element = if status == "active" { "ServiceRequest.intent" } else { "ServiceRequest.status" };
            assert_eq!((e.status.as_u16(), at), (400, vec![element]), "{status} {intent}");
            assert!(e.issues[0].diagnostics.contains(if status == "active" { intent } else { status }));
        }
        let mut sr = request();
        sr["intent"] = json!("original-order");
        assert!(read(&sr, "c", BASE).is_ok());
    }

    #[test]
    fn the_performer_may_be_the_search_bundles_full_url() {
        let mut sr = request();
        sr["performer"] = json!([{"reference": format!("{BASE}/HealthcareService/demo-000042")}]);
        assert_eq!(read(&sr, "c", BASE).unwrap().offer_id, "demo-000042");
        for elsewhere in ["https://other.example/fhir/HealthcareService/demo-000042", "HealthcareService/", "HealthcareService/a/b"] {
            sr["performer"] = json!([{"reference": elsewhere}]);
            assert!(read(&sr, "c", BASE).is_err(), "{elsewhere}");
        }
    }

    #[test]
    fn one_referral_one_offer() {
        let mut sr = request();
        sr["performer"] = json!([{"reference": "HealthcareService/demo-000042"}, {"reference": "HealthcareService/demo-000043"}]);
        let e = read(&sr, "c", BASE).unwrap_err();
        assert_eq!(e.status, 400);
        assert_eq!(e.issues.iter().filter_map(|i| i.expression.as_deref()).collect::<Vec<_>>(), ["ServiceRequest.performer"]);
        assert!(e.issues[0].diagnostics.contains("one performer, not 2"), "{}", e.issues[0].diagnostics);
    }

    #[test]
    fn an_interpreter_only_for_a_language_other_than_danish() {
        let language = |codes: &[&str], required: Option<bool>| {
            let mut sr = request();
            let coding: Vec<Value> = codes.iter().map(|c| json!({"system": BCP47, "code": c})).collect();
            sr["contained"][0]["communication"] = json!([{"language": {"coding": coding}}]);
            if let Some(r) = required {
                sr["contained"][0]["extension"] = json!([{"url": super::super::referral::INTERPRETER_REQUIRED, "valueBoolean": r}]);
            }
            read(&sr, "c", BASE).unwrap().request.interpreter_language
        };
        assert_eq!(language(&["da"], None), None, "a Danish speaker needs no interpreter");
        assert_eq!(language(&["da-DK", "en-GB"], None).as_deref(), Some("en"), "the primary subtag");
        assert_eq!(language(&["ar"], Some(false)), None, "the record system says no interpreter is needed");
        assert_eq!(language(&["tr"], Some(true)).as_deref(), Some("tr"));
    }
}
