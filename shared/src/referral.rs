//! Self-referral ("Jeg vil gerne deltage"): what a citizen sends, what they get back, and the
//! rules both the form and the API apply. Collect the minimum: no CPR number, no diagnosis.

use crate::contact::{contact_errors, name_without_letters, ContactWords};
use crate::validation::{self, ErrorCode, FieldError};
use serde::{Deserialize, Serialize};

code_enum! {
    /// Where a request to join is in its handling; the citizen sees it with the receipt.
    /// `discontinued`: the person stopped before the course's end (the closing note says why).
    ReferralStatus {
        Received = "received", "Modtaget", "Received";
        Contacted = "contacted", "Kontaktet", "Contacted";
        Enrolled = "enrolled", "Tilmeldt", "Enrolled";
        Declined = "declined", "Afvist", "Declined";
        Withdrawn = "withdrawn", "Trukket tilbage", "Withdrawn";
        Completed = "completed", "Afsluttet", "Completed";
        Discontinued = "discontinued", "Afbrudt", "Discontinued";
    }
}

impl ReferralStatus {
    /// A request can still be withdrawn by whoever sent it.
    pub fn is_open(self) -> bool {
        matches!(self, ReferralStatus::Received | ReferralStatus::Contacted)
    }

    /// Nothing more will happen: the personal data's retention clock starts.
    pub fn is_closed(self) -> bool {
        matches!(self, ReferralStatus::Declined | ReferralStatus::Withdrawn | ReferralStatus::Completed | ReferralStatus::Discontinued)
    }

    /// The course is over, to its end or not: the provider's closing note is for the referrer.
    pub fn course_over(self) -> bool {
        matches!(self, ReferralStatus::Completed | ReferralStatus::Discontinued)
    }

    /// The provider's workflow: received → contacted → enrolled or declined → (enrolled)
    /// completed or discontinued. Skipping "contacted" is allowed; going back only undoes a
    /// contact to received, a decision (a decline, an enrolment) to contacted, or a closed
    /// course to enrolled. The sender withdraws (see [`is_open`](Self::is_open)); the provider
    /// never does.
    pub fn provider_may_move_to(self, next: ReferralStatus) -> bool {
        use ReferralStatus::*;
        match (self, next) {
            (Received, Contacted | Enrolled | Declined) => true,
            // A contact undone (marked on the wrong card, or no one answered after all): the
            // person waits for a call again, and the promised day counts again in the inbox.
            (Contacted, Received) => true,
            (Contacted, Enrolled | Declined) => true,
            // A decline reopened (made by mistake, or the person got in touch after all): back to
            // where it was made ([`reopens_to`]: received when nobody had called, so the promised
            // day counts again), or contacted.
            (Declined, Received | Contacted) => true,
            // An enrolment undone (made by mistake, or the person did not start after all).
            (Enrolled, Contacted) => true,
            (Enrolled, Completed | Discontinued) => true,
            // A course closed by mistake (the wrong person's card, or before its end).
            (Completed | Discontinued, Enrolled) => true,
            _ => false,
        }
    }
}

code_enum! {
    /// Why a provider declined a referral.
    DeclineReason {
        NoCapacity = "no-capacity", "Ingen ledige pladser", "No capacity";
        NotEligible = "not-eligible", "Opfylder ikke kriterierne", "Not eligible";
        CouldNotReach = "could-not-reach", "Kunne ikke komme i kontakt med borgeren", "Could not reach the patient";
        PatientDeclined = "patient-declined", "Borgeren takkede nej", "The patient declined";
        Other = "other", "Andet", "Other";
    }
}

code_enum! {
    /// Who sent a request to join: a clinician's referral or the citizen's own request (the
    /// inbox filters on it).
    SentBy {
        Clinician = "clinician", "Henvist af en behandler", "Referred by a clinician";
        Citizen = "citizen", "Borgeren selv", "The citizen";
    }
}

code_enum! {
    /// Who made a status change.
    Actor {
        Citizen = "citizen", "Borgeren", "The citizen";
        Clinician = "clinician", "Henviser", "The referrer";
        Provider = "provider", "Tilbuddet", "The provider";
    }
}

/// One step of a referral's history: every status change is kept, with when and by whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusEvent {
    pub status: ReferralStatus,
    /// Unix seconds.
    pub at: i64,
    pub by: Actor,
    /// Set when `status` is `declined`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<DeclineReason>,
    /// The decline note or the closing note ("afslutningsnotat"); no personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Who at the provider made a provider's step: the admin's name (or user id when the
    /// sign-in gave no name), as on their notes. For the provider's colleagues in the inbox only:
    /// the clinician's and the citizen's views leave it out. Absent on steps from before it was
    /// kept, and on the citizen's and clinician's steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handler: Option<String>,
    /// The first session agreed with an `enrolled` step (when the provider gave one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_session: Option<crate::first_session::FirstSession>,
    /// A `contacted` step that put the person on the offer's waiting list.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub waitlist: bool,
}

impl StatusEvent {
    /// A plain step: no reason, note, handler, first session or waiting list.
    pub fn new(status: ReferralStatus, at: i64, by: Actor) -> Self {
        StatusEvent { status, at, by, reason: None, note: None, handler: None, first_session: None, waitlist: false }
    }

    /// The provider's step back to `received` (the only way a step by the provider is
    /// `received`): the answer taken back, a contact undone or a decline reopened that was made
    /// before anyone called. The promised day counts again. Histories name it by what it undoes
    /// ([`Undo`]), not "Modtaget" or "Sendt" again.
    pub fn undoes_answer(&self) -> bool {
        self.status == ReferralStatus::Received && self.by == Actor::Provider
    }
}

/// A provider's step that takes an earlier decision back, as every history names it: by what it
/// undoes, not by the status it returns to ("Kontaktet" right after "Afvist" read as a call no
/// one made; "Sendt" again as a second referral).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undo {
    /// Back to received from contacted ([`StatusEvent::undoes_answer`]).
    Contact,
    /// A decline reopened: contacted after declined.
    Decline,
    /// An enrolment undone: contacted after enrolled.
    Enrolment,
    /// A completed or discontinued course reopened: enrolled again.
    Closing,
}

impl Undo {
    /// What `e` takes back, given the status of the step `before` it (none for the first step,
    /// for a step forward, and for the citizen's and the clinician's steps).
    pub fn of(before: Option<ReferralStatus>, e: &StatusEvent) -> Option<Undo> {
        use ReferralStatus::*;
        match (before, e.status) {
            _ if e.by != Actor::Provider => None,
            (Some(Declined), Received | Contacted) => Some(Undo::Decline),
            _ if e.undoes_answer() => Some(Undo::Contact),
            (Some(Enrolled), Contacted) => Some(Undo::Enrolment),
            (Some(Completed | Discontinued), Enrolled) => Some(Undo::Closing),
            _ => None,
        }
    }

    /// For each step of `history`, what it takes back.
    pub fn each(history: &[StatusEvent]) -> Vec<Option<Undo>> {
        history.iter().enumerate().map(|(i, e)| Undo::of(i.checked_sub(1).map(|b| history[b].status), e)).collect()
    }

    pub fn label(self, lang: crate::Lang) -> &'static str {
        use crate::Lang::*;
        match (self, lang) {
            (Undo::Contact, Da) => "Kontakt fortrudt",
            (Undo::Contact, En) => "Contact undone",
            (Undo::Decline, Da) => "Afvisning fortrudt",
            (Undo::Decline, En) => "Decline undone",
            (Undo::Enrolment, Da) => "Tilmelding fortrudt",
            (Undo::Enrolment, En) => "Enrolment undone",
            (Undo::Closing, Da) => "Forløbet genåbnet",
            (Undo::Closing, En) => "Course reopened",
        }
    }
}

pub const CLOSING_NOTE_MAX: usize = 1_000;

code_enum! {
    /// When the citizen prefers to be called.
    ContactTime {
        Any = "any", "Når som helst i dagtimerne", "Any time during the day";
        Morning = "morning", "Formiddag (8–12)", "Morning (8–12)";
        Afternoon = "afternoon", "Eftermiddag (12–16)", "Afternoon (12–16)";
        LateAfternoon = "late-afternoon", "Sidst på eftermiddagen (16–18)", "Late afternoon (16–18)";
        // After work: evening teams' staff call then, and people in work can answer.
        Evening = "evening", "Aften (18–20)", "Evening (18–20)";
    }
}

pub const NAME_MAX: usize = 100;
pub const MESSAGE_MAX: usize = 500;
/// Personal data of a self-referral is deleted this many days after it was made.
pub const RETENTION_DAYS: i64 = 90;
/// A clinician's referral and its personal data are deleted this many days after it is closed
/// (completed, declined or withdrawn), so the referrer can read the outcome first.
pub const CLOSED_RETENTION_DAYS: i64 = 90;
/// An open or enrolled clinician's referral is deleted at the latest this many days after it was
/// made (courses run up to half a year; nothing is kept forever).
pub const OPEN_RETENTION_DAYS: i64 = 365;

/// `POST /api/v1/offers/{id}/self-referrals` body.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SelfReferralRequest {
    /// Generated by the client once per form; a retry or double submit with the same key gets
    /// the same receipt instead of a second request. 16–64 characters of A–Z, a–z, 0–9 and `-`.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9-]{16,64}$"))]
    pub idempotency_key: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = openapi::name))]
    pub name: String,
    /// A Danish phone number (8 digits, optionally after +45); this or `email` is required.
    pub phone: Option<String>,
    /// This or `phone` is required.
    pub email: Option<String>,
    pub contact_time: Option<ContactTime>,
    #[cfg_attr(feature = "openapi", schema(schema_with = openapi::message))]
    pub message: Option<String>,
    /// The citizen accepted the consent text.
    pub consent: bool,
    /// Honeypot: hidden from people, filled in by bots. Must be empty.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = validation::schema::blank))]
    pub website: Option<String>,
}

/// The documented bounds of [`SelfReferralRequest::validate`].
#[cfg(feature = "openapi")]
pub(crate) mod openapi {
    use super::{MESSAGE_MAX, NAME_MAX};
    use crate::validation::schema::text;
    use utoipa::openapi::schema::{Object, ObjectBuilder, SchemaType, Type};

    pub fn name() -> Object {
        text(2, NAME_MAX)
    }

    pub fn message() -> Object {
        ObjectBuilder::new().schema_type(SchemaType::from_iter([Type::String, Type::Null])).max_length(Some(MESSAGE_MAX)).build()
    }
}

impl SelfReferralRequest {
    /// Every problem with the request, empty when it is valid.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = vec![];
        errors.extend(idempotency_key_error(&self.idempotency_key));
        // Every message names what to write (GOV.UK's error messages), not "this field".
        let name = validation::text_length("name", ("dit navn", "your name"), &self.name, 2, NAME_MAX).err().map(|e| match e.code {
            ErrorCode::Required => FieldError::new("name", e.code, "Skriv dit navn.", "Enter your name."),
            ErrorCode::TooShort => FieldError::new("name", e.code, "Skriv dit fulde navn.", "Enter your full name."),
            _ => e,
        });
        errors.extend(name.or_else(|| name_without_letters("name", &self.name, ("dit navn", "your name"))));
        errors.extend(contact_errors(self.phone.as_deref(), self.email.as_deref(), ContactWords::CITIZEN));
        if let Some(m) = &self.message {
            errors.extend(validation::text_length("message", ("din besked", "your message"), m, 0, MESSAGE_MAX).err());
            // The form's hint asks for none: a CPR number is not needed to call someone back.
            if crate::cpr::mentioned_in(m) {
                errors.push(FieldError::new(
                    "message",
                    ErrorCode::Invalid,
                    "Skriv ikke dit CPR-nummer i beskeden. Udbyderen spørger om det, hvis der er brug for det.",
                    "Do not write your CPR number in the message. The provider asks for it if it is needed.",
                ));
            }
        }
        if !self.consent {
            errors.push(FieldError::new(
                "consent",
                ErrorCode::Required,
                "Du skal give samtykke, før vi kan sende din henvendelse.",
                "You must consent before we can send your request.",
            ));
        }
        errors
    }
}

/// The client-generated key that makes a create idempotent: 16–64 of A–Z, a–z, 0–9 and `-`.
pub fn idempotency_key_error(key: &str) -> Option<FieldError> {
    let ok = (16..=64).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    (!ok).then(|| {
        FieldError::new("idempotency_key", ErrorCode::Invalid, "Ugyldig formularnøgle. Genindlæs siden.", "Invalid form key. Reload the page.")
    })
}

/// What the citizen gets back after asking to join, and later when checking the status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReferralReceipt {
    /// Short code to quote and to look the request up with, e.g. `K7QM-4XRT`.
    pub receipt_code: String,
    pub offer_id: String,
    pub offer_title: String,
    pub status: ReferralStatus,
    /// YYYY-MM-DD the request was made.
    pub created_on: String,
    /// YYYY-MM-DD the status last changed.
    pub updated_on: String,
    /// YYYY-MM-DD after which the request and its personal data are deleted.
    pub expires_on: String,
    /// The person is on the offer's waiting list: the offer had one when they asked (the
    /// provider puts them on it), or the provider put them on it since.
    pub waitlist: bool,
    /// Why the provider declined (only while the status is `declined`), shown in plain words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decline_reason: Option<DeclineReason>,
    /// YYYY-MM-DD by which the provider promised to make contact (the offer's response time
    /// when the request was made; not for a waiting list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_by: Option<String>,
    /// Still `received` after `contact_by` ([`contact_overdue`]): the person is told to call.
    #[serde(default)]
    pub overdue: bool,
    /// Withdrawn by the referring clinician (the status page says so, and nothing else).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub withdrawn_by_clinician: bool,
    /// A clinician's referral, not the person's own request: the status page speaks of a
    /// referral and, after a decline, sends the patient back to whoever referred them. Says
    /// nothing of who that was.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub clinician_referral: bool,
    /// The first session the provider gave on enrolling the person (only while `enrolled`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_session: Option<crate::first_session::FirstSession>,
    /// A first session called off and still to come: the enrolment was undone or the request
    /// declined ([`crate::first_session::cancelled`]). The status page says the day is off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancelled_first_session: Option<crate::first_session::FirstSession>,
    /// The provider took its decline back ([`Undo::Decline`]) and has not moved on since: the
    /// status page says the request is open again, not that the provider has been in touch.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reopened: bool,
}

/// Whether the latest step of `history` takes a decline back ([`ReferralReceipt::reopened`]).
pub fn decline_reopened(history: &[StatusEvent]) -> bool {
    matches!(history, [.., before, last] if Undo::of(Some(before.status), last) == Some(Undo::Decline))
}

/// Where reopening the last decline of `history` returns the request to: the status it was
/// declined from when that was `received` (nobody had called: the promised day counts again),
/// `contacted` otherwise (a walk's reopened decline read "Kontaktet" for a call never made).
pub fn reopens_to(history: &[StatusEvent]) -> ReferralStatus {
    let declined = history.iter().rposition(|e| e.status == ReferralStatus::Declined);
    match declined.and_then(|i| i.checked_sub(1)).map(|i| history[i].status) {
        Some(ReferralStatus::Received) => ReferralStatus::Received,
        _ => ReferralStatus::Contacted,
    }
}

/// Whether the provider is late: the request is still `received` after `contact_by`, the day by
/// which the provider promised contact (YYYY-MM-DD; `today` likewise). The inbox and the
/// referring clinician both say so.
pub fn contact_overdue(status: ReferralStatus, contact_by: Option<&str>, today: &str) -> bool {
    status == ReferralStatus::Received && contact_by.is_some_and(|d| d < today)
}

/// "Nyt siden sidst" for the referring clinician: someone else (the provider, or the patient
/// withdrawing) moved the referral after `since`, the cursor of the clinician's last look (Unix
/// seconds). With no last look (a first visit, or a new device), every step by someone else is
/// news: the clinician has seen none of them.
pub fn changed_by_others(history: &[StatusEvent], since: Option<i64>) -> bool {
    history.iter().any(|e| new_to_clinician(e, since))
}

/// Whether one step is news to the referring clinician ([`changed_by_others`]): someone else made
/// it after `since` (with no last look, any step by someone else). The referral's page marks
/// these steps.
pub fn new_to_clinician(e: &StatusEvent, since: Option<i64>) -> bool {
    e.by != Actor::Clinician && since.is_none_or(|s| e.at > s)
}

/// Header carrying the phone number or e-mail used, the second factor of a receipt lookup.
/// A header, not the URL, so it never lands in access logs.
pub const CONTACT_HEADER: &str = "forebyg-contact";

#[cfg(test)]
mod tests;
