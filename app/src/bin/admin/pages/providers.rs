//! `/admin/udbydere`, `/admin/udbydere/ny` and `/admin/udbydere/:id`: provider records. Saving
//! a provider updates every offer it runs (on the server, in one write); a stale save shows what
//! changed and lets the admin reapply; archive and restore.

use super::records::{text_field, RecordConflict, RecordErrorSummary};
use crate::api;
use crate::app::use_session;
use crate::record_form::{self, ProviderForm};
use crate::records_api::{self, RecordError};
use crate::texts::directory as t;
use crate::ui::{self, lang, Failed, Loading};
use forebyg_app::router::{use_navigate, use_params_map};
use forebyg_shared::auth::Role;
use forebyg_shared::directory::{ProviderRecord, RecordStatus, RecordStatusChange};
use forebyg_shared::taxonomy::{ProviderKind, RegionCode};
use forebyg_shared::validation::FieldError;
use gloo_net::http::Method;
use leptos::html::H1;
use leptos::prelude::*;
use std::cell::RefCell;

thread_local! {
    /// A message for the next page (after a create navigates to the new record).
    static FLASH: RefCell<Option<String>> = const { RefCell::new(None) };
}

#[component]
pub fn ProvidersPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    let l = lang();
    ui::page_setup(t::PROVIDERS_H1.get(l), h1);
    let session = use_session();
    let may_create = move || session.with(|s| s.as_ref().is_some_and(|p| p.role != Role::ProviderEditor));
    let rows = LocalResource::new(|| api::get::<Vec<ProviderRecord>>("/api/v1/admin/providers"));
    let table = move || {
        rows.get().map(|r| match r {
            Err(e) => view! { <Failed error=e /> }.into_any(),
            Ok(rows) if rows.is_empty() => view! { <p>{t::NONE_YET.get(l)}</p> }.into_any(),
            Ok(mut rows) => {
                rows.sort_by(|a, b| a.name.cmp(&b.name));
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
            }
        })
    };
    view! {
        <h1 node_ref=h1 tabindex="-1">{t::PROVIDERS_H1.get(l)}</h1>
        <p>{t::PROVIDERS_INTRO.get(l)}</p>
        {move || may_create().then(|| view! { <p><a class="button" href="/admin/udbydere/ny">{t::NEW_PROVIDER.get(l)}</a></p> })}
        {move || table().unwrap_or_else(|| view! { <Loading /> }.into_any())}
    }
}

#[component]
pub fn NewProviderPage() -> impl IntoView {
    let session = use_session();
    move || {
        session
            .get()
            .map(|p| {
                let region = p.region.unwrap_or(RegionCode::Midtjylland);
                view! { <ProviderEditor base=record_form::new_provider(region) new=true /> }.into_any()
            })
            .unwrap_or_else(|| view! { <Loading /> }.into_any())
    }
}

#[component]
pub fn EditProviderPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let record = LocalResource::new(move || {
        let id = id();
        async move { api::get::<ProviderRecord>(&format!("/api/v1/admin/providers/{}", forebyg_app::query::encode(&id))).await }
    });
    move || match record.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(e)) => {
            let h1 = NodeRef::<H1>::new();
            ui::page_setup(t::LOAD_FAILED.get(lang()), h1);
            view! { <h1 node_ref=h1 tabindex="-1">{t::LOAD_FAILED.get(lang())}</h1><Failed error=e /> }.into_any()
        }
        Some(Ok(p)) => view! { <ProviderEditor base=p new=false /> }.into_any(),
    }
}

#[component]
fn ProviderEditor(base: ProviderRecord, new: bool) -> impl IntoView {
    let l = lang();
    let h1 = NodeRef::<H1>::new();
    let title = if new { t::NEW_PROVIDER.get(l).to_owned() } else { format!("{} »{}«", t::EDIT_PROVIDER.get(l), base.name) };
    ui::page_setup(&title, h1);
    let session = use_session();
    let navigate = use_navigate();
    let start = if new { ProviderForm::blank(base.region) } else { ProviderForm::from_record(&base) };
    let base_form = RwSignal::new(start.clone());
    let form = RwSignal::new(start);
    let base = RwSignal::new(base);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let conflict = RwSignal::new(None::<ProviderRecord>);
    let message = RwSignal::new(FLASH.with(|f| f.borrow_mut().take()));
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let heading = RwSignal::new(title);

    let loaded = move |p: ProviderRecord| {
        let f = ProviderForm::from_record(&p);
        heading.set(format!("{} »{}«", t::EDIT_PROVIDER.get(l), p.name));
        base_form.set(f.clone());
        form.set(f);
        base.set(p);
        conflict.set(None);
        errors.set(vec![]);
    };
    let fail = move |e: RecordError<ProviderRecord>| match e {
        RecordError::Stale(current) => {
            conflict.set(Some(*current));
            ui::focus_soon("conflict-title");
        }
        RecordError::Other(e) if !e.field_errors().is_empty() => {
            errors.set(e.field_errors().to_vec());
            ui::focus_soon("error-summary");
        }
        RecordError::Other(e) => {
            failure.set(Some(t::failure_text(&e)));
            ui::focus_soon("record-failure");
        }
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        message.set(None);
        failure.set(None);
        let b = base.get_untracked();
        let record = match form.get_untracked().to_record(&b) {
            Ok(p) => p,
            Err(e) => {
                errors.set(e);
                ui::focus_soon("error-summary");
                return;
            }
        };
        errors.set(vec![]);
        busy.set(true);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let id = (!new).then(|| b.id.clone());
            match records_api::save("providers", id.as_deref(), &record).await {
                Ok(saved) if new => {
                    FLASH.with(|f| *f.borrow_mut() = Some(t::CREATED.get(l).into()));
                    navigate(&format!("/admin/udbydere/{}", saved.id), Default::default());
                }
                Ok(saved) => {
                    loaded(saved);
                    message.set(Some(t::SAVED.get(l).into()));
                    ui::focus_soon("record-message");
                }
                Err(e) => fail(e),
            }
            busy.set(false);
        });
    };

    let set_status = move |status: RecordStatus| {
        move |_| {
            message.set(None);
            failure.set(None);
            if form.get_untracked() != base_form.get_untracked() {
                failure.set(Some(t::UNSAVED_FIRST.get(l).into()));
                ui::focus_soon("record-failure");
                return;
            }
            let b = base.get_untracked();
            let url = format!("/api/v1/admin/providers/{}/status", forebyg_app::query::encode(&b.id));
            busy.set(true);
            leptos::task::spawn_local(async move {
                match records_api::send_record(Method::POST, &url, &RecordStatusChange { status, version: b.version }).await {
                    Ok(p) => {
                        loaded(p);
                        message.set(Some(if status == RecordStatus::Archived { t::ARCHIVED_NOW.get(l) } else { t::RESTORED_NOW.get(l) }.into()));
                        ui::focus_soon("record-message");
                    }
                    Err(e) => fail(e),
                }
                busy.set(false);
            });
        }
    };

    let reapply = Callback::new(move |_| {
        if let Some(current) = conflict.get_untracked() {
            let cur = ProviderForm::from_record(&current);
            let next = record_form::reapply(&base_form.get_untracked(), &form.get_untracked(), &cur);
            let v = current.version;
            base_form.set(cur);
            base.set(current);
            form.set(next);
            conflict.set(None);
            message.set(Some(t::reapplied(v, l)));
            ui::focus_soon("record-message");
        }
    });
    let discard = Callback::new(move |_| {
        if let Some(current) = conflict.get_untracked() {
            loaded(current);
            message.set(Some(t::DISCARDED.get(l).into()));
            ui::focus_soon("record-message");
        }
    });

    let is_national = move || session.with(|s| s.as_ref().is_some_and(|p| p.role == Role::NationalAdmin));
    let kind_error = super::records::field_error(errors, "kind");

    view! {
        <p class="back-link"><a href="/admin/udbydere">{t::BACK_PROVIDERS.get(l)}</a></p>
        <h1 node_ref=h1 tabindex="-1">{move || heading.get()}</h1>
        {(!new).then(|| view! { <p class="muted">{move || { let b = base.get(); t::status_line(b.version, b.status == RecordStatus::Archived, l) }}</p> })}
        {move || message.get().map(|m| view! { <p class="notice notice--ok" id="record-message" role="status" tabindex="-1">{m}</p> })}
        {move || failure.get().map(|m| view! { <p class="status status--error" id="record-failure" role="alert" tabindex="-1">{m}</p> })}
        {move || conflict.get().map(|current| {
            let diffs = record_form::differences(&base_form.get(), &form.get(), &ProviderForm::from_record(&current));
            view! { <RecordConflict diffs=diffs version=current.version on_reapply=reapply on_discard=discard /> }
        })}
        {move || (!errors.get().is_empty()).then(|| view! { <RecordErrorSummary errors=errors.get() /> })}
        {(!new).then(|| view! {
            <div class="actions" role="group" aria-label=t::COL_STATUS.get(l)>
                {move || if base.get().status == RecordStatus::Active {
                    view! { <button type="button" class="button button--secondary" disabled=move || busy.get() on:click=set_status(RecordStatus::Archived)>{t::ARCHIVE.get(l)}</button> }.into_any()
                } else {
                    view! { <button type="button" class="button" disabled=move || busy.get() on:click=set_status(RecordStatus::Active)>{t::RESTORE.get(l)}</button> }.into_any()
                }}
            </div>
        })}
        <form class="admin-form" on:submit=save novalidate>
            <fieldset class="form-section">
                <legend>{t::SECTION_ABOUT.get(l)}</legend>
                {text_field(form, errors, "name", record_form::label::<ProviderForm>("name", l), None, |f| f.name.clone(), |f, v| f.name = v)}
                <div class="field" class:field--error=move || kind_error().is_some()>
                    <label class="field__label" for="r-kind">{t::COL_KIND.get(l)}</label>
                    <select id="r-kind" class="select" on:change=move |ev| form.update(|f| f.kind = event_target_value(&ev))>
                        {ProviderKind::ALL.iter().map(|k| view! { <option value=k.code() selected=move || form.with(|f| f.kind == k.code())>{k.label(l)}</option> }).collect_view()}
                    </select>
                </div>
                {move || (new && is_national()).then(|| view! {
                    <div class="field">
                        <label class="field__label" for="r-region">"Region"</label>
                        <select id="r-region" class="select" on:change=move |ev| form.update(|f| f.region = event_target_value(&ev))>
                            {RegionCode::ALL.iter().map(|r| view! { <option value=r.code() selected=move || form.with(|f| f.region == r.code())>{r.label(l)}</option> }).collect_view()}
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
