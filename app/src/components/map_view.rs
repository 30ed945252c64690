//! The list/map switch of the search results and the map. The list is the primary view; the map
//! is `<forebyg-map>`, which app/js/map.js (loaded with Leaflet only when the map is opened) fills
//! from its `data-map` JSON (and if the map cannot load, says so and links to the list).
//! Plain functions with plain data: the wasm budget is tight.

use crate::components::js_module;
use crate::map::{self, VIEW_LABEL, VIEW_LIST, VIEW_MAP};
use crate::{i18n, wire};
use forebyg_shared::search::{SearchParams, SearchResponse};
use forebyg_shared::Lang;
use leptos::prelude::*;

/// "Vis resultaterne som: Liste | Kort": two links (the view is in the URL), the current one
/// marked. `data-noscroll`: the router keeps the scroll position, and the focus stays on the link.
pub fn view_toggle(list_href: String, map_href: String, map: Memo<bool>, lang: Lang) -> impl IntoView {
    view! {
        <nav class="view-toggle" aria-label=VIEW_LABEL.get(lang)>
            <ul>
                <li><a href=list_href data-noscroll="" aria-current=move || (!map.get()).then_some("true")>{VIEW_LIST.get(lang)}</a></li>
                <li><a href=map_href data-noscroll="" aria-current=move || map.get().then_some("true")>{VIEW_MAP.get(lang)}</a></li>
            </ul>
        </nav>
    }
}

/// The map of a search's results: every on-site match's pin (`pins=true`, asked for when the map
/// is shown, so the list's answer stays small), or this page's results if that answer fails.
/// `page`: the answer being shown, `params` its search, `place` the searched place's name.
pub fn search_map(page: SearchResponse, params: &SearchParams, place: String, list_href: String, lang: Lang) -> impl IntoView {
    let data = RwSignal::new(None::<String>);
    // One result (the least the API gives) with the pins; the page's results are already here.
    let ask = SearchParams { pins: true, page: 1, per_page: 1, ..params.clone() };
    leptos::task::spawn_local(async move {
        let all = crate::api::search_offers(&ask).await.ok().and_then(wire::from_js::<SearchResponse>).filter(|a| !a.pins.is_empty());
        data.set(Some(map::map_json(all.as_ref().unwrap_or(&page), &place, &list_href, lang)));
    });
    move || match data.get() {
        Some(json) => map_view(json).into_any(),
        None => view! { <p class="status status--loading">{i18n::LOADING.get(lang)}</p> }.into_any(),
    }
}

/// `<forebyg-map>` with `data` from [`crate::map::map_json`]: app/js/map.js draws it, with its
/// texts, notices and the link back to the list.
fn map_view(data: String) -> impl IntoView {
    js_module::load("forebyg:map");
    view! { <forebyg-map class="map" data-map=data></forebyg-map> }
}
