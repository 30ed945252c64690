//! The referral form's first notices: whether the patient may join, as the result card said,
//! following the conditions ticked and the CPR number typed below (a referral the provider must
//! decline costs the patient weeks; the clinician may still refer, but sees why not first, with
//! the way back to the other offers), and when the provider answers.

use super::eligibility::verdict;
use crate::clinician::texts as t;
use crate::dom;
use forebyg_shared::cpr;
use forebyg_shared::eligibility::{assess, Patient, Verdict};
use forebyg_shared::offer::Offer;
use forebyg_shared::search::clinician::ClinicianParams;
use forebyg_shared::taxonomy::{Capacity, Condition};
use forebyg_shared::Lang;
use leptos::prelude::*;

/// `back`: the way back to the results. The age is the CPR number's once one is typed (it is
/// the patient's), else the search's.
pub(super) fn eligibility_notice(
    offer: &Offer,
    patient: ClinicianParams,
    conditions: RwSignal<Vec<Condition>>,
    cpr_number: RwSignal<String>,
    back: String,
    lang: Lang,
) -> impl IntoView {
    let (criteria, area) = (offer.eligibility.clone(), offer.area());
    let (searched_age, home) = (patient.age, patient.home());
    let today = dom::today();
    let cpr_age = Memo::new(move |_| cpr_number.with(|c| cpr::age(c, &today)));
    let assessment = Memo::new(move |_| {
        let age = cpr_age.get().or(searched_age);
        conditions.with(|cs| assess(&criteria, &area, &Patient::new(age, cs, home)))
    });
    view! {
        <div class="refer-eligibility" aria-live="polite">
            {move || {
                let a = assessment.get();
                let differ = match (searched_age, cpr_age.get()) {
                    (Some(searched), Some(from_cpr)) if cpr::ages_differ(searched, from_cpr) => {
                        Some(view! { <p class="notice" id="refer-age-differs">{t::cpr_age_differs(lang, from_cpr, searched)}</p> })
                    }
                    _ => None,
                };
                let not_eligible = (a.verdict == Verdict::NotEligible).then(|| {
                    view! { <p>{t::NOT_ELIGIBLE_REFER.get(lang)}" "<a href=back.clone()>{t::BACK_TO_RESULTS.get(lang)}</a></p> }
                });
                view! { {verdict(&a, lang)} {differ} {not_eligible} }
            }}
        </div>
    }
}

/// When the patient hears from the provider, said before sending (a walk's GP saw it only on the
/// slip after sending): the waiting list, or the days the offer promises.
pub(super) fn expect_notice(offer: &Offer, lang: Lang) -> Option<impl IntoView> {
    if offer.capacity == Capacity::Waitlist {
        return Some(view! { <p class="notice refer-waitlist">{t::WAITLIST_REFER.get(lang)}</p> }.into_any());
    }
    let days = offer.promised_response_days()?;
    Some(view! { <p class="refer-response">{t::responds_within(lang, days)}</p> }.into_any())
}
