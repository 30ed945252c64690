//! The map view of the search results and the QR code of the printed offer page, as plain data:
//! their texts, the `view=map` switch in the URL and the JSON that the lazily loaded JavaScript
//! (app/js/map.js with Leaflet) turns into a map. Pure, so it is unit-tested natively; the
//! components are `components/map_view.rs` and `components/offer_qr.rs`.

use crate::{format, query};
use forebyg_shared::decimal;
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::search::OfferHit;
use forebyg_shared::Lang;

crate::texts! {
    VIEW_LABEL = "Vis resultaterne som", "Show the results as";
    VIEW_LIST = "Liste", "List";
    VIEW_MAP = "Kort", "Map";
    MAP_LABEL = "Kort over tilbuddene på denne side", "Map of the offers on this page";
    MAP_HINT = "Kortet viser tilbuddene på denne side af resultaterne. Vælg en nål for at se, hvad tilbuddet hedder, og gå videre til det. Listen har de samme tilbud.",
        "The map shows the offers on this page of results. Choose a pin to see the offer's name and go on to it. The list has the same offers.";
    MAP_FAILED = "Kortet kunne ikke indlæses. Listen over resultaterne virker stadig.",
        "The map could not be loaded. The list of results still works.";
    MAP_SHOW_LIST = "Vis resultaterne som liste", "Show the results as a list";
    MAP_HERE = "Dit søgested", "Where you searched";
    MAP_ZOOM_IN = "Zoom ind", "Zoom in";
    MAP_ZOOM_OUT = "Zoom ud", "Zoom out";
    QR_CAPTION = "Scan koden for at åbne siden", "Scan the code to open this page";
    QR_LABEL = "QR-kode med adressen på denne side", "QR code with the address of this page";
}

/// "3 digitale tilbud på denne side er ikke på kortet. Se dem i listen."
pub fn not_on_map(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Da, 1) => "1 digitalt tilbud på denne side er ikke på kortet. Se det i listen.".to_owned(),
        (Lang::Da, n) => format!("{n} digitale tilbud på denne side er ikke på kortet. Se dem i listen."),
        (Lang::En, 1) => "1 digital offer on this page is not on the map. See it in the list.".to_owned(),
        (Lang::En, n) => format!("{n} digital offers on this page are not on the map. See them in the list."),
    }
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

fn point_json(p: GeoPoint) -> String {
    format!("\"lat\":{},\"lon\":{}", decimal::format(p.lat, 5), decimal::format(p.lon, 5))
}

/// The `data-map` JSON of `<forebyg-map>`: the searched place, a marker for every result on the
/// page that has a place (digital offers have none), and the texts the map shows.
pub fn map_json(origin: GeoPoint, place: &str, hits: &[OfferHit], lang: Lang) -> String {
    let markers = hits
        .iter()
        .filter_map(|h| {
            let p = h.offer.point?;
            let distance = h.distance_km.map(|km| format::distance(km, lang)).unwrap_or_default();
            Some(format!(
                "{{\"title\":{},\"href\":{},{},\"distance\":{}}}",
                query::json_string(&h.offer.title),
                query::json_string(&query::offer_href(&h.offer.id)),
                point_json(p),
                query::json_string(&distance)
            ))
        })
        .collect::<Vec<_>>()
        .join(",");
    let texts = [("label", MAP_LABEL), ("here", MAP_HERE), ("zoomIn", MAP_ZOOM_IN), ("zoomOut", MAP_ZOOM_OUT)]
        .iter()
        .map(|(k, t)| format!("\"{k}\":{}", query::json_string(t.get(lang))))
        .collect::<Vec<_>>()
        .join(",");
    format!("{{\"center\":{{{},\"label\":{}}},\"markers\":[{markers}],\"texts\":{{{texts}}}}}", point_json(origin), query::json_string(place))
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
        assert!(not_on_map(Lang::Da, 2).starts_with("2 digitale tilbud"));
        assert!(not_on_map(Lang::En, 1).starts_with("1 digital offer on this page is "));
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
        let json = map_json(here, "8000 Aarhus C", &hits, Lang::Da);
        let v: serde_json::Value = serde_json::from_str(&json).expect(&json);
        assert_eq!(v["center"]["lat"], 56.15674);
        assert_eq!(v["center"]["label"], "8000 Aarhus C");
        let markers = v["markers"].as_array().unwrap();
        assert_eq!(markers.len(), 1);
        assert_eq!(markers[0]["title"], "Træn \"sammen\"");
        assert_eq!(markers[0]["href"], "/tilbud/demo-1");
        assert_eq!(markers[0]["lon"], 10.2);
        assert_eq!(markers[0]["distance"], "1,2 km");
        assert_eq!(v["texts"]["zoomIn"], "Zoom ind");
        let en: serde_json::Value = serde_json::from_str(&map_json(here, "x", &hits, Lang::En)).unwrap();
        assert_eq!(en["texts"]["label"], "Map of the offers on this page");
        assert_eq!(en["markers"][0]["distance"], "1.2 km");
    }
}
