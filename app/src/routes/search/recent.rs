//! The last 5 searches (the place and the offer filters; never the illness or the free text), kept
//! on the device and offered while no search is shown, with a button that forgets them. The list is
//! drawn by the lazily loaded part ([`list`], in `AnswerParts`), fetched at once when there is a
//! list to show: the landing wasm keeps only the bookkeeping.

use super::{place, Lazy, Outcome};
use crate::dom::{self, Store};
use crate::{i18n, query};
use forebyg_shared::search::SearchParams;
use forebyg_shared::validation::FieldError;
use forebyg_shared::Lang;
use leptos::prelude::*;

const RECENT_KEY: &str = "forebyg.recent";

/// Remembers each answered search; the list of recent searches while the page shows none.
pub(super) fn recent_searches(
    outcome: Memo<Outcome>,
    parsed: Memo<Result<SearchParams, Vec<FieldError>>>,
    lazy: Lazy,
    lang: Lang,
) -> impl Fn() -> Option<AnyView> {
    let recent = RwSignal::new(dom::load(Store::Local, RECENT_KEY).unwrap_or_default());
    if !recent.with_untracked(String::is_empty) {
        lazy.want();
    }
    Effect::new(move |_| {
        if let Outcome::Done(a) = outcome.get() {
            if let Ok(p) = parsed.get_untracked() {
                // Not the illness or the free text: health data, on what may be a shared device.
                let kept = SearchParams { page: 1, condition: None, q: None, ..p };
                let updated = query::push_recent(&recent.get_untracked(), &query::search_href(&kept), &place(&a.response, lang));
                dom::save(Store::Local, RECENT_KEY, &updated);
                recent.set(updated);
            }
        }
    });
    move || {
        let list = recent.with(|s| query::recent_list(s));
        let parts = lazy.parts.get()?;
        (matches!(outcome.get(), Outcome::Idle) && !list.is_empty()).then(|| (parts.recent)(list, recent, lang))
    }
}

/// The list of recent searches ("href", "place") as links, and "Ryd listen", which forgets them
/// on this device (`stored`: the list as kept).
pub(super) fn list(list: Vec<(String, String)>, stored: RwSignal<String>, lang: Lang) -> AnyView {
    let items = list.into_iter().map(|(href, place)| view! { <li><a href=href>{i18n::search_title(lang, &place)}</a></li> }).collect_view();
    let clear = move |_| {
        dom::remove(Store::Local, RECENT_KEY);
        stored.set(String::new());
        // The section is gone with its button: the focus goes to the search form's first field.
        dom::focus_id("postcode");
    };
    view! {
        <section class="recent" aria-labelledby="recent-h2">
            <h2 id="recent-h2">{i18n::RECENT_SEARCHES.get(lang)}</h2>
            <ul>{items}</ul>
            <p><button type="button" class="button button--secondary" on:click=clear>{i18n::RECENT_CLEAR.get(lang)}</button></p>
        </section>
    }
    .into_any()
}
