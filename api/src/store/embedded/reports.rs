//! Change reports in the embedded store (expired ones are never read and are purged with the
//! self-referrals).

use super::{backend, EmbeddedStore, REPORTS};
use crate::store::{ReportStore, StoreError};
use async_trait::async_trait;
use forebyg_shared::report::ChangeReport;
use forebyg_shared::taxonomy::RegionCode;
use redb::{ReadableDatabase, ReadableTable};

fn decode(bytes: &[u8]) -> Result<ChangeReport, StoreError> {
    serde_json::from_slice(bytes).map_err(|e| StoreError::Corrupt { id: "report".into(), reason: e.to_string() })
}

impl EmbeddedStore {
    async fn write_report(&self, r: &ChangeReport, must_exist: bool) -> Result<(), StoreError> {
        let r = r.clone();
        self.blocking(move |db| {
            let tx = db.begin_write().map_err(backend)?;
            {
                let mut table = tx.open_table(REPORTS).map_err(backend)?;
                if table.get(r.id.as_str()).map_err(backend)?.is_some() != must_exist {
                    return Err(StoreError::Backend(format!("report {} {}", r.id, if must_exist { "does not exist" } else { "exists" })));
                }
                table.insert(r.id.as_str(), serde_json::to_vec(&r).map_err(backend)?.as_slice()).map_err(backend)?;
            }
            tx.commit().map_err(backend)
        })
        .await
    }

    /// Deletes expired reports; called by the purge of expired personal data.
    pub(super) fn purge_reports(tx: &redb::WriteTransaction, now: i64) -> Result<u64, StoreError> {
        let mut table = tx.open_table(REPORTS).map_err(backend)?;
        let mut expired = vec![];
        for entry in table.iter().map_err(backend)? {
            let (id, bytes) = entry.map_err(backend)?;
            if decode(bytes.value())?.expires_at <= now {
                expired.push(id.value().to_owned());
            }
        }
        for id in &expired {
            table.remove(id.as_str()).map_err(backend)?;
        }
        Ok(expired.len() as u64)
    }
}

#[async_trait]
impl ReportStore for EmbeddedStore {
    async fn create_report(&self, report: &ChangeReport) -> Result<(), StoreError> {
        self.write_report(report, false).await
    }

    async fn get_report(&self, id: &str, now: i64) -> Result<Option<ChangeReport>, StoreError> {
        let id = id.to_owned();
        self.blocking(move |db| {
            let tx = db.begin_read().map_err(backend)?;
            let found = tx.open_table(REPORTS).map_err(backend)?.get(id.as_str()).map_err(backend)?.map(|b| decode(b.value())).transpose()?;
            Ok(found.filter(|r| r.expires_at > now))
        })
        .await
    }

    async fn region_reports(&self, region: RegionCode, now: i64) -> Result<Vec<ChangeReport>, StoreError> {
        self.blocking(move |db| {
            let tx = db.begin_read().map_err(backend)?;
            let mut out = vec![];
            for entry in tx.open_table(REPORTS).map_err(backend)?.iter().map_err(backend)? {
                let r = decode(entry.map_err(backend)?.1.value())?;
                if r.region == region && r.expires_at > now {
                    out.push(r);
                }
            }
            out.sort_by(|a, b| b.created_at.cmp(&a.created_at).then_with(|| a.id.cmp(&b.id)));
            Ok(out)
        })
        .await
    }

    async fn update_report(&self, report: &ChangeReport) -> Result<(), StoreError> {
        self.write_report(report, true).await
    }
}
