//! The audit log in the embedded store.

use super::{backend, EmbeddedStore, AUDIT};
use crate::store::audit::{before_key, since_key, sort_key, AuditStore};
use crate::store::StoreError;
use async_trait::async_trait;
use forebyg_shared::admin::AuditEntry;
use forebyg_shared::taxonomy::RegionCode;
use redb::{ReadableDatabase, ReadableTable};

/// Appends `entries` within the write transaction `tx` (with the change they record); an existing
/// entry is never overwritten.
pub(super) fn append_in(tx: &redb::WriteTransaction, entries: &[AuditEntry]) -> Result<(), StoreError> {
    let mut table = tx.open_table(AUDIT).map_err(backend)?;
    for e in entries {
        let key = format!("{}#{}", e.region.code(), sort_key(e));
        if table.get(key.as_str()).map_err(backend)?.is_some() {
            return Err(StoreError::Backend(format!("audit entry {} exists", e.id)));
        }
        table.insert(key.as_str(), serde_json::to_vec(e).map_err(backend)?.as_slice()).map_err(backend)?;
    }
    Ok(())
}

#[async_trait]
impl AuditStore for EmbeddedStore {
    async fn append_audit(&self, entries: &[AuditEntry]) -> Result<(), StoreError> {
        let entries = entries.to_vec();
        self.blocking(move |db| {
            let tx = db.begin_write().map_err(backend)?;
            append_in(&tx, &entries)?;
            tx.commit().map_err(backend)
        })
        .await
    }

    async fn audit_page(&self, region: RegionCode, since: Option<i64>, before: Option<&str>, limit: usize) -> Result<Vec<AuditEntry>, StoreError> {
        let (lo, hi) = (format!("{}#{}", region.code(), since_key(since)), format!("{}#{}", region.code(), before_key(before)));
        self.blocking(move |db| {
            let tx = db.begin_read().map_err(backend)?;
            let table = tx.open_table(AUDIT).map_err(backend)?;
            let mut out = vec![];
            for entry in table.range(lo.as_str()..hi.as_str()).map_err(backend)?.rev().take(limit) {
                let (key, bytes) = entry.map_err(backend)?;
                out.push(
                    serde_json::from_slice(bytes.value()).map_err(|e| StoreError::Corrupt { id: key.value().to_owned(), reason: e.to_string() })?,
                );
            }
            Ok(out)
        })
        .await
    }
}
