//! The embedded store: a redb database file under the data directory. No server needed, and the
//! data survives a restart. Same geo index as DynamoDB: one range read per covering cell.

use super::{BatchSaved, IndexEntry, IndexRead, OfferStore, Saved, StoreError};
use async_trait::async_trait;
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::RegionCode;
use redb::{Database, ReadableDatabase, ReadableTable, ReadableTableMetadata, TableDefinition};
use std::path::Path;
use std::sync::Arc;

mod audit;
mod directory;
mod referrals;
mod reports;

/// id → offer as JSON.
const OFFERS: TableDefinition<&str, &[u8]> = TableDefinition::new("offers");
/// `{geohash8}#{id}` → () for published offers with a place.
const GEO: TableDefinition<&str, ()> = TableDefinition::new("geo_index");
/// `{region}#{id}` → () for published digital-only offers.
const DIGITAL: TableDefinition<&str, ()> = TableDefinition::new("digital_index");
/// `{region}#{id}` → () for every offer, in any status.
const REGION: TableDefinition<&str, ()> = TableDefinition::new("region_index");
/// receipt code → self-referral as JSON.
const REFERRALS: TableDefinition<&str, &[u8]> = TableDefinition::new("referrals");
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
}

impl EmbeddedStore {
    /// Opens (or creates) `dir/forebyg.redb`.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::Backend(format!("cannot create data dir {}: {e}", dir.display())))?;
        let db = Database::create(dir.join(DB_FILE)).map_err(backend)?;
        // Create the tables up front so readers never meet a missing table.
        let tx = db.begin_write().map_err(backend)?;
        tx.open_table(OFFERS).map_err(backend)?;
        tx.open_table(GEO).map_err(backend)?;
        tx.open_table(DIGITAL).map_err(backend)?;
        tx.open_table(REGION).map_err(backend)?;
        tx.open_table(REFERRALS).map_err(backend)?;
        tx.open_table(IDEMPOTENCY).map_err(backend)?;
        tx.open_table(AUDIT).map_err(backend)?;
        tx.open_table(REPORTS).map_err(backend)?;
        tx.open_table(directory::DIRECTORY).map_err(backend)?;
        tx.open_table(directory::DIRECTORY_REGION).map_err(backend)?;
        tx.commit().map_err(backend)?;
        Ok(EmbeddedStore { db: Arc::new(db) })
    }

    /// Runs blocking database work off the async executor.
    async fn blocking<T: Send + 'static>(&self, f: impl FnOnce(&Database) -> Result<T, StoreError> + Send + 'static) -> Result<T, StoreError> {
        let db = self.db.clone();
        tokio::task::spawn_blocking(move || f(&db)).await.map_err(|e| StoreError::Backend(format!("store task failed: {e}")))?
    }
}

fn backend(e: impl std::fmt::Display) -> StoreError {
    StoreError::Backend(e.to_string())
}

/// The embedded key of an index entry: the geohash sort key needs no partition (it starts with
/// the cell), a digital entry is keyed by region code and id.
fn index_key(entry: &IndexEntry) -> (bool, String) {
    match entry {
        IndexEntry::Geo { sort, .. } => (true, sort.clone()),
        IndexEntry::Digital { partition, sort } => (false, format!("{}#{sort}", partition.trim_start_matches("DIGITAL#"))),
    }
}

/// Writes an offer and moves its index entries, inside the caller's transaction.
fn write_offer(tx: &redb::WriteTransaction, offer: &Offer) -> Result<(), StoreError> {
    let mut table = tx.open_table(OFFERS).map_err(backend)?;
    let (mut geo, mut digital, mut regions) =
        (tx.open_table(GEO).map_err(backend)?, tx.open_table(DIGITAL).map_err(backend)?, tx.open_table(REGION).map_err(backend)?);
    let old = table.get(offer.id.as_str()).map_err(backend)?.map(|b| decode(&offer.id, b.value())).transpose()?;
    if let Some(old) = &old {
        regions.remove(region_key(old).as_str()).map_err(backend)?;
        if let Some(entry) = IndexEntry::for_offer(old) {
            let (is_geo, key) = index_key(&entry);
            let index = if is_geo { &mut geo } else { &mut digital };
            index.remove(key.as_str()).map_err(backend)?;
        }
    }
    if let Some(entry) = IndexEntry::for_offer(offer) {
        let (is_geo, key) = index_key(&entry);
        let index = if is_geo { &mut geo } else { &mut digital };
        index.insert(key.as_str(), ()).map_err(backend)?;
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
        self.blocking(move |db| {
            // One transaction: all offers and index entries, or none.
            let tx = db.begin_write().map_err(backend)?;
            for offer in &offers {
                write_offer(&tx, offer)?;
            }
            tx.commit().map_err(backend)
        })
        .await
    }

    async fn save_offer(&self, offer: &Offer, expected_version: Option<u64>) -> Result<Saved, StoreError> {
        let offer = offer.clone();
        self.blocking(move |db| {
            let tx = db.begin_write().map_err(backend)?;
            let current =
                tx.open_table(OFFERS).map_err(backend)?.get(offer.id.as_str()).map_err(backend)?.map(|b| decode(&offer.id, b.value())).transpose()?;
            if current.as_ref().map(|o| o.version) != expected_version {
                return Ok(Saved::Conflict(current.map(Box::new)));
            }
            write_offer(&tx, &offer)?;
            tx.commit().map_err(backend)?;
            Ok(Saved::Saved)
        })
        .await
    }

    async fn save_offers_atomically(&self, saves: &[(Offer, Option<u64>)]) -> Result<BatchSaved, StoreError> {
        let saves = saves.to_vec();
        self.blocking(move |db| {
            // One write transaction: dropped uncommitted (nothing written) on the first conflict.
            let tx = db.begin_write().map_err(backend)?;
            for (offer, expected_version) in &saves {
                let current = tx
                    .open_table(OFFERS)
                    .map_err(backend)?
                    .get(offer.id.as_str())
                    .map_err(backend)?
                    .map(|b| decode(&offer.id, b.value()))
                    .transpose()?;
                if current.as_ref().map(|o| o.version) != *expected_version {
                    return Ok(BatchSaved::Conflict { id: offer.id.clone(), current: current.map(Box::new) });
                }
                write_offer(&tx, offer)?;
            }
            tx.commit().map_err(backend)?;
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

    async fn published_in_cells(&self, cells: &[String]) -> Result<IndexRead, StoreError> {
        let cells = cells.to_vec();
        self.blocking(move |db| read_prefixes(db, GEO, &cells)).await
    }

    async fn published_digital(&self, region: RegionCode) -> Result<IndexRead, StoreError> {
        let prefix = vec![format!("{}#", region.code())];
        self.blocking(move |db| read_prefixes(db, DIGITAL, &prefix)).await
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
