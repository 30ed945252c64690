//! `/klinik/henvisninger/:code`: one of the clinician's referrals with its history (the steps
//! others made since the clinician's last look at the list marked "Nyt siden sidst"), the decline
//! reason or the closing note, the way to withdraw it while it is open, and once completed the
//! patient's next-step sheet (the association activities the offer leads on to). A clinician
//! sees only their own referrals (the API scopes every read).

use super::referrals::{contact_by, first_session, look_before, search_link, status_label, status_line, step_label, when};
use super::session::{self, SignedInBar};
use crate::activity_query::next_step_href;
use crate::api::ApiError;
use crate::clinician::query::{self as cq, REFERRALS_PATH};
use crate::clinician::refusal::withdraw_refused;
use crate::clinician::texts as t;
use crate::components::facts::phone_link;
use crate::context::use_lang;
use crate::{api, dom, format, query};
use forebyg_shared::clinician::ClinicianReferral;
use forebyg_shared::first_session::FirstSession;
use forebyg_shared::offer::Offer;
use forebyg_shared::referral::{new_to_clinician, ReferralStatus, StatusEvent, Undo};
use forebyg_shared::Lang;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// One step of the history: "Kontaktet · 3. marts 2027 14:05 · Tilbuddet", with a reason, the
/// first session agreed or a note, and "Nyt siden sidst" when it is `new` to the clinician.
/// The first says "Sendt" ([`step_label`]), a step that `moved` the first session "Første
/// mødegang ændret"; a step that called one `off` says which.
fn step(e: StatusEvent, moved: bool, off: Option<&FirstSession>, undo: Option<Undo>, new: bool, lang: Lang) -> impl IntoView {
    let label = if moved { forebyg_shared::first_session::moved_label(lang) } else { step_label(&e, undo, lang) };
    let reason = e.reason.map(|r| view! { <p class="history__note">{t::DECLINE_REASON.get(lang)}": "{r.label(lang)}</p> });
    let note = e.note.map(|n| view! { <p class="history__note">{n}</p> });
    let first = e.first_session.map(|s| view! { <p class="history__note">{t::FIRST_SESSION.get(lang)}": "{format::first_session(&s, lang)}</p> });
    let off = off.map(|s| {
        view! { <p class="history__note">{forebyg_shared::first_session::called_off_label(lang)}": "{format::first_session(s, lang)}</p> }
    });
    view! {
        <li class="history__step" class:history__step--new=new>
            <p>
                <strong>{label}</strong>" · "{when(e.at, lang)}" · "{e.by.label(lang)}
                {new.then(|| view! { " "<span class="badge badge--changed">{t::CHANGED.get(lang)}</span> })}
            </p>
            {reason}
            {first}
            {off}
            {note}
        </li>
    }
}

#[component]
pub fn ReferralPage() -> impl IntoView {
    let lang = use_lang();
    let code = use_params_map().with_untracked(|p| p.get("code").unwrap_or_default());
    let h1 = NodeRef::<H1>::new();
    dom::focus_heading_on_arrival(h1);
    dom::set_title(lang, &t::referral_heading(lang, &code));
    let url = crate::clinician::query::api_referral_url(&code);
    // A referral form kept for signing in again is abandoned here.
    super::draft::discard();
    let profile = session::profile();
    let referral = {
        let url = url.clone();
        LocalResource::new(move || {
            let url = url.clone();
            async move { session::get::<ClinicianReferral>(&url).await }
        })
    };
    // The answer to a withdrawal replaces the loaded referral.
    let current = RwSignal::new(None::<ClinicianReferral>);
    let message = RwSignal::new(None::<String>);
    view! {
        <p class="back-link"><a href=REFERRALS_PATH><span aria-hidden="true">"← "</span>{t::BACK_TO_REFERRALS.get(lang)}</a></p>
        {search_link(lang)}
        <h1 node_ref=h1 tabindex="-1">{t::referral_heading(lang, &code)}</h1>
        <p role="status" class="status" id=MESSAGE_ID tabindex="-1">{move || message.get()}</p>
        <Suspense fallback=move || view! { <p class="status status--loading" role="status">{t::LOADING.get(lang)}</p> }>
            {move || {
                let url = url.clone();
                Suspend::new(async move {
                    let (p, r) = (profile.await, referral.await);
                    session::when_signed_in(p, lang, move |p| {
                        // What the list marked new is marked here too (this look moves no marker).
                        let since = look_before(&p.subject);
                        let shown = match r {
                            Ok(r) => {
                                current.set(Some(r));
                                view! { {move || current.get().map(|r| details(r, since, url.clone(), current, message, lang))} }.into_any()
                            }
                            Err(e) if e.is_not_found() => view! { <p>{t::NOT_FOUND.get(lang)}</p> }.into_any(),
                            Err(e) => view! { <p class="status status--error" role="alert">{e.message(lang)}</p> }.into_any(),
                        };
                        view! { <SignedInBar profile=p lang=lang />{shown} }
                    })
                })
            }}
        </Suspense>
    }
}

fn details(
    r: ClinicianReferral,
    since: Option<i64>,
    url: String,
    current: RwSignal<Option<ClinicianReferral>>,
    message: RwSignal<Option<String>>,
    lang: Lang,
) -> impl IntoView {
    let conditions: Vec<&str> = r.conditions.iter().map(|c| c.label(lang)).collect();
    // The closing note, or the decline's reason with its note, stands out: it is what the
    // referrer waits for (said once: the reason is not repeated among the facts).
    let reason = r.decline_reason.map(|d| view! { <p><strong>{d.label(lang)}</strong></p> });
    // The offer as it is now: who runs it and their phone, whom to call to follow the referral up
    // (also once it is archived: the API still serves it, marked so).
    let offer = {
        let id = r.offer_id.clone();
        LocalResource::new(move || {
            let id = id.clone();
            async move { api::get_offer(&id).await.ok() }
        })
    };
    let again = (r.status == ReferralStatus::Declined).then(|| find_another(r.clone(), offer, lang));
    let note = (r.note.is_some() || reason.is_some()).then(|| {
        let title = if r.status.course_over() { t::CLOSING_NOTE } else { t::DECLINE_REASON };
        view! {
            <section class="notice closing-note" aria-labelledby="closing-note-title">
                <h2 id="closing-note-title">{title.get(lang)}</h2>
                {reason}
                {r.note.clone().map(|n| view! { <p>{n}</p> })}
                {again}
            </section>
        }
    });
    let withdraw = r.withdrawable.then(|| withdraw_control(url, current, message, lang));
    let next = (r.status == ReferralStatus::Completed).then(|| next_step(&r.offer_id, lang));
    let overdue = r.overdue.then(|| view! { <OverdueNotice offer offer_id=r.offer_id.clone() lang=lang /> });
    let closed = r.status.is_open().then(|| view! { <ClosedNotice offer lang /> });
    let promised = contact_by(&r, lang);
    let moves = forebyg_shared::first_session::moves(&r.history);
    let off = forebyg_shared::first_session::called_off(&r.history);
    let undos = Undo::each(&r.history);
    let history = r
        .history
        .iter()
        .cloned()
        .zip(moves)
        .zip(off)
        .zip(undos)
        .map(|(((e, moved), off), undo)| {
            let new = new_to_clinician(&e, since);
            step(e, moved, off, undo, new, lang)
        })
        .collect_view();
    // While it is open the patient may have lost the slip (what happens now, whom to call, the
    // code): the same slip again, as printed after sending.
    let reprint = (!r.status.is_closed()).then(|| view! { <p><a href=cq::sent_href(&r.offer_id, &r.code, None)>{t::REPRINT_SLIP.get(lang)}</a></p> });
    view! {
        <p>{status_line(&r, lang)}</p>
        {overdue}
        {closed}
        {note}
        {next}
        <dl class="facts facts--stacked">
            <div><dt>{t::PATIENT_NAME.get(lang)}</dt><dd>{r.patient_name.clone()}</dd></div>
            // As sent, to check: a wrong number is a referral no one can act on.
            {contact_sent(&r, lang)}
            <div><dt>{t::OFFER.get(lang)}</dt><dd><a href=query::offer_href(&r.offer_id)>{r.offer_title.clone()}</a></dd></div>
            <ProviderFact offer lang />
            {promised}
            {first_session(&r, lang)}
            // A withdrawn referral has none left (erased with the rest of the health data).
            {(!conditions.is_empty()).then(|| view! { <div><dt>{t::CONDITIONS_LEGEND.get(lang)}</dt><dd>{format::capitalise(&format::list(&conditions, lang))}</dd></div> })}
            {r.reason.clone().map(|x| view! { <div><dt>{t::plain_label(t::REASON_LABEL.get(lang))}</dt><dd>{x}</dd></div> })}
            {r.interpreter_language.clone().map(|l| view! { <div><dt>{t::INTERPRETER.get(lang)}</dt><dd>{format::languages(&[l], lang)}</dd></div> })}
            <div><dt>{t::EXPIRES.get(lang)}</dt><dd>{format::date(&r.expires_on, lang)}{(!r.status.is_closed()).then(|| t::EXPIRES_OPEN.get(lang))}</dd></div>
        </dl>
        {reprint}
        <h2 id="history-title">{t::HISTORY.get(lang)}</h2>
        <ol class="history" aria-labelledby="history-title">{history}</ol>
        {withdraw}
    }
}

/// "Patientens kontakt: 22 33 44 55 · karen@example.dk": the phone and e-mail the provider was
/// given and when the patient would rather be called (none after a withdrawal, which erased them).
fn contact_sent(r: &ClinicianReferral, lang: Lang) -> Option<impl IntoView> {
    let given: Vec<String> = r.phone.iter().map(|p| format::phone_display(p)).chain(r.email.iter().cloned()).collect();
    let call_time = r.contact_time.map(|c| view! { <div><dt>{t::CALL_TIME_SENT.get(lang)}</dt><dd>{c.label(lang)}</dd></div> });
    (!given.is_empty()).then(|| view! { <div><dt>{t::CONTACT_SENT.get(lang)}</dt><dd>{given.join(" · ")}</dd></div> {call_time} })
}

/// "Udbyder: Aalborg Kommune · Telefon 12 34 56 78": who runs the offer and how to reach them,
/// so a referral can be chased from the consultation (a walk found the page named no one).
#[component]
fn ProviderFact(offer: LocalResource<Option<Offer>>, lang: Lang) -> impl IntoView {
    let shown = move || {
        Suspend::new(async move {
            offer.await.map(|o| {
                let phone = o.contact.phone.clone().map(|p| view! { " · "{t::PHONE.get(lang)}" "{phone_link(p)} });
                view! { <div><dt>{crate::i18n::PROVIDER.get(lang)}</dt><dd>{o.provider.name.clone()}{phone}</dd></div> }
            })
        })
    };
    view! { <Suspense fallback=|| ()>{shown}</Suspense> }
}

/// An open referral to an offer archived since: it is not forgotten, and what comes next.
#[component]
fn ClosedNotice(offer: LocalResource<Option<Offer>>, lang: Lang) -> impl IntoView {
    let shown = move || {
        Suspend::new(async move {
            offer.await.filter(|o| o.is_archived()).map(|_| view! { <p class="notice" role="note">{t::OFFER_CLOSED_OPEN.get(lang)}</p> })
        })
    };
    view! { <Suspense fallback=|| ()>{shown}</Suspense> }
}

/// "Ikke kontaktet til tiden" with whom to call and the number (from the offer), so the clinician
/// can ring the provider from the consultation; the offer's page when it gives no phone.
#[component]
fn OverdueNotice(offer: LocalResource<Option<Offer>>, offer_id: String, lang: Lang) -> impl IntoView {
    let call = move || {
        let offer_id = offer_id.clone();
        Suspend::new(async move {
            match offer.await.and_then(|o| o.contact.phone.clone().map(|p| (o.provider.name, p))) {
                Some((provider, p)) => view! { {t::overdue_call(lang, &provider)}" "{phone_link(p)}"." }.into_any(),
                None => view! { <a href=query::offer_href(&offer_id)>{t::OVERDUE_NO_PHONE.get(lang)}</a>"." }.into_any(),
            }
        })
    };
    view! {
        <section class="notice" aria-labelledby="overdue-title">
            <h2 id="overdue-title">{t::OVERDUE.get(lang)}</h2>
            <p>{t::OVERDUE_TEXT.get(lang)}" "<Suspense fallback=|| ()>{call}</Suspense></p>
        </section>
    }
}

/// Under a decline: the search again for the patient ([`cq::find_another`]), from the declined
/// offer's place, said as such (the referral keeps neither the patient's place nor their age).
fn find_another(r: ClinicianReferral, offer: LocalResource<Option<Offer>>, lang: Lang) -> impl IntoView {
    let shown = move || {
        let r = r.clone();
        Suspend::new(async move {
            let offer = offer.await;
            let search = cq::find_another(&r, offer.as_ref());
            let from = offer
                .and_then(|o| o.location)
                .map(|l| view! { <p class="hint">{t::find_another_from(lang, &format!("{} {}", l.postcode, l.city))}</p> });
            view! { <p><A href=search.href() exact=true>{t::FIND_ANOTHER.get(lang)}</A></p>{from} }
        })
    };
    view! { <Suspense fallback=|| ()>{shown}</Suspense> }
}

/// After a completed course, the sheet for the patient with the association activities the offer
/// leads on to (the same sheet the provider is offered; it has its own language switch and print).
fn next_step(offer_id: &str, lang: Lang) -> impl IntoView {
    view! {
        <section class="notice patient-next-step" aria-labelledby="next-step-title">
            <h2 id="next-step-title">{t::PATIENT_NEXT_STEP.get(lang)}</h2>
            <p>{t::PATIENT_NEXT_STEP_TEXT.get(lang)}</p>
            <p><a href=next_step_href(offer_id, lang)>{t::PATIENT_NEXT_STEP_LINK.get(lang)}</a></p>
        </section>
    }
}

/// The line above the referral that says how a withdrawal went (focused when the referral is drawn
/// again under it, and the button that had the focus is gone).
const MESSAGE_ID: &str = "referral-message";

/// "Træk henvisningen tilbage", then a confirmation before anything happens. Refused because the
/// provider moved the referral on meanwhile (or changed it at the same moment), it says so and
/// shows the referral as it is now: the button stays only while it can still be withdrawn.
fn withdraw_control(url: String, current: RwSignal<Option<ClinicianReferral>>, message: RwSignal<Option<String>>, lang: Lang) -> impl IntoView {
    let asking = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let url = StoredValue::new(url);
    let confirm = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let r: Result<ClinicianReferral, ApiError> = session::delete(&url.get_value()).await;
            match r {
                Ok(r) => {
                    message.set(Some(format!("{} {}: {}", t::WITHDRAWN_DONE.get(lang), t::STATUS.get(lang), status_label(r.status, lang))));
                    current.set(Some(r));
                }
                Err(e) => {
                    let (text, reload) = withdraw_refused(&e, lang);
                    message.set(Some(text.to_owned()));
                    if reload {
                        match session::get::<ClinicianReferral>(&url.get_value()).await {
                            Ok(r) => current.set(Some(r)),
                            Err(e) if e.is_not_found() => current.set(None),
                            Err(_) => {}
                        }
                    }
                }
            }
            busy.set(false);
            request_animation_frame(|| dom::focus_id(MESSAGE_ID));
        });
    };
    // Not withdrawn after all: back to the button that asked.
    let keep = move || {
        asking.set(false);
        request_animation_frame(|| dom::focus_id("withdraw"));
    };
    view! {
        <div class="withdraw">
            {move || if asking.get() {
                // The focus starts on keeping it, and Escape keeps it: a walk withdrew a referral
                // by pressing Enter twice, and a withdrawal erases the patient's details at once.
                view! {
                    <div class="confirm" role="group" aria-labelledby="withdraw-question"
                        on:keydown=move |ev| if ev.key() == "Escape" && !busy.get_untracked() { keep() }>
                        <p id="withdraw-question">{t::WITHDRAW_CONFIRM.get(lang)}</p>
                        <div class="button-row">
                            <button class="button button--danger" type="button" disabled=move || busy.get() on:click=confirm>{t::WITHDRAW_YES.get(lang)}</button>
                            <button class="button button--secondary" type="button" id="withdraw-no" on:click=move |_| keep()>{t::WITHDRAW_NO.get(lang)}</button>
                        </div>
                    </div>
                }.into_any()
            } else {
                let ask = move |_| {
                    asking.set(true);
                    request_animation_frame(|| dom::focus_id("withdraw-no"));
                };
                view! { <button class="button button--secondary" type="button" id="withdraw" on:click=ask>{t::WITHDRAW.get(lang)}</button> }.into_any()
            }}
        </div>
    }
}
