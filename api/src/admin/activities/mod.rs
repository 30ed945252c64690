//! Local associations and their activities, managed by region admins in their region and, for
//! activities linked to their offers, by provider editors. Offers link to activities by id, so a
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

/// Whether one of the editor's provider's offers links to the activity.
async fn linked_to_own_offer(state: &AppState, admin: &Admin, activity_id: &str) -> Result<bool, ApiError> {
    let (Some(region), Some(provider)) = (admin.0.region, admin.0.provider_id.as_deref()) else { return Ok(false) };
    let offers = state.store.region_offers(region).await?;
    Ok(offers.iter().any(|o| o.provider.id == provider && o.activity_ids.iter().any(|id| id == activity_id)))
}

/// May the admin see and edit this activity (region admins of its region, national admins,
/// provider editors whose offers link to it)? 403 otherwise.
async fn require_activity_scope(state: &AppState, admin: &Admin, a: &ActivityRecord) -> Result<(), ApiError> {
    match admin.0.role {
        Role::ProviderEditor if linked_to_own_offer(state, admin, &a.id).await? => Ok(()),
        Role::ProviderEditor => Err(ApiError::Forbidden("Only activities linked to your offers.".into())),
        _ => require_region_admin(admin, a.region),
    }
}
