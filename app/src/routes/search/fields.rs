//! The search form's topic checkboxes and radius choices.

use crate::{format, i18n, query};
use forebyg_shared::taxonomy::Category;
use forebyg_shared::Lang;
use leptos::prelude::*;

/// A checkbox with its description per topic, bound to `categories`.
pub fn category_choices(categories: RwSignal<Vec<Category>>, lang: Lang) -> impl IntoView {
    Category::ALL
        .iter()
        .map(|&c| {
            let id = query::category_input_id(c);
            let hint_id = format!("{id}-hint");
            view! {
                <div class="choice">
                    <input
                        type="checkbox"
                        class="choice__input"
                        id=id.clone()
                        name="category"
                        value=c.code()
                        aria-describedby=hint_id.clone()
                        prop:checked=move || categories.with(|cs| cs.contains(&c))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            categories.update(|cs| {
                                cs.retain(|x| *x != c);
                                if on {
                                    cs.push(c);
                                }
                            });
                        }
                    />
                    <label class="choice__label" for=id>{c.label(lang)}</label>
                    <p class="choice__hint" id=hint_id>{c.description(lang)}</p>
                </div>
            }
        })
        .collect_view()
}

/// The radius `<option>`s: the standard choices plus the URL's own value; `radius` is selected.
pub fn radius_options(form_values: Memo<query::FormValues>, radius: RwSignal<f64>, lang: Lang) -> impl Fn() -> AnyView {
    move || {
        query::radius_choices(form_values.with(|v| v.radius_km))
            .into_iter()
            .map(|km| {
                view! {
                    <option value=forebyg_shared::decimal::format(km, 3) prop:selected=move || radius.get() == km>
                        {i18n::radius_option(lang, &format::radius(km, lang))}
                    </option>
                }
            })
            .collect_view()
            .into_any()
    }
}
