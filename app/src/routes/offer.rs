//! The offer page at `/tilbud/:id`.

use crate::api;
use crate::components::badges::CapacityBadge;
use crate::components::facts::{contact_facts, paragraphs, row};
use crate::context::{last_search, use_lang};
use crate::{dom, format, i18n};
use forebyg_shared::offer::{Enrolment, Offer};
use forebyg_shared::taxonomy::Format;
use forebyg_shared::Lang;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

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
    dom::focus_heading_on_arrival(h1);
    Effect::new(move |_| {
        let title = match offer.get() {
            None => i18n::OFFER_LOADING.get(lang).to_owned(),
            Some(Ok(o)) => o.title,
            Some(Err(e)) if e.is_not_found() => i18n::OFFER_NOT_FOUND.get(lang).to_owned(),
            Some(Err(_)) => i18n::OFFER_ERROR.get(lang).to_owned(),
        };
        dom::set_title(lang, &title);
    });

    let back_href = last_search();

    view! {
        <p class="back-link">
            <a href=back_href><span aria-hidden="true">"← "</span>{i18n::BACK_TO_SEARCH.get(lang)}</a>
        </p>
        <Suspense fallback=move || view! { <p class="status status--loading" role="status">{i18n::OFFER_LOADING.get(lang)}</p> }>
            {move || Suspend::new(async move {
                match offer.await {
                    Ok(o) => view! { <OfferDetails offer=o lang=lang h1=h1 /> }.into_any(),
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
fn OfferDetails(offer: Offer, lang: Lang, h1: NodeRef<H1>) -> impl IntoView {
    let o = offer;
    let t = |x: i18n::Text| x.get(lang);

    let who = {
        let conditions: Vec<&str> = o.conditions.iter().map(|c| c.label(lang)).collect();
        let pakke = (!o.packages.is_empty()).then(|| view! { <super::offer_packages::OfferPackages deliveries=o.packages.clone() lang=lang /> });
        let e = &o.eligibility;
        let note =
            |label: &Option<forebyg_shared::Label>, lead: i18n::Text| label.as_ref().map(|n| view! { <p>{t(lead)}" "{n.get(lang).to_owned()}</p> });
        view! {
            <p class="who-for">{e.who_for(&o.area()).get(lang).to_owned()}</p>
            {note(&e.inclusion_note, i18n::INCLUSION_NOTE)}
            {note(&e.exclusion_note, i18n::EXCLUSION_NOTE)}
            {if conditions.is_empty() {
                view! { <p>{t(i18n::CONDITIONS_NONE)}</p> }.into_any()
            } else {
                view! {
                    <p>{t(i18n::CONDITIONS_FOR)}</p>
                    <ul>{conditions.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                }
                .into_any()
            }}
            {pakke}
        }
    };

    let what = {
        let enrolment = match o.schedule.enrolment {
            Enrolment::Continuous => t(i18n::ENROLMENT_CONTINUOUS).to_owned(),
            Enrolment::Course { sessions, weeks } => i18n::course(lang, sessions, weeks),
        };
        let next_start = o.schedule.next_start.as_deref().map(|d| row(t(i18n::NEXT_START), format::date(d, lang)));
        let slots = if o.schedule.slots.is_empty() {
            t(i18n::NO_FIXED_TIMES).into_any()
        } else {
            view! { <ul class="plain">{o.schedule.slots.iter().map(|s| view! { <li>{format::slot(s, lang)}</li> }).collect_view()}</ul> }.into_any()
        };
        let languages = (!o.languages.is_empty()).then(|| row(t(i18n::LANGUAGES), format::languages(&o.languages, lang)));
        view! {
            <p>{enrolment}</p>
            <dl class="facts facts--stacked">
                {next_start}
                {row(t(i18n::WHEN), slots)}
                {languages}
            </dl>
        }
    };

    let where_ = {
        let place = o.location.clone().map(|l| {
            let directions = format!(
                "https://www.openstreetmap.org/directions?to={}%2C{}",
                forebyg_shared::decimal::format(l.point.lat, 5),
                forebyg_shared::decimal::format(l.point.lon, 5)
            );
            view! {
                <p class="no-print"><a href=directions rel="noopener" target="_blank">{t(i18n::DIRECTIONS)}</a></p>
                <p class="address">
                    <strong>{l.name}</strong><br />
                    {l.address}<br />
                    {format!("{} {}", l.postcode, l.city)}
                </p>
            }
        });
        let digital = match o.format {
            Format::Digital => Some(view! { <p><strong>{t(i18n::DIGITAL_OFFER)}</strong>". "{t(i18n::DIGITAL_OFFER_TEXT)}</p> }.into_any()),
            Format::Hybrid => Some(view! { <p>{t(i18n::HYBRID_TEXT)}</p> }.into_any()),
            Format::OnSite => None,
        };
        let access = o.accessibility.clone().map(|a| view! { <p><strong>{t(i18n::ACCESSIBILITY)}": "</strong>{a}</p> });
        view! { {place} {digital} {access} }
    };

    let join = {
        let r = &o.referral;
        let mut from: Vec<&str> = vec![];
        if r.from_gp {
            from.push(t(i18n::REFERRAL_GP));
        }
        if r.from_hospital {
            from.push(t(i18n::REFERRAL_HOSPITAL));
        }
        if r.from_municipality {
            from.push(t(i18n::REFERRAL_MUNICIPALITY));
        }
        let self_ref = if r.self_referral { t(i18n::SELF_REFERRAL_YES) } else { t(i18n::SELF_REFERRAL_NO) };
        let referral = (!from.is_empty()).then(|| view! { <p>{t(i18n::REFERRAL_FROM)}" "{format::list(&from, lang)}"."</p> });
        let note = r.note.clone().map(|n| view! { <p>{n}</p> });
        view! { <p>{self_ref}</p> {referral} {note} }
    };

    let price = {
        let note = o.cost.note.clone().map(|n| view! { <p>{n}</p> });
        view! { <p class="price">{format::price(o.cost.dkk, lang)}</p> {note} }
    };

    let contact = contact_facts(o.contact.clone(), lang);

    let provider = view! {
        <dl class="facts facts--stacked">
            {row(t(i18n::PROVIDER), o.provider.name.clone())}
            {row(t(i18n::PROVIDER_KIND), o.provider.kind.label(lang))}
            {row(t(i18n::REGION), o.region.label(lang))}
        </dl>
    };

    view! {
        <article class="offer" class:offer--demo=o.demo>
            <h1 tabindex="-1" node_ref=h1>{o.title.clone()}</h1>
            <p class="no-print"><crate::components::save_toggle::SaveToggle id=o.id.clone() title=o.title.clone() lang=lang /></p>
            {o.demo.then(|| view! {
                <div class="notice notice--demo">
                    <p class="notice__title"><span aria-hidden="true" class="badge__icon">"!"</span><strong>{t(i18n::DEMO_NOTICE_TITLE)}</strong></p>
                    <p>{t(i18n::DEMO_NOTICE)}</p>
                </div>
            })}
            <p class="lead">{o.summary.clone()}</p>
            <crate::components::join_box::JoinBox offer=o.clone() lang=lang />
            <ul class="tags tags--offer">
                <li class="tag">{o.category.label(lang)}</li>
                <li class="tag">{o.format.label(lang)}</li>
                <li class="tag"><CapacityBadge capacity=o.capacity lang=lang /></li>
            </ul>
            <section class="offer__section">
                <h2>{t(i18n::ABOUT_OFFER)}</h2>
                {paragraphs(&o.description)}
            </section>
            <section class="offer__section"><h2>{t(i18n::SECTION_WHO)}</h2>{who}</section>
            <section class="offer__section"><h2>{t(i18n::SECTION_WHAT)}</h2>{what}</section>
            <section class="offer__section"><h2>{t(i18n::SECTION_WHERE)}</h2>{where_}</section>
            <section class="offer__section"><h2>{t(i18n::SECTION_JOIN)}</h2>{join}</section>
            <section class="offer__section">
                <h2>{t(i18n::SECTION_PLACES)}</h2>
                <p><CapacityBadge capacity=o.capacity lang=lang /></p>
            </section>
            <section class="offer__section"><h2>{t(i18n::SECTION_PRICE)}</h2>{price}</section>
            <section class="offer__section"><h2>{t(i18n::SECTION_CONTACT)}</h2>{contact}</section>
            <section class="offer__section"><h2>{t(i18n::SECTION_PROVIDER)}</h2>{provider}</section>
            <super::offer_activities::ContinueAfterwards offer_id=o.id.clone() condition=o.conditions.first().copied() lang=lang />
            <p class="verified">{t(i18n::LAST_VERIFIED)}": "{format::date(&o.last_verified, lang)}</p>
            {crate::components::offer_qr::offer_qr(&o.id)}
            <PageTools lang=lang />
            <ReportForm offer_id=o.id.clone() lang=lang />
        </article>
    }
}

/// Print and share ("Del link": the share sheet where there is one, else the clipboard).
#[component]
fn PageTools(lang: Lang) -> impl IntoView {
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
        <section class="page-tools no-print" aria-labelledby="tools-h2">
            <h2 id="tools-h2">{t(i18n::PAGE_TOOLS)}</h2>
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
