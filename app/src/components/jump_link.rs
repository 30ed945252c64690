//! "Gå til resultaterne ↓": on a phone the search form is a screen long, so a shortcut past it to
//! the answer (hidden where the two sit side by side). It moves the focus, not only the view.

use crate::{dom, i18n};
use forebyg_shared::Lang;
use leptos::prelude::*;

/// The link to `target`, the id of the results' heading.
pub fn jump_link(target: &'static str, lang: Lang) -> AnyView {
    let go = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        dom::focus_id(target);
    };
    view! {
        <p class="jump-link">
            <a href=format!("#{target}") on:click=go>{i18n::JUMP_TO_RESULTS.get(lang)}<span aria-hidden="true">" ↓"</span></a>
        </p>
    }
    .into_any()
}
