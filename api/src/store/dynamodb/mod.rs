//! The DynamoDB adapter (single-table design, see [`table`]).

mod audit;
mod directory;
pub mod item;
mod references;
mod referrals;
mod reports;
mod search;
pub mod table;

use super::{BatchSaved, IndexRead, OfferRef, OfferStore, RefRead, Saved, SearchPage, SearchQuery, StoreError};
use async_trait::async_trait;
use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_dynamodb::operation::query::builders::QueryFluentBuilder;
use aws_sdk_dynamodb::types::{AttributeValue, Put, PutRequest, Select, TransactWriteItem, WriteRequest};
use aws_sdk_dynamodb::Client;
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::RegionCode;
use item::{item_to_offer, offer_key, offer_to_item, s, Item};
use std::collections::HashMap;
use std::time::Duration;

/// BatchWriteItem takes at most 25 requests.
const BATCH_SIZE: usize = 25;
/// TransactWriteItems takes at most 100 actions.
pub const MAX_TRANSACTION_ITEMS: usize = 100;

#[derive(Clone)]
pub struct DynamoStore {
    client: Client,
    table: String,
}

impl DynamoStore {
    /// Wraps a client built once at start-up.
    pub fn new(client: Client, table: impl Into<String>) -> Self {
        DynamoStore { client, table: table.into() }
    }

    /// A client from the default AWS configuration (Lambda's role), or for a local endpoint such
    /// as DynamoDB Local with a fixed region and dummy credentials.
    pub async fn client(endpoint: Option<&str>) -> Client {
        use aws_config::BehaviorVersion;
        use aws_sdk_dynamodb::config::{Credentials, Region};
        match endpoint {
            None => Client::new(&aws_config::defaults(BehaviorVersion::latest()).load().await),
            Some(url) => {
                let conf = aws_sdk_dynamodb::Config::builder()
                    .behavior_version(BehaviorVersion::latest())
                    .region(Region::new("eu-north-1"))
                    .endpoint_url(url)
                    .credentials_provider(Credentials::new("local", "local", None, None, "forebyg-local"))
                    .build();
                Client::from_conf(conf)
            }
        }
    }

    pub fn table(&self) -> &str {
        &self.table
    }

    /// Every item of a partition of index `(name, partition attribute)`, in descending sort-key
    /// order (newest first for the inbox, change-report and clinician partitions, whose sort keys
    /// start with the creation time).
    pub(crate) async fn partition_desc(&self, index: (&str, &str), pk: String) -> Result<Vec<Item>, StoreError> {
        all_pages(|| {
            self.client
                .query()
                .table_name(&self.table)
                .index_name(index.0)
                .key_condition_expression("#pk = :pk")
                .expression_attribute_names("#pk", index.1)
                .expression_attribute_values(":pk", s(pk.clone()))
                .scan_index_forward(false)
        })
        .await
    }

    /// A query of the items of partition `pk` of index `(name, partition attribute, sort
    /// attribute)` whose sort key starts with `prefix`.
    pub(crate) fn prefix_query(&self, index: (&str, &str, &str), pk: String, prefix: String) -> QueryFluentBuilder {
        let (name, pk_attr, sk_attr) = index;
        self.client
            .query()
            .table_name(&self.table)
            .index_name(name)
            .key_condition_expression("#pk = :pk AND begins_with(#sk, :prefix)")
            .expression_attribute_names("#pk", pk_attr)
            .expression_attribute_names("#sk", sk_attr)
            .expression_attribute_values(":pk", s(pk))
            .expression_attribute_values(":prefix", s(prefix))
    }

    /// Reads all pages of a query on index `(name, partition attribute, sort attribute)`.
    async fn query_gsi(
        client: Client,
        table: String,
        index: (&str, &str, &str),
        pk: String,
        prefix: Option<String>,
    ) -> Result<IndexRead, StoreError> {
        let (index_name, pk_attr, sk_attr) = index;
        let mut names = HashMap::from([("#pk".to_owned(), pk_attr.to_owned())]);
        let mut values = HashMap::from([(":pk".to_owned(), s(pk))]);
        let mut condition = "#pk = :pk".to_owned();
        if let Some(prefix) = prefix {
            names.insert("#sk".to_owned(), sk_attr.to_owned());
            values.insert(":prefix".to_owned(), s(prefix));
            condition.push_str(" AND begins_with(#sk, :prefix)");
        }
        let mut out = IndexRead::default();
        let mut start: Option<Item> = None;
        loop {
            let page = client
                .query()
                .table_name(&table)
                .index_name(index_name)
                .key_condition_expression(&condition)
                .set_expression_attribute_names(Some(names.clone()))
                .set_expression_attribute_values(Some(values.clone()))
                .set_exclusive_start_key(start.take())
                .send()
                .await
                .map_err(sdk_error)?;
            out.items_read += page.scanned_count().max(0) as u32;
            for item in page.items.unwrap_or_default() {
                out.offers.push(item_to_offer(item)?);
            }
            match page.last_evaluated_key {
                Some(key) if !key.is_empty() => start = Some(key),
                _ => return Ok(out),
            }
        }
    }
}

/// Every item `query` (built afresh for each page; the start key is set here) returns, page
/// after page.
pub(crate) async fn all_pages(query: impl Fn() -> QueryFluentBuilder) -> Result<Vec<Item>, StoreError> {
    let mut out = vec![];
    let mut start: Option<Item> = None;
    loop {
        let page = query().set_exclusive_start_key(start.take()).send().await.map_err(sdk_error)?;
        out.extend(page.items.unwrap_or_default());
        match page.last_evaluated_key {
            Some(k) if !k.is_empty() => start = Some(k),
            _ => return Ok(out),
        }
    }
}

/// Maps SDK failures: transport problems and throttling are "unavailable" (retryable).
pub(crate) fn sdk_error<E: ProvideErrorMetadata + std::error::Error + 'static, R: std::fmt::Debug>(e: SdkError<E, R>) -> StoreError {
    let detail = format!("{}", aws_sdk_dynamodb::error::DisplayErrorContext(&e));
    match &e {
        SdkError::DispatchFailure(_) | SdkError::TimeoutError(_) => StoreError::Unavailable(detail),
        SdkError::ServiceError(se) if matches!(se.err().code(), Some(c) if c.contains("Throughput") || c.contains("Throttl")) => {
            StoreError::Unavailable(detail)
        }
        _ => StoreError::Backend(detail),
    }
}

/// A transaction put conditional on the stored version: `None` = must not exist yet.
pub(crate) fn conditional_put(table_name: &str, item: Item, expected_version: Option<u64>) -> Result<TransactWriteItem, StoreError> {
    let put = Put::builder().table_name(table_name).set_item(Some(item)).expression_attribute_names("#pk", table::PK);
    let put = match expected_version {
        None => put.condition_expression("attribute_not_exists(#pk)"),
        Some(v) => put
            .condition_expression("attribute_exists(#pk) AND #v = :v")
            .expression_attribute_names("#v", "version")
            .expression_attribute_values(":v", AttributeValue::N(v.to_string())),
    };
    let put = put.build().map_err(|e| StoreError::Backend(format!("cannot build a transaction put: {e}")))?;
    Ok(TransactWriteItem::builder().put(put).build())
}

/// The request position of the put whose condition failed a `TransactWriteItems`; any other
/// failure is an error.
fn transaction_failure<R: std::fmt::Debug>(
    e: SdkError<aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError, R>,
) -> Result<usize, StoreError> {
    use aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError;
    let reasons = match &e {
        SdkError::ServiceError(se) => match se.err() {
            TransactWriteItemsError::TransactionCanceledException(c) => c.cancellation_reasons().to_vec(),
            _ => return Err(sdk_error(e)),
        },
        _ => return Err(sdk_error(e)),
    };
    // The reasons are in request order; the failed condition names the item.
    reasons.iter().position(|r| r.code() == Some("ConditionalCheckFailed")).ok_or_else(|| {
        // Cancelled for another reason (concurrent transactions on the same item, still after
        // `transact`'s tries).
        StoreError::Unavailable(format!("transaction cancelled: {:?}", reasons.iter().map(|r| r.code()).collect::<Vec<_>>()))
    })
}

/// Whether DynamoDB cancelled a transaction only because another one was writing one of its items
/// at that moment (`TransactionConflict`): worth another try, as its conditions are checked afresh.
fn only_conflicts<R>(e: &SdkError<aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError, R>) -> bool {
    use aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError;
    let SdkError::ServiceError(se) = e else { return false };
    let TransactWriteItemsError::TransactionCanceledException(c) = se.err() else { return false };
    let codes: Vec<Option<&str>> = c.cancellation_reasons().iter().map(|r| r.code()).collect();
    codes.contains(&Some("TransactionConflict")) && codes.iter().all(|c| matches!(c, None | Some("None" | "TransactionConflict")))
}

impl DynamoStore {
    /// One `TransactWriteItems`, tried again (up to four times, backing off) while DynamoDB cancels
    /// it only for a concurrent transaction on one of its items, such as two requests to one
    /// provider adding to its month's tally at once. `Ok(None)`: written; `Ok(Some(i))`: item `i`'s
    /// condition failed and nothing was written.
    pub(crate) async fn transact(&self, items: Vec<TransactWriteItem>) -> Result<Option<usize>, StoreError> {
        let mut attempt = 0u32;
        loop {
            match self.client.transact_write_items().set_transact_items(Some(items.clone())).send().await {
                Ok(_) => return Ok(None),
                Err(e) if attempt < 3 && only_conflicts(&e) => {
                    attempt += 1;
                    tokio::time::sleep(Duration::from_millis(10 << attempt)).await;
                }
                Err(e) => return transaction_failure(e).map(Some),
            }
        }
    }

    /// Writes items with `BatchWriteItem`, 25 at a time, retrying unprocessed ones.
    pub(crate) async fn batch_write(&self, requests: Vec<WriteRequest>) -> Result<(), StoreError> {
        for chunk in requests.chunks(BATCH_SIZE) {
            let mut pending: Vec<WriteRequest> = chunk.to_vec();
            let mut attempt = 0u32;
            while !pending.is_empty() {
                let out = self.client.batch_write_item().request_items(&self.table, pending).send().await.map_err(sdk_error)?;
                pending = out.unprocessed_items.and_then(|mut m| m.remove(&self.table)).unwrap_or_default();
                if !pending.is_empty() {
                    attempt += 1;
                    if attempt > 8 {
                        return Err(StoreError::Unavailable(format!("{} writes left unprocessed after retries", pending.len())));
                    }
                    tokio::time::sleep(Duration::from_millis(25 << attempt.min(6))).await;
                }
            }
        }
        Ok(())
    }
}

#[async_trait]
impl OfferStore for DynamoStore {
    async fn put_offers(&self, offers: &[Offer]) -> Result<(), StoreError> {
        // Map every offer first, so a bad record fails before anything is written.
        let items = offers.iter().map(offer_to_item).collect::<Result<Vec<_>, _>>()?;
        let aliases = offers.iter().filter_map(references::alias_item);
        let requests = aliases
            .chain(items)
            .map(|item| WriteRequest::builder().put_request(PutRequest::builder().set_item(Some(item)).build().expect("item set")).build())
            .collect();
        self.batch_write(requests).await
    }

    async fn save_offer(&self, offer: &Offer, expected_version: Option<u64>) -> Result<Saved, StoreError> {
        self.put_aliases(&[offer]).await?;
        let mut put =
            self.client.put_item().table_name(&self.table).set_item(Some(offer_to_item(offer)?)).expression_attribute_names("#pk", table::PK);
        put = match expected_version {
            None => put.condition_expression("attribute_not_exists(#pk)"),
            Some(v) => put
                .condition_expression("attribute_exists(#pk) AND #v = :v")
                .expression_attribute_names("#v", "version")
                .expression_attribute_values(":v", AttributeValue::N(v.to_string())),
        };
        match put.send().await {
            Ok(_) => Ok(Saved::Saved),
            Err(SdkError::ServiceError(e)) if e.err().is_conditional_check_failed_exception() => {
                Ok(Saved::Conflict(self.get_offer(&offer.id).await?.map(Box::new)))
            }
            Err(e) => Err(sdk_error(e)),
        }
    }

    async fn save_offers_atomically(&self, saves: &[(Offer, Option<u64>)]) -> Result<BatchSaved, StoreError> {
        if saves.is_empty() {
            return Ok(BatchSaved::Saved);
        }
        if saves.len() > MAX_TRANSACTION_ITEMS {
            return Err(StoreError::Backend(format!("{} saves in one transaction; DynamoDB takes at most {MAX_TRANSACTION_ITEMS}", saves.len())));
        }
        self.put_aliases(&saves.iter().map(|(o, _)| o).collect::<Vec<_>>()).await?;
        // One TransactWriteItems: every Put is conditional on the version the caller expects.
        let mut items = Vec::with_capacity(saves.len());
        for (offer, expected_version) in saves {
            items.push(conditional_put(&self.table, offer_to_item(offer)?, *expected_version)?);
        }
        match self.transact(items).await? {
            None => Ok(BatchSaved::Saved),
            Some(i) => {
                let id = saves[i].0.id.clone();
                Ok(BatchSaved::Conflict { current: self.get_offer(&id).await?.map(Box::new), id })
            }
        }
    }

    fn max_atomic_batch(&self) -> Option<usize> {
        Some(MAX_TRANSACTION_ITEMS)
    }

    async fn get_offer(&self, id: &str) -> Result<Option<Offer>, StoreError> {
        let out = self.client.get_item().table_name(&self.table).set_key(Some(offer_key(id))).send().await.map_err(sdk_error)?;
        out.item.map(item_to_offer).transpose()
    }

    async fn search(&self, query: &SearchQuery) -> Result<SearchPage, StoreError> {
        Ok(self.search_index(std::slice::from_ref(query)).await?.remove(0))
    }

    async fn search_many(&self, queries: &[SearchQuery]) -> Result<Vec<SearchPage>, StoreError> {
        self.search_index(queries).await
    }

    async fn published_offer_by(&self, by: &OfferRef, prefer: Option<RegionCode>) -> Result<RefRead, StoreError> {
        self.published_offer(by, prefer).await
    }

    async fn region_offers(&self, region: RegionCode) -> Result<Vec<Offer>, StoreError> {
        let index = (table::GSI2, table::GSI2_PK, table::GSI2_SK);
        // The region partition also lists provider and location records: offers only.
        let prefix = Some(format!("{}#", item::OFFER_SK));
        let read = Self::query_gsi(self.client.clone(), self.table.clone(), index, item::region_partition(region), prefix).await?;
        Ok(read.offers)
    }

    async fn count_offers(&self) -> Result<u64, StoreError> {
        let mut total = 0u64;
        let mut start: Option<Item> = None;
        loop {
            let page = self
                .client
                .scan()
                .table_name(&self.table)
                .select(Select::Count)
                .filter_expression("#e = :offer")
                .expression_attribute_names("#e", item::ENTITY)
                .expression_attribute_values(":offer", AttributeValue::S(item::ENTITY_OFFER.into()))
                .set_exclusive_start_key(start.take())
                .send()
                .await
                .map_err(sdk_error)?;
            total += page.count().max(0) as u64;
            match page.last_evaluated_key {
                Some(key) if !key.is_empty() => start = Some(key),
                _ => return Ok(total),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::only_conflicts;
    use aws_sdk_dynamodb::error::SdkError;
    use aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError;
    use aws_sdk_dynamodb::types::error::TransactionCanceledException;
    use aws_sdk_dynamodb::types::CancellationReason;

    fn cancelled(codes: &[&str]) -> SdkError<TransactWriteItemsError, ()> {
        let reasons = codes.iter().map(|c| CancellationReason::builder().code(*c).build()).collect();
        let e = TransactionCanceledException::builder().set_cancellation_reasons(Some(reasons)).build();
        SdkError::service_error(TransactWriteItemsError::TransactionCanceledException(e), ())
    }

    /// DynamoDB Local serialises transactions (48 at once never conflicted), so the retry's
    /// decision is checked here, on the cancellation reasons DynamoDB documents.
    #[test]
    fn only_a_conflict_is_tried_again() {
        assert!(only_conflicts(&cancelled(&["None", "TransactionConflict"])));
        assert!(only_conflicts(&cancelled(&["TransactionConflict", "TransactionConflict", "None"])));
        assert!(!only_conflicts(&cancelled(&["ConditionalCheckFailed", "TransactionConflict"])), "a failed condition is an answer");
        assert!(!only_conflicts(&cancelled(&["None", "ThrottlingError"])), "only conflicts: anything else is reported (503)");
        assert!(!only_conflicts(&cancelled(&["None", "None"])));
        let timeout = SdkError::<TransactWriteItemsError, ()>::timeout_error("no answer");
        assert!(!only_conflicts(&timeout));
    }
}
