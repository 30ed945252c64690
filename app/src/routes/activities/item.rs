//! One activity in a list (the activity search and "Fortsæt bagefter" on the offer page): its
//! name as a link to its page, the association, distance, place, whom it suits, times, price and
//! free trial.

use crate::activity_query::activity_href;
use crate::{format, i18n};
use forebyg_shared::activity::ActivityView;
use forebyg_shared::Lang;
use leptos::prelude::*;

pub fn activity_item(v: ActivityView, lang: Lang) -> impl IntoView {
    let a = v.activity;
    let slots = format::week(&a.schedule.slots, lang).join(", ");
    // The price's note is the association's own (Danish) words: marked so on an English page.
    let note = a.price.note.filter(|_| a.price.dkk > 0).map(|n| view! { " "<span lang=i18n::data_lang(lang)>{n}</span> });
    let price = view! { {format::price(a.price.dkk, lang)}{note} };
    let distance = v.distance_km.map(|d| format!(" · {}", format::distance(d, lang)));
    let trial = a.free_trial.then(|| view! { <br /><span>{i18n::FREE_TRIAL.get(lang)}</span> });
    // Whom it suits, on the list too: under an offer for several illnesses, an activity may suit
    // only one of them (a walk's diabetes search listed "Hjertemotion" without a word).
    let suits = (!a.conditions.is_empty()).then(|| {
        let names = format::list(&a.conditions.iter().map(|c| c.label(lang)).collect::<Vec<_>>(), lang);
        view! { <br /><span>{i18n::activities::SUITS.get(lang)}": "{names}</span> }
    });
    view! {
        <li class="activity">
            <a href=activity_href(&a.id) lang=i18n::data_lang(lang)><strong>{a.name}</strong></a>" – "<span lang=i18n::data_lang(lang)>{v.association_name}</span>{distance}
            <br /><span class="muted">{a.place.address}", "{a.place.postcode}" "{a.place.city}</span>
            {suits}
            <br /><span>{slots}" · "{price}</span>
            {trial}
        </li>
    }
}
