//! Offer search: resolve the origin, then the store's search index does the rest (see
//! [`crate::store::search_index`]).

use crate::error::ApiError;
use crate::store::{OfferStore, SearchPage, SearchQuery};
use forebyg_shared::geo::round_km;
use forebyg_shared::geography;
use forebyg_shared::offer::Offer;
use forebyg_shared::search::{
    MapPin, OfferHit, OfferSummary, RelaxedFilter, SearchOrigin, SearchParams, SearchResponse, SearchStats, Sort, WiderSearch, MAX_PINS, NEAR_EMPTY,
    WIDER_RADII_KM,
};
use forebyg_shared::taxonomy::Format;
use forebyg_shared::validation;

/// Where a search is made from: the postcode's centre, or a coordinate and its nearest postcode.
pub fn resolve_origin(params: &SearchParams) -> Result<SearchOrigin, ApiError> {
    params.require_place()?;
    if let Some(code) = &params.postcode {
        let pc = geography::postcode(code).ok_or_else(|| validation::unknown_postcode("postcode", code))?;
        return Ok(SearchOrigin {
            point: pc.point,
            postcode: Some(pc.code.to_owned()),
            place_name: Some(pc.name.to_owned()),
            region: pc.region,
            municipality_code: Some(pc.municipality.to_owned()),
            island: pc.island().map(str::to_owned),
        });
    }
    let point = params.point.expect("require_place checked a place is given");
    let nearest = geography::nearest_postcode(point).expect("the postcode table is not empty");
    Ok(SearchOrigin {
        point,
        postcode: None,
        place_name: Some(nearest.name.to_owned()),
        region: nearest.region,
        municipality_code: Some(nearest.municipality.to_owned()),
        island: nearest.island().map(str::to_owned),
    })
}

/// Resolves the place, then lets the store's index find, filter, order and page the offers.
pub async fn search(store: &dyn OfferStore, params: &SearchParams) -> Result<SearchResponse, ApiError> {
    let (response, _) = search_with_cost(store, params).await?;
    Ok(response)
}

/// [`search`], with the DynamoDB read capacity units it consumed (`None` on the embedded store).
pub async fn search_with_cost(store: &dyn OfferStore, params: &SearchParams) -> Result<(SearchResponse, Option<f64>), ApiError> {
    let origin = resolve_origin(params)?;
    let today = forebyg_shared::date::copenhagen_date(crate::self_referral::now());
    let query = SearchQuery { origin: origin.point, region: origin.region, params: params.clone(), today, any_condition: vec![] };
    let page = store.search(&query).await?;
    let island = origin.island.as_deref();
    let results = page
        .hits
        .iter()
        .map(|(o, d)| OfferHit {
            offer: OfferSummary::from(o),
            distance_km: d.map(round_km),
            digital: d.is_none(),
            across_water: d.is_some() && o.across_water(island),
        })
        .collect();
    let mut stats = page.stats;
    let mut wider = None;
    if page.nearby < NEAR_EMPTY && params.format != Some(Format::Digital) {
        wider = wider_search(store, &query, page.nearby, &mut stats).await?;
    }
    let pins = if params.pins { pins(store, &query, page.nearby, &mut stats).await? } else { vec![] };
    let relaxed = if page.total == 0 { relaxed(store, &query, &mut stats).await? } else { vec![] };
    let response = SearchResponse {
        origin,
        radius_km: params.radius_km,
        total: page.total,
        nearby: page.nearby,
        page: params.page,
        per_page: params.per_page,
        results,
        stats,
        wider,
        pins,
        outside_package: vec![],
        relaxed,
    };
    Ok((response, page.read_units))
}

/// The matches of a search before paging: on-site and hybrid offers within the radius in result
/// order with their distance, then the searched region's digital offers in result order.
pub struct Found {
    pub origin: SearchOrigin,
    pub near: Vec<(f64, Offer)>,
    pub digital: Vec<Offer>,
    pub stats: SearchStats,
}

/// Every match of a search, as one page holding all (the FHIR directory search filters further
/// on the whole offers).
pub async fn find(store: &dyn OfferStore, params: &SearchParams) -> Result<Found, ApiError> {
    let origin = resolve_origin(params)?;
    let today = forebyg_shared::date::copenhagen_date(crate::self_referral::now());
    let all = SearchParams { page: 1, per_page: u32::MAX, ..params.clone() };
    let page = store.search(&SearchQuery { origin: origin.point, region: origin.region, params: all, today, any_condition: vec![] }).await?;
    let (mut near, mut digital) = (vec![], vec![]);
    for (offer, distance) in page.hits {
        match distance {
            Some(d) => near.push((d, offer)),
            None => digital.push(offer),
        }
    }
    Ok(Found { origin, near, digital, stats: page.stats })
}

/// The first `per_page` matches of `query` within `radius_km`, nearest first: the index orders
/// and counts every match (`nearby`), and only these are read whole.
async fn nearest(
    store: &dyn OfferStore,
    query: &SearchQuery,
    radius_km: f64,
    per_page: u32,
    stats: &mut SearchStats,
) -> Result<SearchPage, ApiError> {
    let params = SearchParams { radius_km, page: 1, per_page, sort: Sort::Distance, pins: false, ..query.params.clone() };
    let page = store.search(&SearchQuery { params, ..query.clone() }).await?;
    stats.cells += page.stats.cells;
    stats.items_read += page.stats.items_read;
    Ok(page)
}

/// When (almost) nothing lies within the radius: the first wider radius with a match beyond the
/// searched one, how many it holds and how far the nearest beyond is. `within`: how many on-site
/// matches the searched radius holds; the nearest beyond comes right after them, so a radius
/// reads `within + 1` offers whole, not every match. Only near-empty searches pay for the extra
/// reads. The first wider radius is asked first (most searches find something there); then the
/// widest, which says whether anything is within reach at all (a clinician's group often has
/// nothing anywhere) and how far the nearest is; only a nearest between the two asks its own
/// radius for the count. Two reads at most when nothing is found, rather than one per radius.
pub(crate) async fn wider_search(
    store: &dyn OfferStore,
    query: &SearchQuery,
    within: u32,
    stats: &mut SearchStats,
) -> Result<Option<WiderSearch>, ApiError> {
    let radius = query.params.radius_km;
    let radii: Vec<f64> = WIDER_RADII_KM.into_iter().filter(|r| *r > radius).collect();
    let (Some(&first), Some(&widest)) = (radii.first(), radii.last()) else {
        return Ok(None);
    };
    let beyond = |page: &SearchPage| page.hits.iter().filter_map(|(_, d)| *d).filter(|d| *d > radius).min_by(f64::total_cmp);
    let found = |radius_km: f64, page: &SearchPage, nearest_km: f64| WiderSearch { radius_km, count: page.nearby, nearest_km: round_km(nearest_km) };
    let first_page = nearest(store, query, first, within + 1, stats).await?;
    if let Some(nearest_km) = beyond(&first_page) {
        return Ok(Some(found(first, &first_page, nearest_km)));
    }
    if first == widest {
        return Ok(None);
    }
    let widest_page = nearest(store, query, widest, within + 1, stats).await?;
    let Some(nearest_km) = beyond(&widest_page) else {
        return Ok(None);
    };
    match radii.iter().copied().find(|r| *r >= nearest_km && *r < widest) {
        Some(radius_km) => {
            // Only its count is wanted: the nearest is known.
            let page = nearest(store, query, radius_km, 1, stats).await?;
            Ok(Some(found(radius_km, &page, nearest_km)))
        }
        None => Ok(Some(found(widest, &widest_page, nearest_km))),
    }
}

/// When nothing matched: each chosen filter without which the same search finds offers, with how
/// many, most first. One index read per chosen filter (at most ten), only on empty answers; only
/// the counts are wanted, so each reads one offer whole.
async fn relaxed(store: &dyn OfferStore, query: &SearchQuery, stats: &mut SearchStats) -> Result<Vec<RelaxedFilter>, ApiError> {
    let relaxations = query.params.relaxations();
    if relaxations.is_empty() {
        return Ok(vec![]);
    }
    let queries: Vec<SearchQuery> = relaxations
        .iter()
        .map(|(_, params)| SearchQuery { params: SearchParams { per_page: 1, pins: false, ..params.clone() }, ..query.clone() })
        .collect();
    let pages = store.search_many(&queries).await?;
    let mut found: Vec<RelaxedFilter> = relaxations
        .iter()
        .zip(&pages)
        .filter(|(_, page)| page.total > 0)
        .map(|((filter, _), page)| RelaxedFilter { filter: *filter, count: page.total })
        .collect();
    for page in &pages {
        stats.cells += page.stats.cells;
        stats.items_read += page.stats.items_read;
    }
    // Most first; the form's order among equals.
    found.sort_by_key(|r| std::cmp::Reverse(r.count));
    Ok(found)
}

/// Every on-site match for the map (not only the page's), nearest first, capped: the `nearby`
/// ones the search counted, so no digital offer after them is read.
async fn pins(store: &dyn OfferStore, query: &SearchQuery, nearby: u32, stats: &mut SearchStats) -> Result<Vec<MapPin>, ApiError> {
    if nearby == 0 {
        return Ok(vec![]);
    }
    let page = nearest(store, query, query.params.radius_km, nearby.min(MAX_PINS as u32), stats).await?;
    Ok(page
        .hits
        .into_iter()
        .filter_map(|(o, d)| {
            Some(MapPin {
                point: o.point()?,
                distance_km: round_km(d?),
                continuous_enrolment: o.schedule.enrolment == forebyg_shared::offer::Enrolment::Continuous,
                self_referral: o.referral.self_referral,
                capacity: o.capacity,
                next_start: o.schedule.next_start,
                title: o.title,
                id: o.id,
            })
        })
        .collect())
}
