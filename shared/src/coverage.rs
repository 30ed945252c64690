//! Coverage: where the six required interventions are missing. For each municipality of a
//! region (and each of its postcodes on drill-down), the distance to the nearest published
//! on-site or hybrid offer of each intervention, and whether it is within the chosen distance.
//! A municipality is measured from every one of its postcodes, so the overview and its drill-down
//! agree: it is covered only where all of them are.
//! Digital offers are counted separately: they reach everyone but do not replace closeness.

use crate::geo::GeoPoint;
use crate::geography::{Municipality, Postcode};
use crate::offer::Offer;
use crate::taxonomy::{Category, RegionCode};
use serde::{Deserialize, Serialize};

pub const DEFAULT_MAX_KM: f64 = 15.0;

/// One cell: an intervention at a place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoverageCell {
    pub category: Category,
    /// Kilometres to the nearest published offer with a place (`None`: there is none); for a
    /// municipality, from the postcode farthest from its nearest offer.
    pub nearest_km: Option<f64>,
    pub nearest_offer_id: Option<String>,
    /// How many offers are within the chosen distance; for a municipality, of the postcode with
    /// the fewest.
    pub within: u32,
    /// How many of the place's postcodes have no offer within the chosen distance.
    pub postcodes_without: u32,
}

impl CoverageCell {
    /// No offer within the chosen distance.
    pub fn is_gap(&self) -> bool {
        self.within == 0
    }
}

/// One row: a municipality (or a postcode on drill-down) and its six cells.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoverageRow {
    /// Kommunekode, or postcode on drill-down.
    pub code: String,
    pub name: String,
    /// The place's point: the main town's (or the postcode's) centre.
    pub point: GeoPoint,
    /// How many postcodes distances are measured from (1 for a postcode).
    pub postcodes: u32,
    pub cells: Vec<CoverageCell>,
}

/// A place coverage is reported for: a municipality, measured from each of its postcodes, or a
/// postcode, measured from its own point.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub code: String,
    pub name: String,
    pub point: GeoPoint,
    /// The points distances are measured from.
    pub from: Vec<GeoPoint>,
    /// The municipality its residents belong to (offers only for a municipality's own residents
    /// serve no one else: [`open_to`]).
    pub municipality: String,
}

impl Place {
    /// A municipality, measured from the postcodes whose post town is in it (every municipality
    /// has one; the main town's point if the table ever lacked it).
    pub fn of_municipality(m: &Municipality) -> Option<Self> {
        let point = crate::geography::postcode(m.main_postcode)?.point;
        let mut from: Vec<GeoPoint> = crate::geography::postcodes().iter().filter(|pc| pc.municipality == m.code).map(|pc| pc.point).collect();
        if from.is_empty() {
            from.push(point);
        }
        Some(Self { code: m.code.to_owned(), name: m.name.to_owned(), point, from, municipality: m.code.to_owned() })
    }

    /// A postcode, measured from its own point.
    pub fn of_postcode(pc: &Postcode) -> Self {
        Self { code: pc.code.to_owned(), name: pc.name.to_owned(), point: pc.point, from: vec![pc.point], municipality: pc.municipality.to_owned() }
    }
}

/// One column's offers (an intervention's, a package component's) that have a place, sorted by
/// latitude: a distance query reads only the band of latitudes it can reach. A region's report
/// measures from hundreds of postcodes (docs/benchmarks.md).
pub struct Column<'a> {
    by_lat: Vec<(GeoPoint, &'a Offer)>,
}

impl<'a> Column<'a> {
    pub fn new(offers: impl IntoIterator<Item = &'a Offer>) -> Self {
        let mut by_lat: Vec<_> = offers.into_iter().filter_map(|o| o.point().map(|p| (p, o))).collect();
        by_lat.sort_by(|a, b| a.0.lat.total_cmp(&b.0.lat));
        Self { by_lat }
    }

    /// The offers whose latitude lies in `lo..=hi`.
    fn band(&self, lo: f64, hi: f64) -> &[(GeoPoint, &'a Offer)] {
        &self.by_lat[self.by_lat.partition_point(|(p, _)| p.lat < lo)..self.by_lat.partition_point(|(p, _)| p.lat <= hi)]
    }
}

/// How one column's offers serve a place, measured from each of its points: the farthest any
/// point is from its nearest offer (km and id), the fewest offers any point has within the
/// distance, and how many points have none.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub nearest: Option<(f64, String)>,
    pub within: u32,
    pub without: u32,
}

/// Measures `place` against one column's offers.
pub fn measure(place: &Place, max_km: f64, column: &Column) -> Measure {
    let mut m = Measure { nearest: None, within: u32::MAX, without: 0 };
    for &from in &place.from {
        let (best, within) = nearest(from, &place.municipality, max_km, column);
        m.within = m.within.min(within);
        m.without += u32::from(within == 0);
        // Every point sees the same offers, so either all have a nearest one or none has.
        if let Some(best) = best {
            if m.nearest.as_ref().is_none_or(|(km, _)| best.0 > *km) {
                m.nearest = Some(best);
            }
        }
    }
    if place.from.is_empty() {
        m.within = 0;
    }
    m
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DigitalCount {
    pub category: Category,
    pub offers: u32,
}

/// `GET /api/v1/admin/coverage` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoverageReport {
    pub region: RegionCode,
    pub max_km: f64,
    /// The columns: the six required interventions.
    pub categories: Vec<Category>,
    /// Municipalities by name in Danish order; on drill-down, postcodes in code order.
    pub rows: Vec<CoverageRow>,
    /// Published digital-only offers of the region per intervention.
    pub digital: Vec<DigitalCount>,
    /// Cells without an offer within `max_km`.
    pub gaps: u32,
}

/// Builds the report for `places` from the region's offers.
pub fn report(region: RegionCode, max_km: f64, places: &[Place], offers: &[Offer]) -> CoverageReport {
    let categories = Category::REQUIRED.to_vec();
    let published: Vec<&Offer> = offers.iter().filter(|o| o.is_published() && o.region == region).collect();
    let columns: Vec<Column> = categories.iter().map(|&c| Column::new(published.iter().copied().filter(|o| o.category == c))).collect();
    let rows: Vec<CoverageRow> = places
        .iter()
        .map(|place| CoverageRow {
            code: place.code.clone(),
            name: place.name.clone(),
            point: place.point,
            postcodes: place.from.len() as u32,
            cells: categories.iter().zip(&columns).map(|(&category, column)| cell(category, measure(place, max_km, column))).collect(),
        })
        .collect();
    let digital = categories
        .iter()
        .map(|&category| DigitalCount {
            category,
            offers: published.iter().filter(|o| o.category == category && o.location.is_none()).count() as u32,
        })
        .collect();
    let gaps = rows.iter().flat_map(|r| &r.cells).filter(|c| c.is_gap()).count() as u32;
    CoverageReport { region, max_km, categories, rows, digital, gaps }
}

fn cell(category: Category, m: Measure) -> CoverageCell {
    CoverageCell {
        category,
        nearest_km: m.nearest.as_ref().map(|n| n.0),
        nearest_offer_id: m.nearest.map(|n| n.1),
        within: m.within,
        postcodes_without: m.without,
    }
}

/// The nearest of the column's offers (km, rounded *up* to 100 m, id; ties by id) and how many
/// lie within `max_km` of `from`, counting only offers residents of `municipality` may join
/// ([`open_to`]). Rounding up keeps the shown distance and the rule in step: an offer 15.04 km
/// away is outside 15 km and shows as 15.1 km, never as "15.0 km" beside a gap.
pub fn nearest(from: GeoPoint, municipality: &str, max_km: f64, column: &Column) -> (Option<(f64, String)>, u32) {
    fn closer<'o>(best: &mut Option<(f64, &'o str)>, d: f64, o: &'o Offer) {
        if best.is_none_or(|(b, id)| d < b || (d == b && o.id.as_str() < id)) {
            *best = Some((d, &o.id));
        }
    }
    let mut best: Option<(f64, &str)> = None;
    let mut within = 0;
    // Everything within `max_km` lies in its bounding box (a hair wider against rounding).
    let near = from.bounding_box(max_km * (1.0 + 1e-9) + 1e-9);
    for (p, o) in column.band(near.min.lat, near.max.lat) {
        if (near.min.lon..=near.max.lon).contains(&p.lon) && open_to(o, municipality) {
            let d = from.distance_km(*p);
            within += u32::from(d <= max_km);
            closer(&mut best, d, o);
        }
    }
    if within == 0 {
        // None within the distance: the nearest may lie anywhere, but never in a band of
        // latitudes farther than the nearest found so far.
        best = None;
        for (p, o) in &column.by_lat {
            let floor = (p.lat - from.lat).abs().to_radians() * crate::geo::EARTH_RADIUS_KM;
            if best.is_none_or(|(b, _)| floor <= b) && open_to(o, municipality) {
                closer(&mut best, from.distance_km(*p), o);
            }
        }
    }
    (best.map(|(d, id)| ((d * 10.0).ceil() / 10.0, id.to_owned())), within)
}

/// Whether residents of `municipality` may join `offer`: not when it takes only its own
/// municipality's residents and that is another (a place nearby does not close their gap).
pub fn open_to(offer: &Offer, municipality: &str) -> bool {
    offer.eligibility.residence != Some(crate::eligibility::Residence::Municipality)
        || offer.location.as_ref().is_none_or(|l| l.municipality_code == municipality)
}

/// A distance as Danish spreadsheets show it (decimal comma); empty when there is none.
pub fn csv_km(km: Option<f64>) -> String {
    km.map(|d| format!("{d:.1}").replace('.', ",")).unwrap_or_default()
}

/// A column's heads in a CSV export, named as on the screen: distance, count within it, postcodes
/// without one.
pub fn column_heads(name: &str, max_km: f64) -> [String; 3] {
    [format!("{name} (km)"), format!("{name}: tilbud inden for {max_km} km"), format!("{name}: postnumre uden tilbud")]
}

/// The report as CSV ([`crate::spreadsheet`]: BOM, `;`, CRLF; decimal comma): per place its
/// postcode count, and per intervention the distance, the count within it and the postcodes
/// without one.
pub fn to_csv(r: &CoverageReport) -> String {
    let mut sheet = crate::spreadsheet::Sheet::new();
    let mut header = vec!["kode".to_owned(), "navn".to_owned(), "postnumre".to_owned()];
    for c in &r.categories {
        header.extend(column_heads(c.label(crate::Lang::Da), r.max_km));
    }
    sheet.row(header);
    for row in &r.rows {
        let mut cells = vec![row.code.clone(), row.name.clone(), row.postcodes.to_string()];
        for cell in &row.cells {
            cells.extend([csv_km(cell.nearest_km), cell.within.to_string(), cell.postcodes_without.to_string()]);
        }
        sheet.row(cells);
    }
    sheet.finish()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::taxonomy::OfferStatus;

    fn offer(id: &str, category: Category, at: Option<GeoPoint>) -> Offer {
        let mut o: Offer = serde_json::from_str(include_str!("../tests/offer_fixture.json")).unwrap();
        (o.id, o.category, o.region, o.status) = (id.into(), category, RegionCode::Midtjylland, OfferStatus::Published);
        match at {
            Some(p) => o.location.as_mut().unwrap().point = p,
            None => o.location = None,
        }
        o
    }

    /// A place measured from its own point only.
    pub(crate) fn at(code: &str, name: &str, point: GeoPoint) -> Place {
        Place { code: code.into(), name: name.into(), point, from: vec![point], municipality: code.into() }
    }

    fn alkohol(r: &CoverageReport, row: usize) -> &CoverageCell {
        r.rows[row].cells.iter().find(|c| c.category == Category::Alkohol).unwrap()
    }

    #[test]
    fn municipality_only_offers_cover_only_their_municipality() {
        let horsens = GeoPoint::new(55.861, 9.850);
        let mut local = offer("skanderborg-only", Category::Alkohol, Some(GeoPoint::new(55.95, 9.93)));
        local.location.as_mut().unwrap().municipality_code = "0746".into();
        local.eligibility.residence = Some(crate::eligibility::Residence::Municipality);
        let places = vec![at("0615", "Horsens", horsens), at("0746", "Skanderborg", horsens)];
        let r = report(RegionCode::Midtjylland, 25.0, &places, std::slice::from_ref(&local));
        assert_eq!((alkohol(&r, 0).within, alkohol(&r, 1).within), (0, 1));
        // Postcode rows belong to their post town's municipality.
        let postcode = |municipality: &str| Place { municipality: municipality.into(), ..at("8700", "Horsens", horsens) };
        assert_eq!(alkohol(&report(RegionCode::Midtjylland, 25.0, &[postcode("0615")], std::slice::from_ref(&local)), 0).within, 0);
        assert_eq!(alkohol(&report(RegionCode::Midtjylland, 25.0, &[postcode("0746")], std::slice::from_ref(&local)), 0).within, 1);
        local.eligibility.residence = None;
        assert_eq!(alkohol(&report(RegionCode::Midtjylland, 25.0, &places, &[local]), 0).within, 1);
    }

    /// The walk that found this: Ringkøbing-Skjern was green at 15 km in the overview (measured
    /// from its main town) while its drill-down listed postcodes without an offer.
    #[test]
    fn a_municipality_is_covered_only_where_all_its_postcodes_are() {
        let m = crate::geography::municipality("0760").unwrap();
        let place = Place::of_municipality(m).unwrap();
        let postcodes: Vec<Place> = crate::geography::postcodes().iter().filter(|pc| pc.municipality == m.code).map(Place::of_postcode).collect();
        assert!(postcodes.len() > 5 && place.from.len() == postcodes.len(), "{}", postcodes.len());
        // One offer in the main town.
        let town = offer("town", Category::Alkohol, Some(place.point));
        let whole = report(RegionCode::Midtjylland, 15.0, std::slice::from_ref(&place), std::slice::from_ref(&town));
        let drill = report(RegionCode::Midtjylland, 15.0, &postcodes, std::slice::from_ref(&town));
        let drill_gaps = (0..drill.rows.len()).filter(|&i| alkohol(&drill, i).is_gap()).count() as u32;
        assert!(drill_gaps > 0 && drill_gaps < postcodes.len() as u32, "some postcodes are beyond 15 km of the main town, some not");
        let cell = alkohol(&whole, 0);
        assert!(cell.is_gap(), "{cell:?}");
        assert_eq!((cell.postcodes_without, whole.rows[0].postcodes), (drill_gaps, postcodes.len() as u32));
        let farthest = (0..drill.rows.len()).map(|i| alkohol(&drill, i).nearest_km.unwrap()).fold(0.0, f64::max);
        assert_eq!(cell.nearest_km, Some(farthest), "the distance shown is the farthest postcode's");
        assert_eq!((alkohol(&drill, 0).postcodes_without, drill.rows[0].postcodes), (u32::from(alkohol(&drill, 0).is_gap()), 1));
        // An offer at each uncovered postcode closes the municipality's gap.
        let mut offers = vec![town];
        offers.extend(
            drill
                .rows
                .iter()
                .filter(|r| r.cells.iter().any(|c| c.category == Category::Alkohol && c.is_gap()))
                .map(|r| offer(&r.code, Category::Alkohol, Some(r.point))),
        );
        let closed = report(RegionCode::Midtjylland, 15.0, &[place], &offers);
        assert!(!alkohol(&closed, 0).is_gap() && alkohol(&closed, 0).postcodes_without == 0, "{:?}", alkohol(&closed, 0));
        assert_eq!(closed.gaps, 5);
    }

    #[test]
    fn a_nearest_distance_shown_within_the_limit_is_counted_within_it() {
        let from = GeoPoint::new(56.0, 10.0);
        let places = vec![at("0751", "Aarhus", from)];
        // Offers due north of `from` from about 14.9 to 15.1 km, some 5 m apart.
        for step in 0..40 {
            let to = GeoPoint::new(56.0 + 0.1340 + f64::from(step) * 0.00005, 10.0);
            let r = report(RegionCode::Midtjylland, 15.0, &places, &[offer("o", Category::Alkohol, Some(to))]);
            let cell = alkohol(&r, 0);
            let shown = cell.nearest_km.unwrap();
            assert_eq!(shown <= 15.0, cell.within == 1, "{} km shown as {shown}, within {}", from.distance_km(to), cell.within);
            assert!(shown >= from.distance_km(to), "never shown nearer than it is");
        }
    }

    #[test]
    fn nearest_within_and_gaps() {
        let aarhus = GeoPoint::new(56.153, 10.204);
        let places = vec![at("0751", "Aarhus", aarhus)];
        let mut far = offer("far", Category::Alkohol, Some(GeoPoint::new(56.45, 10.04)));
        let near = offer("near", Category::Alkohol, Some(GeoPoint::new(56.16, 10.21)));
        let digital = offer("web", Category::Alkohol, None);
        let r = report(RegionCode::Midtjylland, 15.0, &places, &[far.clone(), near, digital]);
        assert_eq!(r.categories.len(), 6);
        let cell = alkohol(&r, 0);
        assert_eq!((cell.nearest_offer_id.as_deref(), cell.within), (Some("near"), 1));
        assert!(cell.nearest_km.unwrap() < 1.5);
        assert_eq!(r.gaps, 5, "every other intervention is missing");
        assert_eq!(r.digital.iter().find(|d| d.category == Category::Alkohol).unwrap().offers, 1);
        // Drafts do not cover anything.
        far.status = OfferStatus::Draft;
        let only_draft = report(RegionCode::Midtjylland, 50.0, &places, &[far]);
        assert_eq!(only_draft.gaps, 6);
        let csv = to_csv(&r);
        assert!(
            csv.starts_with(
                "\u{feff}kode;navn;postnumre;Afklarende samtale (km);Afklarende samtale: tilbud inden for 15 km;Afklarende samtale: postnumre uden tilbud;"
            ) && csv.contains("\r\n0751;Aarhus;1;"),
            "{csv}"
        );
    }

    /// The latitude bands give what a look at every offer gives.
    #[test]
    fn the_banded_search_agrees_with_looking_at_every_offer() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut point = || GeoPoint::new(54.6 + 3.1 * next(), 8.1 + 7.0 * next());
        let offers: Vec<Offer> = (0..300).map(|i| offer(&format!("o{i:03}"), Category::Alkohol, Some(point()))).collect();
        let column = Column::new(&offers);
        for (i, from) in (0..400).map(|_| point()).enumerate() {
            let max_km = [1.0, 5.0, 15.0, 50.0][i % 4];
            let mut every: Vec<(f64, &str)> = offers.iter().map(|o| (from.distance_km(o.point().unwrap()), o.id.as_str())).collect();
            every.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
            let within = every.iter().filter(|(d, _)| *d <= max_km).count() as u32;
            let expected = Some(((every[0].0 * 10.0).ceil() / 10.0, every[0].1.to_owned()));
            assert_eq!(nearest(from, "0751", max_km, &column), (expected, within), "from {from:?} within {max_km} km");
        }
    }

    #[test]
    fn every_municipality_is_measured_from_its_postcodes() {
        let places: Vec<Place> = crate::geography::municipalities().iter().map(|m| Place::of_municipality(m).unwrap()).collect();
        assert!(places.iter().all(|p| !p.from.is_empty()));
        // Each postcode counts in exactly one municipality.
        assert_eq!(places.iter().map(|p| p.from.len()).sum::<usize>(), crate::geography::postcodes().len());
    }
}
