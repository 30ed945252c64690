//! `Task` search: a clinician's own referrals as the Tasks that track them, for a record system
//! that polls what changed (`_lastUpdated=gt…`) instead of opening each referral. Parameters are
//! strict as in the HealthcareService search: unknown ones and bad values are 400s.

use super::outcome::{Issue, Outcome};
use super::referral::{service_request, statuses, task};
use super::search::searchset;
use crate::store::Referral;
use forebyg_shared::date::days_from_iso;
use serde_json::{json, Value};

/// The search parameters served: (name, FHIR type, documentation), as the CapabilityStatement
/// lists them.
pub const PARAMS: [(&str, &str, &str); 2] = [
    ("_lastUpdated", "date", "When the referral last changed: `gt`, `ge`, `lt`, `le` or `eq` (the default) and a date (`2027-03-01`) or an instant with its zone (`2027-03-01T09:30:00Z`); repeat it for a range. Poll with `ge` and the newest `meta.lastUpdated` seen: times are whole seconds, so a change in that same second comes again rather than never."),
    ("status", "token", "The Task status (`requested`, `accepted`, `in-progress`, `rejected`, `completed`, `cancelled`); comma-separated values are alternatives."),
];

/// The Task statuses a referral can have.
const TASK_STATUSES: [&str; 6] = ["requested", "accepted", "in-progress", "rejected", "completed", "cancelled"];

/// A parsed Task search: `meta.lastUpdated` within `from..=to` (Unix seconds), the Task status
/// one of each occurrence's alternatives, and whether the ServiceRequests come along.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaskSearch {
    pub from: Option<i64>,
    pub to: Option<i64>,
    pub statuses: Vec<Vec<String>>,
    pub include_focus: bool,
}

/// A FHIR date (`YYYY-MM-DD`: the whole UTC day) or instant (`YYYY-MM-DDThh:mm:ss[.fff]` and `Z` or
/// `±hh:mm`) as its first and last whole second, in Unix seconds. A fraction makes the instant
/// lie between two seconds: (first, last) = (next second, this second).
fn date_range(value: &str) -> Option<(i64, i64)> {
    let day = days_from_iso(value.get(..10)?)? * 86_400;
    let rest = &value[10..];
    if rest.is_empty() {
        return Some((day, day + 86_399));
    }
    let rest = rest.strip_prefix('T')?;
    let (clock, zone) = match rest.find(['Z', '+', '-']) {
        Some(i) => rest.split_at(i),
        None => return None, // an instant must say its zone
    };
    let (hms, fraction) = clock.split_once('.').map_or((clock, ""), |(h, f)| (h, f));
    let parts: Vec<i64> = hms.split(':').map(|p| if p.len() == 2 { p.parse().ok() } else { None }).collect::<Option<_>>()?;
    let [h, m, s] = parts[..] else { return None };
    if h > 23 || m > 59 || s > 59 || !fraction.bytes().all(|b| b.is_ascii_digit()) || (clock.contains('.') && fraction.is_empty()) {
        return None;
    }
    let offset = match zone {
        "Z" => 0,
        _ => {
            let (sign, hm) = zone.split_at(1);
            let (zh, zm) = hm.split_once(':').filter(|(a, b)| a.len() == 2 && b.len() == 2)?;
            let (zh, zm): (i64, i64) = (zh.parse().ok().filter(|h| *h <= 14)?, zm.parse().ok().filter(|m| *m <= 59)?);
            if sign == "+" {
                zh * 3600 + zm * 60
            } else {
                -(zh * 3600 + zm * 60)
            }
        }
    };
    let at = day + h * 3600 + m * 60 + s - offset;
    let between = fraction.bytes().any(|b| b != b'0');
    Some(if between { (at + 1, at) } else { (at, at) })
}

/// One `_lastUpdated` value narrows `s`.
fn last_updated(s: &mut TaskSearch, value: &str) -> Result<(), Issue> {
    const NAME: &str = "_lastUpdated";
    let (prefix, date) = value.split_at(value.char_indices().take_while(|(_, c)| c.is_ascii_lowercase()).count());
    let Some((first, last)) = date_range(date) else {
        return Err(Issue::invalid(NAME, format!("`{date}` is not a FHIR date (2027-03-01) or instant with its zone (2027-03-01T09:30:00Z).")));
    };
    // A value lies in the range of its seconds: after it is after its last second, before it is
    // before its first.
    let (from, to) = match prefix {
        "gt" => (Some(last + 1), None),
        "ge" => (Some(first), None),
        "lt" => (None, Some(first - 1)),
        "le" => (None, Some(last)),
        "" | "eq" => (Some(first), Some(last)),
        _ => return Err(Issue::not_supported(NAME, format!("Prefix `{prefix}` is not supported for _lastUpdated: use gt, ge, lt, le or eq."))),
    };
    s.from = s.from.max(from);
    s.to = match (s.to, to) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    Ok(())
}

impl TaskSearch {
    /// Parses decoded query pairs; every problem is reported at once.
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<TaskSearch, Outcome> {
        let mut s = TaskSearch::default();
        let mut issues = vec![];
        for (name, value) in pairs {
            let value = value.trim();
            let result: Result<(), Issue> = match name {
                _ if value.is_empty() => Err(Issue::invalid(name, format!("{name} has no value."))),
                "_lastUpdated" => last_updated(&mut s, value),
                "status" => value
                    .split(',')
                    .map(|v| Some(v.trim()).filter(|v| TASK_STATUSES.contains(v)).map(str::to_owned))
                    .collect::<Option<Vec<_>>>()
                    .map(|v| s.statuses.push(v))
                    .ok_or_else(|| Issue::invalid(name, format!("Unknown status in `{value}`: use {}.", TASK_STATUSES.join(", ")))),
                "_include" if value == "Task:focus" || value == "Task:based-on" => {
                    s.include_focus = true;
                    Ok(())
                }
                "_include" => Err(Issue::not_supported(name, format!("_include `{value}` is not supported: use Task:focus (the ServiceRequests)."))),
                "_format" if ["json", "application/json", "application/fhir+json"].contains(&value) => Ok(()),
                "_format" => Err(Issue::not_supported(name, "Only JSON is served (_format=json).")),
                _ => {
                    Err(Issue::not_supported(name, format!("Unknown search parameter `{name}`; supported: _lastUpdated, status, _include, _format.")))
                }
            };
            issues.extend(result.err());
        }
        if issues.is_empty() {
            Ok(s)
        } else {
            Err(Outcome::bad_request(issues))
        }
    }

    /// Whether a referral's Task passes every parameter.
    pub fn matches(&self, r: &Referral) -> bool {
        let status = statuses(r.status).1;
        self.from.is_none_or(|f| r.updated_at >= f)
            && self.to.is_none_or(|t| r.updated_at <= t)
            && self.statuses.iter().all(|any| any.iter().any(|s| s == status))
    }
}

/// The searchset Bundle of the matching referrals' Tasks, the last changed first, each followed
/// by its ServiceRequest when asked. `self_url` is the request's own address.
pub fn bundle(q: &TaskSearch, mut matches: Vec<Referral>, base: &str, self_url: &str) -> Value {
    matches.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then_with(|| a.receipt_code.cmp(&b.receipt_code)));
    let entry = |r: Value, mode: &str| {
        let url = format!("{base}/{}/{}", r["resourceType"].as_str().unwrap_or_default(), r["id"].as_str().unwrap_or_default());
        json!({"fullUrl": url, "resource": r, "search": {"mode": mode}})
    };
    let entries: Vec<Value> = matches
        .iter()
        .flat_map(|r| std::iter::once(entry(task(r), "match")).chain(q.include_focus.then(|| entry(service_request(r), "include"))))
        .collect();
    searchset(matches.len(), vec![json!({"relation": "self", "url": self_url})], entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(q: &[(&str, &str)]) -> Result<TaskSearch, Outcome> {
        TaskSearch::parse(q.iter().copied())
    }

    #[test]
    fn dates_and_instants_are_ranges_of_whole_seconds() {
        let day = days_from_iso("2027-03-01").unwrap() * 86_400;
        assert_eq!(date_range("2027-03-01"), Some((day, day + 86_399)));
        assert_eq!(date_range("2027-03-01T09:30:00Z"), Some((day + 34_200, day + 34_200)));
        assert_eq!(date_range("2027-03-01T10:30:00+01:00"), Some((day + 34_200, day + 34_200)));
        assert_eq!(date_range("2027-03-01T08:00:00-01:30"), Some((day + 34_200, day + 34_200)));
        assert_eq!(date_range("2027-03-01T09:30:00.250Z"), Some((day + 34_201, day + 34_200)));
        assert_eq!(date_range("2027-03-01T09:30:00.000Z"), Some((day + 34_200, day + 34_200)));
        for bad in [
            "2027-02-30",
            "2027-03-01T09:30:00",
            "2027-03-01T9:30:00Z",
            "2027-03-01T24:00:00Z",
            "2027-03-01 09:30:00Z",
            "2027-03-01T09:30:00.Z",
            "2027-03-01T09:30Z",
            "yesterday",
            "",
        ] {
            assert_eq!(date_range(bad), None, "{bad}");
        }
    }

    #[test]
    fn parses_prefixes_into_one_range_and_statuses() {
        let day = days_from_iso("2027-03-01").unwrap() * 86_400;
        let s = parse(&[
            ("_lastUpdated", "gt2027-03-01T09:30:00Z"),
            ("_lastUpdated", "le2027-03-01"),
            ("status", "requested,accepted"),
            ("_include", "Task:focus"),
        ])
        .unwrap();
        assert_eq!(
            s,
            TaskSearch {
                from: Some(day + 34_201),
                to: Some(day + 86_399),
                statuses: vec![vec!["requested".into(), "accepted".into()]],
                include_focus: true
            }
        );
        assert_eq!(parse(&[("_lastUpdated", "ge2027-03-01")]).unwrap().from, Some(day));
        assert_eq!(parse(&[("_lastUpdated", "lt2027-03-01")]).unwrap().to, Some(day - 1));
        let whole_day = parse(&[("_lastUpdated", "2027-03-01")]).unwrap();
        assert_eq!((whole_day.from, whole_day.to), (Some(day), Some(day + 86_399)));
        assert_eq!(parse(&[("_lastUpdated", "lt2027-03-01"), ("_lastUpdated", "lt2027-02-01")]).unwrap().to, Some(day - 28 * 86_400 - 1));
    }

    #[test]
    fn refuses_unknown_parameters_and_bad_values_all_at_once() {
        let e = parse(&[
            ("_lastUpdated", "ne2027-03-01"),
            ("_lastUpdated", "gt2027-13-01"),
            ("status", "done"),
            ("_include", "Task:owner"),
            ("patient", "x"),
            ("_count", "10"),
        ])
        .unwrap_err();
        let issues: Vec<(&str, Option<&str>)> = e.issues.iter().map(|i| (i.code, i.expression.as_deref())).collect();
        assert_eq!(
            issues,
            [
                ("not-supported", Some("_lastUpdated")),
                ("invalid", Some("_lastUpdated")),
                ("invalid", Some("status")),
                ("not-supported", Some("_include")),
                ("not-supported", Some("patient")),
                ("not-supported", Some("_count")),
            ]
        );
        assert!(e.issues[0].diagnostics.contains("use gt, ge, lt, le or eq"));
    }
}
