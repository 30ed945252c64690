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
use forebyg_app::api::ApiError;
use forebyg_shared::activity::{ActivityRecord, AssociationRecord};
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
    // With the activities (loading at the same time): an association without an active one
    // gives people nowhere to go after a course. Region admins only: an editor's list of
    // activities is theirs, not the associations' all.
    let activities = LocalResource::new(|| api::get::<Vec<ActivityRecord>>("/api/v1/admin/activities"));
    let rows = LocalResource::new(move || async move {
        let rows = api::get::<Vec<AssociationRecord>>("/api/v1/admin/associations").await?;
        Ok::<_, ApiError>((rows, activities.await?))
    });
    let table = move |(mut rows, activities): (Vec<AssociationRecord>, Vec<ActivityRecord>)| {
        if rows.is_empty() {
            return view! { <p>{td::NONE_YET.get(l)}</p> }.into_any();
        }
        rows.sort_by_key(|a| crate::offers_query::danish_key(&a.name));
        let active = |id: &str| match activities.iter().filter(|x| x.association_id == id && x.is_active()).count() {
            0 => t::LED_NONE.get(l).to_owned(),
            n => n.to_string(),
        };
        let counted = session.with_untracked(is_region_admin);
        let rows = rows
            .into_iter()
            .map(|a| {
                let mut cells = vec![a.umbrella.clone().unwrap_or_default(), a.region.label(l).into()];
                cells.extend(counted.then(|| active(&a.id)));
                cells.push(a.status.label(l).into());
                (format!("/admin/foreninger/{}", a.id), a.name, cells)
            })
            .collect();
        let mut headers = vec![td::COL_NAME.get(l), t::UMBRELLA.get(l), "Region"];
        headers.extend(counted.then(|| t::COL_ACTIVE_ACTIVITIES.get(l)));
        headers.push(td::COL_STATUS.get(l));
        record_table(t::ASSOCIATIONS_H1.get(l), headers, rows).into_any()
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
    let id = base.id.clone();
    let start = if new { AssociationForm::blank(base.region) } else { AssociationForm::from_record(&base) };
    let editor = Editor::new(base, start, new, t::NEW_ASSOCIATION, h1);
    let (form, errors, busy) = (editor.form, editor.errors, editor.busy);
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
        {(!new).then(|| association_activities(id))}
    }
}

/// The association's activities, each a link to its page (where offers are linked to it), and
/// for region admins a link to create one with the association chosen.
fn association_activities(id: String) -> impl IntoView {
    let l = lang();
    let session = use_session();
    let activities = LocalResource::new(|| api::get::<Vec<ActivityRecord>>("/api/v1/admin/activities"));
    let new_href = format!("/admin/aktiviteter/ny?forening={}", forebyg_app::query::encode(&id));
    let list = move |mut all: Vec<ActivityRecord>| {
        all.retain(|a| a.association_id == id);
        all.sort_by_key(|a| crate::offers_query::danish_key(&a.name));
        if all.is_empty() {
            return view! { <p>{t::NO_ACTIVITIES.get(l)}</p> }.into_any();
        }
        let item = move |a: ActivityRecord| {
            let status = (!a.is_active()).then(|| format!(" ({})", a.status.label(l)));
            view! { <li><A href=format!("/admin/aktiviteter/{}", a.id)>{a.name}</A>", "{a.place.city}{status}</li> }
        };
        view! { <ul>{all.into_iter().map(item).collect_view()}</ul> }.into_any()
    };
    view! {
        <section class="form-section" aria-labelledby="association-activities-h2">
            <h2 id="association-activities-h2">{t::ASSOCIATION_ACTIVITIES.get(l)}</h2>
            {ui::suspense(activities, list)}
            {move || session.with(is_region_admin).then(|| view! { <p><A href=new_href.clone() attr:class="button button--secondary">{t::NEW_ACTIVITY_FOR.get(l)}</A></p> })}
        </section>
    }
}
