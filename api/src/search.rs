//! Offer search: resolve the origin, read the covering geo cells, filter, sort and page.

use crate::error::ApiError;
use crate::store::{geo_index, OfferStore};
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::geography;
use forebyg_shared::offer::{Enrolment, Offer};
use forebyg_shared::search::{OfferHit, OfferSummary, SearchOrigin, SearchParams, SearchResponse, SearchStats, Sort};
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

/// The matches of a search before paging: on-site and hybrid offers within the radius in result
/// order with their distance, then the searched region's digital offers in result order.
pub struct Found {
    pub origin: SearchOrigin,
    pub near: Vec<(f64, Offer)>,
    pub digital: Vec<Offer>,
    pub stats: SearchStats,
}

/// What the search core read: published offers with a place within the radius, nearest first
/// (then by id), and the searched region's digital offers by title, each passing `keep`.
pub struct Candidates {
    pub near: Vec<(f64, Offer)>,
    pub digital: Vec<Offer>,
    pub stats: SearchStats,
}

/// The search core the citizen and the clinician searches share: reads the covering geo cells
/// (when `places`) and the region's digital offers (when `digital`), once.
pub async fn candidates(
    store: &dyn OfferStore,
    origin: &SearchOrigin,
    radius_km: f64,
    (places, digital): (bool, bool),
    keep: impl Fn(&Offer) -> bool,
) -> Result<Candidates, ApiError> {
    let cells = geo_index::cover(origin.point, radius_km);
    let mut out = Candidates { near: vec![], digital: vec![], stats: SearchStats { cells: cells.len() as u32, items_read: 0 } };
    if places {
        let read = store.published_in_cells(&cells).await?;
        out.stats.items_read += read.items_read;
        out.near = read
            .offers
            .into_iter()
            .filter(|o| o.is_published() && keep(o))
            .filter_map(|o| distance(origin.point, &o).filter(|d| *d <= radius_km).map(|d| (d, o)))
            .collect();
        out.near.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    }
    if digital {
        let read = store.published_digital(origin.region).await?;
        out.stats.items_read += read.items_read;
        out.digital = read.offers.into_iter().filter(|o| o.is_published() && keep(o)).collect();
        out.digital.sort_by(|a, b| a.title.cmp(&b.title).then_with(|| a.id.cmp(&b.id)));
    }
    Ok(out)
}

pub async fn search(store: &dyn OfferStore, params: &SearchParams) -> Result<SearchResponse, ApiError> {
    let Found { origin, near, digital, stats } = find(store, params).await?;
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
    })
}

/// Every match of a search (the citizen search and the FHIR directory search share it).
pub async fn find(store: &dyn OfferStore, params: &SearchParams) -> Result<Found, ApiError> {
    let origin = resolve_origin(params)?;
    let today = forebyg_shared::date::iso_date(crate::self_referral::now());
    let want_places = params.format != Some(Format::Digital);
    let want_digital = params.format.is_none() || params.format == Some(Format::Digital);
    let Candidates { mut near, digital, stats } =
        candidates(store, &origin, params.radius_km, (want_places, want_digital), |o| params.matches(o, &today)).await?;
    if params.sort == Sort::NextStart {
        near.sort_by(|a, b| start_key(&a.1).cmp(&start_key(&b.1)).then(a.0.total_cmp(&b.0)).then_with(|| a.1.id.cmp(&b.1.id)));
    }

    Ok(Found { origin, near, digital, stats })
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
pub fn round_km(km: f64) -> f64 {
    (km * 10.0).round() / 10.0
}
