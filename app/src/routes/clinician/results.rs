//! The answer to a clinician search: the handout bar and the offers grouped by intervention, each
//! card with distance, eligibility and its reasons, the referral route, places and start,
//! languages and the digital alternative, plus "choose for the handout" and "refer".

use super::eligibility::verdict;
use super::empty_group::{count_text, empty_group};
use super::search::SearchState;
use crate::clinician::query::{self as cq, HandoutQuery};
use crate::clinician::texts as t;
use crate::components::badges::{CapacityBadge, DemoBadge};
use crate::components::wider_search::wider_search;
use crate::{dom, format, i18n};
use forebyg_shared::referral_route::forebyg_refusal;
use forebyg_shared::search::clinician::{ClinicianHit, ClinicianParams, ClinicianSearchResponse, OfferGroup, MAX_PER_GROUP};
use forebyg_shared::search::DEFAULT_RADIUS_KM;
use forebyg_shared::taxonomy::{Category, Format};
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
                    let href = HandoutQuery { offers: ids.clone(), lang, patient: false }.href();
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
    view! {
        <h2 id=RESULTS_HEADING_ID class="results__heading" tabindex="-1">{heading}</h2>
        {groups_nav(&r.groups, lang)}
        {r.groups.into_iter().map(|g| group(g, state, lang)).collect_view()}
    }
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

fn group(g: OfferGroup, state: SearchState, lang: Lang) -> impl IntoView {
    let id = group_id(g.category);
    let digital_id = format!("{id}-digital");
    let more = more(&g, &id, state, lang);
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

/// When a group holds more on site than it shows: how many, and the same search with up to
/// [`MAX_PER_GROUP`] in every group (the focus returns to this group).
fn more(g: &OfferGroup, group_id: &str, state: SearchState, lang: Lang) -> Option<impl IntoView> {
    let shown = g.nearby.len();
    if g.nearby_total as usize <= shown {
        return None;
    }
    let link = (shown < MAX_PER_GROUP as usize).then(|| {
        let id = group_id.to_owned();
        let href = move || with_params(state, |p| ClinicianParams { per_group: MAX_PER_GROUP, ..p });
        view! { <a class="button button--secondary" href=href data-noscroll="" on:click=move |_| state.focus_when_answered(&id)>{t::show_up_to(lang, MAX_PER_GROUP)}</a> }
    });
    Some(view! {
        <div class="next-step">
            <p>{t::shown_of(lang, shown, g.nearby_total)}</p>
            {link.map(|a| view! { <p>{a}</p> })}
        </div>
    })
}

/// Who may refer, how, and what the referral must contain.
fn referral_route(hit: &ClinicianHit, lang: Lang) -> impl IntoView {
    let r = &hit.referral;
    let who: Vec<&str> = r.referrers().iter().map(|k| k.label(lang)).collect();
    let how: Vec<&str> = r.methods.iter().map(|m| m.label(lang)).collect();
    // Who: any of them may ("Egen læge, hospital og kommune"); how: one of the ways ("… eller ring").
    let or_not_stated = |items: Vec<&str>, or: bool| {
        if items.is_empty() {
            t::NOT_STATED.get(lang).to_owned()
        } else {
            format::capitalise(&format::sentence(&items, lang, or))
        }
    };
    let content = r.must_include.as_ref().map(|m| view! { <div><dt>{t::REFER_CONTENT.get(lang)}</dt><dd>{m.get(lang).to_owned()}</dd></div> });
    let note = r.note.clone().map(|n| view! { <p class="referral-route__note">{n}</p> });
    view! {
        <dl class="facts facts--stacked referral-route">
            <div><dt>{t::REFER_WHO.get(lang)}</dt><dd>{or_not_stated(who, false)}</dd></div>
            <div><dt>{t::REFER_HOW.get(lang)}</dt><dd>{or_not_stated(how, true)}</dd></div>
            {content}
        </dl>
        {note}
    }
}

fn card(hit: ClinicianHit, state: SearchState, lang: Lang) -> impl IntoView {
    let o = &hit.offer;
    let id = o.id.clone();
    let title_id = format!("offer-{id}-title");
    let choose_id = format!("offer-{id}-choose");
    let labelled_by = title_id.clone();
    let distance = match (hit.distance_km, o.format) {
        (Some(km), f) if f != Format::Digital => format::distance(km, lang),
        _ => t::DIGITAL.get(lang).to_owned(),
    };
    let start = crate::i18n::start_label(o.next_start.as_deref(), o.continuous_enrolment, lang);
    let digital = match o.format {
        Format::Digital => t::DIGITAL_ONLY,
        Format::Hybrid => t::DIGITAL_YES,
        Format::OnSite => t::DIGITAL_NO,
    };
    let languages =
        (!hit.languages.is_empty()).then(|| view! { <div><dt>{t::LANGUAGES.get(lang)}</dt><dd>{format::languages(&hit.languages, lang)}</dd></div> });
    let price = format::cost(&hit.cost, lang);
    let phone = hit.phone.clone().map(|p| view! { <div><dt>{t::PHONE.get(lang)}</dt><dd>{p}</dd></div> });
    let chosen = {
        let id = id.clone();
        Memo::new(move |_| state.selected().contains(&id))
    };
    let toggle = {
        let id = id.clone();
        move |_| state.toggle(&id)
    };
    // On a chosen card, the way on to the handout follows the checkbox (the next Tab stop).
    let handout_link = move || {
        chosen.get().then(|| {
            let href = HandoutQuery { offers: state.selected(), lang, patient: false }.href();
            view! { <a class="clinic-card__handout" href=href>{t::MAKE_HANDOUT.get(lang)}</a> }
        })
    };
    // Full once MAX_HANDOUT_OFFERS are chosen: the others cannot be added.
    let shut = Memo::new(move |_| state.selected().len() >= cq::MAX_HANDOUT_OFFERS && !chosen.get());
    let full_hint_id = format!("{choose_id}-full");
    let full_id = full_hint_id.clone();
    let refer = {
        let (rules, capacity, through_forebyg) = (hit.referral.clone(), o.capacity, hit.refer_through_forebyg);
        let (href, label) = (cq::refer_href(&id), t::refer_to(lang, &o.title));
        // Signed in, the rule the API applies says whether this clinician may refer here: no
        // "Henvis" that ends in a refusal, but why not (the handout stays).
        move || match state.referrer.get().and_then(|k| forebyg_refusal(&rules, capacity, k)).filter(|_| through_forebyg) {
            Some(r) => {
                let self_sign_up = rules.self_referral.then(|| format!(" {}", t::SELF_SIGN_UP.get(lang)));
                view! { <p class="muted clinic-card__not-yours">{r.reason.get(lang).to_owned()}{self_sign_up}</p> }.into_any()
            }
            None if through_forebyg => {
                view! { <a class="button button--secondary button--small" href=href.clone() aria-label=label.clone()>{t::REFER.get(lang)}</a> }
                    .into_any()
            }
            None if rules.takes_forebyg() => view! { <span class="muted">{t::CARD_FULL.get(lang)}</span> }.into_any(),
            None => view! { <span class="muted">{t::REFER_NOT_HERE.get(lang)}</span> }.into_any(),
        }
    };
    view! {
        <li class="result">
            <article class="card clinic-card" class:card--demo=o.demo aria-labelledby=labelled_by>
                <div class="card__head">
                    <h4 class="card__title" id=title_id lang=i18n::data_lang(lang)><a href=cq::offer_href(&id)>{o.title.clone()}</a></h4>
                    <p class="card__distance"><span class="visually-hidden">{t::DISTANCE.get(lang)}": "</span>{distance}</p>
                </div>
                {o.demo.then(|| view! { <p class="card__badges"><DemoBadge lang=lang /></p> })}
                {verdict(&hit.eligibility, lang)}
                <dl class="facts">
                    <div><dt>{t::PLACES.get(lang)}</dt><dd><CapacityBadge capacity=o.capacity lang=lang /></dd></div>
                    <div><dt>{t::NEXT_START.get(lang)}</dt><dd>{start}</dd></div>
                    <div><dt>{t::PRICE.get(lang)}</dt><dd>{price}</dd></div>
                    {languages}
                    <div><dt>{t::DIGITAL_ALTERNATIVE.get(lang)}</dt><dd>{digital.get(lang)}</dd></div>
                    {o.city.clone().map(|c| view! { <div><dt>{t::WHERE.get(lang)}</dt><dd>{c}</dd></div> })}
                    {phone}
                </dl>
                {referral_route(&hit, lang)}
                <div class="clinic-card__actions">
                    <div class="choice">
                        <input class="choice__input" type="checkbox" id=choose_id.clone() prop:checked=move || chosen.get()
                            disabled=move || shut.get() aria-describedby=move || shut.get().then(|| full_id.clone()) on:change=toggle />
                        <label class="choice__label" for=choose_id>{t::CHOOSE_FOR_HANDOUT.get(lang)}<span class="visually-hidden">": "<span lang=i18n::data_lang(lang)>{o.title.clone()}</span></span></label>
                    </div>
                    // A full handout says so where the box is, not only in the bar far above.
                    {move || shut.get().then(|| view! { <p class="hint clinic-card__full" id=full_hint_id.clone()>{t::handout_full(lang)}</p> })}
                    {handout_link}
                    {refer}
                </div>
            </article>
        </li>
    }
}
