//! `/aktiviteter?postcode=&condition=&radius_km=`: association activities near a place, nearest
//! first, by condition. The search lives in the URL; the form only navigates.

use super::item::activity_item;
use crate::activity_query::ActivityQuery;
use crate::api::{self, ApiError};
use crate::components::error_summary::{ErrorSummary, FieldErrorMessage};
use crate::components::return_to_link;
use crate::context::use_lang;
use crate::i18n::activities as t;
use crate::{dom, format, i18n, query};
use forebyg_shared::activity::ActivitySearchResponse;
use forebyg_shared::taxonomy::Condition;
use forebyg_shared::validation::{self, FieldError};
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// The answer's heading, where focus goes after a search.
const RESULTS_ID: &str = "activity-results";

#[component]
pub fn ActivitySearchPage() -> impl IntoView {
    let lang = use_lang();
    let h1 = NodeRef::<H1>::new();
    // Back from an activity opened from the list, that link comes back with the focus instead.
    return_to_link::focus_heading_unless_returning(h1);
    dom::set_title(lang, t::SEARCH_H1.get(lang));
    let url_query = use_query_map();
    let current = Memo::new(move |_| url_query.with(|q| ActivityQuery::from_query(|k| q.get(k))));
    let found = LocalResource::new(move || {
        let url = current.with(ActivityQuery::api_url);
        async move {
            match url {
                Some(url) => api::get_json::<ActivitySearchResponse>(&url).await.map(Some),
                None => Ok(None),
            }
        }
    });

    // The form's values follow the address (back/forward) and are edited freely until submitted.
    let postcode = RwSignal::new(String::new());
    let condition = RwSignal::new(String::new());
    let radius = RwSignal::new(0.0);
    Effect::new(move |_| {
        let q = current.get();
        postcode.set(q.postcode);
        condition.set(q.condition.map(|c| c.code().to_owned()).unwrap_or_default());
        radius.set(q.radius_km);
    });
    // The form's own check, as the offer search's: a missing or malformed postcode is named
    // in the summary and at the field before anything is asked of the API.
    let form_errors = RwSignal::new(Vec::<FieldError>::new());
    // After a submit, focus moves to the answer (or the API's field errors), as in the offer search.
    let focus_when_done = StoredValue::new(false);
    Effect::new(move |_| {
        let Some(answer) = found.get() else { return };
        if focus_when_done.get_value() {
            focus_when_done.set_value(false);
            let target = if answer.as_ref().is_err_and(|e| !e.field_errors().is_empty()) { "activity-errors" } else { RESULTS_ID };
            request_animation_frame(move || dom::focus_id(target));
        }
    });
    let navigate = use_navigate();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Err(e) = validation::postcode_format("postcode", &postcode.get_untracked()) {
            form_errors.set(vec![e]);
            request_animation_frame(|| dom::focus_id("activity-errors"));
            return;
        }
        form_errors.set(vec![]);
        let q = ActivityQuery {
            postcode: postcode.get_untracked().trim().to_owned(),
            condition: Condition::from_code(&condition.get_untracked()),
            radius_km: radius.get_untracked(),
        };
        if current.with_untracked(|c| c.href()) == q.href() {
            // The same search again: the answer is on the page already.
            request_animation_frame(|| dom::focus_id(RESULTS_ID));
        } else {
            focus_when_done.set_value(true);
            navigate(&q.href(), Default::default());
        }
    };
    let errors = move || {
        let own = form_errors.get();
        if !own.is_empty() {
            return own;
        }
        found.get().and_then(|r| r.err()).map(|e| e.field_errors().to_vec()).unwrap_or_default()
    };
    let postcode_error = move || errors().into_iter().find(|e| e.field == "postcode").map(|e| e.message.get(lang).to_owned());

    view! {
        <h1 tabindex="-1" node_ref=h1>{t::SEARCH_H1.get(lang)}</h1>
        <p class="lead">{t::SEARCH_INTRO.get(lang)}</p>
        {move || (!errors().is_empty()).then(|| view! { <ErrorSummary errors=errors() lang=lang id="activity-errors" /> })}
        <form class="search-form" action="/aktiviteter" method="get" role="search" aria-label=t::SEARCH_H1.get(lang) novalidate on:submit=on_submit>
            <div class="field" class:field--error=move || postcode_error().is_some()>
                <label class="field__label" for="postcode">{i18n::POSTCODE_LABEL.get(lang)}</label>
                <p class="hint" id="postcode-hint">{i18n::POSTCODE_HINT.get(lang)}</p>
                {move || postcode_error().map(|m| view! { <FieldErrorMessage id="postcode-error".to_owned() message=m lang=lang /> })}
                <input class="input input--postcode" id="postcode" name="postcode" type="text" inputmode="numeric" autocomplete="postal-code"
                    spellcheck="false" aria-invalid=move || postcode_error().is_some().then_some("true")
                    aria-describedby=move || if postcode_error().is_some() { "postcode-hint postcode-error" } else { "postcode-hint" }
                    prop:value=move || postcode.get() on:input=move |ev| postcode.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label class="field__label" for="condition">{t::CONDITION_LABEL.get(lang)}</label>
                <select class="select" id="condition" name="condition" on:change=move |ev| condition.set(event_target_value(&ev))>
                    <option value="" prop:selected=move || condition.with(String::is_empty)>{t::CONDITION_ANY.get(lang)}</option>
                    {Condition::ALL.iter().map(|c| {
                        let code = c.code();
                        view! { <option value=code prop:selected=move || condition.with(|v| v == code)>{c.label(lang)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label class="field__label" for="radius_km">{t::RADIUS_LABEL.get(lang)}</label>
                <select class="select" id="radius_km" name="radius_km" on:change=move |ev| radius.set(event_target_value(&ev).parse().unwrap_or(0.0))>
                    {move || query::radius_choices(current.with(|q| q.radius_km)).into_iter().map(|km| {
                        view! { <option value=km.to_string() prop:selected=move || radius.get() == km>{format::radius(km, lang)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <button class="button" type="submit">{t::SEARCH_BUTTON.get(lang)}</button>
        </form>
        <Transition fallback=move || view! { <p class="status status--loading" role="status">{t::LOADING.get(lang)}</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(Some(r)) => Some(results(r, current.get_untracked(), focus_when_done, lang).into_any()),
                    Ok(None) => None,
                    Err(ApiError::Problem(p)) if !p.errors.is_empty() => None,
                    Err(e) => Some(view! { <p class="status status--error" role="alert">{e.message(lang)}</p> }.into_any()),
                }
            })}
        </Transition>
    }
}

/// `focus_after`: set by the next-step links, so the answer they lead to takes the focus (the
/// link itself goes with the old answer, which left a keyboard user at the top of the page).
fn results(r: ActivitySearchResponse, searched: ActivityQuery, focus_after: StoredValue<bool>, lang: forebyg_shared::Lang) -> impl IntoView {
    let place = r.origin.place_name.clone().map(|n| format!("{} {n}", r.origin.postcode.clone().unwrap_or_default())).unwrap_or_default();
    let count = t::count(r.results.len(), &format::radius(r.radius_km, lang), place.trim(), lang);
    let list = if r.results.is_empty() {
        // The next steps as links, not advice: the nearest wider distance that finds something
        // (said with how many and how far; none is offered that would find nothing), and all
        // conditions when one was chosen.
        let wider = match r.wider {
            Some(w) => {
                let href = ActivityQuery { radius_km: w.radius_km, ..searched.clone() }.href();
                let text = t::wider_found(&format::radius(w.radius_km, lang), w.count, &format::distance(w.nearest_km, lang), lang);
                view! { <li><a href=href on:click=move |_| focus_after.set_value(true)>{text}</a></li> }.into_any()
            }
            None => view! { <li>{t::NONE_WITHIN_REACH.get(lang)}</li> }.into_any(),
        };
        let any_condition = searched.condition.is_some().then(|| {
            let href = ActivityQuery { condition: None, ..searched.clone() }.href();
            view! { <li><a href=href on:click=move |_| focus_after.set_value(true)>{t::ALL_CONDITIONS_LINK.get(lang)}</a></li> }
        });
        view! {
            <p>{t::NONE_FOUND.get(lang)}</p>
            <ul class="plain link-list">{wider}{any_condition}</ul>
        }
        .into_any()
    } else {
        return_to_link::bring_back(".activities");
        view! { <ul class="activities" on:click=return_to_link::remember>{r.results.into_iter().map(|v| activity_item(v, lang)).collect_view()}</ul> }
            .into_any()
    };
    // From an island without a fixed link, the activities off it are a ferry crossing away.
    let island = r.origin.island.is_some().then(|| view! { <p class="notice">{t::FROM_ISLAND.get(lang)}</p> });
    view! {
        <section aria-labelledby=RESULTS_ID>
            <h2 id=RESULTS_ID tabindex="-1">{t::RESULTS_H2.get(lang)}</h2>
            <p role="status">{count}</p>
            {island}
            {list}
        </section>
    }
}
