//! The storage port of change reports ("report wrong information").

use super::StoreError;
use async_trait::async_trait;
use forebyg_shared::report::ChangeReport;
use forebyg_shared::taxonomy::RegionCode;

#[async_trait]
pub trait ReportStore: Send + Sync {
    async fn create_report(&self, report: &ChangeReport) -> Result<(), StoreError>;
    async fn get_report(&self, id: &str, now: i64) -> Result<Option<ChangeReport>, StoreError>;
    /// The live reports of a region, newest first.
    async fn region_reports(&self, region: RegionCode, now: i64) -> Result<Vec<ChangeReport>, StoreError>;
    async fn update_report(&self, report: &ChangeReport) -> Result<(), StoreError>;
}
