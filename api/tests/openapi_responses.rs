//! A client generated from the OpenAPI document must be able to decode what the server really
//! sends: every documented GET is called on the real server (public routes anonymously, admin
//! routes with a development token, clinician routes with a clinician's, path parameters from
//! real data, every one a success but the citizen's status lookup), and each answer is checked
//! against the document itself: its status is documented, its media type is the documented one,
//! and its body validates against the documented schema (JSON Schema 2020-12, `$ref`s into the
//! document's components). Failure answers are checked the same way (a 404 problem, a 422).

mod support;

use forebyg_api::auth::dev;
use forebyg_shared::auth::Role;
use forebyg_shared::taxonomy::RegionCode;
use serde_json::{json, Value};
use support::server::{Reply, Server};

/// Checks one answer against the operation's documented responses; `None` when it conforms.
fn nonconformity(doc: &Value, method: &str, template: &str, reply: &Reply) -> Option<String> {
    let op = &doc["paths"][template][method];
    let Some(response) = op["responses"].get(reply.status.to_string()) else {
        return Some(format!("undocumented status {}", reply.status));
    };
    // A documented header is sent (ETag), unless its description says when ("Only when …").
    let conditional = |header: &Value| header["description"].as_str().is_some_and(|d| d.starts_with("Only when"));
    let mut always = response["headers"].as_object().into_iter().flatten().filter(|(_, h)| !conditional(h)).map(|(name, _)| name);
    if let Some(missing) = always.find(|name| !reply.headers.contains_key(name.as_str())) {
        return Some(format!("{} without its documented header {missing}", reply.status));
    }
    let media = reply.content_type.split(';').next().unwrap_or_default().trim();
    let Some(content) = response["content"].get(media) else {
        return Some(format!("{} with undocumented media type {media:?} (documented: {:?})", reply.status, response["content"]));
    };
    if !media.ends_with("json") {
        return None;
    }
    let schema = content.get("schema")?;
    let body: Value = match serde_json::from_str(&reply.body) {
        Ok(v) => v,
        Err(e) => return Some(format!("{}: body is not JSON ({e})", reply.status)),
    };
    let root = json!({ "$schema": "https://json-schema.org/draft/2020-12/schema", "allOf": [schema], "components": doc["components"] });
    let validator = jsonschema::options().with_draft(jsonschema::Draft::Draft202012).offline().build(&root).unwrap_or_else(|e| panic!("{e}"));
    let errors: Vec<String> = validator.iter_errors(&body).take(5).map(|e| format!("{e} at {}", e.instance_path())).collect();
    (!errors.is_empty()).then(|| format!("{}: {}", reply.status, errors.join("; ")))
}

#[test]
fn every_documented_get_answers_what_the_document_says() {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let server = Server::start_with(data.path(), dist.path(), 80, &[("FOREBYG_AUTH", "dev")]);
    let doc: Value = server.get("/api/v1/openapi.json").json();
    // Each operation's id names it alone: a generated client makes one function of each.
    let mut ids: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|item| item.as_object().unwrap().values())
        .filter_map(|op| op["operationId"].as_str())
        .collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "an operationId used twice");
    let token = format!("Bearer {}", dev::sign(&dev::claims(Role::RegionAdmin, Some(RegionCode::Midtjylland), None, 3600)));
    let admin = [("authorization", token.as_str())];
    let get = |path: &str| -> Value { server.request("GET", path, &admin, None).json() };

    // Real identifiers for the path parameters, and a clinician with a referral of their own.
    let first_id = |path: &str| get(path)[0]["id"].as_str().unwrap().to_owned();
    // A published offer with a place, whose provider and location the public directory lists.
    let rows = get("/api/v1/admin/offers");
    let row = rows.as_array().unwrap().iter().find(|o| o["status"] == "published" && !o["city"].is_null()).expect("a published offer with a place");
    let offer = row["id"].as_str().unwrap().to_owned();
    let full = get(&format!("/api/v1/admin/offers/{offer}"));
    let (provider, location) = (full["provider"]["id"].as_str().unwrap().to_owned(), full["location_id"].as_str().unwrap().to_owned());
    let service = get("/api/v1/hsds/services?per_page=1")["contents"][0]["id"].as_str().unwrap().to_owned();
    let (association, activity) = (first_id("/api/v1/admin/associations"), first_id("/api/v1/admin/activities"));
    let package = get("/api/v1/packages")[0]["code"].as_str().unwrap().to_owned();
    let clinician_token = format!("Bearer {}", dev::sign(&dev::clinician_claims(&dev::default_organisation(), "openapi", 3600)));
    let clinician = [("authorization", clinician_token.as_str())];
    let referral = support::clinician_referral(&server, &clinician_token);
    let is_clinicians = |template: &str| {
        template.contains("/clinician/") || template.contains("/ServiceRequest/") || template.contains("/Task/") || template.ends_with("/fhir/Task")
    };
    let fill = |template: &str| -> String {
        let code = if template.contains("postcodes") {
            "8000"
        } else if template.contains("packages") {
            &package
        } else if is_clinicians(template) {
            &referral
        } else {
            "K7QM-4XRT"
        };
        let path = template.replace("{code}", code);
        let category = "forebyg-category".to_owned();
        let chained = forebyg_api::fhir::search_parameter::LOCATION_ID.to_owned();
        let id = if path.contains("/hsds/") {
            &service
        } else if path.contains("/providers/") || path.contains("/Organization/") {
            &provider
        } else if path.contains("/locations/") || path.contains("/Location/") {
            &location
        } else if path.contains("/associations/") {
            &association
        } else if path.contains("/activities/") {
            &activity
        } else if path.contains("/CodeSystem/") {
            &category
        } else if path.contains("/SearchParameter/") {
            &chained
        } else if is_clinicians(template) {
            &referral
        } else {
            &offer
        };
        // A referral's current version: one status step so far.
        path.replace("{id}", id).replace("{vid}", "1")
    };
    // Queries that make the answer a success (the document's required-in-practice parameters).
    let query = |template: &str| match template {
        "/api/v1/offers" | "/api/v1/clinician/offers" | "/api/v1/activities" | "/api/v1/offers/{id}/activities" => "?postcode=8000&radius_km=300",
        "/api/v1/admin/coverage/packages" | "/api/v1/admin/coverage/packages.csv" => "?package=kol",
        _ => "",
    };
    // The GET whose success needs a citizen's own receipt code (tests/self_referral_http.rs covers
    // it). Every other GET must answer 2xx, so its success body is checked against the schema.
    let may_fail = ["/api/v1/self-referrals/{code}"];

    let mut checked = 0;
    let mut failures = vec![];
    let mut check = |template: &str, path: &str, headers: &[(&str, &str)], must_succeed: bool| {
        let reply = server.request("GET", path, headers, None);
        if let Some(problem) = nonconformity(&doc, "get", template, &reply) {
            failures.push(format!("GET {path}: {problem}"));
        } else if must_succeed && !(200..300).contains(&reply.status) {
            failures.push(format!("GET {path}: {} (a success was expected): {}", reply.status, reply.body));
        }
        checked += 1;
    };
    for (template, item) in doc["paths"].as_object().unwrap() {
        if item.get("get").is_none() {
            continue;
        }
        let path = format!("{}{}", fill(template), query(template));
        let contact = ("forebyg-contact", "12345678");
        let who = if is_clinicians(template) { clinician[0] } else { admin[0] };
        check(template, &path, &[who, contact], !may_fail.contains(&template.as_str()));
    }
    // Failure answers decode too: an unknown offer, a bad search, a missing token.
    check("/api/v1/offers/{id}", "/api/v1/offers/no-such-offer", &[], false);
    check("/api/v1/offers", "/api/v1/offers?postcode=12", &[], false);
    check("/api/v1/admin/offers", "/api/v1/admin/offers", &[], false);
    check("/api/v1/clinician/referrals", "/api/v1/clinician/referrals", &[admin[0]], false);
    assert!(checked > 30, "only {checked} answers checked");
    assert!(failures.is_empty(), "answers a generated client would reject:\n{}", failures.join("\n"));
}
