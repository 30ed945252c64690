//! A step being prepared on an inbox card (the form open under its buttons and what was typed
//! in it), kept by the inbox page across the list's reloads.

use forebyg_shared::first_session::FirstSession;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Which follow-up form is open under the buttons.
#[derive(Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Panel {
    Enrol,
    /// "Fortryd tilmelding" of an enrolment with a first session: confirmed first.
    Undo,
    /// "Fortryd kontaktet": confirmed first (it takes the place of "Kontaktet", so a double
    /// click on that must not undo it).
    UndoContact,
    Decline,
    Complete,
    Discontinue,
}

/// A step being prepared on a card: its form open, the reason and note as chosen and typed, an
/// enrolment's first session (day and time) as typed.
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct StepDraft {
    pub panel: Option<Panel>,
    pub reason: String,
    pub note: String,
    #[serde(default)]
    pub on: String,
    #[serde(default)]
    pub at: String,
}

impl StepDraft {
    /// The first session as typed: none when both fields are empty (a time without a day is
    /// sent, for the check to ask for the day).
    pub fn first_session(&self) -> Option<FirstSession> {
        let (on, at) = (self.on.trim(), self.at.trim());
        (!on.is_empty() || !at.is_empty()).then(|| FirstSession { on: on.to_owned(), at: Some(at.to_owned()).filter(|a| !a.is_empty()) })
    }
}

/// The steps being prepared, by request code. The page keeps them, so a half-written decline or
/// closing note outlives the list's reload after a change on any card, and stays when the server
/// refuses the step (it is cleared once the step is stored, or on "Annullér"); an expired sign-in
/// keeps them for the page's return (`crate::kept`, see `inbox`).
pub type StepDrafts = RwSignal<HashMap<String, StepDraft>>;

pub fn edit_step(steps: StepDrafts, code: StoredValue<String>, edit: impl FnOnce(&mut StepDraft)) {
    code.with_value(|c| steps.update(|d| edit(d.entry(c.clone()).or_default())));
}
