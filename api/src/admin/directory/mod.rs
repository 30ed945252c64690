//! Providers and locations as records of their own, within the admin's scope. Offers embed a
//! copy of their provider and location (search reads one item per offer), so a record change is
//! written together with every offer that references it, all or nothing, and audited.

pub mod locations;
pub mod providers;

use super::audit;
use crate::auth::Admin;
use crate::error::ApiError;
use crate::store::{DirectorySaved, StoreError};
use crate::AppState;
use forebyg_shared::activity::ActivityRecord;
use forebyg_shared::admin::{AuditAction, FieldChange};
use forebyg_shared::directory::{DirectoryRecord, RecordStatus};
use forebyg_shared::offer::Offer;
use forebyg_shared::problem::types;
use forebyg_shared::taxonomy::RegionCode;
use forebyg_shared::validation::{ErrorCode, FieldError};

/// How often a record save is retried when an offer that embeds it changes meanwhile.
const ATTEMPTS: usize = 3;

pub(crate) fn validated(errors: Vec<FieldError>) -> Result<(), ApiError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

/// 422 on `field`: the record's region (or provider) is fixed once it exists.
pub(crate) fn fixed(field: &str) -> ApiError {
    ApiError::Validation(vec![FieldError::new(
        field,
        ErrorCode::Invalid,
        "Kan ikke ændres. Opret en ny i stedet.",
        "Cannot be changed. Create a new one instead.",
    )])
}

/// 422 on `status` when an edit of the whole record would archive or restore it: that is the
/// status route's job (`…/{id}/status`), which refuses to archive a record still in use. A PUT
/// that archived would skip that check and leave published offers naming a record that is gone.
pub(crate) fn same_status(next: RecordStatus, current: RecordStatus) -> Result<(), ApiError> {
    if next == current {
        return Ok(());
    }
    Err(ApiError::Validation(vec![FieldError::new(
        "status",
        ErrorCode::Invalid,
        "Status ændres ikke her: arkivér eller genskab med knappen på siden.",
        "The status is not changed here: archive or restore with the status route (POST …/status).",
    )]))
}

/// 409 while published offers use the record: archiving it would leave them pointing at a
/// place or organisation that is gone. The problem names the offers.
pub(crate) fn refuse_archive_in_use(kind: &str, in_use: &[&Offer]) -> Result<(), ApiError> {
    if in_use.is_empty() {
        return Ok(());
    }
    let names = in_use.iter().map(|o| format!("{} ({})", o.title, o.id)).collect::<Vec<_>>().join("; ");
    Err(ApiError::Conflict {
        kind: types::RECORD_IN_USE,
        title: "Still used by published offers",
        detail: format!("Unpublish or move these offers before archiving the {kind}: {names}"),
    })
}

/// Rewrites an offer the saved record changes (its place's address, say); `None`: untouched.
pub(crate) type Refresh = dyn Fn(&Offer) -> Option<Offer> + Sync;

/// Saves `next` over `before` (`None`: create) together with every offer of its region that
/// `refresh` changes (the offers embedding the record) and, for a location, every activity held
/// there, all or nothing, then audits the record
/// (in its region's log, or in every region's for a national record) and each offer. An offer
/// changed meanwhile makes it read and try again.
pub(crate) async fn save(
    state: &AppState,
    admin: &Admin,
    before: Option<&DirectoryRecord>,
    next: DirectoryRecord,
    (action, changes): (AuditAction, Vec<FieldChange>),
    refresh: Option<&Refresh>,
) -> Result<DirectoryRecord, ApiError> {
    for _ in 0..ATTEMPTS {
        let moved = moved_activities(state, &next).await?;
        let mut refreshed = vec![];
        if let (Some(refresh), Some(region)) = (refresh, next.region()) {
            for o in state.store.region_offers(region).await? {
                if let Some(mut updated) = refresh(&o).filter(|u| *u != o) {
                    updated.version = o.version + 1;
                    refreshed.push((o, updated));
                }
            }
        }
        let saves: Vec<_> = refreshed.iter().map(|(before, after)| (after.clone(), Some(before.version))).collect();
        let mut records = vec![(next.clone(), before.map(DirectoryRecord::version))];
        records.extend(moved.iter().map(|(old, new)| (DirectoryRecord::Activity(new.clone()), Some(old.version))));
        if let Some(max) = state.store.max_atomic_batch().filter(|max| saves.len() + records.len() > *max) {
            return Err(ApiError::Conflict {
                kind: types::RECORD_IN_USE,
                title: "Used by too many offers to change at once",
                detail: format!(
                    "{} offers and {} activities embed this {}; at most {} can change together.",
                    saves.len(),
                    moved.len(),
                    next.kind(),
                    max - 1
                ),
            });
        }
        match state.directory.save_directory(&records, &saves).await? {
            DirectorySaved::Saved => {
                let regions = next.region().map_or_else(|| RegionCode::ALL.to_vec(), |r| vec![r]);
                let mut entries: Vec<_> = regions.into_iter().map(|r| audit::entry(&admin.0, r, action, next.id(), changes.clone())).collect();
                for (old, new) in &refreshed {
                    entries.push(audit::entry(&admin.0, new.region, AuditAction::OfferUpdated, &new.id, audit::diff(Some(old), new)));
                }
                for (old, new) in &moved {
                    entries.push(audit::entry(&admin.0, new.region, AuditAction::ActivityUpdated, &new.id, audit::diff(Some(old), new)));
                }
                state.audit.append_audit(&entries).await?;
                return Ok(next);
            }
            // An activity at the moved location changed meanwhile: read it again.
            DirectorySaved::RecordConflict { id, .. } if id != next.id() => continue,
            DirectorySaved::RecordConflict { current: Some(current), .. } if before.is_some() => return Err(ApiError::StaleRecord(current)),
            DirectorySaved::RecordConflict { current: Some(_), id } => {
                return Err(ApiError::Conflict {
                    kind: types::RECORD_EXISTS,
                    title: "The id is taken",
                    detail: format!("A {} with id {id} exists already.", next.kind()),
                })
            }
            DirectorySaved::RecordConflict { current: None, id } => return Err(ApiError::NotFound(format!("No {} with id {id}.", next.kind()))),
            DirectorySaved::OfferConflict { .. } => continue,
        }
    }
    Err(StoreError::Unavailable("offers kept changing while a record was saved".into()).into())
}

/// A location edit carries its new place to the activities held there (they keep a copy, as
/// offers do, so a public search reads one item per activity): each as (before, after).
async fn moved_activities(state: &AppState, next: &DirectoryRecord) -> Result<Vec<(ActivityRecord, ActivityRecord)>, ApiError> {
    let DirectoryRecord::Location(l) = next else { return Ok(vec![]) };
    let place = l.embedded();
    Ok(state
        .directory
        .region_activities(l.region)
        .await?
        .into_iter()
        .filter(|a| a.location_id.as_deref() == Some(l.id.as_str()) && a.place != place)
        .map(|a| {
            let moved = ActivityRecord { place: place.clone(), version: a.version + 1, ..a.clone() };
            (a, moved)
        })
        .collect())
}

/// Fills an offer's embedded provider and location from the records it names: the provider by
/// `provider.id` (always), the location by `location_id` (when given). A missing, archived or
/// mismatched record is a 422 on that field.
pub async fn link_offer(state: &AppState, offer: &mut Offer) -> Result<(), ApiError> {
    let mut errors = vec![];
    let unknown = |field: &str, da: &str, en: &str| FieldError::new(field, ErrorCode::Unknown, da, en);
    match state.directory.get_provider(offer.provider.id.trim()).await? {
        None => errors.push(unknown("provider.id", "Vælg en udbyder fra listen.", "Choose a provider from the list.")),
        Some(p) if p.status == RecordStatus::Archived => {
            errors.push(FieldError::new("provider.id", ErrorCode::Invalid, "Udbyderen er arkiveret.", "The provider is archived."))
        }
        Some(p) if p.region != offer.region => errors.push(FieldError::new(
            "provider.id",
            ErrorCode::OutOfRange,
            "Udbyderen hører til en anden region.",
            "The provider belongs to another region.",
        )),
        Some(p) => offer.provider = p.embedded(),
    }
    if let Some(id) = offer.location_id.clone().filter(|id| !id.trim().is_empty()) {
        match state.directory.get_location(id.trim()).await? {
            None => errors.push(unknown("location_id", "Vælg et sted fra listen.", "Choose a location from the list.")),
            Some(l) if l.status == RecordStatus::Archived => {
                errors.push(FieldError::new("location_id", ErrorCode::Invalid, "Stedet er arkiveret.", "The location is archived."))
            }
            Some(l) if l.provider_id != offer.provider.id || l.region != offer.region => errors.push(FieldError::new(
                "location_id",
                ErrorCode::OutOfRange,
                "Stedet hører til en anden udbyder eller region.",
                "The location belongs to another provider or region.",
            )),
            Some(l) => {
                offer.location = Some(l.embedded());
                offer.location_id = Some(l.id);
            }
        }
    } else {
        offer.location_id = None;
    }
    errors.extend(crate::admin::offer_links::OfferLinks::load(state, std::iter::once(&*offer)).await?.check(offer));
    validated(errors)
}
