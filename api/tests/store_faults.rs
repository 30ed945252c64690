//! Store outages, for real: DynamoDB Local stopped under the running `forebyg` server. Every
//! operation the OpenAPI document says may answer 503 (public, admin, clinician and FHIR; reads
//! and writes) does, with a problem body and
//! `Retry-After`; a CSV import sent during the outage changes nothing; and when DynamoDB Local is
//! back on the same port and data directory, the same server process serves again (no restart).

mod support;

use forebyg_api::auth::dev;
use forebyg_shared::auth::Role;
use forebyg_shared::taxonomy::RegionCode;
use serde_json::Value;
use std::collections::BTreeSet;
use support::dynamodb_local::DynamoDbLocal;
use support::server::Server;

const PROBLEM: &str = "application/problem+json";
const FHIR: &str = "application/fhir+json";

/// Whose token a call carries: the region admin (Midtjylland), a national admin (packages), or a
/// clinician (their routes and the FHIR referral views).
#[derive(Clone, Copy, PartialEq)]
enum Who {
    RegionAdmin,
    NationalAdmin,
    Clinician,
}

/// One request per operation: `(method, path template, concrete path, body, who)`.
type Call = (&'static str, &'static str, String, Option<(&'static str, String)>, Who);

/// The records the calls refer to, read before the outage.
struct Records {
    offer: Value,
    provider: Value,
    location: Value,
    package: Value,
    association: Value,
    activity: Value,
    /// A clinician's referral (its code).
    referral: String,
}

fn calls(r: &Records, csv: &str) -> Vec<Call> {
    use Who::*;
    let (offer, provider, location) = (&r.offer, &r.provider, &r.location);
    let id = offer["id"].as_str().unwrap().to_owned();
    let (pid, lid) = (provider["id"].as_str().unwrap().to_owned(), location["id"].as_str().unwrap().to_owned());
    let (aid, tid) = (r.association["id"].as_str().unwrap().to_owned(), r.activity["id"].as_str().unwrap().to_owned());
    let (pkg, code) = (r.package["code"].as_str().unwrap().to_owned(), r.referral.clone());
    let json = |v: Value| Some(("application/json", v.to_string()));
    let version = |v: &Value| serde_json::json!({ "version": v["version"] });
    let status = |status: &str, v: &Value| json(serde_json::json!({ "status": status, "version": v["version"] }));
    let join = serde_json::json!({ "idempotency_key": "fault-test-0000000001", "name": "Test Person", "phone": "22345678", "consent": true });
    let refer = serde_json::json!({ "idempotency_key": "fault-test-0000000002", "patient_name": "Test Patient", "phone": "22345678",
        "conditions": ["kol"], "patient_consent": true });
    let report = serde_json::json!({ "topic": "other", "message": "The address is out of date." });
    let service_request = serde_json::json!({ "resourceType": "ServiceRequest", "identifier": [{"system": "urn:test", "value": "fault-1"}],
        "status": "active", "intent": "order",
        "contained": [{"resourceType": "Patient", "id": "p", "name": [{"text": "Test Patient"}], "telecom": [{"system": "phone", "value": "22345678"}]}],
        "subject": {"reference": "#p"}, "performer": [{"reference": format!("HealthcareService/{id}")}],
        "reasonCode": [{"coding": [{"system": "http://forebyg.dk/fhir/CodeSystem/forebyg-condition", "code": "kol"}]}],
        "extension": [{"url": "http://forebyg.dk/fhir/StructureDefinition/patient-consent", "valueBoolean": true}] });
    let mut new_association = r.association.clone();
    new_association["id"] = "".into();
    let mut new_activity = r.activity.clone();
    new_activity["id"] = "".into();
    vec![
        ("GET", "/api/v1/offers", "/api/v1/offers?postcode=8000".into(), None, RegionAdmin),
        ("GET", "/api/v1/offers/{id}", format!("/api/v1/offers/{id}"), None, RegionAdmin),
        ("POST", "/api/v1/offers/{id}/self-referrals", format!("/api/v1/offers/{id}/self-referrals"), json(join), RegionAdmin),
        ("GET", "/api/v1/self-referrals/{code}", "/api/v1/self-referrals/K7QM-4XRT".into(), None, RegionAdmin),
        ("DELETE", "/api/v1/self-referrals/{code}", "/api/v1/self-referrals/K7QM-4XRT".into(), None, RegionAdmin),
        ("POST", "/api/v1/offers/{id}/reports", format!("/api/v1/offers/{id}/reports"), json(report), RegionAdmin),
        ("GET", "/api/v1/offers/{id}/activities", format!("/api/v1/offers/{id}/activities?postcode=8000"), None, RegionAdmin),
        ("GET", "/api/v1/packages", "/api/v1/packages".into(), None, RegionAdmin),
        ("GET", "/api/v1/packages/{code}", format!("/api/v1/packages/{pkg}"), None, RegionAdmin),
        ("GET", "/api/v1/activities", "/api/v1/activities?postcode=8000".into(), None, RegionAdmin),
        ("GET", "/api/v1/activities/{id}", format!("/api/v1/activities/{tid}"), None, RegionAdmin),
        ("GET", "/api/v1/hsds/services", "/api/v1/hsds/services".into(), None, RegionAdmin),
        ("GET", "/api/v1/hsds/services/{id}", "/api/v1/hsds/services/00000000-0000-0000-0000-000000000000".into(), None, RegionAdmin),
        ("GET", "/api/v1/hsds/organizations", "/api/v1/hsds/organizations".into(), None, RegionAdmin),
        ("GET", "/api/v1/hsds/locations", "/api/v1/hsds/locations".into(), None, RegionAdmin),
        ("GET", "/api/v1/hsds/service_at_locations", "/api/v1/hsds/service_at_locations".into(), None, RegionAdmin),
        ("GET", "/api/v1/hsds/taxonomy_terms", "/api/v1/hsds/taxonomy_terms".into(), None, RegionAdmin),
        ("GET", "/api/v1/fhir/HealthcareService", "/api/v1/fhir/HealthcareService".into(), None, RegionAdmin),
        ("GET", "/api/v1/fhir/HealthcareService/{id}", format!("/api/v1/fhir/HealthcareService/{id}"), None, RegionAdmin),
        ("GET", "/api/v1/fhir/Location/{id}", format!("/api/v1/fhir/Location/{lid}"), None, RegionAdmin),
        ("GET", "/api/v1/fhir/Organization/{id}", format!("/api/v1/fhir/Organization/{pid}"), None, RegionAdmin),
        ("GET", "/api/v1/fhir/ServiceRequest/{id}", format!("/api/v1/fhir/ServiceRequest/{code}"), None, Clinician),
        ("GET", "/api/v1/fhir/Task/{id}", format!("/api/v1/fhir/Task/{code}"), None, Clinician),
        ("GET", "/api/v1/fhir/ServiceRequest/{id}/_history/{vid}", format!("/api/v1/fhir/ServiceRequest/{code}/_history/1"), None, Clinician),
        ("GET", "/api/v1/fhir/Task/{id}/_history/{vid}", format!("/api/v1/fhir/Task/{code}/_history/1"), None, Clinician),
        ("GET", "/api/v1/fhir/Task", "/api/v1/fhir/Task?_lastUpdated=ge2026-01-01&_include=Task:focus".into(), None, Clinician),
        (
            "POST",
            "/api/v1/fhir/ServiceRequest",
            "/api/v1/fhir/ServiceRequest".into(),
            Some(("application/fhir+json", service_request.to_string())),
            Clinician,
        ),
        ("GET", "/api/v1/clinician/offers", "/api/v1/clinician/offers?conditions=kol&postcode=9000&age=67".into(), None, Clinician),
        ("POST", "/api/v1/clinician/offers/{id}/referrals", format!("/api/v1/clinician/offers/{id}/referrals"), json(refer), Clinician),
        ("GET", "/api/v1/clinician/referrals", "/api/v1/clinician/referrals".into(), None, Clinician),
        ("GET", "/api/v1/clinician/referrals/{code}", format!("/api/v1/clinician/referrals/{code}"), None, Clinician),
        ("DELETE", "/api/v1/clinician/referrals/{code}", format!("/api/v1/clinician/referrals/{code}"), None, Clinician),
        ("GET", "/api/v1/admin/offers", "/api/v1/admin/offers".into(), None, RegionAdmin),
        ("POST", "/api/v1/admin/offers", "/api/v1/admin/offers".into(), json(offer.clone()), RegionAdmin),
        ("GET", "/api/v1/admin/offers/{id}", format!("/api/v1/admin/offers/{id}"), None, RegionAdmin),
        ("PUT", "/api/v1/admin/offers/{id}", format!("/api/v1/admin/offers/{id}"), json(offer.clone()), RegionAdmin),
        ("POST", "/api/v1/admin/offers/{id}/status", format!("/api/v1/admin/offers/{id}/status"), status("draft", offer), RegionAdmin),
        ("POST", "/api/v1/admin/offers/{id}/verify", format!("/api/v1/admin/offers/{id}/verify"), json(version(offer)), RegionAdmin),
        ("GET", "/api/v1/admin/offers.csv", "/api/v1/admin/offers.csv".into(), None, RegionAdmin),
        ("POST", "/api/v1/admin/offers/import", "/api/v1/admin/offers/import?dry_run=false".into(), Some(("text/csv", csv.to_owned())), RegionAdmin),
        ("GET", "/api/v1/admin/referrals", "/api/v1/admin/referrals".into(), None, RegionAdmin),
        ("GET", "/api/v1/admin/referrals/counts", "/api/v1/admin/referrals/counts".into(), None, RegionAdmin),
        ("GET", "/api/v1/admin/referrals/response-times", "/api/v1/admin/referrals/response-times".into(), None, RegionAdmin),
        (
            "GET",
            "/api/v1/admin/referrals/response-times/months",
            "/api/v1/admin/referrals/response-times/months?since_month=2027-01".into(),
            None,
            RegionAdmin,
        ),
        ("GET", "/api/v1/admin/referrals/response-times/months.csv", "/api/v1/admin/referrals/response-times/months.csv".into(), None, RegionAdmin),
        (
            "POST",
            "/api/v1/admin/referrals/{code}/status",
            "/api/v1/admin/referrals/K7QM-4XRT/status".into(),
            json(serde_json::json!({ "status": "contacted" })),
            RegionAdmin,
        ),
        (
            "POST",
            "/api/v1/admin/referrals/{code}/notes",
            "/api/v1/admin/referrals/K7QM-4XRT/notes".into(),
            json(serde_json::json!({ "text": "Ringede, ingen svar." })),
            RegionAdmin,
        ),
        ("GET", "/api/v1/admin/audit", "/api/v1/admin/audit".into(), None, RegionAdmin),
        ("GET", "/api/v1/admin/coverage", "/api/v1/admin/coverage".into(), None, RegionAdmin),
        ("GET", "/api/v1/admin/coverage.csv", "/api/v1/admin/coverage.csv".into(), None, RegionAdmin),
        ("GET", "/api/v1/admin/coverage/packages", format!("/api/v1/admin/coverage/packages?package={pkg}"), None, RegionAdmin),
        ("GET", "/api/v1/admin/coverage/packages.csv", format!("/api/v1/admin/coverage/packages.csv?package={pkg}"), None, RegionAdmin),
        ("GET", "/api/v1/admin/reports", "/api/v1/admin/reports".into(), None, RegionAdmin),
        (
            "POST",
            "/api/v1/admin/reports/{id}/resolve",
            "/api/v1/admin/reports/r1/resolve".into(),
            json(serde_json::json!({ "status": "dismissed" })),
            RegionAdmin,
        ),
        ("GET", "/api/v1/admin/providers", "/api/v1/admin/providers".into(), None, RegionAdmin),
        ("POST", "/api/v1/admin/providers", "/api/v1/admin/providers".into(), json(provider.clone()), RegionAdmin),
        ("GET", "/api/v1/admin/providers/{id}", format!("/api/v1/admin/providers/{pid}"), None, RegionAdmin),
        ("PUT", "/api/v1/admin/providers/{id}", format!("/api/v1/admin/providers/{pid}"), json(provider.clone()), RegionAdmin),
        ("POST", "/api/v1/admin/providers/{id}/status", format!("/api/v1/admin/providers/{pid}/status"), status("archived", provider), RegionAdmin),
        ("GET", "/api/v1/admin/locations", "/api/v1/admin/locations".into(), None, RegionAdmin),
        ("POST", "/api/v1/admin/locations", "/api/v1/admin/locations".into(), json(location.clone()), RegionAdmin),
        ("GET", "/api/v1/admin/locations/{id}", format!("/api/v1/admin/locations/{lid}"), None, RegionAdmin),
        ("PUT", "/api/v1/admin/locations/{id}", format!("/api/v1/admin/locations/{lid}"), json(location.clone()), RegionAdmin),
        ("POST", "/api/v1/admin/locations/{id}/status", format!("/api/v1/admin/locations/{lid}/status"), status("archived", location), RegionAdmin),
        ("POST", "/api/v1/admin/packages", "/api/v1/admin/packages".into(), json(r.package.clone()), NationalAdmin),
        ("PUT", "/api/v1/admin/packages/{code}", format!("/api/v1/admin/packages/{pkg}"), json(r.package.clone()), NationalAdmin),
        ("GET", "/api/v1/admin/associations", "/api/v1/admin/associations".into(), None, RegionAdmin),
        ("POST", "/api/v1/admin/associations", "/api/v1/admin/associations".into(), json(new_association), RegionAdmin),
        ("GET", "/api/v1/admin/associations/{id}", format!("/api/v1/admin/associations/{aid}"), None, RegionAdmin),
        ("PUT", "/api/v1/admin/associations/{id}", format!("/api/v1/admin/associations/{aid}"), json(r.association.clone()), RegionAdmin),
        (
            "POST",
            "/api/v1/admin/associations/{id}/status",
            format!("/api/v1/admin/associations/{aid}/status"),
            status("archived", &r.association),
            RegionAdmin,
        ),
        ("GET", "/api/v1/admin/activities", "/api/v1/admin/activities".into(), None, RegionAdmin),
        ("POST", "/api/v1/admin/activities", "/api/v1/admin/activities".into(), json(new_activity), RegionAdmin),
        ("GET", "/api/v1/admin/activities/{id}", format!("/api/v1/admin/activities/{tid}"), None, RegionAdmin),
        ("PUT", "/api/v1/admin/activities/{id}", format!("/api/v1/admin/activities/{tid}"), json(r.activity.clone()), RegionAdmin),
        (
            "POST",
            "/api/v1/admin/activities/{id}/status",
            format!("/api/v1/admin/activities/{tid}/status"),
            status("archived", &r.activity),
            RegionAdmin,
        ),
        ("GET", "/api/v1/admin/activities/{id}/offers", format!("/api/v1/admin/activities/{tid}/offers"), None, RegionAdmin),
        (
            "POST",
            "/api/v1/admin/activities/{id}/offers",
            format!("/api/v1/admin/activities/{tid}/offers"),
            json(serde_json::json!({ "offer_id": id, "version": offer["version"], "linked": true })),
            RegionAdmin,
        ),
    ]
}

/// `METHOD /path` of every operation whose documentation lists a 503.
fn operations_that_may_be_unavailable(doc: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if op["responses"].get("503").is_some() {
                out.insert(format!("{} {path}", method.to_uppercase()));
            }
        }
    }
    out
}

fn titles(csv: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let title = reader.headers().unwrap().iter().position(|h| h == "title").expect("a title column");
    reader.records().map(|r| r.unwrap()[title].to_owned()).collect()
}

#[test]
fn a_dynamodb_outage_is_a_503_everywhere_and_the_same_server_recovers() {
    let (db_dir, data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let port = support::dynamodb_local::free_port();
    let dynamodb = DynamoDbLocal::start_persistent(port, db_dir.path());
    let env = [
        ("FOREBYG_STORE", "dynamodb"),
        ("FOREBYG_TABLE", "faults"),
        ("FOREBYG_CREATE_TABLE", "1"),
        ("FOREBYG_DYNAMODB_ENDPOINT", dynamodb.endpoint.as_str()),
        ("FOREBYG_AUTH", "dev"),
    ];
    let server = Server::start_with(data.path(), dist.path(), 40, &env);
    let bearer = |claims| format!("Bearer {}", dev::sign(&claims));
    let region = bearer(dev::claims(Role::RegionAdmin, Some(RegionCode::Midtjylland), None, 3600));
    let national = bearer(dev::claims(Role::NationalAdmin, None, None, 3600));
    let clinician = bearer(dev::clinician_claims(&dev::default_organisation(), "faults", 3600));
    let headers = |who: Who| -> [(&'static str, String); 2] {
        let token = match who {
            Who::RegionAdmin => &region,
            Who::NationalAdmin => &national,
            Who::Clinician => &clinician,
        };
        [("authorization", token.clone()), ("forebyg-contact", "22345678".into())]
    };
    let send = |who: Who, method: &str, path: &str, body: Option<(&str, &str)>| {
        let h = headers(who);
        let h: Vec<(&str, &str)> = h.iter().map(|(k, v)| (*k, v.as_str())).collect();
        server.request(method, path, &h, body)
    };
    let get_as = |who: Who, path: &str| {
        let reply = send(who, "GET", path, None);
        assert_eq!(reply.status, 200, "GET {path}: {}", reply.body);
        reply
    };
    let get = |path: &str| get_as(Who::RegionAdmin, path);
    let offers: Vec<Value> = get("/api/v1/admin/offers").json();
    let offer: Value = get(&format!("/api/v1/admin/offers/{}", offers[0]["id"].as_str().unwrap())).json();
    let first = |path: &str| get(path).json::<Vec<Value>>().remove(0);
    let (provider, location) = (first("/api/v1/admin/providers"), first("/api/v1/admin/locations"));
    let (association, activity) = (first("/api/v1/admin/associations"), first("/api/v1/admin/activities"));
    let package = first("/api/v1/packages");
    // A clinician's referral, for the views of it.
    let referral = support::clinician_referral(&server, &clinician);
    let export = get("/api/v1/admin/offers.csv").body;
    let changed = support::retitled_csv(&export, " (ændret)");
    let records = Records { offer, provider, location, package, association, activity, referral };
    let calls = calls(&records, &changed);

    // The table above covers every operation that documents a 503, and no other (add a line for a new one).
    let doc: Value = server.get("/api/v1/openapi.json").json();
    let covered: BTreeSet<String> = calls.iter().map(|(m, template, ..)| format!("{m} {template}")).collect();
    let documented = operations_that_may_be_unavailable(&doc);
    assert_eq!(documented.difference(&covered).collect::<Vec<_>>(), Vec::<&String>::new(), "operations without an outage case");
    assert_eq!(covered.difference(&documented).collect::<Vec<_>>(), Vec::<&String>::new(), "outage cases of operations that document no 503");

    drop(dynamodb);
    let mut failures = vec![];
    for (method, _, path, body, who) in &calls {
        let reply = send(*who, method, path, body.as_ref().map(|(ct, b)| (*ct, b.as_str())));
        // A problem, or on the FHIR routes a FHIR OperationOutcome, as documented.
        let body: Option<Value> = serde_json::from_str(&reply.body).ok();
        let said = body.as_ref().is_some_and(|b| match reply.content_type.as_str() {
            PROBLEM => b["type"] == "urn:forebyg:problem:unavailable" && b["status"] == 503,
            FHIR => b["resourceType"] == "OperationOutcome" && b["issue"][0]["code"] == "transient",
            _ => false,
        });
        let ok = reply.status == 503 && reply.retry_after.parse::<u64>().is_ok_and(|s| s >= 1) && said;
        if !ok {
            failures.push(format!("{method} {path}: {} {} retry-after {:?}: {}", reply.status, reply.content_type, reply.retry_after, reply.body));
        }
    }
    assert!(failures.is_empty(), "during the outage:\n{}", failures.join("\n"));
    // The process stays up and says why, without leaking internals to clients.
    assert_eq!(server.get("/healthz").status, 200);

    // DynamoDB Local is back (same port, same data): the same server answers again, and the
    // import sent during the outage left nothing behind.
    let dynamodb = DynamoDbLocal::start_persistent(port, db_dir.path());
    assert_eq!(get("/api/v1/admin/offers.csv").body, export, "the import during the outage changed something");
    let applied = send(Who::RegionAdmin, "POST", "/api/v1/admin/offers/import?dry_run=false", Some(("text/csv", &changed)));
    assert_eq!(applied.status, 200, "{}", applied.body);
    let titles = titles(&get("/api/v1/admin/offers.csv").body);
    assert!(!titles.is_empty() && titles.iter().all(|t| t.ends_with(" (ændret)")), "every row is applied after recovery: {titles:?}");
    drop(dynamodb);
}
