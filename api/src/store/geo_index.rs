//! The geo index shared by both store adapters: geohash cells instead of table scans.
//!
//! Every published offer with a place gets an index entry keyed by its category and the
//! 3-character geohash cell of its location (about 156 × 156 km; Denmark spans a handful), sorted
//! by its 8-character geohash followed by its id. A radius search computes the cells that cover
//! the circle at the finest precision that needs at most [`MAX_CELLS`] cells, and reads each cell
//! of each wanted category as one key-range read: partition = category + first 3 characters,
//! sort key begins with the cell. The category in the partition makes a one-category search read
//! only that category's entries, and spreads the index over 7 × as many partitions (no one
//! partition holds a tenth of it; `cargo bench --bench search` prints the largest share). Exact
//! distances are then computed on the few candidates read.

use forebyg_shared::geo::{BoundingBox, GeoPoint, DENMARK};
use forebyg_shared::taxonomy::{Category, RegionCode};

/// Precision of the geohash stored per offer (about 38 × 19 m).
pub const INDEX_PRECISION: usize = 8;
/// Precision of the index partition.
pub const PARTITION_PRECISION: usize = 3;
/// The finest precision a search uses (about 1.2 × 0.6 km).
pub const FINEST_QUERY_PRECISION: usize = 6;
/// Upper bound on cells per search at any precision above the partition precision.
pub const MAX_CELLS: usize = 32;

pub fn encode(point: GeoPoint) -> String {
    encode_at(point, INDEX_PRECISION)
}

fn encode_at(point: GeoPoint, precision: usize) -> String {
    geohash::encode(geohash::Coord { x: point.lon, y: point.lat }, precision).expect("coordinates validated to lie in Denmark")
}

/// The partition of a category's entries in a cell (or in the cell a longer geohash lies in).
pub fn partition_key(category: Category, cell: &str) -> String {
    format!("GEO#{}#{}", category.code(), &cell[..PARTITION_PRECISION])
}

/// The sort key of an entry: its geohash, then its id, so a cell is a key prefix.
pub fn sort_key(hash: &str, id: &str) -> String {
    format!("{hash}#{id}")
}

pub fn digital_partition_key(region: RegionCode) -> String {
    format!("DIGITAL#{}", region.code())
}

/// Size of a cell at `precision` in degrees: (latitude, longitude).
fn cell_size(precision: usize) -> (f64, f64) {
    let bits = 5 * precision as i32;
    let lon_bits = (bits + 1) / 2;
    let lat_bits = bits / 2;
    (180.0 / 2f64.powi(lat_bits), 360.0 / 2f64.powi(lon_bits))
}

/// Precisions whose grid over the bounding box (within Denmark) has more cells than this are
/// skipped without enumerating them: at most 4/π of the grid lies outside the circle, so such a
/// precision would need far more than [`MAX_CELLS`] cells anyway. Without it a whole-country
/// search walked ~800,000 six-character cells before settling on three-character ones.
const MAX_GRID_CELLS: usize = 8 * MAX_CELLS;

/// The geohash cells whose union covers every point of Denmark within `radius_km` of `center`.
pub fn cover(center: GeoPoint, radius_km: f64) -> Vec<String> {
    let bbox = center.bounding_box(radius_km);
    let mut precision = FINEST_QUERY_PRECISION;
    loop {
        if precision > PARTITION_PRECISION && grid(precision, &bbox).is_none_or(|g| g.len() > MAX_GRID_CELLS) {
            precision -= 1;
            continue;
        }
        let cells = cells_at(precision, center, radius_km, &bbox);
        if cells.len() <= MAX_CELLS || precision == PARTITION_PRECISION {
            return cells;
        }
        precision -= 1;
    }
}

/// The rows and columns of the cells at `precision` meeting `bbox` within Denmark (`None`: the
/// box misses Denmark, so every precision is as good and the coarsest is the cheapest).
struct Grid {
    rows: std::ops::RangeInclusive<i64>,
    cols: std::ops::RangeInclusive<i64>,
    h: f64,
    w: f64,
}

impl Grid {
    fn len(&self) -> usize {
        (self.rows.end() - self.rows.start() + 1).max(0) as usize * (self.cols.end() - self.cols.start() + 1).max(0) as usize
    }
}

fn grid(precision: usize, bbox: &BoundingBox) -> Option<Grid> {
    if !bbox.intersects(&DENMARK) {
        return None;
    }
    let (h, w) = cell_size(precision);
    let row = |lat: f64| ((lat + 90.0) / h).floor() as i64;
    let col = |lon: f64| ((lon + 180.0) / w).floor() as i64;
    let rows = row(bbox.min.lat.max(DENMARK.min.lat))..=row(bbox.max.lat.min(DENMARK.max.lat));
    let cols = col(bbox.min.lon.max(DENMARK.min.lon))..=col(bbox.max.lon.min(DENMARK.max.lon));
    Some(Grid { rows, cols, h, w })
}

fn cells_at(precision: usize, center: GeoPoint, radius_km: f64, bbox: &BoundingBox) -> Vec<String> {
    let Some(Grid { rows, cols, h, w }) = grid(precision, bbox) else { return vec![] };
    let mut cells = vec![];
    for i in rows {
        for j in cols.clone() {
            let min = GeoPoint::new(-90.0 + i as f64 * h, -180.0 + j as f64 * w);
            let cell = BoundingBox { min, max: GeoPoint::new(min.lat + h, min.lon + w) };
            if cell.intersects(&DENMARK) && cell.distance_km_from(center) <= radius_km {
                let mid = GeoPoint::new(min.lat + h / 2.0, min.lon + w / 2.0);
                cells.push(encode_at(mid, precision));
            }
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    const AARHUS: GeoPoint = GeoPoint::new(56.1567, 10.2108);

    /// A deterministic spread of points around `center` within `radius_km`.
    fn points_within(center: GeoPoint, radius_km: f64) -> Vec<GeoPoint> {
        let mut out = vec![];
        for ring in 1..=20 {
            let r = radius_km * ring as f64 / 20.0 * 0.999;
            for k in 0..72 {
                let b = (k as f64 * 5.0).to_radians();
                let lat = center.lat + (r / 111.195) * b.cos();
                let lon = center.lon + (r / (111.195 * center.lat.to_radians().cos())) * b.sin();
                let p = GeoPoint::new(lat, lon);
                if center.distance_km(p) <= radius_km && DENMARK.contains(p) {
                    out.push(p);
                }
            }
        }
        out
    }

    #[test]
    fn every_point_in_the_circle_falls_in_a_covering_cell() {
        for radius in [1.0, 5.0, 25.0, 60.0, 150.0, 300.0] {
            let cells = cover(AARHUS, radius);
            for p in points_within(AARHUS, radius) {
                let hash = encode(p);
                assert!(cells.iter().any(|c| hash.starts_with(c.as_str())), "radius {radius}: {p:?} ({hash}) not covered by {cells:?}");
            }
        }
    }

    #[test]
    fn covers_stay_small_and_get_coarser_with_radius() {
        let small = cover(AARHUS, 5.0);
        let default = cover(AARHUS, 25.0);
        let max = cover(AARHUS, 300.0);
        assert!(small.len() <= MAX_CELLS && default.len() <= MAX_CELLS, "{} {}", small.len(), default.len());
        assert!(small[0].len() > default[0].len() && default[0].len() >= max[0].len());
        assert_eq!(max[0].len(), PARTITION_PRECISION);
        // 300 km from Aarhus reaches all of Denmark: its bounding box spans 24 three-character cells.
        assert!(max.len() <= 24, "{max:?}");
    }

    /// The cover before precisions were skipped by their grid size: every precision enumerated.
    fn cover_unpruned(center: GeoPoint, radius_km: f64) -> Vec<String> {
        let bbox = center.bounding_box(radius_km);
        (PARTITION_PRECISION..=FINEST_QUERY_PRECISION)
            .rev()
            .map(|precision| cells_at(precision, center, radius_km, &bbox))
            .find(|cells| cells.len() <= MAX_CELLS || cells[0].len() == PARTITION_PRECISION)
            .unwrap()
    }

    #[test]
    fn large_circles_get_a_bounded_cover_without_walking_fine_grids() {
        const COPENHAGEN: GeoPoint = GeoPoint::new(55.6786, 12.5635);
        const ESBJERG: GeoPoint = GeoPoint::new(55.4765, 8.4594);
        const RONNE: GeoPoint = GeoPoint::new(55.1009, 14.7066);
        for center in [AARHUS, COPENHAGEN, ESBJERG, RONNE] {
            for radius in [1.0, 10.0, 25.0, 50.0, 100.0, 300.0] {
                let cells = cover(center, radius);
                // Three-character cells over all of Denmark are 24 at most; finer ones MAX_CELLS.
                assert!(cells.len() <= MAX_CELLS.max(24), "{center:?} {radius} km: {} cells", cells.len());
                for p in points_within(center, radius) {
                    let hash = encode(p);
                    assert!(cells.iter().any(|c| hash.starts_with(c.as_str())), "{center:?} {radius} km: {p:?} not covered");
                }
                // Skipping a precision by its grid never changes the cells chosen.
                if radius <= 100.0 || center == COPENHAGEN {
                    assert_eq!(cells, cover_unpruned(center, radius), "{center:?} {radius} km");
                }
            }
            // The coarsest precision's grid is all that a whole-country search walks.
            let bbox = center.bounding_box(300.0);
            assert!((PARTITION_PRECISION + 1..=FINEST_QUERY_PRECISION).all(|p| grid(p, &bbox).unwrap().len() > MAX_GRID_CELLS));
        }
    }

    #[test]
    fn keys() {
        let hash = encode(AARHUS);
        assert_eq!(hash.len(), INDEX_PRECISION);
        assert_eq!(partition_key(Category::Alkohol, &hash), format!("GEO#alkohol#{}", &hash[..3]));
        assert_eq!(sort_key(&hash, "x"), format!("{hash}#x"));
        assert_eq!(digital_partition_key(RegionCode::Oestdanmark), "DIGITAL#oestdanmark");
    }
}
