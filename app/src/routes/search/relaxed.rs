//! An answer with nothing in it names the choices to drop: "Prøv uden et af dine valg:", with a
//! link per chosen filter without which the search finds offers, and how many ("Uden
//! »Aftenhold«: 12 tilbud"). The API counts them (`SearchResponse::relaxed`).

use crate::{format, i18n, query};
use forebyg_shared::label::join_list;
use forebyg_shared::search::{Relaxable, SearchParams, SearchResponse};
use forebyg_shared::taxonomy::Kronikerpakke;
use forebyg_shared::Lang;
use leptos::prelude::*;

/// `focus_when_done` is set when a link is followed: it goes with the answer, so the focus moves
/// to the new one's heading.
pub(super) fn relaxed(r: &SearchResponse, params: &SearchParams, lang: Lang, focus_when_done: StoredValue<bool>) -> Option<impl IntoView> {
    let links: Vec<_> = r
        .relaxed
        .iter()
        // A package the interventions are not part of has its own hint and link.
        .filter(|x| x.filter != Relaxable::Package || r.outside_package.is_empty())
        .map(|x| {
            let href = query::search_href(&params.without(x.filter));
            let text = i18n::without_filter(lang, &chosen(x.filter, params, lang), x.count, &format::number(x.count.into(), lang));
            view! { <li><a href=href on:click=move |_| focus_when_done.set_value(true)>{text}</a></li> }
        })
        .collect();
    (!links.is_empty()).then(|| view! { <div class="next-step"><p>{i18n::RELAX_INTRO.get(lang)}</p><ul>{links}</ul></div> })
}

/// What was chosen for filter `f`, as the search form names it.
fn chosen(f: Relaxable, p: &SearchParams, lang: Lang) -> String {
    let or = if lang == Lang::Da { "eller" } else { "or" };
    match f {
        Relaxable::Category => join_list(&p.categories.iter().map(|c| c.label(lang)).collect::<Vec<_>>(), or),
        Relaxable::Condition => p.condition.map(|c| c.label(lang).to_owned()).unwrap_or_default(),
        Relaxable::Package => {
            let code = p.package.as_deref().unwrap_or_default();
            Kronikerpakke::from_code(code).map_or(code, |k| k.label(lang)).to_owned()
        }
        Relaxable::Format => p.format.map(|f| f.label(lang).to_owned()).unwrap_or_default(),
        Relaxable::Time => {
            let times: Vec<&str> =
                [(p.evening, i18n::EVENING), (p.weekend, i18n::WEEKEND)].into_iter().filter(|t| t.0).map(|t| t.1.get(lang)).collect();
            join_list(&times, or)
        }
        Relaxable::StartsWithinWeeks => p.starts_within_weeks.map(|w| i18n::within_weeks(lang, w)).unwrap_or_default(),
        Relaxable::Language => {
            let code = p.language.as_deref().unwrap_or_default();
            format::capitalise(i18n::language_name(lang, code).unwrap_or(code))
        }
        Relaxable::Continuous => i18n::CONTINUOUS_FILTER.get(lang).to_owned(),
        Relaxable::SelfReferral => i18n::SELF_REFERRAL_FILTER.get(lang).to_owned(),
        Relaxable::Available => i18n::AVAILABLE_FILTER.get(lang).to_owned(),
    }
}
