//! The offer editor's controls, each bound to one field of the form: a text input or textarea
//! with label, hint and error; a select; a checkbox.

use super::state::OfferEditor;
use crate::form::OfferForm;
use crate::texts::editor as t;
use crate::ui::{self, lang};
use leptos::prelude::*;

pub type GetFn = fn(&OfferForm) -> String;
pub type SetFn = fn(&mut OfferForm, String);

/// The error line of a field (or of a group of checkboxes).
pub fn error_line(message: String, id: Option<String>) -> impl IntoView {
    view! { <p class="field-error" id=id><span class="visually-hidden">{t::ERROR_PREFIX.get(lang())}</span>{message}</p> }
}

/// A text input (`kind`: text, tel, email, url) or a textarea (`kind` "textarea").
pub fn text(
    e: OfferEditor,
    key: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    kind: &'static str,
    get: GetFn,
    set: SetFn,
) -> impl IntoView {
    let form = e.form;
    let id = format!("f-{key}");
    let error = e.err(key);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = described_by(hint.is_some().then(|| hint_id.clone()), error, error_id.clone());
    let control = if kind == "textarea" {
        view! {
            <textarea id=id.clone() class="input textarea" rows="4" aria-describedby=described
                aria-invalid=move || error().is_some().then_some("true")
                prop:value=move || form.with(get) on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() class="input" type=kind aria-describedby=described
                aria-invalid=move || error().is_some().then_some("true")
                prop:value=move || form.with(get) on:input=move |ev| form.update(|f| set(f, event_target_value(&ev))) />
        }
        .into_any()
    };
    view! {
        <div class="field" class:field--error=move || error().is_some()>
            <label class="field__label" for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {move || error().map(|m| error_line(m, Some(error_id.clone())))}
            {control}
        </div>
    }
}

/// A select of `(code, text)` options, with a hint that may follow the form.
pub fn select(
    e: OfferEditor,
    key: &'static str,
    label: &'static str,
    hint: Option<Signal<String>>,
    options: Vec<(&'static str, &'static str)>,
    get: GetFn,
    set: SetFn,
) -> impl IntoView {
    let form = e.form;
    let id = format!("f-{key}");
    let error = e.err(key);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = described_by(hint.is_some().then(|| hint_id.clone()), error, error_id.clone());
    view! {
        <div class="field" class:field--error=move || error().is_some()>
            <label class="field__label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{move || h.get()}</p> })}
            {move || error().map(|m| error_line(m, Some(error_id.clone())))}
            <select id=id class="select" aria-describedby=described aria-invalid=move || error().is_some().then_some("true")
                on:change=move |ev| form.update(|f| set(f, event_target_value(&ev)))>
                {options.into_iter().map(|(code, text)| view! {
                    <option value=code prop:selected=move || form.with(get) == code>{text}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// A control's `aria-describedby`: its hint (when it has one) and its error (while shown).
pub fn described_by(
    hint_id: Option<String>,
    error: impl Fn() -> Option<String> + Copy + Send + Sync + 'static,
    error_id: String,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    move || {
        let ids: Vec<String> = hint_id.iter().cloned().chain(error().is_some().then(|| error_id.clone())).collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

pub fn checkbox(e: OfferEditor, key: &'static str, label: &'static str, get: fn(&OfferForm) -> bool, set: fn(&mut OfferForm, bool)) -> impl IntoView {
    let form = e.form;
    let id = format!("f-{key}");
    view! {
        <div class="choice">
            <input id=id.clone() class="choice__input" type="checkbox" prop:checked=move || form.with(get) on:change=move |ev| form.update(|f| set(f, event_target_checked(&ev))) />
            <label class="choice__label" for=id>{label}</label>
        </div>
    }
}

/// The options of a code list, labelled in the page's language.
pub fn codes<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T, forebyg_shared::Lang) -> &'static str,
) -> Vec<(&'static str, &'static str)> {
    all.iter().map(|&t| (code(t), label(t, ui::lang()))).collect()
}
