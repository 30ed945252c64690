//! `/gemte`: the offers saved on this device, each with its provider, town, next start, places
//! and whether it needs a referral, as the API has them now (the device stores only the id and
//! the title).

use crate::components::badges::{CapacityBadge, ReferralBadge};
use crate::components::facts::row;
use crate::components::save_toggle::{use_saved, SaveToggle};
use crate::context::use_lang;
use crate::{api, dom, i18n, next_steps, query};
use forebyg_shared::offer::Offer;
use forebyg_shared::Lang;
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
                        <div class="saved__offer">
                            <h2 class="saved__title" lang=i18n::data_lang(lang)><a href=query::offer_href(&id)>{title.clone()}</a></h2>
                            {offer_facts(id.clone(), lang)}
                        </div>
                        <p class="saved__actions"><SaveToggle id=id title=title lang=lang /></p>
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

/// Provider, town (or "Digitalt"), next start, places and the need of a referral of one saved
/// offer, once the API has answered;
/// a sentence if the offer is gone, nothing if the API cannot be reached (the link still works).
fn offer_facts(id: String, lang: Lang) -> impl IntoView {
    let offer = RwSignal::new(None::<Result<Offer, bool>>);
    leptos::task::spawn_local(async move {
        offer.set(Some(api::get_offer(&id).await.map_err(|e| e.is_not_found())));
    });
    move || {
        offer.get().map(|r| match r {
            Ok(o) if o.is_archived() => view! { <p>{next_steps::CLOSED_TITLE.get(lang)}". "{next_steps::CLOSED_TEXT.get(lang)}</p> }.into_any(),
            Ok(o) => facts(&o, lang).into_any(),
            Err(true) => view! { <p>{i18n::SAVED_GONE.get(lang)}</p> }.into_any(),
            Err(false) => ().into_any(),
        })
    }
}

fn facts(o: &Offer, lang: Lang) -> impl IntoView {
    let t = |x: i18n::Text| x.get(lang);
    let place = o.location.as_ref().map(|l| l.city.clone()).unwrap_or_else(|| t(i18n::DIGITAL).to_owned());
    let continuous = o.schedule.enrolment == forebyg_shared::offer::Enrolment::Continuous;
    let start = i18n::start_label(o.schedule.next_start.as_deref(), continuous, lang);
    view! {
        <dl class="facts">
            {row(t(i18n::PROVIDER), o.provider.name.clone())}
            {row(t(i18n::PLACE), place)}
            {row(t(i18n::NEXT_START), start)}
            {row(t(i18n::PLACES), view! { <CapacityBadge capacity=o.capacity lang=lang /> })}
        </dl>
        // Whether one can ask to join oneself, as on the result card (a walk missed it here).
        {(!o.referral.self_referral).then(|| view! { <p><ReferralBadge lang=lang /></p> })}
    }
}
