//! `/admin/pakker` and `/admin/pakker/:code`: the kronikerpakker. Everyone reads them (the list
//! shows every field); national admins edit a package (versioned: a stale save shows what changed
//! and lets them reapply; the 422's field errors stand at their fields).

use super::record_editor::{load_page, Editor, EditorTop};
use super::records::{choose, conditions, error_line, errors_of, input, inputs, record_table};
use crate::api;
use crate::package_form::{year_key, ComponentRow, PackageForm};
use crate::session::{is_national_admin, use_session};
use crate::texts::activities as t;
use crate::texts::coverage as tc;
use crate::texts::directory as td;
use crate::ui::{self, lang};
use forebyg_shared::package::{PackageRecord, PackageStatus};
use forebyg_shared::taxonomy::{Category, RegionCode};
use forebyg_shared::validation::FieldError;
use forebyg_shared::Lang;
use leptos::html::H1;
use leptos::prelude::*;

/// The package's fields as text: conditions, components, start years.
fn summary(p: &PackageRecord, l: Lang) -> [String; 3] {
    let conditions = p.conditions.iter().map(|c| c.label(l)).collect::<Vec<_>>().join(", ");
    let components = p
        .components
        .iter()
        .map(|c| if c.placeholder { format!("{} ({})", c.name.get(l), tc::PLACEHOLDER.get(l)) } else { c.name.get(l).to_owned() })
        .collect::<Vec<_>>()
        .join(", ");
    let years = RegionCode::ALL
        .iter()
        .map(|&r| format!("{}: {}", r.label(l), p.from_year(r).map_or(t::NOT_IN_REGION.get(l).to_owned(), |y| y.to_string())))
        .collect::<Vec<_>>()
        .join(", ");
    [conditions, components, years]
}

#[component]
pub fn PackagesPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    let l = lang();
    ui::page_setup(t::PACKAGES_H1.get(l), h1);
    let session = use_session();
    let rows = LocalResource::new(|| api::get::<Vec<PackageRecord>>("/api/v1/packages"));
    let table = move |rows: Vec<PackageRecord>| {
        let provisional = rows.iter().any(|p| p.components.iter().any(|c| c.placeholder));
        let rows = rows
            .into_iter()
            .map(|p| {
                let [conditions, components, years] = summary(&p, l);
                let cells = vec![p.code.clone(), conditions, components, years, p.status.label(l).into(), p.source_note.clone()];
                (format!("/admin/pakker/{}", p.code), p.name.get(l).to_owned(), cells)
            })
            .collect();
        let headers = vec![
            t::COL_PACKAGE.get(l),
            t::COL_CODE.get(l),
            t::COL_CONDITIONS.get(l),
            t::COL_COMPONENTS.get(l),
            t::COL_START.get(l),
            td::COL_STATUS.get(l),
            t::COL_SOURCE.get(l),
        ];
        view! {
            {record_table(t::PACKAGES_H1.get(l), headers, rows)}
            {provisional.then(|| view! { <p class="hint">{tc::PLACEHOLDER_NOTE.get(l)}</p> })}
        }
    };
    view! {
        <h1 node_ref=h1 tabindex="-1">{t::PACKAGES_H1.get(l)}</h1>
        <p>{t::PACKAGES_INTRO.get(l)}</p>
        {move || (session.with(|s| s.is_some() && !is_national_admin(s))).then(|| view! { <p class="muted">{t::PACKAGES_READ_ONLY.get(l)}</p> })}
        {ui::suspense(rows, table)}
    }
}

/// National admins get the editor, everyone else the package as text.
#[component]
pub fn PackagePage() -> impl IntoView {
    load_page::<PackageRecord>(|p| {
        let session = use_session();
        (move || {
            if session.with(is_national_admin) {
                view! { <PackageEditor base=p.clone() /> }.into_any()
            } else {
                read_only(&p).into_any()
            }
        })
        .into_any()
    })
}

fn read_only(p: &PackageRecord) -> impl IntoView {
    let l = lang();
    let h1 = NodeRef::<H1>::new();
    let name = p.name.get(l).to_owned();
    ui::page_setup(&name, h1);
    let [conditions, components, years] = summary(p, l);
    let rows = [
        (t::COL_CODE.get(l), p.code.clone()),
        (t::COL_CONDITIONS.get(l), conditions),
        (t::COL_COMPONENTS.get(l), components),
        (t::COL_START.get(l), years),
        (td::COL_STATUS.get(l), p.status.label(l).to_owned()),
        (t::COL_SOURCE.get(l), p.source_note.clone()),
    ];
    view! {
        <p class="back-link"><a href="/admin/pakker">{t::BACK_PACKAGES.get(l)}</a></p>
        <h1 node_ref=h1 tabindex="-1">{name}</h1>
        <p class="muted">{t::PACKAGES_READ_ONLY.get(l)}</p>
        <dl class="details">{rows.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}</dl>
    }
}

/// A text input of a component row or a region's year (their keys are made at run time).
fn row_input(
    form: RwSignal<PackageForm>,
    errors: RwSignal<Vec<FieldError>>,
    id: String,
    label: String,
    get: impl Fn(&PackageForm) -> String + Send + Sync + 'static,
    set: impl Fn(&mut PackageForm, String) + Send + Sync + 'static,
) -> impl IntoView {
    let error = errors_of(errors, id.clone());
    let error2 = error.clone();
    let error3 = error.clone();
    view! {
        <div class="field" class:field--error=move || error().is_some()>
            <label class="field__label" for=id.clone()>{label}</label>
            {move || error2().map(error_line)}
            <input id=id class="input" type="text" aria-invalid=move || error3().is_some().then_some("true")
                prop:value=move || form.with(&get) on:input=move |ev| form.update(|f| set(f, event_target_value(&ev))) />
        </div>
    }
}

fn component_row(form: RwSignal<PackageForm>, errors: RwSignal<Vec<FieldError>>, i: usize) -> impl IntoView {
    let l = lang();
    let id = |part: &str| format!("r-components_{i}_{part}");
    let text = |part: &'static str, label: &'static str, get: fn(&ComponentRow) -> &String, set: fn(&mut ComponentRow) -> &mut String| {
        row_input(
            form,
            errors,
            id(part),
            label.to_owned(),
            move |f| f.components.get(i).map(|c| get(c).clone()).unwrap_or_default(),
            move |f, v| {
                if let Some(c) = f.components.get_mut(i) {
                    *set(c) = v;
                }
            },
        )
    };
    let category_id = id("category");
    let placeholder_id = id("placeholder");
    let row = move |f: &PackageForm| f.components.get(i).cloned().unwrap_or_default();
    view! {
        <fieldset class="field">
            <legend class="field__label">{format!("{} {}", t::COMPONENT.get(l), i + 1)}</legend>
            {text("code", t::COL_CODE.get(l), |c| &c.code, |c| &mut c.code)}
            {text("name_da", crate::record_form::label::<PackageForm>("name_da", l), |c| &c.name_da, |c| &mut c.name_da)}
            {text("name_en", crate::record_form::label::<PackageForm>("name_en", l), |c| &c.name_en, |c| &mut c.name_en)}
            <div class="field">
                <label class="field__label" for=category_id.clone()>{t::COMPONENT_CATEGORY.get(l)}</label>
                <select id=category_id class="select" on:change=move |ev| form.update(|f| if let Some(c) = f.components.get_mut(i) { c.category = event_target_value(&ev) })>
                    <option value="" prop:selected=move || form.with(|f| row(f).category.is_empty())>{t::NO_CATEGORY.get(l)}</option>
                    {Category::ALL.iter().map(|&c| view! {
                        <option value=c.code() prop:selected=move || form.with(|f| row(f).category == c.code())>{c.label(l)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="choice">
                <input id=placeholder_id.clone() class="choice__input" type="checkbox" prop:checked=move || form.with(|f| row(f).placeholder)
                    on:change=move |ev| form.update(|f| if let Some(c) = f.components.get_mut(i) { c.placeholder = event_target_checked(&ev) }) />
                <label class="choice__label" for=placeholder_id>{t::COMPONENT_PLACEHOLDER.get(l)}</label>
            </div>
            <p><button type="button" class="button button--secondary button--small" on:click=move |_| form.update(|f| { if i < f.components.len() { f.components.remove(i); } })>
                {t::REMOVE_COMPONENT.get(l)}<span class="visually-hidden">{format!(" {} {}", t::COMPONENT.get(l), i + 1)}</span>
            </button></p>
        </fieldset>
    }
}

#[component]
fn PackageEditor(base: PackageRecord) -> impl IntoView {
    let l = lang();
    let h1 = NodeRef::<H1>::new();
    let start = PackageForm::from_record(&base);
    let editor = Editor::new(base, start, false, t::EDIT_PACKAGE, h1);
    let (form, errors, busy) = (editor.form, editor.errors, editor.busy);
    let count = Memo::new(move |_| form.with(|f| f.components.len()));
    let components_error = errors_of(errors, "r-components".into());
    let statuses = PackageStatus::ALL.iter().map(|s| (s.code().to_owned(), s.label(l).to_owned())).collect();
    view! {
        <EditorTop editor=editor h1=h1 back=t::BACK_PACKAGES />
        <form class="admin-form" on:submit=move |ev| editor.save(ev) novalidate>
            <fieldset class="form-section">
                <legend>{t::SECTION_NAMES.get(l)}</legend>
                {inputs(form, errors, &["name_da", "name_en"])}
                {conditions(form, errors, |f: &PackageForm| &f.conditions, |f| &mut f.conditions)}
            </fieldset>
            <fieldset class="form-section">
                <legend>{t::SECTION_COMPONENTS.get(l)}</legend>
                <p class="hint">{t::COMPONENTS_HINT.get(l)}</p>
                {move || components_error().map(error_line)}
                {move || (0..count.get()).map(|i| component_row(form, errors, i)).collect_view()}
                <p><button type="button" id="r-components" class="button button--secondary" on:click=move |_| form.update(|f| f.components.push(ComponentRow::default()))>{t::ADD_COMPONENT.get(l)}</button></p>
            </fieldset>
            <fieldset class="form-section">
                <legend>{t::SECTION_YEARS.get(l)}</legend>
                <p class="hint">{t::YEARS_HINT.get(l)}</p>
                {RegionCode::ALL.iter().enumerate().map(|(i, &r)| row_input(
                    form, errors, format!("r-{}", year_key(r)), format!("{} ({})", t::YEAR.get(l), r.label(l)),
                    move |f| f.years.get(i).cloned().unwrap_or_default(),
                    move |f, v| if let Some(y) = f.years.get_mut(i) { *y = v },
                )).collect_view()}
                {choose(form, errors, "status", statuses, false)}
                {input(form, errors, "source_note", "textarea", None)}
            </fieldset>
            <button type="submit" class="button" disabled=move || busy.get()>{td::SAVE.get(l)}</button>
        </form>
    }
}
