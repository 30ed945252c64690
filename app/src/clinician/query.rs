//! The clinician search and the handout selection live in the URL, so a search can be reloaded,
//! bookmarked and sent to a colleague, and a handout can be opened again from its share link:
//! `/klinik?conditions=kol%2Ctype-2-diabetes&postcode=9000&age=67&select=ID&select=ID` and
//! `/klinik/til-patienten?offer=ID&offer=ID&lang=en`.

use crate::query::{encode, query_string};
use forebyg_shared::clinician::ClinicianReferral;
use forebyg_shared::offer::Offer;
use forebyg_shared::search::clinician::ClinicianParams;
use forebyg_shared::search::SearchParams;
use forebyg_shared::taxonomy::Category;
use forebyg_shared::validation::{ErrorCode, FieldError};
use forebyg_shared::Lang;

/// The clinician search page.
pub const SEARCH_PATH: &str = "/klinik";
/// The patient handout (printable; its address is also the share link).
pub const HANDOUT_PATH: &str = "/klinik/til-patienten";
/// The clinician's own referrals.
pub const REFERRALS_PATH: &str = "/klinik/henvisninger";

/// How many offers a handout holds: one A4 page at a readable size.
pub const MAX_HANDOUT_OFFERS: usize = 4;

/// A patient's search (the shared [`ClinicianParams`]: conditions, postcode, age, as the API
/// reads them) and the offers chosen for the handout.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClinicianQuery {
    pub params: ClinicianParams,
    /// Offer ids chosen for the handout, in the order chosen.
    pub selected: Vec<String>,
}

impl ClinicianQuery {
    /// Reads decoded query pairs: the search as the API does (every bad value an error), and
    /// the selection (anything that is not an offer id is ignored).
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)> + Clone) -> Result<Self, Vec<FieldError>> {
        let params = ClinicianParams::parse(pairs.clone())?;
        let mut selected: Vec<String> = vec![];
        for (key, value) in pairs {
            if key == "select" && is_offer_id(value) && !selected.iter().any(|s| s == value) && selected.len() < MAX_HANDOUT_OFFERS {
                selected.push(value.to_owned());
            }
        }
        Ok(ClinicianQuery { params, selected })
    }

    /// The search can be asked: a place and at least one condition.
    pub fn is_complete(&self) -> bool {
        missing(&self.params).is_empty()
    }

    /// The address of this search page (with the selection).
    pub fn href(&self) -> String {
        let mut pairs = self.params.to_pairs();
        pairs.extend(self.selected.iter().map(|id| ("select", id.clone())));
        with_query(SEARCH_PATH, &pairs)
    }

    /// The same search with `id` added to or removed from the handout selection.
    pub fn toggled(&self, id: &str) -> ClinicianQuery {
        let mut q = self.clone();
        if let Some(i) = q.selected.iter().position(|s| s == id) {
            q.selected.remove(i);
        } else if q.selected.len() < MAX_HANDOUT_OFFERS {
            q.selected.push(id.to_owned());
        }
        q
    }
}

/// After a decline, the search for the referral's patient again: their conditions, the
/// interpreter's language, and the declined offer's postcode (the referral keeps neither the
/// patient's place nor their age; an offer near the patient is the best guess, and the page says
/// it is a guess). A digital offer has no place: the clinician types one.
pub fn find_another(r: &ClinicianReferral, offer: Option<&Offer>) -> ClinicianQuery {
    let postcode = offer.and_then(|o| o.location.as_ref()).map(|l| l.postcode.clone());
    let params = ClinicianParams { conditions: r.conditions.clone(), postcode, language: r.interpreter_language.clone(), ..Default::default() };
    ClinicianQuery { params, selected: vec![] }
}

/// What a search from the form still lacks: the patient's condition(s) and postcode.
pub fn missing(p: &ClinicianParams) -> Vec<FieldError> {
    let mut errors = vec![];
    if p.conditions.is_empty() {
        errors.push(FieldError::new(
            "conditions",
            ErrorCode::Required,
            "Vælg mindst én af patientens sygdomme.",
            "Choose at least one of the patient's conditions.",
        ));
    }
    if p.postcode.is_none() && p.point.is_none() {
        errors.push(FieldError::required("postcode", "patientens postnummer", "the patient's postcode"));
    }
    errors
}

/// The API address of a clinician search.
pub fn api_search_url(p: &ClinicianParams) -> String {
    with_query("/api/v1/clinician/offers", &p.to_pairs())
}

/// One intervention of a clinician search as the citizen search asks it, for all of the group's
/// offers near the patient (the clinician search shows at most ten): the same place, radius,
/// package and times, and the patient's condition when there is one; not the patient's language,
/// which orders the group but would filter the citizen search. The citizen search
/// filters by one condition: with several, it has none (`exact` false: it finds more than the
/// group counts). Its address is [`crate::query::search_href`]'s.
pub fn citizen_search(p: &ClinicianParams, category: Category) -> (SearchParams, bool) {
    let condition = match p.conditions.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    let search = SearchParams {
        postcode: p.postcode.clone(),
        point: p.point,
        radius_km: p.radius_km,
        categories: vec![category],
        condition,
        package: p.package.clone(),
        evening: p.evening,
        weekend: p.weekend,
        ..SearchParams::default()
    };
    (search, p.conditions.len() <= 1)
}

/// Offer ids are URL-safe tokens; anything else in a shared link is ignored.
fn is_offer_id(s: &str) -> bool {
    (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn with_query(path: &str, pairs: &[(&str, String)]) -> String {
    let q = query_string(pairs);
    if q.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{q}")
    }
}

/// The language a new handout opens in: English or Danish for a patient searched in either
/// (an English-speaking patient reads the sheet in English whatever the clinician's screen
/// speaks), else the UI's; the clinician can switch it on the handout.
pub fn sheet_lang(ui: Lang, patient: Option<&ClinicianParams>) -> Lang {
    match patient.and_then(|p| p.language.as_deref()) {
        Some("en") => Lang::En,
        Some("da") => Lang::Da,
        _ => ui,
    }
}

/// The handout's offers and its language, read from its address.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HandoutQuery {
    pub offers: Vec<String>,
    /// The handout's language, independent of the UI's.
    pub lang: Lang,
    /// The patient's copy (`til=patient`, the share link): the sheet alone, without the
    /// clinician's tools.
    pub patient: bool,
}

impl HandoutQuery {
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>, ui_lang: Lang) -> Self {
        let mut h = HandoutQuery { lang: ui_lang, ..Default::default() };
        for (key, value) in pairs {
            match (key, value.trim()) {
                ("offer", id) if is_offer_id(id) && !h.offers.iter().any(|o| o == id) && h.offers.len() < MAX_HANDOUT_OFFERS => {
                    h.offers.push(id.to_owned())
                }
                ("lang", "da") => h.lang = Lang::Da,
                ("lang", "en") => h.lang = Lang::En,
                ("til", "patient") => h.patient = true,
                _ => {}
            }
        }
        h
    }

    /// `/klinik/til-patienten?offer=a&offer=b&lang=da`: the page, and with `&til=patient` its
    /// share link.
    pub fn href(&self) -> String {
        let mut pairs: Vec<(&str, String)> = self.offers.iter().map(|o| ("offer", o.clone())).collect();
        pairs.push(("lang", self.lang.code().to_owned()));
        if self.patient {
            pairs.push(("til", "patient".to_owned()));
        }
        with_query(HANDOUT_PATH, &pairs)
    }
}

/// The referral form for an offer, for the patient of the search `patient` (its conditions,
/// place and age): in the address, the form starts from them and says whether the patient may
/// join in any tab, and after signing in (a new tab has no last search of its own).
pub fn refer_href(offer_id: &str, patient: Option<&ClinicianParams>) -> String {
    with_query(&refer_path(offer_id), &patient.map(ClinicianParams::to_pairs).unwrap_or_default())
}

fn refer_path(offer_id: &str) -> String {
    format!("/klinik/henvis/{}", encode(offer_id))
}

/// One of the clinician's referrals.
pub fn referral_href(code: &str) -> String {
    format!("{REFERRALS_PATH}/{}", encode(code))
}

/// An offer's page opened from the clinician search: `?fra=klinik` gives it the way back there
/// and the clinician's actions (`routes::clinician::offer_actions`).
pub fn offer_href(id: &str) -> String {
    with_query(&crate::query::offer_href(id), &[(FROM.0, FROM.1.to_owned())])
}

/// The parameter of [`offer_href`].
pub const FROM: (&str, &str) = ("fra", "klinik");

/// The API address of one of the clinician's referrals.
pub fn api_referral_url(code: &str) -> String {
    format!("/api/v1/clinician/referrals/{}", encode(code))
}

/// The referral form's address once its referral is sent (`?kode=`): a reload shows the receipt
/// again, not an empty form. The patient of the search stays in it, so the receipt's way back
/// leads to their results in a tab that has no last search of its own.
pub fn sent_href(offer_id: &str, code: &str, patient: Option<&ClinicianParams>) -> String {
    let mut pairs = patient.map(ClinicianParams::to_pairs).unwrap_or_default();
    pairs.push((SENT_CODE, code.to_owned()));
    with_query(&refer_path(offer_id), &pairs)
}

/// The parameter of [`sent_href`].
pub const SENT_CODE: &str = "kode";

/// Whether `typed` (trimmed, in any case) is part of one of `texts` (a referral's patient name and
/// code, for the find field of "Mine henvisninger"); nothing typed finds all.
pub fn found(typed: &str, texts: &[&str]) -> bool {
    let typed = typed.trim().to_lowercase();
    typed.is_empty() || texts.iter().any(|t| t.to_lowercase().contains(&typed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use forebyg_shared::taxonomy::Condition;

    /// `a=1&b=2` as pairs (the tests' addresses need no percent-decoding).
    fn pairs(q: &str) -> Vec<(&str, &str)> {
        q.split('&').filter_map(|p| p.split_once('=')).collect()
    }

    #[test]
    fn another_offer_after_a_decline_is_sought_from_the_declined_offers_place() {
        let referral: ClinicianReferral = serde_json::from_value(serde_json::json!({
            "code": "K7QM-4XRT", "offer_id": "o1", "offer_title": "KOL-træning", "patient_name": "Jens Hansen",
            "conditions": ["kol", "type-2-diabetes"], "reason": null, "interpreter_language": "ar", "cpr_given": false,
            "status": "declined", "decline_reason": "no-capacity", "note": null, "history": [], "waitlist": false,
            "created_at": 0, "updated_at": 0, "expires_on": "2027-12-01", "changed": false, "withdrawable": false
        }))
        .expect("a referral");
        let mut offer: Offer = serde_json::from_value(serde_json::json!({
            "id": "o1", "title": "KOL-træning", "summary": "s", "description": "d", "category": "fysisk-aktivitet",
            "conditions": ["kol"], "format": "on-site", "languages": ["da"],
            "schedule": { "enrolment": { "kind": "continuous" }, "slots": [] },
            "location": { "name": "Sundhedshuset", "address": "Vestergade 5", "postcode": "8000", "city": "Aarhus C",
                          "municipality_code": "0751", "point": { "lat": 56.15, "lon": 10.2 } },
            "region": "midtjylland", "provider": { "id": "p", "name": "Aarhus Kommune", "kind": "municipality" },
            "referral": { "self_referral": true, "from_gp": true, "from_hospital": true, "from_municipality": true, "note": null },
            "capacity": "open", "cost": { "dkk": 0, "note": null }, "accessibility": null,
            "contact": { "name": null, "phone": null, "email": null, "url": null },
            "status": "published", "last_verified": "2026-11-01", "kronikerpakke": null, "continue_afterwards": [], "demo": true, "version": 1
        }))
        .expect("an offer");
        assert_eq!(find_another(&referral, Some(&offer)).href(), "/klinik?conditions=kol%2Ctype-2-diabetes&postcode=8000&language=ar");
        // A digital offer has no place, nor does an offer no longer found: the clinician types one.
        offer.location = None;
        assert_eq!(find_another(&referral, Some(&offer)).href(), "/klinik?conditions=kol%2Ctype-2-diabetes&language=ar");
        assert_eq!(find_another(&referral, None).href(), "/klinik?conditions=kol%2Ctype-2-diabetes&language=ar");
    }

    #[test]
    fn a_search_round_trips_through_its_address() {
        let q = ClinicianQuery::parse(pairs("conditions=kol,type-2-diabetes&postcode=9000&age=67&select=a1&select=b2&select=a1&select=<x>&utm=x"))
            .unwrap();
        assert_eq!(q.params.conditions, vec![Condition::Kol, Condition::Type2Diabetes]);
        assert_eq!((q.params.postcode.as_deref(), q.params.age), (Some("9000"), Some(67)));
        assert_eq!(q.selected, vec!["a1", "b2"]);
        assert_eq!(q.href(), "/klinik?conditions=kol%2Ctype-2-diabetes&postcode=9000&age=67&select=a1&select=b2");
        assert!(q.is_complete());
        assert_eq!(api_search_url(&q.params), "/api/v1/clinician/offers?conditions=kol%2Ctype-2-diabetes&postcode=9000&age=67");
    }

    #[test]
    fn bad_values_are_errors_and_incomplete_searches_say_what_is_missing() {
        let errors = ClinicianQuery::parse(pairs("conditions=flu&postcode=900&age=200")).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["conditions", "postcode", "age"]);
        let q = ClinicianQuery::parse(pairs("age=67")).unwrap();
        let fields: Vec<String> = missing(&q.params).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["conditions", "postcode"]);
        assert!(!q.is_complete());
    }

    #[test]
    fn a_group_opens_in_the_citizen_search_with_the_same_place_radius_and_filters() {
        let q =
            ClinicianQuery::parse(pairs("conditions=kol&postcode=9000&age=67&radius_km=50&package=kol&language=en&evening=on&per_group=10")).unwrap();
        let (search, exact) = citizen_search(&q.params, Category::FysiskAktivitet);
        assert!(exact);
        let href = crate::query::search_href(&search);
        assert_eq!(href, "/?postcode=9000&radius_km=50&category=fysisk-aktivitet&condition=kol&package=kol&evening=true");
        // The citizen page reads it back as the same search (its form shows it).
        let back = SearchParams::parse(pairs(href.trim_start_matches("/?"))).unwrap();
        assert_eq!(back, search);
        // At the usual distance the radius is left out; several conditions: none (the citizen
        // search filters by one), so it is not the group's count.
        let several = ClinicianQuery::parse(pairs("conditions=kol,type-2-diabetes&postcode=2100")).unwrap();
        let (search, exact) = citizen_search(&several.params, Category::AfklarendeSamtale);
        assert!(!exact);
        assert_eq!(crate::query::search_href(&search), "/?postcode=2100&category=afklarende-samtale");
    }

    #[test]
    fn the_selection_toggles_and_is_capped() {
        let mut q = ClinicianQuery::default();
        for id in ["a", "b", "c", "d", "e"] {
            q = q.toggled(id);
        }
        assert_eq!(q.selected, vec!["a", "b", "c", "d"]);
        assert_eq!(q.toggled("b").selected, vec!["a", "c", "d"]);
    }

    #[test]
    fn the_handout_address_carries_offers_and_language() {
        let h = HandoutQuery::parse(pairs("offer=x1&offer=y2&offer=x1&lang=en"), Lang::Da);
        assert_eq!((h.offers.clone(), h.lang), (vec!["x1".to_owned(), "y2".to_owned()], Lang::En));
        assert_eq!(h.href(), "/klinik/til-patienten?offer=x1&offer=y2&lang=en");
        assert!(!h.patient);
        let copy = HandoutQuery::parse(pairs("offer=x1&lang=da&til=patient"), Lang::En);
        assert!(copy.patient);
        assert_eq!(copy.href(), "/klinik/til-patienten?offer=x1&lang=da&til=patient");
        let none = HandoutQuery::parse([("offer", "a b")], Lang::En);
        assert_eq!((none.offers.len(), none.lang), (0, Lang::En));
        assert_eq!(refer_href("a/b", None), "/klinik/henvis/a%2Fb");
        let patient = ClinicianQuery::parse(pairs("conditions=kol&postcode=8000&age=60")).unwrap().params;
        assert_eq!(refer_href("a/b", Some(&patient)), "/klinik/henvis/a%2Fb?conditions=kol&postcode=8000&age=60");
        assert_eq!(offer_href("demo-1"), "/tilbud/demo-1?fra=klinik");
        assert_eq!(sent_href("a/b", "K7QM-4XRT", None), "/klinik/henvis/a%2Fb?kode=K7QM-4XRT");
        assert_eq!(sent_href("a/b", "K7QM-4XRT", Some(&patient)), "/klinik/henvis/a%2Fb?conditions=kol&postcode=8000&age=60&kode=K7QM-4XRT");
        assert_eq!(api_referral_url("K7QM-4XRT"), "/api/v1/clinician/referrals/K7QM-4XRT");
    }

    #[test]
    fn the_find_field_matches_part_of_a_name_or_code_in_any_case() {
        let referral: &[&str] = &["Erik Holm", "G3W2-XQ5P"];
        for typed in ["", "  ", "holm", "ERIK", " rik h ", "g3w2", "xq5p", "-XQ"] {
            assert!(found(typed, referral), "{typed:?} should find it");
        }
        for typed in ["Holm Erik", "XQ5PG", "Carla"] {
            assert!(!found(typed, referral), "{typed:?} should not find it");
        }
        assert!(found("søren", &["SØREN ØSTERGÅRD", "X"]), "Danish letters in any case");
    }

    #[test]
    fn a_handout_opens_in_the_patients_english_or_danish() {
        let patient = |language: &str| ClinicianQuery::parse(pairs(&format!("postcode=9000&language={language}"))).unwrap().params;
        assert_eq!(sheet_lang(Lang::Da, Some(&patient("en"))), Lang::En);
        assert_eq!(sheet_lang(Lang::En, Some(&patient("da"))), Lang::Da);
        assert_eq!(sheet_lang(Lang::En, Some(&patient("ar"))), Lang::En, "another language: the screen's");
        assert_eq!(sheet_lang(Lang::Da, None), Lang::Da);
    }
}
