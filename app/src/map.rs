//! The map view of the search results as plain data: the list/map switch's texts, the `view=map`
//! switch in the URL and the JSON that the lazily loaded JavaScript (app/js/map.js with Leaflet)
//! turns into a map. Pure, so it is unit-tested natively; the components are
//! `components/map_view.rs` and `components/offer_qr.rs`.

use crate::{format, i18n, query};
use forebyg_shared::search::SearchResponse;
use forebyg_shared::taxonomy::Capacity;
use forebyg_shared::Lang;
use serde::Serialize;

// The map's own texts (its label, notices, zoom buttons) and the QR code's are in app/js/: the
// wasm budget.
crate::texts! {
    VIEW_LABEL = "Vis resultaterne som", "Show the results as";
    VIEW_LIST = "Liste", "List";
    VIEW_MAP = "Kort", "Map";
}

/// Whether the URL query asks for the map (`view=map`); anything else is the list.
pub fn is_map<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> bool {
    pairs.into_iter().any(|(k, v)| k == "view" && v == "map")
}

/// A search page address (from [`query::search_href`]) in the list or the map view.
pub fn with_view(href: &str, map: bool) -> String {
    if !map {
        return href.to_owned();
    }
    let sep = if href.contains('?') { '&' } else { '?' };
    format!("{href}{sep}view=map")
}

/// A coordinate to 5 decimals (about a metre): enough for a marker, and a shorter document.
fn coord(x: f64) -> f64 {
    (x * 1e5).round() / 1e5
}

/// The document `app/js/map.js` reads (its field names are that module's contract).
#[derive(Serialize)]
struct MapData<'a> {
    center: Center<'a>,
    markers: Vec<Marker<'a>>,
    /// Results without a place: this page's, or the search's when `all`.
    digital: usize,
    /// On-site matches beyond the pins' limit, not on the map.
    more: usize,
    /// Whether the markers are the whole search's (else this page's).
    all: bool,
    list: &'a str,
}

#[derive(Serialize)]
struct Center<'a> {
    lat: f64,
    lon: f64,
    label: &'a str,
}

/// A pin and its popup: the title as the link, then one line each for the distance, the next
/// start and whether one can sign up oneself.
#[derive(Serialize)]
struct Marker<'a> {
    title: &'a str,
    href: String,
    lat: f64,
    lon: f64,
    distance: String,
    start: String,
    joining: &'static str,
}

/// "Næste start: 3. feb. 2027", "Løbende optag" or "Start aftales".
fn start_line(next_start: Option<&str>, continuous: bool, lang: Lang) -> String {
    match next_start {
        Some(d) => format!("{}: {}", i18n::NEXT_START.get(lang), format::date(d, lang)),
        None => i18n::start_label(None, continuous, lang),
    }
}

/// Whether one may sign up oneself, unless no one can join now.
fn joining(self_referral: bool, capacity: Capacity, lang: Lang) -> &'static str {
    if capacity == Capacity::Full {
        capacity.label(lang)
    } else if self_referral {
        i18n::SELF_REFERRAL_TAG.get(lang)
    } else {
        crate::next_steps::NEEDS_REFERRAL.get(lang)
    }
}

/// The `data-map` JSON of `<forebyg-map>` for the answer `r` to a search from `place`: the
/// searched place and a marker for every on-site match of the search (its `pins`, asked for with
/// `pins=true`: all pages, not only this one's), how many matches are not on the map (digital
/// offers, and those beyond [`MAX_PINS`](forebyg_shared::search::MAX_PINS)) and the list view's
/// address. Without pins (none asked for) the markers are this page's results.
pub fn map_json(r: &SearchResponse, place: &str, list_href: &str, lang: Lang) -> String {
    let (markers, digital, more): (Vec<Marker>, usize, usize) = if r.pins.is_empty() {
        let markers: Vec<Marker> = r
            .results
            .iter()
            .filter_map(|h| {
                let p = h.offer.point?;
                Some(Marker {
                    title: &h.offer.title,
                    href: query::offer_href(&h.offer.id),
                    lat: coord(p.lat),
                    lon: coord(p.lon),
                    distance: h.distance_km.map(|km| format::distance(km, lang)).unwrap_or_default(),
                    start: start_line(h.offer.next_start.as_deref(), h.offer.continuous_enrolment, lang),
                    joining: joining(h.offer.self_referral, h.offer.capacity, lang),
                })
            })
            .collect();
        let digital = r.results.len() - markers.len();
        (markers, digital, 0)
    } else {
        let markers: Vec<Marker> = r
            .pins
            .iter()
            .map(|p| Marker {
                title: &p.title,
                href: query::offer_href(&p.id),
                lat: coord(p.point.lat),
                lon: coord(p.point.lon),
                distance: format::distance(p.distance_km, lang),
                start: start_line(p.next_start.as_deref(), p.continuous_enrolment, lang),
                joining: joining(p.self_referral, p.capacity, lang),
            })
            .collect();
        let more = (r.nearby as usize).saturating_sub(markers.len());
        (markers, r.total.saturating_sub(r.nearby) as usize, more)
    };
    let all = !r.pins.is_empty();
    let center = Center { lat: coord(r.origin.point.lat), lon: coord(r.origin.point.lon), label: place };
    crate::wire::to_json(&MapData { center, markers, digital, more, all, list: list_href })
}

#[cfg(test)]
mod tests {
    use super::*;
    use forebyg_shared::geo::GeoPoint;
    use forebyg_shared::search::{MapPin, OfferHit, OfferSummary, SearchOrigin};
    use forebyg_shared::taxonomy::RegionCode;

    const HERE: GeoPoint = GeoPoint { lat: 56.15674, lon: 10.21076 };

    fn answer(results: Vec<OfferHit>, pins: Vec<MapPin>, nearby: u32, total: u32) -> SearchResponse {
        let origin = SearchOrigin {
            point: HERE,
            postcode: Some("8000".into()),
            place_name: None,
            region: RegionCode::Midtjylland,
            municipality_code: None,
            island: None,
        };
        SearchResponse {
            origin,
            radius_km: 25.0,
            total,
            nearby,
            page: 1,
            per_page: 20,
            results,
            stats: Default::default(),
            wider: None,
            pins,
            outside_package: vec![],
            relaxed: vec![],
        }
    }

    fn hit(id: &str, title: &str, point: Option<GeoPoint>, km: Option<f64>) -> OfferHit {
        let json = serde_json::json!({
            "id": id, "title": title, "summary": "", "category": "fysisk-aktivitet", "conditions": [],
            "format": if point.is_some() { "on-site" } else { "digital" }, "capacity": "open", "next_start": null,
            "continuous_enrolment": true, "evening": false, "weekend": false, "city": null, "provider_name": "P",
            "region": "midtjylland", "self_referral": true, "demo": true,
        });
        let mut offer: OfferSummary = serde_json::from_value(json).unwrap();
        offer.point = point;
        OfferHit { offer, distance_km: km, digital: point.is_none(), across_water: false }
    }

    #[test]
    fn every_text_has_both_languages() {
        for (name, t) in ALL {
            assert!(!t.da.trim().is_empty() && !t.en.trim().is_empty(), "{name} is empty");
        }
    }

    #[test]
    fn the_view_lives_in_the_url_query() {
        assert!(is_map([("postcode", "8000"), ("view", "map")]));
        assert!(!is_map([("postcode", "8000"), ("view", "list")]));
        assert!(!is_map([("postcode", "8000")]));
        assert_eq!(with_view("/?postcode=8000", true), "/?postcode=8000&view=map");
        assert_eq!(with_view("/", true), "/?view=map");
        assert_eq!(with_view("/?postcode=8000", false), "/?postcode=8000");
    }

    #[test]
    fn map_json_has_markers_for_offers_with_a_place_only() {
        let hits = vec![hit("demo-1", "Træn \"sammen\"", Some(GeoPoint { lat: 56.1, lon: 10.2 }), Some(1.23)), hit("demo-2", "Online", None, None)];
        let r = answer(hits, vec![], 1, 2);
        let json = map_json(&r, "8000 Aarhus C", "/?postcode=8000", Lang::Da);
        let v: serde_json::Value = serde_json::from_str(&json).expect(&json);
        assert_eq!(v["center"]["lat"], 56.15674);
        assert_eq!(v["center"]["label"], "8000 Aarhus C");
        let markers = v["markers"].as_array().unwrap();
        assert_eq!(markers.len(), 1);
        assert_eq!(markers[0]["title"], "Træn \"sammen\"");
        assert_eq!(markers[0]["href"], "/tilbud/demo-1");
        assert_eq!(markers[0]["lon"], 10.2);
        assert_eq!(markers[0]["distance"], "1,2 km");
        assert_eq!((markers[0]["start"].as_str(), markers[0]["joining"].as_str()), (Some("Løbende optag"), Some("Du kan selv tilmelde dig")));
        assert_eq!((v["digital"].as_u64(), v["list"].as_str(), v["all"].as_bool()), (Some(1), Some("/?postcode=8000"), Some(false)));
        let en: serde_json::Value = serde_json::from_str(&map_json(&r, "x", "/", Lang::En)).unwrap();
        assert_eq!(en["markers"][0]["distance"], "1.2 km");
    }

    #[test]
    fn map_json_has_a_marker_for_every_pin_of_the_search() {
        let hits = vec![hit("demo-1", "Side 1", Some(GeoPoint { lat: 56.1, lon: 10.2 }), Some(1.0)), hit("demo-2", "Online", None, None)];
        let pin = |id: &str, km: f64, next_start: Option<&str>, self_referral: bool| MapPin {
            id: id.into(),
            title: format!("Tilbud {id}"),
            point: GeoPoint { lat: 56.0, lon: 10.0 },
            distance_km: km,
            next_start: next_start.map(str::to_owned),
            continuous_enrolment: next_start.is_none(),
            self_referral,
            capacity: if id == "c" { Capacity::Full } else { Capacity::Open },
        };
        let pins = vec![pin("a", 1.0, None, true), pin("b", 2.5, Some("2027-02-03"), false), pin("c", 30.0, None, true)];
        // 4 on-site matches, one beyond the pins' limit; 7 digital ones over all pages.
        let r = answer(hits, pins, 4, 11);
        let v: serde_json::Value = serde_json::from_str(&map_json(&r, "8000", "/", Lang::Da)).unwrap();
        let markers = v["markers"].as_array().unwrap();
        assert_eq!(markers.len(), 3, "every pin, not only this page's results");
        assert_eq!(markers[1]["href"], "/tilbud/b");
        assert_eq!(markers[1]["distance"], "2,5 km");
        assert_eq!(markers[1]["start"], format!("Næste start: {}", format::date("2027-02-03", Lang::Da)));
        assert_eq!(markers[1]["joining"], crate::next_steps::NEEDS_REFERRAL.da);
        // One may sign up oneself, but the course is full: no one can, now.
        assert_eq!(markers[2]["joining"], "Fuldt booket");
        assert_eq!((v["digital"].as_u64(), v["more"].as_u64(), v["all"].as_bool()), (Some(7), Some(1), Some(true)));
        let en: serde_json::Value = serde_json::from_str(&map_json(&r, "8000", "/", Lang::En)).unwrap();
        assert_eq!(
            (en["markers"][0]["start"].as_str(), en["markers"][0]["joining"].as_str()),
            (Some("Join any time"), Some("You can sign up yourself"))
        );
    }
}
