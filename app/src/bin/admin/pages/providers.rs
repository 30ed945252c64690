//! `/admin/udbydere`, `/admin/udbydere/ny` and `/admin/udbydere/:id`: provider records. Saving
//! a provider updates every offer it runs (on the server, in one write); a stale save shows what
//! changed and lets the admin reapply; archive and restore.

use super::record_editor::{load_page, Editor, EditorTop};
use super::records::text_field;
use crate::api;
use crate::record_form::{self, ProviderForm};
use crate::session::{self, use_session};
use crate::texts::directory as t;
use crate::ui::{self, lang};
use forebyg_shared::auth::Role;
use forebyg_shared::directory::ProviderRecord;
use forebyg_shared::taxonomy::{ProviderKind, RegionCode};
use leptos::html::H1;
use leptos::prelude::*;

#[component]
pub fn ProvidersPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    let l = lang();
    ui::page_setup(t::PROVIDERS_H1.get(l), h1);
    let session = use_session();
    let may_create = move || session.with(|s| s.as_ref().is_some_and(|p| p.role != Role::ProviderEditor));
    let rows = LocalResource::new(|| api::get::<Vec<ProviderRecord>>("/api/v1/admin/providers"));
    let table = move |mut rows: Vec<ProviderRecord>| {
        if rows.is_empty() {
            return view! { <p>{t::NONE_YET.get(l)}</p> }.into_any();
        }
        rows.sort_by_key(|p| crate::offers_query::danish_key(&p.name));
        view! {
            <div class="table-wrap" role="region" aria-labelledby="providers-caption" tabindex="0">
                <table class="admin-table">
                    <caption id="providers-caption">{t::PROVIDERS_H1.get(l)}</caption>
                    <thead><tr><th scope="col">{t::COL_NAME.get(l)}</th><th scope="col">{t::COL_KIND.get(l)}</th><th scope="col">"Region"</th><th scope="col">{t::COL_STATUS.get(l)}</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|p| view! {
                            <tr>
                                <th scope="row"><a href=format!("/admin/udbydere/{}", p.id)>{p.name.clone()}</a></th>
                                <td>{p.kind.label(l)}</td>
                                <td>{p.region.label(l)}</td>
                                <td>{p.status.label(l)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <h1 node_ref=h1 tabindex="-1">{t::PROVIDERS_H1.get(l)}</h1>
        <p>{t::PROVIDERS_INTRO.get(l)}</p>
        {move || may_create().then(|| view! { <p><a class="button" href="/admin/udbydere/ny">{t::NEW_PROVIDER.get(l)}</a></p> })}
        {ui::suspense(rows, table)}
    }
}

#[component]
pub fn NewProviderPage() -> impl IntoView {
    session::page(|p| {
        let region = p.region.unwrap_or(RegionCode::Midtjylland);
        view! { <ProviderEditor base=record_form::new_provider(region) new=true /> }
    })
}

#[component]
pub fn EditProviderPage() -> impl IntoView {
    load_page::<ProviderRecord>(|r| view! { <ProviderEditor base=r new=false /> }.into_any())
}

#[component]
fn ProviderEditor(base: ProviderRecord, new: bool) -> impl IntoView {
    let l = lang();
    let h1 = NodeRef::<H1>::new();
    let start = if new { ProviderForm::blank(base.region) } else { ProviderForm::from_record(&base) };
    let editor = Editor::new(base, start, new, t::NEW_PROVIDER, h1);
    let (form, errors, busy) = (editor.form, editor.errors, editor.busy);
    let session = use_session();
    let is_national = move || session.with(|s| s.as_ref().is_some_and(|p| p.role == Role::NationalAdmin));
    let kind_error = super::records::field_error(errors, "kind");

    view! {
        <EditorTop editor=editor h1=h1 back=t::BACK_PROVIDERS />
        <form class="admin-form" on:submit=move |ev| editor.save(ev) novalidate>
            <fieldset class="form-section">
                <legend>{t::SECTION_ABOUT.get(l)}</legend>
                {text_field(form, errors, "name", record_form::label::<ProviderForm>("name", l), None, |f| f.name.clone(), |f, v| f.name = v)}
                <div class="field" class:field--error=move || kind_error().is_some()>
                    <label class="field__label" for="r-kind">{t::COL_KIND.get(l)}</label>
                    <select id="r-kind" class="select" on:change=move |ev| form.update(|f| f.kind = event_target_value(&ev))>
                        {ProviderKind::ALL.iter().map(|k| view! { <option value=k.code() prop:selected=move || form.with(|f| f.kind == k.code())>{k.label(l)}</option> }).collect_view()}
                    </select>
                </div>
                {move || (new && is_national()).then(|| view! {
                    <div class="field">
                        <label class="field__label" for="r-region">"Region"</label>
                        <select id="r-region" class="select" on:change=move |ev| form.update(|f| f.region = event_target_value(&ev))>
                            {RegionCode::ALL.iter().map(|r| view! { <option value=r.code() prop:selected=move || form.with(|f| f.region == r.code())>{r.label(l)}</option> }).collect_view()}
                        </select>
                    </div>
                })}
            </fieldset>
            <fieldset class="form-section">
                <legend>{t::SECTION_CONTACT.get(l)}</legend>
                {text_field(form, errors, "contact_name", record_form::label::<ProviderForm>("contact_name", l), None, |f| f.contact_name.clone(), |f, v| f.contact_name = v)}
                {text_field(form, errors, "contact_phone", record_form::label::<ProviderForm>("contact_phone", l), None, |f| f.contact_phone.clone(), |f, v| f.contact_phone = v)}
                {text_field(form, errors, "contact_email", record_form::label::<ProviderForm>("contact_email", l), None, |f| f.contact_email.clone(), |f, v| f.contact_email = v)}
                {text_field(form, errors, "contact_url", record_form::label::<ProviderForm>("contact_url", l), None, |f| f.contact_url.clone(), |f, v| f.contact_url = v)}
            </fieldset>
            <button type="submit" class="button" disabled=move || busy.get()>{if new { t::SAVE_NEW.get(l) } else { t::SAVE.get(l) }}</button>
        </form>
    }
}
