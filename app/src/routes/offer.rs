//! The offer page at `/tilbud/:id`: its facts are `offer_sections` (shared with the admin
//! editor's preview), around them saving, joining, printing and reporting.

use super::clinician::offer_actions;
use crate::api;
use crate::context::{last_search, use_lang};
use crate::{dom, format, i18n};
use forebyg_shared::offer::{Enrolment, Offer};
use forebyg_shared::Lang;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn OfferPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let offer = LocalResource::new(move || {
        let id = id.get();
        async move { api::get_offer(&id).await }
    });

    let h1 = NodeRef::<H1>::new();
    // Back from an activity of "Fortsæt bagefter", its link comes back with the focus instead.
    crate::components::return_to_link::focus_heading_unless_returning(h1);
    Effect::new(move |_| {
        let title = match offer.get() {
            None => i18n::OFFER_LOADING.get(lang).to_owned(),
            Some(Ok(o)) => o.title,
            Some(Err(e)) if e.is_not_found() => i18n::OFFER_NOT_FOUND.get(lang).to_owned(),
            Some(Err(_)) => i18n::OFFER_ERROR.get(lang).to_owned(),
        };
        dom::set_title(lang, &title);
    });

    // Opened from the clinician search, the way back goes there, and the clinician's actions
    // come first.
    let clinic = use_query_map().with_untracked(offer_actions::from_clinic);
    let back_href = if clinic { offer_actions::back_href() } else { last_search() };

    view! {
        <p class="back-link">
            <a href=back_href><span aria-hidden="true">"← "</span>{i18n::BACK_TO_SEARCH.get(lang)}</a>
        </p>
        <Suspense fallback=move || view! { <p class="status status--loading" role="status">{i18n::OFFER_LOADING.get(lang)}</p> }>
            {move || Suspend::new(async move {
                match offer.await {
                    Ok(o) => view! { <OfferDetails offer=o lang=lang h1=h1 clinic=clinic /> }.into_any(),
                    Err(e) if e.is_not_found() => view! {
                        <h1 tabindex="-1" node_ref=h1>{i18n::OFFER_NOT_FOUND.get(lang)}</h1>
                        <p>{i18n::OFFER_NOT_FOUND_TEXT.get(lang)}</p>
                        <p><a href="/">{i18n::GO_TO_SEARCH.get(lang)}</a></p>
                    }
                    .into_any(),
                    Err(e) => view! {
                        <h1 tabindex="-1" node_ref=h1>{i18n::OFFER_ERROR.get(lang)}</h1>
                        <p class="status status--error">{e.message(lang)}</p>
                        <button class="button button--secondary" type="button" on:click=move |_| offer.refetch()>{i18n::RETRY.get(lang)}</button>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OfferDetails(offer: Offer, lang: Lang, h1: NodeRef<H1>, clinic: bool) -> impl IntoView {
    let o = offer;
    let t = |x: i18n::Text| x.get(lang);
    let dl = i18n::data_lang(lang);
    let rest = o.clone();

    view! {
        <article class="offer" class:offer--demo=o.demo>
            // The first screen up to the summary is also app/index.html's `offer-first-screen`,
            // which app/js/first-screen.js shows before the app has loaded: keep the two the same.
            <h1 tabindex="-1" node_ref=h1 lang=dl>{o.title.clone()}</h1>
            {o.demo.then(|| view! {
                <div class="notice notice--demo">
                    <p class="notice__title"><span aria-hidden="true" class="badge__icon">"!"</span><strong>{t(i18n::DEMO_NOTICE_TITLE)}</strong></p>
                    <p>{t(i18n::DEMO_NOTICE)}</p>
                </div>
            })}
            <p class="lead" lang=dl>{o.summary.clone()}</p>
            {key_facts(&o, lang)}
            <p class="no-print"><crate::components::save_toggle::SaveToggle id=o.id.clone() title=o.title.clone() lang=lang /></p>
            // A closed (archived) offer takes no referrals; its JoinBox says so.
            {(clinic && !o.is_archived()).then(|| view! { <offer_actions::ClinicianActions offer=o.clone() lang=lang /> })}
            <crate::components::join_box::JoinBox offer=o.clone() lang=lang />
            {crate::dom::after_this_task(move || view! { <OfferBelowFirstScreen offer=rest lang=lang /> })}
        </article>
    }
}

/// What one wants to know before asking to join, on the first screen (the sections below say it
/// all, a phone's screen further down): when it starts, whether there is room, where, the price,
/// and who may join when the offer limits it (age, illness, residence).
fn key_facts(o: &Offer, lang: Lang) -> impl IntoView {
    use crate::components::badges::CapacityBadge;
    let start = i18n::start_label(o.schedule.next_start.as_deref(), o.schedule.enrolment == Enrolment::Continuous, lang);
    let place = match &o.location {
        Some(l) => l.city.clone(),
        None => i18n::DIGITAL.get(lang).to_owned(),
    };
    // Only a limit (a note alone would read "Tilbuddet har ingen krav …" here).
    let limited = o.eligibility.limits_age_or_illness() || o.eligibility.residence.is_some();
    let who = limited.then(|| {
        let text = o.eligibility.who_for(&o.area()).get(lang).to_owned();
        view! { <div class="facts__wide"><dt>{i18n::WHO_MAY_JOIN.get(lang)}</dt><dd>{text}</dd></div> }
    });
    // Closed: no start or places to speak of (the notice below says it is closed).
    let open = !o.is_archived();
    let capacity = o.capacity;
    view! {
        <dl class="facts offer__key-facts">
            {open.then(|| view! {
                <div><dt>{i18n::START.get(lang)}</dt><dd>{start}</dd></div>
                <div class="facts__plain"><dt>{i18n::PLACES.get(lang)}</dt><dd><CapacityBadge capacity=capacity lang=lang /></dd></div>
            })}
            <div><dt>{i18n::PLACE.get(lang)}</dt><dd>{place}</dd></div>
            <div><dt>{i18n::SECTION_PRICE.get(lang)}</dt><dd>{format::price(o.cost.dkk, lang)}</dd></div>
            {who}
        </dl>
    }
}

/// The page below its first screen (the facts, print, share and report, what comes after), drawn
/// after it ([`crate::dom::after_this_task`]). What comes after is last: it arrives with its own
/// request, and arriving above the tools it would push them away from someone who just jumped
/// to them ("Udskriv eller del siden").
#[component]
fn OfferBelowFirstScreen(offer: Offer, lang: Lang) -> impl IntoView {
    let o = offer;
    let t = |x: i18n::Text| x.get(lang);
    view! {
        {super::offer_sections::offer_sections(&o, lang)}
        <p class="verified">{t(i18n::LAST_VERIFIED)}": "{format::date(&o.last_verified, lang)}</p>
        {crate::components::offer_qr::offer_qr(&o.id)}
        <PageTools lang=lang />
        // The API takes reports on published offers only: an archived one is for its people's facts.
        {(!o.is_archived()).then(|| view! { <ReportForm offer_id=o.id.clone() lang=lang /> })}
        <super::offer_activities::ContinueAfterwards offer_id=o.id.clone() condition=crate::activity_query::condition_for(&crate::context::last_search(), &o.conditions) lang=lang />
    }
}

/// Print and share ("Del link": the share sheet where there is one, else the clipboard).
#[component]
fn PageTools(lang: Lang) -> impl IntoView {
    use crate::components::join_box::TOOLS_HEADING_ID;
    use js_sys::Reflect;
    use wasm_bindgen::{JsCast, JsValue};
    let t = move |x: i18n::Text| x.get(lang);
    let shared = RwSignal::new(None::<&'static str>);
    let share = move |_| {
        let get = |o: &JsValue, k: &str| Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
        let url = window().location().href().unwrap_or_default();
        let nav = get(window().as_ref(), "navigator");
        if let Some(f) = get(&nav, "share").dyn_ref::<js_sys::Function>() {
            let data = js_sys::Object::new();
            let _ = Reflect::set(&data, &"url".into(), &JsValue::from_str(&url));
            let _ = Reflect::set(&data, &"title".into(), &JsValue::from_str(&document().title()));
            let _ = f.call1(&nav, &data);
            return;
        }
        let clip = get(&nav, "clipboard");
        match get(&clip, "writeText").dyn_ref::<js_sys::Function>().map(|f| f.call1(&clip, &JsValue::from_str(&url))) {
            Some(Ok(p)) => {
                if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
                    leptos::task::spawn_local(async move {
                        let ok = wasm_bindgen_futures::JsFuture::from(p).await.is_ok();
                        shared.set(Some(if ok { i18n::LINK_COPIED.get(lang) } else { i18n::SHARE_FAILED.get(lang) }));
                    });
                }
            }
            _ => shared.set(Some(i18n::SHARE_FAILED.get(lang))),
        }
    };
    view! {
        <section class="page-tools no-print" aria-labelledby=TOOLS_HEADING_ID>
            <h2 id=TOOLS_HEADING_ID tabindex="-1">{t(i18n::PAGE_TOOLS)}</h2>
            <div class="button-row">
                <button class="button button--secondary" type="button" on:click=|_| { let _ = window().print(); }>{t(i18n::PRINT)}</button>
                <button class="button button--secondary" type="button" on:click=share>{t(i18n::SHARE)}</button>
            </div>
            <p role="status">{move || shared.get()}</p>
        </section>
    }
}

/// "Meld fejl i oplysningerne": a small form to the responsible region.
#[component]
fn ReportForm(offer_id: String, lang: Lang) -> impl IntoView {
    use crate::components::error_summary::ErrorSummary;
    use crate::components::field::TextField;
    use forebyg_shared::report::{ReportRequest, ReportTopic};
    use forebyg_shared::validation::FieldError;
    let t = move |x: i18n::Text| x.get(lang);
    let topic = RwSignal::new(ReportTopic::Address);
    let message = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let done = RwSignal::new(None::<&'static str>);
    let sending = RwSignal::new(false);
    let id = StoredValue::new(offer_id);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let req = ReportRequest { topic: topic.get_untracked(), message: message.get_untracked().trim().to_owned(), website: None };
        let es = req.validate();
        if !es.is_empty() {
            errors.set(es);
            request_animation_frame(|| crate::dom::focus_id("report-errors"));
            return;
        }
        errors.set(vec![]);
        sending.set(true);
        let id = id.get_value();
        leptos::task::spawn_local(async move {
            let r = api::report(&id, &req).await;
            sending.set(false);
            match r {
                Ok(_) => {
                    message.set(String::new());
                    done.set(Some(i18n::REPORT_THANKS.get(lang)));
                }
                Err(e) if !e.field_errors().is_empty() => errors.set(e.field_errors().to_vec()),
                Err(e) => done.set(Some(e.message(lang))),
            }
        });
    };
    let message_error = Signal::derive(move || errors.with(|es| es.iter().find(|e| e.field == "message").map(|e| e.message.get(lang).to_owned())));
    let topics = ReportTopic::ALL
        .iter()
        .map(|&c| view! { <option value=c.code() prop:selected=move || topic.get() == c>{c.label(lang)}</option> })
        .collect_view();
    view! {
        <details class="report no-print">
            <summary>{t(i18n::REPORT_SUMMARY)}</summary>
            <p>{t(i18n::REPORT_INTRO)}</p>
            {move || { let es = errors.get(); (!es.is_empty()).then(|| view! { <ErrorSummary errors=es lang=lang id="report-errors" /> }) }}
            <form class="form" novalidate on:submit=on_submit aria-label=t(i18n::REPORT_SUMMARY)>
                <div class="field">
                    <label class="field__label" for="topic">{t(i18n::REPORT_TOPIC)}</label>
                    <select class="select" id="topic" name="topic" on:change=move |ev| {
                        if let Some(c) = ReportTopic::from_code(&event_target_value(&ev)) { topic.set(c); }
                    }>{topics}</select>
                </div>
                <TextField id="message" label=t(i18n::REPORT_MESSAGE) hint=t(i18n::REPORT_MESSAGE_HINT) kind="textarea" value=message error=message_error lang=lang />
                <button class="button button--secondary" type="submit" prop:disabled=move || sending.get()>{t(i18n::REPORT_SEND)}</button>
            </form>
            <p role="status">{move || done.get()}</p>
        </details>
    }
}
