//! The self-referral form at `/tilbud/:id/tilmeld` ("Jeg vil gerne deltage").

use crate::api::{self, ApiError};
use crate::components::error_summary::{ErrorSummary, FieldErrorMessage};
use crate::components::field::TextField;
use crate::context::{last_search, use_lang};
use crate::dom::{self, Store};
use crate::{i18n, kept_form, next_steps, query};
use forebyg_shared::offer::Offer;
use forebyg_shared::problem::types;
use forebyg_shared::referral::{ContactTime, ReferralReceipt, SelfReferralRequest};
use forebyg_shared::validation::FieldError;
use forebyg_shared::Lang;
use leptos::ev::SubmitEvent;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

const SUMMARY_ID: &str = "error-summary";
/// The form's values across a reload in this tab (no consent: it is given again).
const KEPT_KEY: &str = "forebyg.signup";

crate::texts! {
    ASKED_BEFORE_H = "Du har allerede bedt om at komme med", "You have already asked to join";
    ASKED_BEFORE_AGAIN = "Send kun en ny henvendelse, hvis den er til en anden person eller med andre oplysninger.",
        "Only send a new request if it is for another person or with other details.";
}

/// The code of the request this tab last sent for an offer: the form says so before a second one
/// (a walk's citizen sent the same request twice without a word).
fn sent_key(offer_id: &str) -> String {
    format!("forebyg.signup-sent.{offer_id}")
}

/// "Din henvendelse K7QM-4XRT fra 7. december 2026 er sendt og står som Modtaget."
fn asked_before(lang: Lang, code: &str, day: &str, status: &str) -> String {
    match lang {
        Lang::Da => format!("Din henvendelse {code} fra {day} er sendt og står som {status}."),
        Lang::En => format!("Your request {code} of {day} has been sent and is {status}."),
    }
}

/// The message for a request that failed without field errors.
pub fn failure_message(e: &ApiError, lang: Lang) -> &'static str {
    match e {
        ApiError::Problem(p) if p.kind == types::OFFER_FULL => i18n::SIGNUP_FULL.get(lang),
        ApiError::Problem(p) if p.kind == types::OFFER_CLOSED => i18n::SIGNUP_CLOSED.get(lang),
        ApiError::Problem(p) if p.kind == types::SELF_REFERRAL_NOT_ALLOWED => i18n::SIGNUP_NOT_ALLOWED.get(lang),
        e if e.status() == Some(429) => i18n::RATE_LIMITED.get(lang),
        // Unpublished or removed since the form opened.
        e if e.is_not_found() => i18n::OFFER_NOT_FOUND_TEXT.get(lang),
        e => e.message(lang),
    }
}

#[component]
pub fn SignupPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let offer = LocalResource::new(move || {
        let id = id.get();
        async move { api::get_offer(&id).await }
    });
    let h1 = NodeRef::<H1>::new();
    dom::focus_heading_on_arrival(h1);
    dom::set_title(lang, i18n::SIGNUP_H1.get(lang));

    view! {
        <p class="back-link">
            <a href=move || query::offer_href(&id.get())><span aria-hidden="true">"← "</span>{i18n::SIGNUP_BACK.get(lang)}</a>
        </p>
        <h1 tabindex="-1" node_ref=h1>{i18n::SIGNUP_H1.get(lang)}</h1>
        <Suspense fallback=move || view! { <p class="status status--loading" role="status">{i18n::OFFER_LOADING.get(lang)}</p> }>
            {move || Suspend::new(async move {
                match offer.await {
                    // A closed offer, or a full course, says so before the form (an old tab, a
                    // bookmark), as its page does.
                    Ok(o) if o.is_archived() => view! {
                        <p class="lead" lang=i18n::data_lang(lang)>{o.title.clone()}</p>
                        {crate::components::join_box::closed_notice(lang)}
                    }
                    .into_any(),
                    Ok(o) if o.referral.self_referral && o.capacity == forebyg_shared::taxonomy::Capacity::Full => view! {
                        <p class="lead" lang=i18n::data_lang(lang)>{o.title.clone()}</p>
                        <div class="notice">
                            <p class="notice__title"><strong>{next_steps::FULL_TITLE.get(lang)}</strong></p>
                            <p>{next_steps::FULL_TEXT.get(lang)}</p>
                            <p><a href=last_search()>{next_steps::FIND_OTHER.get(lang)}</a></p>
                        </div>
                    }
                    .into_any(),
                    Ok(o) if o.referral.self_referral => view! { <SignupForm offer=o lang=lang /> }.into_any(),
                    Ok(o) => view! {
                        <p class="lead" lang=i18n::data_lang(lang)>{o.title.clone()}</p>
                        <p>{i18n::SIGNUP_NOT_ALLOWED.get(lang)}</p>
                        <p><a href=query::offer_href(&o.id)>{i18n::SECTION_JOIN.get(lang)}</a></p>
                    }
                    .into_any(),
                    Err(e) if e.is_not_found() => view! {
                        <p>{i18n::OFFER_NOT_FOUND_TEXT.get(lang)}</p>
                        <p><a href="/">{i18n::GO_TO_SEARCH.get(lang)}</a></p>
                    }
                    .into_any(),
                    Err(e) => view! { <p class="status status--error">{e.message(lang)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SignupForm(offer: Offer, lang: Lang) -> impl IntoView {
    let t = move |x: i18n::Text| x.get(lang);
    let offer_id = offer.id.clone();
    // One key per form: a retry or a double submit gets the same receipt, not a second request.
    let key = StoredValue::new(dom::random_key());
    // What was typed before the page reloaded (the language switch) for this offer, if anything.
    let kept = kept_form::take(KEPT_KEY).and_then(|k| kept_form::decode(&k, 6)).filter(|v| v[0] == offer_id).unwrap_or_default();
    let kept_value = |i: usize| kept.get(i).cloned().unwrap_or_default();
    let name = RwSignal::new(kept_value(1));
    let phone = RwSignal::new(kept_value(2));
    let email = RwSignal::new(kept_value(3));
    let contact_time = RwSignal::new(ContactTime::from_code(&kept_value(4)).unwrap_or(ContactTime::Any));
    let message = RwSignal::new(kept_value(5));
    let consent = RwSignal::new(false);
    let website = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // The message, and whether the offer is gone (then a way back to the search).
    let failure = RwSignal::new(None::<(&'static str, bool)>);
    let sending = RwSignal::new(false);

    {
        let id = offer_id.clone();
        // Sent (`sending` stays set once the receipt opens): nothing is kept for a second request.
        kept_form::keep_while_open(KEPT_KEY, move || {
            let values = [name, phone, email, message].map(|s| s.get());
            (values.iter().any(|v| !v.trim().is_empty()) && !sending.get()).then(|| {
                let [n, p, e, m] = &values;
                kept_form::encode(&[&id, n, p, e, contact_time.get().code(), m])
            })
        });
    }

    let request = move || {
        let opt = |s: String| {
            let s = s.trim().to_owned();
            (!s.is_empty()).then_some(s)
        };
        SelfReferralRequest {
            idempotency_key: key.get_value(),
            name: name.get_untracked().trim().to_owned(),
            phone: opt(phone.get_untracked()),
            email: opt(email.get_untracked()),
            contact_time: Some(contact_time.get_untracked()),
            message: opt(message.get_untracked()),
            consent: consent.get_untracked(),
            website: opt(website.get_untracked()),
        }
    };

    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        failure.set(None);
        let req = request();
        let es = req.validate();
        if !es.is_empty() {
            errors.set(es);
            request_animation_frame(|| dom::focus_id(SUMMARY_ID));
            return;
        }
        errors.set(vec![]);
        sending.set(true);
        let id = offer_id.clone();
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match api::self_refer(&id, &req).await {
                Ok((receipt, json)) => {
                    dom::save(Store::Session, &query::receipt_key(&receipt.receipt_code), &json);
                    dom::save(Store::Session, &sent_key(&id), &receipt.receipt_code);
                    super::receipt::hand_over_contact(&receipt.receipt_code, &[req.phone.clone(), req.email.clone()]);
                    // Replacing the form: Back from the receipt goes to the offer, not to a fresh
                    // form (with a new key) that would send a second request.
                    let replace = leptos_router::NavigateOptions { replace: true, ..Default::default() };
                    navigate(&query::receipt_href(&receipt.receipt_code), replace);
                }
                Err(e) => {
                    sending.set(false);
                    let fe = e.field_errors().to_vec();
                    if fe.is_empty() {
                        let gone = e.is_not_found() || matches!(&e, ApiError::Problem(p) if p.kind == types::OFFER_CLOSED);
                        failure.set(Some((failure_message(&e, lang), gone)));
                        request_animation_frame(|| dom::focus_id("signup-failure"));
                    } else {
                        errors.set(fe);
                        request_animation_frame(|| dom::focus_id(SUMMARY_ID));
                    }
                }
            }
        });
    };

    let field_error = move |field: &'static str| {
        Signal::derive(move || errors.with(|es| es.iter().find(|e| e.field == field).map(|e| e.message.get(lang).to_owned())))
    };
    let consent_error = field_error("consent");
    let summary = move || {
        let es = errors.get();
        (!es.is_empty()).then(|| view! { <ErrorSummary errors=es lang=lang id=SUMMARY_ID /> })
    };
    let time_options = ContactTime::ALL
        .iter()
        .map(|&c| view! { <option value=c.code() prop:selected=move || contact_time.get() == c>{c.label(lang)}</option> })
        .collect_view();
    let waitlist = matches!(offer.capacity, forebyg_shared::taxonomy::Capacity::Waitlist);
    let residence = crate::components::residence_notice::residence_notice(&offer, lang);
    // An age or illness limit said again where one asks (the residence has its own notice).
    let e = &offer.eligibility;
    let who_for = e.limits_age_or_illness().then(|| view! { <p class="who-for">{e.who_for(&offer.area()).get(lang).to_owned()}</p> });

    // Sent from this tab before and still open (its receipt is kept here, refreshed by /status).
    let earlier = dom::load(Store::Session, &sent_key(&offer.id))
        .and_then(|code| dom::load_json::<ReferralReceipt>(Store::Session, &query::receipt_key(&code)))
        .filter(|r| r.status.is_open());
    let earlier = earlier.map(|r| {
        let said = asked_before(lang, &r.receipt_code, &crate::format::date(&r.created_on, lang), r.status.label(lang));
        view! {
            <div class="notice signup-earlier" role="note">
                <p class="notice__title"><strong>{t(ASKED_BEFORE_H)}</strong></p>
                <p>{said}</p>
                <p><a href=query::status_href(&r.receipt_code, None)>{t(i18n::NAV_STATUS)}</a></p>
                <p>{t(ASKED_BEFORE_AGAIN)}</p>
            </div>
        }
    });

    view! {
        <p class="lead" lang=i18n::data_lang(lang)>{offer.title.clone()}</p>
        {earlier}
        {who_for}
        {residence}
        {offer.demo.then(|| view! {
            <div class="notice notice--demo">
                <p class="notice__title"><span aria-hidden="true" class="badge__icon">"!"</span><strong>{t(i18n::DEMO_NOTICE_TITLE)}</strong></p>
                <p>{t(i18n::DEMO_NOTICE)}</p>
            </div>
        })}
        <p>{t(i18n::SIGNUP_INTRO)}</p>
        {waitlist.then(|| view! { <p>{t(i18n::NEXT_WAITLIST)}</p> })}
        {summary}
        {move || failure.get().map(|(m, gone)| view! {
            <div class="status status--error" id="signup-failure" tabindex="-1" role="alert">
                <p>{m}</p>
                {gone.then(|| view! { <p><a href="/">{t(i18n::GO_TO_SEARCH)}</a></p> })}
            </div>
        })}
        <form class="form" novalidate on:submit=on_submit aria-label=t(i18n::SIGNUP_FORM_LABEL)>
            <TextField id="name" label=t(i18n::NAME_LABEL) autocomplete="name" value=name error=field_error("name") lang=lang />
            <fieldset class="field field--group" aria-describedby="contact-hint">
                <legend class="field__label">{t(i18n::CONTACT_LEGEND)}</legend>
                <p class="hint" id="contact-hint">{t(i18n::CONTACT_HINT)}</p>
                <TextField id="phone" label=t(i18n::PHONE_LABEL) hint=t(i18n::PHONE_HINT) kind="tel" autocomplete="tel" value=phone error=field_error("phone") lang=lang />
                <TextField id="email" label=t(i18n::EMAIL_LABEL) kind="email" autocomplete="email" value=email error=field_error("email") lang=lang />
            </fieldset>
            <div class="field">
                <label class="field__label" for="contact_time">{t(i18n::CONTACT_TIME_LABEL)}</label>
                <select class="select" id="contact_time" name="contact_time" on:change=move |ev| {
                    if let Some(c) = ContactTime::from_code(&event_target_value(&ev)) {
                        contact_time.set(c);
                    }
                }>{time_options}</select>
            </div>
            <TextField id="message" label=t(i18n::MESSAGE_LABEL) hint=t(i18n::MESSAGE_HINT) kind="textarea" value=message error=field_error("message") lang=lang />
            // Honeypot: hidden from people and assistive technology; bots fill it in.
            <div class="honeypot" aria-hidden="true">
                <label for="website">{t(i18n::WEBSITE_LABEL)}</label>
                <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"
                    prop:value=move || website.get() on:input=move |ev| website.set(event_target_value(&ev)) />
            </div>
            <section class="consent" aria-labelledby="consent-title">
                <h2 id="consent-title">{t(i18n::CONSENT_TITLE)}</h2>
                <ul id="consent-text">
                    <li>{t(i18n::CONSENT_WHO)}</li>
                    <li>{t(i18n::CONSENT_HOW_LONG)}</li>
                    <li>{t(i18n::CONSENT_NO_CPR)}</li>
                </ul>
                <div class="field" class:field--error=move || consent_error.with(Option::is_some)>
                    {move || consent_error.get().map(|m| view! { <FieldErrorMessage id="consent-error".to_owned() message=m lang=lang /> })}
                    <div class="choice">
                        <input type="checkbox" class="choice__input" id="consent" name="consent"
                            aria-describedby=move || if consent_error.with(Option::is_some) { "consent-text consent-error" } else { "consent-text" }
                            aria-invalid=move || consent_error.with(Option::is_some).then_some("true")
                            prop:checked=move || consent.get()
                            on:change=move |ev| consent.set(event_target_checked(&ev)) />
                        <label class="choice__label" for="consent">{t(i18n::CONSENT_LABEL)}</label>
                    </div>
                </div>
            </section>
            <button class="button" type="submit" prop:disabled=move || sending.get() aria-disabled=move || sending.get().then_some("true")>
                {move || if sending.get() { t(i18n::SENDING) } else { t(i18n::SEND) }}
            </button>
        </form>
    }
}
