//! `/aktiviteter/:id`: one association activity — what it is, who it suits, how hard, when,
//! where, what it costs and how to join (contact the association: no referral).

use crate::activity_query::SEARCH_PATH;
use crate::api;
use crate::components::facts::{contact_facts, paragraphs, row};
use crate::context::use_lang;
use crate::i18n::activities as t;
use crate::{dom, format, i18n};
use forebyg_shared::activity::ActivityView;
use forebyg_shared::Lang;
use leptos::html::H1;
use leptos::prelude::*;

#[component]
pub fn ActivityPage(id: String) -> impl IntoView {
    let lang = use_lang();
    let h1 = NodeRef::<H1>::new();
    dom::focus_heading_on_arrival(h1);
    let url = format!("/api/v1/activities/{}", crate::query::encode(&id));
    let found = LocalResource::new(move || {
        let url = url.clone();
        async move { api::get_json::<ActivityView>(&url).await }
    });
    Effect::new(move |_| {
        let title = match found.get() {
            None => t::LOADING.get(lang).to_owned(),
            Some(Ok(v)) => v.activity.name,
            Some(Err(e)) if e.is_not_found() => t::NOT_FOUND_H1.get(lang).to_owned(),
            Some(Err(_)) => t::ERROR_H1.get(lang).to_owned(),
        };
        dom::set_title(lang, &title);
    });
    view! {
        <p class="back-link"><a href=SEARCH_PATH><span aria-hidden="true">"← "</span>{t::BACK.get(lang)}</a></p>
        <Suspense fallback=move || view! { <p class="status status--loading" role="status">{t::LOADING.get(lang)}</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(v) => details(v, lang, h1).into_any(),
                    Err(e) if e.is_not_found() => view! {
                        <h1 tabindex="-1" node_ref=h1>{t::NOT_FOUND_H1.get(lang)}</h1>
                        <p>{t::NOT_FOUND_TEXT.get(lang)}</p>
                    }
                    .into_any(),
                    Err(e) => view! {
                        <h1 tabindex="-1" node_ref=h1>{t::ERROR_H1.get(lang)}</h1>
                        <p class="status status--error">{e.message(lang)}</p>
                        <button class="button button--secondary" type="button" on:click=move |_| found.refetch()>{i18n::RETRY.get(lang)}</button>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

fn details(v: ActivityView, lang: Lang, h1: NodeRef<H1>) -> impl IntoView {
    let a = v.activity;
    let dl = i18n::data_lang(lang);
    let suits = if a.conditions.is_empty() {
        t::SUITS_ALL.get(lang).to_owned()
    } else {
        format::list(&a.conditions.iter().map(|c| c.label(lang)).collect::<Vec<_>>(), lang)
    };
    let when = {
        let slots = format::week(&a.schedule.slots, lang).into_iter().map(|s| view! { <li>{s}</li> }).collect_view();
        view! { <ul class="plain">{slots}</ul>{a.schedule.note.map(|n| view! { <p lang=dl>{n}</p> })} }
    };
    let place = &a.place;
    let where_ = view! { {(!place.name.is_empty()).then(|| view! { {place.name.clone()}<br /> })}{format!("{}, {} {}", place.address, place.postcode, place.city)} };
    // The notes are the association's own (Danish) words: marked so on an English page.
    let price = view! { {format::price(a.price.dkk, lang)}{a.price.note.clone().map(|n| view! { " ("<span lang=dl>{n}</span>")" })} };
    view! {
        <article class="offer">
            <h1 tabindex="-1" node_ref=h1 lang=dl>{a.name.clone()}</h1>
            <p class="lead" lang=dl>{v.association_name.clone()}</p>
            // Said before the Danish text, as the offer page does, so it is no surprise.
            {(lang == Lang::En).then(|| view! { <p class="muted">{t::DANISH_ONLY.get(lang)}</p> })}
            <div lang=dl>{paragraphs(&a.description)}</div>
            <dl class="facts">
                {row(t::ASSOCIATION.get(lang), v.association_name)}
                {v.umbrella.map(|u| row(t::UMBRELLA.get(lang), u))}
                {row(t::SUITS.get(lang), suits)}
                {row(t::INTENSITY.get(lang), a.intensity.label(lang))}
                {row(t::WHEN.get(lang), when)}
                {row(t::WHERE.get(lang), where_)}
                {row(t::PRICE.get(lang), price)}
                {a.subsidy.map(|s| row(t::SUBSIDY.get(lang), view! { <span lang=dl>{s}</span> }))}
                {a.free_trial.then(|| row(t::TRY_IT.get(lang), i18n::FREE_TRIAL.get(lang)))}
                {a.accessibility.map(|s| row(i18n::ACCESSIBILITY.get(lang), view! { <span lang=dl>{s}</span> }))}
                {row(i18n::LAST_VERIFIED.get(lang), format::date(&a.last_verified, lang))}
            </dl>
            <section class="offer__section">
                <h2>{t::HOW_TO_JOIN.get(lang)}</h2>
                <p>{t::JOIN_TEXT.get(lang)}</p>
                {contact_facts(a.contact, lang)}
            </section>
        </article>
    }
}
