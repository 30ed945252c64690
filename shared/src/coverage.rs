//! Coverage: where the six required interventions are missing. For each municipality of a
//! region (and each of its postcodes on drill-down), the distance to the nearest published
//! on-site or hybrid offer of each intervention, and whether it is within the chosen distance.
//! A municipality is measured from every one of its postcodes, so the overview and its drill-down
//! agree: it is covered only where all of them are.
//! Digital offers are counted separately: they reach everyone but do not replace closeness.

pub mod places;

use crate::geo::GeoPoint;
use crate::offer::Offer;
use crate::taxonomy::{Category, RegionCode};
use places::{measure, Column, Measure, Place};
use serde::{Deserialize, Serialize};

pub const DEFAULT_MAX_KM: f64 = 15.0;

/// One cell: an intervention at a place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoverageCell {
    pub category: Category,
    /// Kilometres to the nearest published offer with a place on the same side of the water
    /// (`None`: there is none); for a municipality, from the postcode farthest from its nearest.
    pub nearest_km: Option<f64>,
    pub nearest_offer_id: Option<String>,
    /// How many offers are within the chosen distance; for a municipality, of the postcode with
    /// the fewest.
    pub within: u32,
    /// How many of the place's postcodes have no offer within the chosen distance.
    pub postcodes_without: u32,
    /// How many of those lie on an island without a fixed link and without an offer on it: their
    /// nearest offer is a ferry crossing away (offers across the water never count as within).
    pub postcodes_across_water: u32,
    /// Kilometres from those postcodes to their nearest offer across the water (the farthest of
    /// them), in a straight line; kept apart from `nearest_km`.
    pub nearest_across_water_km: Option<f64>,
}

impl CoverageCell {
    pub fn figures(&self) -> Figures {
        (self.nearest_km, self.within, self.postcodes_without, self.postcodes_across_water, self.nearest_across_water_km)
    }

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
        postcodes_across_water: m.across_water,
        nearest_across_water_km: m.across_water_km,
    }
}

/// A distance as Danish spreadsheets show it (decimal comma); empty when there is none.
pub fn csv_km(km: Option<f64>) -> String {
    km.map(|d| format!("{d:.1}").replace('.', ",")).unwrap_or_default()
}

/// What a report's rows are, which a CSV export names its columns after: municipalities (each
/// measured from all its postcodes: a distance is the farthest postcode's, a count the fewest's)
/// or one municipality's postcodes (a drill-down: one place each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    Municipalities,
    Postcodes,
}

impl Rows {
    /// The drill-down's rows when a municipality is asked for.
    pub fn of(drill_down: bool) -> Self {
        if drill_down {
            Rows::Postcodes
        } else {
            Rows::Municipalities
        }
    }

    /// The heads before the columns: a municipality's code, name and how many postcodes it is
    /// measured from; a postcode's number and town (its count would always be 1).
    pub fn heads(self) -> Vec<String> {
        let heads: &[&str] = match self {
            Rows::Municipalities => &["kommunekode", "kommune", "postnumre"],
            Rows::Postcodes => &["postnummer", "by"],
        };
        heads.iter().map(|h| (*h).to_owned()).collect()
    }

    /// A row's values under [`Rows::heads`].
    pub fn values(self, code: &str, name: &str, postcodes: u32) -> Vec<String> {
        let mut values = vec![code.to_owned(), name.to_owned()];
        if self == Rows::Municipalities {
            values.push(postcodes.to_string());
        }
        values
    }

    /// A column's heads, named as on the screen and saying what a municipality's figure is of:
    /// the distance, the count within it, the postcodes without one (for a postcode: 1 when it is
    /// a gap), of those the ones on an island without an offer on it, and their distance across
    /// the water.
    pub fn column_heads(self, name: &str, max_km: f64) -> [String; 5] {
        match self {
            Rows::Municipalities => [
                format!("{name}: km til nærmeste (fra det fjerneste postnummer)"),
                format!("{name}: tilbud inden for {max_km} km (i postnummeret med færrest)"),
                format!("{name}: postnumre uden tilbud"),
                format!("{name}: heraf på ø uden fast forbindelse"),
                format!("{name}: km over vandet (fra det fjerneste postnummer)"),
            ],
            Rows::Postcodes => [
                format!("{name}: km til nærmeste"),
                format!("{name}: tilbud inden for {max_km} km"),
                format!("{name}: hul (1 = intet tilbud inden for {max_km} km)"),
                format!("{name}: på ø uden fast forbindelse og uden tilbud på øen (1 = ja)"),
                format!("{name}: km over vandet"),
            ],
        }
    }
}

/// One cell's figures, as both lenses have them: the nearest distance, the count within the
/// distance, the postcodes without one, of those the ones on an island, and their distance across
/// the water.
pub type Figures = (Option<f64>, u32, u32, u32, Option<f64>);

/// A cell's values under [`Rows::column_heads`].
pub fn column_values((nearest_km, within, without, across_water, across_water_km): Figures) -> [String; 5] {
    [csv_km(nearest_km), within.to_string(), without.to_string(), across_water.to_string(), csv_km(across_water_km)]
}

/// The report as CSV ([`crate::spreadsheet`]: BOM, `;`, CRLF; decimal comma): per place (its
/// postcode count for a municipality), and per intervention the figures of [`Rows::column_heads`].
pub fn to_csv(r: &CoverageReport, rows: Rows) -> String {
    let mut sheet = crate::spreadsheet::Sheet::new();
    let mut header = rows.heads();
    for c in &r.categories {
        header.extend(rows.column_heads(c.label(crate::Lang::Da), r.max_km));
    }
    sheet.row(header);
    for row in &r.rows {
        let mut cells = rows.values(&row.code, &row.name, row.postcodes);
        for cell in &row.cells {
            cells.extend(column_values(cell.figures()));
        }
        sheet.row(cells);
    }
    sheet.finish()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::taxonomy::OfferStatus;

    pub(crate) fn offer(id: &str, category: Category, at: Option<GeoPoint>) -> Offer {
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
        Place { code: code.into(), name: name.into(), point, from: vec![places::Origin { point, island: None }], municipality: code.into() }
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

    /// Orø lies 5 km off Holbæk across the water: an offer in Holbæk is not within reach of Orø,
    /// nor one on Orø of Holbæk; each side's nearest is across the water until it has its own.
    #[test]
    fn an_island_without_a_fixed_link_counts_only_its_own_offers() {
        let holbaek = crate::geography::municipality("0316").unwrap();
        let place = Place::of_municipality(holbaek).unwrap();
        let code = |code: &str| Place::of_postcode(crate::geography::postcode(code).unwrap());
        let (oroe, town) = (code("4305"), code("4300"));
        assert!(oroe.point.distance_km(town.point) < 15.0, "{} km", oroe.point.distance_km(town.point));
        let at_place = |id: &str, p: &Place| {
            let mut o = offer(id, Category::Alkohol, Some(p.point));
            o.region = RegionCode::Oestdanmark;
            let l = o.location.as_mut().unwrap();
            (l.postcode, l.municipality_code) = (p.code.clone(), "0316".into());
            o
        };
        let report = |places: &[Place], offers: &[Offer]| report(RegionCode::Oestdanmark, 15.0, places, offers);
        let in_town = [at_place("town", &town)];
        let r = report(&[oroe.clone(), town.clone()], &in_town);
        let (o, t) = (alkohol(&r, 0), alkohol(&r, 1));
        assert_eq!((o.within, o.postcodes_without, o.postcodes_across_water, o.nearest_km), (0, 1, 1, None), "{o:?}");
        assert!(o.nearest_across_water_km.unwrap() < 15.0, "the crossing is shown as it is, apart: {o:?}");
        assert_eq!((t.within, t.postcodes_across_water), (1, 0));
        let whole = alkohol(&report(std::slice::from_ref(&place), &in_town), 0).clone();
        assert!(whole.postcodes_without >= 1 && whole.postcodes_across_water == 1, "{whole:?}");
        // The municipality's distance is its mainland's; Orø's crossing is kept apart.
        assert_eq!(whole.nearest_across_water_km, o.nearest_across_water_km);
        assert!(whole.nearest_km.unwrap() > o.nearest_across_water_km.unwrap(), "Holbæk's farthest mainland postcode is farther: {whole:?}");
        // An offer on Orø reaches Orø, and not Holbæk.
        let r = report(&[oroe.clone(), town.clone()], &[at_place("oroe", &oroe)]);
        let (o, t) = (alkohol(&r, 0), alkohol(&r, 1));
        assert_eq!((o.within, o.postcodes_across_water, o.nearest_offer_id.as_deref()), (1, 0, Some("oroe")));
        assert_eq!((t.within, t.postcodes_across_water, t.nearest_offer_id.as_deref()), (0, 1, None));
        assert!(t.nearest_across_water_km.is_some_and(|km| km < 15.0), "{t:?}");
        let both = alkohol(&report(std::slice::from_ref(&place), &[at_place("town", &town), at_place("oroe", &oroe)]), 0).clone();
        assert_eq!((both.postcodes_without, both.postcodes_across_water), (whole.postcodes_without - 1, 0), "{both:?}");
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
        let csv = to_csv(&r, Rows::Municipalities);
        assert!(
            csv.starts_with(
                "\u{feff}kommunekode;kommune;postnumre;Afklarende samtale: km til nærmeste (fra det fjerneste postnummer);Afklarende samtale: tilbud inden for 15 km (i postnummeret med færrest);Afklarende samtale: postnumre uden tilbud;"
            ) && csv.contains("\r\n0751;Aarhus;1;"),
            "{csv}"
        );
        // A drill-down's rows are postcodes: no count of them (always 1), a gap said as one.
        let csv = to_csv(&r, Rows::Postcodes);
        assert!(
            csv.starts_with("\u{feff}postnummer;by;Afklarende samtale: km til nærmeste;Afklarende samtale: tilbud inden for 15 km;Afklarende samtale: hul (1 = intet tilbud inden for 15 km);")
                && csv.contains("\r\n0751;Aarhus;;0;1;0;;"),
            "{csv}"
        );
    }
}
