//! The association activity pages' addresses: the activity search lives in the URL
//! (`/aktiviteter?postcode=8000&condition=kol&radius_km=25`) and an activity has its page
//! (`/aktiviteter/{id}`). Pure logic, tested natively.

use crate::query::{encode, query_string};
use forebyg_shared::activity::ActivityView;
use forebyg_shared::offer::Offer;
use forebyg_shared::search::DEFAULT_RADIUS_KM;
use forebyg_shared::taxonomy::Condition;
use forebyg_shared::Lang;

/// The path of the activity search.
pub const SEARCH_PATH: &str = "/aktiviteter";

/// An activity search as its address says. Values are kept as typed so the form shows them
/// next to the API's error; the API validates.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityQuery {
    pub postcode: String,
    pub condition: Option<Condition>,
    pub radius_km: f64,
}

impl Default for ActivityQuery {
    fn default() -> Self {
        Self { postcode: String::new(), condition: None, radius_km: DEFAULT_RADIUS_KM }
    }
}

impl ActivityQuery {
    /// From the page's query parameters; an unknown condition or distance is left out.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        Self {
            postcode: get("postcode").map(|p| p.trim().to_owned()).unwrap_or_default(),
            condition: get("condition").and_then(|c| Condition::from_code(&c)),
            radius_km: get("radius_km").and_then(|r| r.parse().ok()).filter(|r: &f64| r.is_finite() && *r > 0.0).unwrap_or(DEFAULT_RADIUS_KM),
        }
    }

    fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![];
        if !self.postcode.is_empty() {
            pairs.push(("postcode", self.postcode.clone()));
        }
        pairs.extend(self.condition.map(|c| ("condition", c.code().to_owned())));
        if self.radius_km != DEFAULT_RADIUS_KM {
            pairs.push(("radius_km", format!("{}", self.radius_km)));
        }
        pairs
    }

    /// The page's address.
    pub fn href(&self) -> String {
        match query_string(&self.pairs()) {
            q if q.is_empty() => SEARCH_PATH.to_owned(),
            q => format!("{SEARCH_PATH}?{q}"),
        }
    }

    /// The API address, or `None` before a postcode is given (the page shows only the form).
    pub fn api_url(&self) -> Option<String> {
        (!self.postcode.is_empty()).then(|| format!("/api/v1/activities?{}", query_string(&self.pairs())))
    }
}

/// The page of one activity.
pub fn activity_href(id: &str) -> String {
    format!("{SEARCH_PATH}/{}", encode(id))
}

/// The participant's next-step sheet after a completed course of `offer_id` ("Fortsæt efter
/// forløbet"), in `lang` (the sheet's own language, independent of the UI's).
pub fn next_step_href(offer_id: &str, lang: Lang) -> String {
    format!("/tilbud/{}/fortsaet?lang={}", encode(offer_id), lang.code())
}

/// How many activities the next-step sheet shows at least, where there are so many near: the
/// offer's own (linked) ones, then the nearest others that suit it.
pub const SHEET_MIN: usize = 3;

/// The activity search near an offer's place (its postcode) for its first condition: the
/// sheet's "more" link, e.g. `/aktiviteter?postcode=9000&condition=kol`.
pub fn near_offer(offer: &Offer) -> ActivityQuery {
    let postcode = offer.location.as_ref().map(|l| l.postcode.clone()).unwrap_or_default();
    ActivityQuery { postcode, condition: only(&offer.conditions), ..Default::default() }
}

/// The sheet's list: the activities the offer links to, then, while there are fewer than
/// [`SHEET_MIN`], the nearest of `near` (nearest first) that suit one of `conditions` (any, when
/// the offer names none) and are not listed already.
pub fn with_nearest(mut linked: Vec<ActivityView>, near: Vec<ActivityView>, conditions: &[forebyg_shared::taxonomy::Condition]) -> Vec<ActivityView> {
    for v in near {
        if linked.len() >= SHEET_MIN {
            break;
        }
        let suits = conditions.is_empty() || v.activity.conditions.iter().any(|c| conditions.contains(c));
        if suits && !linked.iter().any(|l| l.activity.id == v.activity.id) {
            linked.push(v);
        }
    }
    linked
}

/// The sheet's language from its `lang` parameter, else `ui`.
pub fn sheet_lang(param: Option<&str>, ui: Lang) -> Lang {
    match param {
        Some("da") => Lang::Da,
        Some("en") => Lang::En,
        _ => ui,
    }
}

/// The place parameters of the last offer search (`postcode`, or `lat` and `lon`), already
/// URL-encoded: "Fortsæt bagefter" measures from them.
pub fn place_query(last_search: &str) -> String {
    let query = last_search.split_once('?').map(|(_, q)| q).unwrap_or_default();
    query.split('&').filter(|p| ["postcode=", "lat=", "lon="].iter().any(|k| p.starts_with(k))).collect::<Vec<_>>().join("&")
}

/// "Find more activities near you" from an offer page: the postcode of the last search and the
/// offer's first condition, when there are any.
pub fn more_near_href(last_search: &str, condition: Option<Condition>) -> String {
    let postcode = place_query(last_search).split('&').find_map(|p| p.strip_prefix("postcode=")).unwrap_or_default().to_owned();
    ActivityQuery { postcode, condition, ..Default::default() }.href()
}

/// The condition to find activities for after an offer for `offered`: the one searched for
/// (`last_search`'s `condition`) when the offer takes it, else the offer's only one (a walk's
/// citizen with low back pain was sent to heart-disease activities, the offer's first; another's,
/// with diabetes, to KOL groups from an offer for every illness). None: activities for all.
pub fn condition_for(last_search: &str, offered: &[Condition]) -> Option<Condition> {
    let query = last_search.split_once('?').map_or(last_search, |(_, q)| q);
    let searched = query.split('&').find_map(|p| p.strip_prefix("condition=")).and_then(Condition::from_code);
    searched.filter(|c| offered.contains(c)).or_else(|| only(offered))
}

/// The one condition of an offer that takes one; none for an offer for several (or all).
fn only(offered: &[Condition]) -> Option<Condition> {
    match offered {
        [one] => Some(*one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &'static [(&'static str, &'static str)]) -> ActivityQuery {
        ActivityQuery::from_query(|k| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| v.to_string()))
    }

    #[test]
    fn activities_follow_the_condition_searched_for_when_the_offer_takes_it() {
        use Condition::{Hjertesygdom, Laenderyg};
        let offered = [Hjertesygdom, Laenderyg];
        assert_eq!(condition_for("/?postcode=2200&condition=laenderygsmerter", &offered), Some(Laenderyg));
        assert_eq!(condition_for("/?postcode=2200&condition=kol", &offered), None, "not one it takes: all");
        assert_eq!(condition_for("", &offered), None, "no search, several taken: all");
        assert_eq!(condition_for("", &[Hjertesygdom]), Some(Hjertesygdom), "its only one");
        assert_eq!(condition_for("/?condition=kol", &[]), None);
    }

    #[test]
    fn the_search_round_trips_through_its_address() {
        let q = parse(&[("postcode", " 8000 "), ("condition", "kol"), ("radius_km", "50")]);
        assert_eq!(q.href(), "/aktiviteter?postcode=8000&condition=kol&radius_km=50");
        assert_eq!(q.api_url().as_deref(), Some("/api/v1/activities?postcode=8000&condition=kol&radius_km=50"));
        // Unknown values are dropped; without a postcode there is no search yet.
        let q = parse(&[("condition", "nope"), ("radius_km", "-3")]);
        assert_eq!(q, ActivityQuery::default());
        assert_eq!(q.api_url(), None);
        assert_eq!(activity_href("a b"), "/aktiviteter/a%20b");
        assert_eq!(next_step_href("demo-1", Lang::En), "/tilbud/demo-1/fortsaet?lang=en");
        assert_eq!((sheet_lang(Some("en"), Lang::Da), sheet_lang(Some("x"), Lang::Da), sheet_lang(None, Lang::En)), (Lang::En, Lang::Da, Lang::En));
    }

    #[test]
    fn keeps_only_the_place_of_the_last_search() {
        assert_eq!(place_query("/?postcode=8000&category=alkohol&radius_km=10"), "postcode=8000");
        assert_eq!(place_query("/?lat=56.15&lon=10.2&q=ryg"), "lat=56.15&lon=10.2");
        assert_eq!(place_query("/"), "");
        assert_eq!(more_near_href("/?postcode=9990&radius_km=10", Some(Condition::Kol)), "/aktiviteter?postcode=9990&condition=kol");
        assert_eq!(more_near_href("/", None), "/aktiviteter");
    }

    fn view(id: &str, conditions: &[&str]) -> ActivityView {
        serde_json::from_value(serde_json::json!({
            "activity": {
                "id": id, "association_id": "f", "region": "nordjylland", "name": id, "description": "", "conditions": conditions,
                "intensity": "light", "schedule": { "slots": [], "note": null },
                "place": { "name": "", "address": "", "postcode": "9000", "city": "Aalborg", "municipality_code": "0851", "point": { "lat": 57.0, "lon": 9.9 } },
                "price": { "dkk": 0, "note": null }, "subsidy": null, "free_trial": false,
                "contact": { "name": null, "phone": null, "email": null, "url": null }, "accessibility": null,
                "last_verified": "2026-11-01", "status": "active", "version": 1
            },
            "association_name": "Forening", "umbrella": null, "distance_km": 1.0
        }))
        .unwrap()
    }

    #[test]
    fn the_sheet_fills_up_with_the_nearest_activities_that_suit_the_offer() {
        let ids = |list: Vec<ActivityView>| list.into_iter().map(|v| v.activity.id).collect::<Vec<_>>();
        let near = || {
            vec![
                view("hjerte", &["hjertesygdom"]),
                view("linked", &["kol"]),
                view("lunge-1", &["kol"]),
                view("lunge-2", &["kol", "kraeft"]),
                view("lunge-3", &["kol"]),
            ]
        };
        // None linked: the nearest that suit one of the offer's conditions.
        assert_eq!(ids(with_nearest(vec![], near(), &[Condition::Kol])), ["linked", "lunge-1", "lunge-2"]);
        // Linked ones first, each once; filled up to SHEET_MIN.
        assert_eq!(ids(with_nearest(vec![view("linked", &["kol"])], near(), &[Condition::Kol, Condition::Kraeft])), ["linked", "lunge-1", "lunge-2"]);
        // Enough linked: nothing added. An offer for no condition in particular: any.
        let three = vec![view("a", &[]), view("b", &[]), view("c", &[])];
        assert_eq!(ids(with_nearest(three, near(), &[Condition::Kol])), ["a", "b", "c"]);
        assert_eq!(ids(with_nearest(vec![], near(), &[])), ["hjerte", "linked", "lunge-1"]);
    }
}
