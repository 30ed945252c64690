//! The admin API keeps its records whole, over real HTTP on both stores: requests follow their
//! offer to a new provider; publishing runs the record checks; clearing a field is audited;
//! values that would break later steps are refused with field errors.

mod support;

use forebyg_api::demo;
use forebyg_shared::admin::{AuditEntry, InboxItem};
use forebyg_shared::auth::Role;
use forebyg_shared::directory::LocationRecord;
use forebyg_shared::offer::Offer;
use forebyg_shared::referral::ReferralReceipt;
use forebyg_shared::response_time::ProviderResponseTimes;
use forebyg_shared::taxonomy::{Capacity, OfferStatus};
use forebyg_shared::validation::ErrorCode;
use serde_json::json;
use support::server::Server;
use support::session::{field_codes, Session};

const DEMO: usize = 300;

/// A published offer run by a municipality that takes self-referrals, with a location.
fn target() -> Offer {
    demo::offers(DEMO)
        .into_iter()
        .find(|o| {
            o.is_published()
                && o.referral.self_referral
                && o.capacity == Capacity::Open
                && o.location.is_some()
                && o.referral.response_days.is_some()
                && o.provider.id.starts_with("demo-kommune-")
        })
        .unwrap()
}

fn inbox_codes(s: &Session) -> Vec<String> {
    s.call("GET", "/api/v1/admin/referrals", None).json::<Vec<InboxItem>>().into_iter().map(|i| i.receipt_code).collect()
}

/// A region admin moves an offer to another provider of the region: its requests go with it (the
/// new provider's editor sees and works them, the old one no longer does).
fn requests_follow_the_offer_to_its_new_provider(server: &Server) {
    let t = target();
    let asked = json!({"idempotency_key": "integrity-key-00000001", "name": "Flytte Person", "phone": "81234567", "consent": true});
    let res = server.request("POST", &format!("/api/v1/offers/{}/self-referrals", t.id), &[], Some(("application/json", &asked.to_string())));
    assert_eq!(res.status, 201, "{}", res.body);
    let code = res.json::<ReferralReceipt>().receipt_code;
    let admin = Session::new(server, Role::RegionAdmin, Some(t.region), None);
    let old = Session::new(server, Role::ProviderEditor, Some(t.region), Some(&t.provider.id));
    assert!(inbox_codes(&old).contains(&code));

    // Another municipality's provider of the region, and one of its locations.
    let locations: Vec<LocationRecord> = admin.call("GET", "/api/v1/admin/locations", None).json();
    let there =
        locations.iter().find(|l| l.provider_id != t.provider.id && l.provider_id.starts_with("demo-kommune-") && l.region == t.region).unwrap();
    let new = Session::new(server, Role::ProviderEditor, Some(t.region), Some(&there.provider_id));
    assert!(!inbox_codes(&new).contains(&code));
    let mut moved: Offer = admin.call("GET", &format!("/api/v1/admin/offers/{}", t.id), None).json();
    moved.provider.id = there.provider_id.clone();
    moved.location_id = Some(there.id.clone());
    let res = admin.call("PUT", &format!("/api/v1/admin/offers/{}", t.id), Some(json!(moved)));
    assert_eq!(res.status, 200, "{}", res.body);

    assert!(!inbox_codes(&old).contains(&code), "the old provider no longer sees the request");
    let items: Vec<InboxItem> = new.call("GET", "/api/v1/admin/referrals", None).json();
    let item = items.iter().find(|i| i.receipt_code == code).expect("the new provider sees the request");
    assert_eq!(item.provider_id, there.provider_id);
    let contacted = json!({"status": "contacted"});
    assert_eq!(
        old.call("POST", &format!("/api/v1/admin/referrals/{code}/status"), Some(contacted.clone())).status,
        404,
        "outside scope: as an unknown code"
    );
    assert_eq!(
        old.call("POST", &format!("/api/v1/admin/referrals/{code}/notes"), Some(json!({"text": "x"}))).status,
        404,
        "outside scope: as an unknown code"
    );
    let res = new.call("POST", &format!("/api/v1/admin/referrals/{code}/status"), Some(contacted));
    assert_eq!(res.status, 200, "{}", res.body);
    let counts: serde_json::Value = new.call("GET", "/api/v1/admin/referrals/counts", None).json();
    assert_eq!(counts["contacted"], json!(1), "{counts}");
    // The response times count it for the new provider (the region's only request).
    let times: Vec<ProviderResponseTimes> = admin.call("GET", "/api/v1/admin/referrals/response-times", None).json();
    assert_eq!(times.iter().map(|r| r.provider_id.as_str()).collect::<Vec<_>>(), [there.provider_id.as_str()], "{times:?}");
}

/// A draft whose location was archived meanwhile is not published: the same 422 a save gives.
fn publishing_runs_the_record_checks(server: &Server) {
    let t = target();
    let admin = Session::new(server, Role::RegionAdmin, Some(t.region), None);
    let lid = t.location_id.clone().unwrap();
    let mut place: serde_json::Value = admin.call("GET", &format!("/api/v1/admin/locations/{lid}"), None).json();
    (place["id"], place["name"]) = (json!(""), json!("Stedet der lukker"));
    let res = admin.call("POST", "/api/v1/admin/locations", Some(place));
    assert_eq!(res.status, 201, "{}", res.body);
    let place: LocationRecord = res.json();
    let draft = Offer {
        id: String::new(),
        title: "Kladde på et sted der lukker".into(),
        status: OfferStatus::Draft,
        location_id: Some(place.id.clone()),
        ..t.clone()
    };
    let res = admin.call("POST", "/api/v1/admin/offers", Some(json!(draft)));
    assert_eq!(res.status, 201, "{}", res.body);
    let draft: Offer = res.json();
    let res =
        admin.call("POST", &format!("/api/v1/admin/locations/{}/status", place.id), Some(json!({"status": "archived", "version": place.version})));
    assert_eq!(res.status, 200, "a draft does not hold its location: {}", res.body);
    let publish = json!({"status": "published", "version": draft.version});
    let res = admin.call("POST", &format!("/api/v1/admin/offers/{}/status", draft.id), Some(publish.clone()));
    assert_eq!(field_codes(&res), [("location_id".to_owned(), ErrorCode::Invalid)]);
    let still: Offer = admin.call("GET", &format!("/api/v1/admin/offers/{}", draft.id), None).json();
    assert_eq!((still.status, still.version), (OfferStatus::Draft, draft.version), "nothing published");
    assert_eq!(server.get(&format!("/api/v1/offers/{}", draft.id)).status, 404);
    // Restored, the location lets it be published.
    let res =
        admin.call("POST", &format!("/api/v1/admin/locations/{}/status", place.id), Some(json!({"status": "active", "version": place.version + 1})));
    assert_eq!(res.status, 200, "{}", res.body);
    let res = admin.call("POST", &format!("/api/v1/admin/offers/{}/status", draft.id), Some(publish));
    assert_eq!(res.status, 200, "{}", res.body);
}

/// Values that would break a later step are refused with field errors: a price the import would
/// refuse, a verification date in the future, a next start in the past, a contact no one can use.
fn bad_values_are_refused(server: &Server) {
    let t = target();
    let admin = Session::new(server, Role::RegionAdmin, Some(t.region), None);
    let new = |change: &dyn Fn(&mut Offer)| {
        let mut o = Offer { id: String::new(), title: "Tilbud med fejl".into(), ..t.clone() };
        change(&mut o);
        admin.call("POST", "/api/v1/admin/offers", Some(json!(o)))
    };
    type Change<'a> = &'a dyn Fn(&mut Offer);
    let cases: [(&str, Change); 6] = [
        ("cost.dkk", &|o| o.cost.dkk = 4_000_000_000),
        ("last_verified", &|o| o.last_verified = "2099-01-01".into()),
        ("schedule.next_start", &|o| o.schedule.next_start = Some("2020-01-01".into())),
        ("contact.email", &|o| o.contact.email = Some("not an email".into())),
        ("contact.phone", &|o| o.contact.phone = Some("abc".into())),
        ("contact.url", &|o| o.contact.url = Some("kommune.dk".into())),
    ];
    for (field, change) in cases {
        let res = new(change);
        assert_eq!(field_codes(&res).into_iter().map(|(f, _)| f).collect::<Vec<_>>(), [field], "{}", res.body);
    }
    let today = forebyg_shared::date::copenhagen_date(forebyg_api::self_referral::now());
    let res = new(&|o| {
        o.cost.dkk = 1_000_000;
        o.last_verified = today.clone();
        o.contact.url = Some("https://kommune.dk/sundhed".into());
    });
    assert_eq!(res.status, 201, "{}", res.body);
    // An edit too, and an activity's date.
    let mut edit: Offer = admin.call("GET", &format!("/api/v1/admin/offers/{}", t.id), None).json();
    edit.last_verified = "2099-01-01".into();
    assert_eq!(
        field_codes(&admin.call("PUT", &format!("/api/v1/admin/offers/{}", t.id), Some(json!(edit)))),
        [("last_verified".to_owned(), ErrorCode::OutOfRange)]
    );
    edit.last_verified = today.clone();
    edit.schedule.next_start = Some("2020-01-01".into());
    assert_eq!(
        field_codes(&admin.call("PUT", &format!("/api/v1/admin/offers/{}", t.id), Some(json!(edit)))),
        [("schedule.next_start".to_owned(), ErrorCode::OutOfRange)]
    );
    let acid = t.activity_ids.first().cloned().unwrap_or_else(|| format!("demo-aktivitet-{}", t.location.as_ref().unwrap().municipality_code));
    let mut activity: serde_json::Value = admin.call("GET", &format!("/api/v1/admin/activities/{acid}"), None).json();
    activity["last_verified"] = json!("2099-01-01");
    activity["contact"]["phone"] = json!("abc");
    let codes = field_codes(&admin.call("PUT", &format!("/api/v1/admin/activities/{acid}"), Some(activity)));
    assert_eq!(codes, [("contact.phone".to_owned(), ErrorCode::Invalid), ("last_verified".to_owned(), ErrorCode::OutOfRange)]);
}

/// Clearing an offer's location link is in the audit log as a change to null.
fn clearing_a_field_is_audited(server: &Server) {
    let t = target();
    let admin = Session::new(server, Role::RegionAdmin, Some(t.region), None);
    let path = format!("/api/v1/admin/offers/{}", t.id);
    let mut offer: Offer = admin.call("GET", &path, None).json();
    let linked = offer.location_id.clone().expect("linked to a location record");
    offer.location_id = None;
    let res = admin.call("PUT", &path, Some(json!(offer)));
    assert_eq!(res.status, 200, "{}", res.body);
    let log: Vec<AuditEntry> = admin.call("GET", "/api/v1/admin/audit?action=offer-updated&limit=1", None).json();
    assert_eq!(log[0].target, t.id);
    let changes: Vec<_> = log[0].changes.iter().map(|c| (c.field.as_str(), c.before.as_str(), c.after.as_str())).collect();
    assert_eq!(changes, [("location_id", format!("\"{linked}\"").as_str(), "null")]);
}

fn run(store_env: &[(&str, &str)]) {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut env = vec![("FOREBYG_AUTH", "dev")];
    env.extend_from_slice(store_env);
    let server = Server::start_with(data.path(), dist.path(), DEMO, &env);
    requests_follow_the_offer_to_its_new_provider(&server);
    publishing_runs_the_record_checks(&server);
    bad_values_are_refused(&server);
    clearing_a_field_is_audited(&server);
}

#[test]
fn admin_integrity_on_the_embedded_store() {
    run(&[]);
}

#[test]
fn admin_integrity_on_dynamodb() {
    let local = support::dynamodb_local::DynamoDbLocal::start();
    run(&[
        ("FOREBYG_STORE", "dynamodb"),
        ("FOREBYG_DYNAMODB_ENDPOINT", &local.endpoint),
        ("FOREBYG_CREATE_TABLE", "1"),
        ("FOREBYG_TABLE", "integrity"),
    ]);
}
