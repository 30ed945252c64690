//! What the referral page shows instead of the form: why this clinician cannot refer to the offer,
//! the receipt of the referral just sent, or what became of it once it closed.

use crate::clinician::query::{self as cq, REFERRALS_PATH};
use crate::clinician::texts as t;
use crate::components::facts::phone_link;
use crate::dom;
use forebyg_shared::clinician::ClinicianReferral;
use forebyg_shared::offer::Offer;
use forebyg_shared::problem::types;
use forebyg_shared::referral_route::{forebyg_refusal, ReferrerKind};
use forebyg_shared::Lang;
use leptos::prelude::*;

/// Why this clinician cannot refer to this offer through Forebyg, with the way on: the patient's
/// handout for this offer in `sheet`'s language (and self sign-up, where it is open); for a
/// closed offer, back to the other offers (`back`).
pub(super) fn refused(offer: &Offer, referrer: ReferrerKind, back: &str, sheet: Lang, lang: Lang) -> Option<AnyView> {
    if offer.is_archived() {
        return Some(
            view! {
                <div class="notice notice--refused" role="alert">
                    <h2>{t::REFUSED.get(lang)}</h2>
                    <p>{t::OFFER_CLOSED.get(lang)}</p>
                    <p><a href=back.to_owned()>{t::BACK_TO_RESULTS.get(lang)}</a></p>
                </div>
            }
            .into_any(),
        );
    }
    let refusal = forebyg_refusal(&offer.referral, offer.capacity, referrer)?;
    let handout = cq::HandoutQuery { offers: vec![offer.id.clone()], lang: sheet, patient: false }.href();
    let self_sign_up = offer.referral.self_referral.then(|| format!(" {}", t::SELF_SIGN_UP.get(lang)));
    // Full without a waiting list: whom to ask when a place frees up, and the way to the others.
    let full = (refusal.problem_type == types::OFFER_FULL).then(|| {
        let ask = offer.contact.phone.clone().map(|p| view! { <p>{t::full_ask(lang, &offer.provider.name)}" "{phone_link(p)}"."</p> });
        view! { {ask}<p><a href=back.to_owned()>{t::BACK_TO_RESULTS.get(lang)}</a></p> }
    });
    Some(
        view! {
            <div class="notice notice--refused" role="alert">
                <h2>{t::REFUSED.get(lang)}</h2>
                <p>{refusal.reason.get(lang).to_owned()}{self_sign_up}</p>
                {full}
                <p><a href=handout>{t::MAKE_HANDOUT.get(lang)}</a></p>
            </div>
        }
        .into_any(),
    )
}

/// The sent referral's receipt: its code, what happens now, and the ways on (`back`: to the
/// patient's search, as the page's own back link goes).
pub(super) fn receipt(r: &ClinicianReferral, back: String, lang: Lang) -> impl IntoView {
    request_animation_frame(|| dom::focus_id("referral-sent"));
    view! {
        <section class="receipt" id="referral-sent" tabindex="-1" aria-labelledby="referral-sent-title">
            <h2 id="referral-sent-title">{t::SENT.get(lang)}</h2>
            <p class="receipt__label">{t::REFERRAL_CODE.get(lang)}</p>
            <p class="receipt__code">{r.code.clone()}</p>
            {r.waitlist.then(|| view! { <p>{t::WAITLIST_REFER.get(lang)}</p> })}
            <p>{t::SENT_TEXT.get(lang)}</p>
            {ways_on(&r.code, back, lang)}
        </section>
    }
}

/// A sent referral's address opened again after it closed: what became of it, and the way to it.
pub(super) fn closed_receipt(r: &ClinicianReferral, back: String, lang: Lang) -> impl IntoView {
    request_animation_frame(|| dom::focus_id("referral-sent"));
    view! {
        <section class="receipt" id="referral-sent" tabindex="-1" aria-labelledby="referral-sent-title">
            <h2 id="referral-sent-title">{t::referral_heading(lang, &r.code)}</h2>
            <p><strong>{t::STATUS.get(lang)}": "{r.status.label(lang)}</strong></p>
            <p>{t::SENT_CLOSED.get(lang)}</p>
            {ways_on(&r.code, back, lang)}
        </section>
    }
}

/// The ways on from a sent referral: its page, the clinician's referrals, the patient's search.
fn ways_on(code: &str, back: String, lang: Lang) -> impl IntoView {
    view! {
        <ul class="plain link-list">
            <li><a href=cq::referral_href(code)>{t::referral_heading(lang, code)}</a></li>
            <li><a href=REFERRALS_PATH>{t::NAV_REFERRALS.get(lang)}</a></li>
            <li><a href=back>{t::BACK_TO_RESULTS.get(lang)}</a></li>
        </ul>
    }
}
