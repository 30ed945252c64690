//! `forebyg reindex`: lists the offers written before an index existed in it. A DynamoDB index
//! only holds items written after it was added, so after a deployment adds one (GSI4, and the
//! provider listing in GSI1, for FHIR reads by id) the published offers stored before it are
//! missing from it until they are saved again. This saves each of them once more, as it is.
//!
//! Design: a re-save of the offer exactly as read, at the version read, through the port's
//! ordinary [`save_offers_atomically`](OfferStore::save_offers_atomically), conditional on that
//! version.
//! - Nothing a user sees changes. The store never touches an offer's `version` or its
//!   `last_verified` date (the admin routes set both when someone edits or confirms a listing),
//!   so the offer is written back with the same version, date and content: no listing looks
//!   "confirmed today", no audit entry is made, and an editor who has the offer open still saves
//!   over the version they loaded (re-saving does not bump it, so it costs them no conflict).
//! - Never a lost update. An offer an editor saved after it was read is at a newer version: the
//!   condition fails, that offer is dropped (its own save wrote its index entries) and the rest of
//!   the batch is tried again. Every versioned save bumps the version, so an offer still at the
//!   version read holds the content read, and writing it back changes nothing but the index keys.
//! - One mapping. The index keys come from the same `offer_to_item` every save uses, so a
//!   reindexed offer is indexed exactly as an edited one. A dedicated "rewrite only the index
//!   attributes" adapter method (an `UpdateItem` with the same condition) would protect nothing
//!   more, but it would be a second copy of which attributes a published or unpublished offer
//!   carries, and a write the API's IAM role otherwise never makes.
//!
//! Only published offers are saved: drafts and archived offers have no entries to add (they get
//! them from the save that publishes them). The embedded store builds its indexes in memory at
//! start, so there the run writes the same bytes back and changes nothing.

use super::{BatchSaved, OfferStore, StoreError};
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::RegionCode;

/// Saves per batch on a store without a limit of its own (one write transaction each).
const UNLIMITED_BATCH: usize = 500;

/// What a reindex did, in offers.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Reindexed {
    /// Published offers written back at their version.
    pub saved: usize,
    /// Published offers saved by someone else after they were read (that save indexed them).
    pub skipped: usize,
    /// Drafts and archived offers, left as they are.
    pub unpublished: usize,
}

impl std::ops::AddAssign for Reindexed {
    fn add_assign(&mut self, other: Reindexed) {
        self.saved += other.saved;
        self.skipped += other.skipped;
        self.unpublished += other.unpublished;
    }
}

/// Reindexes every region's offers (see the module documentation). Safe to run again, and
/// alongside editors; an error leaves every offer as it was or reindexed.
pub async fn reindex_offers(store: &dyn OfferStore) -> Result<Reindexed, StoreError> {
    let mut done = Reindexed::default();
    for region in RegionCode::ALL {
        let offers = store.region_offers(*region).await?;
        done += resave_published(store, offers).await?;
    }
    Ok(done)
}

/// Writes the published ones of `offers` (as read from the store) back at the version read, in
/// batches of the store's [`max_atomic_batch`](OfferStore::max_atomic_batch); an offer whose
/// stored version is no longer the one read is skipped, never overwritten.
pub async fn resave_published(store: &dyn OfferStore, offers: Vec<Offer>) -> Result<Reindexed, StoreError> {
    let (published, unpublished): (Vec<Offer>, Vec<Offer>) = offers.into_iter().partition(Offer::is_published);
    let mut done = Reindexed { unpublished: unpublished.len(), ..Reindexed::default() };
    let batch = store.max_atomic_batch().unwrap_or(UNLIMITED_BATCH).max(1);
    for chunk in published.chunks(batch) {
        let mut saves: Vec<(Offer, Option<u64>)> = chunk.iter().map(|o| (o.clone(), Some(o.version))).collect();
        while let BatchSaved::Conflict { id, .. } = store.save_offers_atomically(&saves).await? {
            let before = saves.len();
            saves.retain(|(o, _)| o.id != id);
            if saves.len() == before {
                // Dropping nothing would retry the same batch for ever.
                return Err(StoreError::Backend(format!("a reindex batch conflicted on offer {id}, which it does not hold")));
            }
            done.skipped += 1;
        }
        done.saved += saves.len();
    }
    Ok(done)
}
