//! An offer page opened from the clinician search (`/tilbud/:id?fra=klinik`): the way back goes
//! to that search, and the clinician's own actions (refer, the patient handout) come before the
//! citizen's "Jeg vil gerne deltage", so a clinician does not send a self-referral by mistake.
//! A shared link or a QR code carries no `fra`: the patient sees the citizen's page.

/// The way back from the offer page: the clinician's last search in this tab.
pub use super::session::last_search_href as back_href;
use crate::clinician::query::{self as cq, HandoutQuery};
use crate::clinician::refusal::not_yours;
use crate::clinician::texts as t;
use forebyg_shared::offer::Offer;
use forebyg_shared::Lang;
use leptos::prelude::*;

/// Whether the page was opened from the clinician search.
pub fn from_clinic(query: &leptos_router::params::ParamsMap) -> bool {
    query.get(cq::FROM.0).as_deref() == Some(cq::FROM.1)
}

/// "Til behandleren": refer (where the offer takes referrals through Forebyg and has room) and
/// the patient handout. Signed in, a clinician whose kind of organisation the offer does not take
/// referrals from reads why (as on the search's card) rather than "use the route above". The
/// referral form itself says why else a clinician may not refer here.
#[component]
pub fn ClinicianActions(offer: Offer, lang: Lang) -> impl IntoView {
    let patient = super::refer::last_patient();
    let handout = HandoutQuery { offers: vec![offer.id.clone()], lang: cq::sheet_lang(lang, patient.as_ref()), patient: false }.href();
    let profile = super::session::profile();
    let (rules, through_forebyg) = (offer.referral.clone(), offer.refers_through_forebyg());
    let (href, label) = (cq::refer_href(&offer.id, patient.as_ref()), t::refer_to(lang, &offer.title));
    let refer = move || match profile.get().flatten().and_then(Result::ok).and_then(|p| not_yours(&rules, p.referrer, lang)) {
        Some(why) => view! { <p class="muted">{why}</p> }.into_any(),
        None if through_forebyg => view! { <a class="button" href=href.clone() aria-label=label.clone()>{t::REFER.get(lang)}</a> }.into_any(),
        None => view! { <p class="muted">{t::REFER_NOT_HERE.get(lang)}</p> }.into_any(),
    };
    view! {
        <section class="notice notice--referral clinician-actions no-print" aria-labelledby="clinician-actions-title">
            <h2 id="clinician-actions-title">{t::FOR_CLINICIAN.get(lang)}</h2>
            <div class="button-row">
                {refer}
                <a class="button button--secondary" href=handout>{t::MAKE_HANDOUT.get(lang)}</a>
            </div>
        </section>
    }
}
