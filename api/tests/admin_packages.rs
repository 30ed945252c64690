//! Kronikerpakker, associations and activities over real HTTP, on both stores: the seeded
//! packages read publicly; a national admin edits one (409 on a stale edit, 403 for others); a
//! region admin creates an association and an activity and links it to an offer with the
//! package component it delivers (and from the activity's page, `admin_packages/activity_offers.rs`);
//! citizens find the activity from the offer and near them; search filters by package; the coverage package lens shows a gap that closes when an offer
//! is added; every change is audited.

#[path = "admin_packages/activity_offers.rs"]
mod activity_offers;
mod support;

use forebyg_shared::activity::{ActivityRecord, ActivitySearchResponse, ActivityView, AssociationRecord, StaleActivity};
use forebyg_shared::admin::{AuditAction, AuditEntry};
use forebyg_shared::auth::Role;
use forebyg_shared::directory::{LocationRecord, RecordStatus};
use forebyg_shared::offer::Offer;
use forebyg_shared::package::{PackageDelivery, PackageRecord, StalePackage};
use forebyg_shared::package_coverage::PackageCoverageReport;
use forebyg_shared::problem::{types, Problem};
use forebyg_shared::search::clinician::ClinicianSearchResponse;
use forebyg_shared::search::SearchResponse;
use forebyg_shared::taxonomy::{Category, OfferStatus, RegionCode};
use forebyg_shared::validation::ErrorCode;
use serde_json::{json, Value};
use support::server::Server;
use support::session::{field_codes, Session};

const MID: Option<RegionCode> = Some(RegionCode::Midtjylland);

fn new_activity(association_id: &str) -> Value {
    json!({
        "association_id": association_id, "region": "midtjylland", "name": "Hjertemotion i Aarhus",
        "description": "Motion på hold for mennesker med hjertesygdom, med instruktør.", "conditions": ["hjertesygdom"],
        "intensity": "moderate", "schedule": {"slots": [{"weekday": "tue", "start": "17:00", "end": "18:00"}], "note": null},
        "place": {"name": "Idrætshallen", "address": "Stadion Allé 1", "postcode": "8000", "city": "Aarhus C", "municipality_code": "0751",
                  "point": {"lat": 56.1530, "lon": 10.2040}},
        "price": {"dkk": 300, "note": "pr. halvår"}, "subsidy": null, "free_trial": true,
        "contact": {"name": "Inge", "phone": "+45 1234 5678", "email": null, "url": null}, "accessibility": "Niveaufri adgang",
        "last_verified": "2026-11-01", "status": "active"
    })
}

fn packages_and_their_edits(server: &Server) {
    let national = Session::new(server, Role::NationalAdmin, None, None);
    let colleague = Session::new(server, Role::NationalAdmin, None, None);
    let region = Session::new(server, Role::RegionAdmin, MID, None);
    let all: Vec<PackageRecord> = server.get("/api/v1/packages").json();
    assert_eq!(
        all.iter().map(|p| p.code.as_str()).collect::<Vec<_>>(),
        ["hjertesygdom", "kol", "kompleks-multisygdom", "laenderygsmerter", "type-2-diabetes"]
    );
    let kol: PackageRecord = server.get("/api/v1/packages/kol").json();
    assert_eq!((kol.from_year(RegionCode::Midtjylland), kol.version), (Some(2027), 1));
    assert_eq!(server.get("/api/v1/packages/astma").status, 404);

    // The framework is published: the components lose their placeholder mark.
    let mut published = kol.clone();
    published.components.iter_mut().for_each(|c| c.placeholder = false);
    published.source_note = "Sundhedsstyrelsens ramme for kronikerpakken for KOL.".into();
    assert_eq!(region.call("PUT", "/api/v1/admin/packages/kol", Some(json!(published))).status, 403, "national admins only");
    let mut bad = published.clone();
    bad.regions[0].from_year = 2026;
    assert_eq!(
        field_codes(&national.call("PUT", "/api/v1/admin/packages/kol", Some(json!(bad)))),
        [("regions[0].from_year".to_owned(), ErrorCode::OutOfRange)]
    );
    let saved: PackageRecord = national.call("PUT", "/api/v1/admin/packages/kol", Some(json!(published))).json();
    assert_eq!((saved.version, saved.components.iter().any(|c| c.placeholder)), (2, false));
    let conflict = colleague.call("PUT", "/api/v1/admin/packages/kol", Some(json!(kol)));
    assert_eq!((conflict.status, conflict.content_type.as_str()), (409, "application/problem+json"));
    let stale: StalePackage = conflict.json();
    assert_eq!((stale.problem.kind.as_str(), stale.current.version), (types::STALE_VERSION, 2));
    let taken = national.call("POST", "/api/v1/admin/packages", Some(json!(kol)));
    assert_eq!(taken.json::<Problem>().kind, types::RECORD_EXISTS);
    // A national change is in every region's log.
    let log: Vec<AuditEntry> = region.call("GET", "/api/v1/admin/audit", None).json();
    assert!(log.iter().any(|e| e.action == AuditAction::PackageUpdated && e.target == "kol"));
    // Removing components demo offers deliver: refused, naming the count and some offers.
    let mut fewer = saved.clone();
    fewer.components.truncate(1);
    let in_use = national.call("PUT", "/api/v1/admin/packages/kol", Some(json!(fewer)));
    assert_eq!(in_use.status, 409, "{}", in_use.body);
    let problem: Problem = in_use.json();
    assert_eq!(problem.kind, types::RECORD_IN_USE);
    let detail = problem.detail.unwrap_or_default();
    assert!(detail.contains("offers deliver the components") && detail.contains("Untick them"), "{detail}");
    let now: PackageRecord = server.get("/api/v1/packages/kol").json();
    assert_eq!((now.version, now.components.len()), (2, saved.components.len()));
}

fn run(store_env: &[(&str, &str)]) {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut env = vec![("FOREBYG_AUTH", "dev")];
    env.extend_from_slice(store_env);
    let server = Server::start_with(data.path(), dist.path(), 300, &env);
    packages_and_their_edits(&server);
    let admin = Session::new(&server, Role::RegionAdmin, MID, None);

    // An association: the CVR number is checked.
    let association = json!({"name": "Hjerteforeningen Aarhus", "umbrella": "Hjerteforeningen", "cvr": "12345678", "region": "midtjylland",
                             "contact": {"name": null, "phone": null, "email": "aarhus@example.org", "url": null}, "status": "active"});
    assert_eq!(field_codes(&admin.call("POST", "/api/v1/admin/associations", Some(association.clone()))), [("cvr".to_owned(), ErrorCode::Invalid)]);
    let mut good = association.clone();
    good["cvr"] = json!("61126228");
    let res = admin.call("POST", "/api/v1/admin/associations", Some(good));
    assert_eq!(res.status, 201, "{}", res.body);
    let association: AssociationRecord = res.json();

    // An activity of it: the same field rules as offers; the association must exist.
    let mut bad = new_activity(&association.id);
    (bad["place"]["postcode"], bad["conditions"]) = (json!("5000"), json!([]));
    let codes = field_codes(&admin.call("POST", "/api/v1/admin/activities", Some(bad)));
    assert!(
        codes.contains(&("place.postcode".into(), ErrorCode::OutOfRange)) && codes.contains(&("conditions".into(), ErrorCode::Required)),
        "{codes:?}"
    );
    assert_eq!(
        field_codes(&admin.call("POST", "/api/v1/admin/activities", Some(new_activity("nobody")))),
        [("association_id".to_owned(), ErrorCode::Unknown)]
    );
    let res = admin.call("POST", "/api/v1/admin/activities", Some(new_activity(&association.id)));
    assert_eq!(res.status, 201, "{}", res.body);
    let activity: ActivityRecord = res.json();
    assert!(activity.id.starts_with("hjertemotion-i-aarhus-") && activity.version == 1);
    activity_offers::linked_from_the_activity_page(&server, &admin, &activity);

    // Link it to a published offer with the package component the offer delivers.
    let listings: Vec<Value> = admin.call("GET", "/api/v1/admin/offers", None).json();
    let kol: PackageRecord = server.get("/api/v1/packages/kol").json();
    let mut offer = listings
        .iter()
        .filter(|l| l["status"] == "published" && l["format"] == "on-site")
        .map(|l| admin.call("GET", &format!("/api/v1/admin/offers/{}", l["id"].as_str().unwrap()), None).json::<Offer>())
        .find(|o| kol.component(o.category.code()).is_some())
        .expect("a published demo offer with a place, of an intervention KOL requires");
    let demo_links = offer.activity_ids.clone();
    let offer_id = offer.id.clone();
    offer.packages = vec![PackageDelivery { package: "kol".into(), components: vec!["bowling".into()] }];
    offer.activity_ids = vec!["no-such-activity".into()];
    let codes = field_codes(&admin.call("PUT", &format!("/api/v1/admin/offers/{offer_id}"), Some(json!(offer))));
    assert_eq!(codes, [("packages[0].components[0]".to_owned(), ErrorCode::Unknown), ("activity_ids[0]".to_owned(), ErrorCode::Unknown)]);
    // Another intervention's component: the search by package and intervention would not find
    // the offer there, so coverage must not count it either; refused, saying why.
    let other = kol.components.iter().find(|c| c.category != Some(offer.category)).unwrap();
    offer.packages = vec![PackageDelivery { package: "kol".into(), components: vec![other.code.clone()] }];
    offer.activity_ids = demo_links.clone();
    let res = admin.call("PUT", &format!("/api/v1/admin/offers/{offer_id}"), Some(json!(offer)));
    assert_eq!(field_codes(&res), [("packages[0].components[0]".to_owned(), ErrorCode::Invalid)]);
    assert!(res.body.contains("kan kun leveres af et tilbud med indsatsen"), "{}", res.body);
    offer.packages = vec![PackageDelivery { package: "kol".into(), components: vec![offer.category.code().into()] }];
    offer.activity_ids = demo_links.iter().cloned().chain([activity.id.clone()]).collect();
    let res = admin.call("PUT", &format!("/api/v1/admin/offers/{offer_id}"), Some(json!(offer)));
    assert_eq!(res.status, 200, "{}", res.body);

    // Citizens: from the offer page (nearest to the searched place first), near them, by id.
    let from_offer: Vec<ActivityView> = server.get(&format!("/api/v1/offers/{offer_id}/activities?postcode=8000")).json();
    assert_eq!(from_offer.len(), demo_links.len() + 1);
    assert!(from_offer.windows(2).all(|w| w[0].distance_km <= w[1].distance_km), "nearest first");
    let ours = from_offer.iter().find(|v| v.activity.id == activity.id).unwrap();
    assert_eq!(ours.association_name, "Hjerteforeningen Aarhus");
    assert!(ours.distance_km.unwrap() < 3.0, "{:?}", ours.distance_km);
    let near: ActivitySearchResponse = server.get("/api/v1/activities?postcode=8000&condition=hjertesygdom&radius_km=5").json();
    assert!(near.results.iter().any(|v| v.activity.id == activity.id), "{:?}", near.results);
    assert!(near.results.windows(2).all(|w| w[0].distance_km <= w[1].distance_km));
    let other: ActivitySearchResponse = server.get("/api/v1/activities?postcode=8000&condition=kol&radius_km=5").json();
    assert!(other.results.iter().all(|v| v.activity.id != activity.id), "it does not suit KOL");
    assert_eq!(field_codes(&server.get("/api/v1/activities?postcode=80&condition=gigt")).len(), 2);
    let one: ActivityView = server.get(&format!("/api/v1/activities/{}", activity.id)).json();
    assert_eq!((one.activity.name.as_str(), one.umbrella.as_deref()), ("Hjertemotion i Aarhus", Some("Hjerteforeningen")));

    // Search filters by package.
    let place = &offer.location.as_ref().unwrap().postcode;
    let found: SearchResponse = server.get(&format!("/api/v1/offers?postcode={place}&package=kol&per_page=50&radius_km=10")).json();
    assert!(found.results.iter().any(|h| h.offer.id == offer_id));
    let none: SearchResponse = server.get(&format!("/api/v1/offers?postcode={place}&package=kompleks-multisygdom&radius_km=50")).json();
    assert!(none.results.iter().all(|h| h.offer.id != offer_id));
    assert_eq!(field_codes(&server.get("/api/v1/offers?postcode=8000&package=astma")), [("package".to_owned(), ErrorCode::Unknown)]);
    // The clinician search filters by package the same way: every offer shown delivers part of it.
    let groups: ClinicianSearchResponse =
        server.get(&format!("/api/v1/clinician/offers?postcode={place}&package=kol&radius_km=10&per_group=10")).json();
    let shown: Vec<&str> = groups.groups.iter().flat_map(|g| g.nearby.iter().chain(&g.digital)).map(|h| h.offer.id.as_str()).collect();
    assert!(shown.contains(&offer_id.as_str()), "{shown:?}");
    for id in &shown {
        let o: Offer = server.get(&format!("/api/v1/offers/{id}")).json();
        assert!(o.packages.iter().any(|d| d.package == "kol"), "{id} does not deliver kol");
    }
    let other: ClinicianSearchResponse =
        server.get(&format!("/api/v1/clinician/offers?postcode={place}&package=kompleks-multisygdom&radius_km=10&per_group=10")).json();
    assert!(other.groups.iter().flat_map(|g| g.nearby.iter().chain(&g.digital)).all(|h| h.offer.id != offer_id));
    assert_eq!(field_codes(&server.get("/api/v1/clinician/offers?postcode=8000&package=astma")), [("package".to_owned(), ErrorCode::Unknown)]);
    // An intervention that none of the package's components is says so, rather than "nothing
    // nearby"; the package's record decides (an edit that adds the intervention would follow).
    let outside = |package: &str| -> Vec<Category> {
        let r: ClinicianSearchResponse = server.get(&format!("/api/v1/clinician/offers?postcode=8000&conditions=laenderygsmerter{package}")).json();
        r.groups.iter().filter(|g| g.outside_package).map(|g| g.category).collect()
    };
    assert_eq!(outside("&package=laenderygsmerter"), [Category::Nikotinafvaenning, Category::Ernaering, Category::Alkohol]);
    assert_eq!(outside(""), []);
    // The citizen search names the chosen interventions the package leaves out.
    let citizen: SearchResponse =
        server.get("/api/v1/offers?postcode=8000&category=ernaeringsindsats&category=fysisk-aktivitet&package=laenderygsmerter").json();
    assert_eq!(citizen.outside_package, [Category::Ernaering]);
    let unfiltered: SearchResponse = server.get("/api/v1/offers?postcode=8000&category=ernaeringsindsats").json();
    assert!(unfiltered.outside_package.is_empty());

    // Provider editors edit the activities their provider stewards (a link from their offer is
    // not enough), and create none.
    let editor = Session::new(&server, Role::ProviderEditor, MID, Some(&offer.provider.id));
    let stranger = Session::new(&server, Role::ProviderEditor, MID, Some("someone-else"));
    let path = format!("/api/v1/admin/activities/{}", activity.id);
    assert_eq!(editor.call("PUT", &path, Some(json!(ActivityRecord { free_trial: false, ..activity.clone() }))).status, 403, "linked only");
    let steward = ActivityRecord { steward_provider_id: Some(offer.provider.id.clone()), ..activity.clone() };
    let stewarded: ActivityRecord = admin.call("PUT", &path, Some(json!(steward))).json();
    let edited = ActivityRecord { free_trial: false, ..stewarded.clone() };
    assert_eq!(stranger.call("PUT", &path, Some(json!(edited))).status, 403);
    let saved: ActivityRecord = editor.call("PUT", &path, Some(json!(edited))).json();
    assert_eq!((saved.free_trial, saved.version), (false, 3));
    let stale: StaleActivity = admin.call("PUT", &path, Some(json!(activity))).json();
    assert_eq!(stale.current.version, 3);
    assert_eq!(editor.call("POST", "/api/v1/admin/activities", Some(new_activity(&association.id))).status, 403);
    // Archiving is refused while a published offer links to it.
    let refused = admin.call("POST", &format!("{path}/status"), Some(json!({"status": "archived", "version": 3})));
    assert_eq!((refused.status, refused.json::<Problem>().kind.as_str()), (409, types::RECORD_IN_USE));

    package_lens_gap_closes(&server, &admin);
    location_moves_carry_to_activities(&admin, &association.id);

    // The CSV export carries the package components and the activity links.
    let csv = admin.call("GET", "/api/v1/admin/offers.csv", None).body;
    assert!(csv.lines().next().unwrap().contains(";packages;activity_ids"));
    let mut rows = csv::ReaderBuilder::new().delimiter(b';').from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header = rows.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = rows.records().map(Result::unwrap).find(|r| r[0] == offer_id).unwrap();
    assert_eq!(&row[column("packages")], format!("kol|{}", offer.category.code()));
    assert!(row[column("activity_ids")].split(';').any(|id| id == activity.id), "{row:?}");

    let log: Vec<AuditEntry> = admin.call("GET", "/api/v1/admin/audit", None).json();
    let has = |action: AuditAction, target: &str| log.iter().any(|e| e.action == action && e.target == target);
    assert!(has(AuditAction::AssociationCreated, &association.id) && has(AuditAction::ActivityCreated, &activity.id));
    assert!(has(AuditAction::ActivityUpdated, &activity.id) && has(AuditAction::OfferUpdated, &offer_id));

    // Archived, the offer leaves the search and takes no new requests, but its page still says
    // who runs it (marked archived) for those already on it, and its participants' next-step
    // sheet still finds the activities it led on to.
    let current: Offer = admin.call("GET", &format!("/api/v1/admin/offers/{offer_id}"), None).json();
    let res = admin.call("POST", &format!("/api/v1/admin/offers/{offer_id}/status"), Some(json!({"status": "archived", "version": current.version})));
    assert_eq!(res.status, 200, "{}", res.body);
    let page: Offer = server.get(&format!("/api/v1/offers/{offer_id}")).json();
    assert_eq!((page.status, page.provider.name), (OfferStatus::Archived, current.provider.name));
    let ask = json!({"idempotency_key": "arkiveret-0123456789", "name": "Karen Jensen", "phone": "22345678", "consent": true});
    let asked = server.request("POST", &format!("/api/v1/offers/{offer_id}/self-referrals"), &[], Some(("application/json", &ask.to_string())));
    assert_eq!((asked.status, asked.json::<Problem>().kind.as_str()), (409, types::OFFER_CLOSED), "{}", asked.body);
    let after: Vec<ActivityView> = server.get(&format!("/api/v1/offers/{offer_id}/activities")).json();
    assert!(after.iter().any(|v| v.activity.id == activity.id), "{after:?}");
    let found: SearchResponse = server.get(&format!("/api/v1/offers?postcode={place}&per_page=50&radius_km=10")).json();
    assert!(found.results.iter().all(|h| h.offer.id != offer_id));
}

/// An activity held at a location record follows the location's edits (all or nothing, audited).
fn location_moves_carry_to_activities(admin: &Session, association_id: &str) {
    let locations: Vec<LocationRecord> = admin.call("GET", "/api/v1/admin/locations", None).json();
    let location = locations.iter().find(|l| l.status == RecordStatus::Active).expect("an active location in Midtjylland").clone();
    let mut body = new_activity(association_id);
    (body["name"], body["location_id"]) = (json!("Lungetræning i hallen"), json!(location.id));
    let res = admin.call("POST", "/api/v1/admin/activities", Some(body));
    assert_eq!(res.status, 201, "{}", res.body);
    let held: ActivityRecord = res.json();
    assert_eq!(held.place, location.embedded(), "the place is copied from the location record");

    let moved = LocationRecord { address: "Flyttevej 2".into(), ..location.clone() };
    let res = admin.call("PUT", &format!("/api/v1/admin/locations/{}", location.id), Some(json!(moved)));
    assert_eq!(res.status, 200, "{}", res.body);
    let after: ActivityRecord = admin.call("GET", &format!("/api/v1/admin/activities/{}", held.id), None).json();
    assert_eq!((after.place.address.as_str(), after.version), ("Flyttevej 2", held.version + 1));
    let log: Vec<AuditEntry> = admin.call("GET", "/api/v1/admin/audit", None).json();
    assert!(log.iter().any(|e| e.action == AuditAction::ActivityUpdated && e.target == held.id));
}

/// With a 1 km limit, a component is missing somewhere; an offer delivering it there closes the gap.
fn package_lens_gap_closes(server: &Server, admin: &Session) {
    let lens = |q: &str| admin.call("GET", &format!("/api/v1/admin/coverage/packages?package=kol&max_km=1{q}"), None);
    let report: PackageCoverageReport = lens("").json();
    assert_eq!((report.region, report.from_year, report.components.len()), (RegionCode::Midtjylland, 2027, 5));
    let (row, cell) = report.rows.iter().find_map(|r| r.cells.iter().find(|c| c.gap_from_year.is_some()).map(|c| (r, c))).expect("a gap at 1 km");
    assert_eq!(cell.gap_from_year, Some(2027));
    // An offer delivering it at each of the municipality's postcodes without one.
    let column = report.components.iter().position(|c| c.code == cell.component).unwrap();
    let drill: PackageCoverageReport = lens(&format!("&municipality={}", row.code)).json();
    let uncovered: Vec<_> = drill.rows.iter().filter(|r| r.cells[column].gap_from_year.is_some()).collect();
    assert_eq!((drill.rows.len() as u32, uncovered.len() as u32), (row.postcodes, cell.postcodes_without));
    let providers: Vec<forebyg_shared::directory::ProviderRecord> = admin.call("GET", "/api/v1/admin/providers", None).json();
    let component = &report.components[column];
    let mut created = Vec::new();
    for place in uncovered {
        let mut offer: Offer = serde_json::from_str(include_str!("../../shared/tests/offer_fixture.json")).unwrap();
        (offer.region, offer.status, offer.provider.id) = (RegionCode::Midtjylland, OfferStatus::Draft, providers[0].id.clone());
        offer.category = component.category.expect("seeded components are interventions");
        let l = offer.location.as_mut().unwrap();
        (l.postcode, l.city, l.municipality_code, l.point) = (place.code.clone(), place.name.clone(), row.code.clone(), place.point);
        offer.packages = vec![PackageDelivery { package: "kol".into(), components: vec![cell.component.clone()] }];
        let res = admin.call("POST", "/api/v1/admin/offers", Some(json!(offer)));
        assert_eq!(res.status, 201, "{}", res.body);
        let draft: Offer = res.json();
        let publish = json!({"status": "published", "version": draft.version});
        assert_eq!(admin.call("POST", &format!("/api/v1/admin/offers/{}/status", draft.id), Some(publish)).status, 200);
        created.push(draft.id);
    }
    let after: PackageCoverageReport = lens("").json();
    let closed = after.rows.iter().find(|r| r.code == row.code).unwrap().cells.iter().find(|c| c.component == cell.component).unwrap();
    assert_eq!((closed.gap_from_year, closed.postcodes_without), (None, 0));
    assert!(closed.nearest_km.is_some_and(|km| km <= 1.0) && !created.is_empty(), "{closed:?}");
    assert_eq!(after.gaps, report.gaps - 1);
    let csv = lens("").body;
    let csv_url = admin.call("GET", "/api/v1/admin/coverage/packages.csv?package=kol&max_km=1", None);
    assert_eq!(csv_url.content_type, "text/csv; charset=utf-8");
    assert!(
        csv_url.body.starts_with("\u{feff}kommunekode;kommune;postnumre;Afklarende samtale: km til nærmeste") && !csv.is_empty(),
        "{}",
        csv_url.body
    );
    assert!(csv_url.body.ends_with("\r\n") && !csv_url.body.replace("\r\n", "").contains('\n'), "CRLF line ends");
    // Who may ask, and for what.
    let editor = Session::new(server, Role::ProviderEditor, MID, Some("demo-kommune-0751"));
    assert_eq!(editor.call("GET", "/api/v1/admin/coverage/packages?package=kol", None).status, 403);
    let unknown = admin.call("GET", "/api/v1/admin/coverage/packages?package=astma", None);
    assert_eq!(field_codes(&unknown), [("package".to_owned(), ErrorCode::Unknown)]);
    let national = Session::new(server, Role::NationalAdmin, None, None);
    assert_eq!(field_codes(&national.call("GET", "/api/v1/admin/coverage/packages?package=kol", None)), [("region".to_owned(), ErrorCode::Required)]);
}

#[test]
fn packages_and_activities_on_the_embedded_store() {
    run(&[]);
}

#[test]
fn packages_and_activities_on_dynamodb() {
    let local = support::dynamodb_local::DynamoDbLocal::start();
    run(&[
        ("FOREBYG_STORE", "dynamodb"),
        ("FOREBYG_DYNAMODB_ENDPOINT", &local.endpoint),
        ("FOREBYG_CREATE_TABLE", "1"),
        ("FOREBYG_TABLE", "packages"),
    ]);
}
