//! Whether providers keep their promise to contact people: each request that carried a promised
//! day ("we contact you within N working days") is in time, late, overdue or still pending, and
//! the region's admin sees the tally per provider.

use crate::date::copenhagen_date;
use crate::referral::{contact_overdue, ReferralStatus, StatusEvent};
use serde::{Deserialize, Serialize};

/// What became of one promise to make contact by a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Promise {
    /// The provider moved the request on (contacted, enrolled, declined) on or before the day.
    InTime,
    /// It did so after the day, or the person withdrew unanswered after the day.
    Late,
    /// Still `received`, the day passed ([`crate::referral::contact_overdue`]).
    Overdue,
    /// Still `received`, the day still to come.
    Pending,
}

/// The fate of the promise of a request with this promised day (YYYY-MM-DD) and history, on
/// `today`. `None` without a promise (none given, or a waiting list) or when the person withdrew
/// unanswered before the day was out: nothing was asked of the provider then.
pub fn promise(contact_by: Option<&str>, history: &[StatusEvent], today: &str) -> Option<Promise> {
    let by = contact_by?;
    if since_last_undo(history).iter().any(|e| e.status != ReferralStatus::Received) {
        return settlement(contact_by, history).and_then(Settlement::promise);
    }
    // Unanswered: late by the same rule as the inbox's "Over svarfristen".
    Some(if contact_overdue(ReferralStatus::Received, Some(by), today) { Promise::Overdue } else { Promise::Pending })
}

/// How a request's first move from `received` settled its promise. Counted in the provider's
/// tally at that move, so the figures outlive the request and its personal data. A contact the
/// provider undoes (back to `received`) was no answer: the undo takes it out of the tally again,
/// and the next move settles the promise (late, once the day has passed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settlement {
    /// Contacted, enrolled or declined on or before the day.
    InTime,
    /// Any move after the day (a withdrawal too: the person gave up waiting).
    Late,
    /// Withdrawn before the day was out: nothing was asked of the provider.
    Released,
}

impl Settlement {
    /// The fate it gives the promise (`None` when released: not counted).
    pub fn promise(self) -> Option<Promise> {
        match self {
            Settlement::InTime => Some(Promise::InTime),
            Settlement::Late => Some(Promise::Late),
            Settlement::Released => None,
        }
    }
}

/// The settlement of a request with this promised day (YYYY-MM-DD) and history: `None` while it
/// is still unanswered, or without a promise.
pub fn settlement(contact_by: Option<&str>, history: &[StatusEvent]) -> Option<Settlement> {
    let by = contact_by?;
    let answer = since_last_undo(history).iter().find(|e| e.status != ReferralStatus::Received)?;
    Some(match (copenhagen_date(answer.at).as_str() <= by, answer.status) {
        (true, ReferralStatus::Withdrawn) => Settlement::Released,
        (true, _) => Settlement::InTime,
        (false, _) => Settlement::Late,
    })
}

/// The steps from the provider's last answer taken back on (the whole history without one): what
/// came before it answers nothing.
fn since_last_undo(history: &[StatusEvent]) -> &[StatusEvent] {
    &history[history.iter().rposition(StatusEvent::undoes_answer).unwrap_or(0)..]
}

/// One provider's promises within the admin's scope (no personal data: not audited).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProviderResponseTimes {
    pub provider_id: String,
    /// The provider's name in the directory (its id when it has none there).
    pub provider_name: String,
    pub in_time: u32,
    pub late: u32,
    pub overdue: u32,
    pub pending: u32,
}

impl ProviderResponseTimes {
    pub fn add(&mut self, p: Promise) {
        *match p {
            Promise::InTime => &mut self.in_time,
            Promise::Late => &mut self.late,
            Promise::Overdue => &mut self.overdue,
            Promise::Pending => &mut self.pending,
        } += 1;
    }

    /// Promises whose day has come (or that were answered): in time, late or overdue.
    pub fn due(&self) -> u32 {
        self.in_time + self.late + self.overdue
    }

    /// The share of the due promises kept, in whole per cent (rounded down, so 99 % is not shown
    /// as 100 %); `None` before any is due.
    pub fn percent_in_time(&self) -> Option<u32> {
        let due = self.due();
        (due > 0).then(|| self.in_time * 100 / due)
    }
}

/// One provider's promises for the requests made in one month.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthResponseTimes {
    /// YYYY-MM.
    pub month: String,
    pub times: ProviderResponseTimes,
}

/// The months summed per provider, the worst first (the overview's "last 12 months").
pub fn per_provider(months: &[MonthResponseTimes]) -> Vec<ProviderResponseTimes> {
    let mut rows: Vec<ProviderResponseTimes> = vec![];
    for MonthResponseTimes { times: m, .. } in months {
        match rows.iter_mut().find(|r| r.provider_id == m.provider_id) {
            Some(r) => {
                (r.in_time, r.late, r.overdue, r.pending) = (r.in_time + m.in_time, r.late + m.late, r.overdue + m.overdue, r.pending + m.pending)
            }
            None => rows.push(m.clone()),
        }
    }
    sort_worst_first(&mut rows);
    rows
}

/// The months as CSV, one row per provider and month ([`crate::spreadsheet`]: BOM, `;`, CRLF, as
/// the other exports; the share in whole per cent, empty before any promise was due).
pub fn to_csv(rows: &[MonthResponseTimes]) -> String {
    let mut sheet = crate::spreadsheet::Sheet::new();
    sheet.row(["udbyder-id", "udbyder", "måned", "til tiden", "for sent", "over fristen nu", "inden for fristen", "andel til tiden (%)"]);
    for MonthResponseTimes { month, times: t } in rows {
        let share = t.percent_in_time().map(|p| p.to_string()).unwrap_or_default();
        let counts = [t.in_time, t.late, t.overdue, t.pending].map(|n| n.to_string());
        sheet.row([t.provider_id.clone(), t.provider_name.clone(), month.clone()].into_iter().chain(counts).chain([share]));
    }
    sheet.finish()
}

/// The worst first (the lowest share in time, then the most overdue), then by name: what the
/// admin should look at.
pub fn sort_worst_first(rows: &mut [ProviderResponseTimes]) {
    rows.sort_by(|a, b| {
        let share = |r: &ProviderResponseTimes| r.percent_in_time().unwrap_or(101);
        share(a).cmp(&share(b)).then(b.overdue.cmp(&a.overdue)).then_with(|| a.provider_name.cmp(&b.provider_name))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::days_from_iso;
    use crate::referral::Actor;

    fn at(day: &str) -> i64 {
        days_from_iso(day).unwrap() * 86_400 + 12 * 3600
    }

    fn history(steps: &[(ReferralStatus, &str)]) -> Vec<StatusEvent> {
        std::iter::once((ReferralStatus::Received, "2026-12-01"))
            .chain(steps.iter().copied())
            .map(|(status, day)| StatusEvent::new(status, at(day), Actor::Provider))
            .collect()
    }

    #[test]
    fn a_promise_is_kept_on_the_day_broken_after_it_and_open_until_then() {
        use ReferralStatus::*;
        let by = Some("2026-12-04");
        let today = "2026-12-10";
        assert_eq!(promise(by, &history(&[(Contacted, "2026-12-04")]), today), Some(Promise::InTime), "the day itself is in time");
        assert_eq!(promise(by, &history(&[(Declined, "2026-12-02")]), today), Some(Promise::InTime), "a decline is an answer");
        assert_eq!(promise(by, &history(&[(Enrolled, "2026-12-05"), (Completed, "2026-12-09")]), today), Some(Promise::Late));
        assert_eq!(promise(by, &history(&[]), today), Some(Promise::Overdue));
        assert_eq!(promise(by, &history(&[]), "2026-12-04"), Some(Promise::Pending));
        assert_eq!(promise(by, &history(&[(Withdrawn, "2026-12-03")]), today), None, "withdrawn before the day: nothing was due");
        assert_eq!(promise(by, &history(&[(Withdrawn, "2026-12-06")]), today), Some(Promise::Late), "withdrawn unanswered after it");
        assert_eq!(promise(None, &history(&[]), today), None, "no promise");
        assert_eq!(settlement(by, &history(&[])), None, "unanswered: not settled");
        assert_eq!(
            settlement(by, &history(&[(Declined, "2026-12-05"), (Contacted, "2026-12-06")])),
            Some(Settlement::Late),
            "the first move decides"
        );
        assert_eq!(settlement(by, &history(&[(Enrolled, "2026-12-03"), (Contacted, "2026-12-05")])), Some(Settlement::InTime), "not undone");
        assert_eq!(settlement(by, &history(&[(Withdrawn, "2026-12-04")])), Some(Settlement::Released), "withdrawn on the day: released");
        assert_eq!(settlement(by, &history(&[(Withdrawn, "2026-12-05")])), Some(Settlement::Late));
        assert_eq!(settlement(None, &history(&[(Contacted, "2026-12-02")])), None, "no promise, nothing to settle");
    }

    #[test]
    fn a_contact_undone_answers_nothing_and_the_next_move_settles() {
        use ReferralStatus::*;
        let (by, today) = (Some("2026-12-04"), "2026-12-10");
        // Contacted in time, undone the day after (back to received, by the provider).
        let undone = history(&[(Contacted, "2026-12-02"), (Received, "2026-12-05")]);
        assert!(undone[2].undoes_answer());
        assert_eq!(settlement(by, &undone), None);
        assert_eq!(promise(by, &undone, today), Some(Promise::Overdue));
        assert_eq!(promise(by, &undone[..2], today), Some(Promise::InTime), "before the undo");
        let within = history(&[(Contacted, "2026-12-02"), (Received, "2026-12-03")]);
        assert_eq!(promise(by, &within, "2026-12-03"), Some(Promise::Pending), "undone before the day: still time");
        let mut again = within.clone();
        again.push(StatusEvent::new(Contacted, at("2026-12-04"), Actor::Provider));
        assert_eq!(settlement(by, &again), Some(Settlement::InTime), "contacted again on the day");
        let mut late = undone.clone();
        late.push(StatusEvent::new(Enrolled, at("2026-12-07"), Actor::Provider));
        assert_eq!((settlement(by, &late), promise(by, &late, today)), (Some(Settlement::Late), Some(Promise::Late)));
        // The person gave up after the undo, after the day: late; before it: nothing was due.
        let mut gave_up = within.clone();
        gave_up.push(StatusEvent::new(Withdrawn, at("2026-12-03"), Actor::Citizen));
        assert_eq!(settlement(by, &gave_up), Some(Settlement::Released));
    }

    #[test]
    fn months_read_as_csv() {
        let times = ProviderResponseTimes { provider_id: "p1".into(), provider_name: "Sund; By".into(), in_time: 3, late: 1, overdue: 0, pending: 2 };
        let rows = [
            MonthResponseTimes { month: "2027-01".into(), times: times.clone() },
            MonthResponseTimes { month: "2027-02".into(), times: ProviderResponseTimes { pending: 1, ..Default::default() } },
        ];
        assert_eq!(
            to_csv(&rows),
            "\u{feff}udbyder-id;udbyder;måned;til tiden;for sent;over fristen nu;inden for fristen;andel til tiden (%)\r\n\
             p1;\"Sund; By\";2027-01;3;1;0;2;75\r\n\
             ;;2027-02;0;0;0;1;\r\n"
        );
    }

    #[test]
    fn months_sum_per_provider() {
        let at = |month: &str, id: &str, in_time, late, overdue| MonthResponseTimes {
            month: month.into(),
            times: ProviderResponseTimes { provider_id: id.into(), provider_name: id.to_uppercase(), in_time, late, overdue, pending: 1 },
        };
        let rows = per_provider(&[at("2027-01", "a", 3, 0, 0), at("2027-01", "b", 1, 1, 0), at("2027-02", "a", 0, 1, 1)]);
        let row = |id: &str, in_time, late, overdue, pending| ProviderResponseTimes {
            provider_id: id.into(),
            provider_name: id.to_uppercase(),
            in_time,
            late,
            overdue,
            pending,
        };
        assert_eq!(rows, [row("b", 1, 1, 0, 1), row("a", 3, 1, 1, 2)], "summed; b (50 % in time) before a (60 %)");
    }

    #[test]
    fn the_worst_keeper_comes_first() {
        let row =
            |name: &str, in_time, late, overdue| ProviderResponseTimes { provider_name: name.into(), in_time, late, overdue, ..Default::default() };
        let mut rows = vec![row("A", 2, 0, 0), row("B", 1, 1, 0), row("C", 0, 0, 0), row("D", 1, 0, 1), row("E", 99, 1, 0)];
        sort_worst_first(&mut rows);
        let names: Vec<&str> = rows.iter().map(|r| r.provider_name.as_str()).collect();
        assert_eq!(names, ["D", "B", "E", "A", "C"], "50 % with one overdue before 50 %; 99 % is not 100 %; none due last");
        assert_eq!(rows[2].percent_in_time(), Some(99));
        assert_eq!(rows[4].percent_in_time(), None);
    }
}
