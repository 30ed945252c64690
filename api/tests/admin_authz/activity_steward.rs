//! Who may change an activity: the region admins, and the editors of the provider a region admin
//! made its steward. Linking an activity from one's own offer (a draft will do) never hands it
//! over, the steward is the region's choice, and it must be a provider of the activity's region.

use super::support::server::Server;
use super::support::session::{field_codes, Session};
use forebyg_shared::activity::ActivityRecord;
use forebyg_shared::auth::Role;
use forebyg_shared::directory::ProviderRecord;
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::OfferStatus;
use forebyg_shared::validation::ErrorCode;
use serde_json::json;

/// `t` is a published offer of the seeded demo data in a region with a demo activity.
pub fn activity_steward_matrix(server: &Server, t: &Offer) {
    let national = Session::new(server, Role::NationalAdmin, None, None);
    let region = Session::new(server, Role::RegionAdmin, Some(t.region), None);
    let editor = Session::new(server, Role::ProviderEditor, Some(t.region), Some(&t.provider.id));
    let municipality = &t.location.as_ref().unwrap().municipality_code;
    let mut new: ActivityRecord = national.call("GET", &format!("/api/v1/admin/activities/demo-aktivitet-{municipality}"), None).json();
    (new.id, new.name, new.version) = (String::new(), "Styrertestens aktivitet".into(), 0);
    let res = region.call("POST", "/api/v1/admin/activities", Some(json!(new)));
    assert_eq!(res.status, 201, "{}", res.body);
    let a: ActivityRecord = res.json();
    assert_eq!(a.steward_provider_id, None);
    let path = format!("/api/v1/admin/activities/{}", a.id);
    let ids = |s: &Session, query: &str| -> Vec<String> {
        s.call("GET", &format!("/api/v1/admin/activities{query}"), None).json::<Vec<ActivityRecord>>().into_iter().map(|a| a.id).collect()
    };

    // The editor may pick the region's activity to link, but not open it yet.
    assert!(ids(&editor, "?purpose=link").contains(&a.id), "the picker lists the region's active activity");
    assert!(!ids(&editor, "").contains(&a.id));
    assert_eq!(editor.call("GET", &path, None).status, 403);
    assert_eq!(editor.call("GET", "/api/v1/admin/activities?purpose=steal", None).status, 422);

    // The hijack: a draft of the editor's own linking it gives a read, never a write.
    let draft =
        Offer { id: String::new(), title: "Kladde der linker".into(), status: OfferStatus::Draft, activity_ids: vec![a.id.clone()], ..t.clone() };
    let res = editor.call("POST", "/api/v1/admin/offers", Some(json!(draft)));
    assert_eq!(res.status, 201, "{}", res.body);
    assert_eq!(editor.call("GET", &path, None).status, 200);
    let renamed = ActivityRecord { name: "Overtaget".into(), ..a.clone() };
    let res = editor.call("PUT", &path, Some(json!(renamed)));
    assert_eq!((res.status, res.content_type.as_str()), (403, "application/problem+json"), "{}", res.body);
    let archive = json!({"status": "archived", "version": a.version});
    assert_eq!(editor.call("POST", &format!("{path}/status"), Some(archive.clone())).status, 403);

    // A steward of another region, or an unknown one, is refused on the field.
    let providers: Vec<ProviderRecord> = national.call("GET", "/api/v1/admin/providers", None).json();
    let foreign = providers.iter().find(|p| p.region != t.region).expect("a provider of another region");
    let res = national.call("PUT", &path, Some(json!(ActivityRecord { steward_provider_id: Some(foreign.id.clone()), ..a.clone() })));
    assert_eq!(field_codes(&res), [("steward_provider_id".to_owned(), ErrorCode::OutOfRange)]);
    let res = region.call("PUT", &path, Some(json!(ActivityRecord { steward_provider_id: Some("ingen-saadan".into()), ..a.clone() })));
    assert_eq!(field_codes(&res), [("steward_provider_id".to_owned(), ErrorCode::Unknown)]);

    // The region admin makes the editor's provider the steward: now the editor keeps it true.
    let res = region.call("PUT", &path, Some(json!(ActivityRecord { steward_provider_id: Some(t.provider.id.clone()), ..a.clone() })));
    assert_eq!(res.status, 200, "{}", res.body);
    let a: ActivityRecord = res.json();
    let res = editor.call("PUT", &path, Some(json!(ActivityRecord { name: "Holdet, rettet af udbyderen".into(), ..a.clone() })));
    assert_eq!(res.status, 200, "{}", res.body);
    let a: ActivityRecord = res.json();
    assert_eq!((a.name.as_str(), a.steward_provider_id.as_deref()), ("Holdet, rettet af udbyderen", Some(t.provider.id.as_str())));
    // …but may neither drop nor pass on the stewardship.
    for steward in [None, Some(foreign.id.clone())] {
        let res = editor.call("PUT", &path, Some(json!(ActivityRecord { steward_provider_id: steward, ..a.clone() })));
        assert_eq!((res.status, res.content_type.as_str()), (403, "application/problem+json"), "{}", res.body);
    }
    let res = editor.call("POST", &format!("{path}/status"), Some(json!({"status": "archived", "version": a.version})));
    assert_eq!(res.status, 200, "{}", res.body);
    assert!(ids(&editor, "").contains(&a.id), "the steward's list holds it, archived too");
    assert!(!ids(&editor, "?purpose=link").contains(&a.id), "an archived activity is not offered for linking");

    // Another provider's editor in the region is not the steward.
    let other = providers.iter().find(|p| p.region == t.region && p.id != t.provider.id).expect("another provider in the region");
    let other = Session::new(server, Role::ProviderEditor, Some(t.region), Some(&other.id));
    assert_eq!(other.call("GET", &path, None).status, 403);
    assert_eq!(other.call("POST", &format!("{path}/status"), Some(json!({"status": "active", "version": a.version + 1}))).status, 403);
}
