//! A group of checkboxes over a list field of the offer form (the referral methods, the
//! conditions an offer accepts): `f-{prefix}-{i}` per option, so an error summary can link to the
//! first.

use crate::form::{self, OfferForm};
use crate::ui::lang;
use leptos::prelude::*;

pub fn multi_choice<T: Copy + PartialEq + Send + Sync + 'static>(
    form: RwSignal<OfferForm>,
    prefix: &'static str,
    key: &'static str,
    options: Vec<(T, &'static str)>,
    hint: Option<&'static str>,
    get: fn(&OfferForm) -> &Vec<T>,
    list: fn(&mut OfferForm) -> &mut Vec<T>,
) -> impl IntoView {
    let hint_id = format!("f-{prefix}-hint");
    let boxes = options
        .into_iter()
        .enumerate()
        .map(|(i, (value, label))| {
            let id = format!("f-{prefix}-{i}");
            let checked = move || form.with(|f| get(f).contains(&value));
            let change = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                form.update(|f| {
                    let l = list(f);
                    l.retain(|x| *x != value);
                    if on {
                        l.push(value);
                    }
                })
            };
            view! {
                <div class="choice">
                    <input id=id.clone() class="choice__input" type="checkbox" prop:checked=checked on:change=change />
                    <label class="choice__label" for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    let described_by = hint.map(|_| hint_id.clone());
    view! {
        <fieldset class="field" aria-describedby=described_by>
            <legend class="field__label">{form::label(key, lang())}</legend>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            <div class="choices choices--columns">{boxes}</div>
        </fieldset>
    }
}
