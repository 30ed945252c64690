//! Any address the router does not know.

use crate::context::use_lang;
use crate::{dom, i18n};
use leptos::html::H1;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    let h1 = NodeRef::<H1>::new();
    dom::focus_heading_on_arrival(h1);
    dom::set_title(lang, i18n::NOT_FOUND_H1.get(lang));
    view! {
        <h1 tabindex="-1" node_ref=h1>{i18n::NOT_FOUND_H1.get(lang)}</h1>
        <p>{i18n::NOT_FOUND_TEXT.get(lang)}</p>
        <p><a href="/">{i18n::GO_TO_SEARCH.get(lang)}</a></p>
    }
}
