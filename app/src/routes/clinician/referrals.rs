//! `/klinik/henvisninger` ("Mine henvisninger"): the clinician's referrals, those in progress
//! first and the closed ones after them, each newest first with its status and what changed since
//! they last looked (per account: on a shared PC each clinician has their own marker); a field
//! finds a patient (or a code) once the list is long. One referral is [`super::referral`]. A
//! clinician sees only their own referrals (the API scopes every read).

use super::session::{self, SignedInBar};
use crate::api::ApiError;
use crate::clinician::account::{look_before_key, seen_key, LEGACY_SEEN_KEY};
use crate::clinician::query::{self as cq, SEARCH_PATH};
use crate::clinician::texts as t;
use crate::context::use_lang;
use crate::{dom, format, query};
use forebyg_shared::clinician::{ClinicianReferral, ClinicianReferralList};
use forebyg_shared::referral::{ReferralStatus, StatusEvent, Undo};
use forebyg_shared::Lang;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::components::A;

/// From this many referrals on, the list offers a field to find a patient: a short list is read
/// at a glance.
const FIND_FROM: usize = 6;

/// A Unix time as a date and time in Danish local time as the browser knows it: "3. marts 2027 kl. 14:05".
pub(super) fn when(at: i64, lang: Lang) -> String {
    crate::dom::local_day_at(at, format::date, lang)
}

/// The way on to the clinician search ("Find tilbud til din patient"), from the referral pages.
pub(super) fn search_link(lang: Lang) -> impl IntoView {
    view! { <p class="back-link"><A href=SEARCH_PATH exact=true>{t::SEARCH_H1.get(lang)}</A></p> }
}

pub(super) fn status_pill(s: ReferralStatus, lang: Lang) -> impl IntoView {
    view! { <span class=format!("pill pill--{}", s.code())>{status_label(s, lang)}</span> }
}

/// A status as the referring clinician reads it: "Sendt" until the provider acts, since
/// "Modtaget" reads as "the provider has seen it" (the list and the history say the same).
pub(super) fn status_label(s: ReferralStatus, lang: Lang) -> &'static str {
    if s == ReferralStatus::Received {
        t::SENT_STEP.get(lang)
    } else {
        s.label(lang)
    }
}

/// A step of the history as the clinician reads it: what it takes back ("Kontakt fortrudt", not
/// "Sendt" again; "Afvisning fortrudt", not a "Kontaktet" no one made), "Kontaktet, på
/// venteliste", or its status ([`status_label`]).
pub(super) fn step_label(e: &StatusEvent, undo: Option<Undo>, lang: Lang) -> &'static str {
    match (undo, e.waitlist) {
        (Some(undo), _) => undo.label(lang),
        (None, true) => t::CONTACTED_WAITLIST.get(lang),
        (None, false) => status_label(e.status, lang),
    }
}

/// The status pill, with "· på venteliste" while the patient waits for a place (the list and the
/// referral's page alike: a walk's list said only "Kontaktet").
pub(super) fn status_line(r: &ClinicianReferral, lang: Lang) -> impl IntoView {
    let waiting = r.waitlist && r.status.is_open();
    view! { {status_pill(r.status, lang)}{waiting.then(|| view! { " · "<span class="referral-waitlist">{t::ON_WAITLIST.get(lang)}</span> })} }
}

#[component]
pub fn ReferralsPage() -> impl IntoView {
    let lang = use_lang();
    let h1 = NodeRef::<H1>::new();
    dom::focus_heading_on_arrival(h1);
    dom::set_title(lang, t::NAV_REFERRALS.get(lang));
    // A referral form kept for signing in again is abandoned here.
    super::draft::discard();
    // The clinician, then their list with the changes since their own last look: one resource
    // that depends on nothing, so the list is read (and the marker moved) once per visit, and
    // again when asked or when the clinician comes back to the tab (a GP keeps it open all day:
    // a walk's list said "Sendt" long after the provider had called).
    let fetched = RwSignal::new(None::<i64>);
    let loaded = LocalResource::new(move || async move {
        let profile = session::load_profile().await;
        let list = match &profile {
            Some(Ok(p)) => Some(list_since_last_look(&p.subject).await),
            _ => None,
        };
        fetched.set(Some((js_sys::Date::now() / 1000.0) as i64));
        (profile, list)
    });
    let back = window_event_listener(leptos::ev::focus, move |_| {
        if fetched.get_untracked().is_some_and(|at| (js_sys::Date::now() / 1000.0) as i64 - at >= 30) {
            loaded.refetch();
        }
    });
    on_cleanup(move || back.remove());
    view! {
        {search_link(lang)}
        <h1 node_ref=h1 tabindex="-1">{t::NAV_REFERRALS.get(lang)}</h1>
        <p>{t::REFERRALS_INTRO.get(lang)}</p>
        // Drawn once, so the button keeps the focus; the time is said when it changes.
        <p class="referrals-fresh" hidden=move || fetched.get().is_none()>
            <span role="status">{move || fetched.get().map(|at| t::fetched_at(lang, &when(at, lang)))}</span>" "
            <button class="button button--secondary" type="button" on:click=move |_| loaded.refetch()>{t::REFRESH.get(lang)}</button>
        </p>
        // Transition: the list stays on screen while it is read again.
        <Transition fallback=move || view! { <p class="status status--loading" role="status">{t::LOADING.get(lang)}</p> }>
            {move || Suspend::new(async move {
                let (p, l) = loaded.await;
                session::when_signed_in(p, lang, |p| {
                    let shown = match l {
                        Some(Ok(l)) if l.referrals.is_empty() => view! { <p>{t::REFERRALS_EMPTY.get(lang)}</p> }.into_any(),
                        Some(Ok(l)) => referral_list(l.referrals, lang).into_any(),
                        Some(Err(e)) => view! { <p class="status status--error" role="alert">{e.message(lang)}</p> }.into_any(),
                        None => ().into_any(),
                    };
                    view! { <SignedInBar profile=p lang=lang />{shown} }
                })
            })}
        </Transition>
    }
}

/// The clinician's referrals, marked with what changed since this clinician's last look: the
/// list's cursor is kept on this device per account (`subject`), and the next list marks what
/// changed after it; the look it marked against is kept too, for a referral's page
/// ([`look_before`]). The device-wide marker of before is someone's: dropped.
async fn list_since_last_look(subject: &str) -> Result<ClinicianReferralList, ApiError> {
    dom::remove(dom::Store::Local, LEGACY_SEEN_KEY);
    let key = seen_key(subject);
    let since = marker(&key);
    let url = match since {
        Some(s) => format!("/api/v1/clinician/referrals?since={s}"),
        None => "/api/v1/clinician/referrals".to_owned(),
    };
    let r = session::get::<ClinicianReferralList>(&url).await;
    if let Ok(l) = &r {
        dom::save(dom::Store::Local, &key, &l.cursor.to_string());
        match since {
            Some(s) => dom::save(dom::Store::Local, &look_before_key(subject), &s.to_string()),
            None => dom::remove(dom::Store::Local, &look_before_key(subject)),
        }
    }
    r
}

/// A kept marker (Unix seconds), if there is a sound one (digits only, as the list saves it).
fn marker(key: &str) -> Option<i64> {
    dom::load(dom::Store::Local, key).filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).and_then(|s| s.parse().ok())
}

/// The look before the clinician's latest one at "Mine henvisninger" (none before a second
/// look): a referral's page marks what others did after it, as the list did.
pub(super) fn look_before(subject: &str) -> Option<i64> {
    marker(&look_before_key(subject))
}

/// Whether a referral is `wanted` by what was typed in the find field: part of the patient's
/// name or of the code, in any case.
fn wanted(r: &ClinicianReferral, typed: &str) -> bool {
    cq::found(typed, &[&r.patient_name, &r.code])
}

/// The referrals in two sections, in progress and closed (a section with none is left out), and
/// the find field above them when the list is long.
fn referral_list(referrals: Vec<ClinicianReferral>, lang: Lang) -> impl IntoView {
    let total = referrals.len();
    let typed = RwSignal::new(String::new());
    let referrals = StoredValue::new(referrals);
    let section = move |open: bool| {
        move || {
            let shown: Vec<ClinicianReferral> =
                referrals.with_value(|all| all.iter().filter(|r| r.status.is_closed() != open && typed.with(|x| wanted(r, x))).cloned().collect());
            (!shown.is_empty()).then(|| {
                let (id, title) = if open { ("referrals-open", t::REFERRALS_OPEN) } else { ("referrals-closed", t::REFERRALS_CLOSED) };
                view! {
                    <section aria-labelledby=id>
                        <h2 id=id>{format!("{} ({})", title.get(lang), shown.len())}</h2>
                        <ul class="cards referrals">{shown.into_iter().map(|r| card(r, lang)).collect_view()}</ul>
                    </section>
                }
            })
        }
    };
    let find = (total >= FIND_FROM).then(|| {
        let shown = move || referrals.with_value(|all| typed.with(|x| all.iter().filter(|r| wanted(r, x)).count()));
        view! {
            <div class="field referrals-find">
                <label class="field__label" for="referrals-find">{t::FIND_REFERRAL.get(lang)}</label>
                <input class="input" id="referrals-find" type="search" autocomplete="off"
                    prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
                <p class="status" role="status">{move || t::referrals_shown(lang, shown(), total)}</p>
            </div>
        }
    });
    view! { {find}{section(true)}{section(false)} }
}

/// "Tilbuddet har lovet kontakt senest 4. december 2026" while the referral waits for it.
pub(super) fn contact_by(r: &ClinicianReferral, lang: Lang) -> Option<impl IntoView> {
    let day = r.contact_by.as_deref().filter(|_| r.status == ReferralStatus::Received)?;
    Some(view! { <div><dt>{t::CONTACT_BY.get(lang)}</dt><dd>{format::date(day, lang)}</dd></div> })
}

/// "Første mødegang: mandag 11. januar 2027 kl. 17:00" while the patient is enrolled, when the
/// provider gave it.
pub(super) fn first_session(r: &ClinicianReferral, lang: Lang) -> Option<impl IntoView> {
    let first = forebyg_shared::first_session::current(&r.history, r.status).filter(|_| r.status == ReferralStatus::Enrolled)?;
    Some(view! { <div><dt>{t::FIRST_SESSION.get(lang)}</dt><dd>{format::first_session(first, lang)}</dd></div> })
}

/// "Tilmeldt · 5. december 2026 kl. 18:36 · Tilbuddet": the latest step after sending and who
/// made it, so "Nyt siden sidst" says what is new on the list itself (a walk found only the day it
/// was sent; another could not tell the patient's withdrawal from a colleague's).
fn latest_step(r: &ClinicianReferral, lang: Lang) -> Option<impl IntoView> {
    let moved = forebyg_shared::first_session::moves(&r.history).last().copied().unwrap_or(false);
    let [.., before, e] = r.history.as_slice() else { return None };
    let label = if moved { forebyg_shared::first_session::moved_label(lang) } else { step_label(e, Undo::of(Some(before.status), e), lang) };
    Some(view! { <div><dt>{t::LATEST_STEP.get(lang)}</dt><dd>{label}" · "{when(e.at, lang)}" · "{e.by.label(lang)}</dd></div> })
}

fn card(r: ClinicianReferral, lang: Lang) -> impl IntoView {
    view! {
        <li class="card referral-card" class:referral-card--changed=r.changed>
            <h3 class="card__title">{r.patient_name.clone()}</h3>
            <p>
                {status_line(&r, lang)}
                {r.changed.then(|| view! { " "<span class="badge badge--changed">{t::CHANGED.get(lang)}</span> })}
                {r.overdue.then(|| view! { " "<span class="badge badge--changed">{t::OVERDUE.get(lang)}</span> })}
            </p>
            <dl class="facts">
                <div><dt>{t::OFFER.get(lang)}</dt><dd><a href=query::offer_href(&r.offer_id)>{r.offer_title.clone()}</a></dd></div>
                <div><dt>{t::SENT_ON.get(lang)}</dt><dd>{when(r.created_at, lang)}</dd></div>
                {latest_step(&r, lang)}
                {contact_by(&r, lang)}
                {first_session(&r, lang)}
                {r.decline_reason.map(|d| view! { <div><dt>{t::DECLINE_REASON.get(lang)}</dt><dd>{d.label(lang)}</dd></div> })}
            </dl>
            <p><a href=cq::referral_href(&r.code)>{t::referral_heading(lang, &r.code)}</a></p>
        </li>
    }
}
