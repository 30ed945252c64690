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
    async fn audit_log(&self, region: RegionCode, limit: usize) -> Result<Vec<AuditEntry>, StoreError> {
        self.audit_page(region, None, None, limit).await
    }

    /// One page of a region's log, newest first: at most `limit` entries made at or after `since`
    /// (Unix seconds) whose [`sort_key`] is below `before` (a page's last key: the next page
    /// starts after it). A page shorter than `limit` is the last of the range.
    async fn audit_page(&self, region: RegionCode, since: Option<i64>, before: Option<&str>, limit: usize) -> Result<Vec<AuditEntry>, StoreError>;
}

/// The sort key of an entry within its region: time first, so the log reads in order.
pub fn sort_key(e: &AuditEntry) -> String {
    format!("{:012}#{}", e.at, e.id)
}

/// The lowest sort key of an entry made at or after `since` (every key of that second sorts
/// after `{since:012}#`).
pub fn since_key(since: Option<i64>) -> String {
    format!("{:012}#", since.unwrap_or(0).max(0))
}

/// The key below every key: `before` if given, else one above any entry's.
pub fn before_key(before: Option<&str>) -> String {
    before.map_or_else(|| "~".to_owned(), str::to_owned)
}
