//! The search page at `/`: the form and the results. Every filter lives in the URL query, so a
//! search can be shared, and reload/back/forward reproduce it; the form only navigates.

pub mod answer;
mod fields;
mod filters;
mod form;
mod geolocation;
mod recent;
mod relaxed;
mod results;

use crate::api::ApiError;
use crate::components::error_summary::ErrorSummary;
use crate::context::{remember_search, use_lang};
use crate::{dom, i18n, map, query};
use answer::{AnswerParts, ResultsArgs};
use forebyg_shared::search::{SearchParams, SearchResponse};
use forebyg_shared::validation::FieldError;
use forebyg_shared::Lang;
use form::{search_form, FormState};
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// Loads the search page's lazily fetched part ([`answer`]): the citizen app's split point.
pub type LoadAnswer = fn() -> Pin<Box<dyn Future<Output = AnswerParts>>>;

/// The lazily fetched part: asked for at most once, in the signal when it is there.
#[derive(Clone, Copy)]
pub(super) struct Lazy {
    parts: RwSignal<Option<AnswerParts>>,
    load: LoadAnswer,
    requested: StoredValue<bool>,
}

impl Lazy {
    /// Starts loading the part (once).
    fn want(self) {
        if !self.requested.get_value() {
            self.requested.set_value(true);
            leptos::task::spawn_local(async move { self.parts.set(Some((self.load)().await)) });
        }
    }

    /// The part, once loaded.
    async fn get(self) -> AnswerParts {
        self.want();
        (self.load)().await
    }
}

/// An answer decoded by the lazily loaded part (compared by identity: each request is new).
#[derive(Clone)]
struct Answer {
    response: Arc<SearchResponse>,
    parts: AnswerParts,
}

impl PartialEq for Answer {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.response, &other.response)
    }
}

/// Where the search of the current URL stands.
#[derive(Clone, PartialEq)]
enum Outcome {
    /// No search in the URL (or an invalid one): just the form.
    Idle,
    Loading,
    Done(Answer),
    Failed(ApiError),
}

const RESULTS_HEADING_ID: &str = "results-heading";
const ERROR_SUMMARY_ID: &str = "error-summary";

/// "8000 Aarhus C", or what is known of the place.
fn place(r: &SearchResponse, lang: Lang) -> String {
    r.origin.place_text(lang)
}

/// The search page; `load_answer` fetches its lazily loaded part (src/bin/citizen/lazy.rs).
#[component]
pub fn SearchPage(load_answer: LoadAnswer) -> impl IntoView {
    let lang = use_lang();
    let lazy = Lazy { parts: RwSignal::new(None), load: load_answer, requested: StoredValue::new(false) };
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
    let filters = RwSignal::new(parsed.get_untracked().unwrap_or_default());
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
    // machinery (a few KB of the initial wasm budget). The lazily loaded part is fetched at the
    // same time as the answer and decodes it. `retry` asks again after a failure.
    let answer = RwSignal::new(None::<(SearchParams, Result<Answer, ApiError>)>);
    let retry = RwSignal::new(0u32);
    Effect::new(move |_| {
        retry.track();
        let Ok(p) = parsed.get() else { return };
        if !query::is_search(&p) {
            return;
        }
        lazy.want();
        leptos::task::spawn_local(async move {
            let r = match crate::api::search_offers(&p).await {
                Ok(json) => {
                    let parts = lazy.get().await;
                    (parts.decode)(json).map(|r| Answer { response: Arc::new(r), parts }).ok_or(ApiError::Decode)
                }
                Err(e) => Err(e),
            };
            // A late answer to an earlier search must not replace the current one's.
            if parsed.with_untracked(|current| current.as_ref() == Ok(&p)) {
                answer.set(Some((p, r)));
            }
        });
    });
    let outcome = Memo::new(move |_| match parsed.get() {
        Ok(p) if query::is_search(&p) => answer.with(|a| match a {
            Some((key, r)) if *key == p => match r {
                Ok(a) => Outcome::Done(a.clone()),
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

    // Document title and the "back to the search" address.
    // The outcome read first: read after `errors` (a memo over it), a change of the outcome
    // alone did not run this again after Back (the title stayed the form's).
    Effect::new(move |_| {
        let h1 = i18n::SEARCH_H1.get(lang);
        let outcome = outcome.get();
        let title = if !errors.with(Vec::is_empty) {
            format!("{} {h1}", i18n::ERROR_PREFIX.get(lang))
        } else {
            match outcome {
                Outcome::Done(a) => i18n::search_title(lang, &place(&a.response, lang)),
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
    Effect::new(move |_| {
        outcome.with(|o| {
            if let Outcome::Done(a) = o {
                (a.parts.remember)(&a.response);
            }
        })
    });

    let recent_view = recent::recent_searches(outcome, parsed, lazy, lang);

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

    let h1 = NodeRef::<H1>::new();
    crate::components::return_to_link::focus_heading_unless_returning(h1);

    let summary = move || {
        let es = errors.get();
        (!es.is_empty()).then(|| view! { <ErrorSummary errors=es lang=lang id=ERROR_SUMMARY_ID /> })
    };

    let form =
        search_form(FormState { postcode, categories, radius, filters, client_errors, errors, form_values, view_map, focus_when_done, lazy, lang });

    // While the form holds errors its last answer no longer matches what it says ("0000" under
    // "119 offers near 5000"): the answer steps aside until the form is searched again.
    let stale = move || !client_errors.with(Vec::is_empty);

    // The status line is a persistent live region, so the count or the error is announced.
    let status = move || match outcome.get() {
        _ if stale() => ().into_any(),
        Outcome::Idle => ().into_any(),
        Outcome::Loading => view! { <p class="status status--loading">{i18n::SEARCHING.get(lang)}</p> }.into_any(),
        Outcome::Done(a) => (a.parts.summary)(&a.response, &parsed.get_untracked().unwrap_or_default(), lang, focus_when_done),
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

    // The list/map switch, the list or map and the pagination (the lazily loaded part).
    let results = move || match outcome.get() {
        _ if stale() => ().into_any(),
        Outcome::Done(a) => (a.parts.results)(ResultsArgs { answer: a.response, params: parsed, view_map, lang, focus_when_done }),
        _ => ().into_any(),
    };

    // On a phone the form is long: a shortcut to the results (hidden where they are side by
    // side), drawn by the lazily loaded part (there are results only once it is loaded).
    let jump = move || match outcome.get() {
        _ if stale() => None,
        Outcome::Done(a) => Some((a.parts.jump)(lang)),
        // The link's line is kept while the answer loads: the form below does not move when it
        // comes (Lighthouse's layout shift).
        Outcome::Loading => Some(view! { <p class="jump-link" aria-hidden="true">"\u{a0}"</p> }.into_any()),
        _ => None,
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
                    {results}
                    {recent_view}
                </section>
            </div>
            // After the search, not before it: on a phone the search starts on the first screen,
            // and the intro is the static shell's (nothing moves when the app starts).
            <p class="clinician-link"><A href=crate::clinician::query::SEARCH_PATH>{crate::clinician::texts::FRONT_LINK.get(lang)}</A></p>
        </div>
    }
}
