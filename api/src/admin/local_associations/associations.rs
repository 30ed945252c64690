//! Association records: list, create, edit, archive and restore, by region admins.

use super::require_region_admin;
use crate::admin::audit;
use crate::admin::directory::{fixed, same_status, save, validated};
use crate::auth::Admin;
use crate::error::ApiError;
use crate::AppState;
use forebyg_shared::activity::AssociationRecord;
use forebyg_shared::activity_validation::validate_association;
use forebyg_shared::admin::AuditAction;
use forebyg_shared::directory::{DirectoryRecord, RecordStatus, RecordStatusChange};
use forebyg_shared::problem::types;

/// The associations of the admin's regions, any status (provider editors see their region's,
/// to know whose activity they link to).
pub async fn list(state: &AppState, admin: &Admin) -> Result<Vec<AssociationRecord>, ApiError> {
    let mut out = vec![];
    for region in admin.0.regions() {
        out.extend(state.directory.region_associations(region).await?);
    }
    Ok(out)
}

/// One association: 404 if absent, 403 outside the admin's regions.
pub async fn get(state: &AppState, admin: &Admin, id: &str) -> Result<AssociationRecord, ApiError> {
    let a = state.directory.get_association(id).await?.ok_or_else(|| ApiError::NotFound(format!("No association with id {id}.")))?;
    if !admin.0.regions().contains(&a.region) {
        return Err(ApiError::Forbidden("This region is not yours.".into()));
    }
    Ok(a)
}

/// A new association (version 1); the id is made from the name unless given.
pub async fn create(state: &AppState, admin: &Admin, mut a: AssociationRecord) -> Result<AssociationRecord, ApiError> {
    require_region_admin(admin, a.region)?;
    if a.id.trim().is_empty() {
        a.id = crate::admin::listings::new_id(&a.name);
    }
    a.version = 1;
    validated(validate_association(&a))?;
    let changes = audit::diff(None, &a);
    save(state, admin, None, DirectoryRecord::Association(a.clone()), (AuditAction::AssociationCreated, changes), None).await?;
    Ok(a)
}

/// An edit of the whole association from `a.version`; the region is fixed.
pub async fn update(state: &AppState, admin: &Admin, id: &str, mut a: AssociationRecord) -> Result<AssociationRecord, ApiError> {
    let current = get(state, admin, id).await?;
    require_region_admin(admin, current.region)?;
    a.id = current.id.clone();
    if a.region != current.region {
        return Err(fixed("region"));
    }
    validated(validate_association(&a))?;
    if a.version != current.version {
        return Err(ApiError::StaleRecord(Box::new(DirectoryRecord::Association(current))));
    }
    same_status(a.status, current.status)?;
    a.version += 1;
    let changes = audit::diff(Some(&current), &a);
    let before = DirectoryRecord::Association(current);
    save(state, admin, Some(&before), DirectoryRecord::Association(a.clone()), (AuditAction::AssociationUpdated, changes), None).await?;
    Ok(a)
}

/// Archive (refused while it has active activities) or restore.
pub async fn set_status(state: &AppState, admin: &Admin, id: &str, change: RecordStatusChange) -> Result<AssociationRecord, ApiError> {
    let current = get(state, admin, id).await?;
    require_region_admin(admin, current.region)?;
    if change.version != current.version {
        return Err(ApiError::StaleRecord(Box::new(DirectoryRecord::Association(current))));
    }
    if change.status == RecordStatus::Archived {
        let activities = state.directory.region_activities(current.region).await?;
        let active: Vec<_> = activities.iter().filter(|a| a.association_id == current.id && a.is_active()).map(|a| a.name.as_str()).collect();
        if !active.is_empty() {
            return Err(ApiError::Conflict {
                kind: types::RECORD_IN_USE,
                title: "Still has active activities",
                detail: format!("Archive these activities first: {}", active.join("; ")),
            });
        }
    }
    let next = AssociationRecord { status: change.status, version: current.version + 1, ..current.clone() };
    let changes = audit::diff(Some(&current), &next);
    let before = DirectoryRecord::Association(current);
    save(state, admin, Some(&before), DirectoryRecord::Association(next.clone()), (AuditAction::AssociationStatus, changes), None).await?;
    Ok(next)
}
