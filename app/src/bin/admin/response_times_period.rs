//! The period the overview's "Svartider" counts, in the overview's address
//! (`/admin?svartider=12-mdr|30|7`; every request kept without it). Requests are deleted with
//! their personal data (`forebyg_shared::referral::RETENTION_DAYS` after a self-referral is made,
//! a clinician's referral that long after it closes), so "every request kept" is about the last
//! three months; the months option reaches further through the providers' tallies, which keep
//! each answer as a count. Pure logic, tested natively.

use crate::inbox_query::InboxQuery;
use crate::texts::overview as t;
use forebyg_app::i18n::Text;
use forebyg_shared::date::{add_days, months_back};

/// The overview address's parameter for the period.
pub const PARAM: &str = "svartider";

/// How far back a period reaches.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Span {
    /// Every request the store still holds.
    Kept,
    /// Requests made in the last so many days, today included.
    Days(i64),
    /// Requests made in this month and the so many minus one before it, answers to deleted ones
    /// included.
    Months(i64),
}

/// The periods to choose from: the value in the address, how far back, and the option's text.
pub const PERIODS: [(&str, Span, Text); 4] = [
    ("alle", Span::Kept, t::ALL_KEPT),
    ("12-mdr", Span::Months(12), t::LAST_12_MONTHS),
    ("30", Span::Days(30), t::LAST_30_DAYS),
    ("7", Span::Days(7), t::LAST_7_DAYS),
];
const DEFAULT_PERIOD: &str = "alle";

/// The chosen period's value (an unknown one is the default).
pub fn period(value: Option<String>) -> &'static str {
    PERIODS.iter().map(|p| p.0).find(|v| value.as_deref() == Some(*v)).unwrap_or(DEFAULT_PERIOD)
}

fn span(period: &str) -> Span {
    PERIODS.iter().find(|p| p.0 == period).map_or(Span::Kept, |p| p.1)
}

/// The period's first day, counting back from `today` (YYYY-MM-DD; `None`: every request kept).
fn first_day(period: &str, today: &str) -> Option<String> {
    match span(period) {
        Span::Kept => None,
        Span::Days(days) => Some(add_days(today, 1 - days)),
        Span::Months(months) => Some(format!("{}-01", months_back(today, months - 1))),
    }
}

/// The API address for a period, counting from `today` (YYYY-MM-DD): per provider for the
/// requests kept, per provider and month ([`by_month`]) for a span of months.
pub fn api_url(period: &str, today: &str) -> String {
    const PATH: &str = "/api/v1/admin/referrals/response-times";
    match (span(period), first_day(period, today)) {
        (Span::Months(_), Some(day)) => format!("{PATH}/months?since_month={}", &day[..7]),
        (_, Some(day)) => format!("{PATH}?from={day}"),
        (_, None) => PATH.to_owned(),
    }
}

/// Whether the period's answer comes per month (to be summed per provider).
pub fn by_month(period: &str) -> bool {
    matches!(span(period), Span::Months(_))
}

/// The inbox showing what a row counted: the provider's requests made in the period (only the
/// overdue ones when `overdue`). The inbox holds only the requests kept.
pub fn inbox_href(provider_id: &str, period: &str, today: &str, overdue: bool) -> String {
    InboxQuery { provider: provider_id.to_owned(), from: first_day(period, today).unwrap_or_default(), overdue, ..Default::default() }.href()
}

/// The overview's address showing a period (the default without the parameter).
pub fn href(period: &str) -> String {
    if period == DEFAULT_PERIOD {
        "/admin".to_owned()
    } else {
        format!("/admin?{PARAM}={period}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_counts_back_from_today_and_lives_in_the_address() {
        assert_eq!(period(None), "alle");
        assert_eq!(period(Some("365".into())), "alle", "an unknown period is the default");
        assert_eq!(api_url(period(Some("30".into())), "2027-03-31"), "/api/v1/admin/referrals/response-times?from=2027-03-02");
        assert_eq!(api_url("7", "2027-03-03"), "/api/v1/admin/referrals/response-times?from=2027-02-25");
        assert_eq!(api_url("alle", "2027-03-31"), "/api/v1/admin/referrals/response-times");
        assert_eq!(api_url(period(Some("12-mdr".into())), "2027-03-31"), "/api/v1/admin/referrals/response-times/months?since_month=2026-04");
        assert_eq!(api_url("12-mdr", "2027-12-01"), "/api/v1/admin/referrals/response-times/months?since_month=2027-01");
        assert_eq!(api_url("12-mdr", "2028-01-15"), "/api/v1/admin/referrals/response-times/months?since_month=2027-02");
        assert_eq!(
            (href("alle"), href("7"), href("12-mdr")),
            ("/admin".to_owned(), "/admin?svartider=7".to_owned(), "/admin?svartider=12-mdr".to_owned())
        );
    }

    #[test]
    fn a_row_leads_to_the_requests_it_counted() {
        assert_eq!(inbox_href("p1", "alle", "2027-03-31", false), "/admin/henvendelser?udbyder=p1");
        assert_eq!(inbox_href("p1", "30", "2027-03-31", true), "/admin/henvendelser?udbyder=p1&fra=2027-03-02&over-fristen=1");
        assert_eq!(inbox_href("p1", "12-mdr", "2027-03-31", false), "/admin/henvendelser?udbyder=p1&fra=2026-04-01");
    }
}
