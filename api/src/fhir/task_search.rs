//! `Task` search: a clinician's own referrals as the Tasks that track them, for a record system
//! that polls what changed (`_lastUpdated=gt…`) instead of opening each referral. Parameters are
//! strict as in the HealthcareService search: unknown ones and bad values are 400s.

use super::outcome::{Issue, Outcome};
use super::referral::{service_request, statuses, task};
use super::search::{number, page_links, pretty, searchset, MAX_COUNT, MAX_PAGE};
use crate::store::Referral;
use forebyg_shared::date::days_from_iso;
use serde_json::{json, Value};

/// The search parameters served: (name, FHIR type, documentation), as the CapabilityStatement
/// lists them.
pub const PARAMS: [(&str, &str, &str); 4] = [
    ("_lastUpdated", "date", "When the referral last changed: `gt`, `ge`, `lt`, `le` or `eq` (the default) and a date (`2027-03-01`) or an instant with its zone (`2027-03-01T09:30:00Z`); repeat it for a range. Poll with `ge` and the newest `meta.lastUpdated` seen: times are whole seconds, so a change in that same second comes again rather than never (an instant with a fraction of a second takes in its whole second)."),
    ("status", "token", "The Task status (`requested`, `accepted`, `in-progress`, `rejected`, `completed`, `cancelled`); comma-separated values are alternatives."),
    ("_count", "number", "Tasks per page, 0–100 (without it: every match in one page; 0 gives only the total)."),
    ("_page", "number", "The page, from 1, with `_count`; follow the Bundle's `next`/`previous` links."),
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
    /// Tasks per page (`_count`); `None`: all in one.
    pub count: Option<usize>,
    /// The page (`_page`), from 1.
    pub page: usize,
}

/// A FHIR date (`YYYY-MM-DD`: the whole UTC day) or instant (`YYYY-MM-DDThh:mm:ss[.fff]` and `Z` or
/// `±hh:mm`) as its first and last whole second, in Unix seconds, and whether it falls inside its
/// second (a fraction): stored times are whole seconds (rounded down), so a change stored in
/// that second may lie on either side of it.
fn date_range(value: &str) -> Option<(i64, i64, bool)> {
    let day = days_from_iso(value.get(..10)?)? * 86_400;
    let rest = &value[10..];
    if rest.is_empty() {
        return Some((day, day + 86_399, false));
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
    Some((at, at, fraction.bytes().any(|b| b != b'0')))
}

/// One `_lastUpdated` value narrows `s`.
fn last_updated(s: &mut TaskSearch, value: &str) -> Result<(), Issue> {
    const NAME: &str = "_lastUpdated";
    let (prefix, date) = value.split_at(value.char_indices().take_while(|(_, c)| c.is_ascii_lowercase()).count());
    let Some((first, last, inside)) = date_range(date) else {
        // The whole value: a word (`bogus`) is all prefix, and its empty rest would say nothing.
        return Err(Issue::invalid(
            NAME,
            format!("`{value}` is not a FHIR date (2027-03-01) or instant with its zone (2027-03-01T09:30:00Z), after a prefix such as gt if any."),
        ));
    };
    // A value lies in the range of its seconds: after it is after its last second, before it is
    // before its first; an instant inside a second keeps that second on both sides (a change
    // comes twice rather than never).
    let (from, to) = match prefix {
        "gt" if inside => (Some(first), None),
        "gt" => (Some(last + 1), None),
        "ge" => (Some(first), None),
        "lt" if inside => (None, Some(last)),
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
        let mut s = TaskSearch { page: 1, ..TaskSearch::default() };
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
                "_count" => number(name, value, 0, MAX_COUNT).map(|n| s.count = Some(n)),
                "_page" => number(name, value, 1, MAX_PAGE).map(|n| s.page = n),
                // Its value was checked before the search (`fhir::format`, 406 unless JSON).
                "_format" => Ok(()),
                "_pretty" => pretty(value),
                _ => Err(Issue::not_supported(
                    name,
                    format!("Unknown search parameter `{name}`; supported: _lastUpdated, status, _count, _page, _include, _format, _pretty."),
                )),
            };
            issues.extend(result.err());
        }
        // Without `_count` every match is one page: a later page would be ignored without a word.
        if s.page > 1 && s.count.is_none() {
            issues.push(Issue::invalid("_page", "_page needs _count: without it every match is in one page."));
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

impl TaskSearch {
    /// Sorts the matches as the Bundle lists them (the last changed first) and gives the range of
    /// those on the page asked for: the Tasks returned, each an audited read (and no other).
    pub fn page_of(&self, matches: &mut [Referral]) -> std::ops::Range<usize> {
        matches.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then_with(|| a.receipt_code.cmp(&b.receipt_code)));
        match self.count {
            Some(count) => {
                let start = (self.page - 1).saturating_mul(count).min(matches.len());
                start..start.saturating_add(count).min(matches.len())
            }
            None => 0..matches.len(),
        }
    }
}

/// The searchset Bundle of the matching referrals' Tasks, the last changed first, each followed
/// by its ServiceRequest when asked; one page of `_count` with paging links, else all with the
/// request's own address `self_url` as `self` (`query`: the request's decoded pairs).
pub fn bundle(q: &TaskSearch, mut matches: Vec<Referral>, base: &str, query: &[(String, String)], self_url: &str) -> Value {
    let shown = q.page_of(&mut matches);
    let total = matches.len();
    let url = format!("{base}/Task");
    let page: Vec<&Referral> = matches[shown].iter().collect();
    let links = match q.count {
        Some(count) => page_links(&url, query, q.page, count, total),
        None => vec![json!({"relation": "self", "url": self_url})],
    };
    let entry = |r: Value, mode: &str| {
        let url = format!("{base}/{}/{}", r["resourceType"].as_str().unwrap_or_default(), r["id"].as_str().unwrap_or_default());
        json!({"fullUrl": url, "resource": r, "search": {"mode": mode}})
    };
    let entries: Vec<Value> = page
        .iter()
        .flat_map(|r| std::iter::once(entry(task(r), "match")).chain(q.include_focus.then(|| entry(service_request(r), "include"))))
        .collect();
    searchset(total, links, entries)
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
        assert_eq!(date_range("2027-03-01"), Some((day, day + 86_399, false)));
        assert_eq!(date_range("2027-03-01T09:30:00Z"), Some((day + 34_200, day + 34_200, false)));
        assert_eq!(date_range("2027-03-01T10:30:00+01:00"), Some((day + 34_200, day + 34_200, false)));
        assert_eq!(date_range("2027-03-01T08:00:00-01:30"), Some((day + 34_200, day + 34_200, false)));
        assert_eq!(date_range("2027-03-01T09:30:00.250Z"), Some((day + 34_200, day + 34_200, true)));
        assert_eq!(date_range("2027-03-01T09:30:00.000Z"), Some((day + 34_200, day + 34_200, false)));
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
                include_focus: true,
                count: None,
                page: 1,
            }
        );
        // A change stored in the second of 09:30:00.250 may lie after it or before it: both keep it.
        let at = day + 34_200;
        assert_eq!(parse(&[("_lastUpdated", "ge2027-03-01T09:30:00.250Z")]).unwrap().from, Some(at));
        assert_eq!(parse(&[("_lastUpdated", "gt2027-03-01T09:30:00.250Z")]).unwrap().from, Some(at));
        assert_eq!(parse(&[("_lastUpdated", "lt2027-03-01T09:30:00.250Z")]).unwrap().to, Some(at));
        assert_eq!(parse(&[("_lastUpdated", "gt2027-03-01T09:30:00Z")]).unwrap().from, Some(at + 1));
        assert_eq!(parse(&[("_lastUpdated", "lt2027-03-01T09:30:00Z")]).unwrap().to, Some(at - 1));
        let paged = parse(&[("_count", "10"), ("_page", "3"), ("_pretty", "true")]).unwrap();
        let alone = parse(&[("_page", "2")]).unwrap_err();
        assert_eq!(alone.issues.iter().filter_map(|i| i.expression.as_deref()).collect::<Vec<_>>(), ["_page"]);
        assert!(parse(&[("_page", "1")]).is_ok(), "the first page is the one page");
        assert_eq!((paged.count, paged.page), (Some(10), 3));
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
            ("_count", "101"),
            ("_pretty", "yes"),
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
                ("invalid", Some("_count")),
                ("invalid", Some("_pretty")),
            ]
        );
        assert!(e.issues[0].diagnostics.contains("use gt, ge, lt, le or eq"));
        // A word is all "prefix": the diagnostics name the value given, not its empty rest.
        let bogus = parse(&[("_lastUpdated", "bogus")]).unwrap_err();
        assert!(bogus.issues[0].diagnostics.starts_with("`bogus` is not a FHIR date"), "{:?}", bogus.issues);
    }
}
