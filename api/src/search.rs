//! Offer search: resolve the origin, read the covering geo cells, filter, sort and page.

use crate::error::ApiError;
use crate::store::{geo_index, OfferStore};
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::geography;
use forebyg_shared::offer::{Enrolment, Offer};
use forebyg_shared::search::{
    MapPin, OfferHit, OfferSummary, SearchOrigin, SearchParams, SearchResponse, SearchStats, Sort, WiderSearch, MAX_PINS, NEAR_EMPTY, WIDER_RADII_KM,
};
use forebyg_shared::taxonomy::Format;
use forebyg_shared::validation;

/// Where a search is made from: the postcode's centre, or a coordinate and its nearest postcode.
pub fn resolve_origin(params: &SearchParams) -> Result<SearchOrigin, ApiError> {
    params.require_place()?;
    if let Some(code) = &params.postcode {
        let pc = geography::postcode(code).ok_or_else(|| validation::unknown_postcode("postcode", code))?;
        return Ok(SearchOrigin { point: pc.point, postcode: Some(pc.code.to_owned()), place_name: Some(pc.name.to_owned()), region: pc.region });
    }
    let point = params.point.expect("require_place checked a place is given");
    let nearest = geography::nearest_postcode(point).expect("the postcode table is not empty");
    Ok(SearchOrigin { point, postcode: None, place_name: Some(nearest.name.to_owned()), region: nearest.region })
}

pub async fn search(store: &dyn OfferStore, params: &SearchParams) -> Result<SearchResponse, ApiError> {
    let origin = resolve_origin(params)?;
    let today = forebyg_shared::date::iso_date(crate::self_referral::now());
    let cells = geo_index::cover(origin.point, params.radius_km);
    let want_places = params.format != Some(Format::Digital);
    let want_digital = params.format.is_none() || params.format == Some(Format::Digital);

    let mut stats = SearchStats { cells: cells.len() as u32, items_read: 0 };
    let mut near: Vec<(f64, Offer)> = vec![];
    let mut wider = None;
    if want_places {
        near = within(store, &cells, &origin, params, params.radius_km, &today, &mut stats).await?;
        if (near.len() as u32) < NEAR_EMPTY {
            wider = wider_search(store, &origin, params, &today, &mut stats).await?;
        }
        match params.sort {
            Sort::Distance => near.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id))),
            Sort::NextStart => near.sort_by(|a, b| start_key(&a.1).cmp(&start_key(&b.1)).then(a.0.total_cmp(&b.0)).then_with(|| a.1.id.cmp(&b.1.id))),
        }
    }
    let mut digital: Vec<Offer> = vec![];
    if want_digital {
        let read = store.published_digital(origin.region).await?;
        stats.items_read += read.items_read;
        digital = read.offers.into_iter().filter(|o| o.is_published() && params.matches(o, &today)).collect();
        digital.sort_by(|a, b| a.title.cmp(&b.title).then_with(|| a.id.cmp(&b.id)));
    }

    let pins = if params.pins { pins(&near) } else { vec![] };
    let total = near.len() + digital.len();
    let hits = near
        .iter()
        .map(|(d, o)| OfferHit { offer: OfferSummary::from(o), distance_km: Some(round_km(*d)), digital: false })
        .chain(digital.iter().map(|o| OfferHit { offer: OfferSummary::from(o), distance_km: None, digital: true }));
    let skip = (params.page as usize - 1) * params.per_page as usize;
    let results = hits.skip(skip).take(params.per_page as usize).collect();
    Ok(SearchResponse {
        origin,
        radius_km: params.radius_km,
        total: total as u32,
        nearby: near.len() as u32,
        page: params.page,
        per_page: params.per_page,
        results,
        stats,
        wider,
        pins,
    })
}

/// The published on-site matches within `radius_km` of the origin, read from `cells`.
async fn within(
    store: &dyn OfferStore,
    cells: &[String],
    origin: &SearchOrigin,
    params: &SearchParams,
    radius_km: f64,
    today: &str,
    stats: &mut SearchStats,
) -> Result<Vec<(f64, Offer)>, ApiError> {
    let read = store.published_in_cells(cells).await?;
    stats.items_read += read.items_read;
    Ok(read
        .offers
        .into_iter()
        .filter(|o| o.is_published() && params.matches(o, today))
        .filter_map(|o| distance(origin.point, &o).filter(|d| *d <= radius_km).map(|d| (d, o)))
        .collect())
}

/// When (almost) nothing lies within the radius: the first wider radius with a match beyond the
/// searched one, how many it holds and how far the nearest beyond is. Only near-empty searches
/// pay for the extra reads, and they stop at the first radius that finds something.
async fn wider_search(
    store: &dyn OfferStore,
    origin: &SearchOrigin,
    params: &SearchParams,
    today: &str,
    stats: &mut SearchStats,
) -> Result<Option<WiderSearch>, ApiError> {
    for radius_km in WIDER_RADII_KM.into_iter().filter(|r| *r > params.radius_km) {
        let cells = geo_index::cover(origin.point, radius_km);
        stats.cells += cells.len() as u32;
        let found = within(store, &cells, origin, params, radius_km, today, stats).await?;
        let beyond = found.iter().map(|(d, _)| *d).filter(|d| *d > params.radius_km).min_by(f64::total_cmp);
        if let Some(nearest) = beyond {
            return Ok(Some(WiderSearch { radius_km, count: found.len() as u32, nearest_km: round_km(nearest) }));
        }
    }
    Ok(None)
}

/// Every on-site match for the map, nearest first (whatever the list's order), capped.
fn pins(near: &[(f64, Offer)]) -> Vec<MapPin> {
    let mut by_distance: Vec<&(f64, Offer)> = near.iter().filter(|(_, o)| o.point().is_some()).collect();
    by_distance.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    by_distance
        .into_iter()
        .take(MAX_PINS)
        .filter_map(|(d, o)| {
            Some(MapPin {
                id: o.id.clone(),
                title: o.title.clone(),
                point: o.point()?,
                distance_km: round_km(*d),
                next_start: o.schedule.next_start.clone(),
                continuous_enrolment: o.schedule.enrolment == Enrolment::Continuous,
                self_referral: o.referral.self_referral,
            })
        })
        .collect()
}

/// Soonest start first: continuous enrolment (start now), then by date, undated last.
fn start_key(o: &Offer) -> (u8, &str) {
    match (&o.schedule.enrolment, o.schedule.next_start.as_deref()) {
        (Enrolment::Continuous, _) => (0, ""),
        (_, Some(date)) => (1, date),
        (_, None) => (2, ""),
    }
}

fn distance(origin: GeoPoint, offer: &Offer) -> Option<f64> {
    offer.point().map(|p| origin.distance_km(p))
}

/// Distances are shown to 100 m.
fn round_km(km: f64) -> f64 {
    (km * 10.0).round() / 10.0
}
