//! Provider and location records in redb: `{kind}#{id}` → record as JSON, listed per region
//! through `{region}#{kind}#{id}` keys. Record and offer saves share one write transaction.

use super::{backend, EmbeddedStore, OfferWrites, PREFIX_END};
use crate::store::directory::{listing, NATIONAL};
use crate::store::{DirectorySaved, DirectoryStore, StoreError};
use async_trait::async_trait;
use forebyg_shared::activity::{ActivityRecord, AssociationRecord};
use forebyg_shared::directory::{DirectoryRecord, LocationRecord, ProviderRecord};
use forebyg_shared::offer::Offer;
use forebyg_shared::package::PackageRecord;
use forebyg_shared::taxonomy::RegionCode;
use redb::{ReadableDatabase, ReadableTable, TableDefinition};
use serde::de::DeserializeOwned;

/// `{kind}#{id}` → provider or location record as JSON.
pub(super) const DIRECTORY: TableDefinition<&str, &[u8]> = TableDefinition::new("directory");
/// `{region}#{kind}#{id}` → () for every record.
pub(super) const DIRECTORY_REGION: TableDefinition<&str, ()> = TableDefinition::new("directory_region_index");

fn key(kind: &str, id: &str) -> String {
    format!("{kind}#{id}")
}

fn read_record<T: DeserializeOwned>(table: &impl ReadableTable<&'static str, &'static [u8]>, key: &str) -> Result<Option<T>, StoreError> {
    let found = table.get(key).map_err(backend)?;
    found.map(|b| serde_json::from_slice(b.value()).map_err(|e| StoreError::Corrupt { id: key.to_owned(), reason: e.to_string() })).transpose()
}

fn read_current(tx: &redb::WriteTransaction, record: &DirectoryRecord) -> Result<Option<DirectoryRecord>, StoreError> {
    let table = tx.open_table(DIRECTORY).map_err(backend)?;
    let k = key(record.kind(), record.id());
    Ok(match record {
        DirectoryRecord::Provider(_) => read_record::<ProviderRecord>(&table, &k)?.map(DirectoryRecord::Provider),
        DirectoryRecord::Location(_) => read_record::<LocationRecord>(&table, &k)?.map(DirectoryRecord::Location),
        DirectoryRecord::Package(_) => read_record::<PackageRecord>(&table, &k)?.map(DirectoryRecord::Package),
        DirectoryRecord::Association(_) => read_record::<AssociationRecord>(&table, &k)?.map(DirectoryRecord::Association),
        DirectoryRecord::Activity(_) => read_record::<ActivityRecord>(&table, &k)?.map(DirectoryRecord::Activity),
    })
}

fn region_key(record: &DirectoryRecord) -> String {
    format!("{}#{}", listing(record), key(record.kind(), record.id()))
}

/// Writes a record and moves its region index entry, inside the caller's transaction.
fn write_record(tx: &redb::WriteTransaction, record: &DirectoryRecord) -> Result<(), StoreError> {
    let mut index = tx.open_table(DIRECTORY_REGION).map_err(backend)?;
    if let Some(old) = read_current(tx, record)? {
        index.remove(region_key(&old).as_str()).map_err(backend)?;
    }
    index.insert(region_key(record).as_str(), ()).map_err(backend)?;
    let json = match record {
        DirectoryRecord::Provider(p) => serde_json::to_vec(p),
        DirectoryRecord::Location(l) => serde_json::to_vec(l),
        DirectoryRecord::Package(p) => serde_json::to_vec(p),
        DirectoryRecord::Association(a) => serde_json::to_vec(a),
        DirectoryRecord::Activity(a) => serde_json::to_vec(a),
    }
    .map_err(backend)?;
    let k = key(record.kind(), record.id());
    tx.open_table(DIRECTORY).map_err(backend)?.insert(k.as_str(), json.as_slice()).map_err(backend)?;
    Ok(())
}

impl EmbeddedStore {
    async fn get_record<T: DeserializeOwned + Send + 'static>(&self, kind: &'static str, id: &str) -> Result<Option<T>, StoreError> {
        let k = key(kind, id);
        self.blocking(move |db| {
            let tx = db.begin_read().map_err(backend)?;
            read_record(&tx.open_table(DIRECTORY).map_err(backend)?, &k)
        })
        .await
    }

    async fn listed_records<T: DeserializeOwned + Send + 'static>(&self, kind: &'static str, listing: &str) -> Result<Vec<T>, StoreError> {
        let prefix = format!("{listing}#{kind}#");
        self.blocking(move |db| {
            let tx = db.begin_read().map_err(backend)?;
            let (index, table) = (tx.open_table(DIRECTORY_REGION).map_err(backend)?, tx.open_table(DIRECTORY).map_err(backend)?);
            let end = format!("{prefix}{PREFIX_END}");
            let mut out = vec![];
            for entry in index.range(prefix.as_str()..end.as_str()).map_err(backend)? {
                let (k, _) = entry.map_err(backend)?;
                let record_key = k.value().split_once('#').map(|(_, rest)| rest.to_owned()).unwrap_or_default();
                let record = read_record(&table, &record_key)?
                    .ok_or_else(|| StoreError::Corrupt { id: record_key.clone(), reason: "index entry without record".into() })?;
                out.push(record);
            }
            Ok(out)
        })
        .await
    }
}

#[async_trait]
impl DirectoryStore for EmbeddedStore {
    async fn get_provider(&self, id: &str) -> Result<Option<ProviderRecord>, StoreError> {
        self.get_record("provider", id).await
    }

    async fn get_location(&self, id: &str) -> Result<Option<LocationRecord>, StoreError> {
        self.get_record("location", id).await
    }

    async fn region_providers(&self, region: RegionCode) -> Result<Vec<ProviderRecord>, StoreError> {
        self.listed_records("provider", region.code()).await
    }

    async fn region_locations(&self, region: RegionCode) -> Result<Vec<LocationRecord>, StoreError> {
        self.listed_records("location", region.code()).await
    }

    async fn get_package(&self, code: &str) -> Result<Option<PackageRecord>, StoreError> {
        self.get_record("package", code).await
    }

    async fn packages(&self) -> Result<Vec<PackageRecord>, StoreError> {
        self.listed_records("package", NATIONAL).await
    }

    async fn get_association(&self, id: &str) -> Result<Option<AssociationRecord>, StoreError> {
        self.get_record("association", id).await
    }

    async fn region_associations(&self, region: RegionCode) -> Result<Vec<AssociationRecord>, StoreError> {
        self.listed_records("association", region.code()).await
    }

    async fn get_activity(&self, id: &str) -> Result<Option<ActivityRecord>, StoreError> {
        self.get_record("activity", id).await
    }

    async fn region_activities(&self, region: RegionCode) -> Result<Vec<ActivityRecord>, StoreError> {
        self.listed_records("activity", region.code()).await
    }

    async fn save_directory(
        &self,
        records: &[(DirectoryRecord, Option<u64>)],
        offers: &[(Offer, Option<u64>)],
    ) -> Result<DirectorySaved, StoreError> {
        let (records, offers) = (records.to_vec(), offers.to_vec());
        self.blocking_indexed(move |db, index| {
            // One write transaction, dropped uncommitted (nothing written) on the first conflict.
            let mut writes = OfferWrites::begin(db, index)?;
            for (record, expected) in &records {
                let current = read_current(writes.tx(), record)?;
                if current.as_ref().map(DirectoryRecord::version) != *expected {
                    return Ok(DirectorySaved::RecordConflict { id: record.id().to_owned(), current: current.map(Box::new) });
                }
                write_record(writes.tx(), record)?;
            }
            for (offer, expected) in &offers {
                let current = writes.current(&offer.id)?;
                if current.as_ref().map(|o| o.version) != *expected {
                    return Ok(DirectorySaved::OfferConflict { id: offer.id.clone(), current: current.map(Box::new) });
                }
                writes.write(offer)?;
            }
            writes.commit()?;
            Ok(DirectorySaved::Saved)
        })
        .await
    }

    async fn put_directory(&self, records: &[DirectoryRecord]) -> Result<(), StoreError> {
        let records = records.to_vec();
        self.blocking(move |db| {
            let tx = db.begin_write().map_err(backend)?;
            for record in &records {
                write_record(&tx, record)?;
            }
            tx.commit().map_err(backend)
        })
        .await
    }
}
