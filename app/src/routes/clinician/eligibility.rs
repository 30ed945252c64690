//! Whether the patient may join an offer, as the clinician sees it on a result card and on the
//! referral form: the verdict with a shape as well as a colour, and its reasons.

use crate::clinician::texts as t;
use forebyg_shared::eligibility::{Assessment, Verdict};
use forebyg_shared::Lang;
use leptos::prelude::*;

pub fn verdict(a: &Assessment, lang: Lang) -> impl IntoView {
    let verdict = a.verdict;
    let icon = match verdict {
        Verdict::Eligible => "✓",
        Verdict::NotEligible => "✕",
        Verdict::Check => "?",
    };
    let reasons: Vec<String> = a.reasons.iter().map(|r| r.get(lang).to_owned()).collect();
    view! {
        <div class=format!("eligibility eligibility--{}", verdict.code())>
            <p class="eligibility__verdict">
                <span class="visually-hidden">{t::ELIGIBILITY.get(lang)}" "</span>
                <span class="eligibility__icon" aria-hidden="true">{icon}</span>
                {verdict.label(lang)}
            </p>
            {(!reasons.is_empty()).then(|| view! { <ul class="eligibility__reasons">{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul> })}
        </div>
    }
}
