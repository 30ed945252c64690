//! Coverage: where the six required interventions are missing. For each municipality of a
//! region (and each postcode around it on drill-down), the distance to the nearest published
//! on-site or hybrid offer of each intervention, and whether it is within the chosen distance.
//! Digital offers are counted separately: they reach everyone but do not replace closeness.

use crate::geo::GeoPoint;
use crate::offer::Offer;
use crate::taxonomy::{Category, RegionCode};
use serde::{Deserialize, Serialize};

pub const DEFAULT_MAX_KM: f64 = 15.0;

/// One cell: an intervention at a place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoverageCell {
    pub category: Category,
    /// Kilometres to the nearest published offer with a place (`None`: there is none).
    pub nearest_km: Option<f64>,
    pub nearest_offer_id: Option<String>,
    /// How many offers are within the chosen distance.
    pub within: u32,
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
    /// Where distances are measured from: the main town's (or the postcode's) centre.
    pub point: GeoPoint,
    pub cells: Vec<CoverageCell>,
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
    pub rows: Vec<CoverageRow>,
    /// Published digital-only offers of the region per intervention.
    pub digital: Vec<DigitalCount>,
    /// Cells without an offer within `max_km`.
    pub gaps: u32,
}

/// The municipality a place row is in: the drilled-down municipality for its postcodes, else the
/// row's own code (a municipality row).
pub fn row_municipality<'a>(drilled: Option<&'a str>, code: &'a str) -> &'a str {
    drilled.unwrap_or(code)
}

/// Builds the report for `places` (code, name, point) from the region's offers; `drilled`: the
/// municipality whose postcodes `places` are, if they are postcodes.
pub fn report(region: RegionCode, max_km: f64, places: &[(String, String, GeoPoint)], drilled: Option<&str>, offers: &[Offer]) -> CoverageReport {
    let categories = Category::REQUIRED.to_vec();
    let published: Vec<&Offer> = offers.iter().filter(|o| o.is_published() && o.region == region).collect();
    let rows: Vec<CoverageRow> = places
        .iter()
        .map(|(code, name, point)| CoverageRow {
            code: code.clone(),
            name: name.clone(),
            point: *point,
            cells: categories.iter().map(|&c| cell(c, *point, row_municipality(drilled, code), max_km, &published)).collect(),
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

fn cell(category: Category, from: GeoPoint, municipality: &str, max_km: f64, offers: &[&Offer]) -> CoverageCell {
    let (nearest, within) = nearest(from, municipality, max_km, offers.iter().copied().filter(|o| o.category == category));
    CoverageCell { category, nearest_km: nearest.as_ref().map(|n| n.0), nearest_offer_id: nearest.map(|n| n.1), within }
}

/// The nearest of `offers` with a place (km, rounded *up* to 100 m, id; ties by id) and how many
/// lie within `max_km` of `from`, counting only offers residents of `municipality` may join
/// ([`open_to`]). Rounding up keeps the shown distance and the rule in step: an offer 15.04 km
/// away is outside 15 km and shows as 15.1 km, never as "15.0 km" beside a gap.
pub fn nearest<'a>(from: GeoPoint, municipality: &str, max_km: f64, offers: impl Iterator<Item = &'a Offer>) -> (Option<(f64, String)>, u32) {
    let mut best: Option<(f64, &str)> = None;
    let mut within = 0;
    for o in offers.filter(|o| open_to(o, municipality)) {
        let Some(p) = o.point() else { continue };
        let d = from.distance_km(p);
        within += u32::from(d <= max_km);
        if best.is_none_or(|(b, id)| d < b || (d == b && o.id.as_str() < id)) {
            best = Some((d, &o.id));
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

/// The report as CSV ([`crate::spreadsheet`]: BOM, `;`, CRLF; decimal comma).
pub fn to_csv(r: &CoverageReport) -> String {
    let mut sheet = crate::spreadsheet::Sheet::new();
    let mut header = vec!["kode".to_owned(), "navn".to_owned()];
    for c in &r.categories {
        header.extend([format!("{} (km)", c.code()), format!("{} inden for {} km", c.code(), r.max_km)]);
    }
    sheet.row(header);
    for row in &r.rows {
        let mut cells = vec![row.code.clone(), row.name.clone()];
        for cell in &row.cells {
            cells.extend([csv_km(cell.nearest_km), cell.within.to_string()]);
        }
        sheet.row(cells);
    }
    sheet.finish()
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn municipality_only_offers_cover_only_their_municipality() {
        let horsens = GeoPoint::new(55.861, 9.850);
        let mut local = offer("skanderborg-only", Category::Alkohol, Some(GeoPoint::new(55.95, 9.93)));
        local.location.as_mut().unwrap().municipality_code = "0746".into();
        local.eligibility.residence = Some(crate::eligibility::Residence::Municipality);
        let places = vec![("0615".to_owned(), "Horsens".to_owned(), horsens), ("0746".to_owned(), "Skanderborg".to_owned(), horsens)];
        let within = |r: &CoverageReport, row: usize| r.rows[row].cells.iter().find(|c| c.category == Category::Alkohol).unwrap().within;
        let r = report(RegionCode::Midtjylland, 25.0, &places, None, std::slice::from_ref(&local));
        assert_eq!((within(&r, 0), within(&r, 1)), (0, 1));
        // Drill-down rows are postcodes of the drilled municipality.
        let postcodes = vec![("8700".to_owned(), "Horsens".to_owned(), horsens)];
        assert_eq!(within(&report(RegionCode::Midtjylland, 25.0, &postcodes, Some("0615"), std::slice::from_ref(&local)), 0), 0);
        assert_eq!(within(&report(RegionCode::Midtjylland, 25.0, &postcodes, Some("0746"), std::slice::from_ref(&local)), 0), 1);
        local.eligibility.residence = None;
        assert_eq!(within(&report(RegionCode::Midtjylland, 25.0, &places, None, &[local]), 0), 1);
    }

    #[test]
    fn a_nearest_distance_shown_within_the_limit_is_counted_within_it() {
        let from = GeoPoint::new(56.0, 10.0);
        let places = vec![("0751".to_owned(), "Aarhus".to_owned(), from)];
        // Offers due north of `from` from about 14.9 to 15.1 km, some 5 m apart.
        for step in 0..40 {
            let at = GeoPoint::new(56.0 + 0.1340 + f64::from(step) * 0.00005, 10.0);
            let r = report(RegionCode::Midtjylland, 15.0, &places, None, &[offer("o", Category::Alkohol, Some(at))]);
            let cell = r.rows[0].cells.iter().find(|c| c.category == Category::Alkohol).unwrap();
            let shown = cell.nearest_km.unwrap();
            assert_eq!(shown <= 15.0, cell.within == 1, "{} km shown as {shown}, within {}", from.distance_km(at), cell.within);
            assert!(shown >= from.distance_km(at), "never shown nearer than it is");
        }
    }

    #[test]
    fn nearest_within_and_gaps() {
        let aarhus = GeoPoint::new(56.153, 10.204);
        let places = vec![("0751".to_owned(), "Aarhus".to_owned(), aarhus)];
        let mut far = offer("far", Category::Alkohol, Some(GeoPoint::new(56.45, 10.04)));
        let near = offer("near", Category::Alkohol, Some(GeoPoint::new(56.16, 10.21)));
        let digital = offer("web", Category::Alkohol, None);
        let r = report(RegionCode::Midtjylland, 15.0, &places, None, &[far.clone(), near, digital]);
        assert_eq!(r.categories.len(), 6);
        let alkohol = r.rows[0].cells.iter().find(|c| c.category == Category::Alkohol).unwrap();
        assert_eq!((alkohol.nearest_offer_id.as_deref(), alkohol.within), (Some("near"), 1));
        assert!(alkohol.nearest_km.unwrap() < 1.5);
        assert_eq!(r.gaps, 5, "every other intervention is missing");
        assert_eq!(r.digital.iter().find(|d| d.category == Category::Alkohol).unwrap().offers, 1);
        // Drafts do not cover anything.
        far.status = OfferStatus::Draft;
        let only_draft = report(RegionCode::Midtjylland, 50.0, &places, None, &[far]);
        assert_eq!(only_draft.gaps, 6);
        let csv = to_csv(&r);
        assert!(csv.starts_with("\u{feff}kode;navn;afklarende-samtale (km)") && csv.contains("\r\n0751;Aarhus;"), "{csv}");
    }
}
