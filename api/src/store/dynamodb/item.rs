//! The mapping between offers and DynamoDB items; the adapter owns it, the model knows nothing of it.

use super::table::{GSI1_PK, GSI1_SK, GSI2_PK, GSI2_SK, PK, SK};
use crate::store::{IndexEntry, StoreError};
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

/// An offer as an item: its fields, its keys and (when searchable) its index keys.
pub fn offer_to_item(offer: &Offer) -> Result<Item, StoreError> {
    let mut item: Item = serde_dynamo::to_item(offer).map_err(|e| StoreError::Backend(format!("cannot map offer {}: {e}", offer.id)))?;
    item.extend(offer_key(&offer.id));
    item.insert(ENTITY.to_owned(), s(ENTITY_OFFER));
    item.insert(GSI2_PK.to_owned(), s(region_partition(offer.region)));
    item.insert(GSI2_SK.to_owned(), s(offer_pk(&offer.id)));
    if let Some(IndexEntry::Geo { partition, sort } | IndexEntry::Digital { partition, sort }) = IndexEntry::for_offer(offer) {
        item.insert(GSI1_PK.to_owned(), s(partition));
        item.insert(GSI1_SK.to_owned(), s(sort));
    }
    Ok(item)
}

pub fn item_to_offer(item: Item) -> Result<Offer, StoreError> {
    let id = match item.get(PK) {
        Some(AttributeValue::S(pk)) => pk.trim_start_matches("OFFER#").to_owned(),
        _ => "?".to_owned(),
    };
    serde_dynamo::from_item(item).map_err(|e| StoreError::Corrupt { id, reason: e.to_string() })
}
