//! Building audit entries: who changed which fields of what, and who read whose request.

use crate::error::ApiError;
use crate::AppState;
use forebyg_shared::admin::{AuditAction, AuditEntry, AuditTarget, FieldChange};
use forebyg_shared::auth::Principal;
use forebyg_shared::taxonomy::RegionCode;
use serde::Serialize;
use serde_json::Value;
use std::collections::HashMap;

/// The top-level fields that differ between two versions of a record, as JSON text, over the
/// fields of both: a field the new version leaves out (an optional field serialised only when
/// set, such as a cleared `location_id`) is a change to `null`, not no change.
pub fn diff<T: Serialize>(before: Option<&T>, after: &T) -> Vec<FieldChange> {
    let to_map = |v: Value| match v {
        Value::Object(m) => m,
        _ => Default::default(),
    };
    let before = before.map(|b| to_map(serde_json::to_value(b).unwrap_or(Value::Null))).unwrap_or_default();
    let after = to_map(serde_json::to_value(after).unwrap_or(Value::Null));
    let keys: std::collections::BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    let value = |m: &serde_json::Map<String, Value>, k: &str| m.get(k).cloned().unwrap_or(Value::Null);
    keys.into_iter()
        // The version always moves on; it is not a change anyone made.
        .filter(|k| k.as_str() != "version")
        .map(|k| (k, value(&before, k), value(&after, k)))
        .filter(|(_, b, a)| b != a)
        .map(|(k, b, a)| FieldChange { field: k.clone(), before: b.to_string(), after: a.to_string() })
        .collect()
}

/// A referral's status change as an audited field change.
pub fn status_change(before: forebyg_shared::referral::ReferralStatus, after: forebyg_shared::referral::ReferralStatus) -> FieldChange {
    FieldChange { field: "status".into(), before: format!("\"{}\"", before.code()), after: format!("\"{}\"", after.code()) }
}

pub fn entry(who: &Principal, region: RegionCode, action: AuditAction, target: &str, changes: Vec<FieldChange>) -> AuditEntry {
    let mut random = [0u8; 4];
    // An id only has to be unique within the same second and region; the OS never fails here.
    let _ = getrandom::fill(&mut random);
    let time = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    // The microsecond leads, so entries of one second sort (and read, newest first) in the order
    // they were made; the store's sort key is `at#id`.
    let id = format!("{:06}{}", time.subsec_micros(), random.iter().map(|b| format!("{b:02x}")).collect::<String>());
    AuditEntry {
        id,
        at: time.as_secs() as i64,
        region,
        actor: who.subject.clone(),
        actor_name: who.name.clone(),
        actor_role: who.role,
        action,
        target: target.to_owned(),
        target_title: None,
        changes,
    }
}

/// How many entries a read of the log looks at, at most, for the ones its filter keeps (about 15
/// region imports' worth); the time range is read page by page from the store's time-ordered
/// keys, newest first, and the answer says where the search stopped if this ends it.
pub const SEARCH_BUDGET: usize = 10_000;
/// Entries read from the store at a time.
const PAGE: usize = 500;

/// The entries a read of the log found, and — when the search budget ran out before the start
/// of the time range — the time (Unix seconds) of the oldest entry looked at: older entries were
/// not searched (ask again with `until` set to it).
pub struct LogRead {
    pub entries: Vec<AuditEntry>,
    pub searched_back_to: Option<i64>,
}

/// Which entries the log shows.
#[derive(Debug, Clone, Default)]
pub struct LogFilter {
    pub action: Option<AuditAction>,
    /// The admin's user id, or part of their name (any case).
    pub actor: Option<String>,
    /// Unix seconds: at or after / before (the browser turns local days into these).
    pub since: Option<i64>,
    pub until: Option<i64>,
}

impl LogFilter {
    fn keeps(&self, e: &AuditEntry) -> bool {
        let who = self.actor.as_deref().map(|a| a.trim().to_lowercase());
        self.action.is_none_or(|a| a == e.action)
            && who.is_none_or(|w| e.actor.to_lowercase() == w || e.actor_name.as_deref().is_some_and(|n| n.to_lowercase().contains(&w)))
            && self.since.is_none_or(|t| e.at >= t)
            && self.until.is_none_or(|t| e.at < t)
    }
}

/// The region's log, newest first: the first `limit` entries the filter keeps within its time
/// range (searched back through at most [`SEARCH_BUDGET`] entries), each with its target's
/// current title.
pub async fn log(state: &AppState, region: RegionCode, filter: &LogFilter, limit: usize) -> Result<LogRead, ApiError> {
    let mut entries: Vec<AuditEntry> = vec![];
    let mut before = filter.until.map(|t| crate::store::audit::since_key(Some(t)));
    let (mut searched, mut searched_back_to) = (0, None);
    loop {
        let page = state.audit.audit_page(region, filter.since, before.as_deref(), PAGE).await?;
        searched += page.len();
        let (full, last) = (page.len() == PAGE, page.last().map(|e| (crate::store::audit::sort_key(e), e.at)));
        entries.extend(page.into_iter().filter(|e| filter.keeps(e)));
        let Some((key, at)) = last.filter(|_| full && entries.len() < limit) else { break };
        if searched >= SEARCH_BUDGET {
            searched_back_to = Some(at);
            break;
        }
        before = Some(key);
    }
    entries.truncate(limit);
    let mut titles: HashMap<(AuditTarget, String), Option<String>> = HashMap::new();
    for e in &mut entries {
        let kind = e.action.target_kind();
        let key = (kind, e.target.clone());
        if !titles.contains_key(&key) {
            let title = match kind {
                AuditTarget::Offer => state.store.get_offer(&e.target).await?.map(|o| o.title),
                AuditTarget::Provider => state.directory.get_provider(&e.target).await?.map(|p| p.name),
                AuditTarget::Location => state.directory.get_location(&e.target).await?.map(|l| l.name),
                AuditTarget::Package => state.directory.get_package(&e.target).await?.map(|p| p.name.da),
                AuditTarget::Association => state.directory.get_association(&e.target).await?.map(|a| a.name),
                AuditTarget::Activity => state.directory.get_activity(&e.target).await?.map(|a| a.name),
                AuditTarget::Referrals | AuditTarget::Report => None,
            };
            titles.insert(key.clone(), title);
        }
        e.target_title = titles[&key].clone();
    }
    Ok(LogRead { entries, searched_back_to })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn diff_lists_changed_fields_only() {
        let before = json!({"title": "A", "summary": "S", "version": 1, "tags": [1]});
        let after = json!({"title": "B", "summary": "S", "version": 2, "tags": [1, 2]});
        let changes = diff(Some(&before), &after);
        let fields: Vec<_> = changes.iter().map(|c| (c.field.as_str(), c.before.as_str(), c.after.as_str())).collect();
        assert_eq!(fields, [("tags", "[1]", "[1,2]"), ("title", "\"A\"", "\"B\"")]);
        assert_eq!(diff(None, &json!({"title": "A"}))[0].before, "null");
    }

    #[test]
    fn a_field_left_out_is_a_change_to_null() {
        let before = json!({"title": "A", "location_id": "sted-1", "version": 1});
        let after = json!({"title": "A", "version": 2});
        let changes = diff(Some(&before), &after);
        let fields: Vec<_> = changes.iter().map(|c| (c.field.as_str(), c.before.as_str(), c.after.as_str())).collect();
        assert_eq!(fields, [("location_id", "\"sted-1\"", "null")]);
        // Absent and null are the same.
        assert_eq!(diff(Some(&json!({"note": null})), &json!({})), vec![]);
    }
}
