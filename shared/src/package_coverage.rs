//! The coverage package lens: for one kronikerpakke in one region, which municipalities have no
//! published offer delivering each of its components within the distance limit, and from which
//! year that is a gap (the year the package applies from in the region).

use crate::coverage::places::{measure, Column, Place};
use crate::coverage::{column_values, Figures, Rows};
use crate::geo::GeoPoint;
use crate::label::Label;
use crate::offer::Offer;
use crate::package::{PackageComponent, PackageRecord, PackageStatus};
use crate::taxonomy::RegionCode;
use serde::{Deserialize, Serialize};

/// One component at one place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PackageCell {
    /// The component's code.
    pub component: String,
    /// As [`crate::coverage::CoverageCell::nearest_km`]: from a municipality's farthest postcode.
    pub nearest_km: Option<f64>,
    pub nearest_offer_id: Option<String>,
    /// Offers delivering it within the distance limit (of a municipality's postcode with fewest).
    pub within: u32,
    /// How many of the place's postcodes have none within the limit.
    pub postcodes_without: u32,
    /// As [`crate::coverage::CoverageCell::postcodes_across_water`].
    pub postcodes_across_water: u32,
    /// As [`crate::coverage::CoverageCell::nearest_across_water_km`].
    pub nearest_across_water_km: Option<f64>,
    /// The year this is a gap from (`None`: covered).
    pub gap_from_year: Option<u16>,
}

impl PackageCell {
    pub fn figures(&self) -> Figures {
        (self.nearest_km, self.within, self.postcodes_without, self.postcodes_across_water, self.nearest_across_water_km)
    }
}

/// One municipality (or postcode) and a cell per component.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PackageRow {
    pub code: String,
    pub name: String,
    pub point: GeoPoint,
    /// How many postcodes distances are measured from (1 for a postcode).
    pub postcodes: u32,
    pub cells: Vec<PackageCell>,
}

/// `GET /api/v1/admin/coverage/packages` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PackageCoverageReport {
    pub region: RegionCode,
    pub package: String,
    pub package_name: Label,
    pub status: PackageStatus,
    /// The year the package applies from in the region.
    pub from_year: u16,
    pub max_km: f64,
    /// The columns.
    pub components: Vec<PackageComponent>,
    pub rows: Vec<PackageRow>,
    /// Cells without an offer within `max_km`.
    pub gaps: u32,
}

/// Whether `offer` delivers `component` of `package`: it ticks it and may deliver it
/// ([`PackageComponent::deliverable_by`]; an offer saved before that rule may tick others).
pub fn delivers(offer: &Offer, package: &str, component: &PackageComponent) -> bool {
    component.deliverable_by(offer.category) && offer.packages.iter().any(|d| d.package == package && d.components.contains(&component.code))
}

/// The lens for `places` from the region's offers; `None` when the package does not apply in the
/// region.
pub fn report(package: &PackageRecord, region: RegionCode, max_km: f64, places: &[Place], offers: &[Offer]) -> Option<PackageCoverageReport> {
    let from_year = package.from_year(region)?;
    let published: Vec<&Offer> = offers.iter().filter(|o| o.is_published() && o.region == region).collect();
    let columns: Vec<Column> =
        package.components.iter().map(|c| Column::new(published.iter().copied().filter(|o| delivers(o, &package.code, c)))).collect();
    let rows: Vec<PackageRow> = places
        .iter()
        .map(|place| PackageRow {
            code: place.code.clone(),
            name: place.name.clone(),
            point: place.point,
            postcodes: place.from.len() as u32,
            cells: package
                .components
                .iter()
                .zip(&columns)
                .map(|(c, column)| {
                    let m = measure(place, max_km, column);
                    PackageCell {
                        component: c.code.clone(),
                        nearest_km: m.nearest.as_ref().map(|b| b.0),
                        nearest_offer_id: m.nearest.map(|b| b.1),
                        within: m.within,
                        postcodes_without: m.without,
                        postcodes_across_water: m.across_water,
                        nearest_across_water_km: m.across_water_km,
                        gap_from_year: (m.within == 0).then_some(from_year),
                    }
                })
                .collect(),
        })
        .collect();
    let gaps = rows.iter().flat_map(|r| &r.cells).filter(|c| c.gap_from_year.is_some()).count() as u32;
    Some(PackageCoverageReport {
        region,
        package: package.code.clone(),
        package_name: package.name.clone(),
        status: package.status,
        from_year,
        max_km,
        components: package.components.clone(),
        rows,
        gaps,
    })
}

/// The lens as CSV ([`crate::spreadsheet`]: BOM, `;`, CRLF; decimal comma): per place (its
/// postcode count for a municipality), and per component the figures of
/// [`Rows::column_heads`] and the year it is a gap from.
pub fn to_csv(r: &PackageCoverageReport, rows: Rows) -> String {
    let mut sheet = crate::spreadsheet::Sheet::new();
    let mut header = rows.heads();
    for c in &r.components {
        let name = c.name.get(crate::Lang::Da);
        header.extend(rows.column_heads(name, r.max_km));
        header.push(format!("{name}: hul fra år"));
    }
    sheet.row(header);
    for row in &r.rows {
        let mut cells = rows.values(&row.code, &row.name, row.postcodes);
        for cell in &row.cells {
            let year = cell.gap_from_year.map(|y| y.to_string()).unwrap_or_default();
            cells.extend(column_values(cell.figures()));
            cells.push(year);
        }
        sheet.row(cells);
    }
    sheet.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::package::{known_packages, PackageDelivery};
    use crate::taxonomy::OfferStatus;

    #[test]
    fn a_gap_closes_when_an_offer_delivers_the_component() {
        let kol = known_packages().remove(0);
        let aarhus = GeoPoint::new(56.153, 10.204);
        let places = vec![crate::coverage::tests::at("0751", "Aarhus", aarhus)];
        let empty = report(&kol, RegionCode::Midtjylland, 15.0, &places, &[]).unwrap();
        assert_eq!((empty.gaps as usize, empty.from_year), (kol.components.len(), 2027));
        let mut o: Offer = serde_json::from_str(include_str!("../tests/offer_fixture.json")).unwrap();
        (o.region, o.status) = (RegionCode::Midtjylland, OfferStatus::Published);
        o.location.as_mut().unwrap().point = GeoPoint::new(56.16, 10.21);
        o.packages = vec![PackageDelivery { package: "kol".into(), components: vec!["fysisk-aktivitet".into()] }];
        // A Sygdomsmestring offer ticking Fysisk aktivitet (saved before the rule) closes nothing:
        // the search for the package's Fysisk aktivitet would not find it either.
        let r = report(&kol, RegionCode::Midtjylland, 15.0, &places, &[o.clone()]).unwrap();
        assert_eq!(r.gaps as usize, kol.components.len());
        o.category = crate::taxonomy::Category::FysiskAktivitet;
        let r = report(&kol, RegionCode::Midtjylland, 15.0, &places, &[o.clone()]).unwrap();
        assert_eq!(r.gaps as usize, kol.components.len() - 1);
        let cell = r.rows[0].cells.iter().find(|c| c.component == "fysisk-aktivitet").unwrap();
        assert_eq!((cell.within, cell.gap_from_year, cell.nearest_offer_id.as_deref()), (1, None, Some(o.id.as_str())));
        assert!(r.rows[0].cells.iter().filter(|c| c.component != "fysisk-aktivitet").all(|c| c.gap_from_year == Some(2027)));
        let csv = to_csv(&r, Rows::Municipalities);
        assert!(
            csv.starts_with(
                "\u{feff}kommunekode;kommune;postnumre;Afklarende samtale: km til nærmeste (fra det fjerneste postnummer);Afklarende samtale: tilbud inden for 15 km (i postnummeret med færrest);Afklarende samtale: postnumre uden tilbud;Afklarende samtale: heraf på ø uden fast forbindelse;Afklarende samtale: km over vandet (fra det fjerneste postnummer);Afklarende samtale: hul fra år"
            ),
            "{csv}"
        );
        assert!(csv.contains("0751;Aarhus;1;;0;1;0;;2027"), "{csv}");
        // Not planned in a region: no report.
        let mut nowhere = kol.clone();
        nowhere.regions.clear();
        assert!(report(&nowhere, RegionCode::Midtjylland, 15.0, &places, &[o]).is_none());
    }
}
