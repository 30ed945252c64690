//! Location records: list, create, edit (refreshing the offers held there), archive and restore.

use super::{fixed, refuse_archive_in_use, same_status, save, validated};
use crate::admin::audit;
use crate::auth::Admin;
use crate::error::ApiError;
use crate::AppState;
use forebyg_shared::admin::AuditAction;
use forebyg_shared::directory::{DirectoryRecord, LocationRecord, RecordStatus, RecordStatusChange};
use forebyg_shared::directory_validation::validate_location;
use forebyg_shared::offer::Offer;
use forebyg_shared::validation::{ErrorCode, FieldError};

/// The locations within the admin's scope, any status; `provider` keeps one provider's.
pub async fn list(state: &AppState, admin: &Admin, provider: Option<&str>) -> Result<Vec<LocationRecord>, ApiError> {
    let mut out = vec![];
    for region in admin.0.regions() {
        out.extend(
            state
                .directory
                .region_locations(region)
                .await?
                .into_iter()
                .filter(|l| admin.0.may_manage(l.region, &l.provider_id) && provider.is_none_or(|p| p == l.provider_id)),
        );
    }
    Ok(out)
}

/// One location: 404 if absent, 403 if outside the admin's scope.
pub async fn get(state: &AppState, admin: &Admin, id: &str) -> Result<LocationRecord, ApiError> {
    let l = state.directory.get_location(id).await?.ok_or_else(|| ApiError::NotFound(format!("No location with id {id}.")))?;
    admin.require(l.region, &l.provider_id)?;
    Ok(l)
}

fn unwrap(record: DirectoryRecord) -> LocationRecord {
    match record {
        DirectoryRecord::Location(l) => l,
        _ => unreachable!("a location save returns the location"),
    }
}

/// A new location (version 1) of an existing, active provider in the same region; the id is
/// made from the name unless given. Provider editors may add locations to their own provider.
pub async fn create(state: &AppState, admin: &Admin, mut l: LocationRecord) -> Result<LocationRecord, ApiError> {
    if l.id.trim().is_empty() {
        l.id = crate::admin::listings::new_id(&l.name);
    }
    l.version = 1;
    let mut errors = validate_location(&l);
    admin.require(l.region, &l.provider_id)?;
    match state.directory.get_provider(&l.provider_id).await? {
        None => errors.push(FieldError::new("provider_id", ErrorCode::Unknown, "Vælg en udbyder fra listen.", "Choose a provider from the list.")),
        Some(p) if p.status == RecordStatus::Archived => {
            errors.push(FieldError::new("provider_id", ErrorCode::Invalid, "Udbyderen er arkiveret.", "The provider is archived."))
        }
        Some(p) if p.region != l.region => errors.push(FieldError::new(
            "provider_id",
            ErrorCode::OutOfRange,
            "Udbyderen hører til en anden region.",
            "The provider belongs to another region.",
        )),
        Some(_) => {}
    }
    validated(errors)?;
    let changes = audit::diff(None, &l);
    Ok(unwrap(save(state, admin, None, DirectoryRecord::Location(l), (AuditAction::LocationCreated, changes), None).await?))
}

/// An edit of the whole location from `l.version`; every offer held there gets the new copy.
pub async fn update(state: &AppState, admin: &Admin, id: &str, mut l: LocationRecord) -> Result<LocationRecord, ApiError> {
    let current = get(state, admin, id).await?;
    l.id = current.id.clone();
    if l.provider_id != current.provider_id {
        return Err(fixed("provider_id"));
    }
    if l.region != current.region {
        return Err(fixed("region"));
    }
    validated(validate_location(&l))?;
    if l.version != current.version {
        return Err(ApiError::StaleRecord(Box::new(DirectoryRecord::Location(current))));
    }
    same_status(l.status, current.status)?;
    l.version += 1;
    let changes = audit::diff(Some(&current), &l);
    let (id, embedded) = (l.id.clone(), l.embedded());
    let refresh = move |o: &Offer| (o.location_id.as_deref() == Some(id.as_str())).then(|| Offer { location: Some(embedded.clone()), ..o.clone() });
    let before = DirectoryRecord::Location(current);
    Ok(unwrap(save(state, admin, Some(&before), DirectoryRecord::Location(l), (AuditAction::LocationUpdated, changes), Some(&refresh)).await?))
}

/// Archive (refused while published offers are held there) or restore.
pub async fn set_status(state: &AppState, admin: &Admin, id: &str, change: RecordStatusChange) -> Result<LocationRecord, ApiError> {
    let current = get(state, admin, id).await?;
    if change.version != current.version {
        return Err(ApiError::StaleRecord(Box::new(DirectoryRecord::Location(current))));
    }
    if change.status == RecordStatus::Archived {
        let offers = state.store.region_offers(current.region).await?;
        let in_use: Vec<_> = offers.iter().filter(|o| o.is_published() && o.location_id.as_deref() == Some(current.id.as_str())).collect();
        refuse_archive_in_use("location", &in_use)?;
    }
    let next = LocationRecord { status: change.status, version: current.version + 1, ..current.clone() };
    let changes = audit::diff(Some(&current), &next);
    let before = DirectoryRecord::Location(current);
    Ok(unwrap(save(state, admin, Some(&before), DirectoryRecord::Location(next), (AuditAction::LocationStatus, changes), None).await?))
}
