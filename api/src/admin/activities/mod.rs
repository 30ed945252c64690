//! Local associations and their activities, managed by region admins in their region and, for
//! activities of their region linked from their offers alone, by provider editors (who read those
//! their offers link to). An offer links only to activities of its own region. Offers link to activities by id, so a
//! change to an activity touches no offer.

pub mod activities;
pub mod associations;

use crate::auth::Admin;
use crate::error::ApiError;
use crate::AppState;
use forebyg_shared::activity::ActivityRecord;
use forebyg_shared::auth::Role;
use forebyg_shared::taxonomy::RegionCode;

/// Region admins of `region` and national admins; provider editors are refused.
fn require_region_admin(admin: &Admin, region: RegionCode) -> Result<(), ApiError> {
    match admin.0.role {
        Role::NationalAdmin => Ok(()),
        Role::RegionAdmin if admin.0.region == Some(region) => Ok(()),
        Role::RegionAdmin => Err(ApiError::Forbidden("This region is not yours.".into())),
        Role::ProviderEditor => Err(ApiError::Forbidden("Associations are managed by region administrators.".into())),
        // The `Admin` extractor already refuses clinicians.
        Role::Clinician => Err(ApiError::Forbidden("Your account has no admin role.".into())),
    }
}

/// Whether the editor's provider's offers link to the activity, and whether only theirs do.
/// Only activities of the editor's own region count: a link never reaches across regions.
async fn own_links(state: &AppState, admin: &Admin, a: &ActivityRecord) -> Result<(bool, bool), ApiError> {
    let (Some(region), Some(provider)) = (admin.0.region, admin.0.provider_id.as_deref()) else { return Ok((false, false)) };
    if a.region != region {
        return Ok((false, false));
    }
    let offers = state.store.region_offers(region).await?;
    let linking: Vec<_> = offers.iter().filter(|o| o.activity_ids.contains(&a.id)).collect();
    let ours = linking.iter().any(|o| o.provider.id == provider);
    Ok((ours, ours && linking.iter().all(|o| o.provider.id == provider)))
}

/// Whether one of the editor's provider's offers (in the editor's region) links to the activity.
async fn linked_to_own_offer(state: &AppState, admin: &Admin, a: &ActivityRecord) -> Result<bool, ApiError> {
    Ok(own_links(state, admin, a).await?.0)
}

/// May the admin see this activity (region admins of its region, national admins, provider
/// editors of its region whose offers link to it)? 403 otherwise.
async fn require_activity_scope(state: &AppState, admin: &Admin, a: &ActivityRecord) -> Result<(), ApiError> {
    match admin.0.role {
        Role::ProviderEditor if linked_to_own_offer(state, admin, a).await? => Ok(()),
        Role::ProviderEditor => Err(ApiError::Forbidden("Only activities linked to your offers.".into())),
        _ => require_region_admin(admin, a.region),
    }
}

/// May the admin change this activity? As [`require_activity_scope`], but a provider editor only
/// when the activity is theirs: in their region and linked from their provider's offers alone.
/// A link an editor can add to their own offer never hands them an activity other providers'
/// offers lead on to (that one is the region's to change).
async fn require_activity_write(state: &AppState, admin: &Admin, a: &ActivityRecord) -> Result<(), ApiError> {
    match admin.0.role {
        Role::ProviderEditor => match own_links(state, admin, a).await? {
            (_, true) => Ok(()),
            (true, false) => Err(ApiError::Forbidden("Other providers' offers link to this activity: the region administrators change it.".into())),
            _ => Err(ApiError::Forbidden("Only activities linked to your offers.".into())),
        },
        _ => require_region_admin(admin, a.region),
    }
}
