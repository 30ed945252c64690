//! The search form's topic checkboxes, illness and radius choices.

use crate::{format, i18n, query};
use forebyg_shared::search::SearchParams;
use forebyg_shared::taxonomy::{Category, Condition};
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

/// The illness `<select>`, bound to the filters' condition: in the core search, not under "Flere
/// valg", since it is what a person with a chronic disease looks for first (issue #15 point 5).
/// The options are one piece of markup made from the taxonomy's own fixed labels: one element
/// rather than a view per option keeps the landing wasm small (docs/benchmarks.md).
pub fn condition_select(filters: RwSignal<SearchParams>, lang: Lang) -> impl IntoView {
    let mut options = ["<option value=\"\">", i18n::ANY_CONDITION.get(lang), "</option>"].concat();
    for c in Condition::ALL {
        options.extend(["<option value=\"", c.code(), "\">", c.label(lang), "</option>"]);
    }
    view! {
        <div class="field">
            <label class="field__label" for="condition">{i18n::CONDITION_LABEL.get(lang)}</label>
            <select class="select" id="condition" name="condition" inner_html=options
                prop:value=move || filters.with(|f| f.condition.map_or("", |c| c.code()))
                on:change=move |ev| { let v = event_target_value(&ev); filters.update(|f| f.condition = Condition::from_code(&v)); }>
            </select>
        </div>
    }
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
