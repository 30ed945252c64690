//! The state both edit flows share, the offer editor's (`editor/state.rs`) and the record pages'
//! (`record_editor.rs`): the form as typed and as last loaded or saved, the record, the field
//! errors, the 409 conflict, the messages and the busy flag; and the steps they take alike: a
//! record loaded or saved, a message or a failure with the focus on it, a failed save's answer,
//! the form checked before a save, a create's way to the new record's page, the check before a
//! change of the saved record, and reapply / discard after a 409. Unsaved edits outlive an
//! expired sign-in (`crate::kept`).

use crate::records_api::RecordError;
use crate::ui::{self, lang};
use forebyg_app::api::ApiError;
use forebyg_shared::validation::FieldError;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::RefCell;

thread_local! {
    /// A message for the next edit page (after a create navigates to the new record's page).
    static FLASH: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// What the shared state needs to know of one kind of record (`T`) and its form (`F`).
pub struct EditKind<T: 'static, F: 'static> {
    /// The form that shows a record.
    pub form_of: fn(&T) -> F,
    /// The page's heading for a saved record ("Rediger »…«", "Ret udbyder »…«").
    pub heading_of: fn(&T) -> String,
    pub version_of: fn(&T) -> u64,
    /// After a 409: the saved form (`current`) with the admin's own changes (`base` → `mine`).
    pub reapply: fn(base: &F, mine: &F, current: &F) -> F,
    /// How a failure that is not about fields reads.
    pub failure_text: fn(&ApiError) -> String,
    /// The ids of the page's message (`role=status`) and failure (`role=alert`), which take
    /// the focus when shown.
    pub message_id: &'static str,
    pub failure_id: &'static str,
}

impl<T, F> Clone for EditKind<T, F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T, F> Copy for EditKind<T, F> {}

/// One edit page's state (see the module's documentation).
pub struct EditState<T: Send + Sync + 'static, F: Send + Sync + 'static> {
    pub new: bool,
    /// The form as last loaded or saved (what "unsaved changes" and a conflict compare with).
    pub base_form: RwSignal<F>,
    pub form: RwSignal<F>,
    pub base: RwSignal<T>,
    pub errors: RwSignal<Vec<FieldError>>,
    /// The version saved meanwhile, after a 409.
    pub conflict: RwSignal<Option<T>>,
    pub message: RwSignal<Option<String>>,
    pub failure: RwSignal<Option<String>>,
    pub busy: RwSignal<bool>,
    pub heading: RwSignal<String>,
    kind: EditKind<T, F>,
    /// Goes to a page of the workspace (the router's navigation, kept for later event handlers).
    go: Callback<String>,
}

impl<T: Send + Sync, F: Send + Sync> Clone for EditState<T, F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync, F: Send + Sync> Copy for EditState<T, F> {}

impl<T, F> EditState<T, F>
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    F: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    /// The state of a page for `base` (a blank record when `new`, whose form starts as `start`),
    /// with the message a create left for it.
    pub fn new(kind: EditKind<T, F>, base: T, start: F, new: bool, heading: String) -> Self {
        let e = EditState {
            new,
            base_form: RwSignal::new(start.clone()),
            form: RwSignal::new(start),
            base: RwSignal::new(base),
            errors: RwSignal::new(vec![]),
            conflict: RwSignal::new(None),
            message: RwSignal::new(FLASH.with(|f| f.borrow_mut().take())),
            failure: RwSignal::new(None),
            busy: RwSignal::new(false),
            heading: RwSignal::new(heading),
            kind,
            go: {
                let navigate = use_navigate();
                Callback::new(move |href: String| navigate(&href, Default::default()))
            },
        };
        // An expired sign-in keeps the unsaved form, and the version it started from.
        let restored = move || e.done(crate::texts::common::KEPT_RESTORED.get(lang()).into());
        crate::kept::keep_edit(e.base, e.base_form, e.form, kind.form_of, restored);
        e
    }

    /// `record` as loaded or saved: the form, the heading and the base start from it again.
    pub fn loaded(self, record: T) {
        let f = (self.kind.form_of)(&record);
        self.heading.set((self.kind.heading_of)(&record));
        self.base_form.set(f.clone());
        self.form.set(f);
        self.base.set(record);
        self.conflict.set(None);
        self.errors.set(vec![]);
    }

    pub fn done(self, message: String) {
        self.message.set(Some(message));
        ui::focus_soon(self.kind.message_id);
    }

    pub fn failed(self, message: String) {
        self.failure.set(Some(message));
        ui::focus_soon(self.kind.failure_id);
    }

    /// A save or change refused: the 409's saved version, the fields' errors, or a failure.
    pub fn fail(self, e: RecordError<T>) {
        match e {
            RecordError::Stale(current) => {
                self.conflict.set(Some(*current));
                ui::focus_soon("conflict-title");
            }
            RecordError::Other(e) if !e.field_errors().is_empty() => self.show_errors(e.field_errors().to_vec()),
            RecordError::Other(e) => self.failed((self.kind.failure_text)(&e)),
        }
    }

    fn show_errors(self, errors: Vec<FieldError>) {
        self.errors.set(errors);
        ui::focus_soon("error-summary");
    }

    /// The record the form describes, checked as a save would check it: `None`, with the errors
    /// shown (the messages cleared first).
    pub fn checked(self, record: Result<T, Vec<FieldError>>) -> Option<T> {
        self.message.set(None);
        self.failure.set(None);
        match record {
            Ok(r) => {
                self.errors.set(vec![]);
                Some(r)
            }
            Err(e) => {
                self.show_errors(e);
                None
            }
        }
    }

    /// The answer to a save: a new record's page (`href`) says `created` there; an update stays
    /// and says `saved`.
    pub fn saved(self, result: Result<T, RecordError<T>>, href: impl FnOnce(&T) -> String, created: &str, saved: &str) {
        match result {
            Ok(record) if self.new => {
                FLASH.with(|f| *f.borrow_mut() = Some(created.to_owned()));
                self.go.run(href(&record));
            }
            Ok(record) => {
                self.loaded(record);
                self.done(saved.to_owned());
            }
            Err(e) => self.fail(e),
        }
    }

    /// Starts a change of the saved record (a status change, a confirmation): clears the
    /// messages; refused with `unsaved` while the form has unsaved edits.
    pub fn start_change(self, unsaved: &str) -> bool {
        self.message.set(None);
        self.failure.set(None);
        let changed = self.form.with_untracked(|f| self.base_form.with_untracked(|b| f != b));
        if changed {
            self.failed(unsaved.to_owned());
        }
        !changed
    }

    /// After a 409: the saved version with the admin's own changes on top; `reapplied` says so
    /// for the saved version's number.
    pub fn reapply(self, reapplied: impl FnOnce(u64) -> String) {
        if let Some(current) = self.conflict.get_untracked() {
            let cur = (self.kind.form_of)(&current);
            let next = (self.kind.reapply)(&self.base_form.get_untracked(), &self.form.get_untracked(), &cur);
            let v = (self.kind.version_of)(&current);
            self.base_form.set(cur);
            self.base.set(current);
            self.form.set(next);
            self.conflict.set(None);
            self.done(reapplied(v));
        }
    }

    /// After a 409: the saved version, the admin's edits dropped (`discarded` says so).
    pub fn discard(self, discarded: &str) {
        if let Some(current) = self.conflict.get_untracked() {
            self.loaded(current);
            self.done(discarded.to_owned());
        }
    }
}
