//! Under a receipt and a status (issue #15, point 4): the first session agreed, as a file for the
//! person's own calendar; who to call (the provider and its phone;
//! a notice to call them when they are late with the contact they promised),
//! and when the request was declined, why in plain words, two other offers of the same kind
//! near the offer and (a clinician's referral) to talk to whoever referred, so a "no" is not a
//! dead end.

use crate::components::facts::phone_link;
use crate::{api, format, next_steps, query};
use forebyg_shared::first_session::FirstSession;
use forebyg_shared::offer::Offer;
use forebyg_shared::referral::{DeclineReason, ReferralStatus};
use forebyg_shared::search::alternatives::pick;
use forebyg_shared::search::{OfferHit, SearchParams, SearchResponse};
use forebyg_shared::Lang;
use leptos::prelude::*;

/// Up to two other offers of the offer's kind, nearest to its place, that could take the person
/// ([`pick`]: for a person's own request, those they can join themselves first; none for a
/// digital offer).
async fn alternatives(offer: &Offer, reason: Option<DeclineReason>, referral: bool) -> Vec<OfferHit> {
    let Some(point) = offer.point() else { return vec![] };
    let params = SearchParams { point: Some(point), categories: vec![offer.category], per_page: 10, ..Default::default() };
    match api::get_json::<SearchResponse>(&query::api_search_url(&params)).await {
        Ok(r) => pick(r.results, offer, reason, !referral),
        Err(_) => vec![],
    }
}

/// Where the first session is (the offer's place; none for a digital offer), and "Læg første
/// mødegang i din kalender": the first session of request `code` as a calendar file, in the link
/// itself (a few hundred bytes: a `data:` address keeps the file's name at that size, and needs no
/// code to make a file in the browser).
fn first_session_part(code: &str, first: &FirstSession, offer: &Offer, lang: Lang) -> impl IntoView {
    let place = offer.location.as_ref().map(|_| {
        view! { <p><strong>{next_steps::PLACE.get(lang)}": "</strong>{crate::clinician::handout::where_text(offer, lang)}</p> }
    });
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let ics = crate::calendar::first_session_ics(code, first, offer, now, lang);
    let href = format!("data:text/calendar;charset=utf-8,{}", query::encode(&ics));
    view! {
        {place}
        <p><a class="button button--secondary" href=href download=crate::calendar::file_name(lang)>{next_steps::ADD_TO_CALENDAR.get(lang)}</a></p>
    }
}

/// The offer part (phone, alternatives) needs the offer, which the API serves archived too (an
/// open request then says the offer has closed); the decline reason and the way to other offers
/// come from the receipt alone.
/// `status` and `waitlist` (the status page) pick whom-to-call for that status; the receipt's is
/// `received`. A completed course links the next-step sheet (which works for an archived offer
/// too; it says "Du har gennemført …", so not for a course stopped early).
#[component]
pub fn FollowUp(
    offer_id: String,
    declined: bool,
    reason: Option<DeclineReason>,
    #[prop(optional)] overdue: bool,
    #[prop(optional)] status: Option<ReferralStatus>,
    #[prop(optional)] waitlist: bool,
    /// The day the provider promised to contact by (YYYY-MM-DD), if any.
    contact_by: Option<String>,
    /// A clinician's referral: a decline sends the patient back to whoever referred them too.
    #[prop(optional)]
    referral: bool,
    /// The receipt code and the first session agreed on enrolment (still ahead): its place, and a
    /// calendar file.
    #[prop(default = None)]
    first_session: Option<(String, FirstSession)>,
    lang: Lang,
) -> impl IntoView {
    let status = status.unwrap_or(ReferralStatus::Received);
    let sheet = (status == ReferralStatus::Completed).then(|| crate::activity_query::next_step_href(&offer_id, lang));
    let loaded = LocalResource::new(move || {
        let id = offer_id.clone();
        async move {
            let offer = api::get_offer(&id).await.ok();
            let others = match &offer {
                Some(o) if declined => alternatives(o, reason, referral).await,
                _ => vec![],
            };
            (offer, others)
        }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let (sheet, contact_by, first_session) = (sheet.clone(), contact_by.clone(), first_session.clone());
                Suspend::new(async move {
                let (offer, others) = loaded.await;
                // Asked before the offer was archived, and not yet answered: not forgotten.
                let closed = offer.as_ref().filter(|o| o.is_archived() && status.is_open())
                    .map(|_| {
                        let text = if referral { next_steps::CLOSED_OPEN_REFERRAL } else { next_steps::CLOSED_OPEN_REQUEST };
                        view! { <p class="notice" role="note">{text.get(lang)}</p> }
                    });
                let call = offer.as_ref().and_then(|offer| {
                    let phone = offer.contact.phone.clone();
                    if overdue {
                        let how = match phone {
                            Some(p) => view! { " "{next_steps::LATE_CALL.get(lang)}" "{phone_link(p)}"." }.into_any(),
                            None => view! { " "<a href=query::offer_href(&offer.id)>{next_steps::LATE_NO_PHONE.get(lang)}</a>"." }.into_any(),
                        };
                        let late = next_steps::provider_late(&offer.provider.name, lang);
                        Some(view! { <p class="notice" role="note">{late}{how}</p> }.into_any())
                    } else {
                        phone.map(|p| view! { <p>{next_steps::call_for(status, waitlist, contact_by.as_deref(), &offer.provider.name, lang)}" "{phone_link(p)}"."</p> }.into_any())
                    }
                });
                let declined_part = declined.then(|| {
                    let list = others
                        .into_iter()
                        .map(|h| {
                            let distance = match h.distance_km {
                                Some(d) => format!(" · {}", format::distance(d, lang)),
                                None => format!(" · {}", crate::i18n::DIGITAL.get(lang).to_lowercase()),
                            };
                            // What the result card would say: across the water, or a referral needed.
                            let water = h.across_water.then(|| format!(" · {}", crate::i18n::ACROSS_WATER.get(lang)));
                            let needs = (!h.offer.self_referral).then(|| format!(" · {}", next_steps::NEEDS_REFERRAL.get(lang)));
                            view! { <li><a href=query::offer_href(&h.offer.id)>{h.offer.title}</a>" – "{h.offer.provider_name}{distance}{water}{needs}</li> }
                        })
                        .collect::<Vec<_>>();
                    view! {
                        <p><strong>{next_steps::declined_because(reason, lang)}</strong></p>
                        {referral.then(|| view! { <p>{next_steps::ASK_REFERRER.get(lang)}</p> })}
                        {(!list.is_empty()).then(|| view! {
                            <h3>{next_steps::ALTERNATIVES.get(lang)}</h3>
                            <ul>{list}</ul>
                        })}
                        <p><a href="/">{next_steps::FIND_OTHER.get(lang)}</a></p>
                    }
                });
                let sheet = sheet.map(|href| view! { <p><a href=href>{crate::i18n::activities::SHEET_H1.get(lang)}</a></p> });
                let calendar = first_session.zip(offer).map(|((code, first), offer)| first_session_part(&code, &first, &offer, lang));
                view! { <div class="follow-up">{closed}{calendar}{declined_part}{call}{sheet}</div> }
            })
            }}
        </Suspense>
    }
}
