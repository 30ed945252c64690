//! Providers and locations as records over real HTTP, on both stores: a region admin creates a
//! location and an offer held there; editing the location moves the public offer with it (one
//! all-or-nothing write, audited); a stale edit is a 409 with the current record; archiving is
//! refused while published offers use the record; offers may only name records that exist.

mod support;

use forebyg_api::auth::dev;
use forebyg_shared::admin::{AuditAction, AuditEntry};
use forebyg_shared::auth::Role;
use forebyg_shared::directory::{LocationRecord, ProviderRecord, RecordStatus, StaleLocation, StaleProvider};
use forebyg_shared::offer::Offer;
use forebyg_shared::problem::{types, Problem};
use forebyg_shared::taxonomy::{OfferStatus, RegionCode};
use forebyg_shared::validation::ErrorCode;
use serde_json::{json, Value};
use support::server::{Reply, Server};

const JSON: &str = "application/json";

struct Session<'a> {
    server: &'a Server,
    auth: String,
}

impl Session<'_> {
    fn new<'s>(server: &'s Server, role: Role, region: Option<RegionCode>, provider: Option<&str>) -> Session<'s> {
        Session { server, auth: format!("Bearer {}", dev::sign(&dev::claims(role, region, provider, 600))) }
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Reply {
        let body = body.map(|b| b.to_string());
        self.server.request(method, path, &[("authorization", self.auth.as_str())], body.as_deref().map(|b| (JSON, b)))
    }
}

fn field_codes(res: &Reply) -> Vec<(String, ErrorCode)> {
    assert_eq!(res.status, 422, "{}", res.body);
    res.json::<Problem>().errors.into_iter().map(|e| (e.field, e.code)).collect()
}

/// A new place in Aarhus N for a provider of Region Midtjylland.
fn new_location(provider_id: &str) -> Value {
    json!({
        "provider_id": provider_id, "region": "midtjylland", "name": "Sundhedshuset Nord", "address": "Randersvej 100",
        "postcode": "8200", "city": "Aarhus N", "municipality_code": "0751", "point": {"lat": 56.1800, "lon": 10.1900},
        "step_free_access": "Automatisk dør og elevator", "status": "active"
    })
}

fn run(store_env: &[(&str, &str)]) {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut env = vec![("FOREBYG_AUTH", "dev")];
    env.extend_from_slice(store_env);
    let server = Server::start_with(data.path(), dist.path(), 300, &env);
    let admin = Session::new(&server, Role::RegionAdmin, Some(RegionCode::Midtjylland), None);
    let colleague = Session::new(&server, Role::RegionAdmin, Some(RegionCode::Midtjylland), None);

    // The demo seed made the records its offers use.
    let providers: Vec<ProviderRecord> = admin.call("GET", "/api/v1/admin/providers", None).json();
    let aarhus = providers.iter().find(|p| p.id.starts_with("demo-kommune-")).expect("a demo municipality in Midtjylland").clone();
    let other = providers.iter().find(|p| p.id != aarhus.id).expect("another demo provider").clone();
    assert!(providers.iter().all(|p| p.region == RegionCode::Midtjylland));
    let some_places: Vec<LocationRecord> = admin.call("GET", &format!("/api/v1/admin/locations?provider={}", aarhus.id), None).json();
    assert!(!some_places.is_empty() && some_places.iter().all(|l| l.provider_id == aarhus.id));

    // Field errors are named; the postcode must lie in the region.
    let mut bad = new_location(&aarhus.id);
    (bad["postcode"], bad["city"]) = (json!("5000"), json!("Odense C"));
    bad["name"] = json!("");
    let codes = field_codes(&admin.call("POST", "/api/v1/admin/locations", Some(bad)));
    assert!(codes.contains(&("postcode".into(), ErrorCode::OutOfRange)) && codes.contains(&("name".into(), ErrorCode::Required)), "{codes:?}");
    let mut orphan = new_location("no-such-provider");
    orphan["name"] = json!("Et sted");
    let res = admin.call("POST", "/api/v1/admin/locations", Some(orphan));
    assert_eq!(field_codes(&res), [("provider_id".to_owned(), ErrorCode::Unknown)]);

    // Create the location, then an offer held there: its place is copied from the record.
    let res = admin.call("POST", "/api/v1/admin/locations", Some(new_location(&aarhus.id)));
    assert_eq!(res.status, 201, "{}", res.body);
    let place: LocationRecord = res.json();
    assert!(place.id.starts_with("sundhedshuset-nord-") && place.version == 1);
    let mut draft: Offer = serde_json::from_str(include_str!("../../shared/tests/offer_fixture.json")).unwrap();
    (draft.region, draft.status, draft.provider.id) = (RegionCode::Midtjylland, OfferStatus::Draft, aarhus.id.clone());
    draft.provider.name = "Typed by hand".into();
    draft.location_id = Some(place.id.clone());
    draft.location.as_mut().unwrap().address = "Typed by hand 1".into();
    let unknown = admin.call("POST", "/api/v1/admin/offers", Some(json!(Offer { location_id: Some("nowhere".into()), ..draft.clone() })));
    assert_eq!(field_codes(&unknown), [("location_id".to_owned(), ErrorCode::Unknown)]);
    let mut no_provider = draft.clone();
    no_provider.provider.id = "nobody".into();
    assert!(field_codes(&admin.call("POST", "/api/v1/admin/offers", Some(json!(no_provider)))).contains(&("provider.id".into(), ErrorCode::Unknown)));
    let created: Offer = admin.call("POST", "/api/v1/admin/offers", Some(json!(draft))).json();
    assert_eq!((created.provider.name.as_str(), created.location.as_ref().unwrap().address.as_str()), (aarhus.name.as_str(), "Randersvej 100"));
    let published: Offer =
        admin.call("POST", &format!("/api/v1/admin/offers/{}/status", created.id), Some(json!({"status": "published", "version": 1}))).json();
    assert_eq!(published.status, OfferStatus::Published);

    // Editing the location moves the public offer with it, in the same write.
    let moved = LocationRecord { address: "Randersvej 120".into(), ..place.clone() };
    let saved: LocationRecord = admin.call("PUT", &format!("/api/v1/admin/locations/{}", place.id), Some(json!(moved))).json();
    assert_eq!((saved.address.as_str(), saved.version), ("Randersvej 120", 2));
    let public: Offer = server.get(&format!("/api/v1/offers/{}", created.id)).json();
    assert_eq!((public.location.as_ref().unwrap().address.as_str(), public.version), ("Randersvej 120", published.version + 1));
    // The HSDS export's location is the record: same id after the move, new address.
    let service: Value = server.get(&format!("/api/v1/hsds/services/{}", forebyg_api::hsds::id("service", &created.id))).json();
    let hsds_place = &service["service_at_locations"][0]["location"];
    assert_eq!(hsds_place["id"], json!(forebyg_api::hsds::id("location", &format!("record:{}", place.id))));
    assert_eq!(hsds_place["addresses"][0]["address_1"], json!("Randersvej 120"));

    // A colleague who opened version 1 gets a 409 with the current record, and reapplies.
    let theirs = LocationRecord { step_free_access: Some("Rampe ved bagindgangen".into()), ..place.clone() };
    let conflict = colleague.call("PUT", &format!("/api/v1/admin/locations/{}", place.id), Some(json!(theirs)));
    assert_eq!((conflict.status, conflict.content_type.as_str()), (409, "application/problem+json"));
    let stale: StaleLocation = conflict.json();
    assert_eq!((stale.problem.kind.as_str(), stale.current.address.as_str(), stale.current.version), (types::STALE_VERSION, "Randersvej 120", 2));
    let reapplied = LocationRecord { step_free_access: theirs.step_free_access.clone(), ..stale.current };
    let merged: LocationRecord = colleague.call("PUT", &format!("/api/v1/admin/locations/{}", place.id), Some(json!(reapplied))).json();
    assert_eq!((merged.address.as_str(), merged.step_free_access.as_deref(), merged.version), ("Randersvej 120", Some("Rampe ved bagindgangen"), 3));

    // The provider's new name reaches its offers too; a stale provider edit is a 409 as well.
    let renamed = ProviderRecord { name: "Aarhus Kommune, Sundhed og Omsorg".into(), ..aarhus.clone() };
    let saved: ProviderRecord = admin.call("PUT", &format!("/api/v1/admin/providers/{}", aarhus.id), Some(json!(renamed))).json();
    assert_eq!(saved.version, aarhus.version + 1);
    assert_eq!(server.get(&format!("/api/v1/offers/{}", created.id)).json::<Offer>().provider.name, "Aarhus Kommune, Sundhed og Omsorg");
    let stale: StaleProvider = colleague.call("PUT", &format!("/api/v1/admin/providers/{}", aarhus.id), Some(json!(aarhus))).json();
    assert_eq!(stale.current.name, "Aarhus Kommune, Sundhed og Omsorg");
    let moved_region = ProviderRecord { region: RegionCode::Syddanmark, ..saved.clone() };
    let res = admin.call("PUT", &format!("/api/v1/admin/providers/{}", aarhus.id), Some(json!(moved_region)));
    assert_eq!(field_codes(&res), [("region".to_owned(), ErrorCode::Invalid)], "a record keeps its region");

    // An edit of the whole record keeps its status: archiving there would skip the check below.
    let provider_now: ProviderRecord = admin.call("GET", &format!("/api/v1/admin/providers/{}", aarhus.id), None).json();
    let archive_by_edit = ProviderRecord { status: RecordStatus::Archived, ..provider_now };
    let res = admin.call("PUT", &format!("/api/v1/admin/providers/{}", aarhus.id), Some(json!(archive_by_edit)));
    assert_eq!(field_codes(&res), [("status".to_owned(), ErrorCode::Invalid)], "{}", res.body);
    let place_now: LocationRecord = admin.call("GET", &format!("/api/v1/admin/locations/{}", place.id), None).json();
    let res = admin.call(
        "PUT",
        &format!("/api/v1/admin/locations/{}", place.id),
        Some(json!(LocationRecord { status: RecordStatus::Archived, ..place_now })),
    );
    assert_eq!(field_codes(&res), [("status".to_owned(), ErrorCode::Invalid)], "{}", res.body);
    assert_eq!(server.get(&format!("/api/v1/offers/{}", created.id)).status, 200, "its offer still published");

    // Archiving is refused while a published offer is held there, naming it; then allowed.
    let refused = admin.call("POST", &format!("/api/v1/admin/locations/{}/status", place.id), Some(json!({"status": "archived", "version": 3})));
    assert_eq!(refused.status, 409, "{}", refused.body);
    let problem: Problem = refused.json();
    assert_eq!(problem.kind, types::RECORD_IN_USE);
    assert!(problem.detail.unwrap().contains(&created.id));
    let current: Offer = admin.call("GET", &format!("/api/v1/admin/offers/{}", created.id), None).json();
    let unpublish = json!({"status": "draft", "version": current.version});
    assert_eq!(admin.call("POST", &format!("/api/v1/admin/offers/{}/status", created.id), Some(unpublish)).status, 200);
    let archived: LocationRecord =
        admin.call("POST", &format!("/api/v1/admin/locations/{}/status", place.id), Some(json!({"status": "archived", "version": 3}))).json();
    assert_eq!((archived.status, archived.version), (RecordStatus::Archived, 4));
    // An archived place cannot be chosen for an offer; restoring it makes it available again.
    let mut edit: Offer = admin.call("GET", &format!("/api/v1/admin/offers/{}", created.id), None).json();
    edit.title = "Ny titel på tilbuddet".into();
    assert_eq!(
        field_codes(&admin.call("PUT", &format!("/api/v1/admin/offers/{}", created.id), Some(json!(edit)))),
        [("location_id".into(), ErrorCode::Invalid)]
    );
    let restored = admin.call("POST", &format!("/api/v1/admin/locations/{}/status", place.id), Some(json!({"status": "active", "version": 4})));
    assert_eq!(restored.json::<LocationRecord>().status, RecordStatus::Active);
    assert_eq!(admin.call("PUT", &format!("/api/v1/admin/offers/{}", created.id), Some(json!(edit))).status, 200);

    // Provider editors: their own provider and its places; no new providers.
    let editor = Session::new(&server, Role::ProviderEditor, Some(RegionCode::Midtjylland), Some(&aarhus.id));
    let theirs: Vec<ProviderRecord> = editor.call("GET", "/api/v1/admin/providers", None).json();
    assert_eq!(theirs.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), [aarhus.id.as_str()]);
    let new_provider = json!({"name": "Ny udbyder", "kind": "private", "region": "midtjylland", "contact": {}, "status": "active"});
    assert_eq!(editor.call("POST", "/api/v1/admin/providers", Some(new_provider.clone())).status, 403);
    let mut own_place = new_location(&aarhus.id);
    own_place["name"] = json!("Træningssalen");
    assert_eq!(editor.call("POST", "/api/v1/admin/locations", Some(own_place)).status, 201);
    let mut other_place = new_location(&other.id);
    other_place["name"] = json!("Fremmed sted");
    assert_eq!(editor.call("POST", "/api/v1/admin/locations", Some(other_place)).status, 403);
    let created_provider: ProviderRecord = admin.call("POST", "/api/v1/admin/providers", Some(new_provider)).json();
    assert!(created_provider.id.starts_with("ny-udbyder-") && created_provider.version == 1);
    let taken = json!({"id": aarhus.id, "name": "Dublet", "kind": "private", "region": "midtjylland", "contact": {}, "status": "active"});
    assert_eq!(admin.call("POST", "/api/v1/admin/providers", Some(taken)).json::<Problem>().kind, types::RECORD_EXISTS);

    // The audit log has the record changes and each offer they moved.
    let log: Vec<AuditEntry> = admin.call("GET", "/api/v1/admin/audit", None).json();
    let has = |action: AuditAction, target: &str| log.iter().any(|e| e.action == action && e.target == target);
    assert!(
        has(AuditAction::LocationCreated, &place.id) && has(AuditAction::LocationUpdated, &place.id) && has(AuditAction::LocationStatus, &place.id)
    );
    assert!(has(AuditAction::ProviderUpdated, &aarhus.id) && has(AuditAction::ProviderCreated, &created_provider.id));
    let address_change = log
        .iter()
        .filter(|e| e.action == AuditAction::OfferUpdated && e.target == created.id)
        .flat_map(|e| e.changes.iter())
        .find(|c| c.field == "location" && c.after.contains("Randersvej 120"))
        .expect("the offer's move is audited");
    assert!(address_change.before.contains("Randersvej 100"));
}

#[test]
fn directory_records_on_the_embedded_store() {
    run(&[]);
}

#[test]
fn directory_records_on_dynamodb() {
    let local = support::dynamodb_local::DynamoDbLocal::start();
    run(&[
        ("FOREBYG_STORE", "dynamodb"),
        ("FOREBYG_DYNAMODB_ENDPOINT", &local.endpoint),
        ("FOREBYG_CREATE_TABLE", "1"),
        ("FOREBYG_TABLE", "directory"),
    ]);
}
