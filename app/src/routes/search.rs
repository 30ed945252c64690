//! The search page at `/`: the form and the results. Every filter lives in the URL query, so a
//! search can be shared, and reload/back/forward reproduce it; the form only navigates.

use crate::api::{self, ApiError};
use crate::app::{use_lang, use_last_search};
use crate::components::error_summary::{ErrorSummary, FieldErrorMessage};
use crate::components::result_card::ResultCard;
use crate::{dom, format, i18n, query};
use forebyg_shared::search::{SearchParams, SearchResponse};
use forebyg_shared::taxonomy::Category;
use forebyg_shared::validation::{self, FieldError};
use forebyg_shared::Lang;
use leptos::ev::SubmitEvent;
use leptos::html::H1;
use leptos::prelude::*;
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

    // The form's state starts from the URL and follows it on back/forward.
    let initial = form_values.get_untracked();
    let postcode = RwSignal::new(initial.postcode);
    let categories = RwSignal::new(initial.categories);
    let radius = RwSignal::new(initial.radius_km);
    let client_errors = RwSignal::new(Vec::<FieldError>::new());
    Effect::new(move |_| {
        let v = form_values.get();
        postcode.set(v.postcode);
        categories.set(v.categories);
        radius.set(v.radius_km);
        client_errors.set(vec![]);
    });

    let search = LocalResource::new(move || {
        let p = parsed.get();
        async move {
            match p {
                Ok(p) if query::is_search(&p) => {
                    let r = api::search_offers(&p).await;
                    Some((p, r))
                }
                _ => None,
            }
        }
    });
    // The resource keeps its last value while it reloads: it is current only for the URL's search.
    let outcome = Memo::new(move |_| match parsed.get() {
        Ok(p) if query::is_search(&p) => match search.get() {
            Some(Some((key, r))) if key == p => match r {
                Ok(resp) => Outcome::Done(resp),
                Err(e) => Outcome::Failed(e),
            },
            _ => Outcome::Loading,
        },
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
    let last_search = use_last_search();
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
                last_search.set(Some(query::search_href(&p)));
            }
        }
    });

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
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match query::from_form(&postcode.get_untracked(), &categories.get_untracked(), radius.get_untracked()) {
            Ok(p) => {
                client_errors.set(vec![]);
                focus_when_done.set_value(true);
                navigate(&query::search_href(&p), NavigateOptions { scroll: false, ..Default::default() });
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

    let category_choices = Category::ALL
        .iter()
        .map(|&c| {
            let id = query::category_input_id(c);
            let hint_id = format!("{id}-hint");
            view! {
                <div class="choice">
                    <input
                        type="checkbox"
                        class="choice__input"
                        id=id.clone()
                        name="category"
                        value=c.code()
                        aria-describedby=hint_id.clone()
                        prop:checked=move || categories.with(|cs| cs.contains(&c))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            categories.update(|cs| {
                                cs.retain(|x| *x != c);
                                if on {
                                    cs.push(c);
                                }
                            });
                        }
                    />
                    <label class="choice__label" for=id>{c.label(lang)}</label>
                    <p class="choice__hint" id=hint_id>{c.description(lang)}</p>
                </div>
            }
        })
        .collect_view();

    let radius_options = move || {
        query::radius_choices(form_values.with(|v| v.radius_km))
            .into_iter()
            .map(|km| {
                view! {
                    <option value=km.to_string() prop:selected=move || radius.get() == km>
                        {i18n::radius_option(lang, &format::radius(km, lang))}
                    </option>
                }
            })
            .collect_view()
    };

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
                        if let Ok(km) = event_target_value(&ev).parse::<f64>() {
                            radius.set(km);
                        }
                    }
                >
                    {radius_options}
                </select>
            </div>
            <button class="button" type="submit">{i18n::SUBMIT.get(lang)}</button>
        </form>
    };

    // The status line is a persistent live region, so the count or the error is announced.
    let status = move || match outcome.get() {
        Outcome::Idle => ().into_any(),
        Outcome::Loading => view! { <p class="status status--loading">{i18n::SEARCHING.get(lang)}</p> }.into_any(),
        Outcome::Done(r) => {
            let (from, to) = query::page_range(r.total, r.page, r.per_page, r.results.len());
            let heading = i18n::results_heading(lang, &format::number(r.total.into(), lang), &format::radius(r.radius_km, lang), &place(&r, lang));
            let more = if r.results.is_empty() {
                view! {
                    <p>{i18n::EMPTY_RESULTS.get(lang)}</p>
                    <p>{i18n::EMPTY_HINT.get(lang)}</p>
                }
                .into_any()
            } else {
                let range = i18n::results_range(
                    lang,
                    &format::number(from.into(), lang),
                    &format::number(to.into(), lang),
                    &format::number(r.total.into(), lang),
                );
                view! { <p class="results__range">{range}". "{i18n::DIGITAL_LAST.get(lang)}</p> }.into_any()
            };
            view! {
                <h2 id=RESULTS_HEADING_ID class="results__heading" tabindex="-1">{heading}</h2>
                {more}
            }
            .into_any()
        }
        // Field errors are in the error summary and next to the fields.
        Outcome::Failed(e) if !e.field_errors().is_empty() => ().into_any(),
        Outcome::Failed(e) => view! {
            <h2 id=RESULTS_HEADING_ID class="results__heading" tabindex="-1">{i18n::RESULTS_LABEL.get(lang)}</h2>
            <p class="status status--error">{e.message(lang)}</p>
            <button class="button button--secondary" type="button" on:click=move |_| search.refetch()>{i18n::RETRY.get(lang)}</button>
        }
        .into_any(),
    };

    let list = move || match outcome.get() {
        Outcome::Done(r) if !r.results.is_empty() => {
            let (from, _) = query::page_range(r.total, r.page, r.per_page, r.results.len());
            let pages = query::page_count(r.total, r.per_page);
            let params = parsed.get().unwrap_or_default();
            let page = r.page;
            let on_page = move |_| focus_when_done.set_value(true);
            let cards = r.results.into_iter().map(|hit| view! { <ResultCard hit=hit lang=lang /> }).collect_view();
            view! {
                <ol class="results" start=from aria-labelledby=RESULTS_HEADING_ID>{cards}</ol>
                {(pages > 1).then(|| view! {
                    <nav class="pagination" aria-label=i18n::PAGINATION_LABEL.get(lang)>
                        <ul>
                            {(page > 1).then(|| view! {
                                <li><a class="pagination__link" rel="prev" href=query::page_href(&params, page - 1) on:click=on_page>
                                    <span aria-hidden="true">"← "</span>{i18n::PREV_PAGE.get(lang)}
                                </a></li>
                            })}
                            <li class="pagination__current">{i18n::page_of(lang, page, pages)}</li>
                            {(page < pages).then(|| view! {
                                <li><a class="pagination__link" rel="next" href=query::page_href(&params, page + 1) on:click=on_page>
                                    {i18n::NEXT_PAGE.get(lang)}<span aria-hidden="true">" →"</span>
                                </a></li>
                            })}
                        </ul>
                    </nav>
                })}
            }
            .into_any()
        }
        _ => ().into_any(),
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
                {jump}
            </div>
            {summary}
            <div class="search-layout">
                <div class="search-layout__form">{form}</div>
                <section class="search-layout__results results-area" aria-label=i18n::RESULTS_LABEL.get(lang)>
                    <div class="results-status" aria-live="polite">{status}</div>
                    {list}
                </section>
            </div>
        </div>
    }
}
