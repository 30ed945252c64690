//! The answer to a clinician search: the handout bar and the offers grouped by intervention (the
//! cards are `card.rs`), each group with its count, the way to more of its offers and its digital
//! alternatives.

use super::card::card;
use super::empty_group::{count_text, empty_group};
use super::search::SearchState;
use crate::clinician::query::{self as cq, HandoutQuery};
use crate::clinician::texts as t;
use crate::components::wider_search::wider_search;
use crate::{dom, format};
use forebyg_shared::search::clinician::{ClinicianParams, ClinicianSearchResponse, OfferGroup, MAX_PER_GROUP};
use forebyg_shared::search::DEFAULT_RADIUS_KM;
use forebyg_shared::taxonomy::Category;
use forebyg_shared::Lang;
use leptos::prelude::*;

pub const RESULTS_HEADING_ID: &str = "results-heading";

/// "9000 Aalborg", or what is known of the place.
fn place(r: &ClinicianSearchResponse, lang: Lang) -> String {
    match (&r.origin.postcode, &r.origin.place_name) {
        (Some(pc), Some(name)) => format!("{pc} {name}"),
        (Some(pc), None) => pc.clone(),
        (None, Some(name)) => name.clone(),
        (None, None) => r.origin.region.label(lang).to_owned(),
    }
}

/// How many offers are chosen, and the way to the handout.
#[component]
pub fn HandoutBar(lang: Lang) -> impl IntoView {
    let state = expect_context::<SearchState>();
    let selected = Memo::new(move |_| state.selected());
    move || {
        state.params.with(Option::is_some).then(|| {
            let bar = move || {
                let ids = selected.get();
                if ids.is_empty() {
                    view! { <p>{t::HANDOUT_NONE.get(lang)}</p> }.into_any()
                } else {
                    let sheet = state.params.with_untracked(|p| cq::sheet_lang(lang, p.as_ref()));
                    let href = HandoutQuery { offers: ids.clone(), lang: sheet, patient: false }.href();
                    view! {
                        <p>{t::chosen(lang, ids.len())}</p>
                        <p><a class="button" href=href>{t::MAKE_HANDOUT.get(lang)}</a></p>
                    }
                    .into_any()
                }
            };
            view! {
                <section class="handout-bar no-print" aria-labelledby="handout-bar-title">
                    <h2 id="handout-bar-title" class="handout-bar__title">{t::HANDOUT_BAR_LABEL.get(lang)}</h2>
                    <div role="status">{bar}</div>
                </section>
            }
        })
    }
}

/// The groups of the URL's search (nothing before a search; field errors show in the summary).
#[component]
pub fn Results(lang: Lang) -> impl IntoView {
    let state = expect_context::<SearchState>();
    view! {
        <Suspense fallback=move || view! { <p class="status status--loading" role="status">{t::SEARCHING.get(lang)}</p> }>
            {move || Suspend::new(async move {
                match state.answer.await {
                    Some(Ok(r)) => {
                        // Back from an offer, the referral form or the handout: the link followed.
                        crate::components::return_to_link::bring_back(".clinic-results");
                        answer(r, state, lang).into_any()
                    }
                    Some(Err(e)) if e.field_errors().is_empty() => view! {
                        <h2 id=RESULTS_HEADING_ID tabindex="-1">{t::LOAD_ERROR.get(lang)}</h2>
                        <p class="status status--error">{e.message(lang)}</p>
                        <button class="button button--secondary" type="button" on:click=move |_| state.answer.refetch()>{t::RETRY.get(lang)}</button>
                    }
                    .into_any(),
                    _ => ().into_any(),
                }
            })}
        </Suspense>
    }
}

/// "Tilbud nær 9000 Aalborg" (and the radius when widened): the results' heading and the page's
/// title once they are in.
pub fn heading(r: &ClinicianSearchResponse, lang: Lang) -> String {
    let widened = (r.radius_km != DEFAULT_RADIUS_KM).then(|| format::radius(r.radius_km, lang));
    t::near(lang, &place(r, lang), widened.as_deref())
}

fn answer(r: ClinicianSearchResponse, state: SearchState, lang: Lang) -> impl IntoView {
    let heading = heading(&r, lang);
    let place = place(&r, lang);
    // The distances are from the postcode's middle (the API's origin), or from the point asked.
    let distances = t::distances(lang, &format::radius(r.radius_km, lang), r.origin.postcode.is_some());
    // A straight line over the sea is not the way there.
    let ferry = r.origin.island.is_some().then(|| t::ferry(lang));
    view! {
        <h2 id=RESULTS_HEADING_ID class="results__heading" tabindex="-1">{heading}</h2>
        <p class="clinic-results__distances">{distances}{ferry.map(|f| format!(" {f}"))}</p>
        {times(state, lang)}
        {language(state, &r.groups, lang)}
        {groups_nav(&r.groups, lang)}
        {r.groups.into_iter().map(|g| group(g, state, &place, lang)).collect_view()}
    }
}

/// The patient's times, when chosen, and the same search at any time (the focus returns to the
/// results' heading).
fn times(state: SearchState, lang: Lang) -> Option<impl IntoView> {
    let (evening, weekend) = state.params.with_untracked(|p| p.as_ref().map(|p| (p.evening, p.weekend)))?;
    (evening || weekend).then(|| {
        let href = move || with_params(state, |p| ClinicianParams { evening: false, weekend: false, ..p });
        view! {
            <p class="clinic-results__times">
                {t::only_times(lang, evening, weekend)}" "
                <a href=href data-noscroll="" on:click=move |_| state.focus_when_answered(RESULTS_HEADING_ID)>{t::ALL_TIMES.get(lang)}</a>
            </p>
        }
    })
}

/// The patient's language, when chosen (and not Danish): its offers come first, or none of those
/// shown is in it; either way an interpreter is the other way.
fn language(state: SearchState, groups: &[OfferGroup], lang: Lang) -> Option<impl IntoView> {
    let code = state.params.with_untracked(|p| p.as_ref().and_then(|p| p.language.clone())).filter(|c| c != "da")?;
    let name = crate::i18n::language_name(lang, &code).map_or_else(|| code.clone(), str::to_owned);
    let any = groups.iter().flat_map(|g| g.nearby.iter().chain(&g.digital)).any(|h| h.given_in(&code));
    Some(view! {
        <p class="clinic-results__language">{t::first_in_language(lang, &name, any)}" "{t::WITH_INTERPRETER.get(lang)}</p>
    })
}

/// The id of an intervention's heading (the groups' navigation and the focus jump to it).
fn group_id(category: Category) -> String {
    format!("group-{}", category.code())
}

/// A link to an intervention's group: the focus moves to its heading, as the skip link's does,
/// rather than the address taking a `#`.
pub(super) fn link_to_group(category: Category, text: String) -> impl IntoView {
    let id = group_id(category);
    let href = format!("#{id}");
    let jump = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        dom::focus_id(&id);
    };
    view! { <a href=href on:click=jump>{text}</a> }
}

/// The answer's interventions with their counts at a glance, each a link to its group (a phone scrolls
/// through some twenty cards otherwise).
fn groups_nav(groups: &[OfferGroup], lang: Lang) -> impl IntoView {
    let links = groups
        .iter()
        .map(|g| view! { <li>{link_to_group(g.category, format!("{} ({})", g.category.label(lang), count_text(g, lang)))}</li> })
        .collect_view();
    view! { <nav class="clinic-groups-nav no-print" aria-label=t::GROUPS_NAV.get(lang)><ul>{links}</ul></nav> }
}

fn group(g: OfferGroup, state: SearchState, place: &str, lang: Lang) -> impl IntoView {
    let id = group_id(g.category);
    let digital_id = format!("{id}-digital");
    let more = more(&g, &id, state, place, lang);
    let count = count_text(&g, lang);
    // The API points further (below) only when nothing of the group lies within the radius.
    let empty = (g.nearby_total == 0 && g.wider.is_none()).then(|| empty_group(&g, &id, state, lang));
    let digital = (!g.digital.is_empty()).then(|| {
        let cards = g.digital.into_iter().map(|h| card(h, state, lang)).collect_view();
        view! {
            <p class="clinic-group__sub" id=digital_id.clone()>{t::DIGITAL_ALTERNATIVES.get(lang)}</p>
            <ul class="results" aria-labelledby=digital_id>{cards}</ul>
        }
    });
    let further = g.wider.map(|w| {
        let id = id.clone();
        let href = move || with_params(state, move |p| ClinicianParams { radius_km: w.radius_km, ..p });
        wider_search(w, href, true, lang, move || state.focus_when_answered(&id))
    });
    let labelled_by = id.clone();
    view! {
        <section class="clinic-group" aria-labelledby=labelled_by>
            <h3 id=id class="clinic-group__title" tabindex="-1">
                {g.category.label(lang)}
                {g.default_referral.then(|| view! { " "<span class="badge badge--default">{t::DEFAULT_REFERRAL.get(lang)}</span> })}
                " "<span class="clinic-group__count">"("{count}")"</span>
            </h3>
            {g.default_referral.then(|| view! { <p class="notice">{t::DEFAULT_REFERRAL_TEXT.get(lang)}</p> })}
            <p class="muted">{g.category.description(lang)}</p>
            {empty}
            {further}
            {(!g.nearby.is_empty()).then(|| view! { <ul class="results">{g.nearby.into_iter().map(|h| card(h, state, lang)).collect_view()}</ul> })}
            {more}
            {digital}
        </section>
    }
}

/// The URL of the page's search with changed parameters and the handout selection as it is now
/// (tracked: a link's `href` follows what is chosen after the answer came).
fn with_params(state: SearchState, change: impl FnOnce(ClinicianParams) -> ClinicianParams) -> String {
    state.query.get().map(|q| cq::ClinicianQuery { params: change(q.params), ..q }.href()).unwrap_or_default()
}

/// When a group holds more on site than it shows: how many, the same search with up to
/// [`MAX_PER_GROUP`] in every group (the focus returns to this group), and beyond that many, all
/// of them near the patient in the citizen search (`place`: the answer's).
fn more(g: &OfferGroup, group_id: &str, state: SearchState, place: &str, lang: Lang) -> Option<impl IntoView> {
    let shown = g.nearby.len();
    if g.nearby_total as usize <= shown {
        return None;
    }
    let link = (shown < MAX_PER_GROUP as usize).then(|| {
        let id = group_id.to_owned();
        let href = move || with_params(state, |p| ClinicianParams { per_group: MAX_PER_GROUP, ..p });
        view! { <a class="button button--secondary" href=href data-noscroll="" on:click=move |_| state.focus_when_answered(&id)>{t::show_up_to(lang, MAX_PER_GROUP)}</a> }
    });
    let all =
        (g.nearby_total > MAX_PER_GROUP).then(|| state.params.with_untracked(|p| p.as_ref().map(|p| cq::citizen_search(p, g.category)))).flatten();
    let all = all.map(|(search, exact)| {
        let text = t::see_all(lang, exact.then_some(g.nearby_total), g.category.label(lang), place);
        view! { <p><a href=crate::query::search_href(&search)>{text}</a></p> }
    });
    Some(view! {
        <div class="next-step">
            <p>{t::shown_of(lang, shown, g.nearby_total)}</p>
            {link.map(|a| view! { <p>{a}</p> })}
            {all}
        </div>
    })
}
