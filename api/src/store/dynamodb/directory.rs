//! Provider and location records in the single table: `PK = PROVIDER#{id}`, `SK = PROVIDER`
//! (and `LOCATION#…`), listed per region through GSI2 (`REGION#{region}`, `PROVIDER#{id}` /
//! `LOCATION#{id}`) beside the region's offers. A record change and its offers are one
//! `TransactWriteItems`, each put conditional on the version read. Associations and activities
//! are regional records the same way (`ASSOCIATION#…`, `ACTIVITY#…`); packages are national, listed
//! under GSI2PK = `NATIONAL`, GSI2SK = `PACKAGE#{code}`.

use super::item::{offer_to_item, s, Item};
use super::table::{GSI2, GSI2_PK, GSI2_SK, PK, SK};
use super::{all_pages, conditional_put, sdk_error, DynamoStore, MAX_TRANSACTION_ITEMS};
use crate::store::{DirectorySaved, DirectoryStore, StoreError};
use async_trait::async_trait;
use aws_sdk_dynamodb::types::{PutRequest, WriteRequest};
use forebyg_shared::activity::{ActivityRecord, AssociationRecord};
use forebyg_shared::directory::{DirectoryRecord, LocationRecord, ProviderRecord};
use forebyg_shared::offer::Offer;
use forebyg_shared::package::PackageRecord;
use forebyg_shared::taxonomy::RegionCode;
use serde::de::DeserializeOwned;
use std::collections::HashMap;

/// `PROVIDER` or `LOCATION`: the sort key and the prefix of the partition and GSI2 sort keys.
fn tag(kind: &str) -> String {
    kind.to_uppercase()
}

fn key(kind: &str, id: &str) -> Item {
    HashMap::from([(PK.to_owned(), s(format!("{}#{id}", tag(kind)))), (SK.to_owned(), s(tag(kind)))])
}

fn to_item(record: &DirectoryRecord) -> Result<Item, StoreError> {
    let mapped = match record {
        DirectoryRecord::Provider(p) => serde_dynamo::to_item(p),
        DirectoryRecord::Location(l) => serde_dynamo::to_item(l),
        DirectoryRecord::Package(p) => serde_dynamo::to_item(p),
        DirectoryRecord::Association(a) => serde_dynamo::to_item(a),
        DirectoryRecord::Activity(a) => serde_dynamo::to_item(a),
    };
    let mut item: Item = mapped.map_err(|e| StoreError::Backend(format!("cannot map {} {}: {e}", record.kind(), record.id())))?;
    item.extend(key(record.kind(), record.id()));
    item.insert("entity".into(), s(record.kind()));
    item.insert(GSI2_PK.into(), s(listing_partition(record.region())));
    item.insert(GSI2_SK.into(), s(format!("{}#{}", tag(record.kind()), record.id())));
    Ok(item)
}

/// GSI2 partition of a listing: `REGION#{region}` (beside the region's offers) or `NATIONAL`.
fn listing_partition(region: Option<RegionCode>) -> String {
    region.map(super::item::region_partition).unwrap_or_else(|| "NATIONAL".to_owned())
}

fn from_item<T: DeserializeOwned>(item: Item) -> Result<T, StoreError> {
    let id = match item.get(PK) {
        Some(aws_sdk_dynamodb::types::AttributeValue::S(pk)) => pk.clone(),
        _ => "?".to_owned(),
    };
    serde_dynamo::from_item(item).map_err(|e| StoreError::Corrupt { id, reason: e.to_string() })
}

impl DynamoStore {
    async fn get_record<T: DeserializeOwned>(&self, kind: &str, id: &str) -> Result<Option<T>, StoreError> {
        let out =
            self.client.get_item().table_name(&self.table).set_key(Some(key(kind, id))).consistent_read(true).send().await.map_err(sdk_error)?;
        out.item.map(from_item).transpose()
    }

    async fn listed_records<T: DeserializeOwned>(&self, kind: &str, listing: Option<RegionCode>) -> Result<Vec<T>, StoreError> {
        let items = all_pages(|| self.prefix_query((GSI2, GSI2_PK, GSI2_SK), listing_partition(listing), format!("{}#", tag(kind)))).await?;
        items.into_iter().map(from_item).collect()
    }

    async fn current_record(&self, record: &DirectoryRecord) -> Result<Option<DirectoryRecord>, StoreError> {
        Ok(match record {
            DirectoryRecord::Provider(p) => self.get_provider(&p.id).await?.map(DirectoryRecord::Provider),
            DirectoryRecord::Location(l) => self.get_location(&l.id).await?.map(DirectoryRecord::Location),
            DirectoryRecord::Package(p) => self.get_package(&p.code).await?.map(DirectoryRecord::Package),
            DirectoryRecord::Association(a) => self.get_association(&a.id).await?.map(DirectoryRecord::Association),
            DirectoryRecord::Activity(a) => self.get_activity(&a.id).await?.map(DirectoryRecord::Activity),
        })
    }
}

#[async_trait]
impl DirectoryStore for DynamoStore {
    async fn get_provider(&self, id: &str) -> Result<Option<ProviderRecord>, StoreError> {
        self.get_record("provider", id).await
    }

    async fn get_location(&self, id: &str) -> Result<Option<LocationRecord>, StoreError> {
        self.get_record("location", id).await
    }

    async fn region_providers(&self, region: RegionCode) -> Result<Vec<ProviderRecord>, StoreError> {
        self.listed_records("provider", Some(region)).await
    }

    async fn region_locations(&self, region: RegionCode) -> Result<Vec<LocationRecord>, StoreError> {
        self.listed_records("location", Some(region)).await
    }

    async fn get_package(&self, code: &str) -> Result<Option<PackageRecord>, StoreError> {
        self.get_record("package", code).await
    }

    async fn packages(&self) -> Result<Vec<PackageRecord>, StoreError> {
        self.listed_records("package", None).await
    }

    async fn get_association(&self, id: &str) -> Result<Option<AssociationRecord>, StoreError> {
        self.get_record("association", id).await
    }

    async fn region_associations(&self, region: RegionCode) -> Result<Vec<AssociationRecord>, StoreError> {
        self.listed_records("association", Some(region)).await
    }

    async fn get_activity(&self, id: &str) -> Result<Option<ActivityRecord>, StoreError> {
        self.get_record("activity", id).await
    }

    async fn region_activities(&self, region: RegionCode) -> Result<Vec<ActivityRecord>, StoreError> {
        self.listed_records("activity", Some(region)).await
    }

    async fn save_directory(
        &self,
        records: &[(DirectoryRecord, Option<u64>)],
        offers: &[(Offer, Option<u64>)],
    ) -> Result<DirectorySaved, StoreError> {
        let total = records.len() + offers.len();
        if total == 0 {
            return Ok(DirectorySaved::Saved);
        }
        if total > MAX_TRANSACTION_ITEMS {
            return Err(StoreError::Backend(format!("{total} saves in one transaction; DynamoDB takes at most {MAX_TRANSACTION_ITEMS}")));
        }
        self.put_aliases(&offers.iter().map(|(o, _)| o).collect::<Vec<_>>()).await?;
        let mut items = Vec::with_capacity(total);
        for (record, expected) in records {
            items.push(conditional_put(&self.table, to_item(record)?, *expected)?);
        }
        for (offer, expected) in offers {
            items.push(conditional_put(&self.table, offer_to_item(offer)?, *expected)?);
        }
        match self.transact(items).await? {
            None => Ok(DirectorySaved::Saved),
            // The conditions are in request order: records first, then offers.
            Some(i) if i < records.len() => {
                let record = &records[i].0;
                Ok(DirectorySaved::RecordConflict { id: record.id().to_owned(), current: self.current_record(record).await?.map(Box::new) })
            }
            Some(i) => {
                use crate::store::OfferStore;
                let id = offers[i - records.len()].0.id.clone();
                Ok(DirectorySaved::OfferConflict { current: self.get_offer(&id).await?.map(Box::new), id })
            }
        }
    }

    async fn put_directory(&self, records: &[DirectoryRecord]) -> Result<(), StoreError> {
        let items = records.iter().map(to_item).collect::<Result<Vec<_>, _>>()?;
        let requests = items
            .into_iter()
            .map(|item| WriteRequest::builder().put_request(PutRequest::builder().set_item(Some(item)).build().expect("item set")).build())
            .collect();
        self.batch_write(requests).await
    }
}
