//! Pieces shared by the record pages (providers, locations, associations, activities,
//! kronikerpakker): labelled fields with their errors (typed or read through [`FormFields`] by
//! key), the table of records, and the 409 conflict view (the offer editor's table of
//! [`Difference`]s).

use crate::form::Difference;
use crate::record_form::{self, control_id, FormFields};
use crate::texts::directory as t;
use crate::ui::lang;
use forebyg_shared::taxonomy::Condition;
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

/// The messages of the errors whose control is `id`.
pub fn errors_of(errors: RwSignal<Vec<FieldError>>, id: String) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    move || {
        errors.with(|es| {
            let msgs: Vec<String> =
                es.iter().filter(|e| control_id(&e.field).as_deref() == Some(id.as_str())).map(|e| e.message.get(lang()).to_owned()).collect();
            (!msgs.is_empty()).then(|| msgs.join(" "))
        })
    }
}

/// A field's error line.
pub fn error_line(message: String) -> impl IntoView {
    view! { <p class="field-error"><span class="visually-hidden">{crate::texts::common::ERROR_PREFIX.get(lang())}</span>{message}</p> }
}

/// A text input (`kind` "text", "email", …) or a textarea ("textarea") bound to the text field
/// `key` of a record form, labelled from the form's field list.
pub fn input<F: FormFields + Send + Sync + 'static>(
    form: RwSignal<F>,
    errors: RwSignal<Vec<FieldError>>,
    key: &'static str,
    kind: &'static str,
    hint: Option<&'static str>,
) -> AnyView {
    let id = format!("r-{key}");
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let error = field_error(errors, key);
    let value = move || form.with(|f| f.raw(key));
    let set = move |ev: leptos::ev::Event| form.update(|f| f.set_text(key, event_target_value(&ev)));
    let invalid = move || error().is_some().then_some("true");
    let control = if kind == "textarea" {
        view! { <textarea id=id.clone() class="input textarea" rows="4" aria-describedby=hint_id.clone() aria-invalid=invalid prop:value=value on:input=set></textarea> }.into_any()
    } else {
        view! { <input id=id.clone() class="input" type=kind aria-describedby=hint_id.clone() aria-invalid=invalid prop:value=value on:input=set /> }
            .into_any()
    };
    view! {
        <div class="field" class:field--error=move || error().is_some()>
            <label class="field__label" for=id>{record_form::label::<F>(key, lang())}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {move || error().map(error_line)}
            {control}
        </div>
    }
    .into_any()
}

/// Text inputs for each of `keys`.
pub fn inputs<F: FormFields + Send + Sync + 'static>(
    form: RwSignal<F>,
    errors: RwSignal<Vec<FieldError>>,
    keys: &'static [&'static str],
) -> impl IntoView {
    keys.iter().map(|&key| input(form, errors, key, "text", None)).collect_view()
}

/// A select of `(code, text)` options bound to the text field `key`.
pub fn choose<F: FormFields + Send + Sync + 'static>(
    form: RwSignal<F>,
    errors: RwSignal<Vec<FieldError>>,
    key: &'static str,
    options: Vec<(String, String)>,
    disabled: bool,
) -> impl IntoView {
    let id = format!("r-{key}");
    let error = field_error(errors, key);
    view! {
        <div class="field" class:field--error=move || error().is_some()>
            <label class="field__label" for=id.clone()>{record_form::label::<F>(key, lang())}</label>
            {move || error().map(error_line)}
            <select id=id class="select" disabled=disabled on:change=move |ev| form.update(|f| f.set_text(key, event_target_value(&ev)))>
                {options.into_iter().map(|(code, text)| {
                    let c = code.clone();
                    view! { <option value=code prop:selected=move || form.with(|f| f.raw(key) == c)>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// A checkbox bound to a yes/no field.
pub fn checkbox<F: FormFields + Send + Sync + 'static>(
    form: RwSignal<F>,
    key: &'static str,
    get: fn(&F) -> bool,
    set: fn(&mut F, bool),
) -> impl IntoView {
    let id = format!("r-{key}");
    view! {
        <div class="choice">
            <input id=id.clone() class="choice__input" type="checkbox" prop:checked=move || form.with(get) on:change=move |ev| form.update(|f| set(f, event_target_checked(&ev))) />
            <label class="choice__label" for=id>{record_form::label::<F>(key, lang())}</label>
        </div>
    }
}

/// The conditions a record is for, as checkboxes (the first one is `r-conditions`, where the
/// error summary links).
pub fn conditions<F: FormFields + Send + Sync + 'static>(
    form: RwSignal<F>,
    errors: RwSignal<Vec<FieldError>>,
    get: fn(&F) -> &Vec<Condition>,
    list: fn(&mut F) -> &mut Vec<Condition>,
) -> impl IntoView {
    let error = field_error(errors, "conditions");
    let l = lang();
    view! {
        <fieldset class="field" class:field--error=move || error().is_some()>
            <legend class="field__label">{record_form::label::<F>("conditions", l)}</legend>
            {move || error().map(error_line)}
            <div class="choices choices--columns">
                {Condition::ALL.iter().enumerate().map(|(i, &c)| {
                    let id = if i == 0 { "r-conditions".to_owned() } else { format!("r-conditions-{i}") };
                    view! {
                        <div class="choice">
                            <input id=id.clone() class="choice__input" type="checkbox"
                                prop:checked=move || form.with(|f| get(f).contains(&c))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    form.update(|f| {
                                        let v = list(f);
                                        v.retain(|x| *x != c);
                                        if on { v.push(c); v.sort(); }
                                    })
                                } />
                            <label class="choice__label" for=id>{c.label(l)}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}

/// A table of records: the first column names the record and links to its page.
pub fn record_table(caption: &'static str, headers: Vec<&'static str>, rows: Vec<(String, String, Vec<String>)>) -> impl IntoView {
    view! {
        <div class="table-wrap" role="region" aria-labelledby="records-caption" tabindex="0">
            <table class="admin-table">
                <caption id="records-caption">{caption}</caption>
                <thead><tr>{headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|(href, name, cells)| view! {
                        <tr>
                            <th scope="row"><leptos_router::components::A href=href>{name}</leptos_router::components::A></th>
                            {cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
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
