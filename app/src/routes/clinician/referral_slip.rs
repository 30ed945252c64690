//! The patient's slip after a referral is sent: the offer, where and when (and in which languages,
//! when not only the slip's), what happens now as the created referral says (on the waiting list,
//! or contact by its promised day), whom to call, and how to follow the referral on the status
//! page with its code (written and as a QR code that fills it in). It holds no name and no health data:
//! the code alone shows nothing without the patient's phone number or e-mail. In its own language
//! (Danish or English, whatever the UI speaks); printing the page prints the slip alone.

use super::handout::{copy_value, held_in, origin, SheetLanguage};
use crate::clinician::handout as h;
use crate::clinician::slip;
use crate::clinician::texts as t;
use crate::components::js_module;
use crate::i18n;
use forebyg_shared::clinician::ClinicianReferral;
use forebyg_shared::offer::Offer;
use forebyg_shared::Lang;
use leptos::prelude::*;

#[component]
pub fn ReferralSlip(offer: Offer, referral: ClinicianReferral, lang: Lang) -> impl IntoView {
    js_module::load("forebyg:qr");
    let sl = RwSignal::new(lang);
    let choose = Callback::new(move |l: Lang| sl.set(l));
    let (offer_text, referral_text) = (offer.clone(), referral.clone());
    view! {
        <section class="slip-tools no-print" aria-labelledby="slip-tools-title">
            <h2 id="slip-tools-title">{t::SLIP_TOOLS.get(lang)}</h2>
            <p>{t::SLIP_TOOLS_TEXT.get(lang)}</p>
            <SheetLanguage name="slip-lang" current=sl.into() choose=choose lang=lang />
            <p><button class="button" type="button" on:click=move |_| { let _ = window().print(); }>{t::SLIP_PRINT.get(lang)}</button></p>
            {move || short_text(&offer_text, &referral_text, sl.get(), lang)}
        </section>
        {move || sheet(&offer, &referral, sl.get())}
    }
}

/// What happens now: as the referral was sent, or (printed again later) where the provider has
/// taken it since: contacted, or enrolled with the first session agreed.
fn what_now(o: &Offer, r: &ClinicianReferral, sl: Lang) -> String {
    let first = forebyg_shared::first_session::current(&r.history, r.status).map(|f| crate::format::first_session(f, sl));
    slip::moved_on(&o.provider.name, r.status, first.as_deref(), sl)
        .unwrap_or_else(|| slip::what_now(&o.provider.name, r.waitlist, r.contact_by.as_deref(), sl))
}

/// Whom to call: as sent (chasing a late answer), or once the provider has moved the referral on,
/// as the status page says it for that status (no "not heard by …" beside a first session).
fn questions(o: &Offer, r: &ClinicianReferral, sl: Lang) -> String {
    if r.status == forebyg_shared::referral::ReferralStatus::Received {
        slip::questions(&o.provider.name, r.waitlist, r.contact_by.as_deref(), sl)
    } else {
        crate::next_steps::call_for(r.status, r.waitlist, r.contact_by.as_deref(), &o.provider.name, sl)
    }
}

/// The slip as a text message, in the slip's language `sl`, to copy (for a clinician without a
/// printer, e.g. on a home visit).
fn short_text(o: &Offer, r: &ClinicianReferral, sl: Lang, lang: Lang) -> impl IntoView {
    let what_now = what_now(o, r, sl);
    let text = slip::short_text(&o.title, &what_now, &slip::status_href(&origin(), &r.code, sl), sl);
    let copied = RwSignal::new(None::<&'static str>);
    view! {
        <div class="field">
            <label class="field__label" for="slip-text">{t::SHORT_TEXT.get(lang)}</label>
            <textarea class="input input--textarea" id="slip-text" readonly rows="5" prop:value=text.clone() data-copy=text></textarea>
            <p><button class="button button--secondary button--small" type="button" on:click=copy_value("slip-text", copied, lang)
                aria-label=format!("{}: {}", t::COPY.get(lang), t::SHORT_TEXT.get(lang))>{t::COPY.get(lang)}</button></p>
            <p role="status" class="status">{move || copied.get()}</p>
        </div>
    }
}

/// The slip itself, in `sl` (`lang` on the element: screen readers and the QR caption follow it).
/// The offer's title is Danish data; what happens now follows the created referral `r`.
fn sheet(o: &Offer, r: &ClinicianReferral, sl: Lang) -> impl IntoView {
    let code = r.code.as_str();
    let site = origin();
    let status = slip::status_href(&site, code, sl);
    let typed_site = site.split_once("://").map_or(site.as_str(), |(_, rest)| rest).to_owned();
    let phone = o.contact.phone.clone().filter(|p| !p.trim().is_empty()).map(|p| {
        view! { <div><dt>{t::SLIP_QUESTIONS.get(sl)}</dt><dd>{questions(o, r, sl)}" "{p}"."</dd></div> }
    });
    // The day it was sent, so the patient can tell how long ago ("Henvist: 4. december 2026").
    let referred_on = crate::format::date(&forebyg_shared::date::copenhagen_date(r.created_at), sl);
    view! {
        <article class="handout referral-slip" lang=sl.code() aria-labelledby="slip-title">
            <h2 id="slip-title" class="handout__title">{t::SLIP_H.get(sl)}</h2>
            <section class="handout__offer" aria-labelledby="slip-offer">
                <div class="handout__text">
                    <h3 id="slip-offer" lang=i18n::data_lang(sl)>{o.title.clone()}</h3>
                    {o.demo.then(|| view! { <p class="handout__demo"><strong>{i18n::DEMO_NOTICE_TITLE.get(sl)}</strong></p> })}
                    <dl class="handout__facts">
                        <div><dt>{t::WHERE.get(sl)}</dt><dd>{h::where_text(o, sl)}</dd></div>
                        <div><dt>{t::WHEN.get(sl)}</dt><dd>{h::when_text(o, sl)}</dd></div>
                        {held_in(o, sl)}
                        <div><dt>{t::SLIP_REFERRED_ON.get(sl)}</dt><dd>{referred_on}</dd></div>
                        <div><dt>{t::SLIP_WHAT_NOW.get(sl)}</dt><dd>{what_now(o, r, sl)}</dd></div>
                        {phone}
                        <div><dt>{t::SLIP_FOLLOW.get(sl)}</dt><dd>{slip::follow(&typed_site, sl)}</dd></div>
                    </dl>
                    <p class="handout__next referral-slip__code"><strong>{t::SLIP_CODE.get(sl)}": "</strong><span class="receipt__code">{code.to_owned()}</span></p>
                </div>
                <forebyg-qr class="handout__qr" data-url=status data-kind="status"></forebyg-qr>
            </section>
        </article>
    }
}
