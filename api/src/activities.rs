//! Public reads of association activities: near a place (by condition), one by id, and the ones
//! an offer links to ("Fortsæt bagefter"), nearest to the searched place first. Only active
//! activities are shown.

use crate::error::ApiError;
use crate::search::resolve_origin;
use crate::store::DirectoryStore;
use forebyg_shared::activity::{ActivityRecord, ActivitySearchResponse, ActivityView, AssociationRecord};
use forebyg_shared::geo::{round_km, GeoPoint};
use forebyg_shared::geography;
use forebyg_shared::search::{SearchParams, WiderSearch, WIDER_RADII_KM};
use forebyg_shared::taxonomy::RegionCode;
use std::collections::HashMap;

/// Postcode areas can reach this far beyond their centre: a region is read when any of its
/// postcode centres lies within the radius plus this.
const POSTCODE_REACH_KM: f64 = 20.0;

/// The regions a circle can reach (activities are listed per region).
fn regions_near(point: GeoPoint, radius_km: f64) -> Vec<RegionCode> {
    RegionCode::ALL
        .iter()
        .copied()
        .filter(|r| geography::postcodes().iter().any(|pc| pc.region == *r && pc.point.distance_km(point) <= radius_km + POSTCODE_REACH_KM))
        .collect()
}

fn view(a: ActivityRecord, associations: &HashMap<String, AssociationRecord>, from: Option<GeoPoint>) -> ActivityView {
    let association = associations.get(&a.association_id);
    ActivityView {
        association_name: association.map(|x| x.name.clone()).unwrap_or_default(),
        umbrella: association.and_then(|x| x.umbrella.clone()),
        distance_km: from.map(|p| round_km(p.distance_km(a.point()))),
        activity: a,
    }
}

async fn associations_of(store: &dyn DirectoryStore, regions: &[RegionCode]) -> Result<HashMap<String, AssociationRecord>, ApiError> {
    let mut out = HashMap::new();
    for r in regions {
        out.extend(store.region_associations(*r).await?.into_iter().map(|a| (a.id.clone(), a)));
    }
    Ok(out)
}

/// Active activities within the radius of the place (`postcode` or `lat`+`lon`, `radius_km`),
/// suiting `condition` if given, nearest first.
pub async fn near(store: &dyn DirectoryStore, params: &SearchParams) -> Result<ActivitySearchResponse, ApiError> {
    let origin = resolve_origin(params)?;
    let regions = regions_near(origin.point, params.radius_km);
    let associations = associations_of(store, &regions).await?;
    let suits = |a: &ActivityRecord| a.is_active() && params.condition.is_none_or(|c| a.conditions.contains(&c));
    let mut results = vec![];
    for r in &regions {
        for a in store.region_activities(*r).await? {
            if suits(&a) && origin.point.distance_km(a.point()) <= params.radius_km {
                results.push(view(a, &associations, Some(origin.point)));
            }
        }
    }
    sort_nearest(&mut results);
    // Only an empty answer pays for reading every region: how far the wider searches reach.
    let wider = if results.is_empty() {
        let mut distances = vec![];
        for r in RegionCode::ALL {
            distances.extend(store.region_activities(*r).await?.iter().filter(|a| suits(a)).map(|a| origin.point.distance_km(a.point())));
        }
        wider_search(&distances, params.radius_km)
    } else {
        None
    };
    Ok(ActivitySearchResponse { origin, radius_km: params.radius_km, results, wider })
}

/// The first of the wider radii beyond `radius_km` holding any of `distances` (km), with how many
/// it holds and the nearest; `None` when none lies within the widest.
fn wider_search(distances: &[f64], radius_km: f64) -> Option<WiderSearch> {
    let nearest = distances.iter().copied().filter(|d| *d > radius_km).min_by(f64::total_cmp)?;
    let radius = WIDER_RADII_KM.into_iter().find(|r| *r > radius_km && *r >= nearest)?;
    let count = distances.iter().filter(|d| **d <= radius).count() as u32;
    Some(WiderSearch { radius_km: radius, count, nearest_km: round_km(nearest) })
}

fn sort_nearest(views: &mut [ActivityView]) {
    views.sort_by(|a, b| a.distance_km.unwrap_or(0.0).total_cmp(&b.distance_km.unwrap_or(0.0)).then_with(|| a.activity.id.cmp(&b.activity.id)));
}

/// One active activity with its association; 404 if absent or archived.
pub async fn one(store: &dyn DirectoryStore, id: &str) -> Result<ActivityView, ApiError> {
    let a =
        store.get_activity(id).await?.filter(ActivityRecord::is_active).ok_or_else(|| ApiError::NotFound(format!("No activity with id {id}.")))?;
    let associations = associations_of(store, &[a.region]).await?;
    Ok(view(a, &associations, None))
}

/// The active activities among `ids`, nearest to `from` first (in link order without a place).
pub async fn linked(store: &dyn DirectoryStore, ids: &[String], from: Option<GeoPoint>) -> Result<Vec<ActivityView>, ApiError> {
    let mut found = vec![];
    for id in ids {
        found.extend(store.get_activity(id).await?.filter(ActivityRecord::is_active));
    }
    let mut regions: Vec<RegionCode> = found.iter().map(|a| a.region).collect();
    regions.sort();
    regions.dedup();
    let associations = associations_of(store, &regions).await?;
    let mut views: Vec<_> = found.into_iter().map(|a| view(a, &associations, from)).collect();
    if from.is_some() {
        sort_nearest(&mut views);
    }
    Ok(views)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_wider_search_is_offered_only_where_it_finds_something() {
        let wider = |d: &[f64], r| super::wider_search(d, r).map(|w| (w.radius_km, w.count, w.nearest_km));
        assert_eq!(wider(&[73.04, 80.0, 190.0], 25.0), Some((100.0, 2, 73.0)));
        assert_eq!(wider(&[30.0], 25.0), Some((50.0, 1, 30.0)));
        // Nothing within the widest radius, or nothing at all: no link that finds nothing.
        assert_eq!(wider(&[310.0], 25.0), None);
        assert_eq!(wider(&[], 25.0), None);
        // Already at the widest.
        assert_eq!(wider(&[250.0], 300.0), None);
    }
}
