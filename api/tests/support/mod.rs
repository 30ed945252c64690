//! Test support shared by the integration tests.
#![allow(dead_code)]

pub mod dynamodb_local;
pub mod fhir_schema;
pub mod server;
pub mod session;

use forebyg_api::store::dynamodb::{table, DynamoStore};
use forebyg_api::store::embedded::EmbeddedStore;
use forebyg_shared::eligibility::Eligibility;
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::offer::*;
use forebyg_shared::referral_route::ReferralMethod;
use forebyg_shared::taxonomy::*;
use forebyg_shared::Label;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh embedded store in a temporary directory (kept alive by the returned guard).
pub fn embedded() -> (EmbeddedStore, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    (EmbeddedStore::open(dir.path()).unwrap(), dir)
}

/// A fresh table on a running DynamoDB Local.
pub async fn dynamo(local: &dynamodb_local::DynamoDbLocal) -> DynamoStore {
    static N: AtomicUsize = AtomicUsize::new(0);
    let name = format!("forebyg-test-{}", N.fetch_add(1, Ordering::SeqCst));
    let client = DynamoStore::client(Some(&local.endpoint)).await;
    table::create_table(&client, &name).await.expect("create table on DynamoDB Local");
    DynamoStore::new(client, name)
}

/// A published, on-site offer at `point` with every optional field filled.
pub fn offer(id: &str, category: Category, point: Option<GeoPoint>) -> Offer {
    Offer {
        id: id.into(),
        title: format!("Tilbud {id}"),
        summary: "Kort resumé".into(),
        description: "Beskrivelse med æøå".into(),
        category,
        conditions: vec![Condition::Kol, Condition::Hjertesygdom],
        format: if point.is_some() { Format::OnSite } else { Format::Digital },
        languages: vec!["da".into(), "en".into()],
        schedule: Schedule {
            enrolment: Enrolment::Course { sessions: 8, weeks: 8 },
            slots: vec![TimeSlot { weekday: Weekday::Tue, start: "17:00".into(), end: "19:00".into() }],
            next_start: Some("2027-02-01".into()),
        },
        location: point.map(|point| Location {
            name: "Sundhedshuset".into(),
            address: "Sundhedsvej 1".into(),
            postcode: "8000".into(),
            city: "Aarhus C".into(),
            municipality_code: "0751".into(),
            point,
        }),
        location_id: None,
        region: RegionCode::Midtjylland,
        provider: Provider { id: "p1".into(), name: "Aarhus Kommune".into(), kind: ProviderKind::Municipality },
        referral: ReferralRules {
            self_referral: true,
            from_gp: true,
            from_hospital: false,
            from_municipality: true,
            note: Some("Ring først".into()),
            methods: vec![ReferralMethod::Electronic, ReferralMethod::Forebyg],
            must_include: Some(Label::new("Diagnose og FEV1", "Diagnosis and FEV1")),
            response_days: Some(3),
        },
        eligibility: Eligibility {
            min_age: Some(18),
            max_age: Some(90),
            accepted_conditions: vec![Condition::Kol],
            inclusion_note: Some(Label::new("Diagnosen skal være stillet", "The diagnosis must be made")),
            exclusion_note: Some(Label::new("Ikke ved ustabil angina", "Not with unstable angina")),
            // Only the municipality's residents: the rule needs the place, a digital one the region.
            residence: Some(if point.is_some() {
                forebyg_shared::eligibility::Residence::Municipality
            } else {
                forebyg_shared::eligibility::Residence::Region
            }),
        },
        capacity: Capacity::Open,
        cost: Cost { dkk: 0, note: None },
        accessibility: Some("Niveaufri adgang".into()),
        contact: Contact { name: None, phone: Some("+45 1234 5678".into()), email: None, url: Some("https://example.org".into()) },
        status: OfferStatus::Published,
        last_verified: "2026-10-01".into(),
        // Its own intervention's component (the delivery rule); KOL has no alcohol component.
        packages: vec![forebyg_shared::package::PackageDelivery {
            package: if category == Category::Alkohol { "hjertesygdom" } else { "kol" }.into(),
            components: vec![category.code().into()],
        }],
        activity_ids: vec![],
        demo: false,
        version: 1,
    }
}

/// An active provider record of `region`.
pub fn provider_record(id: &str, region: RegionCode) -> forebyg_shared::directory::ProviderRecord {
    forebyg_shared::directory::ProviderRecord {
        id: id.into(),
        name: format!("Udbyder {id}"),
        kind: ProviderKind::Municipality,
        region,
        contact: Contact { name: Some("Sundhedsafdelingen".into()), phone: None, email: Some("sundhed@example.org".into()), url: None },
        status: forebyg_shared::directory::RecordStatus::Active,
        version: 1,
    }
}

/// An active location record in Aarhus C of provider `provider_id`, in `region`.
pub fn location_record(id: &str, provider_id: &str, region: RegionCode) -> forebyg_shared::directory::LocationRecord {
    forebyg_shared::directory::LocationRecord {
        id: id.into(),
        provider_id: provider_id.into(),
        region,
        name: "Sundhedshuset".into(),
        address: "Sundhedsvej 1".into(),
        postcode: "8000".into(),
        city: "Aarhus C".into(),
        municipality_code: "0751".into(),
        point: GeoPoint::new(56.1530, 10.2040),
        step_free_access: Some("Rampe og elevator".into()),
        status: forebyg_shared::directory::RecordStatus::Active,
        version: 1,
    }
}

/// The ids of the published offers with a place within `radius_km` of `point` (any category,
/// every page), nearest first, found through the store's search.
pub async fn search_near(store: &dyn forebyg_api::store::OfferStore, point: GeoPoint, radius_km: f64) -> Vec<String> {
    use forebyg_shared::search::SearchParams;
    let mut ids = vec![];
    for page in 1.. {
        let params = SearchParams { point: Some(point), radius_km, per_page: 50, page, ..Default::default() };
        let res = forebyg_api::search::search(store, &params).await.unwrap();
        ids.extend(res.results.iter().filter(|h| !h.digital).map(|h| h.offer.id.clone()));
        if res.results.len() < 50 {
            break;
        }
    }
    ids
}

/// A CSV export with every title given `suffix`: an import that changes every row.
pub fn retitled_csv(csv: &str, suffix: &str) -> String {
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let title = headers.iter().position(|h| h == "title").expect("a title column");
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(vec![]);
    writer.write_record(&headers).unwrap();
    for row in reader.records() {
        let row = row.unwrap();
        writer.write_record(row.iter().enumerate().map(|(i, v)| if i == title { format!("{v}{suffix}") } else { v.to_owned() })).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

/// A referral sent by the clinician of `bearer` (a whole `Authorization` value) to the nearest
/// demo offer that takes referrals through Forebyg; its code. For tests that need one to read.
pub fn clinician_referral(server: &server::Server, bearer: &str) -> String {
    use serde_json::{json, Value};
    let auth = [("authorization", bearer)];
    let found: Value = server.request("GET", "/api/v1/clinician/offers?postcode=8000&radius_km=300&per_group=10", &auth, None).json();
    let mut hits = found["groups"].as_array().unwrap().iter().flat_map(|g| g["nearby"].as_array().unwrap());
    let target = hits.find(|h| h["refer_through_forebyg"] == true).expect("a demo offer that takes referrals through Forebyg");
    let body = json!({ "idempotency_key": "support-referral-0001", "patient_name": "Test Patient", "phone": "22345678", "conditions": ["kol"], "reason": "KOL, FEV1 55 %", "patient_consent": true });
    let path = format!("/api/v1/clinician/offers/{}/referrals", target["offer"]["id"].as_str().unwrap());
    let sent = server.request("POST", &path, &auth, Some(("application/json", &body.to_string())));
    assert_eq!(sent.status, 201, "{}", sent.body);
    sent.json::<Value>()["code"].as_str().unwrap().to_owned()
}
