//! The answer to a search: the count line (or the hints when nothing matched) and the result list
//! with the map view, the digital section and the pagination.

use super::{place, RESULTS_HEADING_ID};
use crate::components::map_view::search_map;
use crate::components::result_card::ResultCard;
use crate::components::return_to_link;
use crate::components::wider_search::wider_search;
use crate::{format, i18n, map, next_steps, query};
use forebyg_shared::search::{OfferHit, SearchParams, SearchResponse, Sort};
use forebyg_shared::taxonomy::{Format, Kronikerpakke};
use forebyg_shared::Lang;
use leptos::prelude::*;

/// The results heading with the count, and the next step when few or no offers are near: how
/// far the nearest one is, a one-tap wider search, the digital offers (`params`: the search;
/// `focus_when_done` is set when the wider search is followed: its link goes with the answer, so
/// the focus moves to the new heading).
pub(super) fn summary(r: &SearchResponse, params: &SearchParams, lang: Lang, focus_when_done: StoredValue<bool>) -> AnyView {
    let (from, to) = query::page_range(r.total, r.page, r.per_page, r.results.len());
    let digital = r.total.saturating_sub(r.nearby);
    // A search for digital offers only: the heading counts them, and no line points to them.
    let only_digital = params.format == Some(Format::Digital);
    let heading = if only_digital {
        i18n::digital_heading(lang, &format::number(digital.into(), lang))
    } else {
        i18n::results_heading(lang, &format::number(r.nearby.into(), lang), &format::radius(r.radius_km, lang), &place(r, lang))
    };
    let found = if only_digital { digital } else { r.nearby };
    let digital_href = query::search_href(&SearchParams { format: Some(Format::Digital), page: 1, ..params.clone() });
    let wider = r.wider.filter(|_| !only_digital).map(|w| {
        let href = query::search_href(&SearchParams { radius_km: w.radius_km, page: 1, ..params.clone() });
        wider_search(w, move || href.clone(), r.nearby == 0, lang, move || focus_when_done.set_value(true))
    });
    let empty_hint = (found == 0 && (only_digital || r.wider.is_none())).then(|| view! { <p>{i18n::EMPTY_RESULTS.get(lang)}</p> });
    // A word that found nothing (a spelling, a word the offers do not use) is the likeliest cause.
    let without_word = params.q.as_deref().filter(|_| r.total == 0).map(|word| {
        let href = query::search_href(&SearchParams { q: None, page: 1, ..params.clone() });
        view! { <p><a class="button button--secondary" href=href>{i18n::search_without_word(lang, word)}</a></p> }
    });
    let outside_package = outside_package(r, params, lang);
    let relaxed = super::relaxed::relaxed(r, params, lang, focus_when_done);
    let past_end = past_the_end(r, params, lang);
    let digital_line = (digital > 0 && !only_digital).then(|| {
        if r.nearby == 0 {
            view! { <p><a href=digital_href>{next_steps::show_digital(lang, &format::number(digital.into(), lang))}</a></p> }.into_any()
        } else {
            view! { <p>{i18n::digital_count(lang, &format::number(digital.into(), lang))}</p> }.into_any()
        }
    });
    // The order sentence only where both kinds are listed.
    let range = (!r.results.is_empty()).then(|| {
        let range =
            i18n::results_range(lang, &format::number(from.into(), lang), &format::number(to.into(), lang), &format::number(r.total.into(), lang));
        let order_text = if params.sort == Sort::NextStart { i18n::DIGITAL_LAST_BY_START } else { i18n::DIGITAL_LAST };
        let order = (r.nearby > 0 && digital > 0).then(|| format!(". {}", order_text.get(lang)));
        view! { <p class="results__range">{range}{order}</p> }
    });
    view! {
        <h2 id=RESULTS_HEADING_ID class="results__heading" tabindex="-1">{heading}</h2>
        {r.origin.island.is_some().then(|| view! { <p>{i18n::FROM_ISLAND.get(lang)}</p> })}
        {empty_hint}
        {without_word}
        {past_end}
        {outside_package}
        {relaxed}
        {wider}
        {digital_line}
        {range}
    }
    .into_any()
}

/// A page number past the last page (an old link, a hand-edited address): says so, with links to
/// the first and the last page.
fn past_the_end(r: &SearchResponse, params: &SearchParams, lang: Lang) -> Option<impl IntoView> {
    let pages = query::page_count(r.total, r.per_page);
    (r.results.is_empty() && r.total > 0 && r.page > pages).then(|| {
        let link = |page| view! { <li><a href=query::page_href(params, page)>{i18n::go_to_page(lang, page)}</a></li> };
        view! {
            <div class="next-step">
                <p>{i18n::page_missing(lang, pages)}</p>
                <ul>{link(1)}{(pages > 1).then(|| link(pages))}</ul>
            </div>
        }
    })
}

/// The chosen interventions the chosen kronikerpakke leaves out, which no distance finds, and the
/// same search without the package.
fn outside_package(r: &SearchResponse, params: &SearchParams, lang: Lang) -> Option<impl IntoView> {
    let package = params.package.as_deref().filter(|_| !r.outside_package.is_empty())?;
    let label = Kronikerpakke::from_code(package).map_or(package, |k| k.label(lang));
    let what = format::list(&r.outside_package.iter().map(|c| c.label(lang)).collect::<Vec<_>>(), lang);
    let href = query::search_href(&SearchParams { package: None, page: 1, ..params.clone() });
    Some(view! {
        <div class="next-step">
            <p>{i18n::not_in_package(lang, Some((&what, r.outside_package.len())), label)}</p>
            <p><a class="button button--secondary" href=href>{i18n::SEARCH_WITHOUT_PACKAGE.get(lang)}</a></p>
        </div>
    })
}

/// The results of a non-empty answer as cards (or the map), with the pagination; `on_page` runs
/// when a page link is followed.
pub(super) fn list(
    r: SearchResponse,
    params: SearchParams,
    in_map: bool,
    lang: Lang,
    on_page: impl Fn(leptos::ev::MouseEvent) + Copy + 'static,
) -> AnyView {
    let (from, _) = query::page_range(r.total, r.page, r.per_page, r.results.len());
    let pages = query::page_count(r.total, r.per_page);
    let page = r.page;
    // The map replaces the cards and shows every on-site match of the search (its pins), so it
    // has no pages.
    let paged = pages > 1 && !in_map;
    let map_view = in_map.then(|| search_map(r.clone(), &params, place(&r, lang), query::page_href(&params, page), lang));
    // The one topic searched for is the same on every card: not repeated on them.
    let show_topic = params.categories.len() != 1;
    let page_href = move |page| map::with_view(&query::page_href(&params, page), in_map);
    let (on_site, digital): (Vec<_>, Vec<_>) = if in_map { (vec![], vec![]) } else { r.results.into_iter().partition(|h| !h.digital) };
    let digital_from = from + on_site.len() as u32;
    // Stored so that the card builder stays `Copy` (the on-site and digital lists both use it).
    let origin = StoredValue::new(r.origin.clone());
    let card = move |hit| view! { <ResultCard hit=hit origin=origin.get_value() show_topic=show_topic lang=lang /> };
    let cards = (!on_site.is_empty()).then(|| {
        let cards = in_groups(on_site, true, card);
        view! { <ol class="results" start=from aria-labelledby=RESULTS_HEADING_ID on:click=return_to_link::remember>{cards}</ol> }
    });
    let digital = (!digital.is_empty()).then(|| {
        let cards = in_groups(digital, false, card);
        view! {
            <h2 id="digital-heading" class="results__heading results__heading--digital">{i18n::DIGITAL_SECTION.get(lang)}</h2>
            <ol class="results" start=digital_from aria-labelledby="digital-heading" on:click=return_to_link::remember>{cards}</ol>
        }
    });
    if !in_map {
        return_to_link::bring_back(".results");
    }
    // The page links keep the screen where it is (`data-noscroll`): the new page's results
    // heading takes the focus, which brings it into view; the router's smooth scroll to the top,
    // still gliding as the focus moved, would end at the form instead.
    view! {
        {map_view}
        {cards}
        {digital}
        {paged.then(|| view! {
            <nav class="pagination" aria-label=i18n::PAGINATION_LABEL.get(lang)>
                <ul>
                    {(page > 1).then(|| view! {
                        <li><a class="pagination__link" rel="prev" href=page_href(page - 1) data-noscroll="" on:click=on_page>
                            <span aria-hidden="true">"← "</span>{i18n::PREV_PAGE.get(lang)}
                        </a></li>
                    })}
                    <li class="pagination__current">{i18n::page_of(lang, page, pages)}</li>
                    {(page < pages).then(|| view! {
                        <li><a class="pagination__link" rel="next" href=page_href(page + 1) data-noscroll="" on:click=on_page>
                            {i18n::NEXT_PAGE.get(lang)}<span aria-hidden="true">" →"</span>
                        </a></li>
                    })}
                </ul>
            </nav>
        })}
    }
    .into_any()
}

/// How many result cards are drawn in one task: a phone's first screen holds about three.
const CARDS_PER_TASK: usize = 4;

/// Result cards in groups of [`CARDS_PER_TASK`]: the first group with the page (if `first_now`),
/// every other group drawn in a task of its own after it ([`crate::dom::after_this_task`]), so a
/// phone's main thread is never blocked for a whole page of cards (Lighthouse's Total Blocking
/// Time) and the first screen is there sooner.
fn in_groups<V: IntoView + 'static>(mut hits: Vec<OfferHit>, first_now: bool, card: impl Fn(OfferHit) -> V + Copy + 'static) -> Vec<AnyView> {
    let mut groups = Vec::new();
    while !hits.is_empty() {
        let rest = hits.split_off(hits.len().min(CARDS_PER_TASK));
        let group = std::mem::replace(&mut hits, rest);
        let draw = move || group.into_iter().map(card).collect_view();
        groups.push(if first_now && groups.is_empty() { draw().into_any() } else { crate::dom::after_this_task(draw).into_any() });
    }
    groups
}
