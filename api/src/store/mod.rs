//! The storage port: what the API needs from a store, and its two adapters.
//!
//! Both adapters keep the same geo index (see [`geo_index`]) and pass the same contract tests
//! (`tests/store_contract.rs`).

pub mod audit;
pub mod directory;
pub mod dynamodb;
pub mod embedded;
pub mod geo_index;
pub mod referral;
pub mod report;

pub use audit::AuditStore;
pub use directory::{DirectorySaved, DirectoryStore};
pub use referral::{ClinicianSender, Created, Referral, ReferralStore};
pub use report::ReportStore;

use async_trait::async_trait;
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::RegionCode;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The backing service cannot be reached or is throttling.
    #[error("store unavailable: {0}")]
    Unavailable(String),
    /// Stored data could not be read back (a bug or a manual edit).
    #[error("corrupt record {id}: {reason}")]
    Corrupt { id: String, reason: String },
    #[error("store failure: {0}")]
    Backend(String),
}

/// The outcome of a versioned save.
#[derive(Debug, PartialEq)]
pub enum Saved {
    Saved,
    /// The stored offer is not at the expected version: here it is (`None`: it does not exist).
    Conflict(Option<Box<Offer>>),
}

/// The outcome of an all-or-nothing batch of versioned saves.
#[derive(Debug, PartialEq)]
pub enum BatchSaved {
    /// Every offer was written.
    Saved,
    /// Offer `id` is not at its expected version (`current`: as stored, `None`: absent), so
    /// nothing was written.
    Conflict { id: String, current: Option<Box<Offer>> },
}

/// Offers read from the index, with how many index entries were read to find them.
#[derive(Debug, Default)]
pub struct IndexRead {
    pub offers: Vec<Offer>,
    pub items_read: u32,
}

/// Storage of offers and their search indexes.
#[async_trait]
pub trait OfferStore: Send + Sync {
    /// Inserts or replaces offers, keeping the indexes in step.
    async fn put_offers(&self, offers: &[Offer]) -> Result<(), StoreError>;

    /// Creates an offer (`expected_version: None`: it must not exist) or replaces it (`Some(v)`:
    /// the stored version must be `v`), atomically. Never a silent overwrite.
    async fn save_offer(&self, offer: &Offer, expected_version: Option<u64>) -> Result<Saved, StoreError>;

    /// Saves every offer as [`save_offer`](Self::save_offer) would, all or nothing: if any one
    /// is not at its expected version, none is written. At most
    /// [`max_atomic_batch`](Self::max_atomic_batch) saves, and each offer id at most once.
    async fn save_offers_atomically(&self, saves: &[(Offer, Option<u64>)]) -> Result<BatchSaved, StoreError>;

    /// The most saves one [`save_offers_atomically`](Self::save_offers_atomically) call may
    /// hold; `None`: no limit.
    fn max_atomic_batch(&self) -> Option<usize> {
        None
    }

    async fn get_offer(&self, id: &str) -> Result<Option<Offer>, StoreError>;

    /// Published offers with a place inside any of the given geohash cells (3–8 characters).
    async fn published_in_cells(&self, cells: &[String]) -> Result<IndexRead, StoreError>;

    /// Published digital-only offers of a region.
    async fn published_digital(&self, region: RegionCode) -> Result<IndexRead, StoreError>;

    /// Every offer of a region, in any status, ordered by id.
    async fn region_offers(&self, region: RegionCode) -> Result<Vec<Offer>, StoreError>;

    /// The number of offers stored, in any status.
    async fn count_offers(&self) -> Result<u64, StoreError>;
}

/// Where an offer sits in the search indexes; `None` when it is not searchable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexEntry {
    /// Published with a place: partition by the 3-character cell, sort by full geohash + id.
    Geo { partition: String, sort: String },
    /// Published and digital-only: partition by region.
    Digital { partition: String, sort: String },
}

impl IndexEntry {
    pub fn for_offer(offer: &Offer) -> Option<IndexEntry> {
        if !offer.is_published() {
            return None;
        }
        match offer.point() {
            Some(point) => {
                let hash = geo_index::encode(point);
                Some(IndexEntry::Geo { partition: geo_index::partition_key(&hash), sort: format!("{hash}#{}", offer.id) })
            }
            None => Some(IndexEntry::Digital { partition: geo_index::digital_partition_key(offer.region), sort: offer.id.clone() }),
        }
    }
}
