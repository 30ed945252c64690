//! "Fortsæt bagefter" on the offer page: the association activities the offer links to, nearest
//! to the place the citizen searched from first (to the offer's own place without a search).

use super::activities::item::activity_item;
use crate::activity_query::{more_near_href, place_query};
use crate::components::return_to_link;
use crate::{api, i18n};
use forebyg_shared::taxonomy::Condition;
use forebyg_shared::Lang;
use leptos::prelude::*;

/// The section: the activities the offer links to, or (none linked, or they could not be read)
/// the way to find activities near the citizen, the bridge to an association after every course.
/// It appears once the request has settled, and its own `Suspense` keeps this request from
/// suspending the offer page around it (which would re-render the page and take the focus off
/// its heading).
#[component]
pub fn ContinueAfterwards(offer_id: String, condition: Option<Condition>, lang: Lang) -> impl IntoView {
    let last_search = crate::context::last_search();
    let url = format!("{}/activities?{}", crate::query::api_offer_url(&offer_id), place_query(&last_search));
    let more = more_near_href(&last_search, condition);
    // Measured from the place of the last search (a walk's citizen read "100 km" beside an offer
    // in Aarhus after searching from Aalborg), else from the offer's own place: said which.
    let searched_from = (!place_query(&last_search).is_empty()).then(crate::context::last_origin).flatten();
    let from = match searched_from {
        Some(o) => format!("{} {}.", i18n::CONTINUE_FROM.get(lang), o.place_text(lang)),
        None => i18n::CONTINUE_FROM_OFFER.get(lang).to_owned(),
    };
    let found = LocalResource::new(move || {
        let url = url.clone();
        async move { api::get_activities(&url).await }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || { let (more, from) = (more.clone(), from.clone()); Suspend::new(async move {
                let list = found.await.ok().filter(|list| !list.is_empty());
                let body = match list {
                    Some(list) => view! {
                        <p>{i18n::CONTINUE_INTRO.get(lang)}" "{from}</p>
                        // Back from an activity, its link comes back with the focus: the list is
                        // at the foot of a long page (a walk's citizen was put back at its top).
                        {return_to_link::bring_back(".offer-activities")}
                        <ul class="offer-activities" on:click=return_to_link::remember>{list.into_iter().map(|v| activity_item(v, lang)).collect_view()}</ul>
                        <p><a href=more>{i18n::activities::FIND_MORE.get(lang)}</a></p>
                    }.into_any(),
                    None => view! {
                        <p>{i18n::CONTINUE_NONE_LINKED.get(lang)}</p>
                        <p><a href=more>{i18n::activities::FIND_NEAR.get(lang)}</a></p>
                    }.into_any(),
                };
                view! {
                    <section class="offer__section">
                        <h2>{i18n::SECTION_CONTINUE.get(lang)}</h2>
                        {body}
                    </section>
                }
            })}}
        </Suspense>
    }
}
