//! FHIR reads by id on DynamoDB (see [`reference_index`]): a place's offers are read from GSI4, a
//! provider's from GSI1, one `Query` with `Limit 1` per region, each the region's first offer by
//! id (a full item: the index projects every attribute, so no second read and no offer changed
//! between two reads). An offer id that is not a FHIR id is found through its alias item.

use super::item::{item_to_offer, s, Item};
use super::{sdk_error, table, DynamoStore};
use crate::store::{reference_index, OfferRef, RefRead, StoreError};
use aws_sdk_dynamodb::types::{AttributeValue, ConsumedCapacity, ReturnConsumedCapacity};
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::RegionCode;
use std::collections::HashMap;

/// The sort key of alias items, and the attribute holding the offer id.
const ALIAS_SK: &str = "ALIAS";
const ALIAS_OFFER: &str = "offer";

fn units(c: Option<&ConsumedCapacity>) -> f64 {
    c.and_then(|c| c.capacity_units()).unwrap_or(0.0)
}

fn alias_key(by: &OfferRef) -> Item {
    HashMap::from([(table::PK.to_owned(), s(by.partition())), (table::SK.to_owned(), s(ALIAS_SK))])
}

/// The alias item of an offer whose id is not a FHIR id: its HealthcareService id → its id.
pub(super) fn alias_item(offer: &Offer) -> Option<Item> {
    let alias = reference_index::service_alias(offer)?;
    let mut item = alias_key(&OfferRef::Service(alias));
    item.insert(ALIAS_OFFER.to_owned(), s(offer.id.clone()));
    Some(item)
}

/// What one read found: the offers, index items read and read units.
type Found = (Vec<Offer>, u32, f64);

impl DynamoStore {
    /// Writes the alias items of offers whose id is not a FHIR id (none for an offer that passed
    /// `validate_offer`: then this writes nothing). Unconditional and before the offer: an alias
    /// never changes, and one whose offer was not written finds nothing.
    pub(super) async fn put_aliases(&self, offers: &[&Offer]) -> Result<(), StoreError> {
        for item in offers.iter().filter_map(|o| alias_item(o)) {
            self.client.put_item().table_name(&self.table).set_item(Some(item)).send().await.map_err(sdk_error)?;
        }
        Ok(())
    }

    /// The first offer (by id) of `region` under partition `pk` of `index`.
    async fn first_in_region(&self, index: (&str, &str, &str), pk: String, region: RegionCode) -> Result<Found, StoreError> {
        let out = self
            .prefix_query(index, pk, reference_index::region_prefix(region))
            .limit(1)
            .return_consumed_capacity(ReturnConsumedCapacity::Total)
            .send()
            .await
            .map_err(sdk_error)?;
        let read = out.scanned_count().max(0) as u32;
        let u = units(out.consumed_capacity());
        let offers = out.items.unwrap_or_default().into_iter().map(item_to_offer).collect::<Result<_, _>>()?;
        Ok((offers, read, u))
    }

    /// The offer an alias item names.
    async fn aliased(&self, by: &OfferRef) -> Result<Found, StoreError> {
        let out = self
            .client
            .get_item()
            .table_name(&self.table)
            .set_key(Some(alias_key(by)))
            .return_consumed_capacity(ReturnConsumedCapacity::Total)
            .send()
            .await
            .map_err(sdk_error)?;
        let mut u = units(out.consumed_capacity());
        let Some(AttributeValue::S(id)) = out.item.as_ref().and_then(|i| i.get(ALIAS_OFFER)) else { return Ok((vec![], 0, u)) };
        let offer = self
            .client
            .get_item()
            .table_name(&self.table)
            .set_key(Some(super::item::offer_key(id)))
            .return_consumed_capacity(ReturnConsumedCapacity::Total)
            .send()
            .await
            .map_err(sdk_error)?;
        u += units(offer.consumed_capacity());
        Ok((offer.item.map(item_to_offer).transpose()?.into_iter().collect(), 1, u))
    }

    pub(super) async fn published_offer(&self, by: &OfferRef, prefer: Option<RegionCode>) -> Result<RefRead, StoreError> {
        let index = match by {
            OfferRef::Location(_) => (table::GSI4, table::GSI4_PK, table::GSI4_SK),
            OfferRef::Organization(_) => (table::GSI1, table::GSI1_PK, table::GSI1_SK),
            OfferRef::Service(_) => {
                let (offers, items_read, u) = self.aliased(by).await?;
                let offer = offers.into_iter().find(|o| by.names(o));
                return Ok(RefRead { offer, items_read, read_units: Some(u) });
            }
        };
        let mut read = RefRead { read_units: Some(0.0), ..RefRead::default() };
        for round in reference_index::rounds(prefer) {
            let firsts = futures_util::future::try_join_all(round.into_iter().map(|r| self.first_in_region(index, by.partition(), r))).await?;
            let mut offers = vec![];
            for (found, items, u) in firsts {
                read.items_read += items;
                read.read_units = read.read_units.map(|sum| sum + u);
                // An entry written under an older mapping of the ids is not served.
                offers.extend(found.into_iter().filter(|o| by.names(o)));
            }
            read.offer = reference_index::pick(offers);
            if read.offer.is_some() {
                break;
            }
        }
        Ok(read)
    }
}
