//! The inbox's filters live in the page address (`/admin/henvendelser?person=&tilbud=&tilbud-id=&udbyder=&status=
//! &fra=&til=&tilbagetrukne=1&over-fristen=1&afsender=`), so a reload or a shared link shows the same list. Pure logic, tested
//! natively.

use forebyg_app::query::address;
use forebyg_shared::referral::{ReferralStatus, SentBy};

pub const PATH: &str = "/admin/henvendelser";

#[derive(Debug, Clone, PartialEq, Default)]
pub struct InboxQuery {
    /// Part of the person's name, or their receipt code (as they read it out on the phone).
    pub person: String,
    /// Part of the offer's name (any case).
    pub offer_title: String,
    /// One offer's requests (its id; a link from the offer shows only its own, not those of
    /// other offers with the same title). Typing a name filter drops it.
    pub offer: String,
    /// One provider's requests (its id in the directory; empty: every provider in scope).
    pub provider: String,
    pub status: Option<ReferralStatus>,
    /// Received on or after / on or before (YYYY-MM-DD, as the date input gives it).
    pub from: String,
    pub to: String,
    /// Show withdrawn requests too (out of the way by default).
    pub withdrawn: bool,
    /// Only those still not contacted after the day promised.
    pub overdue: bool,
    /// Only clinicians' referrals, or only citizens' own requests.
    pub sent_by: Option<SentBy>,
}

impl InboxQuery {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        Self {
            person: get("person").unwrap_or_default(),
            offer_title: get("tilbud").unwrap_or_default(),
            offer: get("tilbud-id").unwrap_or_default(),
            provider: get("udbyder").unwrap_or_default(),
            status: get("status").and_then(|s| ReferralStatus::from_code(&s)),
            from: get("fra").unwrap_or_default(),
            to: get("til").unwrap_or_default(),
            withdrawn: get("tilbagetrukne").is_some_and(|v| v == "1"),
            overdue: get("over-fristen").is_some_and(|v| v == "1"),
            sent_by: get("afsender").and_then(|s| SentBy::from_code(&s)),
        }
    }

    /// The filters under these names (empty ones included; [`address`] leaves them out).
    fn pairs(&self, names: [&'static str; 10], yes: &str) -> [(&'static str, String); 10] {
        let [person, title, offer, provider, status, from, to, withdrawn, overdue, sent_by] = names;
        let flag = |on: bool| if on { yes } else { "" }.to_owned();
        [
            (person, self.person.trim().to_owned()),
            (title, self.offer_title.clone()),
            (offer, self.offer.clone()),
            (provider, self.provider.clone()),
            (status, self.status.map(|s| s.code()).unwrap_or_default().to_owned()),
            (from, self.from.clone()),
            (to, self.to.clone()),
            (withdrawn, flag(self.withdrawn)),
            (overdue, flag(self.overdue)),
            (sent_by, self.sent_by.map(|s| s.code()).unwrap_or_default().to_owned()),
        ]
    }

    /// The received-on span ending before it starts, as an error on "til og med" (the API refuses
    /// it the same way).
    pub fn range_error(&self) -> Option<forebyg_shared::validation::FieldError> {
        forebyg_shared::validation::day_range("to", &self.from, &self.to).err()
    }

    /// The page's own address.
    pub fn href(&self) -> String {
        address(
            PATH,
            &self.pairs(["person", "tilbud", "tilbud-id", "udbyder", "status", "fra", "til", "tilbagetrukne", "over-fristen", "afsender"], "1"),
        )
    }

    /// `GET /api/v1/admin/referrals` with the same filters.
    pub fn api_url(&self) -> String {
        address(
            "/api/v1/admin/referrals",
            &self.pairs(["person", "offer_title", "offer", "provider", "status", "from", "to", "withdrawn", "overdue", "sent_by"], "true"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_round_trip_through_the_address_and_name_the_api() {
        let pairs = [("tilbud", "KOL hold"), ("status", "declined"), ("fra", "2026-11-01"), ("tilbagetrukne", "1")];
        let q = InboxQuery::from_query(|k| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| v.to_string()));
        assert_eq!(q.href(), "/admin/henvendelser?tilbud=KOL%20hold&status=declined&fra=2026-11-01&tilbagetrukne=1");
        assert_eq!(q.api_url(), "/api/v1/admin/referrals?offer_title=KOL%20hold&status=declined&from=2026-11-01&withdrawn=true");
        assert_eq!(InboxQuery::default().href(), PATH);
        let late = InboxQuery::from_query(|k| (k == "over-fristen").then(|| "1".to_owned()));
        assert_eq!((late.href(), late.api_url()), (format!("{PATH}?over-fristen=1"), "/api/v1/admin/referrals?overdue=true".to_owned()));
        assert_eq!(InboxQuery::default().api_url(), "/api/v1/admin/referrals");
        let span = |from: &str, to: &str| InboxQuery { from: from.into(), to: to.into(), ..Default::default() }.range_error().map(|e| e.field);
        assert_eq!(span("2026-12-02", "2026-12-01").as_deref(), Some("to"));
        assert_eq!((span("2026-12-01", "2026-12-01"), span("2026-12-02", "")), (None, None));
        let theirs = InboxQuery::from_query(|k| {
            [("udbyder", "sundhedshuset-aalborg"), ("over-fristen", "1")].iter().find(|p| p.0 == k).map(|p| p.1.to_owned())
        });
        assert_eq!(theirs.href(), format!("{PATH}?udbyder=sundhedshuset-aalborg&over-fristen=1"));
        assert_eq!(theirs.api_url(), "/api/v1/admin/referrals?provider=sundhedshuset-aalborg&overdue=true");
        let referred = InboxQuery::from_query(|k| (k == "afsender").then(|| "clinician".to_owned()));
        assert_eq!(
            (referred.href(), referred.api_url()),
            (format!("{PATH}?afsender=clinician"), "/api/v1/admin/referrals?sent_by=clinician".to_owned())
        );
        assert_eq!(InboxQuery::from_query(|k| (k == "afsender").then(|| "nobody".to_owned())).sent_by, None);
        let one =
            InboxQuery::from_query(|k| [("tilbud", "KOL hold"), ("tilbud-id", "demo-000502")].iter().find(|p| p.0 == k).map(|p| p.1.to_owned()));
        assert_eq!(one.href(), format!("{PATH}?tilbud=KOL%20hold&tilbud-id=demo-000502"));
        assert_eq!(one.api_url(), "/api/v1/admin/referrals?offer_title=KOL%20hold&offer=demo-000502");
        let caller = InboxQuery::from_query(|k| (k == "person").then(|| "XZGT-FW7J ".to_owned()));
        assert_eq!((caller.href(), caller.api_url()), (format!("{PATH}?person=XZGT-FW7J"), "/api/v1/admin/referrals?person=XZGT-FW7J".to_owned()));
    }
}
