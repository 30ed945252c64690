//! The search page at `/`: the form and the results. Every filter lives in the URL query, so a
//! search can be shared, and reload/back/forward reproduce it; the form only navigates.

mod fields;
mod filters;
mod geolocation;
mod recent;
mod results;

use crate::api::{self, ApiError};
use crate::components::error_summary::{ErrorSummary, FieldErrorMessage};
use crate::components::map_view::view_toggle;
use crate::context::{remember_search, use_lang};
use crate::{dom, i18n, map, query};
use filters::filter_fields;
use forebyg_shared::search::{SearchParams, SearchResponse};
use forebyg_shared::validation::{self, FieldError};
use forebyg_shared::Lang;
use geolocation::{locate, Geo};
use leptos::ev::SubmitEvent;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// Where the search of the current URL stands.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// No search in the URL (or an invalid one): just the form.
    Idle,
    Loading,
    Done(SearchResponse),
    Failed(ApiError),
}

const RESULTS_HEADING_ID: &str = "results-heading";
const ERROR_SUMMARY_ID: &str = "error-summary";

/// "8000 Aarhus C", or what is known of the place.
fn place(r: &SearchResponse, lang: Lang) -> String {
    let o = &r.origin;
    match (&o.postcode, &o.place_name) {
        (Some(pc), Some(name)) => format!("{pc} {name}"),
        (Some(pc), None) => pc.clone(),
        (None, Some(name)) => name.clone(),
        (None, None) => o.region.label(lang).to_owned(),
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let lang = use_lang();
    let query_map = use_query_map();
    let parsed = Memo::new(move |_| query_map.with(|q| SearchParams::parse(q.into_iter().map(|(k, v)| (k.as_ref(), v)))));
    let form_values = Memo::new(move |_| query_map.with(|q| query::FormValues::from_query(q.into_iter().map(|(k, v)| (k.as_ref(), v)))));
    // `view=map`: the results as a map (the list is the default).
    let view_map = Memo::new(move |_| query_map.with(|q| map::is_map(q.into_iter().map(|(k, v)| (k.as_ref(), v)))));

    // The form's state starts from the URL and follows it on back/forward.
    let initial = form_values.get_untracked();
    let postcode = RwSignal::new(initial.postcode);
    let categories = RwSignal::new(initial.categories);
    let radius = RwSignal::new(initial.radius_km);
    let client_errors = RwSignal::new(Vec::<FieldError>::new());
    // The other filters (in "Flere valg"), also from the URL.
    let filters = RwSignal::new(parsed.get_untracked().unwrap_or_default());
    let geo = RwSignal::new(Geo::Idle);
    // The town of a 4-digit postcode as it is typed: Some(Ok(name)), Some(Err(())) if unknown.
    let town = RwSignal::new(None::<Result<String, ()>>);
    Effect::new(move |_| {
        let pc = postcode.get().trim().to_owned();
        if pc.len() == 4 && pc.bytes().all(|b| b.is_ascii_digit()) {
            leptos::task::spawn_local(async move {
                let r = match api::postcode(&pc).await {
                    Ok(info) => Ok(info.name),
                    Err(e) if e.is_not_found() || e.status() == Some(422) => Err(()),
                    Err(_) => return,
                };
                if postcode.with_untracked(|p| p.trim() == pc) {
                    town.set(Some(r));
                }
            });
        } else {
            town.set(None);
        }
    });
    Effect::new(move |_| {
        filters.set(parsed.get().unwrap_or_default());
        let v = form_values.get();
        postcode.set(v.postcode);
        categories.set(v.categories);
        radius.set(v.radius_km);
        client_errors.set(vec![]);
    });

    // The answer to the URL's search, with the parameters it answers. A plain signal and a task
    // rather than a `LocalResource`: this bundle then carries none of Leptos' async-derived
    // machinery (a few KB of the initial wasm budget). `retry` asks again after a failure.
    let answer = RwSignal::new(None::<(SearchParams, Result<SearchResponse, ApiError>)>);
    let retry = RwSignal::new(0u32);
    Effect::new(move |_| {
        retry.track();
        let Ok(p) = parsed.get() else { return };
        if !query::is_search(&p) {
            return;
        }
        leptos::task::spawn_local(async move {
            let r = api::search_offers(&p).await;
            // A late answer to an earlier search must not replace the current one's.
            if parsed.with_untracked(|current| current.as_ref() == Ok(&p)) {
                answer.set(Some((p, r)));
            }
        });
    });
    let outcome = Memo::new(move |_| match parsed.get() {
        Ok(p) if query::is_search(&p) => answer.with(|a| match a {
            Some((key, r)) if *key == p => match r {
                Ok(resp) => Outcome::Done(resp.clone()),
                Err(e) => Outcome::Failed(e.clone()),
            },
            _ => Outcome::Loading,
        }),
        _ => Outcome::Idle,
    });

    // Errors: the form's own check first, then the URL's, then the API's.
    let errors = Memo::new(move |_| {
        let c = client_errors.get();
        if !c.is_empty() {
            return c;
        }
        if let Err(e) = parsed.get() {
            return e;
        }
        match outcome.get() {
            Outcome::Failed(e) => e.field_errors().to_vec(),
            _ => vec![],
        }
    });
    let field_error = move |field: &str| errors.with(|es| es.iter().find(|e| e.field == field).map(|e| e.message.get(lang).to_owned()));

    // Document title and the "back to the search" address.
    Effect::new(move |_| {
        let h1 = i18n::SEARCH_H1.get(lang);
        let title = if !errors.with(Vec::is_empty) {
            format!("{} {h1}", i18n::ERROR_PREFIX.get(lang))
        } else {
            match outcome.get() {
                Outcome::Done(r) => i18n::search_title(lang, &place(&r, lang)),
                _ => h1.to_owned(),
            }
        };
        dom::set_title(lang, &title);
    });
    Effect::new(move |_| {
        if let Ok(p) = parsed.get() {
            if query::is_search(&p) {
                remember_search(&map::with_view(&query::search_href(&p), view_map.get()));
            }
        }
    });

    let recent_view = recent::recent_searches(outcome, parsed, lang);

    // After a submit or a page change, focus moves to the results heading (or the error summary)
    // once the answer is there, so keyboard and screen reader users land on the news.
    let focus_when_done = StoredValue::new(false);
    Effect::new(move |_| {
        let target = match outcome.get() {
            Outcome::Done(_) => RESULTS_HEADING_ID,
            Outcome::Failed(e) if !e.field_errors().is_empty() => ERROR_SUMMARY_ID,
            Outcome::Failed(_) => RESULTS_HEADING_ID,
            Outcome::Idle | Outcome::Loading => return,
        };
        if focus_when_done.get_value() {
            focus_when_done.set_value(false);
            request_animation_frame(move || dom::focus_id(target));
        }
    });

    let navigate = use_navigate();
    let geo_navigate = navigate.clone();
    let on_locate = move |_| {
        geo.set(Geo::Finding);
        let navigate = geo_navigate.clone();
        locate(move |r| match r {
            Ok((lat, lon)) => {
                geo.set(Geo::Idle);
                postcode.set(String::new());
                let base = SearchParams {
                    point: Some(forebyg_shared::geo::GeoPoint { lat, lon }),
                    radius_km: radius.get_untracked(),
                    categories: categories.get_untracked(),
                    ..SearchParams::default()
                };
                focus_when_done.set_value(true);
                navigate(
                    &query::search_href(&query::with_filters(base, &filters.get_untracked())),
                    NavigateOptions { scroll: false, ..Default::default() },
                );
            }
            Err(denied) => {
                geo.set(if denied { Geo::Denied } else { Geo::Unavailable });
                request_animation_frame(|| dom::focus_id("geo-status"));
            }
        });
    };
    let geo_status = move || match geo.get() {
        Geo::Idle => None,
        Geo::Finding => Some((i18n::GEO_FINDING.get(lang), false)),
        Geo::Denied => Some((i18n::GEO_DENIED.get(lang), true)),
        Geo::Unavailable => Some((i18n::GEO_UNAVAILABLE.get(lang), true)),
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let f = filters.get_untracked();
        let pc = postcode.get_untracked();
        let base = match query::from_form(&pc, &categories.get_untracked(), radius.get_untracked()) {
            // A search from "Brug min placering" can be refined without a postcode.
            Err(_) if pc.trim().is_empty() && f.point.is_some() => Ok(SearchParams {
                point: f.point,
                radius_km: radius.get_untracked(),
                categories: categories.get_untracked(),
                ..SearchParams::default()
            }),
            r => r,
        };
        match base.map(|b| query::with_filters(b, &f)) {
            Ok(p) => {
                client_errors.set(vec![]);
                focus_when_done.set_value(true);
                navigate(&map::with_view(&query::search_href(&p), view_map.get_untracked()), NavigateOptions { scroll: false, ..Default::default() });
            }
            Err(es) => {
                client_errors.set(es);
                request_animation_frame(|| dom::focus_id(ERROR_SUMMARY_ID));
            }
        }
    };
    let on_postcode_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        // Clear the form's own error as soon as the postcode is well-formed.
        if validation::postcode_format("postcode", &v).is_ok() && client_errors.with_untracked(|es| es.iter().any(|e| e.field == "postcode")) {
            client_errors.update(|es| es.retain(|e| e.field != "postcode"));
        }
        postcode.set(v);
    };

    let h1 = NodeRef::<H1>::new();
    dom::focus_heading_on_arrival(h1);

    let summary = move || {
        let es = errors.get();
        (!es.is_empty()).then(|| view! { <ErrorSummary errors=es lang=lang id=ERROR_SUMMARY_ID /> })
    };

    let postcode_error = move || field_error("postcode");
    let radius_error = move || field_error("radius_km");
    let category_error = move || field_error("category");
    let described_by = move |base: &str, has_error: bool, error_id: &str| if has_error { format!("{base} {error_id}") } else { base.to_owned() };

    let category_choices = fields::category_choices(categories, lang);
    let radius_options = fields::radius_options(form_values, radius, lang);

    let form = view! {
        <form class="search-form" action="/" method="get" role="search" aria-label=i18n::SEARCH_FORM_LABEL.get(lang) novalidate on:submit=on_submit>
            <div class="field" class:field--error=move || postcode_error().is_some()>
                <label class="field__label" for="postcode">{i18n::POSTCODE_LABEL.get(lang)}</label>
                <p class="hint" id="postcode-hint">{i18n::POSTCODE_HINT.get(lang)}</p>
                {move || postcode_error().map(|m| view! { <FieldErrorMessage id="postcode-error".to_owned() message=m lang=lang /> })}
                <input
                    class="input input--postcode"
                    id="postcode"
                    name="postcode"
                    type="text"
                    inputmode="numeric"
                    autocomplete="postal-code"
                    spellcheck="false"
                    aria-describedby=move || described_by("postcode-hint", postcode_error().is_some(), "postcode-error")
                    aria-invalid=move || postcode_error().is_some().then_some("true")
                    prop:value=move || postcode.get()
                    on:input=on_postcode_input
                />
                <p class="postcode-town" id="postcode-town" aria-live="polite">
                    {move || town.get().map(|t| match t {
                        Ok(name) => view! { <span class="postcode-town__ok"><span aria-hidden="true">"✓ "</span>{name}</span> }.into_any(),
                        Err(()) => view! { <span class="postcode-town__unknown">{i18n::POSTCODE_UNKNOWN_HINT.get(lang)}</span> }.into_any(),
                    })}
                </p>
                <button class="button button--secondary button--small" type="button" on:click=on_locate prop:disabled=move || geo.get() == Geo::Finding>
                    {i18n::GEO_BUTTON.get(lang)}
                </button>
                <p id="geo-status" tabindex="-1" class="geo-status" role="status">
                    {move || geo_status().map(|(m, bad)| view! { <span class:status--error=bad>{m}</span> })}
                </p>
            </div>
            <fieldset
                class="field field--choices"
                class:field--error=move || category_error().is_some()
                aria-describedby=move || described_by("category-hint", category_error().is_some(), "category-error")
            >
                <legend class="field__label">{i18n::CATEGORY_LEGEND.get(lang)}</legend>
                <p class="hint" id="category-hint">{i18n::CATEGORY_HINT.get(lang)}</p>
                {move || category_error().map(|m| view! { <FieldErrorMessage id="category-error".to_owned() message=m lang=lang /> })}
                <div class="choices">{category_choices}</div>
            </fieldset>
            <div class="field" class:field--error=move || radius_error().is_some()>
                <label class="field__label" for="radius_km">{i18n::RADIUS_LABEL.get(lang)}</label>
                {move || radius_error().map(|m| view! { <FieldErrorMessage id="radius_km-error".to_owned() message=m lang=lang /> })}
                <select
                    class="select"
                    id="radius_km"
                    name="radius_km"
                    aria-describedby=move || radius_error().is_some().then_some("radius_km-error")
                    aria-invalid=move || radius_error().is_some().then_some("true")
                    on:change=move |ev| {
                        if let Some(km) = forebyg_shared::decimal::parse(&event_target_value(&ev)) {
                            radius.set(km);
                        }
                    }
                >
                    {radius_options}
                </select>
            </div>
            {filter_fields(filters, lang)}
            <button class="button" type="submit">{i18n::SUBMIT.get(lang)}</button>
        </form>
    };

    // The status line is a persistent live region, so the count or the error is announced.
    let status = move || match outcome.get() {
        Outcome::Idle => ().into_any(),
        Outcome::Loading => view! { <p class="status status--loading">{i18n::SEARCHING.get(lang)}</p> }.into_any(),
        Outcome::Done(r) => results::summary(&r, &parsed.get_untracked().unwrap_or_default(), lang),
        // Field errors are in the error summary and next to the fields.
        Outcome::Failed(e) if !e.field_errors().is_empty() => ().into_any(),
        Outcome::Failed(e) => view! {
            <h2 id=RESULTS_HEADING_ID class="results__heading" tabindex="-1">{i18n::RESULTS_LABEL.get(lang)}</h2>
            <p class="status status--error">{e.message(lang)}</p>
            <button class="button button--secondary" type="button" on:click=move |_| {
                answer.set(None);
                retry.update(|n| *n += 1);
            }>{i18n::RETRY.get(lang)}</button>
        }
        .into_any(),
    };

    let list = move || match outcome.get() {
        Outcome::Done(r) if !r.results.is_empty() => {
            let on_page = move |_| focus_when_done.set_value(true);
            results::list(r, parsed.get().unwrap_or_default(), view_map.get(), lang, on_page)
        }
        _ => ().into_any(),
    };

    // List or map: the switch shows once there are results.
    let toggle = move || {
        matches!(outcome.get(), Outcome::Done(r) if !r.results.is_empty()).then(|| {
            let list_href = query::search_href(&parsed.get_untracked().unwrap_or_default());
            let map_href = map::with_view(&list_href, true);
            view_toggle(list_href, map_href, view_map, lang)
        })
    };

    // On a phone the form is long: a shortcut to the results (hidden where they are side by side).
    let jump = move || {
        matches!(outcome.get(), Outcome::Done(_)).then(|| {
            let go = move |ev: leptos::ev::MouseEvent| {
                ev.prevent_default();
                dom::focus_id(RESULTS_HEADING_ID);
            };
            view! {
                <p class="jump-link">
                    <a href=format!("#{RESULTS_HEADING_ID}") on:click=go>{i18n::JUMP_TO_RESULTS.get(lang)}<span aria-hidden="true">" ↓"</span></a>
                </p>
            }
        })
    };

    view! {
        <div class="search-page">
            <div class="page-intro">
                <h1 tabindex="-1" node_ref=h1>{i18n::SEARCH_H1.get(lang)}</h1>
                <p class="lead">{i18n::SEARCH_INTRO.get(lang)}</p>
                <p class="clinician-link"><A href=crate::clinician::query::SEARCH_PATH>{crate::clinician::texts::FRONT_LINK.get(lang)}</A></p>
                {jump}
            </div>
            {summary}
            <div class="search-layout">
                <div class="search-layout__form">{form}</div>
                <section class="search-layout__results results-area" aria-label=i18n::RESULTS_LABEL.get(lang)>
                    <div class="results-status" aria-live="polite">{status}</div>
                    {toggle}
                    {list}
                    {recent_view}
                </section>
            </div>
        </div>
    }
}
