//! `/admin/foreninger`, `/admin/foreninger/ny` and `/admin/foreninger/:id`: local associations
//! (the API lists the admin's regions'). Region admins create, edit, archive (refused while it
//! has active activities) and restore them; a stale save shows what changed.

use super::record_editor::{load_page, Editor, EditorTop};
use super::records::{choose, input, inputs, record_table};
use crate::activity_form::{new_association, AssociationForm};
use crate::api;
use crate::session::{self, is_national_admin, is_region_admin, use_session};
use crate::texts::activities as t;
use crate::texts::directory as td;
use crate::ui::{self, lang};
use forebyg_shared::activity::AssociationRecord;
use forebyg_shared::taxonomy::RegionCode;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn AssociationsPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    let l = lang();
    ui::page_setup(t::ASSOCIATIONS_H1.get(l), h1);
    let session = use_session();
    let rows = LocalResource::new(|| api::get::<Vec<AssociationRecord>>("/api/v1/admin/associations"));
    let table = move |mut rows: Vec<AssociationRecord>| {
        if rows.is_empty() {
            return view! { <p>{td::NONE_YET.get(l)}</p> }.into_any();
        }
        rows.sort_by_key(|a| crate::offers_query::danish_key(&a.name));
        let rows = rows
            .into_iter()
            .map(|a| {
                (
                    format!("/admin/foreninger/{}", a.id),
                    a.name,
                    vec![a.umbrella.unwrap_or_default(), a.region.label(l).into(), a.status.label(l).into()],
                )
            })
            .collect();
        record_table(t::ASSOCIATIONS_H1.get(l), vec![td::COL_NAME.get(l), t::UMBRELLA.get(l), "Region", td::COL_STATUS.get(l)], rows).into_any()
    };
    view! {
        <h1 node_ref=h1 tabindex="-1">{t::ASSOCIATIONS_H1.get(l)}</h1>
        <p>{t::ASSOCIATIONS_INTRO.get(l)}</p>
        {move || session.with(is_region_admin).then(|| view! { <p><A href="/admin/foreninger/ny" attr:class="button">{t::NEW_ASSOCIATION.get(l)}</A></p> })}
        {ui::suspense(rows, table)}
    }
}

#[component]
pub fn NewAssociationPage() -> impl IntoView {
    session::page(|p| view! { <AssociationEditor base=new_association(p.region.unwrap_or(RegionCode::Midtjylland)) new=true /> })
}

#[component]
pub fn EditAssociationPage() -> impl IntoView {
    load_page::<AssociationRecord>(|r| view! { <AssociationEditor base=r new=false /> }.into_any())
}

#[component]
fn AssociationEditor(base: AssociationRecord, new: bool) -> impl IntoView {
    let l = lang();
    let h1 = NodeRef::<H1>::new();
    let start = if new { AssociationForm::blank(base.region) } else { AssociationForm::from_record(&base) };
    let editor = Editor::new(base, start, new, t::NEW_ASSOCIATION, h1);
    let Editor { form, errors, busy, .. } = editor;
    let session = use_session();
    let regions = || RegionCode::ALL.iter().map(|r| (r.code().to_owned(), r.label(lang()).to_owned())).collect();
    view! {
        <EditorTop editor=editor h1=h1 back=t::BACK_ASSOCIATIONS />
        <form class="admin-form" on:submit=move |ev| editor.save(ev) novalidate>
            <fieldset class="form-section">
                <legend>{td::SECTION_ABOUT.get(l)}</legend>
                {inputs(form, errors, &["name", "umbrella"])}
                {input(form, errors, "cvr", "text", Some(t::CVR_HINT.get(l)))}
                {move || (new && session.with(is_national_admin)).then(|| choose(form, errors, "region", regions(), false))}
            </fieldset>
            <fieldset class="form-section">
                <legend>{td::SECTION_CONTACT.get(l)}</legend>
                {inputs(form, errors, &["contact_name", "contact_phone", "contact_email", "contact_url"])}
            </fieldset>
            <button type="submit" class="button" disabled=move || busy.get()>{if new { td::SAVE_NEW.get(l) } else { td::SAVE.get(l) }}</button>
        </form>
    }
}
