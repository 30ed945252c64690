//! Package records: everyone reads them; national admins create and edit them (the national
//! framework is written centrally). An edit is versioned and audited in every region's log.

use super::audit;
use super::directory::{save, validated};
use crate::auth::Admin;
use crate::error::ApiError;
use crate::AppState;
use forebyg_shared::admin::AuditAction;
use forebyg_shared::auth::Role;
use forebyg_shared::directory::DirectoryRecord;
use forebyg_shared::package::PackageRecord;
use forebyg_shared::package_validation::validate_package;
use forebyg_shared::problem::types;
use forebyg_shared::taxonomy::RegionCode;

/// The package a search's `package` filter names, if it names one (a 422 on the field if it
/// does not exist).
pub async fn require_known(state: &AppState, code: Option<&str>) -> Result<Option<PackageRecord>, ApiError> {
    let Some(code) = code else { return Ok(None) };
    match state.directory.get_package(code).await? {
        Some(p) => Ok(Some(p)),
        None => Err(forebyg_shared::validation::FieldError::new(
            "package",
            forebyg_shared::validation::ErrorCode::Unknown,
            "Ukendt kronikerpakke.",
            "Unknown chronic care package.",
        )
        .into()),
    }
}

/// One package: 404 if absent.
pub async fn get(state: &AppState, code: &str) -> Result<PackageRecord, ApiError> {
    state.directory.get_package(code).await?.ok_or_else(|| ApiError::NotFound(format!("No package with code {code}.")))
}

fn national_only(admin: &Admin) -> Result<(), ApiError> {
    if admin.0.role == Role::NationalAdmin {
        Ok(())
    } else {
        Err(ApiError::Forbidden("Packages are edited by national administrators.".into()))
    }
}

/// A new package (version 1) under its code; a code in use is a 409.
pub async fn create(state: &AppState, admin: &Admin, mut p: PackageRecord) -> Result<PackageRecord, ApiError> {
    national_only(admin)?;
    p.version = 1;
    validated(validate_package(&p))?;
    let changes = audit::diff(None, &p);
    save(state, admin, None, DirectoryRecord::Package(p.clone()), (AuditAction::PackageCreated, changes), None).await?;
    Ok(p)
}

/// An edit of the whole package from `p.version` (the code cannot change); a stale version is a
/// 409 with the current package.
pub async fn update(state: &AppState, admin: &Admin, code: &str, mut p: PackageRecord) -> Result<PackageRecord, ApiError> {
    national_only(admin)?;
    let current = get(state, code).await?;
    p.code = current.code.clone();
    validated(validate_package(&p))?;
    if p.version != current.version {
        return Err(ApiError::StaleRecord(Box::new(DirectoryRecord::Package(current))));
    }
    refuse_removing_delivered(state, &current, &p).await?;
    p.version += 1;
    let changes = audit::diff(Some(&current), &p);
    let before = DirectoryRecord::Package(current);
    save(state, admin, Some(&before), DirectoryRecord::Package(p.clone()), (AuditAction::PackageUpdated, changes), None).await?;
    Ok(p)
}

/// 409 when the edit removes components offers (in any region, any status) say they deliver:
/// those offers could no longer be saved and their editor would show nothing ticked. The problem
/// names the count and the first few offers.
async fn refuse_removing_delivered(state: &AppState, current: &PackageRecord, next: &PackageRecord) -> Result<(), ApiError> {
    let removed: Vec<&str> = current.components.iter().map(|c| c.code.as_str()).filter(|c| next.component(c).is_none()).collect();
    if removed.is_empty() {
        return Ok(());
    }
    let mut in_use = vec![];
    for &region in RegionCode::ALL {
        let offers = state.store.region_offers(region).await?;
        in_use.extend(
            offers
                .into_iter()
                .filter(|o| o.packages.iter().any(|d| d.package == current.code && d.components.iter().any(|c| removed.contains(&c.as_str())))),
        );
    }
    if in_use.is_empty() {
        return Ok(());
    }
    const NAMED: usize = 5;
    let names = in_use.iter().take(NAMED).map(|o| format!("{} ({})", o.title, o.id)).collect::<Vec<_>>().join("; ");
    let more = if in_use.len() > NAMED { " …" } else { "" };
    Err(ApiError::Conflict {
        kind: types::RECORD_IN_USE,
        title: forebyg_shared::package::COMPONENTS_IN_USE,
        detail: format!(
            "{} offers deliver the components {} you removed. Untick them in those offers first: {names}{more}",
            in_use.len(),
            removed.join(", ")
        ),
    })
}
