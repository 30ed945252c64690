//! The search form: postcode (with its town as typed, or "Brug min placering"), illness, topics,
//! radius and "Flere valg". It only navigates: the search itself follows the URL (`mod.rs`).

use super::fields;
use super::geolocation::{locate, Geo};
use super::{Lazy, ERROR_SUMMARY_ID};
use crate::components::error_summary::FieldErrorMessage;
use crate::{api, dom, i18n, map, query};
use forebyg_shared::search::{SearchParams, Sort};
use forebyg_shared::taxonomy::Category;
use forebyg_shared::validation::{self, FieldError};
use forebyg_shared::Lang;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// The form's state, shared with the page (which resets it from the URL).
#[derive(Clone, Copy)]
pub(super) struct FormState {
    pub postcode: RwSignal<String>,
    pub categories: RwSignal<Vec<Category>>,
    pub radius: RwSignal<f64>,
    /// The other filters (in "Flere valg").
    pub filters: RwSignal<SearchParams>,
    /// The form's own check of the last submit.
    pub client_errors: RwSignal<Vec<FieldError>>,
    /// Every error to show (the form's, the URL's or the API's).
    pub errors: Memo<Vec<FieldError>>,
    pub form_values: Memo<query::FormValues>,
    pub view_map: Memo<bool>,
    /// Set when the form navigates: focus then moves to the answer.
    pub focus_when_done: StoredValue<bool>,
    pub lazy: Lazy,
    pub lang: Lang,
}

/// The town of a 4-digit postcode as it is typed: Some(Ok(name)), Some(Err(())) if unknown.
fn postcode_town(postcode: RwSignal<String>) -> RwSignal<Option<Result<String, ()>>> {
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
    town
}

/// Whether "Flere valg" starts open: when a choice in it is set.
fn filters_set(f: &SearchParams) -> bool {
    f.radius_km != forebyg_shared::search::DEFAULT_RADIUS_KM
        || f.q.is_some()
        || f.package.is_some()
        || f.format.is_some()
        || f.evening
        || f.weekend
        || f.continuous
        || f.starts_within_weeks.is_some()
        || f.language.is_some()
        || f.self_referral
        || f.available
        || f.sort != Sort::Distance
}

pub(super) fn search_form(s: FormState) -> impl IntoView {
    let FormState { postcode, categories, radius, filters, client_errors, errors, form_values, view_map, focus_when_done, lazy, lang } = s;
    let town = postcode_town(postcode);
    let geo = RwSignal::new(Geo::Idle);
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
                crate::components::return_to_link::forget();
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
        // "9000 Aalborg", as people write it: the code (the field then shows it with its town).
        postcode.update(|p| *p = validation::typed_postcode(p).to_owned());
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
                crate::components::return_to_link::forget();
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

    let field_error = move |field: &str| errors.with(|es| es.iter().find(|e| e.field == field).map(|e| e.message.get(lang).to_owned()));
    let postcode_error = move || field_error("postcode");
    let radius_error = move || field_error("radius_km");
    let category_error = move || field_error("category");
    let described_by = move |base: &str, has_error: bool, error_id: &str| if has_error { format!("{base} {error_id}") } else { base.to_owned() };

    let category_choices = fields::category_choices(categories, lang);
    let radius_options = fields::radius_options(form_values, radius, lang);

    // "Flere valg": its fields are in the lazily loaded part, fetched when it is first opened (or
    // when the form is first used), with a loading line meanwhile.
    // Open when a choice in it is set, or the address's distance has an error to show there.
    let filters_open = filters.with_untracked(filters_set) || errors.with_untracked(|es| es.iter().any(|e| e.field == "radius_km"));
    if filters_open {
        lazy.want();
    }
    let filter_fields = move || match lazy.parts.get() {
        Some(p) => (p.filters)(filters, lang),
        None => view! { <p class="status status--loading">{i18n::LOADING.get(lang)}</p> }.into_any(),
    };

    view! {
        <form class="search-form" action="/" method="get" role="search" aria-label=i18n::SEARCH_FORM_LABEL.get(lang) novalidate on:submit=on_submit
            on:focusin=move |_| lazy.want()>
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
                    // One message about the postcode: the error's, when there is one.
                    {move || town.get().filter(|_| postcode_error().is_none()).map(|t| match t {
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
            {fields::condition_select(filters, lang)}
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
            // The core search first, "Søg" right after it (on a phone within the first screen,
            // issue #15 point 5); distance and the rest under "Flere valg".
            <button class="button search-form__submit" type="submit">{i18n::SUBMIT.get(lang)}</button>
            <details class="filters" open=filters_open on:toggle=move |_| lazy.want()>
                <summary class="filters__summary">{i18n::FILTERS_SUMMARY.get(lang)}</summary>
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
                {filter_fields}
            </details>
        </form>
    }
}
