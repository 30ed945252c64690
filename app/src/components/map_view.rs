//! The list/map switch of the search results and the map. The list is the primary view; the map
//! is `<forebyg-map>`, which app/js/map.js (loaded with Leaflet only when the map is opened) fills
//! from its `data-map` JSON (and if the map cannot load, says so and links to the list).
//! Plain functions with plain data: the wasm budget is tight.

use crate::components::js_module;
use crate::map::{VIEW_LABEL, VIEW_LIST, VIEW_MAP};
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

/// The map of one page of results, `data` from [`crate::map::map_json`]: app/js/map.js draws it, with its
/// texts, notices and the link back to the list.
pub fn map_view(data: String) -> impl IntoView {
    js_module::load("forebyg:map");
    view! { <forebyg-map class="map" data-map=data></forebyg-map> }
}
