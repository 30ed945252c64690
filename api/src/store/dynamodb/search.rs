//! Search on DynamoDB: one Query per covering cell and wanted category on GSI3, whose items hold
//! only the keys and the compact index entry, all in flight at once; the shared
//! [`plan`](crate::store::search_index::plan) filters and orders them; one `BatchGetItem` reads
//! the page's offers. Several searches at once (the clinician search's groups) share their
//! partition reads and their `BatchGetItem`. Every call asks for its consumed capacity, so the
//! cost of a search is known.

use super::item::{item_to_entry, item_to_offer, offer_key, s, Item};
use super::{sdk_error, table, DynamoStore};
use crate::store::search_index::{plan, IndexEntry, SearchPage, SearchQuery};
use crate::store::{geo_index, StoreError};
use aws_sdk_dynamodb::types::{ConsumedCapacity, KeysAndAttributes, ReturnConsumedCapacity};
use aws_sdk_dynamodb::Client;
use forebyg_shared::offer::Offer;
use std::collections::HashMap;
use std::time::Duration;

/// BatchGetItem takes at most 100 keys.
const BATCH_GET_SIZE: usize = 100;

/// Entries read from the index and the read units it took.
type Read = (Vec<IndexEntry>, f64);

/// One GSI3 read: a partition and, for a cell, the sort key prefix within it.
type PartitionRead = (String, Option<String>);

/// What one search needs from the index: its cells' partitions and its region's digital one.
struct Wanted {
    cells: usize,
    near: Vec<PartitionRead>,
    digital: Option<PartitionRead>,
}

fn units(c: Option<&ConsumedCapacity>) -> f64 {
    c.and_then(|c| c.capacity_units()).unwrap_or(0.0)
}

impl DynamoStore {
    /// Every GSI3 entry of partition `pk` whose sort key starts with `prefix`.
    async fn read_search_partition(client: Client, table: String, pk: String, prefix: Option<String>) -> Result<Read, StoreError> {
        let mut condition = "#pk = :pk".to_owned();
        let mut query = client
            .query()
            .table_name(&table)
            .index_name(table::GSI3)
            .expression_attribute_names("#pk", table::GSI3_PK)
            .expression_attribute_values(":pk", s(pk))
            .return_consumed_capacity(ReturnConsumedCapacity::Total);
        if let Some(prefix) = prefix {
            condition.push_str(" AND begins_with(#sk, :prefix)");
            query = query.expression_attribute_names("#sk", table::GSI3_SK).expression_attribute_values(":prefix", s(prefix));
        }
        let query = query.key_condition_expression(condition);
        let (mut entries, mut read_units) = (vec![], 0.0);
        let mut start: Option<Item> = None;
        loop {
            let page = query.clone().set_exclusive_start_key(start.take()).send().await.map_err(sdk_error)?;
            read_units += units(page.consumed_capacity());
            for item in page.items() {
                entries.push(item_to_entry(item)?);
            }
            match page.last_evaluated_key {
                Some(key) if !key.is_empty() => start = Some(key),
                _ => return Ok((entries, read_units)),
            }
        }
    }

    /// The offers with these ids, in this order (`None`: gone), and the read units taken.
    async fn batch_get_offers(&self, ids: Vec<String>) -> Result<(Vec<Option<Offer>>, f64), StoreError> {
        let mut tasks = tokio::task::JoinSet::new();
        for chunk in ids.chunks(BATCH_GET_SIZE) {
            tasks.spawn(Self::batch_get(self.client.clone(), self.table.clone(), chunk.to_vec()));
        }
        let (mut found, mut read_units) = (HashMap::new(), 0.0);
        while let Some(done) = tasks.join_next().await {
            let (offers, u) = done.map_err(|e| StoreError::Backend(format!("read task failed: {e}")))??;
            read_units += u;
            found.extend(offers.into_iter().map(|o| (o.id.clone(), o)));
        }
        Ok((ids.iter().map(|id| found.remove(id)).collect(), read_units))
    }

    /// One BatchGetItem of at most 100 offers, retrying unprocessed keys.
    async fn batch_get(client: Client, table: String, ids: Vec<String>) -> Result<(Vec<Offer>, f64), StoreError> {
        let mut pending: Vec<Item> = ids.iter().map(|id| offer_key(id)).collect();
        let (mut offers, mut read_units, mut attempt) = (vec![], 0.0, 0u32);
        while !pending.is_empty() {
            let keys = KeysAndAttributes::builder().set_keys(Some(pending)).build().map_err(|e| StoreError::Backend(e.to_string()))?;
            let out = client
                .batch_get_item()
                .request_items(&table, keys)
                .return_consumed_capacity(ReturnConsumedCapacity::Total)
                .send()
                .await
                .map_err(sdk_error)?;
            read_units += out.consumed_capacity().iter().map(|c| units(Some(c))).sum::<f64>();
            for item in out.responses.and_then(|mut r| r.remove(&table)).unwrap_or_default() {
                offers.push(item_to_offer(item)?);
            }
            pending = out.unprocessed_keys.and_then(|mut u| u.remove(&table)).map(|k| k.keys).unwrap_or_default();
            if !pending.is_empty() {
                attempt += 1;
                if attempt > 8 {
                    return Err(StoreError::Unavailable(format!("{} reads left unprocessed after retries", pending.len())));
                }
                tokio::time::sleep(Duration::from_millis(25 << attempt.min(6))).await;
            }
        }
        Ok((offers, read_units))
    }

    /// Searches at once: each distinct GSI3 partition read (a category's cell, a region's
    /// digital offers) is read once for all of them, and one read by id serves every page.
    pub(super) async fn search_index(&self, queries: &[SearchQuery]) -> Result<Vec<SearchPage>, StoreError> {
        let mut reads: HashMap<PartitionRead, Vec<IndexEntry>> = HashMap::new();
        let mut wanted = Vec::with_capacity(queries.len());
        for query in queries {
            let cells = if query.wants_places() { geo_index::cover(query.origin, query.params.radius_km) } else { vec![] };
            let near: Vec<_> = query
                .categories()
                .iter()
                .flat_map(|c| cells.iter().map(move |cell| (geo_index::partition_key(*c, cell), Some(cell.clone()))))
                .collect();
            let digital = query.wants_digital().then(|| (geo_index::digital_partition_key(query.region), None));
            for key in near.iter().chain(&digital) {
                reads.entry(key.clone()).or_default();
            }
            wanted.push(Wanted { cells: cells.len(), near, digital });
        }
        let mut tasks = tokio::task::JoinSet::new();
        for (pk, prefix) in reads.keys().cloned() {
            let read = Self::read_search_partition(self.client.clone(), self.table.clone(), pk.clone(), prefix.clone());
            tasks.spawn(async move { read.await.map(|r| ((pk, prefix), r)) });
        }
        let mut read_units = 0.0;
        while let Some(done) = tasks.join_next().await {
            let (key, (entries, u)) = done.map_err(|e| StoreError::Backend(format!("query task failed: {e}")))??;
            read_units += u;
            reads.insert(key, entries);
        }
        let plans: Vec<_> = queries
            .iter()
            .zip(&wanted)
            .map(|(query, w)| plan(query, w.cells, w.near.iter().flat_map(|k| &reads[k]), w.digital.iter().flat_map(|k| &reads[k])))
            .collect();
        // One read by id for every page (an offer in two pages is read once).
        let mut ids: Vec<String> = plans.iter().flat_map(|p| p.ids().map(str::to_owned)).collect();
        ids.sort_unstable();
        ids.dedup();
        let (offers, u) = self.batch_get_offers(ids.clone()).await?;
        read_units += u;
        let found: HashMap<String, Offer> = ids.into_iter().zip(offers).filter_map(|(id, o)| o.map(|o| (id, o))).collect();
        Ok(plans
            .into_iter()
            .zip(queries)
            .enumerate()
            .map(|(i, (plan, query))| {
                let offers = plan.ids().map(|id| found.get(id).cloned()).collect();
                plan.finish(query, offers, Some(if i == 0 { read_units } else { 0.0 }))
            })
            .collect())
    }
}
