//! The clinician search's optional choices (the patient's language, their times and a
//! kronikerpakke): the times and the package filter the offers as the citizen search's filters of
//! the same name do; the language puts the offers given in it first.

use crate::clinician::texts as t;
use crate::i18n;
use forebyg_shared::taxonomy::Kronikerpakke;
use forebyg_shared::Lang;
use leptos::prelude::*;

/// The patient's language, whose offers come first (the citizen search's list of languages).
pub fn language_field(chosen: RwSignal<String>, lang: Lang) -> impl IntoView {
    let options =
        crate::query::FILTER_LANGUAGES.iter().map(move |c| (c.to_string(), crate::format::capitalise(i18n::language_name(lang, c).unwrap_or(c))));
    select_field("language", t::LANGUAGE_LABEL.get(lang), Some(t::LANGUAGE_HINT.get(lang)), i18n::ANY_LANGUAGE.get(lang), options, chosen)
}

/// Only offers in a kronikerpakke (the same choice as the citizen search's filter).
pub fn package_field(chosen: RwSignal<String>, lang: Lang) -> impl IntoView {
    let options = Kronikerpakke::ALL.iter().map(move |k| (k.code().to_owned(), k.label(lang).to_owned()));
    select_field("package", i18n::PACKAGE_LABEL.get(lang), None, i18n::ANY_PACKAGE.get(lang), options, chosen)
}

/// For a patient who works: only teams on weekday evenings and/or at weekends (either matches).
pub fn times_field(evening: RwSignal<bool>, weekend: RwSignal<bool>, lang: Lang) -> impl IntoView {
    view! {
        <fieldset class="field" aria-describedby="times-hint">
            <legend class="field__label">{t::TIMES_LEGEND.get(lang)}</legend>
            <p class="hint" id="times-hint">{t::TIMES_HINT.get(lang)}</p>
            <div class="choices">
                {check("evening", t::EVENING_CHOICE.get(lang), evening)}
                {check("weekend", t::WEEKEND_CHOICE.get(lang), weekend)}
            </div>
        </fieldset>
    }
}

fn check(id: &'static str, label: &'static str, on: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="choice">
            <input class="choice__input" type="checkbox" id=id name=id value="true"
                prop:checked=move || on.get() on:change=move |ev| on.set(event_target_checked(&ev)) />
            <label class="choice__label" for=id>{label}</label>
        </div>
    }
}

/// A labelled single choice (with its hint, if any) whose first option, "any", is the empty value;
/// `chosen` holds the chosen option's value.
fn select_field(
    id: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    any: &'static str,
    options: impl Iterator<Item = (String, String)>,
    chosen: RwSignal<String>,
) -> impl IntoView {
    let options = std::iter::once((String::new(), any.to_owned()))
        .chain(options)
        .map(|(code, label)| {
            let value = code.clone();
            view! { <option value=code prop:selected=move || chosen.with(|c| *c == value)>{label}</option> }
        })
        .collect_view();
    let hint_id = format!("{id}-hint");
    let described = hint.map(|_| hint_id.clone());
    view! {
        <div class="field">
            <label class="field__label" for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            <select class="select" id=id name=id aria-describedby=described on:change=move |ev| chosen.set(event_target_value(&ev))>{options}</select>
        </div>
    }
}
