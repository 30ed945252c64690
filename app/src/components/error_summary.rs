//! The error summary at the top of a form (GOV.UK / designsystem.dk pattern): a heading and one
//! link per error to the field it concerns. The admin workspace uses it too, with its forms'
//! own field → control mapping.

use crate::{dom, i18n, query};
use forebyg_shared::validation::FieldError;
use forebyg_shared::Lang;
use leptos::prelude::*;

/// `control_id` names the control a field's error links to (the citizen search's mapping by
/// default); an error with no control there is prefixed with its address parameter's name.
#[component]
pub fn ErrorSummary(
    errors: Vec<FieldError>,
    lang: Lang,
    id: &'static str,
    #[prop(default = query::field_control_id)] control_id: fn(&str) -> Option<String>,
) -> impl IntoView {
    let items = errors
        .into_iter()
        .map(|e| {
            let message = e.message.get(lang).to_owned();
            match control_id(&e.field) {
                Some(id) => {
                    let href = format!("#{id}");
                    // Focus the field itself: the router would only scroll to a fragment.
                    let go = move |ev: leptos::ev::MouseEvent| {
                        ev.prevent_default();
                        dom::focus_id(&id);
                    };
                    view! { <li><a href=href on:click=go>{message}</a></li> }.into_any()
                }
                // No field to link to (a hand-edited address): say which value is wrong.
                None => {
                    let message = match query::parameter_name(&e.field) {
                        Some(name) => format!("{}: {message}", name.get(lang)),
                        None => message,
                    };
                    view! { <li>{message}</li> }.into_any()
                }
            }
        })
        .collect_view();
    view! {
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id=id>
            <h2 id="error-summary-title" class="error-summary__title">{i18n::ERROR_SUMMARY_TITLE.get(lang)}</h2>
            <ul class="error-summary__list">{items}</ul>
        </div>
    }
}

/// The message next to a field: `<p id="{id}-error">`, referenced by the control's
/// `aria-describedby`.
#[component]
pub fn FieldErrorMessage(id: String, message: String, lang: Lang) -> impl IntoView {
    view! {
        <p id=id class="field-error">
            <span class="visually-hidden">{i18n::ERROR_PREFIX.get(lang)}" "</span>
            {message}
        </p>
    }
}
