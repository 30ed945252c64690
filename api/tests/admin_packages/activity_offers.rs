//! An activity's page lists the offers that lead on to it and those near it that could, and links
//! or unlinks one without opening the offer: an offer edit (versioned, audited), within the
//! admin's scope.

use super::support::server::Server;
use super::support::session::{field_codes, Session};
use forebyg_shared::activity::{ActivityRecord, ActivityView};
use forebyg_shared::admin::{ActivityOfferRow, AuditAction, AuditEntry, StaleEdit, SUGGEST_WITHIN_KM};
use forebyg_shared::auth::Role;
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::{Condition, OfferStatus, RegionCode};
use forebyg_shared::validation::ErrorCode;
use serde_json::json;

pub fn linked_from_the_activity_page(server: &Server, admin: &Session, activity: &ActivityRecord) {
    let path = format!("/api/v1/admin/activities/{}/offers", activity.id);
    let rows: Vec<ActivityOfferRow> = admin.call("GET", &path, None).json();
    assert!(!rows.is_empty() && rows.iter().all(|r| !r.linked), "a new activity: suggestions only");
    assert!(rows.iter().all(|r| r.offer.region == RegionCode::Midtjylland && r.offer.status != OfferStatus::Archived));
    assert!(rows.iter().all(|r| r.distance_km.is_none_or(|d| d <= SUGGEST_WITHIN_KM)));
    // Those made for some conditions before those for every one, each nearest first, digital last.
    let mut order = vec![];
    for r in &rows {
        let o: Offer = admin.call("GET", &format!("/api/v1/admin/offers/{}", r.offer.id), None).json();
        order.push((o.conditions.len() == Condition::ALL.len(), r.distance_km.unwrap_or(f64::INFINITY)));
    }
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
    let row = rows.iter().find(|r| r.offer.status == OfferStatus::Published && r.distance_km.is_some()).expect("a published offer nearby");
    let offer: Offer = admin.call("GET", &format!("/api/v1/admin/offers/{}", row.offer.id), None).json();
    assert!(offer.conditions_taken().contains(&Condition::Hjertesygdom), "suggested for the activity's condition");

    // Linked: the offer's next version names it, and citizens find it from the offer.
    let link = |session: &Session, version: u64, linked: bool| {
        session.call("POST", &path, Some(json!({"offer_id": offer.id, "version": version, "linked": linked})))
    };
    let res = link(admin, offer.version, true);
    assert_eq!(res.status, 200, "{}", res.body);
    let linked: ActivityOfferRow = res.json();
    assert_eq!((linked.linked, linked.offer.version), (true, offer.version + 1));
    let rows: Vec<ActivityOfferRow> = admin.call("GET", &path, None).json();
    assert_eq!((rows[0].offer.id.as_str(), rows[0].linked), (offer.id.as_str(), true), "linked ones first");
    let from_offer: Vec<ActivityView> = server.get(&format!("/api/v1/offers/{}/activities", offer.id)).json();
    assert!(from_offer.iter().any(|v| v.activity.id == activity.id));
    // Already linked: nothing to do, whatever version was seen; unlinking from a stale one is a 409.
    let again: ActivityOfferRow = link(admin, offer.version, true).json();
    assert_eq!(again.offer.version, offer.version + 1);
    let stale = link(admin, offer.version, false);
    assert_eq!(stale.status, 409, "{}", stale.body);
    assert_eq!(stale.json::<StaleEdit>().current.version, offer.version + 1);

    // Provider editors: another provider's is out of reach; the offer's own editor sees only
    // their offers and may unlink.
    let stranger = Session::new(server, Role::ProviderEditor, Some(RegionCode::Midtjylland), Some("someone-else"));
    assert_eq!(stranger.call("GET", &path, None).status, 403);
    assert_eq!(link(&stranger, offer.version + 1, false).status, 403);
    let editor = Session::new(server, Role::ProviderEditor, Some(RegionCode::Midtjylland), Some(&offer.provider.id));
    let theirs: Vec<ActivityOfferRow> = editor.call("GET", &path, None).json();
    assert!(theirs.iter().all(|r| r.offer.provider_id == offer.provider.id) && theirs[0].linked);
    let res = link(&editor, offer.version + 1, false);
    assert_eq!(res.status, 200, "{}", res.body);
    assert!(!res.json::<ActivityOfferRow>().linked);
    let now: Offer = admin.call("GET", &format!("/api/v1/admin/offers/{}", offer.id), None).json();
    assert_eq!((now.activity_ids, now.version), (offer.activity_ids.clone(), offer.version + 2));
    let log: Vec<AuditEntry> = admin.call("GET", "/api/v1/admin/audit", None).json();
    let edits = log.iter().filter(|e| e.action == AuditAction::OfferUpdated && e.target == offer.id);
    assert_eq!(edits.filter(|e| e.changes.iter().any(|c| c.field == "activity_ids")).count(), 2, "the link and the unlink");

    // Bad requests say what is wrong.
    let national = Session::new(server, Role::NationalAdmin, None, None);
    let listings: Vec<serde_json::Value> = national.call("GET", "/api/v1/admin/offers", None).json();
    let elsewhere = listings.iter().find(|l| l["region"] != "midtjylland").expect("an offer of another region");
    let res = national.call("POST", &path, Some(json!({"offer_id": elsewhere["id"], "version": elsewhere["version"], "linked": true})));
    assert_eq!(field_codes(&res), [("offer_id".to_owned(), ErrorCode::OutOfRange)]);
    assert_eq!(admin.call("POST", &path, Some(json!({"offer_id": "no-such-offer", "version": 1, "linked": true}))).status, 404);
    assert_eq!(
        field_codes(&admin.call("POST", &path, Some(json!({"offer_id": offer.id, "linked": true})))),
        [("version".to_owned(), ErrorCode::Required)]
    );
    assert_eq!(admin.call("GET", "/api/v1/admin/activities/no-such-activity/offers", None).status, 404);
}
