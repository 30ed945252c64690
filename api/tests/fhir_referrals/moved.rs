//! FHIR access follows the offer's current provider, as the inbox does: after a region admin
//! moves the offer to another provider, the old provider's editor reads nothing (404, as an
//! unknown code), the new one reads the referral, and the Task's owner names the new provider.

use super::{admin, support::server::Server, JSON};
use forebyg_api::fhir::resource_id;
use forebyg_shared::auth::Role;
use forebyg_shared::directory::LocationRecord;
use forebyg_shared::offer::Offer;
use serde_json::{json, Value};

pub fn check(server: &Server, me: &str, region_admin: &str, offer: &Offer, code: &str) {
    let editor = |provider: &str| admin(Role::ProviderEditor, Some(offer.region), Some(provider));
    let read = |kind: &str, auth: &str| server.request("GET", &format!("/api/v1/fhir/{kind}/{code}"), &[("authorization", auth)], None);
    let old = editor(&offer.provider.id);
    assert_eq!(read("ServiceRequest", &old).status, 200, "the offer's provider reads its referral");

    let locations: Vec<LocationRecord> = server.request("GET", "/api/v1/admin/locations", &[("authorization", region_admin)], None).json();
    let there = locations.iter().find(|l| l.provider_id != offer.provider.id && l.region == offer.region).expect("another provider of the region");
    let mut moved: Offer = server.request("GET", &format!("/api/v1/admin/offers/{}", offer.id), &[("authorization", region_admin)], None).json();
    moved.provider.id = there.provider_id.clone();
    moved.location_id = Some(there.id.clone());
    let body = json!(moved).to_string();
    let res = server.request("PUT", &format!("/api/v1/admin/offers/{}", offer.id), &[("authorization", region_admin)], Some((JSON, &body)));
    assert_eq!(res.status, 200, "{}", res.body);

    let new = editor(&there.provider_id);
    for kind in ["ServiceRequest", "Task"] {
        let res = read(kind, &old);
        assert_eq!(res.status, 404, "the old provider's editor: {kind} as an unknown code: {}", res.body);
        assert!(!res.body.contains("Særligtnavn"), "{}", res.body);
        assert_eq!(read(kind, &new).status, 200, "the new provider's editor reads the {kind}");
    }
    let owner = format!("Organization/{}", resource_id("organization", &there.provider_id));
    let task: Value = read("Task", &new).json();
    assert_eq!(task["owner"]["reference"].as_str(), Some(owner.as_str()), "{task}");
    // The referring clinician's Task search names the new owner too.
    let found: Value = server.request("GET", "/api/v1/fhir/Task", &[("authorization", me)], None).json();
    let entry = found["entry"].as_array().unwrap().iter().find(|e| e["resource"]["id"] == code).expect("the Task in the search");
    assert_eq!(entry["resource"]["owner"]["reference"].as_str(), Some(owner.as_str()), "{entry}");
}
