//! The audit log in DynamoDB: `PK = AUDIT#{region}`, `SK = {at:012}#{id}`, written only with
//! `attribute_not_exists` (append-only), read newest first.

use super::item::{s, Item};
use super::table::{PK, SK};
use super::{sdk_error, DynamoStore};
use crate::store::audit::{before_key, since_key, sort_key, AuditStore};
use crate::store::StoreError;
use async_trait::async_trait;
use aws_sdk_dynamodb::types::{Put, TransactWriteItem};
use forebyg_shared::admin::AuditEntry;
use forebyg_shared::taxonomy::RegionCode;

fn partition(region: RegionCode) -> String {
    format!("AUDIT#{}", region.code())
}

fn item(e: &AuditEntry) -> Result<Item, StoreError> {
    let mut item: Item = serde_dynamo::to_item(e).map_err(|err| StoreError::Backend(format!("cannot map audit entry: {err}")))?;
    item.insert(PK.into(), s(partition(e.region)));
    item.insert(SK.into(), s(sort_key(e)));
    item.insert("entity".into(), s("audit"));
    Ok(item)
}

/// The put of an entry as an item of a `TransactWriteItems` (with the change it records), only if
/// it does not exist: append-only there too.
pub(super) fn put_in_transaction(e: &AuditEntry, table: &str) -> Result<TransactWriteItem, StoreError> {
    let put = Put::builder()
        .table_name(table)
        .set_item(Some(item(e)?))
        .condition_expression("attribute_not_exists(#pk)")
        .expression_attribute_names("#pk", PK)
        .build()
        .expect("table and item set");
    Ok(TransactWriteItem::builder().put(put).build())
}

#[async_trait]
impl AuditStore for DynamoStore {
    async fn append_audit(&self, entries: &[AuditEntry]) -> Result<(), StoreError> {
        for e in entries {
            self.client
                .put_item()
                .table_name(&self.table)
                .set_item(Some(item(e)?))
                .condition_expression("attribute_not_exists(#pk)")
                .expression_attribute_names("#pk", PK)
                .send()
                .await
                .map_err(sdk_error)?;
        }
        Ok(())
    }

    /// A key range query (`SK BETWEEN since AND before`, newest first), followed over DynamoDB's
    /// 1 MB pages until `limit` entries; the `before` key itself is left out.
    async fn audit_page(&self, region: RegionCode, since: Option<i64>, before: Option<&str>, limit: usize) -> Result<Vec<AuditEntry>, StoreError> {
        let upper = before_key(before);
        let mut out: Vec<AuditEntry> = vec![];
        let mut start = None;
        loop {
            let page = self
                .client
                .query()
                .table_name(&self.table)
                .key_condition_expression("#pk = :pk AND #sk BETWEEN :lo AND :hi")
                .expression_attribute_names("#pk", PK)
                .expression_attribute_names("#sk", SK)
                .expression_attribute_values(":pk", s(partition(region)))
                .expression_attribute_values(":lo", s(since_key(since)))
                .expression_attribute_values(":hi", s(upper.clone()))
                .scan_index_forward(false)
                .limit((limit + 1 - out.len()).clamp(1, 1000) as i32)
                .set_exclusive_start_key(start.take())
                .send()
                .await
                .map_err(sdk_error)?;
            for item in page.items.unwrap_or_default() {
                let e: AuditEntry = serde_dynamo::from_item(item).map_err(|e| StoreError::Corrupt { id: "audit".into(), reason: e.to_string() })?;
                if sort_key(&e) != upper && out.len() < limit {
                    out.push(e);
                }
            }
            start = page.last_evaluated_key;
            if start.is_none() || out.len() >= limit {
                return Ok(out);
            }
        }
    }
}
