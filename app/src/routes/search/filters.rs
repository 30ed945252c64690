//! "Flere valg": the filters beyond place and category (time, format, language, self-referral,
//! places available), bound to the search's parameters.

use crate::{format, i18n, query};
use forebyg_shared::search::SearchParams;
use forebyg_shared::Lang;
use leptos::prelude::*;

/// The search field's hint: the words between `*` in its text are Danish examples in the English
/// text, marked `lang="da"` (WCAG 3.1.2).
fn q_hint(lang: Lang) -> impl IntoView {
    let parts = i18n::Q_HINT.get(lang).split('*').enumerate();
    parts.map(|(i, part)| if i % 2 == 1 { view! { <span lang="da">{part}</span> }.into_any() } else { part.into_any() }).collect_view()
}

/// A checkbox bound to a flag of the filters.
fn flag(
    filters: RwSignal<SearchParams>,
    id: &'static str,
    label: &'static str,
    get: fn(&SearchParams) -> bool,
    set: fn(&mut SearchParams, bool),
) -> impl IntoView {
    view! {
        <div class="choice">
            <input type="checkbox" class="choice__input" id=id name=id prop:checked=move || filters.with(get)
                on:change=move |ev| { let on = event_target_checked(&ev); filters.update(|f| set(f, on)); } />
            <label class="choice__label" for=id>{label}</label>
        </div>
    }
}

/// A `<select>` bound to the filters: `options` are (value, text), "" for "any".
fn choice(
    filters: RwSignal<SearchParams>,
    id: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    get: fn(&SearchParams) -> String,
    set: fn(&mut SearchParams, &str),
) -> impl IntoView {
    let opts = options
        .into_iter()
        .map(|(v, text)| {
            let v2 = v.clone();
            view! { <option value=v prop:selected=move || filters.with(get) == v2>{text}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label class="field__label" for=id>{label}</label>
            <select class="select" id=id name=id on:change=move |ev| { let v = event_target_value(&ev); filters.update(|f| set(f, &v)); }>{opts}</select>
        </div>
    }
}

/// The fields of "Flere valg" (its `<details>` is the form's): free text, kronikerpakke, format, time of day, start, language, self-referral, places, order. (The illness is in the core search: key for a person with a chronic disease, issue #15 point 5.)
pub(super) fn filter_fields(filters: RwSignal<SearchParams>, lang: Lang) -> impl IntoView {
    use forebyg_shared::search::Sort;
    use forebyg_shared::taxonomy::{Format, Kronikerpakke};
    let t = move |x: i18n::Text| x.get(lang).to_owned();
    let any = |x: i18n::Text| (String::new(), t(x));
    // The known packages from the taxonomy, not the package records (`GET /api/v1/packages`):
    // fetching and decoding those here cost 3.4 KB gzip of the landing wasm, over its budget. A
    // package added by a national admin is searchable by URL (`package=`) until it is listed here.
    let packages =
        std::iter::once(any(i18n::ANY_PACKAGE)).chain(Kronikerpakke::ALL.iter().map(|k| (k.code().to_owned(), k.label(lang).to_owned()))).collect();
    let formats = std::iter::once(any(i18n::ANY_FORMAT)).chain(Format::ALL.iter().map(|f| (f.code().to_owned(), f.label(lang).to_owned()))).collect();
    let starts =
        std::iter::once(any(i18n::ANY_START)).chain(query::START_WEEKS.iter().map(|w| (w.to_string(), i18n::within_weeks(lang, *w)))).collect();
    let languages = std::iter::once(any(i18n::ANY_LANGUAGE))
        .chain(query::FILTER_LANGUAGES.iter().map(|c| (c.to_string(), format::capitalise(i18n::language_name(lang, c).unwrap_or(c)))))
        .collect();
    let sorts = vec![(Sort::Distance.code().to_owned(), t(i18n::SORT_DISTANCE)), (Sort::NextStart.code().to_owned(), t(i18n::SORT_NEXT_START))];
    view! {
            <div class="field">
                <label class="field__label" for="q">{t(i18n::Q_LABEL)}</label>
                <p class="hint" id="q-hint">{q_hint(lang)}</p>
                // The API's limit, so no search is refused for its length (the error would be far
                // above, at the summary, with this part of the form folded).
                <input class="input" id="q" name="q" type="search" aria-describedby="q-hint"
                    maxlength=forebyg_shared::search::MAX_QUERY_CHARS.to_string()
                    prop:value=move || filters.with(|f| f.q.clone().unwrap_or_default())
                    on:input=move |ev| { let v = event_target_value(&ev); filters.update(|f| f.q = (!v.trim().is_empty()).then(|| v.trim().to_owned())); } />
            </div>
            {choice(filters, "package", i18n::PACKAGE_LABEL.get(lang), packages,
                |f| f.package.clone().unwrap_or_default(), |f, v| f.package = (!v.is_empty()).then(|| v.to_owned()))}
            {choice(filters, "format", i18n::FORMAT_LABEL.get(lang), formats,
                |f| f.format.map(|c| c.code().to_owned()).unwrap_or_default(), |f, v| f.format = Format::from_code(v))}
            <fieldset class="field field--choices" aria-describedby="time-hint">
                <legend class="field__label">{t(i18n::TIME_LEGEND)}</legend>
                <p class="hint" id="time-hint">{t(i18n::TIME_HINT)}</p>
                <div class="choices">
                    {flag(filters, "evening", i18n::EVENING.get(lang), |f| f.evening, |f, v| f.evening = v)}
                    {flag(filters, "weekend", i18n::WEEKEND.get(lang), |f| f.weekend, |f, v| f.weekend = v)}
                </div>
            </fieldset>
            {choice(filters, "starts_within_weeks", i18n::STARTS_LABEL.get(lang), starts,
                |f| f.starts_within_weeks.map(|w| w.to_string()).unwrap_or_default(), |f, v| f.starts_within_weeks = v.parse().ok())}
            {choice(filters, "language", i18n::LANGUAGE_LABEL.get(lang), languages,
                |f| f.language.clone().unwrap_or_default(), |f, v| f.language = (!v.is_empty()).then(|| v.to_owned()))}
            <fieldset class="field field--choices">
                <legend class="field__label">{t(i18n::OPTIONS_LEGEND)}</legend>
                <div class="choices">
                    {flag(filters, "continuous", i18n::CONTINUOUS_FILTER.get(lang), |f| f.continuous, |f, v| f.continuous = v)}
                    {flag(filters, "self_referral", i18n::SELF_REFERRAL_FILTER.get(lang), |f| f.self_referral, |f, v| f.self_referral = v)}
                    {flag(filters, "available", i18n::AVAILABLE_FILTER.get(lang), |f| f.available, |f, v| f.available = v)}
                </div>
            </fieldset>
            {choice(filters, "sort", i18n::SORT_LABEL.get(lang), sorts,
                |f| f.sort.code().to_owned(), |f, v| f.sort = if v == "next-start" { Sort::NextStart } else { Sort::Distance })}
            // The options can fill a phone's screen: the search is also at their end (here, in
            // the lazy part, rather than in the landing page's form).
            <button class="button filters__submit" type="submit">{t(i18n::FILTERS_SUBMIT)}</button>
    }
}
