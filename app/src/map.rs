//! The map view of the search results as plain data: the list/map switch's texts, the `view=map`
//! switch in the URL and the JSON that the lazily loaded JavaScript (app/js/map.js with Leaflet)
//! turns into a map. Pure, so it is unit-tested natively; the components are
//! `components/map_view.rs` and `components/offer_qr.rs`.

use crate::{format, query};
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::search::OfferHit;
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
    digital: usize,
    list: &'a str,
}

#[derive(Serialize)]
struct Center<'a> {
    lat: f64,
    lon: f64,
    label: &'a str,
}

#[derive(Serialize)]
struct Marker<'a> {
    title: &'a str,
    href: String,
    lat: f64,
    lon: f64,
    distance: String,
}

/// The `data-map` JSON of `<forebyg-map>`: the searched place, a marker for every result on the
/// page that has a place, how many have none (digital offers) and the list view's address.
pub fn map_json(origin: GeoPoint, place: &str, hits: &[OfferHit], list_href: &str, lang: Lang) -> String {
    let markers: Vec<Marker> = hits
        .iter()
        .filter_map(|h| {
            let p = h.offer.point?;
            let distance = h.distance_km.map(|km| format::distance(km, lang)).unwrap_or_default();
            Some(Marker { title: &h.offer.title, href: query::offer_href(&h.offer.id), lat: coord(p.lat), lon: coord(p.lon), distance })
        })
        .collect();
    let digital = hits.len() - markers.len();
    let center = Center { lat: coord(origin.lat), lon: coord(origin.lon), label: place };
    crate::wire::to_json(&MapData { center, markers, digital, list: list_href })
}

#[cfg(test)]
mod tests {
    use super::*;
    use forebyg_shared::search::OfferSummary;

    fn hit(id: &str, title: &str, point: Option<GeoPoint>, km: Option<f64>) -> OfferHit {
        let json = serde_json::json!({
            "id": id, "title": title, "summary": "", "category": "fysisk-aktivitet", "conditions": [],
            "format": if point.is_some() { "on-site" } else { "digital" }, "capacity": "open", "next_start": null,
            "continuous_enrolment": true, "evening": false, "weekend": false, "city": null, "provider_name": "P",
            "region": "midtjylland", "self_referral": true, "demo": true,
        });
        let mut offer: OfferSummary = serde_json::from_value(json).unwrap();
        offer.point = point;
        OfferHit { offer, distance_km: km, digital: point.is_none() }
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
        let here = GeoPoint { lat: 56.15674, lon: 10.21076 };
        let hits = [hit("demo-1", "Træn \"sammen\"", Some(GeoPoint { lat: 56.1, lon: 10.2 }), Some(1.23)), hit("demo-2", "Online", None, None)];
        let json = map_json(here, "8000 Aarhus C", &hits, "/?postcode=8000", Lang::Da);
        let v: serde_json::Value = serde_json::from_str(&json).expect(&json);
        assert_eq!(v["center"]["lat"], 56.15674);
        assert_eq!(v["center"]["label"], "8000 Aarhus C");
        let markers = v["markers"].as_array().unwrap();
        assert_eq!(markers.len(), 1);
        assert_eq!(markers[0]["title"], "Træn \"sammen\"");
        assert_eq!(markers[0]["href"], "/tilbud/demo-1");
        assert_eq!(markers[0]["lon"], 10.2);
        assert_eq!(markers[0]["distance"], "1,2 km");
        assert_eq!((v["digital"].as_u64(), v["list"].as_str()), (Some(1), Some("/?postcode=8000")));
        let en: serde_json::Value = serde_json::from_str(&map_json(here, "x", &hits, "/", Lang::En)).unwrap();
        assert_eq!(en["markers"][0]["distance"], "1.2 km");
    }
}
