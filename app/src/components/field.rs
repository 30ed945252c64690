//! A labelled text field with an optional hint and its error message, wired with
//! `aria-describedby` and `aria-invalid`.

use crate::components::error_summary::FieldErrorMessage;
use forebyg_shared::Lang;
use leptos::prelude::*;

/// `kind`: "text", "tel", "email" or "textarea".
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    lang: Lang,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = hint.is_some();
    let described = {
        let (h, e) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = vec![];
            if has_hint {
                ids.push(h.clone());
            }
            if error.with(Option::is_some) {
                ids.push(e.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let on_input = move |ev: leptos::ev::Event| value.set(event_target_value(&ev));
    let control = if kind == "textarea" {
        view! {
            <textarea class="input input--textarea" id=id name=id rows="4" aria-describedby=described aria-invalid=invalid
                prop:value=move || value.get() on:input=on_input></textarea>
        }
        .into_any()
    } else {
        view! {
            <input class="input" id=id name=id type=kind autocomplete=autocomplete spellcheck="false" aria-describedby=described
                aria-invalid=invalid prop:value=move || value.get() on:input=on_input />
        }
        .into_any()
    };
    view! {
        <div class="field" class:field--error=move || error.with(Option::is_some)>
            <label class="field__label" for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {move || error.get().map(|m| view! { <FieldErrorMessage id=error_id.clone() message=m lang=lang /> })}
            {control}
        </div>
    }
}
