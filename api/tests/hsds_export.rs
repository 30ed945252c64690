//! The HSDS 3.0 export over the real binary with demo data: every object of every endpoint is
//! valid against the official Open Referral schemas (`shared/hsds/3.0/`, resolved offline, formats
//! checked), lists are HSDS `Page`s, ids are stable UUIDs that reference each other, and only
//! published offers are exported.

mod support;

use forebyg_api::{demo, hsds};
use jsonschema::{Draft, Registry, Validator};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use support::server::Server;

const SCHEMAS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/hsds/3.0/");
/// The schemas' canonical home: the HSDS OpenAPI document `$ref`s them here, and their relative
/// `$ref`s (`"phone.json"`) resolve against it.
const BASE: &str = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";
const DEMO: usize = 400;

/// Every schema of the folder (not the OpenAPI document), by file name.
fn schema_files() -> BTreeMap<String, Value> {
    let dir = std::fs::read_dir(SCHEMAS).unwrap_or_else(|e| panic!("HSDS schemas at {SCHEMAS}: {e}"));
    dir.map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json") && !p.ends_with("openapi.json"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap()))
        .collect()
}

struct Schemas {
    entity: BTreeMap<&'static str, Validator>,
    page: Validator,
}

impl Schemas {
    fn load() -> Schemas {
        let files = schema_files();
        assert!(files.len() >= 20, "expected the HSDS 3.0 schemas, found {:?}", files.keys());
        let registry = Registry::new().extend(files.iter().map(|(name, v)| (format!("{BASE}{name}"), v.clone()))).unwrap().prepare().unwrap();
        let build = |schema: &Value| {
            jsonschema::options()
                .with_draft(Draft::Draft202012)
                .should_validate_formats(true)
                .offline()
                .with_registry(&registry)
                .build(schema)
                .unwrap_or_else(|e| panic!("schema does not build: {e}"))
        };
        let entity = ["service", "organization", "location", "service_at_location", "taxonomy", "taxonomy_term"]
            .into_iter()
            .map(|name| (name, build(&json!({"$ref": format!("{BASE}{name}.json")}))))
            .collect();
        // The OpenAPI document's Page, with every member required and `contents` an array.
        let openapi: Value = serde_json::from_slice(&std::fs::read(format!("{SCHEMAS}openapi.json")).unwrap()).unwrap();
        let mut page = openapi["components"]["schemas"]["Page"].clone();
        page["required"] = json!(["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"]);
        page["properties"]["contents"] = json!({"type": "array"});
        Schemas { entity, page: build(&page) }
    }

    fn check(&self, kind: &str, object: &Value, failures: &mut Vec<String>) {
        let errors: Vec<String> = self.entity[kind].iter_errors(object).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        if !errors.is_empty() {
            failures.push(format!("{kind} {}: {}", object["id"], errors.join("; ")));
        }
    }
}

/// Every page of an HSDS list, each checked as a `Page` whose counts add up.
fn all_pages(server: &Server, path: &str, schemas: &Schemas) -> Vec<Value> {
    let (mut items, mut page) = (vec![], 1);
    loop {
        let sep = if path.contains('?') { '&' } else { '?' };
        let res = server.get(&format!("{path}{sep}page={page}&per_page=100"));
        assert_eq!((res.status, res.content_type.as_str()), (200, "application/json"), "{path}: {}", res.body);
        let p: Value = res.json();
        let errors: Vec<String> = schemas.page.iter_errors(&p).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{path} page {page}: {errors:?}");
        let contents = p["contents"].as_array().unwrap();
        assert_eq!(p["page_number"], page);
        assert_eq!((p["size"].as_u64(), p["empty"].as_bool()), (Some(contents.len() as u64), Some(contents.is_empty())));
        assert_eq!(p["first_page"], page == 1);
        items.extend(contents.iter().cloned());
        if p["last_page"] == true {
            assert_eq!(p["total_pages"], page, "{path}");
            assert_eq!(p["total_items"].as_u64(), Some(items.len() as u64), "{path}");
            return items;
        }
        page += 1;
    }
}

fn ids(items: &[Value]) -> BTreeSet<String> {
    let set: BTreeSet<String> = items.iter().map(|i| i["id"].as_str().unwrap().to_owned()).collect();
    assert_eq!(set.len(), items.len(), "ids are unique");
    set
}

#[test]
fn the_schemas_catch_a_wrong_export() {
    let s = Schemas::load();
    let mut failures = vec![];
    s.check("service", &json!({"id": "not-a-uuid", "name": "x", "status": "active"}), &mut failures);
    s.check("service", &json!({"id": hsds::id("service", "x"), "name": "x", "status": "open"}), &mut failures);
    let bad_nested = json!({"id": hsds::id("service", "x"), "name": "x", "status": "active", "phones": [{"id": hsds::id("phone", "x")}]});
    s.check("service", &bad_nested, &mut failures);
    s.check("location", &json!({"id": hsds::id("location", "x"), "location_type": "physical", "latitude": "56.1"}), &mut failures);
    s.check("organization", &json!({"id": hsds::id("organization", "x"), "name": "x"}), &mut failures);
    assert_eq!(failures.len(), 5, "each broken object is rejected: {failures:#?}");
}

#[test]
fn every_exported_object_is_valid_hsds_3() {
    let schemas = Schemas::load();
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let server = Server::start(data.path(), dist.path(), DEMO);
    let mut all = demo::offers(DEMO);
    let (_, activities) = forebyg_api::demo_activities::activities(&mut all);
    let published: Vec<_> = all.into_iter().filter(|o| o.is_published()).collect();
    let mut failures = vec![];

    let services = all_pages(&server, "/api/v1/hsds/services", &schemas);
    let organizations = all_pages(&server, "/api/v1/hsds/organizations", &schemas);
    let locations = all_pages(&server, "/api/v1/hsds/locations", &schemas);
    let sals = all_pages(&server, "/api/v1/hsds/service_at_locations", &schemas);
    let taxonomies = all_pages(&server, "/api/v1/hsds/taxonomies", &schemas);
    let terms = all_pages(&server, "/api/v1/hsds/taxonomy_terms", &schemas);
    for (kind, items) in [("service", &services), ("organization", &organizations), ("location", &locations), ("service_at_location", &sals)]
        .into_iter()
        .chain([("taxonomy", &taxonomies), ("taxonomy_term", &terms)])
    {
        assert!(!items.is_empty(), "no {kind}");
        items.iter().for_each(|o| schemas.check(kind, o, &mut failures));
    }
    // Fully nested services too (a sample: each loads the whole catalogue).
    for s in services.iter().step_by(8).chain(services.last()) {
        let res = server.get(&format!("/api/v1/hsds/services/{}", s["id"].as_str().unwrap()));
        assert_eq!(res.status, 200, "{}", res.body);
        let full: Value = res.json();
        schemas.check("service", &full, &mut failures);
        assert_eq!(full["organization"]["id"], s["organization_id"]);
    }
    assert!(failures.is_empty(), "{} invalid objects:\n{}", failures.len(), failures[..failures.len().min(20)].join("\n"));

    // Only published offers and active activities; stable ids derived from ours; references resolve.
    let activity_services = activities.iter().map(|a| hsds::id("service", &format!("activity:{}", a.id)));
    assert_eq!(ids(&services), published.iter().map(|o| hsds::id("service", &o.id)).chain(activity_services).collect());
    assert_eq!(hsds::id("service", "demo-000001"), "dc25fd08-0a76-5d72-9b25-6af87b0f441a", "UUID v5 in Forebyg's namespace");
    let (org_ids, location_ids, term_ids, taxonomy_ids) = (ids(&organizations), ids(&locations), ids(&terms), ids(&taxonomies));
    assert_eq!(sals.len(), published.iter().filter(|o| o.location.is_some()).count() + activities.len());
    let service_ids = ids(&services);
    for sal in &sals {
        assert!(service_ids.contains(sal["service_id"].as_str().unwrap()) && location_ids.contains(sal["location_id"].as_str().unwrap()));
    }
    for s in &services {
        assert!(org_ids.contains(s["organization_id"].as_str().unwrap()));
        for a in s["attributes"].as_array().unwrap() {
            assert!(term_ids.contains(a["taxonomy_term_id"].as_str().unwrap()) && a["link_id"] == s["id"]);
        }
    }
    assert!(terms.iter().all(|t| taxonomy_ids.contains(t["taxonomy_id"].as_str().unwrap())));
    let packages = forebyg_shared::package::known_packages();
    let components: usize = packages.iter().map(|p| p.components.len()).sum();
    assert_eq!(terms.len(), 14 + packages.len() + components, "7 categories, 7 conditions, the packages and their components");
    assert_eq!(taxonomies.len(), 3);
    let kol_activity = terms.iter().find(|t| t["code"] == "kol:fysisk-aktivitet").expect("a package component term");
    let kol = terms.iter().find(|t| t["code"] == "kol" && t["taxonomy"] == "forebyg-package").unwrap();
    assert_eq!(kol_activity["parent_id"], kol["id"]);
    let delivering = |s: &&Value| s["attributes"].as_array().unwrap().iter().any(|a| a["link_type"] == "package-component");
    assert!(services.iter().filter(delivering).count() > 10, "offers say which package components they deliver");
    // An activity is a service of its association, at its own place.
    let a = &activities[0];
    let service = services.iter().find(|s| s["id"] == json!(hsds::id("service", &format!("activity:{}", a.id)))).unwrap();
    let org = organizations.iter().find(|o| o["id"] == service["organization_id"]).expect("the association is an organization");
    assert!(org["name"].as_str().unwrap().contains("Motionsforening"), "{org}");
    assert!(terms.iter().any(|t| t["code"] == "fysisk-aktivitet" && t["name"] == "Fysisk aktivitet"));

    // `region=` splits the export; bad parameters are problems.
    let per_region: usize = ["nordjylland", "midtjylland", "syddanmark", "oestdanmark"]
        .iter()
        .map(|r| server.get(&format!("/api/v1/hsds/services?region={r}&per_page=1")).json::<Value>()["total_items"].as_u64().unwrap() as usize)
        .sum();
    assert_eq!(per_region, services.len());
    for bad in ["/api/v1/hsds/services?region=atlantis", "/api/v1/hsds/locations?per_page=0", "/api/v1/hsds/organizations?page=x"] {
        let res = server.get(bad);
        assert_eq!((res.status, res.content_type.as_str()), (422, "application/problem+json"), "{bad}");
    }
    let beyond: Value = server.get("/api/v1/hsds/taxonomies?page=9").json();
    assert_eq!((beyond["empty"].as_bool(), beyond["last_page"].as_bool()), (Some(true), Some(true)));
    assert_eq!(server.get(&format!("/api/v1/hsds/services/{}", hsds::id("service", "no-such-offer"))).status, 404);
}
