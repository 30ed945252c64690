//! The places coverage is measured from and how one column's offers reach them: a municipality
//! from each of its postcodes, a postcode from its own point; the nearest offer and how many lie
//! within the distance, read from offers sorted by latitude. A place on an island without a fixed
//! link counts only the island's offers: a crossing is not a distance.

use crate::geo::GeoPoint;
use crate::geography::{Municipality, Postcode};
use crate::offer::{Location, Offer};

/// A place coverage is reported for: a municipality, measured from each of its postcodes, or a
/// postcode, measured from its own point.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub code: String,
    pub name: String,
    pub point: GeoPoint,
    /// The points distances are measured from.
    pub from: Vec<Origin>,
    /// The municipality its residents belong to (offers only for a municipality's own residents
    /// serve no one else: [`open_to`]).
    pub municipality: String,
}

impl Place {
    /// A municipality, measured from the postcodes whose post town is in it (every municipality
    /// has one; the main town's point if the table ever lacked it).
    pub fn of_municipality(m: &Municipality) -> Option<Self> {
        let main = crate::geography::postcode(m.main_postcode)?;
        let mut from: Vec<Origin> = crate::geography::postcodes().iter().filter(|pc| pc.municipality == m.code).map(Origin::of).collect();
        if from.is_empty() {
            from.push(Origin::of(main));
        }
        Some(Self { code: m.code.to_owned(), name: m.name.to_owned(), point: main.point, from, municipality: m.code.to_owned() })
    }

    /// A postcode, measured from its own point.
    pub fn of_postcode(pc: &Postcode) -> Self {
        Self {
            code: pc.code.to_owned(),
            name: pc.name.to_owned(),
            point: pc.point,
            from: vec![Origin::of(pc)],
            municipality: pc.municipality.to_owned(),
        }
    }
}

/// A point distances are measured from, and the island without a fixed link it lies on
/// ([`island`]; `None` on the mainland).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Origin {
    pub point: GeoPoint,
    pub island: Option<&'static str>,
}

impl Origin {
    pub fn of(pc: &Postcode) -> Self {
        Self { point: pc.point, island: pc.island() }
    }

    /// An offer's place.
    pub fn at(l: &Location) -> Self {
        Self { point: l.point, island: l.island() }
    }
}

/// One column's offers (an intervention's, a package component's) that have a place, sorted by
/// latitude: a distance query reads only the band of latitudes it can reach. A region's report
/// measures from hundreds of postcodes (docs/benchmarks.md).
pub struct Column<'a> {
    by_lat: Vec<(Origin, &'a Offer)>,
}

impl<'a> Column<'a> {
    pub fn new(offers: impl IntoIterator<Item = &'a Offer>) -> Self {
        let mut by_lat: Vec<_> = offers.into_iter().filter_map(|o| o.location.as_ref().map(|l| (Origin::at(l), o))).collect();
        by_lat.sort_by(|a, b| a.0.point.lat.total_cmp(&b.0.point.lat));
        Self { by_lat }
    }

    /// The offers whose latitude lies in `lo..=hi`.
    fn band(&self, lo: f64, hi: f64) -> &[(Origin, &'a Offer)] {
        &self.by_lat[self.by_lat.partition_point(|(p, _)| p.point.lat < lo)..self.by_lat.partition_point(|(p, _)| p.point.lat <= hi)]
    }
}

/// How one column's offers serve a place, measured from each of its points: the farthest any
/// point is from its nearest offer on its own side of the water (km and id), the fewest offers any
/// point has within the distance, how many points have none, how many of those have none on
/// their side of the water at all (an island without one), and the farthest of their nearest
/// offers across the water. The two distances are kept apart: a crossing is not a distance.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub nearest: Option<(f64, String)>,
    pub within: u32,
    pub without: u32,
    pub across_water: u32,
    pub across_water_km: Option<f64>,
}

/// Measures `place` against one column's offers.
pub fn measure(place: &Place, max_km: f64, column: &Column) -> Measure {
    let mut m = Measure { nearest: None, within: u32::MAX, without: 0, across_water: 0, across_water_km: None };
    for &from in &place.from {
        let reach = nearest(from, &place.municipality, max_km, column);
        m.within = m.within.min(reach.within);
        m.without += u32::from(reach.within == 0);
        match reach.nearest {
            Some((km, _)) if reach.across_water => {
                m.across_water += 1;
                m.across_water_km = Some(m.across_water_km.map_or(km, |d| d.max(km)));
            }
            Some(best) if m.nearest.as_ref().is_none_or(|(km, _)| best.0 > *km) => m.nearest = Some(best),
            _ => {}
        }
    }
    if place.from.is_empty() {
        m.within = 0;
    }
    m
}

/// How a column's offers reach one point: the nearest (km, rounded *up* to 100 m, and id), how
/// many lie within the distance, and whether the nearest is across the water (no offer on the
/// point's side of it).
#[derive(Debug, Clone, PartialEq)]
pub struct Reach {
    pub nearest: Option<(f64, String)>,
    pub within: u32,
    pub across_water: bool,
}

/// How the column's offers reach `from`, counting only offers residents of `municipality` may
/// join ([`open_to`]). Only offers on the same side of the water count within `max_km`: on the
/// same island without a fixed link, or on the mainland. The nearest is one of those too, or,
/// when there is none, the nearest across the water. Ties go by id. Rounding up keeps the shown
/// distance and the rule in step: an offer 15.04 km away is outside 15 km and shows as 15.1 km,
/// never as "15.0 km" beside a gap.
pub fn nearest(from: Origin, municipality: &str, max_km: f64, column: &Column) -> Reach {
    fn closer<'o>(best: &mut Option<(f64, &'o str)>, d: f64, o: &'o Offer) {
        if best.is_none_or(|(b, id)| d < b || (d == b && o.id.as_str() < id)) {
            *best = Some((d, &o.id));
        }
    }
    // The nearest of the offers `side` accepts, anywhere, but never in a band of latitudes
    // farther than the nearest found so far.
    let anywhere = |side: &dyn Fn(Origin) -> bool| {
        let mut best: Option<(f64, &str)> = None;
        for (p, o) in &column.by_lat {
            let floor = (p.point.lat - from.point.lat).abs().to_radians() * crate::geo::EARTH_RADIUS_KM;
            if best.is_none_or(|(b, _)| floor <= b) && side(*p) && open_to(o, municipality) {
                closer(&mut best, from.point.distance_km(p.point), o);
            }
        }
        best
    };
    let ours = |p: Origin| p.island == from.island;
    let mut best: Option<(f64, &str)> = None;
    let mut within = 0;
    // Everything within `max_km` lies in its bounding box (a hair wider against rounding).
    let near = from.point.bounding_box(max_km * (1.0 + 1e-9) + 1e-9);
    for (p, o) in column.band(near.min.lat, near.max.lat) {
        if (near.min.lon..=near.max.lon).contains(&p.point.lon) && ours(*p) && open_to(o, municipality) {
            let d = from.point.distance_km(p.point);
            within += u32::from(d <= max_km);
            closer(&mut best, d, o);
        }
    }
    let mut across_water = false;
    if within == 0 {
        // None within the distance: the nearest may lie anywhere on this side, or else across.
        best = anywhere(&ours);
        if best.is_none() {
            best = anywhere(&|_| true);
            across_water = best.is_some();
        }
    }
    Reach { nearest: best.map(|(d, id)| ((d * 10.0).ceil() / 10.0, id.to_owned())), within, across_water }
}

/// Whether residents of `municipality` may join `offer`: not when it takes only its own
/// municipality's residents and that is another (a place nearby does not close their gap).
pub fn open_to(offer: &Offer, municipality: &str) -> bool {
    offer.eligibility.residence != Some(crate::eligibility::Residence::Municipality)
        || offer.location.as_ref().is_none_or(|l| l.municipality_code == municipality)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coverage::tests::offer;
    use crate::taxonomy::Category;

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
            let reach = Reach { nearest: expected, within, across_water: false };
            assert_eq!(nearest(Origin { point: from, island: None }, "0751", max_km, &column), reach, "from {from:?} within {max_km} km");
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
