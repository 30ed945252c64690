//! "Fortsæt bagefter" on the offer page: the association activities the offer links to, nearest
//! to the place the citizen searched from first (to the offer's own place without a search).

use crate::{api, format, i18n};
use forebyg_shared::activity::ActivityView;
use forebyg_shared::Lang;
use leptos::prelude::*;

/// The place parameters of the last search (`postcode`, or `lat` and `lon`), already URL-encoded.
fn place_query(last_search: &str) -> String {
    let query = last_search.split_once('?').map(|(_, q)| q).unwrap_or_default();
    query.split('&').filter(|p| ["postcode=", "lat=", "lon="].iter().any(|k| p.starts_with(k))).collect::<Vec<_>>().join("&")
}

fn item(v: ActivityView, lang: Lang) -> impl IntoView {
    let a = v.activity;
    let slots = a.schedule.slots.iter().map(|s| format!("{} {}–{}", s.weekday.label(lang), s.start, s.end)).collect::<Vec<_>>().join(", ");
    let price =
        if a.price.dkk == 0 { i18n::PRICE_FREE.get(lang).to_owned() } else { format!("{} kr. {}", a.price.dkk, a.price.note.unwrap_or_default()) };
    let distance = v.distance_km.map(|d| format!(" · {}", format::distance(d, lang)));
    let trial = a.free_trial.then(|| view! { <br /><span>{i18n::FREE_TRIAL.get(lang)}</span> });
    view! {
        <li class="activity">
            <strong>{a.name}</strong>" – "{v.association_name}{distance}
            <br /><span class="muted">{a.place.address}", "{a.place.postcode}" "{a.place.city}</span>
            <br /><span>{slots}" · "{price}</span>
            {trial}
        </li>
    }
}

/// The section, left out when the offer links to no active activity. Its own `Suspense` keeps
/// this request from suspending the offer page around it (which would re-render the page and
/// take the focus off its heading).
#[component]
pub fn ContinueAfterwards(offer_id: String, lang: Lang) -> impl IntoView {
    let url = format!("{}/activities?{}", crate::query::api_offer_url(&offer_id), place_query(&crate::context::last_search()));
    let found = LocalResource::new(move || {
        let url = url.clone();
        async move { api::get_activities(&url).await }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                found.await.ok().filter(|list| !list.is_empty()).map(|list| {
                    view! {
                        <section class="offer__section">
                            <h2>{i18n::SECTION_CONTINUE.get(lang)}</h2>
                            <p>{i18n::CONTINUE_INTRO.get(lang)}</p>
                            <ul>{list.into_iter().map(|v| item(v, lang)).collect_view()}</ul>
                        </section>
                    }
                })
            })}
        </Suspense>
    }
}

#[cfg(test)]
mod tests {
    use super::place_query;

    #[test]
    fn keeps_only_the_place_of_the_last_search() {
        assert_eq!(place_query("/?postcode=8000&category=alkohol&radius_km=10"), "postcode=8000");
        assert_eq!(place_query("/?lat=56.15&lon=10.2&q=ryg"), "lat=56.15&lon=10.2");
        assert_eq!(place_query("/"), "");
    }
}
