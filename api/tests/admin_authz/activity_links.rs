//! The activity part of the authorization matrix: a provider editor cannot gain another
//! region's (or another provider's) activity by linking it to their own offer.

use super::support::server::Server;
use forebyg_api::auth::dev;
use forebyg_api::demo;
use forebyg_shared::activity::ActivityRecord;
use forebyg_shared::auth::Role;
use forebyg_shared::offer::Offer;
use forebyg_shared::validation::ErrorCode;
use serde_json::json;

/// `t` is a published offer of the seeded demo data (`demo_offers` of them).
pub fn activity_link_matrix(server: &Server, national: &str, t: &Offer, demo_offers: usize) {
    let editor = format!("Bearer {}", dev::sign(&dev::claims(Role::ProviderEditor, Some(t.region), Some(&t.provider.id), 600)));
    let as_editor = |method: &str, path: &str, body: Option<String>| {
        server.request(method, path, &[("authorization", editor.as_str())], body.as_deref().map(|b| ("application/json", b)))
    };
    let all: Vec<ActivityRecord> = server.request("GET", "/api/v1/admin/activities", &[("authorization", national)], None).json();
    let offer_path = format!("/api/v1/admin/offers/{}", t.id);

    // Another region's activity: refused as a link (422 on the field), and still out of reach.
    let foreign = all.iter().find(|a| a.region != t.region && a.is_active()).expect("an activity in another region");
    let path = format!("/api/v1/admin/activities/{}", foreign.id);
    assert_eq!(as_editor("GET", &path, None).status, 403);
    let mut own: Offer = as_editor("GET", &offer_path, None).json();
    let n = own.activity_ids.len();
    own.activity_ids.push(foreign.id.clone());
    let res = as_editor("PUT", &offer_path, Some(json!(own).to_string()));
    assert_eq!(res.status, 422, "{}", res.body);
    assert_eq!(super::support::session::field_codes(&res), [(format!("activity_ids[{n}]"), ErrorCode::OutOfRange)]);
    assert_eq!(as_editor("GET", &path, None).status, 403);
    assert_eq!(as_editor("PUT", &path, Some(json!(foreign).to_string())).status, 403);
    let archive = json!({"status": "archived", "version": foreign.version}).to_string();
    assert_eq!(as_editor("POST", &format!("{path}/status"), Some(archive)).status, 403);

    // An activity of the region another provider's offer leads on to: the editor may link it
    // (and then read it) but not change or archive it.
    let mut seeded = demo::offers(demo_offers);
    forebyg_api::demo_activities::activities(&mut seeded);
    let theirs = seeded
        .iter()
        .filter(|o| o.region == t.region && o.provider.id != t.provider.id)
        .flat_map(|o| o.activity_ids.clone())
        .find(|id| !own.activity_ids.contains(id))
        .expect("an activity another provider's offer links to");
    let path = format!("/api/v1/admin/activities/{theirs}");
    assert_eq!(as_editor("GET", &path, None).status, 403, "not linked yet");
    let mut own: Offer = as_editor("GET", &offer_path, None).json();
    own.activity_ids.push(theirs.clone());
    let res = as_editor("PUT", &offer_path, Some(json!(own).to_string()));
    assert_eq!(res.status, 200, "{}", res.body);
    let record: ActivityRecord = as_editor("GET", &path, None).json();
    let mut edited = record.clone();
    edited.name = "Overtaget af en anden udbyder".into();
    let res = as_editor("PUT", &path, Some(json!(edited).to_string()));
    assert_eq!((res.status, res.content_type.as_str()), (403, "application/problem+json"), "{}", res.body);
    let archive = json!({"status": "archived", "version": record.version}).to_string();
    assert_eq!(as_editor("POST", &format!("{path}/status"), Some(archive)).status, 403);
    let public: serde_json::Value = server.get(&format!("/api/v1/activities/{theirs}")).json();
    assert_eq!(public["activity"]["name"], json!(record.name), "the public activity is unchanged");
    // The link is the editor's to take back.
    own = as_editor("GET", &offer_path, None).json();
    own.activity_ids.retain(|id| *id != theirs);
    assert_eq!(as_editor("PUT", &offer_path, Some(json!(own).to_string())).status, 200);
}
