//! A change of a structured field (an offer's `schedule`, `location`, `referral` …, a location
//! record's `point`) as the changes of its members, each by the label the editor gives it: "Næste
//! start: 2026-12-10 → 2026-12-17" rather than "Tider: enrolment: kind: course, …, next_start: …".

use crate::form::{control_id, FIELDS};

/// The editor's field key for a member's JSON path (`schedule.next_start` → `next_start`), if the
/// editor has a field for it.
pub fn form_key(path: &str) -> Option<&'static str> {
    let known = |key: &str| FIELDS.iter().map(|(k, _)| *k).find(|k| *k == key);
    match path {
        // The enrolment's tag is the "Optag" choice (its `kind` is no record's "Type").
        "schedule.enrolment.kind" => Some("enrolment"),
        // The form's error links point these at a control; the field itself has a label.
        "location.point"
        | "schedule.enrolment"
        | "referral"
        | "eligibility.accepted_conditions"
        | "referral.methods"
        | "conditions"
        | "languages" => known(path.rsplit('.').next().unwrap_or(path)),
        _ => control_id(path)
            .and_then(|id| known(id.strip_prefix("f-").unwrap_or(&id)))
            // Nested members named like their field (`schedule.enrolment.sessions`, `point.lat`).
            .or_else(|| path.contains('.').then(|| known(path.rsplit('.').next().unwrap_or(path))).flatten()),
    }
}

/// The members of a JSON object as (key, value as JSON text), in order; `None` if `json` is not
/// an object. Keys are the models' field names (no escapes).
pub fn members(json: &str) -> Option<Vec<(String, String)>> {
    let inner = json.trim().strip_prefix('{')?.strip_suffix('}')?;
    let (mut parts, mut start, mut depth, mut in_string, mut escaped) = (vec![], 0, 0i32, false, false);
    for (i, c) in inner.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' | '[' => depth += 1,
            '}' | ']' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    if !inner.trim().is_empty() {
        parts.push(&inner[start..]);
    }
    parts
        .into_iter()
        .map(|p| {
            let (key, value) = p.trim().strip_prefix('"')?.split_once("\":")?;
            Some((key.to_owned(), value.trim().to_owned()))
        })
        .collect()
}

/// The changed members under `path` (an object, or `null` beside an object) as (the editor's field
/// key, before, after), nested objects followed down to their members; `None` when a changed
/// member has no field in the editor (the change is then shown whole).
pub fn member_changes(path: &str, before: &str, after: &str) -> Option<Vec<(&'static str, String, String)>> {
    let (b, a) = match (members(before), members(after)) {
        (Some(b), Some(a)) => (b, a),
        (Some(b), None) if after.trim() == "null" => (b, vec![]),
        (None, Some(a)) if before.trim() == "null" => (vec![], a),
        _ => return None,
    };
    let value = |list: &[(String, String)], k: &str| list.iter().find(|(key, _)| key == k).map_or_else(|| "null".to_owned(), |(_, v)| v.clone());
    let mut keys: Vec<&String> = b.iter().map(|(k, _)| k).collect();
    keys.extend(a.iter().map(|(k, _)| k).filter(|k| !b.iter().any(|(x, _)| x == *k)));
    let mut out = vec![];
    for key in keys {
        let (before, after) = (value(&b, key), value(&a, key));
        if before == after {
            continue;
        }
        let sub = format!("{path}.{key}");
        match member_changes(&sub, &before, &after) {
            Some(nested) => out.extend(nested),
            None => out.push((form_key(&sub)?, before, after)),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_split_an_object_at_its_top_level() {
        let json = r#"{"enrolment":{"kind":"course","sessions":8},"slots":[{"weekday":"tue"},{"weekday":"thu"}],"next_start":"2026-12-10","note":"a, \"b\": c"}"#;
        let m = members(json).unwrap();
        let keys: Vec<&str> = m.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["enrolment", "slots", "next_start", "note"]);
        assert_eq!(m[0].1, r#"{"kind":"course","sessions":8}"#);
        assert_eq!(m[3].1, r#""a, \"b\": c""#);
        assert_eq!(members("{}"), Some(vec![]));
        assert_eq!(members("\"text\""), None);
    }

    #[test]
    fn members_are_named_by_the_editors_fields() {
        assert_eq!(form_key("schedule.next_start"), Some("next_start"));
        assert_eq!(form_key("schedule.enrolment.kind"), Some("enrolment"));
        assert_eq!(form_key("schedule.enrolment.sessions"), Some("sessions"));
        assert_eq!(form_key("location.point.lat"), Some("lat"));
        assert_eq!(form_key("point.lon"), Some("lon"));
        assert_eq!(form_key("referral.self_referral"), Some("self_referral"));
        assert_eq!(form_key("referral.must_include.en"), Some("must_include_en"));
        assert_eq!(form_key("eligibility.accepted_conditions"), Some("accepted_conditions"));
        assert_eq!(form_key("referral.methods"), Some("methods"));
        assert_eq!(form_key("contact.phone"), Some("contact_phone"));
        assert_eq!(form_key("schedule.unheard_of"), None);
    }
}
