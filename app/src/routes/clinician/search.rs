//! `/klinik`: a clinician finds offers for a patient in a consultation. Conditions first, then
//! postcode and (optional) age; the answer is grouped by intervention with eligibility and the
//! referral route. The whole search, and the offers chosen for the handout, live in the URL; the
//! form only navigates.

use super::results::{HandoutBar, Results, RESULTS_HEADING_ID};
use super::search_fields::{language_field, package_field, times_field};
use super::session::{self, SignedInBar};
use crate::api::ApiError;
use crate::clinician::query::{self as cq, ClinicianQuery};
use crate::clinician::texts as t;
use crate::components::error_summary::{ErrorSummary, FieldErrorMessage};
use crate::components::jump_link::jump_link;
use crate::context::use_lang;
use crate::dom;
use forebyg_shared::clinician::ClinicianProfile;
use forebyg_shared::referral_route::ReferrerKind;
use forebyg_shared::search::clinician::{ClinicianParams, ClinicianSearchResponse};
use forebyg_shared::search::flag_value;
use forebyg_shared::taxonomy::Condition;
use forebyg_shared::validation::FieldError;
use forebyg_shared::Lang;
use leptos::ev::SubmitEvent;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use std::rc::Rc;

const ERROR_SUMMARY_ID: &str = "error-summary";

/// The form's values as the URL has them (even invalid ones, shown next to their errors).
#[derive(Debug, Clone, PartialEq, Default)]
struct FormValues {
    conditions: Vec<Condition>,
    postcode: String,
    age: String,
    package: String,
    language: String,
    evening: bool,
    weekend: bool,
}

fn form_values(map: &ParamsMap) -> FormValues {
    let conditions = map.get_all("conditions").unwrap_or_default();
    FormValues {
        conditions: conditions.iter().flat_map(|v| v.split(',')).filter_map(|c| Condition::from_code(c.trim())).collect(),
        postcode: map.get("postcode").unwrap_or_default(),
        age: map.get("age").unwrap_or_default(),
        package: map.get("package").unwrap_or_default(),
        language: map.get("language").unwrap_or_default(),
        evening: map.get("evening").and_then(|v| flag_value(v.trim())).unwrap_or(false),
        weekend: map.get("weekend").and_then(|v| flag_value(v.trim())).unwrap_or(false),
    }
}

/// The id of a condition's checkbox (the first is the target of the error summary's link).
pub fn condition_input_id(c: Condition) -> String {
    format!("condition-{}", c.code())
}

/// The id of the form control a field error links to: this form's own fields only, so a radius
/// or `per_group` from a hand-edited address is named in the summary rather than linked to
/// nothing.
fn control_id(field: &str) -> Option<String> {
    match field {
        "postcode" | "age" | "package" | "language" | "evening" | "weekend" => Some(field.to_owned()),
        "conditions" => Condition::ALL.first().map(|c| condition_input_id(*c)),
        _ => None,
    }
}

/// The router's `navigate`, kept in the search's state (a `Copy` context).
type Navigate = Rc<dyn Fn(&str, NavigateOptions)>;

/// The page's state: the URL's search and selection, and the API's answer to the search.
#[derive(Clone, Copy)]
pub struct SearchState {
    pub query: Memo<Result<ClinicianQuery, Vec<FieldError>>>,
    /// The search alone (a change of the selection does not search again).
    pub params: Memo<Option<ClinicianParams>>,
    pub answer: LocalResource<Option<Result<ClinicianSearchResponse, ApiError>>>,
    /// The signed-in clinician's kind of referrer (none when anonymous): which offers they may
    /// refer to through Forebyg, by the rule the API applies.
    pub referrer: Signal<Option<ReferrerKind>>,
    navigate: StoredValue<Navigate, LocalStorage>,
    /// Where the focus goes once the next answer is in (the element's id), if anywhere: after a
    /// submit the results heading, after a link inside a group that group's heading.
    focus_next: StoredValue<Option<String>>,
}

impl SearchState {
    fn new(profile: LocalResource<Option<Result<ClinicianProfile, ApiError>>>) -> Self {
        let map = use_query_map();
        let query = Memo::new(move |_| map.with(|m| ClinicianQuery::parse(m.into_iter().map(|(k, v)| (k.as_ref(), v)).collect::<Vec<_>>())));
        let params = Memo::new(move |_| query.with(|q| q.as_ref().ok().filter(|q| q.is_complete()).map(|q| q.params.clone())));
        let answer = LocalResource::new(move || {
            let p = params.get();
            async move {
                let mut p = p?;
                // Signed in, the offers this kind of clinician may refer to come first in each
                // group: the kind as kept from this sign-in's profile, else the search waits for
                // the profile (at once when not signed in).
                p.referrer = match super::session::known_referrer() {
                    Some(kind) => Some(kind),
                    None => profile.await.and_then(Result::ok).map(|c| c.referrer),
                };
                Some(crate::http::get::<ClinicianSearchResponse>(&cq::api_search_url(&p), None).await)
            }
        });
        let navigate: Navigate = Rc::new(use_navigate());
        let referrer = Signal::derive(move || profile.get().flatten().and_then(Result::ok).map(|p| p.referrer));
        SearchState { query, params, answer, referrer, navigate: StoredValue::new_local(navigate), focus_next: StoredValue::new(None) }
    }

    /// The offers chosen for the handout.
    pub fn selected(self) -> Vec<String> {
        self.query.with(|q| q.as_ref().map(|q| q.selected.clone()).unwrap_or_default())
    }

    /// Adds or removes an offer from the handout selection (the URL follows; no new search).
    pub fn toggle(self, id: &str) {
        if let Some(href) = self.query.with_untracked(|q| q.as_ref().ok().map(|q| q.toggled(id).href())) {
            // Choosing is not a page change: no new history entry, no scroll.
            self.navigate.with_value(|go| go(&href, NavigateOptions { replace: true, scroll: false, ..Default::default() }));
        }
    }

    /// Moves the focus to the element `id` once the next answer is in (an error summary instead,
    /// should the answer hold field errors).
    pub fn focus_when_answered(self, id: &str) {
        self.focus_next.set_value(Some(id.to_owned()));
    }

    /// Goes to a new search. The page stays where it is: the focus moves to the answer, whose
    /// heading comes to the top of the screen (the router's scroll to the top would carry a
    /// phone's screen back to the form, away from the results below it).
    fn search(self, q: ClinicianQuery) {
        self.navigate.with_value(|go| go(&q.href(), NavigateOptions { scroll: false, ..Default::default() }));
    }
}

#[component]
pub fn ClinicianSearchPage() -> impl IntoView {
    let lang = use_lang();
    let profile = session::profile();
    let state = SearchState::new(profile);
    provide_context(state);
    let map = use_query_map();

    let initial = map.with_untracked(form_values);
    let conditions = RwSignal::new(initial.conditions);
    let postcode = RwSignal::new(initial.postcode);
    let age = RwSignal::new(initial.age);
    let package = RwSignal::new(initial.package);
    let language = RwSignal::new(initial.language);
    let evening = RwSignal::new(initial.evening);
    let weekend = RwSignal::new(initial.weekend);
    let client_errors = RwSignal::new(Vec::<FieldError>::new());
    // Back/forward: the form follows the URL.
    Effect::new(move |_| {
        let v = map.with(form_values);
        conditions.set(v.conditions);
        postcode.set(v.postcode);
        age.set(v.age);
        package.set(v.package);
        language.set(v.language);
        evening.set(v.evening);
        weekend.set(v.weekend);
        client_errors.set(vec![]);
    });

    // Errors: the form's own check, then the URL's, then the API's (e.g. an unknown postcode).
    let errors = Memo::new(move |_| {
        let c = client_errors.get();
        if !c.is_empty() {
            return c;
        }
        if let Err(e) = state.query.get() {
            return e;
        }
        match state.answer.get() {
            Some(Some(Err(e))) => e.field_errors().to_vec(),
            _ => vec![],
        }
    });
    let field_error = move |field: &'static str| errors.with(|es| es.iter().find(|e| e.field == field).map(|e| e.message.get(lang).to_owned()));

    let h1 = NodeRef::<H1>::new();
    crate::components::return_to_link::focus_heading_unless_returning(h1);
    // A referral form kept for signing in again is abandoned here.
    super::draft::discard();
    let signed_out = session::signed_out_notice(lang);
    let signed_in = move || profile.get().flatten().and_then(Result::ok).map(|p| view! { <SignedInBar profile=p lang=lang /> });
    Effect::new(move |_| {
        // The answer read before `errors` (a memo over it), as the citizen search must.
        let answer = state.answer.get();
        let title = if errors.with(Vec::is_empty) {
            // The answer's place, as the citizen search does ("Tilbud nær 8000 Aarhus C").
            match answer {
                Some(Some(Ok(r))) => super::results::heading(&r, lang),
                _ => t::SEARCH_H1.get(lang).to_owned(),
            }
        } else {
            format!("{} {}", crate::i18n::ERROR_PREFIX.get(lang), t::SEARCH_H1.get(lang))
        };
        dom::set_title(lang, &title);
        if let Ok(q) = state.query.get() {
            if q.is_complete() {
                // The last search of this tab, for the way back to it (forgotten on signing out).
                session::remember_search(&q.href());
            }
        }
    });

    // After a submit or a link within the results, the focus goes where it asked to (the error
    // summary instead for field errors, the results heading for a failure) once the answer is in.
    Effect::new(move |_| {
        let answer = state.answer.get();
        let Some(asked) = state.focus_next.get_value() else { return };
        // A heading of the answer comes to the top of the screen, what it heads below it.
        let (target, at_top) = match answer {
            Some(Some(Ok(_))) => (asked, true),
            Some(Some(Err(e))) if !e.field_errors().is_empty() => (ERROR_SUMMARY_ID.to_owned(), false),
            Some(Some(Err(_))) => (RESULTS_HEADING_ID.to_owned(), true),
            _ => return,
        };
        state.focus_next.set_value(None);
        request_animation_frame(move || if at_top { dom::focus_at_top(&target) } else { dom::focus_id(&target) });
    });

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let joined = conditions.with_untracked(|cs| cs.iter().map(|c| c.code()).collect::<Vec<_>>().join(","));
        // "9000 Aalborg" and "67 år" are read as the numbers they hold, and the fields show them so.
        postcode.update(|p| *p = forebyg_shared::validation::typed_postcode(p).to_owned());
        age.update(|a| *a = forebyg_shared::validation::typed_age(a).to_owned());
        let (pc, a, pk, l) = (postcode.get_untracked(), age.get_untracked(), package.get_untracked(), language.get_untracked());
        let yes = |on: RwSignal<bool>| if on.get_untracked() { "true" } else { "" };
        let pairs = [
            ("conditions", joined.as_str()),
            ("postcode", pc.trim()),
            ("age", a.trim()),
            ("language", l.as_str()),
            ("evening", yes(evening)),
            ("weekend", yes(weekend)),
            ("package", pk.as_str()),
        ];
        let problems = match ClinicianQuery::parse(pairs) {
            // A malformed field and a missing one are both named at once, in the form's order.
            Err(mut e) => {
                let given = ClinicianParams {
                    conditions: conditions.get_untracked(),
                    postcode: Some(pc.trim().to_owned()).filter(|p| !p.is_empty()),
                    ..Default::default()
                };
                let absent: Vec<FieldError> = cq::missing(&given).into_iter().filter(|m| !e.iter().any(|f| f.field == m.field)).collect();
                e.extend(absent);
                let order = |f: &FieldError| pairs.iter().position(|(k, _)| *k == f.field).unwrap_or(usize::MAX);
                e.sort_by_key(order);
                e
            }
            Ok(q) => {
                let missing = cq::missing(&q.params);
                if missing.is_empty() {
                    client_errors.set(vec![]);
                    crate::components::return_to_link::forget();
                    state.focus_when_answered(RESULTS_HEADING_ID);
                    // A new search starts a new selection.
                    state.search(ClinicianQuery { params: q.params, selected: vec![] });
                    return;
                }
                missing
            }
        };
        client_errors.set(problems);
        request_animation_frame(|| dom::focus_id(ERROR_SUMMARY_ID));
    };

    view! {
        <h1 node_ref=h1 tabindex="-1">{t::SEARCH_H1.get(lang)}</h1>
        {signed_out}
        {signed_in}
        <p class="lead">{t::SEARCH_INTRO.get(lang)}</p>
        <p><a href=cq::REFERRALS_PATH>{t::NAV_REFERRALS.get(lang)}</a></p>
        // Opened from a link or reloaded on a phone, the answer is below the whole form.
        {move || state.answer.with(|a| matches!(a, Some(Some(Ok(_))))).then(|| jump_link(RESULTS_HEADING_ID, lang))}
        {move || (!errors.with(Vec::is_empty)).then(|| view! { <ErrorSummary errors=errors.get() lang=lang id=ERROR_SUMMARY_ID control_id /> })}
        <div class="clinic-layout">
            <form class="search-form clinic-form" role="search" aria-label=t::FORM_LABEL.get(lang) novalidate on:submit=submit>
                {conditions_field(conditions, Signal::derive(move || field_error("conditions")), lang)}
                <div class="field" class:field--error=move || field_error("postcode").is_some()>
                    <label class="field__label" for="postcode">{t::POSTCODE_LABEL.get(lang)}</label>
                    <p class="hint" id="postcode-hint">{t::POSTCODE_HINT.get(lang)}</p>
                    {move || field_error("postcode").map(|m| view! { <FieldErrorMessage id="postcode-error".to_owned() message=m lang=lang /> })}
                    <input class="input input--postcode" id="postcode" name="postcode" type="text" inputmode="numeric" autocomplete="off"
                        aria-describedby=move || if field_error("postcode").is_some() { "postcode-hint postcode-error" } else { "postcode-hint" }
                        aria-invalid=move || field_error("postcode").is_some().then_some("true")
                        prop:value=move || postcode.get() on:input=move |ev| postcode.set(event_target_value(&ev)) />
                </div>
                <div class="field" class:field--error=move || field_error("age").is_some()>
                    <label class="field__label" for="age">{t::AGE_LABEL.get(lang)}</label>
                    <p class="hint" id="age-hint">{t::AGE_HINT.get(lang)}</p>
                    {move || field_error("age").map(|m| view! { <FieldErrorMessage id="age-error".to_owned() message=m lang=lang /> })}
                    <input class="input input--age" id="age" name="age" type="text" inputmode="numeric" autocomplete="off"
                        aria-describedby=move || if field_error("age").is_some() { "age-hint age-error" } else { "age-hint" }
                        aria-invalid=move || field_error("age").is_some().then_some("true")
                        prop:value=move || age.get() on:input=move |ev| age.set(event_target_value(&ev)) />
                </div>
                {language_field(language, lang)}
                {times_field(evening, weekend, lang)}
                {package_field(package, lang)}
                <button class="button" type="submit">{t::SEARCH.get(lang)}</button>
            </form>
            <div class="clinic-results" on:click=crate::components::return_to_link::remember>
                <HandoutBar lang=lang />
                <Results lang=lang />
            </div>
        </div>
    }
}

/// The patient's conditions as checkboxes (several may be chosen).
fn conditions_field(chosen: RwSignal<Vec<Condition>>, error: Signal<Option<String>>, lang: Lang) -> impl IntoView {
    let boxes = Condition::ALL
        .iter()
        .map(|&c| {
            let id = condition_input_id(c);
            let toggle = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                chosen.update(|cs| {
                    cs.retain(|x| *x != c);
                    if on {
                        cs.push(c);
                    }
                });
            };
            view! {
                <div class="choice">
                    <input class="choice__input" type="checkbox" id=id.clone() name="conditions" value=c.code()
                        prop:checked=move || chosen.with(|cs| cs.contains(&c)) on:change=toggle />
                    <label class="choice__label" for=id>{c.label(lang)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field" class:field--error=move || error.with(Option::is_some)
            aria-describedby=move || if error.with(Option::is_some) { "conditions-hint conditions-error" } else { "conditions-hint" }>
            <legend class="field__label">{t::CONDITIONS_LEGEND.get(lang)}</legend>
            <p class="hint" id="conditions-hint">{t::CONDITIONS_HINT.get(lang)}</p>
            {move || error.get().map(|m| view! { <FieldErrorMessage id="conditions-error".to_owned() message=m lang=lang /> })}
            <div class="choices choices--two">{boxes}</div>
        </fieldset>
    }
}
