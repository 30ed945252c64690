//! What an intervention with no offer to show says instead of a blank, so the clinician has a
//! next step: the chosen kronikerpakke leaves the intervention out (the same search without the
//! package), or no on-site offer lies within the widest search (the intake conversation, the
//! default referral, finds another way with the patient). An intervention whose nearest offer
//! lies further away says so with `wider_search` instead.

use super::results::link_to_group;
use super::search::SearchState;
use crate::clinician::query as cq;
use crate::clinician::texts as t;
use crate::{format, i18n};
use forebyg_shared::search::clinician::{ClinicianParams, OfferGroup};
use forebyg_shared::search::MAX_RADIUS_KM;
use forebyg_shared::taxonomy::{Category, Kronikerpakke};
use forebyg_shared::Lang;
use leptos::prelude::*;

/// The group's offer count as its heading and the groups' navigation show it: "ikke i pakken"
/// for an intervention the package leaves out, else "(3 tilbud)"'s inside, with the digital ones
/// ("0 tilbud + 1 digitalt"): a group with only digital offers is not empty for the patient.
pub fn count_text(g: &OfferGroup, lang: Lang) -> String {
    if g.outside_package && g.nearby_total == 0 {
        t::NOT_IN_PACKAGE_SHORT.get(lang).to_owned()
    } else if g.digital_total > 0 {
        t::with_digital(lang, &i18n::offer_count(lang, g.nearby_total), g.digital_total)
    } else {
        i18n::offer_count(lang, g.nearby_total)
    }
}

/// `id`: the group's heading, where the focus returns after a search without the package.
pub fn empty_group(g: &OfferGroup, id: &str, state: SearchState, lang: Lang) -> impl IntoView {
    if g.outside_package {
        let package = state.query.with_untracked(|q| q.as_ref().ok().and_then(|q| q.params.package.clone())).unwrap_or_default();
        let label = Kronikerpakke::from_code(&package).map_or(package, |k| k.label(lang).to_owned());
        let id = id.to_owned();
        let href = move || {
            state.query.get().map(|q| cq::ClinicianQuery { params: ClinicianParams { package: None, ..q.params }, ..q }.href()).unwrap_or_default()
        };
        return view! {
            <div class="next-step">
                <p>{i18n::not_in_package(lang, None, &label)}</p>
                <p><a class="button button--secondary" href=href on:click=move |_| state.focus_when_answered(&id)>{i18n::SEARCH_WITHOUT_PACKAGE.get(lang)}</a></p>
            </div>
        }
        .into_any();
    }
    let for_conditions = state.query.with_untracked(|q| q.as_ref().is_ok_and(|q| !q.params.conditions.is_empty()));
    let intake = (g.category != Category::AfklarendeSamtale).then(|| {
        view! {
            <p>{t::ASK_INTAKE.get(lang)}</p>
            <p>{link_to_group(Category::AfklarendeSamtale, t::GO_TO_INTAKE.get(lang).to_owned())}</p>
        }
    });
    view! {
        <div class="next-step">
            <p>{t::none_within(lang, &format::radius(MAX_RADIUS_KM, lang), for_conditions)}</p>
            {intake}
        </div>
    }
    .into_any()
}
