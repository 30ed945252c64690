//! Which offers a search matches: every filter of [`SearchParams`] but the place, which the
//! store's geographic lookup and the ranking handle.

use super::{Facets, SearchParams};
use crate::offer::Offer;

impl SearchParams {
    /// Whether an offer matches the non-geographic filters; `today` is YYYY-MM-DD.
    pub fn matches(&self, offer: &Offer, today: &str) -> bool {
        self.matches_facets(&Facets::from(offer), today) && self.q.as_deref().is_none_or(|q| text_matches(offer, q))
    }

    /// Whether an offer with these facets matches every filter but the free text (`q`), which
    /// needs the offer's texts: a search index filters on this alone.
    pub fn matches_facets(&self, f: &Facets, today: &str) -> bool {
        let continuous = f.has(Facets::CONTINUOUS);
        (self.categories.is_empty() || self.categories.contains(&f.category))
            && self.condition.is_none_or(|c| f.conditions.contains(&c))
            && self.package.as_deref().is_none_or(|code| f.packages.iter().any(|p| p == code))
            && self.format.is_none_or(|format| f.format == format)
            && at_times(self.evening, self.weekend, f.has(Facets::EVENING), f.has(Facets::WEEKEND))
            && (!self.continuous || continuous)
            && self.starts_within_weeks.is_none_or(|w| {
                continuous || f.next_start.as_deref().is_some_and(|d| d >= today && d <= crate::date::add_days(today, i64::from(w) * 7).as_str())
            })
            && self.language.as_deref().is_none_or(|l| f.languages.iter().any(|ol| ol == l))
            && (!self.self_referral || f.has(Facets::SELF_REFERRAL))
            && (!self.available || f.has(Facets::AVAILABLE))
    }
}

/// The times filter of both searches: no time chosen, or a team at one of those chosen (evening
/// and weekend are "either").
pub(crate) fn at_times(evening: bool, weekend: bool, has_evening: bool, has_weekend: bool) -> bool {
    !(evening || weekend) || (evening && has_evening) || (weekend && has_weekend)
}

/// Every word of the query is found in the offer's texts, provider or labels, allowing for
/// spelling, endings and lay or English words (see [`super::words`]).
fn text_matches(offer: &Offer, q: &str) -> bool {
    super::words::TextQuery::new(q).matches(offer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::Capacity;

    fn offer() -> Offer {
        serde_json::from_str(include_str!("../../tests/offer_fixture.json")).unwrap()
    }

    #[test]
    fn each_filter_matches_what_it_says() {
        use crate::offer::{Enrolment, TimeSlot};
        use crate::taxonomy::Weekday;
        let today = "2027-01-01";
        let mut o = offer();
        o.schedule.enrolment = Enrolment::Course { sessions: 8, weeks: 8 };
        o.schedule.next_start = Some("2027-01-20".into());
        o.schedule.slots = vec![TimeSlot { weekday: Weekday::Tue, start: "10:00".into(), end: "12:00".into() }];
        o.languages = vec!["da".into()];
        o.capacity = Capacity::Waitlist;
        o.referral.self_referral = false;
        let yes = |p: SearchParams| p.matches(&o, today);
        let base = SearchParams::default;
        assert!(yes(base()));
        assert!(!yes(SearchParams { evening: true, ..base() }) && !yes(SearchParams { weekend: true, ..base() }));
        assert!(yes(SearchParams { starts_within_weeks: Some(3), ..base() }) && !yes(SearchParams { starts_within_weeks: Some(2), ..base() }));
        assert!(!yes(SearchParams { continuous: true, ..base() }));
        assert!(!yes(SearchParams { language: Some("en".into()), ..base() }) && yes(SearchParams { language: Some("da".into()), ..base() }));
        assert!(!yes(SearchParams { self_referral: true, ..base() }) && !yes(SearchParams { available: true, ..base() }));
        assert!(!yes(SearchParams { package: Some("kol".into()), ..base() }));
        let mut in_package = o.clone();
        in_package.packages = vec![crate::package::PackageDelivery { package: "kol".into(), components: vec!["fysisk-aktivitet".into()] }];
        assert!(SearchParams { package: Some("kol".into()), ..base() }.matches(&in_package, today));
        let title_word = o.title.split_whitespace().next().unwrap().to_uppercase();
        assert!(yes(SearchParams { q: Some(title_word), ..base() }) && !yes(SearchParams { q: Some("zebra".into()), ..base() }));
        // A course that started already does not "start within" any number of weeks.
        assert!(!SearchParams { starts_within_weeks: Some(52), ..base() }.matches(&o, "2027-02-01"));
        let mut weekend = o.clone();
        weekend.schedule.slots.push(TimeSlot { weekday: Weekday::Sat, start: "10:00".into(), end: "12:00".into() });
        assert!(SearchParams { weekend: true, ..base() }.matches(&weekend, today));
        assert!(SearchParams { evening: true, weekend: true, ..base() }.matches(&weekend, today), "either evening or weekend");
        let mut continuous = o.clone();
        continuous.schedule.enrolment = Enrolment::Continuous;
        continuous.schedule.next_start = None;
        assert!(SearchParams { continuous: true, starts_within_weeks: Some(1), ..base() }.matches(&continuous, today));
    }

    #[test]
    fn the_text_search_allows_for_spelling_endings_lay_words_and_labels() {
        use crate::taxonomy::{Category, Condition};
        let today = "2027-01-01";
        let mut o = offer();
        (o.title, o.summary, o.description) = ("Rygestop på hold".into(), "Træning for rygere med KOL.".into(), String::new());
        o.category = Category::Nikotinafvaenning;
        let finds = |o: &Offer, q: &str| SearchParams { q: Some(q.into()), ..SearchParams::default() }.matches(o, today);
        for found in ["rygning", "traening", "træningen", "smoking", "Nikotinafvænning", "rygning træning", "hold", "cancer"] {
            assert!(finds(&o, found), "{found}");
        }
        for missed in ["svømning", "anxiety", "rygning svømning", "sukkersyge"] {
            assert!(!finds(&o, missed), "{missed}");
        }
        // Through the conditions' labels: `kraeft` (Kræft/Cancer) from the fixture; KOL, COPD and
        // diabetes once the offer targets them, though its texts do not say so.
        (o.summary, o.conditions) = ("Træning for rygere.".into(), vec![Condition::Kraeft]);
        assert!(!finds(&o, "KOL") && !finds(&o, "copd") && !finds(&o, "sukkersyge"));
        o.conditions = vec![Condition::Kol, Condition::Type2Diabetes, Condition::AngstDepression];
        for found in ["KOL", "copd", "sukkersyge", "type 2-diabetes", "anxiety"] {
            assert!(finds(&o, found), "{found}");
        }
    }
}
