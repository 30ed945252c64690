//! The editing flow the record pages share (providers, locations, associations, activities and
//! kronikerpakker, each [`Editable`]): the form's state, save (create → the new record's page;
//! update → a 409 shows what changed, with reapply / discard), archive and restore, "Stadig
//! korrekt" for records that are confirmed, and the top of the page (heading, status line,
//! messages, the conflict view, the error summary and the status buttons). The pages add their own
//! fields. Unsaved edits outlive an expired sign-in (`crate::kept`).

pub use super::editable::Editable;
use super::records::RecordConflict;
use crate::api;
use crate::record_form;
use crate::records_api::{self, RecordError};
use crate::texts::directory as t;
use crate::ui::{self, lang};
use forebyg_app::i18n::Text;
use forebyg_shared::directory::{RecordStatus, RecordStatusChange};
use forebyg_shared::validation::FieldError;
use gloo_net::http::Method;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use std::cell::RefCell;

thread_local! {
    /// A message for the next page (after a create navigates to the new record).
    static FLASH: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The state of one record's edit page.
pub struct Editor<R: Editable> {
    pub new: bool,
    /// The form as last loaded or saved (what "unsaved changes" and a conflict compare with).
    pub base_form: RwSignal<R::Form>,
    pub form: RwSignal<R::Form>,
    pub base: RwSignal<R>,
    pub errors: RwSignal<Vec<FieldError>>,
    /// The version saved meanwhile, after a 409.
    pub conflict: RwSignal<Option<R>>,
    pub message: RwSignal<Option<String>>,
    pub failure: RwSignal<Option<String>>,
    pub busy: RwSignal<bool>,
    pub heading: RwSignal<String>,
    /// Goes to a page of the workspace (the router's navigation, kept for later event handlers).
    go: Callback<String>,
}

impl<R: Editable> Clone for Editor<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R: Editable> Copy for Editor<R> {}

impl<R: Editable> Editor<R> {
    /// A page for `base` (a blank record when `new`, whose form starts as `start`); sets the
    /// document title and moves focus to `h1` on arrival.
    pub fn new(base: R, start: R::Form, new: bool, new_title: Text, h1: NodeRef<H1>) -> Self {
        let l = lang();
        let title = if new { new_title.get(l).to_owned() } else { format!("{} »{}«", R::EDIT.get(l), base.name()) };
        ui::page_setup(&title, h1);
        let e = Editor {
            new,
            base_form: RwSignal::new(start.clone()),
            form: RwSignal::new(start),
            base: RwSignal::new(base),
            errors: RwSignal::new(vec![]),
            conflict: RwSignal::new(None),
            message: RwSignal::new(FLASH.with(|f| f.borrow_mut().take())),
            failure: RwSignal::new(None),
            busy: RwSignal::new(false),
            heading: RwSignal::new(title),
            go: {
                let navigate = use_navigate();
                Callback::new(move |href: String| navigate(&href, Default::default()))
            },
        };
        // An expired sign-in keeps the unsaved form, and the version it started from.
        let restored = move || e.done(crate::texts::common::KEPT_RESTORED.get(lang()).into());
        crate::kept::keep_edit(e.base, e.base_form, e.form, R::form, restored);
        e
    }

    fn loaded(self, r: R) {
        let f = r.form();
        self.heading.set(format!("{} »{}«", R::EDIT.get(lang()), r.name()));
        self.base_form.set(f.clone());
        self.form.set(f);
        self.base.set(r);
        self.conflict.set(None);
        self.errors.set(vec![]);
    }

    fn done(self, message: String) {
        self.message.set(Some(message));
        ui::focus_soon("record-message");
    }

    fn fail(self, e: RecordError<R>) {
        match e {
            RecordError::Stale(current) => {
                self.conflict.set(Some(*current));
                ui::focus_soon("conflict-title");
            }
            RecordError::Other(e) if !e.field_errors().is_empty() => {
                self.errors.set(e.field_errors().to_vec());
                ui::focus_soon("error-summary");
            }
            RecordError::Other(e) => self.failed(t::failure_text(&e)),
        }
    }

    fn failed(self, message: String) {
        self.failure.set(Some(message));
        ui::focus_soon("record-failure");
    }

    /// Saves the form: a new record goes to its own page, an update stays.
    pub fn save(self, ev: leptos::ev::SubmitEvent) {
        ev.prevent_default();
        self.message.set(None);
        self.failure.set(None);
        let b = self.base.get_untracked();
        let record = match R::from_form(&self.form.get_untracked(), &b) {
            Ok(r) => r,
            Err(e) => {
                self.errors.set(e);
                ui::focus_soon("error-summary");
                return;
            }
        };
        self.errors.set(vec![]);
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            let id = (!self.new).then(|| b.id().to_owned());
            match records_api::save(R::COLLECTION, id.as_deref(), &record).await {
                Ok(saved) if self.new => {
                    FLASH.with(|f| *f.borrow_mut() = Some(t::CREATED.get(lang()).into()));
                    self.go.run(format!("{}/{}", R::PAGE, saved.id()));
                }
                Ok(saved) => {
                    self.loaded(saved);
                    self.done(R::SAVED.get(lang()).into());
                }
                Err(e) => self.fail(e),
            }
            self.busy.set(false);
        });
    }

    /// Starts a change of the saved record (archive, restore, confirm): clears the messages;
    /// refused, and said so, while the form has unsaved edits.
    fn start_change(self) -> bool {
        self.message.set(None);
        self.failure.set(None);
        let unsaved = self.form.get_untracked() != self.base_form.get_untracked();
        if unsaved {
            self.failed(t::UNSAVED_FIRST.get(lang()).into());
        }
        !unsaved
    }

    /// Archives or restores the saved record (unsaved edits must be saved first).
    pub fn set_status(self, status: RecordStatus) {
        if !self.start_change() {
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
        if !self.start_change() {
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

    /// After a 409: the saved version with the admin's own changes on top.
    fn reapply(self) {
        if let Some(current) = self.conflict.get_untracked() {
            let cur = current.form();
            let next = record_form::reapply(&self.base_form.get_untracked(), &self.form.get_untracked(), &cur);
            let v = current.version();
            self.base_form.set(cur);
            self.base.set(current);
            self.form.set(next);
            self.conflict.set(None);
            self.done(t::reapplied(v, lang()));
        }
    }

    /// After a 409: the saved version, the admin's edits dropped.
    fn discard(self) {
        if let Some(current) = self.conflict.get_untracked() {
            self.loaded(current);
            self.done(t::DISCARDED.get(lang()).into());
        }
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
    let reapply = Callback::new(move |_| e.reapply());
    let discard = Callback::new(move |_| e.discard());
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
