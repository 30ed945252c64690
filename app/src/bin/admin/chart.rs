//! Coverage helpers: the gaps per column as bars of a small SVG chart, and the coverage page's
//! query (distance, drill-down, package lens, region) with the addresses built from it. Pure
//! logic, tested natively.

use forebyg_shared::coverage::CoverageReport;
use forebyg_shared::package_coverage::PackageCoverageReport;
use forebyg_shared::taxonomy::RegionCode;
use forebyg_shared::Lang;

/// One bar: a column (intervention or package component), its gap count and the bar's width in
/// percent of all places.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub gaps: u32,
    pub places: u32,
    pub width_pct: f64,
}

fn bars(places: u32, columns: impl Iterator<Item = (String, u32)>) -> Vec<Bar> {
    columns.map(|(label, gaps)| Bar { label, gaps, places, width_pct: if places == 0 { 0.0 } else { 100.0 * gaps as f64 / places as f64 } }).collect()
}

/// Places without an offer within the distance, per intervention, in column order.
pub fn gap_bars(r: &CoverageReport, lang: Lang) -> Vec<Bar> {
    let gaps = |i: usize| r.rows.iter().filter(|row| row.cells.get(i).is_some_and(|cell| cell.is_gap())).count() as u32;
    bars(r.rows.len() as u32, r.categories.iter().enumerate().map(|(i, c)| (c.label(lang).to_owned(), gaps(i))))
}

/// Places lacking each of a package's components within the distance, in column order.
pub fn package_gap_bars(r: &PackageCoverageReport, lang: Lang) -> Vec<Bar> {
    let gaps = |i: usize| r.rows.iter().filter(|row| row.cells.get(i).is_some_and(|cell| cell.gap_from_year.is_some())).count() as u32;
    bars(r.rows.len() as u32, r.components.iter().enumerate().map(|(i, c)| (c.name.get(lang).to_owned(), gaps(i))))
}

/// The distances to choose from.
pub const DISTANCES: &[&str] = &["5", "10", "15", "25", "50"];

/// What the coverage page shows, as its address says (`/admin/daekning?max_km=&kommune=&pakke=&region=`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CoverageView {
    pub max_km: String,
    /// Drill-down: a municipality's postcodes.
    pub municipality: Option<String>,
    /// The package lens: a kronikerpakke's components instead of the six interventions.
    pub package: Option<String>,
    /// Chosen by a national admin (a region admin always sees their own region).
    pub region: Option<RegionCode>,
}

impl CoverageView {
    /// From the page's query parameters; an unknown distance falls back to 15 km.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        Self {
            max_km: get("max_km").filter(|v| DISTANCES.contains(&v.as_str())).unwrap_or_else(|| "15".into()),
            municipality: get("kommune").filter(|v| !v.is_empty()),
            package: get("pakke").filter(|v| !v.is_empty()),
            region: get("region").and_then(|v| RegionCode::from_code(&v)),
        }
    }

    /// The page's own address.
    pub fn href(&self) -> String {
        let mut pairs = vec![("max_km", self.max_km.clone())];
        pairs.extend(self.municipality.clone().map(|m| ("kommune", m)));
        pairs.extend(self.package.clone().map(|p| ("pakke", p)));
        pairs.extend(self.region.map(|r| ("region", r.code().to_owned())));
        format!("/admin/daekning?{}", forebyg_app::query::query_string(&pairs))
    }

    /// The API address of the report (`csv`: its CSV export). A national admin must name a region:
    /// the chosen one, else Midtjylland.
    pub fn api_url(&self, csv: bool, national: bool) -> String {
        let mut pairs = vec![("max_km", self.max_km.clone())];
        pairs.extend(self.package.clone().map(|p| ("package", p)));
        pairs.extend(self.municipality.clone().map(|m| ("municipality", m)));
        if national {
            pairs.push(("region", self.region.unwrap_or(RegionCode::Midtjylland).code().to_owned()));
        }
        let path = if self.package.is_some() { "/api/v1/admin/coverage/packages" } else { "/api/v1/admin/coverage" };
        format!("{path}{}?{}", if csv { ".csv" } else { "" }, forebyg_app::query::query_string(&pairs))
    }

    pub fn with_km(&self, max_km: &str) -> Self {
        Self { max_km: max_km.to_owned(), ..self.clone() }
    }

    pub fn with_municipality(&self, municipality: Option<&str>) -> Self {
        Self { municipality: municipality.map(str::to_owned), ..self.clone() }
    }

    /// Another lens keeps the distance, region and municipality: both lenses drill down alike
    /// (an admin looking at one municipality wants its packages, not the region again).
    pub fn with_package(&self, package: Option<&str>) -> Self {
        Self { package: package.map(str::to_owned), ..self.clone() }
    }

    pub fn with_region(&self, region: Option<RegionCode>) -> Self {
        Self { region, municipality: None, ..self.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use forebyg_shared::coverage::{CoverageCell, CoverageRow};
    use forebyg_shared::geo::GeoPoint;
    use forebyg_shared::taxonomy::Category;

    #[test]
    fn bars_count_gaps_per_column() {
        let cell = |category, within| CoverageCell {
            category,
            nearest_km: None,
            nearest_offer_id: None,
            within,
            postcodes_without: u32::from(within == 0),
            postcodes_across_water: 0,
            nearest_across_water_km: None,
        };
        let row = |within_a, within_b| CoverageRow {
            code: "0751".into(),
            name: "Aarhus".into(),
            point: GeoPoint::new(56.0, 10.0),
            postcodes: 1,
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
        let bars = gap_bars(&r, Lang::Da);
        assert_eq!((bars[0].gaps, bars[0].width_pct), (2, 100.0));
        assert_eq!((bars[1].gaps, bars[1].width_pct), (1, 50.0));
    }

    #[test]
    fn the_view_round_trips_through_its_address_and_names_the_api() {
        let q = |pairs: &'static [(&'static str, &'static str)]| {
            CoverageView::from_query(move |k| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| v.to_string()))
        };
        let v = q(&[("max_km", "10"), ("kommune", "0751")]);
        assert_eq!(v.href(), "/admin/daekning?max_km=10&kommune=0751");
        assert_eq!(v.api_url(true, false), "/api/v1/admin/coverage.csv?max_km=10&municipality=0751");
        // An unknown distance falls back; a national admin's request always names a region.
        let v = q(&[("max_km", "7"), ("pakke", "kol"), ("region", "nordjylland")]);
        assert_eq!(v.max_km, "15");
        assert_eq!(v.api_url(false, true), "/api/v1/admin/coverage/packages?max_km=15&package=kol&region=nordjylland");
        assert_eq!(v.with_package(None).api_url(false, true), "/api/v1/admin/coverage?max_km=15&region=nordjylland");
        assert_eq!(CoverageView::default().with_km("5").api_url(false, true), "/api/v1/admin/coverage?max_km=5&region=midtjylland");
        // Choosing a lens leaves the drill-down.
        assert_eq!(q(&[("kommune", "0751")]).with_package(Some("kol")).href(), "/admin/daekning?max_km=15&kommune=0751&pakke=kol");
    }
}
