//! `/gemte`: the offers saved on this device.

use crate::components::save_toggle::{use_saved, SaveToggle};
use crate::context::use_lang;
use crate::{dom, i18n, query};
use leptos::html::H1;
use leptos::prelude::*;

#[component]
pub fn SavedPage() -> impl IntoView {
    let lang = use_lang();
    let saved = use_saved();
    let h1 = NodeRef::<H1>::new();
    dom::focus_heading_on_arrival(h1);
    dom::set_title(lang, i18n::SAVED_H1.get(lang));
    // The list as it was when the page opened: un-saving keeps the row (and its button) in place.
    let list = query::saved_list(&saved.get_untracked());
    let body = if list.is_empty() {
        view! { <p>{i18n::SAVED_EMPTY.get(lang)}</p> }.into_any()
    } else {
        let items = list
            .into_iter()
            .map(|(id, title)| {
                view! {
                    <li class="saved__item">
                        <a href=query::offer_href(&id)>{title.clone()}</a>
                        <SaveToggle id=id title=title lang=lang />
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="saved">{items}</ul> }.into_any()
    };
    view! {
        <h1 tabindex="-1" node_ref=h1>{i18n::SAVED_H1.get(lang)}</h1>
        <p class="lead">{i18n::SAVED_INTRO.get(lang)}</p>
        {body}
    }
}
