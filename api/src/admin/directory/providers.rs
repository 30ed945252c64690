//! Provider records: list, create, edit (refreshing the offers they run), archive and restore.

use super::{fixed, refuse_archive_in_use, same_status, save, validated};
use crate::admin::audit;
use crate::auth::Admin;
use crate::error::ApiError;
use crate::AppState;
use forebyg_shared::admin::AuditAction;
use forebyg_shared::auth::Role;
use forebyg_shared::directory::{DirectoryRecord, ProviderRecord, RecordStatus, RecordStatusChange};
use forebyg_shared::directory_validation::validate_provider;
use forebyg_shared::offer::Offer;

/// The providers within the admin's scope, any status.
pub async fn list(state: &AppState, admin: &Admin) -> Result<Vec<ProviderRecord>, ApiError> {
    let mut out = vec![];
    for region in admin.0.regions() {
        out.extend(state.directory.region_providers(region).await?.into_iter().filter(|p| admin.0.may_manage(p.region, &p.id)));
    }
    Ok(out)
}

/// One provider: 404 if absent, 403 if outside the admin's scope.
pub async fn get(state: &AppState, admin: &Admin, id: &str) -> Result<ProviderRecord, ApiError> {
    let p = state.directory.get_provider(id).await?.ok_or_else(|| ApiError::NotFound(format!("No provider with id {id}.")))?;
    admin.require(p.region, &p.id)?;
    Ok(p)
}

fn unwrap(record: DirectoryRecord) -> ProviderRecord {
    match record {
        DirectoryRecord::Provider(p) => p,
        _ => unreachable!("a provider save returns the provider"),
    }
}

/// A new provider (version 1); the id is made from the name unless given. Provider editors
/// work for one provider and cannot create others.
pub async fn create(state: &AppState, admin: &Admin, mut p: ProviderRecord) -> Result<ProviderRecord, ApiError> {
    if admin.0.role == Role::ProviderEditor {
        return Err(ApiError::Forbidden("Provider editors cannot create providers.".into()));
    }
    if p.id.trim().is_empty() {
        p.id = crate::admin::listings::new_id(&p.name);
    }
    p.version = 1;
    validated(validate_provider(&p))?;
    admin.require(p.region, &p.id)?;
    let changes = audit::diff(None, &p);
    Ok(unwrap(save(state, admin, None, DirectoryRecord::Provider(p), (AuditAction::ProviderCreated, changes), None).await?))
}

/// An edit of the whole provider from `p.version`; every offer it runs gets the new copy.
pub async fn update(state: &AppState, admin: &Admin, id: &str, mut p: ProviderRecord) -> Result<ProviderRecord, ApiError> {
    let current = get(state, admin, id).await?;
    p.id = current.id.clone();
    if p.region != current.region {
        return Err(fixed("region"));
    }
    validated(validate_provider(&p))?;
    if p.version != current.version {
        return Err(ApiError::StaleRecord(Box::new(DirectoryRecord::Provider(current))));
    }
    same_status(p.status, current.status)?;
    p.version += 1;
    let changes = audit::diff(Some(&current), &p);
    let embedded = p.embedded();
    let refresh = move |o: &Offer| (o.provider.id == embedded.id).then(|| Offer { provider: embedded.clone(), ..o.clone() });
    let before = DirectoryRecord::Provider(current);
    Ok(unwrap(save(state, admin, Some(&before), DirectoryRecord::Provider(p), (AuditAction::ProviderUpdated, changes), Some(&refresh)).await?))
}

/// Archive (refused while published offers name the provider) or restore.
pub async fn set_status(state: &AppState, admin: &Admin, id: &str, change: RecordStatusChange) -> Result<ProviderRecord, ApiError> {
    let current = get(state, admin, id).await?;
    if change.version != current.version {
        return Err(ApiError::StaleRecord(Box::new(DirectoryRecord::Provider(current))));
    }
    if change.status == RecordStatus::Archived {
        let offers = state.store.region_offers(current.region).await?;
        refuse_archive_in_use("provider", &offers.iter().filter(|o| o.is_published() && o.provider.id == current.id).collect::<Vec<_>>())?;
    }
    let next = ProviderRecord { status: change.status, version: current.version + 1, ..current.clone() };
    let changes = audit::diff(Some(&current), &next);
    let before = DirectoryRecord::Provider(current);
    Ok(unwrap(save(state, admin, Some(&before), DirectoryRecord::Provider(next), (AuditAction::ProviderStatus, changes), None).await?))
}
