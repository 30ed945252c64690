//! Clinician referrals as FHIR R4 ServiceRequest + Task over HTTP, on both stores: every status
//! maps as `api/docs/fhir.md` says and every resource validates against the official R4 schema;
//! the referring clinician and admins in scope may read, anyone else gets 404 (no token 401);
//! every read is audited; the CPR number never appears. A clinician's record system searches
//! their Tasks by when they changed (`task_search`) and refers by POSTing a ServiceRequest
//! (`create`).

#[path = "fhir_referrals/create.rs"]
mod create;
#[path = "fhir_referrals/moved.rs"]
mod moved;
mod support;
#[path = "fhir_referrals/task_search.rs"]
mod task_search;

use forebyg_api::auth::dev;
use forebyg_api::demo;
use forebyg_shared::admin::AuditEntry;
use forebyg_shared::auth::Role;
use forebyg_shared::clinician::{ClinicianReferral, Organisation, OrganisationKind};
use forebyg_shared::offer::Offer;
use forebyg_shared::referral_route::forebyg_refusal;
use forebyg_shared::taxonomy::{Capacity, RegionCode};
use serde_json::{json, Value};
use support::fhir_schema::{assert_none, schema};
use support::server::Server;

const DEMO: usize = 300;
const JSON: &str = "application/json";

fn bearer(who: &str) -> String {
    let org = Organisation { kind: OrganisationKind::Practice, name: "Lægerne i Vestergade".into(), sor: Some("481231000016005".into()) };
    format!("Bearer {}", dev::sign(&dev::clinician_claims(&org, who, 600)))
}

fn admin(role: Role, region: Option<RegionCode>, provider: Option<&str>) -> String {
    format!("Bearer {}", dev::sign(&dev::claims(role, region, provider, 600)))
}

fn run(env: &[(&str, &str)]) {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let env: Vec<(&str, &str)> = [("FOREBYG_AUTH", "dev")].into_iter().chain(env.iter().copied()).collect();
    let server = Server::start_with(data.path(), dist.path(), DEMO, &env);
    let offer: Offer = demo::offers(DEMO)
        .into_iter()
        .find(|o| o.is_published() && o.referral.from_gp && o.referral.takes_forebyg() && o.capacity == Capacity::Open)
        .expect("a demo offer taking GP referrals through Forebyg");
    let me = bearer("fhir-a");
    let refer = |key: &str| -> String {
        let body = json!({
            "idempotency_key": key, "patient_name": "Gudrun Særligtnavn", "phone": "81 23 45 67", "email": "gudrun@example.org",
            "cpr": "010159-1234", "conditions": ["kol"], "reason": "Motiveret for træning", "interpreter_language": "ar", "patient_consent": true,
        });
        let res = server.request(
            "POST",
            &format!("/api/v1/clinician/offers/{}/referrals", offer.id),
            &[("authorization", &me)],
            Some((JSON, &body.to_string())),
        );
        assert_eq!(res.status, 201, "{}", res.body);
        res.json::<ClinicianReferral>().code
    };
    let in_scope = admin(Role::RegionAdmin, Some(offer.region), None);
    let move_to = |code: &str, change: Value| {
        let res = server.request(
            "POST",
            &format!("/api/v1/admin/referrals/{code}/status"),
            &[("authorization", &in_scope)],
            Some((JSON, &change.to_string())),
        );
        assert_eq!(res.status, 200, "{change}: {}", res.body);
    };
    let failures = std::cell::RefCell::new(vec![]);
    let read = |kind: &str, code: &str, auth: &str| -> Value {
        let res = server.request("GET", &format!("/api/v1/fhir/{kind}/{code}"), &[("authorization", auth)], None);
        assert_eq!(
            (res.status, res.content_type.as_str(), res.cache_control.as_str()),
            (200, "application/fhir+json", "no-store"),
            "{kind}/{code}: {}",
            res.body
        );
        assert!(!res.body.contains("0101591234") && !res.body.contains("010159"), "never the CPR number: {}", res.body);
        let v: Value = res.json();
        schema().check(&v, &mut failures.borrow_mut());
        v
    };
    // (ServiceRequest.status, Task.status, businessStatus) at each step.
    let expect = |code: &str, sr_status: &str, task_status: &str| -> Value {
        let sr = read("ServiceRequest", code, &me);
        assert_eq!(sr["status"], sr_status, "{code}");
        let task = read("Task", code, &me);
        assert_eq!(task["status"], task_status, "{code}");
        task
    };

    // A: received → contacted → enrolled → completed with the closing note.
    let a = refer("fhir-referral-000001");
    let sr = read("ServiceRequest", &a, &me);
    let patient = &sr["contained"][0];
    assert_eq!((patient["resourceType"].as_str(), patient["name"][0]["text"].as_str()), (Some("Patient"), Some("Gudrun Særligtnavn")));
    assert_eq!(patient["telecom"][0]["value"], "+4581234567");
    assert_eq!(patient["communication"][0]["language"]["coding"][0]["code"], "ar");
    assert_eq!(sr["subject"]["reference"], "#patient");
    assert_eq!(sr["performer"][0]["reference"], format!("HealthcareService/{}", offer.id));
    assert_eq!(sr["reasonCode"][0]["coding"][0]["code"], "kol");
    assert_eq!(sr["note"][0]["text"], "Motiveret for træning");
    assert_eq!(sr["requester"]["identifier"]["value"], "481231000016005");
    let task = expect(&a, "active", "requested");
    // The day by which the provider promised contact, from the offer's response time.
    let promised = offer.referral.response_days.map(|d| forebyg_shared::date::add_working_days(forebyg_api::self_referral::now(), d.into()));
    assert_eq!(task["restriction"]["period"]["end"].as_str(), promised.as_deref());
    assert_eq!(
        (task["businessStatus"]["coding"][0]["code"].as_str(), task["focus"]["reference"].as_str()),
        (Some("received"), Some(format!("ServiceRequest/{a}").as_str()))
    );
    move_to(&a, json!({"status": "contacted"}));
    assert_eq!(expect(&a, "active", "accepted")["businessStatus"]["coding"][0]["code"], "contacted");
    // Put on the waiting list: still accepted, with a business status of its own from the code
    // system (its display, and a note in the history, in words).
    move_to(&a, json!({"status": "contacted", "waitlist": true}));
    let waiting = expect(&a, "active", "accepted");
    assert_eq!(
        (waiting["businessStatus"]["coding"][0]["code"].as_str(), waiting["businessStatus"]["text"].as_str()),
        (Some("waitlisted"), Some("Kontaktet, på venteliste"))
    );
    assert_eq!(waiting["businessStatus"]["coding"][0]["system"], "http://forebyg.dk/fhir/CodeSystem/forebyg-referral-status");
    assert!(waiting["note"].as_array().unwrap().last().unwrap()["text"].as_str().unwrap().starts_with("Kontaktet, på venteliste ("), "{waiting}");
    // The contact undone (the wrong card): requested again, off the list, the step named in words.
    move_to(&a, json!({"status": "received"}));
    let undone = expect(&a, "active", "requested");
    assert_eq!(undone["businessStatus"]["coding"][0]["code"], "received");
    assert_eq!(undone["note"].as_array().unwrap().last().unwrap()["text"], "Kontakt fortrudt (tilbuddet)", "{undone}");
    // Enrolled with the first session agreed: the Task's output, a dateTime with the Danish offset.
    let week = forebyg_shared::date::add_days(&forebyg_shared::date::copenhagen_date(forebyg_api::self_referral::now()), 7);
    move_to(&a, json!({"status": "enrolled", "first_session": {"on": week, "at": "17:00"}}));
    let enrolled = expect(&a, "active", "in-progress");
    assert!(enrolled["executionPeriod"]["start"].is_string());
    let first_session = json!({"type": {"text": "Første mødegang"}, "valueDateTime": forebyg_shared::first_session::FirstSession { on: week.clone(), at: Some("17:00".into()) }.date_time()});
    assert_eq!(enrolled["output"], json!([first_session]));
    assert!(first_session["valueDateTime"].as_str().unwrap().starts_with(&format!("{week}T17:00:00+0")));
    move_to(&a, json!({"status": "completed", "note": "Gennemførte 8 af 8 gange."}));
    let done = expect(&a, "completed", "completed");
    assert_eq!(done["output"][0], first_session, "what was agreed stays with the course");
    assert_eq!(done["output"][1]["valueString"], "Gennemførte 8 af 8 gange.");
    assert_eq!(done["note"].as_array().unwrap().len(), 6, "every status change as a timed note");

    // B: declined with a reason and a note; C: withdrawn by the clinician.
    let b = refer("fhir-referral-000002");
    move_to(&b, json!({"status": "declined", "reason": "other", "note": "Holdet er lukket."}));
    let declined = expect(&b, "revoked", "rejected");
    assert_eq!(
        (declined["statusReason"]["coding"][0]["code"].as_str(), declined["statusReason"]["text"].as_str()),
        (Some("other"), Some("Holdet er lukket."))
    );
    // A decision can be reopened: active again, the reason gone, both steps in the history.
    move_to(&b, json!({"status": "contacted"}));
    let reopened = expect(&b, "active", "accepted");
    assert!(reopened["statusReason"].is_null(), "{reopened}");
    assert_eq!(reopened["note"].as_array().unwrap().len(), 3);
    move_to(&b, json!({"status": "declined", "reason": "other", "note": "Holdet er lukket."}));
    let c = refer("fhir-referral-000003");
    assert_eq!(server.request("DELETE", &format!("/api/v1/clinician/referrals/{c}"), &[("authorization", &me)], None).status, 200);
    expect(&c, "revoked", "cancelled");

    // Who may read: the referrer and admins whose scope holds the offer.
    let other_region = *RegionCode::ALL.iter().find(|r| **r != offer.region).unwrap();
    let cases: [(Option<String>, u16); 7] = [
        (None, 401),
        (Some("Bearer not-a-token".into()), 401),
        (Some(bearer("fhir-b")), 404),
        (Some(in_scope.clone()), 200),
        (Some(admin(Role::NationalAdmin, None, None)), 200),
        (Some(admin(Role::RegionAdmin, Some(other_region), None)), 404),
        (Some(admin(Role::ProviderEditor, Some(offer.region), Some("another-provider"))), 404),
    ];
    for kind in ["ServiceRequest", "Task"] {
        for (auth, status) in &cases {
            let headers: Vec<(&str, &str)> = auth.iter().map(|a| ("authorization", a.as_str())).collect();
            let res = server.request("GET", &format!("/api/v1/fhir/{kind}/{a}"), &headers, None);
            assert_eq!((res.status, res.content_type.as_str()), (*status, "application/fhir+json"), "{kind} with {auth:?}: {}", res.body);
            schema().check(&res.json(), &mut failures.borrow_mut());
        }
        let unknown = server.request("GET", &format!("/api/v1/fhir/{kind}/AAAA-BBBB"), &[("authorization", &me)], None);
        assert_eq!(unknown.status, 404);
    }
    task_search::check(&server, &me, &bearer("fhir-b"), &in_scope, [&a, &b, &c], &refer, &mut failures.borrow_mut());
    let refused = demo::offers(DEMO)
        .into_iter()
        .find(|o| o.is_published() && forebyg_refusal(&o.referral, o.capacity, OrganisationKind::Practice.referrer()).is_some())
        .expect("a demo offer that does not take a practice's referral through Forebyg");
    create::check(&server, &bearer("fhir-c"), &in_scope, &offer.id, &refused.id, &mut failures.borrow_mut());
    // E: an enrolment undone (not started: no executionPeriod), then a course stopped early: the
    // request revoked and the Task cancelled, told from a withdrawal by businessStatus and reason.
    let e = refer("fhir-referral-000005");
    move_to(&e, json!({"status": "enrolled", "first_session": {"on": week}}));
    assert_eq!(expect(&e, "active", "in-progress")["output"][0]["valueDateTime"], week.as_str(), "a day alone is a date");
    move_to(&e, json!({"status": "contacted"}));
    let undone = expect(&e, "active", "accepted");
    assert!(undone["executionPeriod"].is_null() && undone["output"].is_null(), "{undone}");
    move_to(&e, json!({"status": "enrolled"}));
    move_to(&e, json!({"status": "discontinued", "note": "Stoppede efter 3 af 8 gange."}));
    let stopped = expect(&e, "revoked", "cancelled");
    assert_eq!(
        (stopped["businessStatus"]["coding"][0]["code"].as_str(), stopped["statusReason"]["text"].as_str()),
        (Some("discontinued"), Some("Afbrudt"))
    );
    assert_eq!(stopped["output"][0]["valueString"], "Stoppede efter 3 af 8 gange.");
    assert!(stopped["executionPeriod"]["start"].is_string() && stopped["executionPeriod"]["end"].is_string(), "{stopped}");
    assert_none(&failures.borrow());
    // Last: it moves the offer to another provider.
    moved::check(&server, &me, &in_scope, &offer, &refer("fhir-referral-000009"));

    // Every read is in the region's audit log.
    let national = admin(Role::NationalAdmin, None, None);
    let audit: Vec<AuditEntry> =
        server.request("GET", &format!("/api/v1/admin/audit?region={}", offer.region.code()), &[("authorization", &national)], None).json();
    let reads =
        |role: Role| audit.iter().filter(|e| e.actor_role == role && e.action.code() == "referral-read" && [&a, &b, &c].contains(&&e.target)).count();
    assert!(reads(Role::Clinician) >= 10, "{}", reads(Role::Clinician));
    assert!(reads(Role::RegionAdmin) >= 2 && reads(Role::NationalAdmin) >= 2);
}

#[test]
fn referrals_as_fhir_on_the_embedded_store() {
    run(&[]);
}

#[test]
fn referrals_as_fhir_on_dynamodb_local() {
    let local = support::dynamodb_local::DynamoDbLocal::start();
    run(&[
        ("FOREBYG_STORE", "dynamodb"),
        ("FOREBYG_DYNAMODB_ENDPOINT", &local.endpoint),
        ("FOREBYG_CREATE_TABLE", "1"),
        ("FOREBYG_TABLE", "fhirref"),
    ]);
}
