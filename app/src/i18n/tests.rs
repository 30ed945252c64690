//! The catalogue's completeness and its phrases.

use super::*;

#[test]
fn every_text_has_both_languages() {
    let mut names = std::collections::HashSet::new();
    for (name, t) in ALL {
        assert!(names.insert(*name), "duplicate {name}");
        assert!(!t.da.trim().is_empty() && !t.en.trim().is_empty(), "{name} is empty");
        assert_eq!(t.da, t.da.trim(), "{name}");
    }
    assert_eq!(SEARCH_H1.get(Lang::Da), "Find et forebyggelsestilbud");
    assert_eq!(SKIP_LINK.get(Lang::Da), "Spring til indhold");
}

#[test]
fn sentences() {
    assert_eq!(results_heading(Lang::Da, "12", "25 km", "8000 Aarhus C"), "12 tilbud inden for 25 km fra 8000 Aarhus C");
    assert_eq!(results_heading(Lang::En, "1", "5 km", "8000 Aarhus C"), "1 offer within 5 km of 8000 Aarhus C");
    assert_eq!(offer_count(Lang::En, 1), "1 offer");
    assert_eq!(offer_count(Lang::Da, 3), "3 tilbud");
    assert_eq!(offer_count(Lang::Da, 1234), "1.234 tilbud");
    assert_eq!(course(Lang::Da, 8, 12), "Et forløb med 8 mødegange over 12 uger.");
    assert_eq!(course(Lang::Da, 1, 1), "Et forløb med 1 mødegang over 1 uge.");
    assert_eq!(page_title(Lang::Da, "Siden findes ikke"), "Siden findes ikke – Forebyg");
    assert_eq!(month(Lang::Da, 3), Some("marts"));
    assert_eq!((month(Lang::Da, 0), month(Lang::Da, 13)), (None, None));
    assert_eq!(language_name(Lang::Da, "ar"), Some("arabisk"));
    assert_eq!(language_name(Lang::Da, "xx"), None);
}

/// Every language an offer, an interpreter or a filter can name has a name: "Ps" or "Ru" on
/// a referral form names no language anyone knows.
#[test]
fn every_offered_language_has_a_name() {
    for code in LANGUAGE_CODES.iter().chain(INTERPRETER_LANGUAGES).chain(&crate::query::FILTER_LANGUAGES) {
        for lang in [Lang::Da, Lang::En] {
            assert!(language_name(lang, code).is_some(), "{code}");
        }
    }
}
