//! How to join an offer, said before anyone clicks (issue #15 point 2): the button when one can
//! sign up oneself; the waiting list or a full course said plainly before the form; and, when a
//! referral is needed, the next step (talk to your doctor, show them this page).

use crate::components::badges::ReferralBadge;
use crate::context::last_search;
use crate::{i18n, next_steps, query};
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::Capacity;
use forebyg_shared::Lang;
use leptos::prelude::*;

/// The id of the offer page's "print and share" heading, the target of the referral notice's link.
pub const TOOLS_HEADING_ID: &str = "tools-h2";

/// Moves the focus to the page tools and brings them to the top of the view at once, as the skip
/// link does: left to the router, the jump waited for the sections still loading above the tools
/// and landed where the tools had been before they arrived.
fn to_tools(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    crate::dom::focus_id(TOOLS_HEADING_ID);
    if let Some(heading) = document().get_element_by_id(TOOLS_HEADING_ID) {
        heading.scroll_into_view();
    }
}

/// An archived offer's notice, instead of any way to join: it is closed, and those who asked
/// already follow their request on the status page (the offer's facts stay for them).
pub fn closed_notice(lang: Lang) -> impl IntoView {
    let t = move |x: i18n::Text| x.get(lang);
    view! {
        <div class="notice">
            <p class="notice__title"><strong>{t(next_steps::CLOSED_TITLE)}</strong></p>
            <p>{t(next_steps::CLOSED_TEXT)}</p>
            <p>{t(next_steps::CLOSED_ALREADY)}" "<a href=query::status_href("", None)>{t(next_steps::STATUS_PAGE)}</a>"."</p>
            <p class="no-print"><a href=last_search()>{t(next_steps::FIND_OTHER)}</a></p>
        </div>
    }
}

#[component]
pub fn JoinBox(offer: Offer, lang: Lang) -> impl IntoView {
    let t = move |x: i18n::Text| x.get(lang);
    if offer.is_archived() {
        return closed_notice(lang).into_any();
    }
    let signup = query::signup_href(&offer.id);
    let body = match (offer.referral.self_referral, offer.capacity) {
        (false, _) => view! {
            <div class="notice notice--referral">
                <p class="notice__title"><ReferralBadge lang=lang /></p>
                <p>{t(next_steps::NEEDS_REFERRAL_TEXT)}</p>
                <p class="no-print"><a href=format!("#{TOOLS_HEADING_ID}") on:click=to_tools>{t(next_steps::PRINT_OR_SHARE)}</a></p>
            </div>
        }
        .into_any(),
        (true, Capacity::Full) => view! {
            <div class="notice">
                <p class="notice__title"><strong>{t(next_steps::FULL_TITLE)}</strong></p>
                <p>{t(next_steps::FULL_TEXT)}</p>
                <p class="no-print"><a href=last_search()>{t(next_steps::FIND_OTHER)}</a></p>
            </div>
        }
        .into_any(),
        (true, Capacity::Waitlist) => view! {
            <div class="notice">
                <p class="notice__title"><strong>{t(next_steps::WAITLIST_TITLE)}</strong></p>
                <p>{t(next_steps::WAITLIST_TEXT)}</p>
                <p class="no-print"><a class="button" href=signup>{t(next_steps::JOIN_WAITLIST)}</a></p>
            </div>
        }
        .into_any(),
        (true, _) => view! { <p class="no-print"><a class="button" href=signup>{t(i18n::JOIN_BUTTON)}</a></p> }.into_any(),
    };
    let danish_only = (lang == Lang::En).then(|| view! { <p class="muted">{t(next_steps::DANISH_ONLY)}</p> });
    let residence = crate::components::residence_notice::residence_notice(&offer, lang);
    // When to expect contact, said before asking (only where one can ask oneself, and not on a
    // waiting list: there the provider calls when a place is free, as the notice says).
    let response = offer
        .promised_response_days()
        .filter(|_| offer.referral.self_referral)
        .map(|days| view! { <p class="join-response">{next_steps::contact_within(days, lang)}</p> });
    view! { {danish_only} {residence} {body} {response} }.into_any()
}
