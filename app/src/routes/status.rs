//! `/status`: look a request to join up with its code and the phone number or e-mail used, and
//! withdraw it (with a confirmation step). The contact goes in a header, never in the URL. A
//! clinician's referral is called one once it is found.

use crate::api::{self, ApiError};
use crate::components::error_summary::ErrorSummary;
use crate::components::field::TextField;
use crate::context::use_lang;
use crate::next_steps::referral_words as words;
use crate::routes::receipt::ReceiptFacts;
use crate::{dom, i18n};
use forebyg_shared::problem::types;
use forebyg_shared::receipt_code;
use forebyg_shared::referral::{ReferralReceipt, ReferralStatus};
use forebyg_shared::validation::{ErrorCode, FieldError};
use leptos::ev::SubmitEvent;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

const SUMMARY_ID: &str = "error-summary";

fn required(field: &str, t: i18n::Text) -> FieldError {
    FieldError::new(field, ErrorCode::Required, t.da, t.en)
}

/// The first session's day has been (before today in Denmark): "var", and no calendar file.
fn is_past(first: &forebyg_shared::first_session::FirstSession) -> bool {
    first.on < forebyg_shared::date::copenhagen_date((js_sys::Date::now() / 1000.0) as i64)
}

#[component]
pub fn StatusPage() -> impl IntoView {
    let lang = use_lang();
    let t = move |x: i18n::Text| x.get(lang);
    let query = use_query_map();
    // The QR code on the patient's sheet opens this page in the sheet's language.
    crate::context::follow_lang_request(query.with_untracked(|q| q.get("lang")).as_deref());
    // The code typed before a reload in this tab (the language switch); never the contact.
    let kept = crate::kept_form::take("forebyg.status").unwrap_or_default();
    let code = RwSignal::new(query.with_untracked(|q| q.get("kode")).unwrap_or(kept));
    crate::kept_form::keep_while_open("forebyg.status", move || code.with(|c| (!c.trim().is_empty()).then(|| c.clone())));
    let contact = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let receipt = RwSignal::new(None::<ReferralReceipt>);
    // The last request found was a clinician's referral (kept while the next lookup runs).
    let referral = RwSignal::new(false);
    let w = move |x: i18n::Text| words(x.get(lang), referral.get());
    let confirming = RwSignal::new(false);
    let h1 = NodeRef::<H1>::new();
    dom::focus_heading_on_arrival(h1);
    Effect::new(move |_| dom::set_title(lang, &w(i18n::STATUS_H1)));

    let fail = move |e: ApiError| {
        failure.set(Some(match &e {
            e if e.is_not_found() => i18n::LOOKUP_NOT_FOUND.get(lang),
            ApiError::Problem(p) if p.kind == types::REFERRAL_CLOSED => i18n::WITHDRAW_CLOSED.get(lang),
            e if e.status() == Some(429) => i18n::RATE_LIMITED.get(lang),
            e => e.message(lang),
        }));
        request_animation_frame(|| dom::focus_id("status-failure"));
    };

    let run = move |withdraw: bool| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failure.set(None);
        let (c, k) = (code.get_untracked(), contact.get_untracked());
        leptos::task::spawn_local(async move {
            let r = api::referral(&c, &k, withdraw).await;
            busy.set(false);
            confirming.set(false);
            match r {
                Ok(r) => {
                    super::receipt::refresh_kept(&r);
                    referral.set(r.clinician_referral);
                    receipt.set(Some(r));
                    request_animation_frame(|| dom::focus_id("status-result"));
                }
                Err(e) => fail(e),
            }
        });
    };

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut es = vec![];
        if code.with_untracked(|c| c.trim().is_empty()) {
            es.push(required("code", i18n::CODE_REQUIRED));
        } else if !code.with_untracked(|c| receipt_code::is_well_formed(c)) {
            // Not a code at all: said so, not "no request with that code and contact".
            let t = i18n::CODE_MALFORMED;
            es.push(FieldError::new("code", ErrorCode::Invalid, t.da, t.en));
        }
        if contact.with_untracked(|c| c.trim().is_empty()) {
            es.push(required("contact", i18n::LOOKUP_CONTACT_REQUIRED));
        }
        receipt.set(None);
        failure.set(None);
        if !es.is_empty() {
            errors.set(es);
            request_animation_frame(|| dom::focus_id(SUMMARY_ID));
            return;
        }
        errors.set(vec![]);
        run(false);
    };

    let field_error = move |field: &'static str| {
        Signal::derive(move || errors.with(|es| es.iter().find(|e| e.field == field).map(|e| e.message.get(lang).to_owned())))
    };
    let summary = move || {
        let es = errors.get();
        (!es.is_empty()).then(|| view! { <ErrorSummary errors=es lang=lang id=SUMMARY_ID /> })
    };

    let result = move || {
        receipt.get().map(|r| {
            let open = r.status.is_open();
            let withdrawn = r.status == ReferralStatus::Withdrawn;
            view! {
                <section class="status-result" aria-labelledby="status-result">
                    <h2 id="status-result" tabindex="-1">{t(i18n::STATUS)}": "{r.status.label(lang)}</h2>
                    {if withdrawn {
                        let text = if r.withdrawn_by_clinician { i18n::WITHDRAWN_BY_CLINICIAN } else { i18n::WITHDRAWN };
                        view! { <p>{w(text)}</p> }.into_any()
                    } else if let Some(first) = r.first_session.as_ref().filter(|_| r.status == ReferralStatus::Enrolled) {
                        let (before, after) = crate::next_steps::enrolled_starting(lang, is_past(first), first.at.is_some());
                        view! { <p id="first-session">{before}<strong>{crate::format::first_session(first, lang)}</strong>{after}</p> }.into_any()
                    } else {
                        // An enrolment undone or declined: the day agreed is off, said first.
                        let cancelled = r.cancelled_first_session.as_ref().map(|first| {
                            let (before, after) = crate::next_steps::first_session_cancelled(lang);
                            view! { <p id="first-session-cancelled"><strong>{before}{crate::format::first_session(first, lang)}{after}</strong></p> }
                        });
                        let meaning = if r.reopened && matches!(r.status, ReferralStatus::Received | ReferralStatus::Contacted) && !r.waitlist {
                            crate::next_steps::reopened(lang)
                        } else {
                            crate::next_steps::status_meaning_for(r.status, r.waitlist, lang)
                        };
                        view! { {cancelled}<p>{words(meaning, r.clinician_referral)}</p> }.into_any()
                    }}
                    {(!withdrawn).then(|| view! {
                        <super::follow_up::FollowUp offer_id=r.offer_id.clone() declined=r.status == ReferralStatus::Declined reason=r.decline_reason overdue=r.overdue
                            status=r.status waitlist=r.waitlist contact_by=r.contact_by.clone()
                            referral=r.clinician_referral lang=lang
                            first_session=r.first_session.clone().filter(|f| r.status == ReferralStatus::Enrolled && !is_past(f)).map(|f| (r.receipt_code.clone(), f)) />
                    })}
                    <ReceiptFacts receipt=r lang=lang />
                    {open.then(|| view! {
                        {move || if confirming.get() {
                            view! {
                                <div class="confirm" role="group" aria-labelledby="confirm-text">
                                    <p id="confirm-text" tabindex="-1"><strong>{move || if referral.get() { t(i18n::WITHDRAW_CONFIRM_REFERRAL).to_owned() } else { w(i18n::WITHDRAW_CONFIRM) }}</strong></p>
                                    <div class="button-row">
                                        <button id="withdraw-yes" class="button button--danger" type="button" prop:disabled=move || busy.get() on:click=move |_| run(true)>{w(i18n::WITHDRAW_YES)}</button>
                                        <button class="button button--secondary" type="button" on:click=move |_| {
                                            confirming.set(false);
                                            request_animation_frame(|| dom::focus_id("withdraw"));
                                        }>{t(i18n::WITHDRAW_NO)}</button>
                                    </div>
                                </div>
                            }
                            .into_any()
                        } else {
                            view! {
                                <button id="withdraw" class="button button--secondary" type="button" on:click=move |_| {
                                    confirming.set(true);
                                    // The question, not "Ja": a second Enter must not withdraw unread.
                                    request_animation_frame(|| dom::focus_id("confirm-text"));
                                }>{w(i18n::WITHDRAW)}</button>
                            }
                            .into_any()
                        }}
                    })}
                </section>
            }
        })
    };

    view! {
        <h1 tabindex="-1" node_ref=h1>{move || w(i18n::STATUS_H1)}</h1>
        <p class="lead">{move || w(i18n::STATUS_INTRO)}</p>
        {summary}
        <form class="form" novalidate on:submit=on_submit aria-label=move || w(i18n::STATUS_H1)>
            <TextField id="code" label=t(i18n::CODE_LABEL) hint=t(i18n::CODE_HINT) autocomplete="off" value=code error=field_error("code") lang=lang />
            <TextField id="contact" label=t(i18n::LOOKUP_CONTACT_LABEL) autocomplete="email" value=contact error=field_error("contact") lang=lang />
            <button class="button" type="submit" prop:disabled=move || busy.get()>{t(i18n::LOOKUP)}</button>
        </form>
        {move || failure.get().map(|m| view! { <p class="status status--error" id="status-failure" tabindex="-1" role="alert">{words(m, referral.get())}</p> })}
        {result}
    }
}
