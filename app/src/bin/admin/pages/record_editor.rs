//! The editing flow the record pages share (providers, locations, associations, activities and
//! kronikerpakker, each [`Editable`]), on the state every edit page has (`super::edit_state`):
//! save (create → the new record's page; update → a 409 shows what changed, with reapply /
//! discard), archive and restore, "Stadig korrekt" for records that are confirmed, and the top of
//! the page (heading, status line, messages, the conflict view, the error summary and the status
//! buttons). The pages add their own fields.

use super::edit_state::{EditKind, EditState};
pub use super::editable::Editable;
use super::records::RecordConflict;
use crate::api;
use crate::record_form;
use crate::records_api;
use crate::texts::directory as t;
use crate::ui::{self, lang};
use forebyg_app::i18n::Text;
use forebyg_shared::directory::{RecordStatus, RecordStatusChange};
use gloo_net::http::Method;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::ops::Deref;

/// The state of one record's edit page: the state every edit page has ([`EditState`], reached
/// through `Deref`).
pub struct Editor<R: Editable>(EditState<R, R::Form>);

impl<R: Editable> Clone for Editor<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R: Editable> Copy for Editor<R> {}

impl<R: Editable> Deref for Editor<R> {
    type Target = EditState<R, R::Form>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

/// A record's heading: "Ret udbyder »…«".
fn heading<R: Editable>(r: &R) -> String {
    format!("{} »{}«", R::EDIT.get(lang()), r.name())
}

/// The records in the shared edit state.
fn records<R: Editable>() -> EditKind<R, R::Form> {
    EditKind {
        form_of: R::form,
        heading_of: heading::<R>,
        version_of: R::version,
        reapply: record_form::reapply::<R::Form>,
        failure_text: t::failure_text,
        message_id: "record-message",
        failure_id: "record-failure",
    }
}

impl<R: Editable> Editor<R> {
    /// A page for `base` (a blank record when `new`, whose form starts as `start`); sets the
    /// document title and moves focus to `h1` on arrival.
    pub fn new(base: R, start: R::Form, new: bool, new_title: Text, h1: NodeRef<H1>) -> Self {
        let title = if new { new_title.get(lang()).to_owned() } else { heading(&base) };
        ui::page_setup(&title, h1);
        Editor(EditState::new(records(), base, start, new, title))
    }

    /// Saves the form: a new record goes to its own page, an update stays.
    pub fn save(self, ev: leptos::ev::SubmitEvent) {
        ev.prevent_default();
        let b = self.base.get_untracked();
        let Some(record) = self.checked(R::from_form(&self.form.get_untracked(), &b)) else { return };
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            let id = (!self.new).then(|| b.id().to_owned());
            let result = records_api::save(R::COLLECTION, id.as_deref(), &record).await;
            self.0.saved(result, |r| format!("{}/{}", R::PAGE, r.id()), t::CREATED.get(lang()), R::SAVED.get(lang()));
            self.busy.set(false);
        });
    }

    /// Archives or restores the saved record (unsaved edits must be saved first).
    pub fn set_status(self, status: RecordStatus) {
        if !self.start_change(t::UNSAVED_FIRST.get(lang())) {
            return;
        }
        let b = self.base.get_untracked();
        let url = format!("/api/v1/admin/{}/{}/status", R::COLLECTION, forebyg_app::query::encode(b.id()));
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            match records_api::send_record(Method::POST, &url, &RecordStatusChange { status, version: b.version() }).await {
                Ok(r) => {
                    self.loaded(r);
                    self.done(if status == RecordStatus::Archived { t::ARCHIVED_NOW } else { t::RESTORED_NOW }.get(lang()).into());
                }
                Err(e) => self.fail(e),
            }
            self.busy.set(false);
        });
    }

    /// Confirms the saved record is still true: today becomes its `last_verified`, saved from the
    /// version the admin saw (unsaved edits must be saved first).
    pub fn verify(self) {
        if !self.start_change(t::UNSAVED_FIRST.get(lang())) {
            return;
        }
        let b = self.base.get_untracked();
        let today = api::today();
        let Some(record) = b.verified_on(&today) else { return };
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            match records_api::save(R::COLLECTION, Some(b.id()), &record).await {
                Ok(saved) => {
                    self.loaded(saved);
                    self.done(t::verified_today(&ui::date(&today), lang()));
                }
                Err(e) => self.fail(e),
            }
            self.busy.set(false);
        });
    }
}

/// An edit page (`{PAGE}/:id`): loads the record named in the path, then `page` builds the editor;
/// a failed load gets a page of its own.
pub fn load_page<R: Editable>(page: fn(R) -> AnyView) -> impl IntoView {
    let params = use_params_map();
    let record = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        async move { api::get::<R>(&R::read_url(&id)).await }
    });
    ui::suspense_page(record, t::LOAD_FAILED, page)
}

/// The top of a record's page: back link, heading, status line, messages, the 409 view, the error
/// summary and archive / restore and "Stadig korrekt".
#[component]
pub fn EditorTop<R: Editable>(
    editor: Editor<R>,
    h1: NodeRef<H1>,
    back: Text,
    /// The admin may see the record but not change it: no archive, restore or confirm.
    #[prop(optional, into)]
    read_only: Signal<bool>,
) -> impl IntoView {
    let l = lang();
    let e = editor;
    let reapply = Callback::new(move |_| e.0.reapply(|v| t::reapplied(v, lang())));
    let discard = Callback::new(move |_| e.0.discard(t::DISCARDED.get(lang())));
    view! {
        <p class="back-link"><a href=R::PAGE>{back.get(l)}</a></p>
        <h1 node_ref=h1 tabindex="-1">{move || e.heading.get()}</h1>
        {(!e.new).then(|| view! { <p class="muted" id="record-status">{move || e.base.with(|b| if R::ARCHIVABLE {
            let verified = b.last_verified().map(ui::date);
            t::status_line(b.version(), b.status() == RecordStatus::Archived, verified.as_deref(), l)
        } else {
            format!("Version {}", b.version())
        })}</p> })}
        {move || (!e.new && !read_only.get() && e.base.with(|b| b.due(&api::today()))).then(|| view! { <p class="notice" id="record-due">{t::DUE.get(l)}</p> })}
        {move || e.message.get().map(|m| view! { <p class="notice notice--ok" id="record-message" role="status" tabindex="-1">{m}</p> })}
        {move || e.failure.get().map(|m| view! { <p class="status status--error" id="record-failure" role="alert" tabindex="-1">{m}</p> })}
        {move || e.conflict.get().map(|current| {
            let diffs = record_form::differences(&e.base_form.get(), &e.form.get(), &current.form());
            view! { <RecordConflict diffs=diffs version=current.version() on_reapply=reapply on_discard=discard /> }
        })}
        {move || (!e.errors.get().is_empty()).then(|| view! { <ui::ErrorSummary errors=e.errors.get() control_id=record_form::control_id /> })}
        {move || (!e.new && R::ARCHIVABLE && !read_only.get()).then(|| view! {
            <div class="actions" role="group" aria-label=t::COL_STATUS.get(l)>
                {move || if e.base.with(|b| b.status()) == RecordStatus::Active {
                    view! {
                        <button type="button" class="button button--secondary" disabled=move || e.busy.get() on:click=move |_| e.set_status(RecordStatus::Archived)>{t::ARCHIVE.get(l)}</button>
                        {e.base.with(|b| b.last_verified().is_some()).then(|| view! {
                            <button type="button" class="button button--secondary" disabled=move || e.busy.get() on:click=move |_| e.verify()>{crate::texts::editor::STILL_CORRECT.get(l)}</button>
                        })}
                    }.into_any()
                } else {
                    view! { <button type="button" class="button" disabled=move || e.busy.get() on:click=move |_| e.set_status(RecordStatus::Active)>{t::RESTORE.get(l)}</button> }.into_any()
                }}
            </div>
        })}
    }
}
