//! Cross-checks `forebyg_shared::geography` against independent reference data.
//!
//! The reference files sit beside the repository checkout in `shared/reference/` (read at test time;
//! only GeoNames' municipality of each postcode is copied, into `data/postcode_municipalities.csv`):
//! - `dk_municipalities_regions.csv`: `kommunekode,kommune,region_iso,region,geonames_region_label`;
//! - `dk_postcodes_geonames.csv`: the GeoNames postcode dump for DK (CC BY 4.0). Its region labels are
//!   mixed (GeoNames admin1 codes 17-21 next to ISO codes 81-84), so the region of a postcode is taken
//!   from its municipality: the column `province_code` holds the 3-digit kommunekode (101 =
//!   København), which `geonames_columns_are_what_we_think` checks.
//!
//! Run with `cargo test -p forebyg-shared --test geography_reference -- --nocapture` to see the statistics.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use forebyg_shared::geo::GeoPoint;
use forebyg_shared::geography::{municipalities, municipality, postcode, postcodes};
use forebyg_shared::taxonomy::RegionCode;

const REFERENCE_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/reference/");

/// Reference municipalities that are not among the 98 municipalities, with the reason.
const NOT_MUNICIPALITIES: &[(&str, &str)] = &[("0411", "Christiansø: no municipality and no region; administered by the Ministry of Defence")];

/// Main postcodes that GeoNames assigns to a neighbouring municipality: (kommunekode, postcode, reason).
/// None as of countrystatecity-postal-codes 2.0.1 and the current GeoNames dump.
const MAIN_POSTCODE_EXCEPTIONS: &[(&str, &str, &str)] = &[];

/// Postcodes whose area spans a region border, where the two sources may legitimately choose different
/// regions: (postcode, reason). None: the 12 upstream errors found here were corrected in
/// `scripts/derive_postcodes.py` (REGION_OVERRIDES) to the region of the post town's municipality.
const REGION_BORDER_EXCEPTIONS: &[(&str, &str)] = &[];

/// The largest distance allowed between our point and GeoNames' point for a postcode.
/// Ours is the centroid of the postcode area (or the post town where that centroid lies at sea), GeoNames'
/// is at or near the post town; for large rural postcodes these differ by up to ~10 km (the median is
/// about 0.4 km). Anything beyond 10 km is a wrong point, such as the offshore centroids of the source.
const TOLERANCE_KM: f64 = 10.0;

/// Minimum share of GeoNames' geographic postcodes (see `coverage`) that we must have.
const MIN_COVERAGE: f64 = 0.95;

type Row = HashMap<String, String>;

fn read_reference(file: &str, columns: &[&str]) -> Vec<Row> {
    let path = format!("{REFERENCE_DIR}{file}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read reference file {path}: {e}"));
    let mut lines = text.lines();
    let header: Vec<String> = lines.next().expect("empty file").split(',').map(|h| h.trim().to_owned()).collect();
    for c in columns {
        assert!(header.iter().any(|h| h == c), "{file}: no column {c:?} in {header:?}");
    }
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            assert_eq!(fields.len(), header.len(), "{file}: unquoted CSV expected, got {line:?}");
            header.iter().cloned().zip(fields.iter().map(|f| f.trim().to_owned())).collect()
        })
        .collect()
}

/// Reference municipalities by 4-digit kommunekode.
fn reference_municipalities() -> BTreeMap<String, Row> {
    read_reference("dk_municipalities_regions.csv", &["kommunekode", "kommune", "region_iso"])
        .into_iter()
        .map(|r| (format!("{:0>4}", r["kommunekode"]), r))
        .collect()
}

/// GeoNames postcodes by code.
fn geonames() -> BTreeMap<String, Row> {
    let rows = read_reference("dk_postcodes_geonames.csv", &["zipcode", "place", "province_code", "latitude", "longitude"]);
    let n = rows.len();
    let map: BTreeMap<String, Row> = rows.into_iter().map(|r| (r["zipcode"].clone(), r)).collect();
    assert_eq!(map.len(), n, "duplicate postcodes in the GeoNames file");
    map
}

fn geonames_kommunekode(row: &Row) -> String {
    format!("{:0>4}", row["province_code"])
}

fn geonames_point(row: &Row) -> GeoPoint {
    let num = |k: &str| row[k].parse::<f64>().unwrap_or_else(|_| panic!("bad {k} in {row:?}"));
    GeoPoint::new(num("latitude"), num("longitude"))
}

fn region_of(iso: &str) -> RegionCode {
    RegionCode::from_iso(iso).unwrap_or_else(|| panic!("unknown region {iso:?}"))
}

fn fail_if_any(what: &str, problems: &[String]) {
    assert!(problems.is_empty(), "{} {what}:\n  {}", problems.len(), problems.join("\n  "));
}

#[test]
fn geonames_columns_are_what_we_think() {
    let munis = reference_municipalities();
    let mut problems = Vec::new();
    for (code, row) in geonames() {
        let k = geonames_kommunekode(&row);
        if !munis.contains_key(&k) {
            problems.push(format!("{code} {}: province_code {k} is no kommunekode", row["place"]));
        }
    }
    fail_if_any("GeoNames rows without a known municipality", &problems);
    let copenhagen = &geonames()["1050"];
    assert_eq!(geonames_kommunekode(copenhagen), "0101", "{copenhagen:?}");
}

#[test]
fn municipalities_match_reference() {
    let mut reference = reference_municipalities();
    for (code, why) in NOT_MUNICIPALITIES {
        assert!(reference.remove(*code).is_some(), "stale exclusion {code} ({why})");
    }
    assert_eq!(reference.len(), 98, "reference municipalities");
    let ours: BTreeSet<(String, String, String)> =
        municipalities().iter().map(|m| (m.code.to_owned(), m.name.to_owned(), m.region_iso.to_owned())).collect();
    let theirs: BTreeSet<(String, String, String)> =
        reference.values().map(|r| (format!("{:0>4}", r["kommunekode"]), r["kommune"].clone(), r["region_iso"].clone())).collect();
    let mut problems: Vec<String> = ours.difference(&theirs).map(|m| format!("only ours:      {m:?}")).collect();
    problems.extend(theirs.difference(&ours).map(|m| format!("only reference: {m:?}")));
    fail_if_any("municipality differences", &problems);
    for m in municipalities() {
        assert_eq!(m.region, region_of(&reference[m.code]["region_iso"]), "{m:?}");
        assert_eq!(municipality(m.code), Some(m));
    }
}

#[test]
fn main_postcodes_lie_in_their_municipality() {
    let geo = geonames();
    let munis = reference_municipalities();
    let mut problems = Vec::new();
    let mut used_exceptions = BTreeSet::new();
    for m in municipalities() {
        let Some(row) = geo.get(m.main_postcode) else {
            problems.push(format!("{} {}: main postcode {} not in GeoNames", m.code, m.name, m.main_postcode));
            continue;
        };
        let k = geonames_kommunekode(row);
        if k == m.code {
            continue;
        }
        if let Some(e) = MAIN_POSTCODE_EXCEPTIONS.iter().find(|e| e.0 == m.code && e.1 == m.main_postcode) {
            used_exceptions.insert(e.0);
            continue;
        }
        let other = munis.get(&k).map_or("?", |r| r["kommune"].as_str());
        problems.push(format!("{} {}: GeoNames puts {} {} in {k} {other}", m.code, m.name, m.main_postcode, row["place"]));
    }
    problems.extend(MAIN_POSTCODE_EXCEPTIONS.iter().filter(|e| !used_exceptions.contains(e.0)).map(|e| format!("stale exception {e:?}")));
    fail_if_any("main postcodes outside their municipality", &problems);
}

#[test]
fn postcode_points_agree() {
    let geo = geonames();
    let mut deviations: Vec<(f64, &str, &str)> =
        postcodes().iter().filter_map(|p| geo.get(p.code).map(|row| (p.point.distance_km(geonames_point(row)), p.code, p.name))).collect();
    deviations.sort_by(|a, b| b.0.total_cmp(&a.0));
    let n = deviations.len();
    let median = deviations[n / 2].0;
    let over = |km: f64| deviations.iter().filter(|d| d.0 > km).count();
    println!(
        "points of {n} shared postcodes: max {:.2} km ({} {}), median {median:.2} km, {} over 2 km, {} over 5 km",
        deviations[0].0,
        deviations[0].1,
        deviations[0].2,
        over(2.0),
        over(5.0)
    );
    println!("largest: {:?}", &deviations[..5.min(n)]);
    let problems: Vec<String> =
        deviations.iter().filter(|d| d.0 > TOLERANCE_KM).map(|(km, code, name)| format!("{code} {name}: {km:.1} km from GeoNames' point")).collect();
    fail_if_any(&format!("postcodes more than {TOLERANCE_KM} km off"), &problems);
    assert!(median < 1.0, "median deviation {median:.2} km: systematic error?");
}

#[test]
fn postcode_regions_agree() {
    let geo = geonames();
    let munis = reference_municipalities();
    let mut problems = Vec::new();
    let mut used_exceptions = BTreeSet::new();
    for p in postcodes() {
        let Some(row) = geo.get(p.code) else { continue };
        let muni = &munis[&geonames_kommunekode(row)];
        let theirs = region_of(&muni["region_iso"]);
        if theirs == p.region {
            continue;
        }
        if let Some(e) = REGION_BORDER_EXCEPTIONS.iter().find(|e| e.0 == p.code) {
            used_exceptions.insert(e.0);
            continue;
        }
        problems.push(format!("{} {}: ours {}, GeoNames {} ({} {})", p.code, p.name, p.region, theirs, muni["kommunekode"], muni["kommune"]));
    }
    problems.extend(REGION_BORDER_EXCEPTIONS.iter().filter(|e| !used_exceptions.contains(e.0)).map(|e| format!("stale exception {e:?}")));
    fail_if_any("postcodes in a different 2027 region", &problems);
}

/// `data/postcode_municipalities.csv` is GeoNames' municipality of each postcode, unchanged: a
/// regenerated GeoNames dump that moves a postcode shows here.
#[test]
fn postcode_municipalities_are_geonames() {
    let geo = geonames();
    let problems: Vec<String> = postcodes()
        .iter()
        .filter_map(|p| {
            let theirs = geo.get(p.code).map(geonames_kommunekode);
            (theirs.as_deref() != Some(p.municipality)).then(|| format!("{} {}: ours {}, GeoNames {theirs:?}", p.code, p.name, p.municipality))
        })
        .collect();
    fail_if_any("postcodes in another municipality than GeoNames says", &problems);
}

/// GeoNames also lists non-geographic postcodes, which ours (postcode areas) do not have:
/// - codes below 1000 (0800, 0900, 0917, 0960 "Udland", 0999): special-purpose codes;
/// - codes GeoNames places at a point it shares with more than two postcodes, i.e. without a location
///   of their own: the PO-box and large-customer codes of central Copenhagen (1001-1026, 1500-1510, ...),
///   all at one point.
///
/// The rest are "geographic"; we must cover at least MIN_COVERAGE of them. The few remaining misses are
/// PO-box codes of other towns (8100 Aarhus C, 5100 Odense C, 9100 Aalborg...), listed in the output.
#[test]
fn coverage() {
    let geo = geonames();
    let mut at_point: HashMap<(String, String), usize> = HashMap::new();
    for row in geo.values() {
        *at_point.entry((row["latitude"].clone(), row["longitude"].clone())).or_default() += 1;
    }
    let geographic: Vec<(&String, &Row)> =
        geo.iter().filter(|(code, row)| code.as_str() >= "1000" && at_point[&(row["latitude"].clone(), row["longitude"].clone())] <= 2).collect();
    let missing: Vec<String> = geographic.iter().filter(|(code, _)| postcode(code).is_none()).map(|(c, r)| format!("{c} {}", r["place"])).collect();
    let covered = geographic.len() - missing.len();
    let share = covered as f64 / geographic.len() as f64;
    let raw = geo.keys().filter(|c| postcode(c).is_some()).count();
    let ours_known = postcodes().iter().filter(|p| geo.contains_key(p.code)).count();
    println!(
        "coverage: {covered}/{} geographic GeoNames postcodes ({:.1}%), {raw}/{} of all ({:.1}%); {ours_known}/{} of ours are in GeoNames",
        geographic.len(),
        100.0 * share,
        geo.len(),
        100.0 * raw as f64 / geo.len() as f64,
        postcodes().len()
    );
    println!("missing geographic: {missing:?}");
    assert!(share >= MIN_COVERAGE, "coverage {:.1}% < {:.0}%; missing: {missing:?}", 100.0 * share, 100.0 * MIN_COVERAGE);
    assert!(raw as f64 >= 0.9 * geo.len() as f64, "only {raw} of {} GeoNames postcodes", geo.len());
    let unknown: Vec<&str> = postcodes().iter().filter(|p| !geo.contains_key(p.code)).map(|p| p.code).collect();
    assert!(unknown.len() * 100 <= postcodes().len(), "postcodes GeoNames does not know: {unknown:?}");
}
