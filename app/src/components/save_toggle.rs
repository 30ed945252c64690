//! "Gem": keeps an offer on a shortlist on this device (localStorage).

use crate::dom::{self, Store};
use crate::{i18n, query};
use forebyg_shared::Lang;
use leptos::prelude::*;

const KEY: &str = "forebyg.saved";

/// The saved offers of this device, shared by every toggle and the saved page.
#[derive(Clone, Copy)]
pub struct Saved(pub RwSignal<String>);

pub fn provide_saved() {
    provide_context(Saved(RwSignal::new(dom::load(Store::Local, KEY).unwrap_or_default())));
}

pub fn use_saved() -> RwSignal<String> {
    use_context::<Saved>().map(|s| s.0).unwrap_or_else(|| RwSignal::new(String::new()))
}

/// Keeps the saved offers in step with other tabs: the browser's `storage` event fires in every
/// other tab of the site when one changes localStorage. Registered once, by the first toggle (not
/// by the layout: the landing page's wasm stays as it is).
fn follow_other_tabs(saved: RwSignal<String>) {
    thread_local! { static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) }; }
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    // The handle is never removed: the listener lives as long as the app.
    let _ = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        // `key` is None when the whole storage was cleared.
        if ev.key().is_none_or(|k| k == KEY) {
            saved.set(ev.new_value().unwrap_or_default());
        }
    });
}

/// "☆ Gem" (named "Gem <title>"); once saved, "Gemt ✓" beside it and the same button says "Fjern"
/// (named "Fjern <title> fra dine gemte tilbud"). One button whose words say what it does rather
/// than a pressed state, and the focus stays on it; the mark is a live region, so the change is
/// announced.
#[component]
pub fn SaveToggle(id: String, title: String, lang: Lang) -> impl IntoView {
    let saved = use_saved();
    let on = {
        let id = id.clone();
        Memo::new(move |_| saved.with(|s| query::is_saved(s, &id)))
    };
    follow_other_tabs(saved);
    let label = title.clone();
    let toggle = move |_| {
        // Toggled against what this device holds now: another tab may have changed it.
        let updated = query::toggle_saved(&dom::load(Store::Local, KEY).unwrap_or_default(), &id, &title);
        dom::save(Store::Local, KEY, &updated);
        saved.set(updated);
    };
    view! {
        <span class="save-toggle__mark" aria-live="polite">{move || on.get().then(|| i18n::SAVED_MARK.get(lang))}</span>
        <button type="button" class="save-toggle" class:save-toggle--on=move || on.get() on:click=toggle>
            {move || if on.get() {
                view! { {i18n::UNSAVE.get(lang)}<span class="visually-hidden">" "<span lang=i18n::data_lang(lang)>{label.clone()}</span>" "{i18n::UNSAVE_FROM.get(lang)}</span> }.into_any()
            } else {
                view! { <span aria-hidden="true" class="save-toggle__icon">"☆ "</span>{i18n::SAVE.get(lang)}<span class="visually-hidden">" "<span lang=i18n::data_lang(lang)>{label.clone()}</span></span> }.into_any()
            }}
        </button>
    }
}
