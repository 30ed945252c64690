//! Activity records: list, create, edit, archive and restore. Region admins manage their
//! region's and choose each one's steward provider; provider editors read those linked to their
//! offers or stewarded by their provider, edit the latter (and may not create any), and list their
//! region's active ones to link.

use super::{linked_to_own_offer, require_activity_scope, require_activity_write, require_region_admin, stewarded_by_editor};
use crate::admin::audit;
use crate::admin::directory::{fixed, refuse_archive_in_use, same_status, save, validated};
use crate::auth::Admin;
use crate::error::ApiError;
use crate::AppState;
use forebyg_shared::activity::ActivityRecord;
use forebyg_shared::activity_validation::validate_activity;
use forebyg_shared::admin::AuditAction;
use forebyg_shared::auth::Role;
use forebyg_shared::directory::{DirectoryRecord, RecordStatus, RecordStatusChange};
use forebyg_shared::validation::{ErrorCode, FieldError};

/// The activities within the admin's scope, any status.
pub async fn list(state: &AppState, admin: &Admin) -> Result<Vec<ActivityRecord>, ApiError> {
    let mut out = vec![];
    for region in admin.0.regions() {
        for a in state.directory.region_activities(region).await? {
            if admin.0.role != Role::ProviderEditor || stewarded_by_editor(admin, &a) || linked_to_own_offer(state, admin, &a).await? {
                out.push(a);
            }
        }
    }
    Ok(out)
}

/// The active activities of the admin's regions, which an offer of theirs may link to: what the
/// offer editor's picker lists (a provider editor may link what they may not change).
pub async fn linkable(state: &AppState, admin: &Admin) -> Result<Vec<ActivityRecord>, ApiError> {
    let mut out = vec![];
    for region in admin.0.regions() {
        out.extend(state.directory.region_activities(region).await?.into_iter().filter(|a| a.is_active()));
    }
    Ok(out)
}

/// The steward, if any, must be an active provider of the activity's region; blank is none.
async fn check_steward(state: &AppState, a: &mut ActivityRecord) -> Result<Option<FieldError>, ApiError> {
    a.steward_provider_id = a.steward_provider_id.take().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    let Some(id) = a.steward_provider_id.as_deref() else { return Ok(None) };
    Ok(match state.directory.get_provider(id).await? {
        Some(p) if p.region == a.region && p.status == RecordStatus::Active => None,
        Some(p) if p.region != a.region => Some(FieldError::new(
            "steward_provider_id",
            ErrorCode::OutOfRange,
            "Udbyderen hører til en anden region.",
            "The provider belongs to another region.",
        )),
        _ => Some(FieldError::new(
            "steward_provider_id",
            ErrorCode::Unknown,
            "Vælg en aktiv udbyder i regionen.",
            "Choose an active provider in the region.",
        )),
    })
}

/// One activity: 404 if absent, 403 outside the admin's scope.
pub async fn get(state: &AppState, admin: &Admin, id: &str) -> Result<ActivityRecord, ApiError> {
    let a = state.directory.get_activity(id).await?.ok_or_else(|| ApiError::NotFound(format!("No activity with id {id}.")))?;
    require_activity_scope(state, admin, &a).await?;
    Ok(a)
}

/// The record-level checks: the association exists, is active and in the activity's region;
/// a place picked from the location records is copied from it.
async fn link(state: &AppState, a: &mut ActivityRecord) -> Result<Vec<FieldError>, ApiError> {
    let mut errors = vec![];
    match state.directory.get_association(&a.association_id).await? {
        None => {
            errors.push(FieldError::new("association_id", ErrorCode::Unknown, "Vælg en forening fra listen.", "Choose an association from the list."))
        }
        Some(x) if x.status == RecordStatus::Archived => {
            errors.push(FieldError::new("association_id", ErrorCode::Invalid, "Foreningen er arkiveret.", "The association is archived."))
        }
        Some(x) if x.region != a.region => errors.push(FieldError::new(
            "association_id",
            ErrorCode::OutOfRange,
            "Foreningen hører til en anden region.",
            "The association belongs to another region.",
        )),
        Some(_) => {}
    }
    if let Some(id) = a.location_id.clone().filter(|id| !id.trim().is_empty()) {
        match state.directory.get_location(id.trim()).await? {
            Some(l) if l.status == RecordStatus::Active && l.region == a.region => {
                a.place = l.embedded();
                a.location_id = Some(l.id);
            }
            _ => errors.push(FieldError::new(
                "location_id",
                ErrorCode::Unknown,
                "Vælg et aktivt sted i regionen, eller skriv adressen.",
                "Choose an active location in the region, or type the address.",
            )),
        }
    } else {
        a.location_id = None;
    }
    Ok(errors)
}

/// A `last_verified` after today (Danish date) would never fall due for re-verification.
fn not_in_future(a: &ActivityRecord) -> Option<FieldError> {
    let today = forebyg_shared::date::copenhagen_date(crate::self_referral::now());
    forebyg_shared::validation::not_after("last_verified", &a.last_verified, &today).err()
}

/// A new activity (version 1) of an association in the same region; region admins only.
pub async fn create(state: &AppState, admin: &Admin, mut a: ActivityRecord) -> Result<ActivityRecord, ApiError> {
    require_region_admin(admin, a.region)?;
    if a.id.trim().is_empty() {
        a.id = crate::admin::listings::new_id(&a.name);
    }
    a.version = 1;
    let mut errors = link(state, &mut a).await?;
    errors.extend(check_steward(state, &mut a).await?);
    errors.extend(validate_activity(&a));
    errors.extend(not_in_future(&a));
    validated(errors)?;
    let changes = audit::diff(None, &a);
    save(state, admin, None, DirectoryRecord::Activity(a.clone()), (AuditAction::ActivityCreated, changes), None).await?;
    Ok(a)
}

/// An edit of the whole activity from `a.version`; its association and region are fixed.
pub async fn update(state: &AppState, admin: &Admin, id: &str, mut a: ActivityRecord) -> Result<ActivityRecord, ApiError> {
    let current = get(state, admin, id).await?;
    require_activity_write(admin, &current)?;
    a.id = current.id.clone();
    if a.association_id != current.association_id {
        return Err(fixed("association_id"));
    }
    if a.region != current.region {
        return Err(fixed("region"));
    }
    let mut errors = link(state, &mut a).await?;
    errors.extend(check_steward(state, &mut a).await?);
    // Editors keep a steward's activity true; who the steward is stays the region's choice.
    if admin.0.role == Role::ProviderEditor && a.steward_provider_id != current.steward_provider_id {
        return Err(ApiError::Forbidden("Only region administrators choose the provider responsible for an activity.".into()));
    }
    errors.extend(validate_activity(&a));
    errors.extend(not_in_future(&a));
    validated(errors)?;
    if a.version != current.version {
        return Err(ApiError::StaleRecord(Box::new(DirectoryRecord::Activity(current))));
    }
    same_status(a.status, current.status)?;
    a.version += 1;
    let changes = audit::diff(Some(&current), &a);
    let before = DirectoryRecord::Activity(current);
    save(state, admin, Some(&before), DirectoryRecord::Activity(a.clone()), (AuditAction::ActivityUpdated, changes), None).await?;
    Ok(a)
}

/// Archive (refused while published offers of its region link to it) or restore.
pub async fn set_status(state: &AppState, admin: &Admin, id: &str, change: RecordStatusChange) -> Result<ActivityRecord, ApiError> {
    let current = get(state, admin, id).await?;
    require_activity_write(admin, &current)?;
    if change.version != current.version {
        return Err(ApiError::StaleRecord(Box::new(DirectoryRecord::Activity(current))));
    }
    if change.status == RecordStatus::Archived {
        let offers = state.store.region_offers(current.region).await?;
        let in_use: Vec<_> = offers.iter().filter(|o| o.is_published() && o.activity_ids.contains(&current.id)).collect();
        refuse_archive_in_use("activity", &in_use)?;
    }
    let next = ActivityRecord { status: change.status, version: current.version + 1, ..current.clone() };
    let changes = audit::diff(Some(&current), &next);
    let before = DirectoryRecord::Activity(current);
    save(state, admin, Some(&before), DirectoryRecord::Activity(next.clone()), (AuditAction::ActivityStatus, changes), None).await?;
    Ok(next)
}
