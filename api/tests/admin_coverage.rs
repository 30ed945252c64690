//! Coverage over real HTTP: find a gap, publish an offer there, see the gap close; drill down to
//! postcodes; CSV export; who may ask.

mod support;

use forebyg_api::auth::dev;
use forebyg_shared::auth::Role;
use forebyg_shared::coverage::CoverageReport;
use forebyg_shared::geography;
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::{OfferStatus, RegionCode};
use serde_json::json;
use support::server::Server;

fn bearer(role: Role, region: Option<RegionCode>, provider: Option<&str>) -> String {
    format!("Bearer {}", dev::sign(&dev::claims(role, region, provider, 600)))
}

#[test]
fn a_gap_closes_when_an_offer_is_published_there() {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    // Sparse demo data: plenty of gaps.
    let server = Server::start_with(data.path(), dist.path(), 200, &[("FOREBYG_AUTH", "dev")]);
    let admin = bearer(Role::RegionAdmin, Some(RegionCode::Midtjylland), None);
    let get = |path: &str| server.request("GET", path, &[("authorization", admin.as_str())], None);

    let before: CoverageReport = get("/api/v1/admin/coverage?max_km=10").json();
    assert_eq!((before.region, before.categories.len()), (RegionCode::Midtjylland, 6));
    assert_eq!(before.rows.len(), geography::municipalities_in(RegionCode::Midtjylland).count());
    assert!(before.gaps > 0);
    let (row, cell) = before.rows.iter().flat_map(|r| r.cells.iter().map(move |c| (r, c))).find(|(_, c)| c.is_gap()).unwrap();
    println!("gap: {} in {} ({} gaps of {} cells)", cell.category.code(), row.name, before.gaps, before.rows.len() * 6);

    // The drill-down to that municipality's postcodes agrees with its row: the same postcodes
    // lack the intervention, and the farthest of them gives the row's distance.
    let drill: CoverageReport = get(&format!("/api/v1/admin/coverage?max_km=10&municipality={}", row.code)).json();
    let column = before.categories.iter().position(|&c| c == cell.category).unwrap();
    let uncovered: Vec<_> = drill.rows.iter().filter(|r| r.cells[column].is_gap()).collect();
    assert_eq!((drill.rows.len() as u32, uncovered.len() as u32), (row.postcodes, cell.postcodes_without));
    assert!(drill.rows.iter().all(|r| geography::postcode(&r.code).unwrap().municipality == row.code && r.postcodes == 1));
    let farthest = drill.rows.iter().filter_map(|r| r.cells[column].nearest_km).fold(None, |m: Option<f64>, d| Some(m.map_or(d, |m| m.max(d))));
    assert_eq!(cell.nearest_km, farthest);

    // Publish an offer of that intervention at each postcode without one.
    let m = geography::municipality(&row.code).unwrap();
    let providers: Vec<serde_json::Value> = get("/api/v1/admin/providers").json();
    for place in &uncovered {
        let mut o: Offer = serde_json::from_str(include_str!("../../shared/tests/offer_fixture.json")).unwrap();
        (o.category, o.region, o.status) = (cell.category, RegionCode::Midtjylland, OfferStatus::Published);
        // Run by one of the region's provider records (a typed place: no location record).
        o.provider.id = providers[0]["id"].as_str().unwrap().to_owned();
        let l = o.location.as_mut().unwrap();
        (l.postcode, l.city, l.municipality_code, l.point) = (place.code.clone(), place.name.clone(), m.code.into(), place.point);
        let created =
            server.request("POST", "/api/v1/admin/offers", &[("authorization", admin.as_str())], Some(("application/json", &json!(o).to_string())));
        assert_eq!(created.status, 201, "{}", created.body);
    }

    let after: CoverageReport = get("/api/v1/admin/coverage?max_km=10").json();
    let closed = after.rows.iter().find(|r| r.code == row.code).unwrap().cells.iter().find(|c| c.category == cell.category).unwrap();
    assert!(!closed.is_gap() && closed.postcodes_without == 0 && closed.nearest_km.unwrap() <= 10.0, "{closed:?}");
    assert_eq!(after.gaps, before.gaps - 1);

    // Drill down to Aarhus's postcodes; CSV of the municipality matrix.
    let drill: CoverageReport = get("/api/v1/admin/coverage?municipality=0751").json();
    assert!(drill.rows.iter().any(|r| r.code == "8000") && drill.rows.iter().all(|r| r.code.len() == 4));
    let csv = get("/api/v1/admin/coverage.csv?max_km=10");
    assert_eq!((csv.status, csv.content_type.as_str()), (200, "text/csv; charset=utf-8"));
    assert_eq!(csv.body.lines().count(), 1 + after.rows.len());
    // Municipalities by name in Danish order, as on the screen: Aarhus (as Århus) last.
    let names: Vec<&str> = after.rows.iter().map(|r| r.name.as_str()).collect();
    assert!(names.windows(2).all(|w| forebyg_shared::collate::danish_key(w[0]) <= forebyg_shared::collate::danish_key(w[1])), "{names:?}");
    assert!(csv.body.trim_end().lines().last().unwrap().starts_with("0751;Aarhus;"), "{}", csv.body);
    // As every export: a BOM (Excel shows æ, ø, å), CRLF line ends.
    assert!(
        csv.body.starts_with("\u{feff}kommunekode;kommune;postnumre;")
            && csv.body.ends_with("\r\n")
            && csv.body.matches("\r\n").count() == 1 + after.rows.len(),
        "{}",
        csv.body
    );
    assert_eq!(get("/api/v1/admin/coverage?max_km=500").status, 422);
    assert_eq!(get("/api/v1/admin/coverage?municipality=0101").status, 422, "København is not in Midtjylland");

    // National admins choose a region; provider editors do not plan coverage.
    let national = bearer(Role::NationalAdmin, None, None);
    let as_national = |path: &str| server.request("GET", path, &[("authorization", national.as_str())], None).status;
    assert_eq!((as_national("/api/v1/admin/coverage"), as_national("/api/v1/admin/coverage?region=syddanmark")), (422, 200));
    let editor = bearer(Role::ProviderEditor, Some(RegionCode::Midtjylland), Some("p"));
    assert_eq!(server.request("GET", "/api/v1/admin/coverage", &[("authorization", editor.as_str())], None).status, 403);
}

/// Orø (4305, Holbæk) has no fixed link: an offer in Holbæk, 5 km across the water, leaves it a
/// gap whose nearest offer is across the water, until one is published on Orø itself.
#[test]
fn an_island_counts_only_offers_on_the_island() {
    let (data, dist) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let server = Server::start_with(data.path(), dist.path(), 200, &[("FOREBYG_AUTH", "dev")]);
    let admin = bearer(Role::RegionAdmin, Some(RegionCode::Oestdanmark), None);
    let get = |path: &str| server.request("GET", path, &[("authorization", admin.as_str())], None);
    let holbaek = || -> CoverageReport { get("/api/v1/admin/coverage?max_km=15&municipality=0316").json() };
    let cell = |r: &CoverageReport, code: &str, column: usize| r.rows.iter().find(|r| r.code == code).unwrap().cells[column].clone();
    let before = holbaek();
    // A column Orø lacks (with sparse demo data, most).
    let column = (0..6).find(|&i| cell(&before, "4305", i).is_gap()).expect("Orø lacks an intervention");
    let category = before.categories[column];
    let providers: Vec<serde_json::Value> = get("/api/v1/admin/providers").json();
    let publish = |code: &str| {
        let pc = geography::postcode(code).unwrap();
        let mut o: Offer = serde_json::from_str(include_str!("../../shared/tests/offer_fixture.json")).unwrap();
        (o.category, o.region, o.status) = (category, RegionCode::Oestdanmark, OfferStatus::Published);
        o.provider.id = providers[0]["id"].as_str().unwrap().to_owned();
        let l = o.location.as_mut().unwrap();
        (l.postcode, l.city, l.municipality_code, l.point) = (pc.code.into(), pc.name.into(), "0316".into(), pc.point);
        let created =
            server.request("POST", "/api/v1/admin/offers", &[("authorization", admin.as_str())], Some(("application/json", &json!(o).to_string())));
        assert_eq!(created.status, 201, "{}", created.body);
        created.json::<Offer>().id
    };

    publish("4300");
    let after = holbaek();
    let (oroe, town) = (cell(&after, "4305", column), cell(&after, "4300", column));
    assert!(town.within >= 1 && town.postcodes_across_water == 0, "{town:?}");
    assert_eq!((oroe.within, oroe.postcodes_without, oroe.postcodes_across_water), (0, 1, 1), "{oroe:?}");
    // The nearest is shown as it is, across the water: Holbæk's offer or one nearer still.
    let crossing = geography::postcode("4305").unwrap().point.distance_km(geography::postcode("4300").unwrap().point);
    assert!(crossing < 15.0 && oroe.nearest_across_water_km.unwrap() <= (crossing * 10.0).ceil() / 10.0, "{crossing} km: {oroe:?}");
    assert_eq!((oroe.nearest_km, oroe.nearest_offer_id), (None, None), "nothing on Orø's side of the water");
    // The municipality's row counts Orø among its postcodes without, and says it is an island.
    let overview: CoverageReport = get("/api/v1/admin/coverage?max_km=15").json();
    let row = cell(&overview, "0316", column);
    assert!(row.is_gap() && row.postcodes_across_water == 1, "{row:?}");
    let csv = get("/api/v1/admin/coverage.csv?max_km=15&municipality=0316");
    // Its rows are postcodes: Orø's says it is an island gap under the column's head.
    let heads: Vec<&str> = csv.body.lines().next().unwrap().trim_start_matches('\u{feff}').split(';').collect();
    assert_eq!(heads[..2], ["postnummer", "by"], "{}", csv.body);
    let island_head = forebyg_shared::coverage::Rows::Postcodes.column_heads(category.label(forebyg_shared::Lang::Da), 15.0)[3].clone();
    let at = heads.iter().position(|h| *h == island_head).unwrap_or_else(|| panic!("{island_head} in {heads:?}"));
    let oroe_row: Vec<&str> = csv.body.lines().find(|l| l.starts_with("4305;Orø;")).unwrap().split(';').collect();
    assert_eq!(oroe_row[at], "1", "{}", csv.body);

    let on_island = publish("4305");
    let (oroe, town) = (cell(&holbaek(), "4305", column), cell(&holbaek(), "4300", column));
    assert_eq!((oroe.within, oroe.postcodes_across_water, oroe.nearest_offer_id.as_deref()), (1, 0, Some(on_island.as_str())));
    assert_ne!(town.nearest_offer_id.as_deref(), Some(on_island.as_str()), "Holbæk's nearest is on its own side");
}
