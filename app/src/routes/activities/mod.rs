//! The association activity pages: `/aktiviteter` (activities near a place, by condition),
//! `/aktiviteter/:id` (one activity) and `/tilbud/:offer/fortsaet` (the participant's
//! next-step sheet after a course). One lazy route serves the three paths, so they share one
//! chunk and one type in the main module's router (each route type adds code there).

mod detail;
pub mod item;
mod next_step;
mod search;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ActivitiesPage() -> impl IntoView {
    let params = use_params_map();
    let page = Memo::new(move |_| params.with(|p| (p.get("id"), p.get("offer"))));
    move || match page.get() {
        (_, Some(offer)) => view! { <next_step::NextStepSheet offer_id=offer /> }.into_any(),
        (Some(id), None) => view! { <detail::ActivityPage id=id /> }.into_any(),
        (None, None) => view! { <search::ActivitySearchPage /> }.into_any(),
    }
}
