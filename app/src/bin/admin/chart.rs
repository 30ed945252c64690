//! Coverage helpers: the gaps per intervention as bars of a small SVG chart, and the links of
//! the coverage page. Pure logic, tested natively.

use forebyg_shared::coverage::CoverageReport;
use forebyg_shared::taxonomy::Category;

/// One bar: an intervention, its gap count and the bar's width in percent of the longest.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub category: Category,
    pub gaps: u32,
    pub places: u32,
    pub width_pct: f64,
}

/// Places without an offer within the distance, per intervention, in column order.
pub fn gap_bars(r: &CoverageReport) -> Vec<Bar> {
    let places = r.rows.len() as u32;
    let counts: Vec<(Category, u32)> = r
        .categories
        .iter()
        .enumerate()
        .map(|(i, &c)| (c, r.rows.iter().filter(|row| row.cells.get(i).is_some_and(|cell| cell.is_gap())).count() as u32))
        .collect();
    counts
        .into_iter()
        .map(|(category, gaps)| Bar { category, gaps, places, width_pct: if places == 0 { 0.0 } else { 100.0 * gaps as f64 / places as f64 } })
        .collect()
}

/// `/api/v1/admin/coverage` (or `.csv`) with the chosen distance and drill-down.
pub fn coverage_url(csv: bool, max_km: &str, municipality: Option<&str>) -> String {
    let mut pairs = vec![("max_km", max_km.to_owned())];
    if let Some(m) = municipality {
        pairs.push(("municipality", m.to_owned()));
    }
    format!("/api/v1/admin/coverage{}?{}", if csv { ".csv" } else { "" }, forebyg_app::query::query_string(&pairs))
}

/// The coverage page's own address for a distance and drill-down.
pub fn coverage_href(max_km: &str, municipality: Option<&str>) -> String {
    let mut pairs = vec![("max_km", max_km.to_owned())];
    if let Some(m) = municipality {
        pairs.push(("kommune", m.to_owned()));
    }
    format!("/admin/daekning?{}", forebyg_app::query::query_string(&pairs))
}

/// The distances to choose from.
pub const DISTANCES: &[&str] = &["5", "10", "15", "25", "50"];

#[cfg(test)]
mod tests {
    use super::*;
    use forebyg_shared::coverage::{CoverageCell, CoverageRow};
    use forebyg_shared::geo::GeoPoint;
    use forebyg_shared::taxonomy::RegionCode;

    #[test]
    fn bars_count_gaps_per_column() {
        let cell = |category, within| CoverageCell { category, nearest_km: None, nearest_offer_id: None, within };
        let row = |within_a, within_b| CoverageRow {
            code: "0751".into(),
            name: "Aarhus".into(),
            point: GeoPoint::new(56.0, 10.0),
            cells: vec![cell(Category::Alkohol, within_a), cell(Category::FysiskAktivitet, within_b)],
        };
        let r = CoverageReport {
            region: RegionCode::Midtjylland,
            max_km: 15.0,
            categories: vec![Category::Alkohol, Category::FysiskAktivitet],
            rows: vec![row(0, 1), row(0, 0)],
            digital: vec![],
            gaps: 3,
        };
        let bars = gap_bars(&r);
        assert_eq!((bars[0].gaps, bars[0].width_pct), (2, 100.0));
        assert_eq!((bars[1].gaps, bars[1].width_pct), (1, 50.0));
        assert_eq!(coverage_url(true, "15", Some("0751")), "/api/v1/admin/coverage.csv?max_km=15&municipality=0751");
        assert_eq!(coverage_href("10", None), "/admin/daekning?max_km=10");
    }
}
