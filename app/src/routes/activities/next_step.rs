//! `/tilbud/:id/fortsaet?lang=da|en`: the participant's next-step sheet, offered to the admin
//! when a referral is marked completed. Printable, in its own language (independent of the
//! UI's), with the association activities the offer links to and, where it links to fewer than
//! three, the nearest others that suit the offer's conditions (nearest to the offer's postcode
//! first), how to reach each, and the activity search for the same place and condition. It
//! holds no personal data: the same sheet serves every participant of the offer.

use crate::activity_query::{near_offer, sheet_lang, with_nearest, ActivityQuery, SEARCH_PATH, SHEET_MIN};
use crate::api::{self, ApiError};
use crate::components::facts::contact_facts;
use crate::context::use_lang;
use crate::i18n::activities as t;
use crate::{dom, format, i18n, query};
use forebyg_shared::activity::{ActivitySearchResponse, ActivityView};
use forebyg_shared::offer::Offer;
use forebyg_shared::Lang;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// What the sheet shows: the offer (archived ones too: the API serves them to the people they
/// had; none if it cannot be read), the activities it links to (the API serves them for an archived offer too; an unknown
/// id is not found), filled up with the nearest ones that suit it (a failed search adds none),
/// and the activity search near its place for its condition.
async fn load(id: String) -> Result<(Option<Offer>, Vec<ActivityView>, ActivityQuery), ApiError> {
    let offer = api::get_offer(&id).await.ok();
    let near = offer.as_ref().map(near_offer).unwrap_or_default();
    // Measured from the offer's own place, as its page does without a search (a walk read 2,4 km
    // there and 3,4 km here, from its postcode's middle).
    let linked = api::get_activities(&format!("{}/activities", query::api_offer_url(&id))).await?;
    let conditions = offer.as_ref().map(|o| o.conditions.clone()).unwrap_or_default();
    // One condition: the API keeps those that suit it; several: `with_nearest` does.
    let search = ActivityQuery { condition: near.condition.filter(|_| conditions.len() == 1), ..near.clone() };
    let from_offer = offer.as_ref().and_then(Offer::point).map(|p| (p, search.condition));
    let nearby_url = match from_offer {
        Some((p, condition)) => Some(format!(
            "/api/v1/activities?lat={}&lon={}{}",
            p.lat,
            p.lon,
            condition.map(|c| format!("&condition={}", c.code())).unwrap_or_default()
        )),
        None => search.api_url(),
    };
    let nearby = match nearby_url.filter(|_| linked.len() < SHEET_MIN) {
        Some(url) => api::get_json::<ActivitySearchResponse>(&url).await.map(|r| r.results).unwrap_or_default(),
        None => vec![],
    };
    Ok((offer, with_nearest(linked, nearby, &conditions), near))
}

#[component]
pub fn NextStepSheet(offer_id: String) -> impl IntoView {
    let ui = use_lang();
    let params = use_query_map();
    let lang = Memo::new(move |_| params.with(|p| sheet_lang(p.get("lang").as_deref(), ui)));
    let h1 = NodeRef::<H1>::new();
    dom::focus_heading_on_arrival(h1);
    Effect::new(move |_| dom::set_title(ui, t::SHEET_H1.get(lang.get())));
    let found = LocalResource::new(move || load(offer_id.clone()));
    let switch = move |to: Lang, label: &'static str| {
        view! { <a href=move || format!("?lang={}", to.code()) hreflang=to.code() lang=to.code() aria-current=move || (lang.get() == to).then_some("true")>{label}</a> }
    };
    view! {
        <div class="no-print">
            <p>{move || t::SHEET_LANGUAGE.get(ui)}": "{switch(Lang::Da, "Dansk")}" · "{switch(Lang::En, "English")}</p>
            <p><button class="button" type="button" on:click=|_| { let _ = window().print(); }>{t::PRINT.get(ui)}</button></p>
        </div>
        <article class="offer next-step" lang=move || lang.get().code()>
            <h1 tabindex="-1" node_ref=h1>{move || t::SHEET_H1.get(lang.get())}</h1>
            <Suspense fallback=move || view! { <p class="status status--loading" role="status">{t::LOADING.get(ui)}</p> }>
                {move || Suspend::new(async move {
                    let lang = lang.get();
                    match found.await {
                        Ok((offer, activities, near)) => sheet(offer, activities, near.href(), lang).into_any(),
                        Err(e) if e.is_not_found() => view! {
                            <p>{i18n::OFFER_NOT_FOUND_TEXT.get(lang)}</p>
                            <p><a href=SEARCH_PATH>{t::FOOTER_LINK.get(lang)}</a></p>
                        }
                        .into_any(),
                        Err(e) => view! {
                            <p class="status status--error">{e.message(lang)}</p>
                            <button class="button button--secondary" type="button" on:click=move |_| found.refetch()>{i18n::RETRY.get(lang)}</button>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
        </article>
    }
}

/// The lead, a promise of activities only where some follow, the activities, and the search for
/// more (`more`: its path, shown whole so it can be typed from paper).
fn sheet(offer: Option<Offer>, activities: Vec<ActivityView>, more: String, lang: Lang) -> impl IntoView {
    let lead = match offer {
        // The title is Danish inside a sentence in the UI language (WCAG 3.1.2).
        Some(o) => view! { {t::SHEET_COMPLETED.get(lang)}" "<span lang=i18n::data_lang(lang)>{o.title}</span>"." }.into_any(),
        None => t::SHEET_ENDED.get(lang).into_any(),
    };
    let origin = window().location().origin().unwrap_or_default();
    let (here, list) = if activities.is_empty() {
        (t::SHEET_NONE, ().into_any())
    } else {
        (t::SHEET_HERE, activities.into_iter().map(|v| activity(v, lang)).collect_view().into_any())
    };
    view! {
        <p class="lead">{lead}</p>
        <p>{t::SHEET_KEEP_UP.get(lang)}" "{here.get(lang)}</p>
        {list}
        <p>{t::SHEET_MORE.get(lang)}" "<a class="next-step__more" href=more.clone()>{format!("{origin}{more}")}</a></p>
    }
}

fn activity(v: ActivityView, lang: Lang) -> impl IntoView {
    let a = v.activity;
    let slots = format::week(&a.schedule.slots, lang).join(", ");
    let distance = v.distance_km.map(|d| format!(" · {}", format::distance(d, lang)));
    let dl = i18n::data_lang(lang);
    view! {
        <section class="offer__section">
            <h2 lang=dl>{a.name}</h2>
            <p><strong lang=dl>{v.association_name}</strong>{distance}</p>
            <p lang=dl>{a.description}</p>
            <p>
                {format!("{}, {} {}", a.place.address, a.place.postcode, a.place.city)}<br />{slots}" · "{format::price(a.price.dkk, lang)}
                // "pr. halvår": the association's own words, as the activity page shows them.
                {a.price.note.map(|n| view! { " ("<span lang=dl>{n}</span>")" })}
            </p>
            {a.free_trial.then(|| view! { <p>{i18n::FREE_TRIAL.get(lang)}</p> })}
            {contact_facts(a.contact, lang)}
        </section>
    }
}
