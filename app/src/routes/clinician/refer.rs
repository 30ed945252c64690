//! `/klinik/henvis/:id`: a signed-in clinician refers a patient to an offer through Forebyg,
//! sending the minimum the provider needs. The same rules as the API check the form first
//! (`ClinicianReferralRequest::validate`); the idempotency key makes a double submit or a retry
//! one referral; an offer that does not take this clinician says why before anything is typed.
//! An expired sign-in keeps the form (but the CPR number) across signing in again
//! ([`super::draft`]); a refusal is said per problem type ([`crate::clinician::refusal`]).

use super::draft;
use super::refer_eligibility::{eligibility_notice, expect_notice};
use super::refer_outcome::{closed_receipt, receipt, refused};
use super::refer_state::FormState;
use super::referral_slip::ReferralSlip;
use super::search::condition_input_id;
use super::session::{self, last_search_href, SignedInBar};
use crate::api::ApiError;
use crate::clinician::account::account_key;
use crate::clinician::draft::Draft;
use crate::clinician::query::{self as cq, ClinicianQuery, REFERRALS_PATH};
use crate::clinician::refusal::referral_refused;
use crate::clinician::texts as t;
use crate::components::error_summary::{ErrorSummary, FieldErrorMessage};
use crate::components::field::TextField;
use crate::context::use_lang;
use crate::{dom, format, i18n, query};
use forebyg_shared::clinician::{ClinicianProfile, ClinicianReferral};
use forebyg_shared::offer::Offer;
use forebyg_shared::problem::types;
use forebyg_shared::referral::ContactTime;
use forebyg_shared::search::clinician::ClinicianParams;
use forebyg_shared::taxonomy::Condition;
use forebyg_shared::Lang;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

const ERROR_SUMMARY_ID: &str = "error-summary";

/// The patient of a clinician search in `href`'s query (conditions, postcode or place, age), if
/// it names one.
fn patient_in(query: &str) -> Option<ClinicianParams> {
    let pairs: Vec<(String, String)> =
        query.split('&').filter_map(|p| p.split_once('=')).map(|(k, v)| (k.to_owned(), v.replace("%2C", ","))).collect();
    let params = ClinicianQuery::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).ok()?.params;
    (!params.conditions.is_empty() || params.postcode.is_some() || params.point.is_some()).then_some(params)
}

/// The patient of this tab's last clinician search (the offer page's "Henvis" passes it on).
pub(super) fn last_patient() -> Option<ClinicianParams> {
    patient_in(last_search_href().split_once('?').map(|(_, q)| q).unwrap_or_default())
}

/// The patient the form is for: the one in its own address (put there by the search's "Henvis",
/// so a new tab and a sign-in keep it), else this tab's last search. The reason usually starts
/// with its conditions, and whether the patient may join follows from it.
fn searched_patient() -> Option<ClinicianParams> {
    patient_here().or_else(last_patient)
}

/// The patient in this page's own address.
fn patient_here() -> Option<ClinicianParams> {
    patient_in(window().location().search().unwrap_or_default().trim_start_matches('?'))
}

/// The way back to the results: the search of the patient in the form's address, else this tab's
/// last search.
fn back_to_results() -> String {
    match patient_here() {
        Some(params) => ClinicianQuery { params, selected: vec![] }.href(),
        None => last_search_href(),
    }
}

/// The id of the control a field error links to: this form's own fields.
fn control_id(field: &str) -> Option<String> {
    match field {
        "conditions" => Condition::ALL.first().map(|c| condition_input_id(*c)),
        "patient_name" | "phone" | "email" | "contact_time" | "cpr" | "reason" | "interpreter_language" | "patient_consent" => Some(field.to_owned()),
        _ => None,
    }
}

#[component]
pub fn ReferPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id").unwrap_or_default());
    let offer = {
        let id = id.clone();
        LocalResource::new(move || {
            let id = id.clone();
            async move { crate::http::get::<Offer>(&query::api_offer_url(&id), None).await }
        })
    };
    let profile = session::profile();
    let h1 = NodeRef::<H1>::new();
    dom::focus_heading_on_arrival(h1);
    Effect::new(move |_| {
        let title = match offer.get() {
            Some(Ok(o)) => t::refer_heading(lang, &o.title),
            _ => t::REFER_H1_PREFIX.get(lang).to_owned(),
        };
        dom::set_title(lang, &title);
    });

    view! {
        // The way back to the other offers before anything is sent (the form is kept as a draft
        // only across signing in again).
        <p class="back-link"><a href=back_to_results()><span aria-hidden="true">"← "</span>{t::BACK_TO_RESULTS.get(lang)}</a></p>
        <Suspense fallback=move || view! { <p class="status status--loading" role="status">{t::LOADING.get(lang)}</p> }>
            {move || Suspend::new(async move {
                let (o, p) = (offer.await, profile.await);
                match o {
                    Err(e) if e.is_not_found() => {
                        draft::discard();
                        view! { <h1 node_ref=h1 tabindex="-1">{t::REFUSED.get(lang)}</h1><p>{t::OFFER_GONE.get(lang)}</p> }.into_any()
                    }
                    Err(e) => view! { <h1 node_ref=h1 tabindex="-1">{t::REFUSED.get(lang)}</h1><p class="status status--error">{e.message(lang)}</p> }.into_any(),
                    Ok(o) => view! {
                        // The title is Danish inside a sentence in the UI language (WCAG 3.1.2).
                        <h1 node_ref=h1 tabindex="-1">{t::REFER_H1_PREFIX.get(lang)}" "<span lang=i18n::data_lang(lang)>{o.title.clone()}</span></h1>
                        <p class="lead" lang=i18n::data_lang(lang)>{o.provider.name.clone()}{o.location.as_ref().map(|l| format!(", {}", l.city))}</p>
                        {session::when_signed_in(p, lang, |p| view! { <SignedInBar profile=p.clone() lang=lang /><Referral offer=o profile=p lang=lang /> })}
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

/// The form, or why this clinician cannot refer to this offer through Forebyg, or the receipt.
#[component]
fn Referral(offer: Offer, profile: ClinicianProfile, lang: Lang) -> impl IntoView {
    // Sent, the address carries the code: a reload shows the receipt and the patient's sheet
    // again, not an empty form that would refer the patient twice. The sheet is shown even when
    // the offer has closed or filled up since: its patient is on it, or waiting.
    let sent_code = use_query_map().with_untracked(|q| q.get(cq::SENT_CODE));
    if sent_code.is_none() {
        if let Some(refusal) = refused(&offer, profile.referrer, &back_to_results(), cq::sheet_lang(lang, searched_patient().as_ref()), lang) {
            draft::discard();
            return refusal;
        }
    }
    let sent = RwSignal::new(None::<ClinicianReferral>);
    let checking = RwSignal::new(sent_code.is_some());
    if let Some(code) = sent_code {
        let offer_id = offer.id.clone();
        leptos::task::spawn_local(async move {
            if let Ok(r) = session::get::<ClinicianReferral>(&cq::api_referral_url(&code)).await {
                if r.offer_id == offer_id {
                    sent.set(Some(r));
                }
            }
            checking.set(false);
        });
    }
    let account = account_key(&profile.subject);
    view! {
        {move || match sent.get() {
            _ if checking.get() => view! { <p class="status status--loading" role="status">{t::LOADING.get(lang)}</p> }.into_any(),
            // Closed since (withdrawn, declined, ended): its status, and no slip telling the
            // patient they are referred (the referral's page offers none either).
            Some(r) if r.status.is_closed() => closed_receipt(&r, back_to_results(), lang).into_any(),
            Some(r) => {
                // Printed again after the offer closed: said, lest "sent" read as sent anew.
                let closed = offer.is_archived().then(|| view! { <p class="notice" role="note">{t::OFFER_CLOSED_OPEN.get(lang)}</p> });
                view! { {closed}{receipt(&r, back_to_results(), lang)}<ReferralSlip offer=offer.clone() referral=r lang=lang /> }.into_any()
            }
            // A code that is not this clinician's referral to this offer: the form, unless refused.
            None => refused(&offer, profile.referrer, &back_to_results(), cq::sheet_lang(lang, searched_patient().as_ref()), lang).unwrap_or_else(|| {
                view! { <ReferralForm offer=offer.clone() referrer=profile.referrer account=account.clone() sent=sent lang=lang /> }.into_any()
            }),
        }}
    }
    .into_any()
}

#[component]
fn ReferralForm(
    offer: Offer,
    referrer: forebyg_shared::referral_route::ReferrerKind,
    /// Whose form this is ([`account_key`]), for the form kept across signing in again.
    account: String,
    sent: RwSignal<Option<ClinicianReferral>>,
    lang: Lang,
) -> impl IntoView {
    let patient = searched_patient().unwrap_or_default();
    let f = FormState::new(patient.conditions.clone());
    let suggested = f.suggest_interpreter(patient.language.as_deref(), &offer.languages);
    let kept = draft::take(&offer.id, &account);
    if let Some(d) = &kept {
        f.restore(d);
    }
    let restored = kept.map(|d| session::announce_soon(d.restored_text(lang)));
    let (offer_id, account) = (offer.id.clone(), StoredValue::new(account));
    // Every change is kept in the tab (never the CPR number): a reload, or Back and Forward, put
    // the form back as typed; sending, signing out or another page drops it.
    Effect::new({
        let offer_id = offer_id.clone();
        move |first: Option<()>| {
            f.name.track();
            f.phone.track();
            f.email.track();
            f.cpr.track();
            f.conditions.track();
            f.reason.track();
            f.interpreter.track();
            f.contact_time.track();
            f.consent.track();
            if first.is_some() {
                draft::keep(&Draft::of(&f.request(), &offer_id, &account.get_value(), js_sys::Date::now() as u64));
            }
        }
    });
    let eligibility = eligibility_notice(&offer, patient, f.conditions, f.cpr, back_to_results(), lang);
    let expect = expect_notice(&offer, lang);
    let url = format!("/api/v1/clinician/offers/{}/referrals", query::encode(&offer.id));
    let rules = offer.referral.clone();
    // The form is named as the page's heading is ("Henvis til <the offer>"), not by its prefix.
    let offer_title = offer.title.clone();
    let navigate = StoredValue::new_local(use_navigate());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if f.busy.get_untracked() {
            return;
        }
        // A refusal of an earlier try is history once the form is sent again (or checked).
        f.refused.set(None);
        f.already_sent.set(false);
        let req = f.request();
        let mut problems = req.validate(&dom::today());
        // The offer's own demand on the reason, with the other fields (not in a second round
        // from the API), in the form's order: before the interpreter and the consent.
        if let Some(missing) = forebyg_shared::clinician::reason_missing(req.reason.as_deref(), rules.must_include.as_ref()) {
            let at = problems.iter().position(|p| matches!(p.field.as_str(), "interpreter_language" | "patient_consent")).unwrap_or(problems.len());
            problems.insert(at, missing);
        }
        if !problems.is_empty() {
            f.errors.set(problems);
            request_animation_frame(|| dom::focus_id(ERROR_SUMMARY_ID));
            return;
        }
        f.errors.set(vec![]);
        f.busy.set(true);
        let (url, rules) = (url.clone(), rules.clone());
        // Signed out meanwhile (an expired sign-in): the form is kept to come back to.
        let keep = {
            let (req, offer_id) = (req.clone(), offer_id.clone());
            move || draft::keep(&Draft::of(&req, &offer_id, &account.get_value(), js_sys::Date::now() as u64))
        };
        let twin_offer = offer_id.clone();
        leptos::task::spawn_local(async move {
            let twin = f.unasked_twin(&twin_offer, &req.patient_name).await;
            let asked = twin.is_some();
            f.twin.set(twin);
            if asked {
                f.busy.set(false);
                request_animation_frame(|| dom::focus_id("refer-twin"));
                return;
            }
            match session::post_keeping::<_, ClinicianReferral>(&url, &req, keep).await {
                Ok(r) => {
                    draft::discard();
                    navigate.with_value(|go| {
                        go(
                            &cq::sent_href(&r.offer_id, &r.code, searched_patient().as_ref()),
                            NavigateOptions { replace: true, scroll: false, ..Default::default() },
                        )
                    });
                    sent.set(Some(r));
                }
                // This form's key holds a referral with other details: the first send went
                // through though its answer was lost. Said so, with where to see it; a new key
                // makes the next send a referral of its own.
                Err(ApiError::Problem(p)) if p.kind == types::KEY_REUSED => {
                    f.renew_key(&req.patient_name);
                    f.already_sent.set(true);
                    f.refused.set(Some(t::REFER_ALREADY_SENT.get(lang).to_owned()));
                }
                Err(ApiError::Problem(p)) if !p.errors.is_empty() => {
                    f.errors.set(p.errors);
                    request_animation_frame(|| dom::focus_id(ERROR_SUMMARY_ID));
                }
                // The browser is on its way to sign in again, the form kept.
                Err(e) if e.status() == Some(401) => return,
                Err(e) => {
                    if matches!(e, ApiError::Network) {
                        f.unanswered.set_value(true);
                    }
                    f.refused.set(Some(referral_refused(&e, &rules, referrer, lang)));
                }
            }
            f.busy.set(false);
        });
    };

    let interpreter_options = crate::i18n::INTERPRETER_LANGUAGES
        .iter()
        .map(|&code| {
            let name = crate::format::capitalise(crate::i18n::language_name(lang, code).unwrap_or(code));
            view! { <option value=code prop:selected=move || f.interpreter.with(|i| i == code)>{name}</option> }
        })
        .collect_view();
    // What the provider asks the referral to contain, where the clinician writes it.
    // What the provider asks the referral to contain goes in the reason, which it then requires.
    let reason_label = if offer.referral.must_include.is_some() { t::REASON_REQUIRED_LABEL } else { t::REASON_LABEL }.get(lang);
    let must_include = offer.referral.must_include.as_ref().map(|m| {
        view! { <p class="notice refer-content"><strong>{t::REFER_CONTENT.get(lang)}": "</strong>{format::full_stop(m.get(lang))}" "{t::REFER_CONTENT_WHERE.get(lang)}</p> }
    });
    let consent_error = f.error("patient_consent", lang);
    let conditions_error = f.error("conditions", lang);
    view! {
        {restored}
        {eligibility}
        {expect}
        <p>{t::REFER_INTRO.get(lang)}</p>
        {move || (!f.errors.with(Vec::is_empty)).then(|| view! { <ErrorSummary errors=f.errors.get() lang=lang id=ERROR_SUMMARY_ID control_id=control_id /> })}
        {move || f.refused.get().map(|r| view! {
            <div class="notice notice--refused" role="alert">
                <h2>{move || if f.already_sent.get() { t::ALREADY_SENT_H } else { t::REFUSED }.get(lang)}</h2>
                <p>{r}</p>
                {move || if f.already_sent.get() {
                    view! { <p><a href=REFERRALS_PATH>{t::NAV_REFERRALS.get(lang)}</a></p> }.into_any()
                } else {
                    view! { <p><a href=back_to_results()>{t::BACK_TO_RESULTS.get(lang)}</a></p> }.into_any()
                }}
            </div>
        })}
        <form class="form" novalidate on:submit=submit aria-label=t::refer_heading(lang, &offer_title)>
            <TextField id="patient_name" label=t::PATIENT_NAME.get(lang) autocomplete="off" value=f.name error=f.error("patient_name", lang) lang=lang />
            <fieldset class="field field--group" aria-describedby="contact-hint">
                <legend class="field__label">{t::PATIENT_CONTACT.get(lang)}</legend>
                <p class="hint" id="contact-hint">{t::PATIENT_CONTACT_HINT.get(lang)}</p>
                <TextField id="phone" label=t::PHONE_LABEL.get(lang) hint=t::PHONE_HINT.get(lang) kind="tel" autocomplete="off" value=f.phone error=f.error("phone", lang) lang=lang />
                <TextField id="email" label=t::EMAIL_LABEL.get(lang) kind="email" autocomplete="off" value=f.email error=f.error("email", lang) lang=lang />
            </fieldset>
            <div class="field">
                <label class="field__label" for="contact_time">{t::CALL_TIME_LABEL.get(lang)}</label>
                <select class="select" id="contact_time" on:change=move |ev| f.contact_time.set(ContactTime::from_code(&event_target_value(&ev)))>
                    <option value="" prop:selected=move || f.contact_time.with(Option::is_none)>{t::CALL_TIME_UNSAID.get(lang)}</option>
                    {ContactTime::ALL.iter().map(|&c| view! { <option value=c.code() prop:selected=move || f.contact_time.get() == Some(c)>{c.label(lang)}</option> }).collect_view()}
                </select>
            </div>
            <TextField id="cpr" label=t::CPR_LABEL.get(lang) hint=t::CPR_HINT.get(lang) autocomplete="off" value=f.cpr error=f.error("cpr", lang) lang=lang />
            <fieldset class="field" class:field--error=move || conditions_error.with(Option::is_some)>
                <legend class="field__label">{t::CONDITIONS_LEGEND.get(lang)}</legend>
                {move || conditions_error.get().map(|m| view! { <FieldErrorMessage id="conditions-error".to_owned() message=m lang=lang /> })}
                <div class="choices">
                    {Condition::ALL.iter().map(|&c| {
                        let id = condition_input_id(c);
                        view! {
                            <div class="choice">
                                <input class="choice__input" type="checkbox" id=id.clone() prop:checked=move || f.conditions.with(|cs| cs.contains(&c))
                                    aria-invalid=move || conditions_error.with(Option::is_some).then_some("true")
                                    aria-describedby=move || conditions_error.with(Option::is_some).then_some("conditions-error")
                                    on:change=move |ev| { let on = event_target_checked(&ev); f.conditions.update(|cs| { cs.retain(|x| *x != c); if on { cs.push(c) } }) } />
                                <label class="choice__label" for=id>{c.label(lang)}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            {must_include}
            <TextField id="reason" label=reason_label hint=t::REASON_HINT.get(lang) kind="textarea" value=f.reason error=f.error("reason", lang) lang=lang />
            <div class="field">
                <label class="field__label" for="interpreter_language">{t::INTERPRETER_LABEL.get(lang)}</label>
                {suggested.then(|| view! { <p class="hint" id="interpreter-hint">{t::INTERPRETER_FROM_SEARCH.get(lang)}</p> })}
                <select class="select" id="interpreter_language" aria-describedby=suggested.then_some("interpreter-hint")
                    on:change=move |ev| f.interpreter.set(event_target_value(&ev))>
                    <option value="" prop:selected=move || f.interpreter.with(String::is_empty)>{t::NO_INTERPRETER.get(lang)}</option>
                    {interpreter_options}
                </select>
            </div>
            <div class="consent field" class:field--error=move || consent_error.with(Option::is_some)>
                <p class="hint" id="consent-hint">{t::CONSENT_HINT.get(lang)}</p>
                {move || consent_error.get().map(|m| view! { <FieldErrorMessage id="patient_consent-error".to_owned() message=m lang=lang /> })}
                <div class="choice">
                    <input class="choice__input" type="checkbox" id="patient_consent"
                        aria-describedby=move || if consent_error.with(Option::is_some) { "consent-hint patient_consent-error" } else { "consent-hint" }
                        aria-invalid=move || consent_error.with(Option::is_some).then_some("true")
                        prop:checked=move || f.consent.get() on:change=move |ev| f.consent.set(event_target_checked(&ev)) />
                    <label class="choice__label" for="patient_consent">{t::CONSENT_LABEL.get(lang)}</label>
                </div>
            </div>
            {move || f.twin.get().map(|r| view! {
                <div class="notice" id="refer-twin" tabindex="-1" role="group" aria-labelledby="refer-twin-h">
                    <h2 id="refer-twin-h">{t::TWIN_H.get(lang)}</h2>
                    <p>{t::twin(lang, &r.patient_name, &r.code, r.status.label(lang))}</p>
                    <p><a href=cq::referral_href(&r.code)>{t::referral_heading(lang, &r.code)}</a></p>
                </div>
            })}
            <button class="button" type="submit" disabled=move || f.busy.get()>{move || if f.busy.get() { t::SENDING.get(lang) } else { t::SEND_REFERRAL.get(lang) }}</button>
        </form>
        <p class="refer-referrals"><a href=REFERRALS_PATH>{t::NAV_REFERRALS.get(lang)}</a></p>
    }
}
