//! The storage port of the audit log: append-only, read per region, newest first.

use super::StoreError;
use async_trait::async_trait;
use forebyg_shared::admin::AuditEntry;
use forebyg_shared::taxonomy::RegionCode;

#[async_trait]
pub trait AuditStore: Send + Sync {
    /// Appends entries; an existing entry is never overwritten.
    async fn append_audit(&self, entries: &[AuditEntry]) -> Result<(), StoreError>;

    /// The newest `limit` entries of a region, newest first.
    async fn audit_log(&self, region: RegionCode, limit: usize) -> Result<Vec<AuditEntry>, StoreError>;
}

/// The sort key of an entry within its region: time first, so the log reads in order.
pub fn sort_key(e: &AuditEntry) -> String {
    format!("{:012}#{}", e.at, e.id)
}
