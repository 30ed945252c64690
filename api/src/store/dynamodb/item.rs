//! The mapping between offers and DynamoDB items; the adapter owns it, the model knows nothing of it.

use super::table::{GSI1_PK, GSI1_SK, GSI2_PK, GSI2_SK, GSI3_PK, GSI3_SK, GSI4_PK, GSI4_SK, PK, SEARCH_ATTRIBUTE, SK};
use crate::store::search_index::IndexEntry;
use crate::store::{geo_index, reference_index, StoreError};
use aws_sdk_dynamodb::types::AttributeValue;
use forebyg_shared::offer::Offer;
use std::collections::HashMap;

pub type Item = HashMap<String, AttributeValue>;

pub const OFFER_SK: &str = "OFFER";
pub const ENTITY: &str = "entity";
pub const ENTITY_OFFER: &str = "offer";

pub fn offer_pk(id: &str) -> String {
    format!("OFFER#{id}")
}

pub fn region_partition(region: forebyg_shared::taxonomy::RegionCode) -> String {
    format!("REGION#{}", region.code())
}

pub fn s(value: impl Into<String>) -> AttributeValue {
    AttributeValue::S(value.into())
}

/// The primary key of an offer's item.
pub fn offer_key(id: &str) -> Item {
    HashMap::from([(PK.to_owned(), s(offer_pk(id))), (SK.to_owned(), s(OFFER_SK))])
}

/// The search index partition and sort key of a published offer: by category and cell for a
/// place, by region for a digital offer.
pub fn search_keys(entry: &IndexEntry, offer: &Offer) -> (String, String) {
    match entry.point {
        Some(point) => {
            let hash = geo_index::encode(point);
            (geo_index::partition_key(offer.category, &hash), geo_index::sort_key(&hash, &offer.id))
        }
        None => (geo_index::digital_partition_key(offer.region), offer.id.clone()),
    }
}

/// An offer as an item: its fields, its keys and (when published) its search index entry and its
/// place's and provider's FHIR read entries (GSI4, GSI1).
pub fn offer_to_item(offer: &Offer) -> Result<Item, StoreError> {
    let mut item: Item = serde_dynamo::to_item(offer).map_err(|e| StoreError::Backend(format!("cannot map offer {}: {e}", offer.id)))?;
    item.extend(offer_key(&offer.id));
    item.insert(ENTITY.to_owned(), s(ENTITY_OFFER));
    item.insert(GSI2_PK.to_owned(), s(region_partition(offer.region)));
    item.insert(GSI2_SK.to_owned(), s(offer_pk(&offer.id)));
    if let Some(entry) = IndexEntry::for_offer(offer) {
        let (partition, sort) = search_keys(&entry, offer);
        item.insert(GSI3_PK.to_owned(), s(partition));
        item.insert(GSI3_SK.to_owned(), s(sort));
        let facts = serde_json::to_string(&entry).map_err(|e| StoreError::Backend(format!("cannot map offer {}: {e}", offer.id)))?;
        item.insert(SEARCH_ATTRIBUTE.to_owned(), s(facts));
    }
    let (location, organization) = reference_index::partitions(offer);
    for (partition, (pk, sk)) in [(location, (GSI4_PK, GSI4_SK)), (organization, (GSI1_PK, GSI1_SK))] {
        if let Some(partition) = partition {
            item.insert(pk.to_owned(), s(partition));
            item.insert(sk.to_owned(), s(reference_index::sort_key(offer)));
        }
    }
    Ok(item)
}

pub fn item_to_offer(item: Item) -> Result<Offer, StoreError> {
    let id = offer_id(&item);
    serde_dynamo::from_item(item).map_err(|e| StoreError::Corrupt { id, reason: e.to_string() })
}

/// The offer id of an item's key.
fn offer_id(item: &Item) -> String {
    match item.get(PK) {
        Some(AttributeValue::S(pk)) => pk.trim_start_matches("OFFER#").to_owned(),
        _ => "?".to_owned(),
    }
}

/// A search index item (keys and [`SEARCH_ATTRIBUTE`]) as its entry.
pub fn item_to_entry(item: &Item) -> Result<IndexEntry, StoreError> {
    let id = offer_id(item);
    let Some(AttributeValue::S(facts)) = item.get(SEARCH_ATTRIBUTE) else {
        return Err(StoreError::Corrupt { id, reason: format!("search index item without {SEARCH_ATTRIBUTE}") });
    };
    let entry: IndexEntry = serde_json::from_str(facts).map_err(|e| StoreError::Corrupt { id: id.clone(), reason: e.to_string() })?;
    Ok(IndexEntry { id, ..entry })
}
