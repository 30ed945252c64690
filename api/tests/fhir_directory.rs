//! The FHIR R4 directory: every resource and Bundle made from the demo offers is valid against the
//! official R4 JSON schema, the schema catches broken resources, and the mapping says what
//! `api/docs/fhir.md` says.

mod support;

use forebyg_api::demo;
use forebyg_api::fhir::code_systems::System;
use forebyg_api::fhir::search::{bundle, DirectorySearch};
use forebyg_api::fhir::{self, capability, outcome::Issue, Outcome};
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::*;
use serde_json::{json, Value};
use support::fhir_schema::{assert_none, schema};

const DEMO: usize = 400;
const BASE: &str = "http://127.0.0.1:8080/api/v1/fhir";

#[test]
fn the_schema_catches_broken_resources() {
    let s = schema();
    let good = fhir::healthcare_service(&support::offer("o1", Category::Alkohol, Some(forebyg_shared::geo::GeoPoint::new(56.15, 10.2))));
    assert_eq!(s.errors(&good), Vec::<String>::new());
    let broken = |edit: fn(&mut Value)| {
        let mut v = good.clone();
        edit(&mut v);
        v
    };
    let cases = [
        broken(|v| v["id"] = json!("not a valid id!")),
        broken(|v| v["active"] = json!("yes")),
        broken(|v| v["availableTime"][0]["daysOfWeek"] = json!(["monday"])),
        broken(|v| v["availableTime"][0]["availableStartTime"] = json!("17:00")),
        broken(|v| v["telecom"][0]["system"] = json!("telephone")),
        broken(|v| v["colour"] = json!("green")),
        broken(|v| v["category"] = json!({"text": "not a list"})),
        json!({"resourceType": "Location", "status": "open"}),
        json!({"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": {"resourceType": "HealthcareService", "active": 1}}]}),
        json!({"resourceType": "OperationOutcome", "issue": [{"severity": "catastrophic", "code": "invalid"}]}),
        json!({"resourceType": "OperationOutcome"}),
    ];
    for case in &cases {
        assert!(!s.errors(case).is_empty(), "the schema accepts a broken resource: {case:#}");
    }
}

fn published() -> Vec<Offer> {
    demo::offers(DEMO).into_iter().filter(|o| o.is_published()).collect()
}

#[test]
fn every_resource_of_every_demo_offer_is_valid_r4() {
    let s = schema();
    let mut failures = vec![];
    let offers = demo::offers(DEMO);
    assert!(offers.iter().any(|o| o.location.is_none()) && offers.iter().any(|o| o.kronikerpakke.is_some()));
    for o in &offers {
        s.check(&fhir::healthcare_service(o), &mut failures);
        s.check(&fhir::organization(o), &mut failures);
        if let Some(l) = fhir::location(o) {
            s.check(&l, &mut failures);
        }
    }
    for r in RegionCode::ALL {
        s.check(&fhir::region_location(*r), &mut failures);
    }
    for cs in System::ALL {
        s.check(&cs.resource(), &mut failures);
    }
    s.check(&capability::capability_statement(BASE), &mut failures);
    let outcomes =
        [Outcome::not_found("No such offer."), Outcome::bad_request(vec![Issue::invalid("_count", "x"), Issue::not_supported("name", "y")])];
    for o in &outcomes {
        s.check(&o.resource(), &mut failures);
    }
    assert_none(&failures);

    // Every page of a search with both includes.
    let q = DirectorySearch::parse([("_count", "100"), ("_include", "HealthcareService:location"), ("_include", "HealthcareService:organization")])
        .unwrap();
    let matches: Vec<(Option<f64>, Offer)> = published().into_iter().map(|o| (None, o)).collect();
    let query = vec![("_count".to_owned(), "100".to_owned())];
    for page in 1..=matches.len().div_ceil(100) {
        let b = bundle(&DirectorySearch { page, ..q.clone() }, &matches, BASE, &query);
        s.check(&b, &mut failures);
    }
    // A near search's entries carry their distance.
    let near = DirectorySearch::parse([("location.near", "56.15|10.2|25|km")]).unwrap();
    let b = bundle(&near, &[(Some(3.14159), matches[0].1.clone())], BASE, &[]);
    assert_eq!(b["entry"][0]["search"]["extension"][0]["valueDistance"]["value"], 3.1);
    s.check(&b, &mut failures);
    assert_none(&failures);
}

#[test]
fn the_mapping_carries_what_the_docs_say() {
    let mut o = support::offer("o1", Category::FysiskAktivitet, Some(forebyg_shared::geo::GeoPoint::new(56.15, 10.2)));
    o.capacity = Capacity::Waitlist;
    let hs = fhir::healthcare_service(&o);
    assert_eq!(hs["id"], "o1");
    assert_eq!(
        hs["category"][0]["coding"][0],
        json!({"system": "http://forebyg.dk/fhir/CodeSystem/forebyg-category", "code": "fysisk-aktivitet", "display": "Fysisk aktivitet"})
    );
    assert_eq!(hs["type"][0]["coding"][0]["code"], "on-site");
    assert_eq!(hs["specialty"].as_array().unwrap().len(), 2);
    assert_eq!(hs["eligibility"][0]["code"]["coding"][0]["code"], "kol");
    assert_eq!(hs["communication"][1]["coding"][0], json!({"system": "urn:ietf:bcp:47", "code": "en"}));
    assert_eq!(hs["availableTime"][0], json!({"daysOfWeek": ["tue"], "availableStartTime": "17:00:00", "availableEndTime": "19:00:00"}));
    assert_eq!(hs["program"][0]["coding"][0]["code"], "kol");
    assert_eq!(hs["providedBy"]["reference"], "Organization/p1");
    assert_eq!(hs["location"][0]["reference"], format!("Location/{}", fhir::location_id(&o).unwrap()));
    assert_eq!(hs["appointmentRequired"], false);
    let routes: Vec<&str> = hs["referralMethod"].as_array().unwrap().iter().map(|r| r["coding"][0]["code"].as_str().unwrap()).collect();
    assert_eq!(routes, ["self", "gp", "municipality"]);
    assert_eq!(hs["referralMethod"][1]["coding"][1]["code"], "elec");
    assert_eq!(
        hs["extension"][0]["url"],
        "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-ExtensionHealthcareServiceCapacityStatus"
    );
    assert_eq!(hs["extension"][0]["valueCodeableConcept"]["coding"][0]["code"], "no-capacity-has-waitlist");
    assert_eq!(hs["telecom"][0], json!({"system": "phone", "value": "+45 1234 5678", "use": "work"}));
    assert_eq!(hs["characteristic"][0]["coding"][0]["code"], "evening");
    assert!(hs.get("coverageArea").is_none() && hs.get("meta").is_none());
    let l = fhir::location(&o).unwrap();
    assert_eq!(l["address"]["postalCode"], "8000");
    assert_eq!(l["address"]["district"], "Aarhus");
    assert_eq!(l["position"], json!({"longitude": 10.2, "latitude": 56.15}));
    let org = fhir::organization(&o);
    assert!(org["identifier"]
        .as_array()
        .unwrap()
        .contains(&json!({"use": "official", "system": "http://hl7.dk/fhir/core/CodeSystem/dk-core-municipality-codes", "value": "0751"})));

    // Digital: a coverage area, no place; demo data is tagged as test data.
    let mut d = support::offer("d1", Category::Alkohol, None);
    d.demo = true;
    let hs = fhir::healthcare_service(&d);
    assert_eq!(hs["coverageArea"][0]["reference"], "Location/region-midtjylland");
    assert!(hs.get("location").is_none() && fhir::location(&d).is_none());
    assert_eq!(hs["meta"]["tag"][0]["code"], "HTEST");
    assert_eq!(fhir::region_location(RegionCode::Midtjylland)["identifier"][0]["value"], "DK-82");
    let mut region = d.clone();
    region.provider = forebyg_shared::offer::Provider { id: "r".into(), name: "Region Midtjylland".into(), kind: ProviderKind::Region };
    assert!(fhir::organization(&region)["identifier"].as_array().unwrap().iter().any(|i| i["value"] == "DK-82"));
    for (cap, code) in [(Capacity::Open, "capacity"), (Capacity::FewPlaces, "capacity"), (Capacity::Full, "no-capacity")] {
        d.capacity = cap;
        assert_eq!(fhir::healthcare_service(&d)["extension"][0]["valueCodeableConcept"]["coding"][0]["code"], code);
    }
}
