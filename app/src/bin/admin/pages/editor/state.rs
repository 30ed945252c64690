//! The offer editor's state hook: the form as typed and as last loaded, the errors, the 409
//! conflict, messages; and what the page does: save (create → the new offer's page; update →
//! stays), publish / unpublish / archive / re-verify, reapply or discard after a 409, and the preview.
//! Unsaved edits outlive an expired sign-in (`crate::kept`).

use crate::api::{self, SaveError};
use crate::form::{self, OfferForm};
use crate::texts::editor as t;
use crate::ui::{self, lang};
use forebyg_shared::admin::{Reverify, StatusChange};
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::OfferStatus;
use forebyg_shared::validation::FieldError;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::cell::RefCell;

thread_local! {
    /// A message for the next editor page (after a create navigates to the new offer).
    static FLASH: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Everything the offer editor's sections read and change.
#[derive(Clone, Copy)]
pub struct OfferEditor {
    pub new: bool,
    /// The form as last loaded or saved (what "unsaved changes" and a conflict compare with).
    pub base_form: RwSignal<OfferForm>,
    pub form: RwSignal<OfferForm>,
    pub base: RwSignal<Offer>,
    pub errors: RwSignal<Vec<FieldError>>,
    /// The version saved meanwhile, after a 409.
    pub conflict: RwSignal<Option<Offer>>,
    pub message: RwSignal<Option<String>>,
    pub failure: RwSignal<Option<String>>,
    pub busy: RwSignal<bool>,
    pub heading: RwSignal<String>,
    /// The offer the form describes now, while the preview shows it.
    pub preview: RwSignal<Option<Offer>>,
    /// Goes to a page of the workspace (the router's navigation, kept for later event handlers).
    go: Callback<String>,
}

impl OfferEditor {
    pub fn new(base: Offer, start: OfferForm, new: bool, title: String) -> Self {
        let e = OfferEditor {
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
            preview: RwSignal::new(None),
            go: {
                let navigate = use_navigate();
                Callback::new(move |href: String| navigate(&href, Default::default()))
            },
        };
        // An expired sign-in keeps the unsaved form, and the version it started from.
        let restored = move || e.done(crate::texts::common::KEPT_RESTORED.get(lang()).into());
        crate::kept::keep_edit(e.base, e.base_form, e.form, |o| OfferForm::from_offer_in(o, lang()), restored);
        e
    }

    fn loaded(self, o: Offer) {
        let f = OfferForm::from_offer_in(&o, lang());
        self.heading.set(t::edit_title(&o.title, lang()));
        self.base_form.set(f.clone());
        self.form.set(f);
        self.base.set(o);
        self.conflict.set(None);
        self.errors.set(vec![]);
    }

    fn done(self, message: String) {
        self.message.set(Some(message));
        ui::focus_soon("editor-message");
    }

    fn failed(self, message: String) {
        self.failure.set(Some(message));
        ui::focus_soon("editor-failure");
    }

    fn fail(self, e: SaveError) {
        match e {
            SaveError::Stale(current) => {
                self.conflict.set(Some(*current));
                ui::focus_soon("conflict-title");
            }
            SaveError::Other(e) if !e.field_errors().is_empty() => {
                self.errors.set(e.field_errors().to_vec());
                ui::focus_soon("error-summary");
            }
            SaveError::Other(e) => self.failed(ui::error_text(&e)),
        }
    }

    /// Saves the form: a new offer goes to its own page, an update stays.
    pub fn save(self, ev: leptos::ev::SubmitEvent) {
        ev.prevent_default();
        self.message.set(None);
        self.failure.set(None);
        let b = self.base.get_untracked();
        let offer = match self.form.get_untracked().to_offer(&b, &api::today()) {
            Ok(o) => o,
            Err(e) => {
                self.errors.set(e);
                ui::focus_soon("error-summary");
                return;
            }
        };
        self.errors.set(vec![]);
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            let id = (!self.new).then(|| b.id.clone());
            match api::save_offer(id.as_deref(), &offer).await {
                Ok(saved) if self.new => {
                    FLASH.with(|f| *f.borrow_mut() = Some(t::CREATED.get(lang()).into()));
                    self.go.run(format!("/admin/tilbud/{}", saved.id));
                }
                Ok(saved) => {
                    self.loaded(saved);
                    self.done(t::SAVED.get(lang()).into());
                }
                Err(e) => self.fail(e),
            }
            self.busy.set(false);
        });
    }

    /// Shows the preview of the offer as the form describes it, or the form's problems as a save
    /// would.
    pub fn show_preview(self) {
        self.message.set(None);
        self.failure.set(None);
        match self.form.get_untracked().to_offer(&self.base.get_untracked(), &api::today()) {
            Ok(o) => {
                self.errors.set(vec![]);
                self.preview.set(Some(o));
                ui::focus_soon("preview-title");
            }
            Err(e) => {
                self.errors.set(e);
                ui::focus_soon("error-summary");
            }
        }
    }

    /// Back to the form, where the preview was asked for.
    pub fn end_preview(self) {
        self.preview.set(None);
        ui::focus_soon("preview-button");
    }

    /// A status change (`published`, `draft`, `archived`) or `verify` of the saved offer
    /// (unsaved edits must be saved first).
    pub fn action(self, what: &'static str) {
        self.message.set(None);
        self.failure.set(None);
        if self.form.get_untracked() != self.base_form.get_untracked() {
            self.failed(t::UNSAVED.get(lang()).into());
            return;
        }
        let b = self.base.get_untracked();
        let url = format!("/api/v1/admin/offers/{}/{}", forebyg_app::query::encode(&b.id), if what == "verify" { "verify" } else { "status" });
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            let r = if what == "verify" {
                api::post_offer_action(&url, &Reverify { version: b.version }).await
            } else {
                let status = OfferStatus::from_code(what).unwrap_or(OfferStatus::Draft);
                api::post_offer_action(&url, &StatusChange { status, version: b.version }).await
            };
            match r {
                Ok(o) => {
                    let text = match what {
                        "verify" => t::verified(&crate::ui::date(&o.last_verified), lang()),
                        _ => t::status_now(o.status.label(lang()), lang()),
                    };
                    self.loaded(o);
                    self.done(text);
                }
                Err(e) => self.fail(e),
            }
            self.busy.set(false);
        });
    }

    /// After a 409: the saved version with the admin's own changes on top.
    pub fn reapply(self) {
        if let Some(current) = self.conflict.get_untracked() {
            let cur = OfferForm::from_offer_in(&current, lang());
            let next = form::reapply(&self.base_form.get_untracked(), &self.form.get_untracked(), &cur);
            let v = current.version;
            self.base_form.set(cur);
            self.base.set(current);
            self.form.set(next);
            self.conflict.set(None);
            self.done(t::reapplied(v, lang()));
        }
    }

    /// After a 409: the saved version, the admin's edits dropped.
    pub fn discard(self) {
        if let Some(current) = self.conflict.get_untracked() {
            self.loaded(current);
            self.done(t::DISCARDED.get(lang()).into());
        }
    }

    /// The messages of `key`'s field (`f-{key}`), if it has errors.
    pub fn err(self, key: &'static str) -> impl Fn() -> Option<String> + Copy + Send + Sync + 'static {
        let errors = self.errors;
        move || {
            let id = format!("f-{key}");
            errors.with(|es| {
                let msgs: Vec<String> = es
                    .iter()
                    .filter(|e| form::control_id(&e.field).as_deref() == Some(id.as_str()))
                    .map(|e| e.message.get(lang()).to_owned())
                    .collect();
                (!msgs.is_empty()).then(|| msgs.join(" "))
            })
        }
    }
}
