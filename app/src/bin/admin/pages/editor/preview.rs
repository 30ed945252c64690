//! "Forhåndsvis" (#15 point 12): the offer as citizens will see it on its page, from the form's
//! current, unsaved values, before it is saved or published. The page's content is the citizen
//! offer page's own (`forebyg_app::routes::offer_sections`, the join box), clearly marked as a
//! preview; its links do nothing here (they lead into the citizen site, or to a page of an offer
//! that is not saved yet). The form stays on the page, hidden, so going back keeps every edit.

use super::state::OfferEditor;
use crate::texts::editor as t;
use crate::ui::lang;
use forebyg_app::components::join_box::JoinBox;
use forebyg_app::format;
use forebyg_app::i18n;
use forebyg_shared::offer::Offer;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The banner that says what this is, with the way back to the form.
fn banner(e: OfferEditor) -> impl IntoView {
    view! {
        <div class="notice notice--preview">
            <p class="notice__title"><strong>{t::PREVIEW_TITLE.get(lang())}</strong></p>
            <p>{t::PREVIEW_TEXT.get(lang())}</p>
            <p><button type="button" class="button button--secondary" on:click=move |_| e.end_preview()>{t::BACK_TO_EDITING.get(lang())}</button></p>
        </div>
    }
}

/// Links in the preview go nowhere (the router and the browser leave them alone).
fn inert_links(ev: leptos::ev::MouseEvent) {
    let in_link = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| el.closest("a").ok().flatten()).is_some();
    if in_link {
        ev.prevent_default();
    }
}

/// The preview of `o`.
pub fn preview(e: OfferEditor, o: Offer) -> impl IntoView {
    let l = lang();
    view! {
        <div class="preview">
            {banner(e)}
            <article class="offer preview__offer" on:click=inert_links>
                <h1 id="preview-title" tabindex="-1"><span class="visually-hidden">{t::PREVIEW_TITLE.get(l)}": "</span>{o.title.clone()}</h1>
                <p class="lead">{o.summary.clone()}</p>
                <JoinBox offer=o.clone() lang=l />
                {forebyg_app::routes::offer_sections::offer_sections(&o, l)}
                <p class="verified">{i18n::LAST_VERIFIED.get(l)}": "{format::date(&o.last_verified, l)}</p>
            </article>
            {banner(e)}
        </div>
    }
}
