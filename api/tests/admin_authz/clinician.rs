//! The clinician routes' part of the authorization matrix: every clinician route (and the FHIR
//! view of a referral) × (no token, forged, the clinician, another clinician, each admin role in
//! and out of scope, no role) → the exact status.

use super::{other_region, support::server::Server};
use forebyg_api::auth::dev;
use forebyg_shared::auth::Role;
use forebyg_shared::clinician::{Organisation, OrganisationKind};
use forebyg_shared::offer::Offer;
use serde_json::{json, Value};

pub fn practice() -> Organisation {
    Organisation { kind: OrganisationKind::Practice, name: "Matrixlægerne".into(), sor: None }
}

const CLINICIAN_CASES: [&str; 10] = [
    "no token",
    "forged",
    "clinician",
    "another clinician",
    "national admin",
    "region admin in scope",
    "region admin out of scope",
    "provider editor in scope",
    "provider editor out of scope",
    "no role",
];

/// The clinician routes × every kind of caller: a clinician reaches only their own referrals,
/// admins none of the clinician routes (they work referrals in the inbox, within scope); the
/// FHIR view of a referral is for its referrer and the admins in scope.
pub fn clinician_matrix(server: &Server, t: &Offer) {
    let sign = |c: &forebyg_api::auth::Claims| format!("Bearer {}", dev::sign(c));
    let owner = sign(&dev::clinician_claims(&practice(), "owner", 600));
    let forged = format!("{}{}", &owner[..owner.len() - 4], if owner.ends_with("AAAA") { "BBBB" } else { "AAAA" });
    let mut no_role = dev::clinician_claims(&practice(), "owner", 600);
    no_role.groups = vec!["citizens".into()];
    let region = |r| Some(r);
    let tokens = [
        None,
        Some(forged),
        Some(owner.clone()),
        Some(sign(&dev::clinician_claims(&practice(), "other", 600))),
        Some(sign(&dev::claims(Role::NationalAdmin, None, None, 600))),
        Some(sign(&dev::claims(Role::RegionAdmin, region(t.region), None, 600))),
        Some(sign(&dev::claims(Role::RegionAdmin, region(other_region(t.region)), None, 600))),
        Some(sign(&dev::claims(Role::ProviderEditor, region(t.region), Some(&t.provider.id), 600))),
        Some(sign(&dev::claims(Role::ProviderEditor, region(t.region), Some("another-provider"), 600))),
        Some(sign(&no_role)),
    ];
    let body = |key: &str| {
        json!({"idempotency_key": key, "patient_name": "Matrix Patient", "phone": "22345678", "conditions": [t.conditions[0]], "patient_consent": true})
            .to_string()
    };
    // The same referral as a FHIR ServiceRequest, `key` its record system's identifier.
    let service_request = |key: &str| {
        json!({"resourceType": "ServiceRequest", "identifier": [{"system": "urn:test:matrix", "value": key}],
            "status": "active", "intent": "order",
            "contained": [{"resourceType": "Patient", "id": "p", "name": [{"text": "Matrix Patient"}], "telecom": [{"system": "phone", "value": "22345678"}]}],
            "subject": {"reference": "#p"}, "performer": [{"reference": format!("HealthcareService/{}", t.id)}],
            "reasonCode": [{"coding": [{"system": "http://forebyg.dk/fhir/CodeSystem/forebyg-condition", "code": t.conditions[0].code()}]}],
            "extension": [{"url": "http://forebyg.dk/fhir/StructureDefinition/patient-consent", "valueBoolean": true}]})
        .to_string()
    };
    let created = server.request(
        "POST",
        &format!("/api/v1/clinician/offers/{}/referrals", t.id),
        &[("authorization", owner.as_str())],
        Some(("application/json", &body("matrix-clinician-0000"))),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let code = created.json::<Value>()["code"].as_str().unwrap().to_owned();
    let search = format!("/api/v1/clinician/offers?conditions={}&postcode=8000", t.conditions[0].code());
    let rows: [(&str, String, [u16; 10]); 13] = [
        ("GET", search, [200; 10]),
        ("GET", "/api/v1/clinician/me".into(), [401, 401, 200, 200, 403, 403, 403, 403, 403, 403]),
        ("POST", format!("/api/v1/clinician/offers/{}/referrals", t.id), [401, 401, 200, 201, 403, 403, 403, 403, 403, 403]),
        ("GET", "/api/v1/clinician/referrals".into(), [401, 401, 200, 200, 403, 403, 403, 403, 403, 403]),
        ("GET", format!("/api/v1/clinician/referrals/{code}"), [401, 401, 200, 404, 403, 403, 403, 403, 403, 403]),
        // The provider works a clinician's referral in the inbox, within its scope only (outside
        // it the referral is not found, as an unknown code).
        ("POST", format!("/api/v1/admin/referrals/{code}/status"), [401, 401, 403, 403, 200, 200, 404, 200, 404, 403]),
        // The same referral as FHIR: the referrer and admins in scope; anyone else 404.
        ("GET", format!("/api/v1/fhir/ServiceRequest/{code}"), [401, 401, 200, 404, 200, 200, 404, 200, 404, 403]),
        ("GET", format!("/api/v1/fhir/Task/{code}"), [401, 401, 200, 404, 200, 200, 404, 200, 404, 403]),
        // Its current version (received, then contacted above: 2), to the same readers.
        ("GET", format!("/api/v1/fhir/ServiceRequest/{code}/_history/2"), [401, 401, 200, 404, 200, 200, 404, 200, 404, 403]),
        ("GET", format!("/api/v1/fhir/Task/{code}/_history/2"), [401, 401, 200, 404, 200, 200, 404, 200, 404, 403]),
        // A clinician's own Tasks (another clinician gets an empty Bundle); admins read by code.
        ("GET", "/api/v1/fhir/Task?status=requested".into(), [401, 401, 200, 200, 403, 403, 403, 403, 403, 403]),
        // A record system refers through FHIR: clinicians only (each referral their own).
        ("POST", "/api/v1/fhir/ServiceRequest".into(), [401, 401, 201, 201, 403, 403, 403, 403, 403, 403]),
        ("DELETE", format!("/api/v1/clinician/referrals/{code}"), [401, 401, 200, 404, 403, 403, 403, 403, 403, 403]),
    ];
    let mut failures = vec![];
    for (method, path, expect) in &rows {
        for (case, (token, expected)) in CLINICIAN_CASES.iter().zip(tokens.iter().zip(expect)) {
            let headers: Vec<(&str, &str)> = token.as_deref().map(|t| ("authorization", t)).into_iter().collect();
            // The owner repeats the first referral's key (200: the same one); others send their own.
            let key = if *case == "clinician" { "matrix-clinician-0000".to_owned() } else { format!("matrix-{}", case.replace(' ', "-")) };
            let payload = match (*method, path.contains("/admin/"), path.contains("/fhir/")) {
                ("POST", true, _) => Some(json!({"status": "contacted"}).to_string()),
                ("POST", false, true) => Some(service_request(&key)),
                ("POST", false, false) => Some(body(&format!("{key:-<16}"))),
                _ => None,
            };
            let res = server.request(method, path, &headers, payload.as_deref().map(|b| ("application/json", b)));
            if res.status != *expected {
                failures.push(format!("{method} {path} [{case}]: expected {expected}, got {} {}", res.status, res.body));
            } else if res.status >= 400 {
                // FHIR routes answer errors as OperationOutcomes.
                let expected_type = if path.contains("/fhir/") { "application/fhir+json" } else { "application/problem+json" };
                assert_eq!(res.content_type, expected_type, "{method} {path} [{case}]");
            }
        }
    }
    assert!(failures.is_empty(), "clinician authorization matrix failures:\n{}", failures.join("\n"));
    let list = |auth: &str| server.request("GET", "/api/v1/clinician/referrals", &[("authorization", auth)], None).body;
    assert!(list(&owner).contains(&code) && !list(tokens[3].as_deref().unwrap()).contains(&code), "only the owner lists it");
}
