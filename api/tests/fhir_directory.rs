//! The FHIR R4 directory: every resource and Bundle made from the demo offers is valid against the
//! official R4 JSON schema, the schema catches broken resources, and the mapping says what
//! `api/docs/fhir.md` says.

#[path = "fhir_directory/costs.rs"]
mod costs;
#[path = "fhir_directory/reads.rs"]
mod reads;
mod support;

use forebyg_api::demo;
use forebyg_api::fhir::code_systems::System;
use forebyg_api::fhir::search::{bundle, DirectorySearch};
use forebyg_api::fhir::{self, capability, outcome::Issue, Outcome};
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::*;
use serde_json::{json, Value};
use support::fhir_schema::{assert_none, schema};
use support::server::Server;

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
    assert!(offers.iter().any(|o| o.location.is_none()) && offers.iter().any(|o| !o.packages.is_empty()));
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
    let b = bundle(&near, &[(Some(3.12), matches[0].1.clone())], BASE, &[]);
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
    let comment = hs["eligibility"][0]["comment"].as_str().unwrap();
    assert!(
        comment.contains("18–90")
            && comment.contains("Inklusion: Diagnosen skal være stillet")
            && comment.contains("Eksklusion: Ikke ved ustabil angina"),
        "{comment}"
    );
    assert_eq!(hs["communication"][1]["coding"][0], json!({"system": "urn:ietf:bcp:47", "code": "en"}));
    assert_eq!(hs["availableTime"][0], json!({"daysOfWeek": ["tue"], "availableStartTime": "17:00:00", "availableEndTime": "19:00:00"}));
    assert_eq!(hs["program"][0]["coding"][0]["code"], "kol");
    assert_eq!(hs["providedBy"]["reference"], "Organization/p1");
    assert_eq!(hs["location"][0]["reference"], format!("Location/{}", fhir::location_id(&o).unwrap()));
    assert_eq!(hs["appointmentRequired"], false);
    let methods: Vec<&str> = hs["referralMethod"].as_array().unwrap().iter().map(|r| r["coding"][0]["code"].as_str().unwrap()).collect();
    assert_eq!(methods, ["electronic", "forebyg"]);
    assert_eq!(hs["referralMethod"][0]["coding"][1]["code"], "elec");
    let routes: Vec<&str> = hs["characteristic"].as_array().unwrap().iter().skip(1).map(|r| r["coding"][0]["code"].as_str().unwrap()).collect();
    assert_eq!(routes, ["gp", "municipality", "self"]);
    assert!(hs["extraDetails"].as_str().unwrap().contains("Henvisningen skal indeholde:** Diagnose og FEV1"));
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

/// A FHIR answer: status, `application/fhir+json`, parsed.
fn fhir_get(server: &Server, path: &str, status: u16) -> Value {
    let res = server.get(path);
    assert_eq!((res.status, res.content_type.as_str()), (status, "application/fhir+json"), "{path}: {}", res.body);
    res.json()
}

/// Every page of a search, following the Bundle's `next` links; each page schema-checked.
fn all_pages(server: &Server, first: &str, failures: &mut Vec<String>) -> Vec<Value> {
    let (mut pages, mut path) = (vec![], first.to_owned());
    loop {
        let b = fhir_get(server, &path, 200);
        schema().check(&b, failures);
        assert_eq!(b["type"], "searchset");
        let next = b["link"].as_array().unwrap().iter().find(|l| l["relation"] == "next").map(|l| l["url"].as_str().unwrap().to_owned());
        pages.push(b);
        match next {
            Some(url) => path = url.strip_prefix(&server.base).unwrap_or_else(|| panic!("absolute link on this server: {url}")).to_owned(),
            None => return pages,
        }
    }
}

fn entries<'a>(pages: &'a [Value], mode: &str) -> Vec<&'a Value> {
    pages.iter().flat_map(|b| b["entry"].as_array().into_iter().flatten()).filter(|e| e["search"]["mode"] == mode).map(|e| &e["resource"]).collect()
}

fn ids(resources: &[&Value]) -> Vec<String> {
    resources.iter().map(|r| r["id"].as_str().unwrap().to_owned()).collect()
}

fn run(env: &[(&str, &str)]) {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let server = Server::start_with(data.path(), dist.path(), DEMO, env);
    let s = schema();
    let mut failures = vec![];
    let published = published();

    let metadata = fhir_get(&server, "/api/v1/fhir/metadata", 200);
    s.check(&metadata, &mut failures);
    for cs in System::ALL {
        let r = fhir_get(&server, &format!("/api/v1/fhir/CodeSystem/{}", cs.id()), 200);
        assert_eq!(r, cs.resource());
    }

    // A searchParam with a definition (R4's way to declare chained names): the definition is
    // served where its canonical URL's last segment says, for that parameter, and every name it
    // chains is a search the server takes.
    let defined: Vec<&Value> = metadata["rest"][0]["resource"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["searchParam"].as_array().into_iter().flatten())
        .filter(|p| p.get("definition").is_some())
        .collect();
    assert_eq!(defined.len(), 1, "{defined:?}");
    for param in defined {
        let url = param["definition"].as_str().unwrap();
        let definition = fhir_get(&server, &format!("/api/v1/fhir/SearchParameter/{}", url.rsplit('/').next().unwrap()), 200);
        s.check(&definition, &mut failures);
        assert_eq!((&definition["url"], &definition["code"], &definition["type"]), (&param["definition"], &param["name"], &param["type"]));
        let chain: Vec<&str> = definition["chain"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
        assert_eq!(chain, ["near", "address-postalcode"]);
        for (chained, value) in [("near", "56.15|10.2|10|km"), ("address-postalcode", "8000")] {
            let found =
                fhir_get(&server, &format!("/api/v1/fhir/HealthcareService?{}.{chained}={value}&_count=1", param["name"].as_str().unwrap()), 200);
            assert!(found["total"].as_u64().unwrap() > 0, "{chained}");
        }
    }

    // The whole directory with its places and providers: every published offer once, every
    // reference included, every resource valid.
    let pages = all_pages(
        &server,
        "/api/v1/fhir/HealthcareService?_count=100&_include=HealthcareService:location&_include=HealthcareService:organization",
        &mut failures,
    );
    assert_eq!(pages[0]["total"].as_u64(), Some(published.len() as u64));
    let services = entries(&pages, "match");
    let mut expected: Vec<String> = published.iter().map(|o| fhir::resource_id("service", &o.id)).collect();
    expected.sort();
    assert_eq!(ids(&services), expected);
    let included: std::collections::BTreeSet<String> =
        entries(&pages, "include").iter().map(|r| format!("{}/{}", r["resourceType"].as_str().unwrap(), r["id"].as_str().unwrap())).collect();
    for hs in &services {
        assert!(included.contains(hs["providedBy"]["reference"].as_str().unwrap()), "{}", hs["id"]);
        for l in hs["location"].as_array().into_iter().flatten() {
            assert!(included.contains(l["reference"].as_str().unwrap()), "{}", hs["id"]);
        }
    }
    // The offers at a Location, by its reference as the search gave it (or its bare id).
    let at = services.iter().find_map(|hs| hs["location"][0]["reference"].as_str()).expect("an offer with a place");
    let mut held: Vec<String> =
        services.iter().filter(|hs| hs["location"][0]["reference"].as_str() == Some(at)).map(|hs| hs["id"].as_str().unwrap().to_owned()).collect();
    held.sort();
    for value in [at, at.trim_start_matches("Location/")] {
        let found = all_pages(&server, &format!("/api/v1/fhir/HealthcareService?location={value}&_count=100"), &mut failures);
        let mut got = ids(&entries(&found, "match"));
        got.sort();
        assert_eq!(got, held, "location={value}");
    }
    // Reads by id answer what the search included.
    for hs in services.iter().step_by(25) {
        let id = hs["id"].as_str().unwrap();
        assert_eq!(&fhir_get(&server, &format!("/api/v1/fhir/HealthcareService/{id}"), 200), *hs);
        for reference in
            hs["location"].as_array().into_iter().flatten().chain(hs["coverageArea"].as_array().into_iter().flatten()).map(|l| &l["reference"])
        {
            s.check(&fhir_get(&server, &format!("/api/v1/fhir/{}", reference.as_str().unwrap()), 200), &mut failures);
        }
        let org = fhir_get(&server, &format!("/api/v1/fhir/{}", hs["providedBy"]["reference"].as_str().unwrap()), 200);
        assert_eq!(org["resourceType"], "Organization");
        s.check(&org, &mut failures);
    }

    // Bad requests and unknown ids: OperationOutcomes with the right status, never a 500.
    for (path, status) in [
        ("/api/v1/fhir/HealthcareService?name=x", 400),
        ("/api/v1/fhir/HealthcareService?service-category=yoga", 400),
        ("/api/v1/fhir/HealthcareService?location.near=48.8|2.3|10|km", 400),
        ("/api/v1/fhir/HealthcareService?location.near=56.1|10.2|abc|km", 400),
        ("/api/v1/fhir/HealthcareService?_count=-1", 400),
        ("/api/v1/fhir/HealthcareService?_include=*", 400),
        ("/api/v1/fhir/HealthcareService?location=Location/a%20b", 400),
        ("/api/v1/fhir/HealthcareService?_format=xml", 406),
        ("/api/v1/fhir/metadata?_format=xml", 406),
        ("/api/v1/fhir/CodeSystem/forebyg-category?_format=application/fhir%2Bxml", 406),
        ("/api/v1/fhir/HealthcareService?%FF=%FE", 400),
        ("/api/v1/fhir/HealthcareService/no-such-offer", 404),
        ("/api/v1/fhir/Location/no-such-place", 404),
        ("/api/v1/fhir/Organization/no-such-provider", 404),
        ("/api/v1/fhir/CodeSystem/yoga", 404),
        ("/api/v1/fhir/SearchParameter/Location-near", 404),
        ("/api/v1/fhir/Patient/1", 404),
        // The base URL itself serves nothing (no batch, no system search): still an OperationOutcome.
        ("/api/v1/fhir", 404),
        ("/api/v1/fhir/", 404),
    ] {
        let outcome = fhir_get(&server, path, status);
        assert_eq!(outcome["resourceType"], "OperationOutcome", "{path}");
        s.check(&outcome, &mut failures);
    }
    // Links name the host and scheme the client used: a client cannot name others (only a
    // trusted proxy's X-Forwarded-* are believed; the server speaks plain HTTP).
    let claimed = server.request("GET", "/api/v1/fhir/metadata", &[("x-forwarded-proto", "https"), ("x-forwarded-host", "evil.example")], None);
    let url = claimed.json::<Value>()["implementation"]["url"].as_str().unwrap().to_owned();
    assert!(url.starts_with("http://127.0.0.1:") && url.ends_with("/api/v1/fhir"), "{url}");
    // An XML-only client is told what is served (406), on reads as on searches; `_format` wins.
    let id = services[0]["id"].as_str().unwrap();
    for (path, accept, status) in [
        (format!("/api/v1/fhir/HealthcareService/{id}"), "application/fhir+xml", 406),
        ("/api/v1/fhir/metadata".to_owned(), "application/xml, text/xml", 406),
        (format!("/api/v1/fhir/HealthcareService/{id}?_format=json"), "application/fhir+xml", 200),
        (format!("/api/v1/fhir/HealthcareService/{id}"), "application/fhir+xml, application/fhir+json;q=0.5", 200),
    ] {
        let res = server.request("GET", &path, &[("accept", accept)], None);
        assert_eq!((res.status, res.content_type.as_str()), (status, "application/fhir+json"), "{path} {accept}: {}", res.body);
    }
    let draft = demo::offers(DEMO).into_iter().find(|o| !o.is_published()).expect("a demo draft");
    fhir_get(&server, &format!("/api/v1/fhir/HealthcareService/{}", draft.id), 404);

    // The same place and category give the same offers in the same order as the citizen search:
    // for each place, without a category and with the nearest offer's category.
    let citizen = |query: &str| -> (Vec<String>, Value) {
        let (mut ids, mut page) = (vec![], 1);
        loop {
            let r: Value = server.get(&format!("/api/v1/offers?{query}&per_page=50&page={page}")).json();
            let results = r["results"].as_array().unwrap();
            ids.extend(results.iter().map(|h| h["offer"]["id"].as_str().unwrap().to_owned()));
            if ids.len() as u64 >= r["total"].as_u64().unwrap() || results.is_empty() {
                return (ids, r["origin"]["point"].clone());
            }
            page += 1;
        }
    };
    for postcode in ["8000", "9000", "5000", "2100"] {
        let (all, origin) = citizen(&format!("postcode={postcode}"));
        let nearest = published.iter().find(|o| o.id == all[0]).unwrap().category.code();
        for category in [None, Some(nearest)] {
            let filter = category.map(|c| format!("&category={c}")).unwrap_or_default();
            let (expected, _) = citizen(&format!("postcode={postcode}{filter}"));
            let near = format!("{}|{}|25|km", origin["lat"], origin["lon"]);
            let filter = category.map(|c| format!("&service-category={c}")).unwrap_or_default();
            let pages = all_pages(&server, &format!("/api/v1/fhir/HealthcareService?location.near={near}{filter}&_count=37"), &mut failures);
            assert!(!expected.is_empty(), "{postcode} {category:?}: no offers to compare");
            assert_eq!(ids(&entries(&pages, "match")), expected, "{postcode} {category:?}");
        }
    }
    assert_none(&failures);
}

#[test]
fn the_directory_over_http_on_the_embedded_store() {
    run(&[]);
}

#[test]
fn the_directory_over_http_on_dynamodb_local() {
    let local = support::dynamodb_local::DynamoDbLocal::start();
    run(&[("FOREBYG_STORE", "dynamodb"), ("FOREBYG_DYNAMODB_ENDPOINT", &local.endpoint), ("FOREBYG_CREATE_TABLE", "1"), ("FOREBYG_TABLE", "fhir")]);
}
