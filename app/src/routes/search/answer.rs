//! The parts of the search page that only a search needs: reading the API's answer, the count
//! line, the results (cards or map, pagination) and the "Flere valg" fields. The citizen app loads
//! them as one lazily fetched chunk (`search_answer` in src/bin/citizen/lazy.rs) when the form is
//! first used or a search is in the address, so the landing page's initial wasm carries only the
//! form (docs/benchmarks.md). Plain function pointers: whatever only [`parts`] names stays out of
//! the main module.

use super::{filters, recent, results};
use crate::{map, query, wire};
use forebyg_shared::search::{SearchParams, SearchResponse};
use forebyg_shared::Lang;
use leptos::prelude::*;
use std::sync::Arc;

/// A recent search: its address and the place it was made from.
pub type RecentSearch = (String, String);

/// What the results need besides the answer.
pub struct ResultsArgs {
    pub answer: Arc<SearchResponse>,
    pub params: Memo<Result<SearchParams, Vec<forebyg_shared::validation::FieldError>>>,
    pub view_map: Memo<bool>,
    pub lang: Lang,
    /// Set when a page link is followed: focus then moves to the new page's heading.
    pub focus_when_done: StoredValue<bool>,
}

/// The lazily loaded part of the search page.
#[derive(Clone, Copy)]
pub struct AnswerParts {
    /// Reads the API's answer (`JSON.parse`'s value) into the shared model.
    pub decode: fn(wasm_bindgen::JsValue) -> Option<SearchResponse>,
    /// The count line and the next steps (in the status live region); the flag is set when a
    /// next step's link is followed, as for a page link.
    pub summary: fn(&SearchResponse, &SearchParams, Lang, StoredValue<bool>) -> AnyView,
    /// The list/map switch, the cards or the map, and the pagination.
    pub results: fn(ResultsArgs) -> AnyView,
    /// The fields of "Flere valg", bound to the filters.
    pub filters: fn(RwSignal<SearchParams>, Lang) -> AnyView,
    /// The recent searches (address, place) as links, and the button that clears the kept list.
    pub recent: fn(Vec<RecentSearch>, RwSignal<String>, Lang) -> AnyView,
    /// "Gå til resultaterne ↓", the phone's shortcut past the form.
    pub jump: fn(Lang) -> AnyView,
    /// Keeps where the search was made from, for the offer page's "Tjek, hvor du bor"
    /// (`context::remember_origin`; its serde writer stays out of the landing page's wasm).
    pub remember: fn(&SearchResponse),
}

/// The parts, for the lazy loader.
pub fn parts() -> AnswerParts {
    AnswerParts {
        decode: wire::from_js::<SearchResponse>,
        summary: results::summary,
        results: results_view,
        filters: |f, lang| filters::filter_fields(f, lang).into_any(),
        recent: recent::list,
        jump: |lang| crate::components::jump_link::jump_link(super::RESULTS_HEADING_ID, lang),
        remember: |r| crate::context::remember_origin(&r.origin),
    }
}

/// The switch (once there are results) and the list or map, following the view in the URL.
fn results_view(args: ResultsArgs) -> AnyView {
    let ResultsArgs { answer, params, view_map, lang, focus_when_done } = args;
    if answer.results.is_empty() {
        return ().into_any();
    }
    let list_href = query::search_href(&params.get_untracked().unwrap_or_default());
    let map_href = map::with_view(&list_href, true);
    let toggle = crate::components::map_view::view_toggle(list_href, map_href, view_map, lang);
    let list = move || {
        let on_page = move |_| focus_when_done.set_value(true);
        results::list((*answer).clone(), params.get().unwrap_or_default(), view_map.get(), lang, on_page)
    };
    view! { {toggle} {list} }.into_any()
}
