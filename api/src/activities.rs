//! Public reads of association activities: near a place (by condition), one by id, and the ones
//! an offer links to ("Fortsæt bagefter"), nearest to the searched place first. Only active
//! activities are shown.

use crate::error::ApiError;
use crate::search::resolve_origin;
use crate::store::DirectoryStore;
use forebyg_shared::activity::{ActivityRecord, ActivitySearchResponse, ActivityView, AssociationRecord};
use forebyg_shared::geo::{round_km, GeoPoint};
use forebyg_shared::geography;
use forebyg_shared::search::SearchParams;
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
    let mut results = vec![];
    for r in &regions {
        for a in store.region_activities(*r).await? {
            let d = origin.point.distance_km(a.point());
            if a.is_active() && d <= params.radius_km && params.condition.is_none_or(|c| a.conditions.contains(&c)) {
                results.push(view(a, &associations, Some(origin.point)));
            }
        }
    }
    sort_nearest(&mut results);
    Ok(ActivitySearchResponse { origin, radius_km: params.radius_km, results })
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
