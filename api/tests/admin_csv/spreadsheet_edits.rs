//! The spreadsheet's edits: a file without some optional columns, and a file that went through
//! Excel (15 significant digits, trimmed text) — the admin's export, edited and imported again.

use super::*;

/// A file without some optional columns leaves the stored values of those fields as they are (an
/// empty cell in a column that is there clears one); the report names the columns left out.
pub(crate) async fn absent_optional_columns_keep_the_stored_values(api: &Api) {
    let mut a1 = api.state.store.get_offer("a1").await.unwrap().unwrap();
    a1.referral.response_days = Some(5);
    a1.referral.methods = vec![forebyg_shared::referral_route::ReferralMethod::Phone];
    a1.eligibility.min_age = Some(18);
    a1.version = 2;
    api.state.store.save_offer(&a1, Some(1)).await.unwrap();
    let before = api.snapshot().await;
    let full = api.export(&region_admin()).await;
    let mut sheet = full.clone();
    let dropped = ["location_id", "packages", "response_days", "min_age", "referral_methods"];
    for name in dropped {
        let c = sheet.col(name);
        sheet.header.remove(c);
        sheet.rows.iter_mut().for_each(|r| {
            r.remove(c);
        });
    }
    for dry_run in [true, false] {
        let (status, report) = api.import(&region_admin(), &sheet, dry_run).await;
        assert_eq!((status, report.updated, report.unchanged, report.errors.len()), (200, 0, 4, 0), "{report:?}");
        // In the file's column order.
        assert_eq!(report.absent_columns, ["location_id", "packages", "referral_methods", "min_age", "response_days"]);
    }
    assert_eq!(api.snapshot().await, before, "nothing wiped, nothing written");
    // A change elsewhere in the row keeps them too.
    sheet.set("a1", "title", "Nyt navn");
    let (status, report) = api.import(&region_admin(), &sheet, false).await;
    assert_eq!((status, report.updated), (200, 1), "{report:?}");
    let saved = api.state.store.get_offer("a1").await.unwrap().unwrap();
    assert_eq!((saved.title.as_str(), saved.referral.response_days, saved.eligibility.min_age), ("Nyt navn", Some(5), Some(18)));
    assert_eq!((&saved.packages, saved.referral.methods.len(), &saved.location_id), (&a1.packages, 1, &a1.location_id));
    // An empty cell in a column that is there clears the value.
    let mut full = api.export(&region_admin()).await;
    full.set("a1", "response_days", "");
    let (status, report) = api.import(&region_admin(), &full, false).await;
    assert_eq!((status, report.updated, report.absent_columns.len()), (200, 1, 0), "{report:?}");
    assert_eq!(api.state.store.get_offer("a1").await.unwrap().unwrap().referral.response_days, None);
}

/// Export → a spreadsheet → import: coordinates exported to 6 decimals (a spreadsheet keeps 15
/// significant digits), a row tied to a location record agrees within a metre, and untrimmed or
/// `'=`-starting text reads back as unchanged.
pub(crate) async fn a_spreadsheet_round_trip_is_unchanged(api: &Api) {
    let mut a1 = api.state.store.get_offer("a1").await.unwrap().unwrap();
    a1.location.as_mut().unwrap().point = GeoPoint::new(56.153_012_345_678_91, 10.204_098_765_432_12);
    a1.title = "  Gåhold med luft omkring  ".into();
    a1.referral.note = Some("'=ikke en formel".into());
    a1.version = 2;
    api.state.store.save_offer(&a1, Some(1)).await.unwrap();
    let sheet = api.export(&region_admin()).await;
    let (lat, lon) = (&sheet.rows[sheet.row_of("a1")][sheet.col("lat")], &sheet.rows[sheet.row_of("a1")][sheet.col("lon")]);
    assert_eq!((lat.as_str(), lon.as_str()), ("56,153012", "10,204099"));
    let (status, report) = api.import(&region_admin(), &sheet, true).await;
    assert_eq!((status, report.unchanged, report.updated), (200, 4, 0), "{report:?}");

    // A row tied to a location record whose coordinates a spreadsheet rounded (17 → 15 digits).
    let mut sheet = sheet.clone();
    let new_row = sheet.add_new("a1", "Gåhold på et sted med mange decimaler");
    sheet.set_at(new_row, "provider_id", "p9");
    sheet.set_at(new_row, "provider_name", "Odder Kommune");
    sheet.set_at(new_row, "location_id", "decimalstedet");
    sheet.set_at(new_row, "title", "Gåhold på et sted med mange decimaler");
    sheet.set_at(new_row, "lat", "56,1530123456789");
    sheet.set_at(new_row, "lon", "10,2040987654321");
    let (status, report) = api.import(&region_admin(), &sheet, false).await;
    assert_eq!((status, report.created), (200, 1), "{report:?}");
    let mut sheet = api.export(&region_admin()).await;
    let id = sheet.ids().into_iter().find(|id| !["a1", "a2", "b1", "d1"].contains(&id.as_str())).unwrap();
    sheet.set(&id, "lat", "56,15301234567891");
    let (status, report) = api.import(&region_admin(), &sheet, true).await;
    assert_eq!((status, report.errors.len()), (200, 0), "within a metre of the record: {report:?}");
    sheet.set(&id, "lat", "56,1531");
    let (status, report) = api.import(&region_admin(), &sheet, true).await;
    assert_eq!((status, errors(&report)), (422, BTreeSet::from([(sheet.row_of(&id) + 2, "lat".to_owned())])), "10 m off: {report:?}");
    // One price limit: 1,000,000 kr. is taken, more is not (as the API).
    sheet.set(&id, "lat", "56,153012");
    sheet.set(&id, "cost_dkk", "1000000");
    assert_eq!(api.import(&region_admin(), &sheet, true).await.0, 200);
    sheet.set(&id, "cost_dkk", "1000001");
    let (_, report) = api.import(&region_admin(), &sheet, true).await;
    assert_eq!(errors(&report), BTreeSet::from([(sheet.row_of(&id) + 2, "cost_dkk".to_owned())]));
}
