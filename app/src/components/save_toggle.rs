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

/// A toggle button (`aria-pressed`) named "Gem <title>".
#[component]
pub fn SaveToggle(id: String, title: String, lang: Lang) -> impl IntoView {
    let saved = use_saved();
    let on = {
        let id = id.clone();
        Memo::new(move |_| saved.with(|s| query::is_saved(s, &id)))
    };
    let label = title.clone();
    let toggle = move |_| {
        let updated = query::toggle_saved(&saved.get_untracked(), &id, &title);
        dom::save(Store::Local, KEY, &updated);
        saved.set(updated);
    };
    view! {
        <button type="button" class="save-toggle" aria-pressed=move || if on.get() { "true" } else { "false" } on:click=toggle>
            <span aria-hidden="true" class="save-toggle__icon">{move || if on.get() { "★" } else { "☆" }}</span>
            " "{i18n::SAVE.get(lang)}<span class="visually-hidden">" "{label}</span>
        </button>
    }
}
