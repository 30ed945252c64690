//! Pieces shared by the provider and location pages: a labelled text field with its error, the
//! 409 conflict view (the offer editor's table of
//! [`Difference`]s) and the status line.

use crate::form::Difference;
use crate::record_form::control_id;
use crate::texts::directory as t;
use crate::ui::lang;
use forebyg_shared::validation::FieldError;
use leptos::prelude::*;

/// The message of `key`'s field, if it has an error.
pub fn field_error(errors: RwSignal<Vec<FieldError>>, key: &'static str) -> impl Fn() -> Option<String> + Copy + Send + Sync + 'static {
    move || {
        let id = format!("r-{key}");
        errors.with(|es| {
            let msgs: Vec<String> =
                es.iter().filter(|e| control_id(&e.field).as_deref() == Some(id.as_str())).map(|e| e.message.get(lang()).to_owned()).collect();
            (!msgs.is_empty()).then(|| msgs.join(" "))
        })
    }
}

/// A text input bound to one field of `form`.
pub fn text_field<F: Clone + Send + Sync + 'static>(
    form: RwSignal<F>,
    errors: RwSignal<Vec<FieldError>>,
    key: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    get: fn(&F) -> String,
    set: fn(&mut F, String),
) -> impl IntoView {
    let id = format!("r-{key}");
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let error = field_error(errors, key);
    let described = {
        let (h, e) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = vec![];
            if hint.is_some() {
                ids.push(h.clone());
            }
            if error().is_some() {
                ids.push(e.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field--error=move || error().is_some()>
            <label class="field__label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {move || error().map(|m| view! { <p class="field-error" id=error_id.clone()><span class="visually-hidden">{crate::texts::common::ERROR_PREFIX.get(crate::ui::lang())}</span>{m}</p> })}
            <input id=id class="input" type="text" aria-describedby=described aria-invalid=move || error().is_some().then_some("true")
                prop:value=move || form.with(get) on:input=move |ev| form.update(|f| set(f, event_target_value(&ev))) />
        </div>
    }
}

/// Someone saved first: what differs, and reapply or discard.
#[component]
pub fn RecordConflict(diffs: Vec<Difference>, version: u64, on_reapply: Callback<()>, on_discard: Callback<()>) -> impl IntoView {
    let l = lang();
    view! {
        <section class="conflict" aria-labelledby="conflict-title">
            <h2 id="conflict-title" tabindex="-1">{t::CONFLICT_H2.get(l)}</h2>
            <p>{t::conflict_intro(version, l)}</p>
            <div class="table-wrap" role="region" aria-labelledby="conflict-caption" tabindex="0">
                <table class="admin-table">
                    <caption id="conflict-caption">{t::CONFLICT_CAPTION.get(l)}</caption>
                    <thead><tr>
                        <th scope="col">{t::CONFLICT_FIELD.get(l)}</th><th scope="col">{t::CONFLICT_MINE.get(l)}</th>
                        <th scope="col">{t::CONFLICT_CURRENT.get(l)}</th><th scope="col">{t::CONFLICT_RESULT.get(l)}</th>
                    </tr></thead>
                    <tbody>
                        {diffs.into_iter().map(|d| view! {
                            <tr>
                                <th scope="row">{d.label.get(crate::ui::lang())}</th>
                                <td>{d.mine}</td>
                                <td>{d.current}</td>
                                <td>{if d.changed_by_me { t::CONFLICT_KEEP_MINE.get(l) } else { t::CONFLICT_KEEP_THEIRS.get(l) }}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <div class="actions">
                <button type="button" class="button" on:click=move |_| on_reapply.run(())>{t::REAPPLY.get(l)}</button>
                <button type="button" class="button button--secondary" on:click=move |_| on_discard.run(())>{t::DISCARD.get(l)}</button>
            </div>
        </section>
    }
}
