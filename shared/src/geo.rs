//! Geo maths: great-circle distances and bounding boxes on WGS84 coordinates.

use serde::{Deserialize, Serialize};

/// Mean Earth radius in kilometres (IUGG).
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A WGS84 coordinate in decimal degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GeoPoint {
    pub lat: f64,
    pub lon: f64,
}

impl GeoPoint {
    pub const fn new(lat: f64, lon: f64) -> Self {
        GeoPoint { lat, lon }
    }

    /// Great-circle distance in kilometres (haversine).
    pub fn distance_km(self, other: GeoPoint) -> f64 {
        let (lat1, lat2) = (self.lat.to_radians(), other.lat.to_radians());
        let dlat = lat2 - lat1;
        let dlon = (other.lon - self.lon).to_radians();
        let a = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
    }

    /// The smallest latitude/longitude box that contains every point within `radius_km`.
    pub fn bounding_box(self, radius_km: f64) -> BoundingBox {
        let dlat = (radius_km / EARTH_RADIUS_KM).to_degrees();
        // Longitude degrees shrink with latitude; use the latitude nearest the pole for safety.
        let worst_lat = (self.lat.abs() + dlat).min(89.9).to_radians();
        let dlon = (radius_km / (EARTH_RADIUS_KM * worst_lat.cos())).to_degrees();
        BoundingBox { min: GeoPoint::new(self.lat - dlat, self.lon - dlon), max: GeoPoint::new(self.lat + dlat, self.lon + dlon) }
    }
}

/// A distance as shown to people and sent on the wire: to the nearest 100 m.
pub fn round_km(km: f64) -> f64 {
    (km * 10.0).round() / 10.0
}

/// An axis-aligned box in latitude/longitude.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoundingBox {
    pub min: GeoPoint,
    pub max: GeoPoint,
}

impl BoundingBox {
    pub fn contains(&self, p: GeoPoint) -> bool {
        (self.min.lat..=self.max.lat).contains(&p.lat) && (self.min.lon..=self.max.lon).contains(&p.lon)
    }

    /// The shortest distance in km from `p` to any point of the box (0 inside it).
    pub fn distance_km_from(&self, p: GeoPoint) -> f64 {
        let nearest = GeoPoint::new(p.lat.clamp(self.min.lat, self.max.lat), p.lon.clamp(self.min.lon, self.max.lon));
        p.distance_km(nearest)
    }

    pub fn intersects(&self, other: &BoundingBox) -> bool {
        self.min.lat <= other.max.lat && other.min.lat <= self.max.lat && self.min.lon <= other.max.lon && other.min.lon <= self.max.lon
    }
}

/// A generous box around Denmark (incl. Bornholm and Skagen); coordinates outside are rejected.
pub const DENMARK: BoundingBox = BoundingBox { min: GeoPoint::new(54.4, 7.7), max: GeoPoint::new(57.9, 15.3) };

#[cfg(test)]
mod tests {
    use super::*;

    const AARHUS: GeoPoint = GeoPoint::new(56.1567, 10.2108);
    const COPENHAGEN: GeoPoint = GeoPoint::new(55.6761, 12.5683);

    #[test]
    fn distances_are_rounded_to_the_nearest_100_m() {
        assert_eq!(round_km(2.449), 2.4);
        assert_eq!(round_km(2.45), 2.5);
        assert_eq!(round_km(0.04), 0.0);
        assert_eq!(round_km(AARHUS.distance_km(COPENHAGEN)), 156.3);
    }

    #[test]
    fn aarhus_to_copenhagen_is_about_157_km() {
        let d = AARHUS.distance_km(COPENHAGEN);
        assert!((d - 156.9).abs() < 1.5, "got {d}");
        assert_eq!(AARHUS.distance_km(AARHUS), 0.0);
    }

    #[test]
    fn bounding_box_contains_every_point_of_the_circle() {
        let bb = AARHUS.bounding_box(25.0);
        for i in 0..360 {
            let bearing = (i as f64).to_radians();
            // Walk 24.9 km along a bearing (equirectangular approximation is fine at this scale).
            let dlat = 24.9 * bearing.cos() / 111.2;
            let dlon = 24.9 * bearing.sin() / (111.2 * AARHUS.lat.to_radians().cos());
            let p = GeoPoint::new(AARHUS.lat + dlat, AARHUS.lon + dlon);
            assert!(bb.contains(p), "{p:?} at bearing {i}");
        }
        assert!(!bb.contains(COPENHAGEN));
    }

    #[test]
    fn distance_to_box_is_zero_inside_and_positive_outside() {
        let bb = AARHUS.bounding_box(10.0);
        assert_eq!(bb.distance_km_from(AARHUS), 0.0);
        assert!(bb.distance_km_from(COPENHAGEN) > 140.0);
        assert!(DENMARK.contains(AARHUS) && DENMARK.contains(COPENHAGEN));
    }
}
