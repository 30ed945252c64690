//! A client generated from the OpenAPI document must be able to decode what the server really
//! sends: every documented GET is called on the real server (public routes anonymously, admin
//! routes with a development token, path parameters from real data), and each answer is checked
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
    let media = reply.content_type.split(';').next().unwrap_or_default().trim();
    let Some(content) = response["content"].get(media) else {
        return Some(format!("{} with undocumented media type {media:?} (documented: {:?})", reply.status, response["content"]));
    };
    if !media.ends_with("json") {
        return None;
    }
    let Some(schema) = content.get("schema") else { return None };
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
    let token = format!("Bearer {}", dev::sign(&dev::claims(Role::RegionAdmin, Some(RegionCode::Midtjylland), None, 3600)));
    let admin = [("authorization", token.as_str())];
    let get = |path: &str| -> Value { server.request("GET", path, &admin, None).json() };

    // Real identifiers for the path parameters.
    let offer = get("/api/v1/admin/offers")[0]["id"].as_str().unwrap().to_owned();
    let service = get("/api/v1/hsds/services?per_page=1")["contents"][0]["id"].as_str().unwrap().to_owned();
    let provider = get("/api/v1/admin/providers")[0]["id"].as_str().unwrap().to_owned();
    let location = get("/api/v1/admin/locations")[0]["id"].as_str().unwrap().to_owned();
    let fill = |template: &str| -> String {
        let path = template.replace("{code}", if template.contains("postcodes") { "8000" } else { "K7QM-4XRT" });
        let category = "forebyg-category".to_owned();
        let id = if path.contains("/hsds/") {
            &service
        } else if path.contains("/providers/") || path.contains("/Organization/") {
            &provider
        } else if path.contains("/locations/") || path.contains("/Location/") {
            &location
        } else if path.contains("/CodeSystem/") {
            &category
        } else {
            &offer
        };
        path.replace("{id}", id)
    };
    // Queries that make the answer a success (the document's required-in-practice parameters).
    let query = |template: &str| match template {
        "/api/v1/offers" => "?postcode=8000&radius_km=300",
        _ => "",
    };

    let mut checked = 0;
    let mut failures = vec![];
    let mut check = |template: &str, path: &str, headers: &[(&str, &str)]| {
        let reply = server.request("GET", path, headers, None);
        if let Some(problem) = nonconformity(&doc, "get", template, &reply) {
            failures.push(format!("GET {path}: {problem}"));
        }
        checked += 1;
    };
    for (template, item) in doc["paths"].as_object().unwrap() {
        if item.get("get").is_none() {
            continue;
        }
        let path = format!("{}{}", fill(template), query(template));
        let contact = ("forebyg-contact", "12345678");
        check(template, &path, &[admin[0], contact]);
    }
    // Failure answers decode too: an unknown offer, a bad search, a missing token.
    check("/api/v1/offers/{id}", "/api/v1/offers/no-such-offer", &[]);
    check("/api/v1/offers", "/api/v1/offers?postcode=12", &[]);
    check("/api/v1/admin/offers", "/api/v1/admin/offers", &[]);
    assert!(checked > 30, "only {checked} answers checked");
    assert!(failures.is_empty(), "answers a generated client would reject:\n{}", failures.join("\n"));
}
