//! Change reports in DynamoDB: `PK = REPORT#{id}`, `SK = REPORT`, listed per region through
//! GSI1 (`REPORTS#{region}`, `{created_at:012}#{id}`), deleted by TTL on `expires_at`.

use super::item::{s, Item};
use super::table::{GSI1_PK, GSI1_SK, PK, SK};
use super::{sdk_error, DynamoStore};
use crate::store::{ReportStore, StoreError};
use async_trait::async_trait;
use forebyg_shared::report::ChangeReport;
use forebyg_shared::taxonomy::RegionCode;
use std::collections::HashMap;

fn key(id: &str) -> Item {
    HashMap::from([(PK.to_owned(), s(format!("REPORT#{id}"))), (SK.to_owned(), s("REPORT"))])
}

fn to_item(r: &ChangeReport) -> Result<Item, StoreError> {
    let mut item: Item = serde_dynamo::to_item(r).map_err(|e| StoreError::Backend(format!("cannot map report: {e}")))?;
    item.extend(key(&r.id));
    item.insert("entity".into(), s("report"));
    item.insert(GSI1_PK.into(), s(format!("REPORTS#{}", r.region.code())));
    item.insert(GSI1_SK.into(), s(format!("{:012}#{}", r.created_at, r.id)));
    Ok(item)
}

fn from_item(item: Item) -> Result<ChangeReport, StoreError> {
    serde_dynamo::from_item(item).map_err(|e| StoreError::Corrupt { id: "report".into(), reason: e.to_string() })
}

impl DynamoStore {
    async fn put_report(&self, r: &ChangeReport, condition: &str) -> Result<(), StoreError> {
        self.client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(to_item(r)?))
            .condition_expression(condition)
            .expression_attribute_names("#pk", PK)
            .send()
            .await
            .map_err(sdk_error)?;
        Ok(())
    }
}

#[async_trait]
impl ReportStore for DynamoStore {
    async fn create_report(&self, report: &ChangeReport) -> Result<(), StoreError> {
        self.put_report(report, "attribute_not_exists(#pk)").await
    }

    async fn get_report(&self, id: &str, now: i64) -> Result<Option<ChangeReport>, StoreError> {
        let out = self.client.get_item().table_name(&self.table).set_key(Some(key(id))).consistent_read(true).send().await.map_err(sdk_error)?;
        Ok(out.item.map(from_item).transpose()?.filter(|r| r.expires_at > now))
    }

    async fn region_reports(&self, region: RegionCode, now: i64) -> Result<Vec<ChangeReport>, StoreError> {
        let items = self.partition_desc((super::table::GSI1, super::table::GSI1_PK), format!("REPORTS#{}", region.code())).await?;
        Ok(items.into_iter().map(from_item).collect::<Result<Vec<_>, _>>()?.into_iter().filter(|r| r.expires_at > now).collect())
    }

    async fn update_report(&self, report: &ChangeReport) -> Result<(), StoreError> {
        self.put_report(report, "attribute_exists(#pk)").await
    }
}
