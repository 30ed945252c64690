//! The storage port: what the API needs from a store, and its two adapters.
//!
//! Both adapters answer a search from an index of the published offers' facets (see
//! [`search_index`], [`geo_index`]), reading only the page's offers, and pass the same contract
//! tests (`tests/store_contract.rs`).

pub mod audit;
pub mod directory;
pub mod dynamodb;
pub mod embedded;
pub mod geo_index;
pub mod reference_index;
pub mod referral;
pub mod reindex;
pub mod report;
pub mod search_index;

pub use audit::AuditStore;
pub use directory::{DirectorySaved, DirectoryStore};
pub use reference_index::{OfferRef, RefRead};
pub use referral::{ClinicianSender, Created, Referral, ReferralStore, ResponseTally, SenderIdentifier, TallyCount, TallyMove};
pub use reindex::{reindex_offers, Reindexed};
pub use report::ReportStore;
pub use search_index::{SearchPage, SearchQuery};

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

    /// Published offers within the radius that match the filters, nearest first (or soonest
    /// start), then the region's digital offers; only the asked page's offers are read whole.
    async fn search(&self, query: &SearchQuery) -> Result<SearchPage, StoreError>;

    /// Several searches at once (the clinician search's groups), each page as [`search`]
    /// (Self::search) would give it. An adapter may share reads between them; the read units
    /// of the whole batch are then reported on the first page.
    async fn search_many(&self, queries: &[SearchQuery]) -> Result<Vec<SearchPage>, StoreError> {
        futures_util::future::try_join_all(queries.iter().map(|q| self.search(q))).await
    }

    /// The published offer a FHIR read by id answers from (see [`reference_index`]): the first by
    /// id of those at the place or of the provider in region `prefer`, else the first by id of
    /// every region's. Reads an index keyed by the reference, never a region's offers.
    async fn published_offer_by(&self, by: &OfferRef, prefer: Option<RegionCode>) -> Result<RefRead, StoreError>;

    /// Every offer of a region, in any status, ordered by id.
    async fn region_offers(&self, region: RegionCode) -> Result<Vec<Offer>, StoreError>;

    /// The number of offers stored, in any status.
    async fn count_offers(&self) -> Result<u64, StoreError>;
}
