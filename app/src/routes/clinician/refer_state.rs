//! The referral form's state (`/klinik/henvis/:id`, [`super::refer`]): every field, the errors
//! and the form's one idempotency key; the draft kept across signing in again; the request.

use crate::clinician::draft::Draft;
use crate::dom;
use forebyg_shared::clinician::{ClinicianReferral, ClinicianReferralList, ClinicianReferralRequest};
use forebyg_shared::referral::ContactTime;
use forebyg_shared::taxonomy::Condition;
use forebyg_shared::validation::FieldError;
use forebyg_shared::Lang;
use leptos::prelude::*;

/// The form's state: every field, the errors (the form's own check, then the API's) and the
/// one idempotency key of this form.
#[derive(Clone, Copy)]
pub(super) struct FormState {
    pub(super) name: RwSignal<String>,
    pub(super) phone: RwSignal<String>,
    pub(super) email: RwSignal<String>,
    pub(super) cpr: RwSignal<String>,
    pub(super) conditions: RwSignal<Vec<Condition>>,
    pub(super) reason: RwSignal<String>,
    pub(super) interpreter: RwSignal<String>,
    /// When the patient would rather be called (none: not asked).
    pub(super) contact_time: RwSignal<Option<ContactTime>>,
    pub(super) consent: RwSignal<bool>,
    pub(super) errors: RwSignal<Vec<FieldError>>,
    pub(super) refused: RwSignal<Option<String>>,
    /// The refusal is that this form's first send went through unseen: "Mine henvisninger" has it.
    pub(super) already_sent: RwSignal<bool>,
    pub(super) busy: RwSignal<bool>,
    pub(super) key: StoredValue<String>,
    /// The clinician's open referral of a patient of the same name to this offer, found on
    /// sending ([`crate::clinician::twin`]): asked about before a second one goes.
    pub(super) twin: RwSignal<Option<ClinicianReferral>>,
    /// The name the twin was asked about: sending it again sends.
    pub(super) twin_asked: StoredValue<Option<String>>,
    /// A send of this form's key got no answer: it may have gone through, and the API says so
    /// more exactly than the twin would (the key's first referral), so the twin is not asked.
    pub(super) unanswered: StoredValue<bool>,
}

fn new_key() -> String {
    format!("clinic-{}", dom::random_key())
}

impl FormState {
    pub(super) fn new(conditions: Vec<Condition>) -> Self {
        FormState {
            name: RwSignal::new(String::new()),
            phone: RwSignal::new(String::new()),
            email: RwSignal::new(String::new()),
            cpr: RwSignal::new(String::new()),
            conditions: RwSignal::new(conditions),
            reason: RwSignal::new(String::new()),
            interpreter: RwSignal::new(String::new()),
            contact_time: RwSignal::new(None),
            consent: RwSignal::new(false),
            errors: RwSignal::new(vec![]),
            refused: RwSignal::new(None),
            already_sent: RwSignal::new(false),
            busy: RwSignal::new(false),
            key: StoredValue::new(new_key()),
            twin: RwSignal::new(None),
            twin_asked: StoredValue::new(None),
            unanswered: StoredValue::new(false),
        }
    }

    /// This form's sends from now on are a new referral (its first went through with other details).
    /// The first referral was just said (with where to see it): sending again is not asked about
    /// it as a twin of `patient_name`'s.
    pub(super) fn renew_key(self, patient_name: &str) {
        self.key.set_value(new_key());
        self.unanswered.set_value(false);
        self.twin_asked.set_value(Some(patient_name.to_owned()));
    }

    /// The patient's language in the search ("Patientens sprog: Arabisk") is likely the
    /// interpreter the provider's call needs: chosen (the form says so, for the clinician to
    /// change), unless the course is held in it (`held_in`: its provider speaks it). Whether it was.
    pub(super) fn suggest_interpreter(self, language: Option<&str>, held_in: &[String]) -> bool {
        let suggested = language.filter(|l| *l != "da" && crate::i18n::INTERPRETER_LANGUAGES.contains(l) && !held_in.iter().any(|h| h == l));
        if let Some(l) = suggested {
            self.interpreter.set(l.to_owned());
        }
        suggested.is_some()
    }

    /// The form as kept while signing in again (no CPR number: that is typed again).
    pub(super) fn restore(self, d: &Draft) {
        self.name.set(d.patient_name.clone());
        self.phone.set(d.phone.clone());
        self.email.set(d.email.clone());
        self.conditions.set(d.conditions.clone());
        self.reason.set(d.reason.clone());
        self.interpreter.set(d.interpreter_language.clone());
        self.contact_time.set(d.contact_time);
        self.consent.set(d.patient_consent);
    }

    pub(super) fn request(self) -> ClinicianReferralRequest {
        let opt = |s: RwSignal<String>| Some(s.get_untracked().trim().to_owned()).filter(|v| !v.is_empty());
        ClinicianReferralRequest {
            idempotency_key: self.key.get_value(),
            patient_name: self.name.get_untracked().trim().to_owned(),
            phone: opt(self.phone),
            email: opt(self.email),
            cpr: opt(self.cpr),
            conditions: self.conditions.get_untracked(),
            reason: opt(self.reason),
            interpreter_language: opt(self.interpreter),
            contact_time: self.contact_time.get_untracked(),
            patient_consent: self.consent.get_untracked(),
        }
    }

    /// The open referral this one may repeat, unless the clinician was asked about this name
    /// already (then it is sent). `None` also when the list cannot be read: sending goes on.
    pub(super) async fn unasked_twin(self, offer_id: &str, patient_name: &str) -> Option<ClinicianReferral> {
        if self.unanswered.get_value() || self.twin_asked.get_value().as_deref() == Some(patient_name) {
            return None;
        }
        let list = super::session::peek::<ClinicianReferralList>("/api/v1/clinician/referrals").await.ok()?;
        let twin = crate::clinician::twin::open_twin(&list.referrals, offer_id, patient_name).cloned()?;
        self.twin_asked.set_value(Some(patient_name.to_owned()));
        Some(twin)
    }

    pub(super) fn error(self, field: &'static str, lang: Lang) -> Signal<Option<String>> {
        Signal::derive(move || self.errors.with(|es| es.iter().find(|e| e.field == field).map(|e| e.message.get(lang).to_owned())))
    }
}
