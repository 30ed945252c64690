//! Local associations and their activities, managed by region admins in their region and, for
//! an activity whose steward (`steward_provider_id`, set by region admins) is their provider, by
//! provider editors. Editors read those their offers link to or they steward, and may pick any
//! active activity of their region to link. An offer links only to activities of its own region.
//! Offers link to activities by id, so a change to an activity touches no offer.

pub mod activities;
pub mod activity_offers;
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

/// Whether one of the editor's provider's offers (in the editor's region) links to the activity.
/// Only activities of the editor's own region count: a link never reaches across regions.
async fn linked_to_own_offer(state: &AppState, admin: &Admin, a: &ActivityRecord) -> Result<bool, ApiError> {
    let (Some(region), Some(provider)) = (admin.0.region, admin.0.provider_id.as_deref()) else { return Ok(false) };
    if a.region != region {
        return Ok(false);
    }
    let offers = state.store.region_offers(region).await?;
    Ok(offers.iter().any(|o| o.provider.id == provider && o.activity_ids.contains(&a.id)))
}

/// Whether the editor's provider is the activity's steward (and the activity in their region).
fn stewarded_by_editor(admin: &Admin, a: &ActivityRecord) -> bool {
    admin.0.role == Role::ProviderEditor && a.may_be_changed_by(&admin.0)
}

/// May the admin see this activity (region admins of its region, national admins, provider
/// editors of its region whose provider stewards it or whose offers link to it)? 403 otherwise.
async fn require_activity_scope(state: &AppState, admin: &Admin, a: &ActivityRecord) -> Result<(), ApiError> {
    match admin.0.role {
        Role::ProviderEditor if stewarded_by_editor(admin, a) || linked_to_own_offer(state, admin, a).await? => Ok(()),
        Role::ProviderEditor => Err(ApiError::Forbidden("Only activities linked to your offers or kept by your provider.".into())),
        _ => require_region_admin(admin, a.region),
    }
}

/// May the admin change this activity? Region admins of its region and national admins; a
/// provider editor only when a region admin made their provider its steward. A link, which an
/// editor adds to their own offer at will (drafts included), never hands them the activity.
fn require_activity_write(admin: &Admin, a: &ActivityRecord) -> Result<(), ApiError> {
    match admin.0.role {
        _ if a.may_be_changed_by(&admin.0) => Ok(()),
        Role::ProviderEditor => Err(ApiError::Forbidden(
            "Only the region administrators, or the editors of the provider they made responsible, change this activity.".into(),
        )),
        _ => require_region_admin(admin, a.region),
    }
}
