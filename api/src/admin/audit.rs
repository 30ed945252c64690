//! Building audit entries: who changed which fields of what, and who read whose request.

use forebyg_shared::admin::{AuditAction, AuditEntry, FieldChange};
use forebyg_shared::auth::Principal;
use forebyg_shared::taxonomy::RegionCode;
use serde::Serialize;
use serde_json::Value;

/// The top-level fields that differ between two versions of a record, as JSON text.
pub fn diff<T: Serialize>(before: Option<&T>, after: &T) -> Vec<FieldChange> {
    let to_map = |v: Value| match v {
        Value::Object(m) => m,
        _ => Default::default(),
    };
    let before = before.map(|b| to_map(serde_json::to_value(b).unwrap_or(Value::Null))).unwrap_or_default();
    let after = to_map(serde_json::to_value(after).unwrap_or(Value::Null));
    after
        .iter()
        // The version always moves on; it is not a change anyone made.
        .filter(|(k, v)| k.as_str() != "version" && before.get(k.as_str()) != Some(v))
        .map(|(k, v)| FieldChange { field: k.clone(), before: before.get(k.as_str()).unwrap_or(&Value::Null).to_string(), after: v.to_string() })
        .collect()
}

/// A referral's status change as an audited field change.
pub fn status_change(before: forebyg_shared::referral::ReferralStatus, after: forebyg_shared::referral::ReferralStatus) -> FieldChange {
    FieldChange { field: "status".into(), before: format!("\"{}\"", before.code()), after: format!("\"{}\"", after.code()) }
}

pub fn entry(who: &Principal, region: RegionCode, action: AuditAction, target: &str, changes: Vec<FieldChange>) -> AuditEntry {
    let mut random = [0u8; 6];
    // An id only has to be unique within the same second and region; the OS never fails here.
    let _ = getrandom::fill(&mut random);
    AuditEntry {
        id: random.iter().map(|b| format!("{b:02x}")).collect(),
        at: crate::self_referral::now(),
        region,
        actor: who.subject.clone(),
        actor_role: who.role,
        action,
        target: target.to_owned(),
        changes,
    }
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
}
