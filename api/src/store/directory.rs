//! The storage port of provider and location records. A record change and the offers that embed
//! a copy of it are written together, all or nothing, each at the version the caller read.

use super::StoreError;
use async_trait::async_trait;
use forebyg_shared::activity::{ActivityRecord, AssociationRecord};
use forebyg_shared::directory::{DirectoryRecord, LocationRecord, ProviderRecord};
use forebyg_shared::offer::Offer;
use forebyg_shared::package::PackageRecord;
use forebyg_shared::taxonomy::RegionCode;

/// The outcome of [`DirectoryStore::save_directory`].
#[derive(Debug, PartialEq)]
pub enum DirectorySaved {
    /// Every record and offer was written.
    Saved,
    /// A record is not at its expected version (`current`: as stored, `None`: absent); nothing
    /// was written.
    RecordConflict { id: String, current: Option<Box<DirectoryRecord>> },
    /// An offer is not at its expected version; nothing was written.
    OfferConflict { id: String, current: Option<Box<Offer>> },
}

#[async_trait]
pub trait DirectoryStore: Send + Sync {
    async fn get_provider(&self, id: &str) -> Result<Option<ProviderRecord>, StoreError>;

    async fn get_location(&self, id: &str) -> Result<Option<LocationRecord>, StoreError>;

    /// A region's providers in any status, ordered by id.
    async fn region_providers(&self, region: RegionCode) -> Result<Vec<ProviderRecord>, StoreError>;

    /// A region's locations in any status, ordered by id.
    async fn region_locations(&self, region: RegionCode) -> Result<Vec<LocationRecord>, StoreError>;

    /// A package by its code.
    async fn get_package(&self, code: &str) -> Result<Option<PackageRecord>, StoreError>;

    /// Every package, ordered by code (one national listing).
    async fn packages(&self) -> Result<Vec<PackageRecord>, StoreError>;

    async fn get_association(&self, id: &str) -> Result<Option<AssociationRecord>, StoreError>;

    /// A region's associations in any status, ordered by id.
    async fn region_associations(&self, region: RegionCode) -> Result<Vec<AssociationRecord>, StoreError>;

    async fn get_activity(&self, id: &str) -> Result<Option<ActivityRecord>, StoreError>;

    /// A region's activities in any status, ordered by id.
    async fn region_activities(&self, region: RegionCode) -> Result<Vec<ActivityRecord>, StoreError>;

    /// Creates (`None`: must not exist) or replaces (`Some(v)`: stored version must be `v`)
    /// every record, and saves every offer the same way, all or nothing, keeping the
    /// region listing in step. At most [`OfferStore::max_atomic_batch`](super::OfferStore::max_atomic_batch)
    /// records and offers together.
    async fn save_directory(&self, records: &[(DirectoryRecord, Option<u64>)], offers: &[(Offer, Option<u64>)])
        -> Result<DirectorySaved, StoreError>;

    /// Inserts or replaces records without version checks (seeding demo data).
    async fn put_directory(&self, records: &[DirectoryRecord]) -> Result<(), StoreError>;
}

/// The listing a record belongs to: its region's code, or `national` for packages.
pub fn listing(record: &DirectoryRecord) -> &'static str {
    record.region().map(|r| r.code()).unwrap_or(NATIONAL)
}

/// The listing of national records (packages).
pub const NATIONAL: &str = "national";
