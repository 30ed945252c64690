//! CSV export and import of offers, in-process over the real router, on the embedded store and
//! on DynamoDB (DynamoDB Local): export → re-import changes nothing; row errors are listed with
//! row and column and change nothing; creates and updates are applied atomically, versioned and
//! audited; scopes hold; DynamoDB's 100-item transactions limit one apply.

#[path = "admin_csv/error_columns.rs"]
mod error_columns;
#[path = "admin_csv/harness.rs"]
mod harness;
#[path = "admin_csv/row_changes.rs"]
mod row_changes;
#[path = "admin_csv/sheet.rs"]
mod sheet;
#[path = "admin_csv/spreadsheet_edits.rs"]
mod spreadsheet_edits;
mod support;

use axum::body::Body;
use forebyg_api::admin::csv::{cells, encoding, parse};
use forebyg_api::demo;
use forebyg_api::store::BatchSaved;
use forebyg_shared::admin::AuditAction;
use forebyg_shared::auth::Role;
use forebyg_shared::bulk::{FileEncoding, ImportReport};
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::offer::Offer;
use forebyg_shared::offer_validation::validate_offer;
use forebyg_shared::search::SearchResponse;
use forebyg_shared::taxonomy::{Category, OfferStatus, RegionCode};
use harness::{errors, fresh, region_admin, token, Api, Backend};
use http_body_util::BodyExt;
use sheet::Sheet;
use std::collections::BTreeSet;
use support::dynamodb_local::DynamoDbLocal;
use support::offer;
use tower::ServiceExt;

const AARHUS: GeoPoint = GeoPoint::new(56.1530, 10.2040);
const ODENSE: GeoPoint = GeoPoint::new(55.3960, 10.3880);
const CSV: &str = "text/csv; charset=utf-8";

async fn round_trip_changes_nothing(api: &Api) {
    let before = api.snapshot().await;
    let sheet = api.export(&region_admin()).await;
    assert_eq!(sheet.ids(), BTreeSet::from(["a1", "a2", "b1", "d1"].map(String::from)));
    assert_eq!(sheet.rows[sheet.row_of("a1")][sheet.col("contact_phone")], "'+45 1234 5678", "formula guard");
    for dry_run in [true, false] {
        let (status, report) = api.import(&region_admin(), &sheet, dry_run).await;
        assert_eq!(status, 200);
        assert_eq!(
            report,
            ImportReport {
                dry_run,
                rows: 4,
                created: 0,
                published: 0,
                updated: 0,
                unchanged: 4,
                errors: vec![],
                absent_columns: vec![],
                encoding: FileEncoding::Utf8,
                changes: vec![],
            }
        );
    }
    // As a Danish spreadsheet re-saves it: commas, dd-mm-yyyy dates, kommunekode without its zero, SAND/FALSK.
    let mut resaved = sheet.clone();
    resaved.delimiter = b',';
    let (d, m, s) = (resaved.col("last_verified"), resaved.col("municipality_code"), resaved.col("self_referral"));
    for row in &mut resaved.rows {
        row[d] = format!("{}-{}-{}", &row[d][8..10], &row[d][5..7], &row[d][0..4]);
        row[m] = row[m].trim_start_matches('0').into();
        row[s] = if row[s] == "ja" { "SAND".into() } else { "FALSK".into() };
    }
    let (status, report) = api.import(&region_admin(), &resaved, false).await;
    assert_eq!((status, report.unchanged, report.errors.len()), (200, 4, 0), "{report:?}");
    // As Danish Excel saves "CSV (semikolonsepareret)": Windows-1252; and "CSV UTF-8": with a BOM.
    let utf8 = sheet.bytes();
    let text = String::from_utf8(utf8.clone()).unwrap();
    assert!(text.contains(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å']), "the test data has Danish letters");
    let windows_1252: Vec<u8> = text.chars().map(|c| encoding::windows_1252_byte(c).unwrap_or_else(|| panic!("{c}"))).collect();
    let with_bom = [forebyg_api::admin::csv::BOM.as_bytes(), &utf8].concat();
    for (bytes, encoding) in [(windows_1252, FileEncoding::Windows1252), (with_bom, FileEncoding::Utf8)] {
        let (status, _, body) = api.call("POST", "/api/v1/admin/offers/import?dry_run=false", &region_admin(), Some(bytes)).await;
        let report: ImportReport = serde_json::from_slice(&body).unwrap();
        assert_eq!((status, report.unchanged, report.errors.len(), report.encoding), (200, 4, 0, encoding), "{report:?}");
    }
    assert_eq!(api.snapshot().await, before, "nothing written, no audit entry");
}

async fn row_errors_are_listed_and_change_nothing(api: &Api) {
    let mut sheet = api.export(&region_admin()).await;
    // a2 is saved by someone else after the export.
    let mut a2 = api.state.store.get_offer("a2").await.unwrap().unwrap();
    a2.title = "Ændret af en kollega".into();
    a2.version = 2;
    api.state.store.save_offer(&a2, Some(1)).await.unwrap();
    let before = api.snapshot().await;
    sheet.set("a1", "category", "yoga");
    sheet.set("b1", "postcode", "80O0");
    sheet.set("d1", "title", "");
    let new_row = sheet.add_new("a1", "Gåhold i Odense");
    sheet.set_at(new_row, "category", "fysisk-aktivitet");
    sheet.set_at(new_row, "region", "syddanmark");
    let expected = BTreeSet::from([(2, "category"), (3, "version"), (4, "postcode"), (5, "title"), (6, "region")].map(|(r, f)| (r, f.to_owned())));
    let (status, report) = api.import(&region_admin(), &sheet, true).await;
    // A file with row errors is a 422 with the report, checked or applied.
    assert_eq!((status, errors(&report)), (422, expected.clone()), "{report:#?}");
    let category = report.row_errors(2).next().unwrap();
    assert!(category.message.da.starts_with("»yoga« er ikke en gyldig værdi. Gyldige værdier: afklarende-samtale, "), "{category:?}");
    let stale = report.row_errors(3).next().unwrap();
    assert!(stale.message.en.contains("changed since export"), "{stale:?}");
    assert_eq!(api.snapshot().await, before);
    let (status, applied) = api.import(&region_admin(), &sheet, false).await;
    assert_eq!((status, errors(&applied)), (422, expected));
    assert_eq!(api.snapshot().await, before, "an apply with errors writes nothing");
}

async fn creates_and_updates_are_applied_versioned_and_audited(api: &Api) {
    // A point stored finer than the file's decimals (a walk found "Breddegrad: 57.077079690321476
    // → 57.07708" logged when only another cell was changed).
    let mut fine = api.state.store.get_offer("a1").await.unwrap().unwrap();
    let fine_point = GeoPoint::new(56.153012345678, 10.204098765432);
    fine.location.as_mut().unwrap().point = fine_point;
    api.state.store.put_offers(&[fine]).await.unwrap();
    let mut sheet = api.export(&region_admin()).await;
    sheet.set("a1", "title", "Ny titel på gåholdet");
    sheet.add_new("a1", "Nyt gåhold i Aarhus");
    let quit = sheet.add_new("b1", "Nyt rygestop i Aarhus");
    // Without coordinates the postcode's point is used.
    for c in ["lat", "lon"] {
        sheet.set_at(quit, c, "");
    }
    // The admin chose to publish the new offers in the import (the rows' status cells say
    // `published`, as the rows they were copied from).
    let (status, report) = api.import_to(&region_admin(), &sheet, "dry_run=false&publish_new=true").await;
    assert_eq!((status, report.created, report.published, report.updated, report.unchanged), (200, 2, 2, 1, 3), "{report:#?}");
    let a1 = api.state.store.get_offer("a1").await.unwrap().unwrap();
    assert_eq!((a1.title.as_str(), a1.version), ("Ny titel på gåholdet", 2));
    assert_eq!(a1.location.unwrap().point, fine_point, "the place is not rounded to the file's decimals");
    let mid = api.state.store.region_offers(RegionCode::Midtjylland).await.unwrap();
    let new: Vec<&Offer> = mid.iter().filter(|o| o.title.starts_with("Nyt ")).collect();
    assert_eq!(new.len(), 2);
    assert!(new.iter().all(|o| o.version == 1 && !o.demo && o.id.starts_with("nyt-") && o.is_published()));
    let found: SearchResponse = {
        let (status, _, body) = api.call("GET", "/api/v1/offers?postcode=8000&radius_km=25&per_page=50", "", None).await;
        assert_eq!(status, 200);
        serde_json::from_slice(&body).unwrap()
    };
    assert!(new.iter().all(|n| found.results.iter().any(|h| h.offer.id == n.id)), "the public search finds the new offers");
    let log = api.state.audit.audit_log(RegionCode::Midtjylland, 50).await.unwrap();
    assert_eq!(log.iter().filter(|e| e.action == AuditAction::OfferCreated).count(), 2);
    let update = log.iter().find(|e| e.action == AuditAction::OfferUpdated).unwrap();
    assert_eq!((update.target.as_str(), update.changes.iter().map(|c| c.field.as_str()).collect::<Vec<_>>()), ("a1", vec!["title"]));
    // The file just applied, its offers' rows checked again: a1's row stands as a1 does now, so it
    // is unchanged though it names the version it changed (not "export again").
    let mut applied = sheet.clone();
    applied.rows.retain(|r| !r[0].is_empty());
    let (status, rechecked) = api.import(&region_admin(), &applied, true).await;
    assert_eq!((status, rechecked.errors.len(), rechecked.unchanged, rechecked.updated), (200, 0, 4, 0), "{rechecked:#?}");
    // The new export re-imports without change too.
    let (_, again) = api.import(&region_admin(), &api.export(&region_admin()).await, false).await;
    assert_eq!((again.unchanged, again.created + again.updated), (6, 0));
}

/// Imported new offers are drafts unless the import publishes them (`publish_new=true`), whatever
/// their `status` cell says; published, a row whose cell says `draft` stays a draft, an empty cell
/// is published. Rows of existing offers take their cell either way.
async fn new_rows_are_drafts_unless_the_import_publishes_them(api: &Api) {
    let mut sheet = api.export(&region_admin()).await;
    assert_eq!(sheet.rows[sheet.row_of("a1")][sheet.col("status")], "published");
    sheet.add_new("a1", "Nyt gåhold som kladde");
    let (status, checked) = api.import(&region_admin(), &sheet, true).await;
    assert_eq!((status, checked.created, checked.published), (200, 1, 0), "{checked:#?}");
    let (status, report) = api.import(&region_admin(), &sheet, false).await;
    assert_eq!((status, report.created, report.published), (200, 1, 0), "{report:#?}");
    let mid = api.state.store.region_offers(RegionCode::Midtjylland).await.unwrap();
    let draft = mid.iter().find(|o| o.title == "Nyt gåhold som kladde").unwrap();
    assert_eq!(draft.status, OfferStatus::Draft, "the status cell `published` of a new row is not taken");
    let found: SearchResponse = {
        let (status, _, body) = api.call("GET", "/api/v1/offers?postcode=8000&radius_km=25&per_page=50", "", None).await;
        assert_eq!(status, 200);
        serde_json::from_slice(&body).unwrap()
    };
    assert!(!found.results.iter().any(|h| h.offer.id == draft.id), "a draft is not in the public search");

    // Publishing: an empty status cell is published, `draft` stays a draft.
    let mut sheet = api.export(&region_admin()).await;
    let empty = sheet.add_new("a1", "Nyt gåhold offentliggjort");
    sheet.set_at(empty, "status", "");
    let kept = sheet.add_new("a1", "Nyt gåhold stadig kladde");
    sheet.set_at(kept, "status", "draft");
    let (status, report) = api.import_to(&region_admin(), &sheet, "dry_run=false&publish_new=true").await;
    assert_eq!((status, report.created, report.published), (200, 2, 1), "{report:#?}");
    let mid = api.state.store.region_offers(RegionCode::Midtjylland).await.unwrap();
    let status_of = |title: &str| mid.iter().find(|o| o.title == title).unwrap().status;
    assert_eq!((status_of("Nyt gåhold offentliggjort"), status_of("Nyt gåhold stadig kladde")), (OfferStatus::Published, OfferStatus::Draft));
}

async fn a_conflict_in_the_last_row_writes_nothing(api: &Api) {
    let before = api.snapshot().await;
    // The store: a create, an update, then a stale update → none written.
    let store = &api.state.store;
    let mut a1 = store.get_offer("a1").await.unwrap().unwrap();
    (a1.title, a1.version) = ("Ændret".into(), 2);
    let mut b1 = store.get_offer("b1").await.unwrap().unwrap();
    b1.version = 100;
    let saves = vec![(offer("z1", Category::Alkohol, Some(AARHUS)), None), (a1, Some(1)), (b1, Some(99))];
    let BatchSaved::Conflict { id, current } = store.save_offers_atomically(&saves).await.unwrap() else { panic!("no conflict") };
    assert_eq!((id.as_str(), current.map(|c| c.version)), ("b1", Some(1)));
    assert_eq!(store.get_offer("z1").await.unwrap(), None);
    assert_eq!(api.snapshot().await, before);
    // Over HTTP: two new rows and an edit, then a stale last row that changes something (a stale
    // row as the offer stands is unchanged, no conflict).
    let mut sheet = api.export(&region_admin()).await;
    sheet.add_new("a1", "Første nye tilbud");
    sheet.add_new("a1", "Andet nye tilbud");
    sheet.set("a1", "title", "Ændret titel");
    sheet.set("b1", "title", "Forældet ændring");
    let last = sheet.rows.len() - 1;
    let b1 = sheet.row_of("b1");
    sheet.rows.swap(b1, last);
    sheet.rows[last][1] = "0".into();
    let (status, report) = api.import(&region_admin(), &sheet, false).await;
    assert_eq!((status, errors(&report)), (422, BTreeSet::from([(last + 2, "version".to_owned())])));
    assert_eq!(api.snapshot().await, before);
}

async fn scopes_hold(api: &Api) {
    let editor = token(Role::ProviderEditor, Some(RegionCode::Midtjylland), Some("p1"));
    assert_eq!(api.export(&editor).await.ids(), BTreeSet::from(["a1", "a2", "d1"].map(String::from)));
    let national = token(Role::NationalAdmin, None, None);
    assert_eq!(api.export(&national).await.ids().len(), 5);
    let (status, _, _) = api.call("GET", "/api/v1/admin/offers.csv?region=syddanmark", &region_admin(), None).await;
    assert_eq!(status, 403);
    // The region admin's file holds b1 (another provider's); the editor's new row names p2.
    let mut sheet = api.export(&region_admin()).await;
    let new_row = sheet.add_new("a1", "Nyt tilbud fra en anden udbyder");
    sheet.set_at(new_row, "provider_id", "p2");
    let (status, report) = api.import(&editor, &sheet, false).await;
    let b1_row = sheet.row_of("b1") + 2;
    assert_eq!((status, errors(&report)), (422, BTreeSet::from([(b1_row, "id".to_owned()), (new_row, "provider_id".to_owned())])));
}

async fn one_apply_holds_at_most_100_changed_rows_on_dynamodb(api: &Api, dynamo: bool) {
    let mut sheet = api.export(&region_admin()).await;
    for i in 0..101 {
        sheet.add_new("a1", &format!("Gåhold nummer {i}"));
    }
    let before = api.snapshot().await;
    let (status, report) = api.import(&region_admin(), &sheet, false).await;
    if dynamo {
        assert_eq!((status, errors(&report)), (422, BTreeSet::from([(1, "file".to_owned())])));
        assert!(report.errors[0].message.en.contains("Split the file into parts of at most 100 changed rows"), "{:?}", report.errors);
        assert_eq!(api.snapshot().await, before);
    } else {
        assert_eq!((status, report.created), (200, 101), "{:?}", report.errors);
    }
}

/// Rows name provider and location records: missing ones are created in the same apply, a row
/// that contradicts one is a row error already in the dry run, and an old file without the
/// `location_id` column still imports.
async fn rows_create_and_must_agree_with_records(api: &Api) {
    let mut sheet = api.export(&region_admin()).await;
    let new_row = sheet.add_new("a1", "Gåhold på det nye sted");
    sheet.set_at(new_row, "provider_id", "p9");
    sheet.set_at(new_row, "provider_name", "Odder Kommune");
    sheet.set_at(new_row, "location_id", "nyt-sted");
    let (status, report) = api.import(&region_admin(), &sheet, false).await;
    assert_eq!((status, report.created), (200, 1), "{:?}", report.errors);
    let p9 = api.state.directory.get_provider("p9").await.unwrap().expect("provider created");
    assert_eq!((p9.name.as_str(), p9.region, p9.version), ("Odder Kommune", RegionCode::Midtjylland, 1));
    let place = api.state.directory.get_location("nyt-sted").await.unwrap().expect("location created");
    assert_eq!((place.provider_id.as_str(), place.postcode.as_str()), ("p9", "8000"));
    let region_log = api.state.audit.audit_log(RegionCode::Midtjylland, 500).await.unwrap();
    assert!(region_log.iter().any(|e| e.action == AuditAction::LocationCreated && e.target == "nyt-sted"));

    // Export → re-import is "no changes" with records in place.
    let sheet = api.export(&region_admin()).await;
    let (_, report) = api.import(&region_admin(), &sheet, true).await;
    assert_eq!((report.unchanged, report.errors.len()), (sheet.rows.len(), 0), "{:?}", report.errors);

    // New rows must agree with the records they name.
    let before = api.snapshot().await;
    let mut sheet = sheet.clone();
    let (renamed, moved) = (sheet.add_new("a1", "Forkert udbydernavn"), sheet.add_new("a1", "Forkert adresse"));
    sheet.set_at(renamed, "provider_id", "p9");
    sheet.set_at(renamed, "provider_name", "Et andet navn");
    sheet.set_at(moved, "provider_id", "p9");
    sheet.set_at(moved, "provider_name", "Odder Kommune");
    sheet.set_at(moved, "location_id", "nyt-sted");
    sheet.set_at(moved, "address", "Et andet sted 5");
    let (status, report) = api.import(&region_admin(), &sheet, true).await;
    assert_eq!((status, errors(&report)), (422, BTreeSet::from([(renamed, "provider_name".to_owned()), (moved, "address".to_owned())])));
    assert!(report.errors[0].message.en.contains("Odder Kommune") || report.errors[1].message.en.contains("Odder Kommune"), "{:?}", report.errors);
    assert_eq!(api.snapshot().await, before);

    // A file from before locations were records (no location_id column) still imports.
    let mut old = api.export(&region_admin()).await;
    let c = old.col("location_id");
    old.header.remove(c);
    old.rows.iter_mut().for_each(|r| {
        r.remove(c);
    });
    let fresh_row = old.add_new("b1", "Uden stedkolonne");
    let (status, report) = api.import(&region_admin(), &old, false).await;
    assert_eq!((status, report.created, report.errors.len()), (200, 1, 0), "row {fresh_row}: {:?}", report.errors);
}

async fn contract(backend: Backend<'_>) {
    round_trip_changes_nothing(&fresh(&backend).await).await;
    row_errors_are_listed_and_change_nothing(&fresh(&backend).await).await;
    creates_and_updates_are_applied_versioned_and_audited(&fresh(&backend).await).await;
    new_rows_are_drafts_unless_the_import_publishes_them(&fresh(&backend).await).await;
    a_conflict_in_the_last_row_writes_nothing(&fresh(&backend).await).await;
    scopes_hold(&fresh(&backend).await).await;
    one_apply_holds_at_most_100_changed_rows_on_dynamodb(&fresh(&backend).await, matches!(backend, Backend::Dynamo(_))).await;
    rows_create_and_must_agree_with_records(&fresh(&backend).await).await;
    spreadsheet_edits::absent_optional_columns_keep_the_stored_values(&fresh(&backend).await).await;
    spreadsheet_edits::a_spreadsheet_round_trip_is_unchanged(&fresh(&backend).await).await;
    error_columns::errors_name_columns_in_row_order(&fresh(&backend).await).await;
    row_changes::the_report_lists_each_change_and_warns_of_look_alikes(&fresh(&backend).await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn csv_contract_on_the_embedded_store() {
    contract(Backend::Embedded).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn csv_contract_on_dynamodb() {
    let local = DynamoDbLocal::start();
    contract(Backend::Dynamo(&local)).await;
}

#[test]
fn every_demo_offer_survives_the_mapping() {
    for o in demo::offers(3_000) {
        let (back, version, errors) = parse(&cells(&o), "2000-01-01");
        assert_eq!((&errors, version), (&vec![], Some(o.version)), "{}", o.id);
        // Coordinates come back to 6 decimals (0.1 m).
        let (a, b) = (o.location.as_ref().map(|l| l.point), back.location.as_ref().map(|l| l.point));
        assert!(a.zip(b).is_none_or(|(a, b)| a.distance_km(b) < 0.000_1), "{}", o.id);
        let mut same = Offer { demo: false, ..o.clone() };
        if let (Some(l), Some(p)) = (same.location.as_mut(), b) {
            l.point = p;
        }
        assert_eq!(back, same);
        assert_eq!(validate_offer(&back), vec![], "{}", o.id);
    }
}

#[tokio::test]
async fn bad_files_are_reported_not_guessed() {
    let api = fresh(&Backend::Embedded).await;
    let post = |body: &'static [u8], ct: &'static str| {
        let req = http::Request::builder().method("POST").uri("/api/v1/admin/offers/import?dry_run=false").header("authorization", region_admin());
        api.router.clone().oneshot(req.header("content-type", ct).body(Body::from(body)).unwrap())
    };
    assert_eq!(post(b"id;title", "application/json").await.unwrap().status(), 415);
    let res = post(b"id;titel\n;x", CSV).await.unwrap();
    let report: ImportReport = serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap();
    assert!(report.errors.iter().any(|e| (e.row, e.field.as_str()) == (1, "titel")), "unknown column");
    assert!(report.errors.iter().any(|e| (e.row, e.field.as_str()) == (1, "summary")), "missing column");
    let res = post(b"", CSV).await.unwrap();
    let report: ImportReport = serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap();
    assert_eq!(errors(&report), BTreeSet::from([(1, "file".to_owned())]), "an empty file is one error");
    let res = post(b"\xff\xfei\0d\0", CSV).await.unwrap();
    assert_eq!(res.status(), 422, "UTF-16");
    let report: ImportReport = serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap();
    assert_eq!(errors(&report), BTreeSet::from([(1, "file".to_owned())]), "UTF-16 is one error");
    assert!(report.errors[0].message.da.contains("UTF-16"), "{:?}", report.errors[0]);
    // A workbook chosen instead of the CSV saved from it; a JSON file: one error each, saying so.
    let res = post(b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml", CSV).await.unwrap();
    let report: ImportReport = serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap();
    assert_eq!(errors(&report), BTreeSet::from([(1, "file".to_owned())]), "a workbook is one error");
    assert!(report.errors[0].message.da.starts_with("Filen er et regneark"), "{:?}", report.errors[0]);
    let res = post(br#"[{"id": "a", "title": "Rygestop"}]"#, CSV).await.unwrap();
    let report: ImportReport = serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap();
    assert_eq!(errors(&report), BTreeSet::from([(1, "file".to_owned())]), "no known column is one error");
    assert!(report.errors[0].message.da.contains("ingen af Forebygs kolonner"), "{:?}", report.errors[0]);
    let res = post(b"id;title\n\x81", CSV).await.unwrap();
    let report: ImportReport = serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap();
    assert!(report.errors[0].message.da.starts_with("Filen er ikke gemt som UTF-8"), "{:?}", report.errors[0]);
    let unauthenticated = http::Request::builder().method("GET").uri("/api/v1/admin/offers.csv").body(Body::empty()).unwrap();
    assert_eq!(api.router.clone().oneshot(unauthenticated).await.unwrap().status(), 401);
}
