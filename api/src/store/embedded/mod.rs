//! The embedded store: a redb database file under the data directory. No server needed, and the
//! data survives a restart. Search runs on an in-memory index of the published offers
//! ([`offer_index`]) with the same cells as DynamoDB's, then reads the page's offers by id.

use super::{reference_index, BatchSaved, IndexRead, OfferRef, OfferStore, RefRead, Saved, SearchPage, SearchQuery, StoreError};
use async_trait::async_trait;
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::RegionCode;
use offer_index::OfferIndex;
use redb::{Database, ReadableDatabase, ReadableTable, ReadableTableMetadata, TableDefinition};
use std::path::Path;
use std::sync::{Arc, RwLock};

mod audit;
mod directory;
pub mod offer_index;
mod referrals;
mod reports;

/// id → offer as JSON.
const OFFERS: TableDefinition<&str, &[u8]> = TableDefinition::new("offers");
/// Search indexes of earlier versions, now in memory ([`OfferIndex`]): deleted at open.
const OLD_INDEXES: [TableDefinition<&str, ()>; 2] = [TableDefinition::new("geo_index"), TableDefinition::new("digital_index")];
/// `{region}#{id}` → () for every offer, in any status.
const REGION: TableDefinition<&str, ()> = TableDefinition::new("region_index");
/// receipt code → self-referral as JSON.
const REFERRALS: TableDefinition<&str, &[u8]> = TableDefinition::new("referrals");
/// `{region}|{YYYY-MM}|{provider id}` → a [`crate::store::ResponseTally`] as JSON.
const RESPONSE_TALLIES: TableDefinition<&str, &[u8]> = TableDefinition::new("response_tallies");
/// `{region}#{at:012}#{id}` → audit entry as JSON.
const AUDIT: TableDefinition<&str, &[u8]> = TableDefinition::new("audit_log");
/// report id → change report as JSON.
const REPORTS: TableDefinition<&str, &[u8]> = TableDefinition::new("change_reports");
/// idempotency key → receipt code.
const IDEMPOTENCY: TableDefinition<&str, &str> = TableDefinition::new("referral_idempotency");

/// Sorts after every character of a geohash, `#` and an id: the end of a prefix range.
const PREFIX_END: char = '\u{10FFFF}';

pub const DB_FILE: &str = "forebyg.redb";

#[derive(Clone)]
pub struct EmbeddedStore {
    db: Arc<Database>,
    index: Arc<RwLock<OfferIndex>>,
}

impl EmbeddedStore {
    /// Opens (or creates) `dir/forebyg.redb`.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::Backend(format!("cannot create data dir {}: {e}", dir.display())))?;
        let db = Database::create(dir.join(DB_FILE)).map_err(backend)?;
        // Create the tables up front so readers never meet a missing table.
        let tx = db.begin_write().map_err(backend)?;
        tx.open_table(OFFERS).map_err(backend)?;
        tx.open_table(REGION).map_err(backend)?;
        tx.open_table(REFERRALS).map_err(backend)?;
        tx.open_table(IDEMPOTENCY).map_err(backend)?;
        tx.open_table(RESPONSE_TALLIES).map_err(backend)?;
        tx.open_table(AUDIT).map_err(backend)?;
        tx.open_table(REPORTS).map_err(backend)?;
        tx.open_table(directory::DIRECTORY).map_err(backend)?;
        tx.open_table(directory::DIRECTORY_REGION).map_err(backend)?;
        for old in OLD_INDEXES {
            tx.delete_table(old).map_err(backend)?;
        }
        tx.commit().map_err(backend)?;
        let index = build_index(&db)?;
        Ok(EmbeddedStore { db: Arc::new(db), index: Arc::new(RwLock::new(index)) })
    }

    /// Runs blocking database work off the async executor.
    async fn blocking<T: Send + 'static>(&self, f: impl FnOnce(&Database) -> Result<T, StoreError> + Send + 'static) -> Result<T, StoreError> {
        let db = self.db.clone();
        tokio::task::spawn_blocking(move || f(&db)).await.map_err(|e| StoreError::Backend(format!("store task failed: {e}")))?
    }

    /// [`blocking`](Self::blocking) with the search index, for offer writes and searches.
    async fn blocking_indexed<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Database, &RwLock<OfferIndex>) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let (db, index) = (self.db.clone(), self.index.clone());
        tokio::task::spawn_blocking(move || f(&db, &index)).await.map_err(|e| StoreError::Backend(format!("store task failed: {e}")))?
    }
}

/// Every published offer's entry, from the offers table.
fn build_index(db: &Database) -> Result<OfferIndex, StoreError> {
    let tx = db.begin_read().map_err(backend)?;
    let mut index = OfferIndex::default();
    for row in tx.open_table(OFFERS).map_err(backend)?.iter().map_err(backend)? {
        let (id, bytes) = row.map_err(backend)?;
        index.upsert(&decode(id.value(), bytes.value())?);
    }
    Ok(index)
}

/// A write transaction that remembers the offers written, so the search index changes exactly
/// when the commit does: the only way to write offers.
pub(super) struct OfferWrites<'a> {
    tx: redb::WriteTransaction,
    index: &'a RwLock<OfferIndex>,
    written: Vec<Offer>,
}

impl<'a> OfferWrites<'a> {
    fn begin(db: &Database, index: &'a RwLock<OfferIndex>) -> Result<Self, StoreError> {
        Ok(OfferWrites { tx: db.begin_write().map_err(backend)?, index, written: vec![] })
    }

    /// The transaction, for other records written with the offers.
    pub(super) fn tx(&self) -> &redb::WriteTransaction {
        &self.tx
    }

    /// The stored offer `id`, as this transaction sees it.
    pub(super) fn current(&self, id: &str) -> Result<Option<Offer>, StoreError> {
        let table = self.tx.open_table(OFFERS).map_err(backend)?;
        let found = table.get(id).map_err(backend)?;
        found.map(|b| decode(id, b.value())).transpose()
    }

    pub(super) fn write(&mut self, offer: &Offer) -> Result<(), StoreError> {
        write_offer(&self.tx, offer)?;
        self.written.push(offer.clone());
        Ok(())
    }

    /// Commits, and applies the written offers to the index under its write lock: a search
    /// (which holds the read lock while it reads its page) sees the state before or after, whole.
    pub(super) fn commit(self) -> Result<(), StoreError> {
        let mut index = self.index.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        self.tx.commit().map_err(backend)?;
        for offer in &self.written {
            index.upsert(offer);
        }
        Ok(())
    }
}

fn backend(e: impl std::fmt::Display) -> StoreError {
    StoreError::Backend(e.to_string())
}

/// Writes an offer and moves its region entry, inside the caller's transaction.
fn write_offer(tx: &redb::WriteTransaction, offer: &Offer) -> Result<(), StoreError> {
    let mut table = tx.open_table(OFFERS).map_err(backend)?;
    let mut regions = tx.open_table(REGION).map_err(backend)?;
    let old = table.get(offer.id.as_str()).map_err(backend)?.map(|b| decode(&offer.id, b.value())).transpose()?;
    if let Some(old) = &old {
        regions.remove(region_key(old).as_str()).map_err(backend)?;
    }
    regions.insert(region_key(offer).as_str(), ()).map_err(backend)?;
    let json = serde_json::to_vec(offer).map_err(backend)?;
    table.insert(offer.id.as_str(), json.as_slice()).map_err(backend)?;
    Ok(())
}

fn region_key(offer: &Offer) -> String {
    format!("{}#{}", offer.region.code(), offer.id)
}

fn decode(id: &str, bytes: &[u8]) -> Result<Offer, StoreError> {
    serde_json::from_slice(bytes).map_err(|e| StoreError::Corrupt { id: id.to_owned(), reason: e.to_string() })
}

/// Reads the offers whose index keys start with any of `prefixes`.
fn read_prefixes(db: &Database, index: TableDefinition<&str, ()>, prefixes: &[String]) -> Result<IndexRead, StoreError> {
    let tx = db.begin_read().map_err(backend)?;
    let (idx, offers) = (tx.open_table(index).map_err(backend)?, tx.open_table(OFFERS).map_err(backend)?);
    let mut out = IndexRead::default();
    for prefix in prefixes {
        let end = format!("{prefix}{PREFIX_END}");
        for entry in idx.range(prefix.as_str()..end.as_str()).map_err(backend)? {
            let (key, _) = entry.map_err(backend)?;
            out.items_read += 1;
            let id = key.value().rsplit_once('#').map(|(_, id)| id.to_owned()).unwrap_or_default();
            let bytes = offers
                .get(id.as_str())
                .map_err(backend)?
                .ok_or_else(|| StoreError::Corrupt { id: id.clone(), reason: "index entry without offer".into() })?;
            out.offers.push(decode(&id, bytes.value())?);
        }
    }
    Ok(out)
}

#[async_trait]
impl OfferStore for EmbeddedStore {
    async fn put_offers(&self, offers: &[Offer]) -> Result<(), StoreError> {
        let offers = offers.to_vec();
        self.blocking_indexed(move |db, index| {
            // One transaction: all offers, or none.
            let mut writes = OfferWrites::begin(db, index)?;
            for offer in &offers {
                writes.write(offer)?;
            }
            writes.commit()
        })
        .await
    }

    async fn save_offer(&self, offer: &Offer, expected_version: Option<u64>) -> Result<Saved, StoreError> {
        let offer = offer.clone();
        self.blocking_indexed(move |db, index| {
            let mut writes = OfferWrites::begin(db, index)?;
            let current = writes.current(&offer.id)?;
            if current.as_ref().map(|o| o.version) != expected_version {
                return Ok(Saved::Conflict(current.map(Box::new)));
            }
            writes.write(&offer)?;
            writes.commit()?;
            Ok(Saved::Saved)
        })
        .await
    }

    async fn save_offers_atomically(&self, saves: &[(Offer, Option<u64>)]) -> Result<BatchSaved, StoreError> {
        let saves = saves.to_vec();
        self.blocking_indexed(move |db, index| {
            // One write transaction: dropped uncommitted (nothing written) on the first conflict.
            let mut writes = OfferWrites::begin(db, index)?;
            for (offer, expected_version) in &saves {
                let current = writes.current(&offer.id)?;
                if current.as_ref().map(|o| o.version) != *expected_version {
                    return Ok(BatchSaved::Conflict { id: offer.id.clone(), current: current.map(Box::new) });
                }
                writes.write(offer)?;
            }
            writes.commit()?;
            Ok(BatchSaved::Saved)
        })
        .await
    }

    async fn get_offer(&self, id: &str) -> Result<Option<Offer>, StoreError> {
        let id = id.to_owned();
        self.blocking(move |db| {
            let tx = db.begin_read().map_err(backend)?;
            let table = tx.open_table(OFFERS).map_err(backend)?;
            let found = table.get(id.as_str()).map_err(backend)?;
            found.map(|b| decode(&id, b.value())).transpose()
        })
        .await
    }

    async fn search(&self, query: &SearchQuery) -> Result<SearchPage, StoreError> {
        let query = query.clone();
        self.blocking_indexed(move |db, index| {
            // The read lock is held until the page is read, so no write falls in between.
            let index = index.read().unwrap_or_else(|poisoned| poisoned.into_inner());
            let plan = index.plan(&query);
            let tx = db.begin_read().map_err(backend)?;
            let table = tx.open_table(OFFERS).map_err(backend)?;
            let offers =
                plan.ids().map(|id| table.get(id).map_err(backend)?.map(|b| decode(id, b.value())).transpose()).collect::<Result<Vec<_>, _>>()?;
            drop(index);
            Ok(plan.finish(&query, offers, None))
        })
        .await
    }

    async fn published_offer_by(&self, by: &OfferRef, prefer: Option<RegionCode>) -> Result<RefRead, StoreError> {
        let by = by.clone();
        self.blocking_indexed(move |db, index| {
            // The read lock is held until the offers are read, so no write falls in between.
            let index = index.read().unwrap_or_else(|poisoned| poisoned.into_inner());
            let tx = db.begin_read().map_err(backend)?;
            let table = tx.open_table(OFFERS).map_err(backend)?;
            let mut read = RefRead::default();
            for round in reference_index::rounds(prefer) {
                let mut firsts = vec![];
                for id in round.into_iter().filter_map(|r| index.first_named(&by, r)) {
                    read.items_read += 1;
                    firsts.extend(table.get(id).map_err(backend)?.map(|b| decode(id, b.value())).transpose()?.filter(|o| by.names(o)));
                }
                read.offer = reference_index::pick(firsts);
                if read.offer.is_some() {
                    break;
                }
            }
            Ok(read)
        })
        .await
    }

    async fn region_offers(&self, region: RegionCode) -> Result<Vec<Offer>, StoreError> {
        let prefix = vec![format!("{}#", region.code())];
        self.blocking(move |db| read_prefixes(db, REGION, &prefix).map(|r| r.offers)).await
    }

    async fn count_offers(&self) -> Result<u64, StoreError> {
        self.blocking(|db| {
            let tx = db.begin_read().map_err(backend)?;
            tx.open_table(OFFERS).map_err(backend)?.len().map_err(backend)
        })
        .await
    }
}
