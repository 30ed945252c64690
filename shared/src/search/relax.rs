//! A search that found nothing, loosened one chosen filter at a time: which choice to drop to find
//! offers, and how many it finds ("Uden »Aftenhold«: 12 tilbud"), so an empty answer names its way
//! out instead of "no offers match your search". The free-text word has a hint of its own.

use super::SearchParams;
use serde::{Deserialize, Serialize};

/// A chosen filter a search can do without, in the search form's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Relaxable {
    /// The chosen interventions (`category`), all of them.
    Category,
    Condition,
    Package,
    Format,
    /// Evening and weekend teams (`evening`, `weekend`) together: either matches, so dropping one
    /// of two would find fewer, not more.
    Time,
    StartsWithinWeeks,
    Language,
    Continuous,
    SelfReferral,
    Available,
}

/// A chosen filter without which the same search finds `count` offers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RelaxedFilter {
    pub filter: Relaxable,
    pub count: u32,
}

impl Relaxable {
    pub const ALL: [Relaxable; 10] = [
        Relaxable::Category,
        Relaxable::Condition,
        Relaxable::Package,
        Relaxable::Format,
        Relaxable::Time,
        Relaxable::StartsWithinWeeks,
        Relaxable::Language,
        Relaxable::Continuous,
        Relaxable::SelfReferral,
        Relaxable::Available,
    ];

    /// Whether the search `p` has this filter chosen.
    pub fn is_chosen(self, p: &SearchParams) -> bool {
        match self {
            Relaxable::Category => !p.categories.is_empty(),
            Relaxable::Condition => p.condition.is_some(),
            Relaxable::Package => p.package.is_some(),
            Relaxable::Format => p.format.is_some(),
            Relaxable::Time => p.evening || p.weekend,
            Relaxable::StartsWithinWeeks => p.starts_within_weeks.is_some(),
            Relaxable::Language => p.language.is_some(),
            Relaxable::Continuous => p.continuous,
            Relaxable::SelfReferral => p.self_referral,
            Relaxable::Available => p.available,
        }
    }
}

impl SearchParams {
    /// The same search without the filter `f`, from its first page.
    pub fn without(&self, f: Relaxable) -> SearchParams {
        let mut p = SearchParams { page: 1, ..self.clone() };
        match f {
            Relaxable::Category => p.categories.clear(),
            Relaxable::Condition => p.condition = None,
            Relaxable::Package => p.package = None,
            Relaxable::Format => p.format = None,
            Relaxable::Time => (p.evening, p.weekend) = (false, false),
            Relaxable::StartsWithinWeeks => p.starts_within_weeks = None,
            Relaxable::Language => p.language = None,
            Relaxable::Continuous => p.continuous = false,
            Relaxable::SelfReferral => p.self_referral = false,
            Relaxable::Available => p.available = false,
        }
        p
    }

    /// Each chosen filter, in the form's order, with the search without it.
    pub fn relaxations(&self) -> Vec<(Relaxable, SearchParams)> {
        Relaxable::ALL.into_iter().filter(|f| f.is_chosen(self)).map(|f| (f, self.without(f))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_chosen_filter_is_dropped_alone_and_evening_with_weekend() {
        let p = SearchParams::parse([
            ("postcode", "8000"),
            ("category", "alkohol"),
            ("evening", "true"),
            ("weekend", "true"),
            ("language", "ar"),
            ("q", "gå"),
            ("page", "3"),
        ])
        .unwrap();
        let relaxed = p.relaxations();
        assert_eq!(relaxed.iter().map(|(f, _)| *f).collect::<Vec<_>>(), [Relaxable::Category, Relaxable::Time, Relaxable::Language]);
        let (_, no_time) = &relaxed[1];
        assert_eq!((no_time.evening, no_time.weekend, no_time.language.as_deref(), no_time.categories.len()), (false, false, Some("ar"), 1));
        // From the first page; the word stays (it has a hint of its own).
        assert_eq!((no_time.page, no_time.q.as_deref()), (1, Some("gå")));
        assert!(SearchParams::parse([("postcode", "8000")]).unwrap().relaxations().is_empty());
    }

    #[test]
    fn the_wire_names_the_filter_as_its_parameter() {
        let json = serde_json::to_string(&RelaxedFilter { filter: Relaxable::StartsWithinWeeks, count: 3 }).unwrap();
        assert_eq!(json, r#"{"filter":"starts_within_weeks","count":3}"#);
    }
}
