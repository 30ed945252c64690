//! The store contract's oracle for search: what a search must answer, found by brute force over
//! every offer, and the searches of every kind it is asked (`search.rs` holds the cases).

use super::today;
use forebyg_api::search;
use forebyg_api::store::OfferStore;
use forebyg_shared::offer::{Enrolment, Offer};
use forebyg_shared::search::{SearchOrigin, SearchParams, SearchResponse, Sort};
use forebyg_shared::taxonomy::{Category, Condition, Format};
use std::collections::BTreeMap;

/// What a search must find, by brute force over every offer: the filters, the radius, the order.
pub fn brute_force(all: &BTreeMap<String, Offer>, params: &SearchParams, origin: SearchOrigin) -> Vec<String> {
    let today = today();
    let matching = all.values().filter(|o| o.is_published() && params.matches(o, &today));
    let mut near: Vec<(f64, &Offer)> = matching
        .clone()
        .filter(|_| params.format != Some(Format::Digital))
        .filter_map(|o| o.point().map(|p| (origin.point.distance_km(p), o)))
        .filter(|(d, _)| *d <= params.radius_km)
        .collect();
    let start = |o: &Offer| match (&o.schedule.enrolment, o.schedule.next_start.clone()) {
        (Enrolment::Continuous, _) => (0, String::new()),
        (_, Some(date)) => (1, date),
        (_, None) => (2, String::new()),
    };
    match params.sort {
        Sort::Distance => near.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id))),
        Sort::NextStart => near.sort_by(|a, b| start(a.1).cmp(&start(b.1)).then(a.0.total_cmp(&b.0)).then_with(|| a.1.id.cmp(&b.1.id))),
    }
    let mut digital: Vec<&Offer> =
        matching.filter(|o| o.location.is_none() && o.region == origin.region && params.format.is_none_or(|f| f == Format::Digital)).collect();
    // Digital offers: by title, after their start when the soonest come first.
    let digital_start = |o: &Offer| if params.sort == Sort::NextStart { start(o) } else { (0, String::new()) };
    digital.sort_by(|a, b| digital_start(a).cmp(&digital_start(b)).then_with(|| a.title.cmp(&b.title)).then_with(|| a.id.cmp(&b.id)));
    near.into_iter().map(|(_, o)| o.id.clone()).chain(digital.into_iter().map(|o| o.id.clone())).collect()
}

/// Every page of a search, in order, equals the brute-force answer; returns the first page.
pub async fn assert_search_equals_brute_force(store: &dyn OfferStore, all: &BTreeMap<String, Offer>, params: &SearchParams) -> SearchResponse {
    let first = search::search(store, params).await.unwrap();
    let expected = brute_force(all, params, first.origin.clone());
    let mut got = vec![];
    for page in 1.. {
        let r = search::search(store, &SearchParams { page, ..params.clone() }).await.unwrap();
        assert_eq!(r.total as usize, expected.len(), "{params:?} page {page}");
        got.extend(r.results.iter().map(|h| h.offer.id.clone()));
        if r.results.len() < params.per_page as usize {
            break;
        }
    }
    assert_eq!(got, expected, "{params:?}");
    first
}

/// Searches of every kind: the default, wide and narrow radii, every category, filters, free
/// text, the other order, digital only.
pub fn searches() -> Vec<SearchParams> {
    let at = |postcode: &str, radius_km: f64, categories: Vec<Category>| SearchParams {
        postcode: Some(postcode.into()),
        radius_km,
        categories,
        per_page: 50,
        ..Default::default()
    };
    vec![
        at("8000", 25.0, vec![Category::FysiskAktivitet]),
        at("1050", 10.0, vec![Category::Nikotinafvaenning]),
        at("9000", 60.0, vec![]),
        at("6700", 300.0, vec![Category::FysiskAktivitet, Category::Alkohol]),
        SearchParams { evening: true, sort: Sort::NextStart, ..at("8000", 50.0, vec![]) },
        SearchParams { condition: Some(Condition::Kol), language: Some("en".into()), available: true, ..at("5000", 100.0, vec![]) },
        SearchParams { q: Some("kronisk".into()), self_referral: true, ..at("2100", 40.0, vec![]) },
        SearchParams { starts_within_weeks: Some(8), continuous: false, ..at("7100", 80.0, vec![Category::Ernaering]) },
        SearchParams { format: Some(Format::Digital), ..at("8000", 25.0, vec![]) },
    ]
}
