//! Danish geography: the 98 municipalities and the postcodes with a point and a 2027 region.
//!
//! Both tables are embedded CSV files parsed once, lazily, on first use:
//! - `data/municipalities.csv`: kommunekode (4 digits, as in DAGI), name, ISO 3166-2 region before
//!   2027, the postcode of the main town / town hall;
//! - `data/postcodes.csv`: derived from countrystatecity-postal-codes (ODbL 1.0, see
//!   `data/POSTCODES-LICENSE.md`) by `scripts/derive_postcodes.py`;
//! - `data/postcode_municipalities.csv`: each of those postcodes with its post town's kommunekode,
//!   from GeoNames (CC BY 4.0, see `data/POSTCODE-MUNICIPALITIES-LICENSE.md`), by
//!   `scripts/derive_postcode_municipalities.py`.
//!
//! Non-geographic postcodes (PO boxes, large customers such as 8100 or 1001-1026) are not included.

use std::sync::OnceLock;

use crate::geo::GeoPoint;
use crate::taxonomy::RegionCode;

const MUNICIPALITIES_CSV: &str = include_str!("../data/municipalities.csv");
const POSTCODES_CSV: &str = include_str!("../data/postcodes.csv");
const POSTCODE_MUNICIPALITIES_CSV: &str = include_str!("../data/postcode_municipalities.csv");

/// A Danish municipality (kommune).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Municipality {
    /// Kommunekode, zero-padded to 4 digits as in DAGI: "0101" for København.
    pub code: &'static str,
    pub name: &'static str,
    /// The region from 2027 (Hovedstaden and Sjælland form Østdanmark).
    pub region: RegionCode,
    /// The ISO 3166-2 region before 2027: DK-81 to DK-85.
    pub region_iso: &'static str,
    /// The postcode of the main town or town hall.
    pub main_postcode: &'static str,
}

/// A Danish postcode with a representative point (the area's centroid, or the post town for
/// coastal areas whose centroid lies at sea).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Postcode {
    pub code: &'static str,
    /// The post town, e.g. "Aarhus C".
    pub name: &'static str,
    pub point: GeoPoint,
    /// The 2027 region of the post town's municipality.
    pub region: RegionCode,
    /// The kommunekode of the post town's municipality. A postcode area can reach into a
    /// neighbouring municipality, so some of its addresses lie in another one.
    pub municipality: &'static str,
}

impl Postcode {
    /// The post town's municipality.
    pub fn municipality(&self) -> &'static Municipality {
        municipality(self.municipality).unwrap_or_else(|| panic!("postcode {} has an unknown municipality", self.code))
    }
}

/// All 98 municipalities, sorted by code.
pub fn municipalities() -> &'static [Municipality] {
    static MUNICIPALITIES: OnceLock<Vec<Municipality>> = OnceLock::new();
    MUNICIPALITIES.get_or_init(|| {
        records(MUNICIPALITIES_CSV, "kommunekode,name,region_iso,main_postcode")
            .map(|[code, name, region_iso, main_postcode]| Municipality { code, name, region: region(region_iso), region_iso, main_postcode })
            .collect()
    })
}

/// The municipality with this kommunekode; the 3-digit form ("101") is accepted too.
pub fn municipality(code: &str) -> Option<&'static Municipality> {
    let code = code.trim();
    let all = municipalities();
    let found = match code.len() {
        4 => all.binary_search_by(|m| m.code.cmp(code)),
        3 => all.binary_search_by(|m| m.code.strip_prefix('0').unwrap_or("").cmp(code)),
        _ => return None,
    };
    found.ok().map(|i| &all[i])
}

/// The municipalities of a 2027 region, in code order.
pub fn municipalities_in(region: RegionCode) -> impl Iterator<Item = &'static Municipality> {
    municipalities().iter().filter(move |m| m.region == region)
}

/// All postcodes, sorted by code.
pub fn postcodes() -> &'static [Postcode] {
    static POSTCODES: OnceLock<Vec<Postcode>> = OnceLock::new();
    POSTCODES.get_or_init(|| {
        let mut municipalities = records(POSTCODE_MUNICIPALITIES_CSV, "postcode,kommunekode");
        records(POSTCODES_CSV, "postcode,name,lat,lon,region_iso")
            .map(|[code, name, lat, lon, region_iso]| {
                // Both files list the same postcodes in the same order (checked when derived).
                let [of, municipality] = municipalities.next().unwrap_or_else(|| panic!("no municipality for {code}"));
                assert_eq!(of, code, "postcode_municipalities.csv is out of step with postcodes.csv");
                Postcode { code, name, point: GeoPoint::new(number(lat), number(lon)), region: region(region_iso), municipality }
            })
            .collect()
    })
}

impl Postcode {
    /// The island without a fixed link it lies on ([`island`]).
    pub fn island(&self) -> Option<&'static str> {
        island(Some(self.code), Some(self.municipality))
    }
}

/// The postcode with this code, e.g. "8000".
pub fn postcode(code: &str) -> Option<&'static Postcode> {
    let code = code.trim();
    let all = postcodes();
    all.binary_search_by(|p| p.code.cmp(code)).ok().map(|i| &all[i])
}

/// Municipalities that are islands without a fixed link (bridge or tunnel) to the rest of the
/// country: Bornholm, Ærø, Fanø, Samsø, Læsø.
const FERRY_MUNICIPALITIES: [&str; 5] = ["0400", "0492", "0563", "0741", "0825"];
/// Postcodes of such islands within a municipality on the mainland (each its own island): Agersø,
/// Omø (Slagelse), Orø (Holbæk), Sejerø (Kalundborg), Askø, Fejø, Femø (Lolland), Lyø, Avernakø,
/// Bjørnø (Faaborg-Midtfyn), Strynø (Langeland), Barsø (Aabenraa), Fur (Skive), Anholt
/// (Norddjurs), Endelave (Horsens), Tunø (Odder). Rømø has a causeway: not one of them.
const FERRY_POSTCODES: [&str; 16] =
    ["4244", "4245", "4305", "4592", "4942", "4944", "4945", "5601", "5602", "5603", "5943", "6210", "7884", "8592", "8789", "8799"];

/// The island without a fixed link (bridge, tunnel or causeway) that the postcode `postcode` (or,
/// without one, the municipality `municipality_code`) lies on, named by its postcode or its
/// municipality's code; `None` on the mainland and the islands joined to it. An offer off the
/// island is a ferry crossing away, however near in a straight line.
pub fn island(postcode: Option<&str>, municipality_code: Option<&str>) -> Option<&'static str> {
    let of = |list: &[&'static str], code: Option<&str>| code.and_then(|c| list.iter().copied().find(|&k| k == c));
    of(&FERRY_POSTCODES, postcode).or_else(|| of(&FERRY_MUNICIPALITIES, municipality_code))
}

/// The postcode whose point is nearest to `point` (None only for a non-finite point).
pub fn nearest_postcode(point: GeoPoint) -> Option<&'static Postcode> {
    if !(point.lat.is_finite() && point.lon.is_finite()) {
        return None;
    }
    postcodes().iter().min_by(|a, b| point.distance_km(a.point).total_cmp(&point.distance_km(b.point)))
}

/// The data rows of an embedded CSV file without quoting, after checking its header.
/// The files are part of the build and covered by tests, so malformed data is a bug: panic.
fn records<const N: usize>(csv: &'static str, header: &str) -> impl Iterator<Item = [&'static str; N]> {
    let mut lines = csv.lines();
    assert_eq!(lines.next().map(str::trim), Some(header), "unexpected CSV header");
    lines.filter(|line| !line.trim().is_empty()).map(|line| {
        let mut fields = line.split(',').map(str::trim);
        let row = core::array::from_fn(|_| fields.next().unwrap_or_else(|| panic!("too few fields: {line}")));
        assert!(fields.next().is_none(), "too many fields: {line}");
        row
    })
}

fn region(iso: &str) -> RegionCode {
    RegionCode::from_iso(iso).unwrap_or_else(|| panic!("unknown region {iso}"))
}

fn number(s: &str) -> f64 {
    s.parse().unwrap_or_else(|_| panic!("not a number: {s}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::DENMARK;

    fn is_code(s: &str, len: usize) -> bool {
        s.len() == len && s.bytes().all(|b| b.is_ascii_digit())
    }

    #[test]
    fn counts() {
        assert_eq!(municipalities().len(), 98);
        let per_region: Vec<(RegionCode, usize)> = RegionCode::ALL.iter().map(|&r| (r, municipalities_in(r).count())).collect();
        assert_eq!(
            per_region,
            vec![(RegionCode::Nordjylland, 11), (RegionCode::Midtjylland, 19), (RegionCode::Syddanmark, 22), (RegionCode::Oestdanmark, 46),]
        );
        assert!(postcodes().len() > 1000, "{} postcodes", postcodes().len());
        for &r in RegionCode::ALL {
            assert!(postcodes().iter().any(|p| p.region == r), "no postcode in {r}");
        }
    }

    #[test]
    fn postcode_lookups() {
        let check = |code: &str, name: &str, region: RegionCode| {
            let p = postcode(code).unwrap_or_else(|| panic!("{code} missing"));
            assert_eq!((p.code, p.name, p.region), (code, name, region));
        };
        check("8000", "Aarhus C", RegionCode::Midtjylland);
        check("1050", "København K", RegionCode::Oestdanmark);
        check("9000", "Aalborg", RegionCode::Nordjylland);
        check("5000", "Odense C", RegionCode::Syddanmark);
        check("4000", "Roskilde", RegionCode::Oestdanmark);
        check("3700", "Rønne", RegionCode::Oestdanmark);
        assert_eq!(postcode(" 8000 ").map(|p| p.code), Some("8000"));
        let town = |code: &str| postcode(code).unwrap().municipality().name;
        assert_eq!([town("9000"), town("8382"), town("2000"), town("9940")], ["Aalborg", "Favrskov", "Frederiksberg", "Læsø"]);
        // Islands without a fixed link: whole municipalities, and two islands of mainland ones.
        let ferry = |code: &str| postcode(code).unwrap().island().is_some();
        assert!(["9940", "3700", "3790", "5970", "6720", "8305", "7884", "8592"].into_iter().all(ferry));
        assert!(!["7800", "8500", "5700", "9900", "6700"].into_iter().any(ferry), "Skive, Grenaa, Svendborg, Frederikshavn, Esbjerg");
        assert_eq!(FERRY_MUNICIPALITIES.map(|c| municipality(c).unwrap().name), ["Bornholm", "Ærø", "Fanø", "Samsø", "Læsø"]);
        // An island of a mainland municipality is its own; a whole municipality's is one.
        assert_eq!(island(Some("4305"), Some("0316")), Some("4305"), "Orø, Holbæk");
        assert_eq!(island(Some("4300"), Some("0316")), None, "Holbæk");
        assert_eq!(island(Some("5960"), Some("0492")), island(Some("5985"), Some("0492")), "Marstal and Søby, Ærø");
        assert_eq!(island(None, Some("0400")), Some("0400"), "Bornholm");
        assert_eq!(island(Some("6792"), postcode("6792").map(|p| p.municipality)), None, "Rømø's causeway");
        for code in FERRY_POSTCODES {
            let p = postcode(code).unwrap_or_else(|| panic!("{code} missing"));
            assert!(!FERRY_MUNICIPALITIES.contains(&p.municipality), "{code} lies in a ferry municipality");
        }
    }

    #[test]
    fn every_postcode_lies_in_a_municipality_of_its_region() {
        for p in postcodes() {
            assert_eq!(p.municipality().region, p.region, "{p:?}");
        }
        for m in municipalities() {
            assert_eq!(postcode(m.main_postcode).map(|p| p.municipality), Some(m.code), "{m:?}");
        }
    }

    #[test]
    fn municipality_lookups() {
        let aarhus = municipality("0751").unwrap();
        assert_eq!((aarhus.name, aarhus.region, aarhus.region_iso, aarhus.main_postcode), ("Aarhus", RegionCode::Midtjylland, "DK-82", "8000"));
        assert_eq!(municipality("0461").unwrap().main_postcode, "5000");
        assert_eq!(municipality("101").unwrap().name, "København");
        let roskilde = municipality("0265").unwrap();
        assert_eq!((roskilde.region, roskilde.region_iso), (RegionCode::Oestdanmark, "DK-85"));
        assert_eq!(municipality("0400").unwrap().name, "Bornholm");
        assert!(municipalities_in(RegionCode::Nordjylland).any(|m| m.name == "Aalborg"));
        assert!(municipalities_in(RegionCode::Nordjylland).all(|m| m.region_iso == "DK-81"));
    }

    #[test]
    fn unknown_codes_are_none() {
        for code in ["", "0000", "0411", "9999", "1001", "8100", "abcd", "80000", "800"] {
            assert_eq!(postcode(code), None, "postcode {code:?}");
        }
        for code in ["", "0", "0000", "0102", "0411", "102", "1010", "01010"] {
            assert_eq!(municipality(code), None, "municipality {code:?}");
        }
    }

    #[test]
    fn nearest_postcodes() {
        assert_eq!(nearest_postcode(GeoPoint::new(56.1567, 10.2108)).unwrap().code, "8000");
        assert_eq!(nearest_postcode(GeoPoint::new(55.4038, 10.3883)).unwrap().code, "5000");
        // Dragør: the source put 2791 at sea, the derivation moves it to the town.
        assert_eq!(nearest_postcode(GeoPoint::new(55.5933, 12.6722)).unwrap().code, "2791");
        assert_eq!(nearest_postcode(GeoPoint::new(f64::NAN, 10.0)), None);
        // Every postcode is its own nearest postcode (no two share a point).
        for p in postcodes() {
            assert_eq!(nearest_postcode(p.point).unwrap().code, p.code);
        }
    }

    #[test]
    fn municipality_invariants() {
        let all = municipalities();
        for pair in all.windows(2) {
            assert!(pair[0].code < pair[1].code, "not sorted or duplicate: {} {}", pair[0].code, pair[1].code);
        }
        for m in all {
            assert!(is_code(m.code, 4) && m.code.starts_with('0'), "{m:?}");
            assert!(!m.name.is_empty(), "{m:?}");
            assert_eq!(RegionCode::from_iso(m.region_iso), Some(m.region), "{m:?}");
            let main = postcode(m.main_postcode).unwrap_or_else(|| panic!("main postcode of {m:?} unknown"));
            assert_eq!(main.region, m.region, "{m:?} vs {main:?}");
        }
        let mut names: Vec<&str> = all.iter().map(|m| m.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 98, "duplicate names");
    }

    #[test]
    fn postcode_invariants() {
        let all = postcodes();
        for pair in all.windows(2) {
            assert!(pair[0].code < pair[1].code, "not sorted or duplicate: {} {}", pair[0].code, pair[1].code);
        }
        for p in all {
            assert!(is_code(p.code, 4), "{p:?}");
            assert!(!p.name.is_empty(), "{p:?}");
            assert!(DENMARK.contains(p.point), "outside Denmark: {p:?}");
        }
    }
}
