//! The offer editor's state hook: the state every edit page has (`super::super::edit_state`),
//! the preview, and what the page does: save (create → the new offer's page; update → stays),
//! publish / unpublish / archive / re-verify, reapply or discard after a 409, and the preview.

use super::super::edit_state::{EditKind, EditState};
use crate::api;
use crate::form::{self, OfferForm};
use crate::records_api;
use crate::texts::editor as t;
use crate::ui::{self, lang};
use forebyg_shared::admin::{Reverify, StatusChange};
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::OfferStatus;
use gloo_net::http::Method;
use leptos::prelude::*;
use std::ops::Deref;

/// Everything the offer editor's sections read and change: the state every edit page has
/// ([`EditState`], reached through `Deref`), and the preview.
#[derive(Clone, Copy)]
pub struct OfferEditor {
    state: EditState<Offer, OfferForm>,
    /// The offer the form describes now, while the preview shows it.
    pub preview: RwSignal<Option<Offer>>,
    /// The coverage table's address a new offer was started from (its gap): the created offer's
    /// page leads back there.
    back: StoredValue<Option<String>>,
}

impl Deref for OfferEditor {
    type Target = EditState<Offer, OfferForm>;
    fn deref(&self) -> &Self::Target {
        &self.state
    }
}

/// Offers in the shared edit state.
fn offers() -> EditKind<Offer, OfferForm> {
    EditKind {
        form_of: |o| OfferForm::from_offer_in(o, lang()),
        heading_of: |o| t::edit_title(&o.title, lang()),
        version_of: |o| o.version,
        reapply: form::reapply,
        failure_text: ui::error_text,
        message_id: "editor-message",
        failure_id: "editor-failure",
    }
}

impl OfferEditor {
    pub fn new(base: Offer, start: OfferForm, new: bool, title: String, back: Option<String>) -> Self {
        OfferEditor { state: EditState::new(offers(), base, start, new, title), preview: RwSignal::new(None), back: StoredValue::new(back) }
    }

    /// Saves the form: a new offer goes to its own page, an update stays.
    pub fn save(self, ev: leptos::ev::SubmitEvent) {
        ev.prevent_default();
        let b = self.base.get_untracked();
        let Some(offer) = self.checked(self.form.get_untracked().to_offer(&b, &api::today())) else { return };
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            let id = (!self.new).then(|| b.id.clone());
            let result = records_api::save("offers", id.as_deref(), &offer).await;
            let href = |o: &Offer| match self.back.get_value() {
                Some(back) => form::created_from_gap_href(&o.id, &back),
                None => format!("/admin/tilbud/{}", o.id),
            };
            self.state.saved(result, href, t::CREATED.get(lang()), t::SAVED.get(lang()));
            self.busy.set(false);
        });
    }

    /// Shows the preview of the offer as the form describes it, or the form's problems as a save
    /// would.
    pub fn show_preview(self) {
        if let Some(o) = self.checked(self.form.get_untracked().to_offer(&self.base.get_untracked(), &api::today())) {
            self.preview.set(Some(o));
            ui::focus_soon("preview-title");
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
        if !self.start_change(t::UNSAVED.get(lang())) {
            return;
        }
        let b = self.base.get_untracked();
        let url = format!("/api/v1/admin/offers/{}/{}", forebyg_app::query::encode(&b.id), if what == "verify" { "verify" } else { "status" });
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            let r: Result<Offer, _> = if what == "verify" {
                records_api::send_record(Method::POST, &url, &Reverify { version: b.version }).await
            } else {
                let status = OfferStatus::from_code(what).unwrap_or(OfferStatus::Draft);
                records_api::send_record(Method::POST, &url, &StatusChange { status, version: b.version }).await
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
        self.state.reapply(|v| t::reapplied(v, lang()));
    }

    /// After a 409: the saved version, the admin's edits dropped.
    pub fn discard(self) {
        self.state.discard(t::DISCARDED.get(lang()));
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
