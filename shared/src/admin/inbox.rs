//! The referral inbox's contract: a request as the inbox shows it, the handler's notes, the
//! counts per status and the provider's status step with its rules.

use crate::clinician::Organisation;
use crate::referral::{ContactTime, DeclineReason, ReferralStatus, StatusEvent};
use crate::taxonomy::{Condition, OfferStatus, RegionCode};
use serde::{Deserialize, Serialize};

/// A request to join, as the inbox shows it (personal data: every read is audited).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InboxItem {
    pub receipt_code: String,
    pub offer_id: String,
    pub offer_title: String,
    /// The offer's status now: a request to an offer since archived (or put back to draft) is
    /// to one citizens can no longer find, and its person may need another.
    pub offer_status: OfferStatus,
    pub provider_id: String,
    pub region: RegionCode,
    pub status: ReferralStatus,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub contact_time: Option<ContactTime>,
    pub message: Option<String>,
    pub waitlist: bool,
    pub created_on: String,
    pub updated_on: String,
    pub expires_on: String,
    /// YYYY-MM-DD by which the provider promised to make contact (the offer's response time when
    /// the request came in; none for a waiting list or an offer that promises none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_by: Option<String>,
    /// Still `received` after `contact_by` ([`crate::referral::contact_overdue`]).
    #[serde(default)]
    pub overdue: bool,
    /// A clinician's referral (`None`: the citizen asked themself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referrer: Option<Referrer>,
    /// Clinician referrals: the CPR number (10 digits) when given. Only the handler sees it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpr: Option<String>,
    /// Clinician referrals: the reason's conditions (the short text is `message`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    /// The patient needs an interpreter in this language (ISO 639-1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpreter_language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decline_reason: Option<DeclineReason>,
    /// The decline note or the closing note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Other live requests (not closed) to the same offer with the same phone or e-mail, their
    /// receipt codes oldest first: most likely the same person asking twice, or asked for by a
    /// clinician and themself. Absent when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub same_contact: Vec<String>,
    /// A clinician's referral whose conditions the offer does not take: the conditions it is
    /// for ("only for KOL"), so the handler sees the mismatch before calling. Absent otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offer_only_for: Vec<crate::taxonomy::Condition>,
    /// Every status change, oldest first.
    #[serde(default)]
    pub history: Vec<StatusEvent>,
    /// The handlers' own notes, oldest first: for colleagues only (never shown to the citizen or
    /// the referrer); kept with the request and deleted with it.
    #[serde(default)]
    pub notes: Vec<AdminNote>,
}

/// A handler's free-text note on a request ("Ringede, ingen svar – prøver igen torsdag").
/// Personal data: stored with the referral, never logged, expires with it.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminNote {
    pub text: String,
    /// Unix seconds.
    pub at: i64,
    /// The author's name (or user id when the sign-in gave no name).
    pub by: String,
}

/// Debug output without the text, so a stray `{:?}` cannot leak it into a log.
impl std::fmt::Debug for AdminNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AdminNote").field("at", &self.at).finish_non_exhaustive()
    }
}

pub const ADMIN_NOTE_MAX: usize = 1_000;

/// `POST /api/v1/admin/referrals/{code}/notes` body.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAdminNote {
    /// 1–1,000 characters.
    #[cfg_attr(feature = "openapi", schema(schema_with = admin_note_text))]
    pub text: String,
}

#[cfg(feature = "openapi")]
fn admin_note_text() -> utoipa::openapi::schema::Object {
    crate::validation::schema::text(1, ADMIN_NOTE_MAX)
}

impl NewAdminNote {
    pub fn validate(&self) -> Vec<crate::validation::FieldError> {
        use crate::validation::{text_length, ErrorCode, FieldError};
        text_length("text", ("noten", "the note"), &self.text, 1, ADMIN_NOTE_MAX)
            .err()
            .map(|e| match e.code {
                ErrorCode::Required => FieldError::new("text", e.code, "Skriv noten.", "Write the note."),
                _ => e,
            })
            .into_iter()
            .collect()
    }
}

/// Who sent a clinician's referral: whom the provider answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Referrer {
    pub name: Option<String>,
    pub organisation: Organisation,
}

/// How many requests to join are in each status, within the admin's scope: no personal data, so
/// reading it is not audited (the overview shows it on every visit).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReferralCounts {
    pub received: u32,
    pub contacted: u32,
    pub enrolled: u32,
    pub declined: u32,
    pub withdrawn: u32,
    #[serde(default)]
    pub completed: u32,
    #[serde(default)]
    pub discontinued: u32,
    /// Of the `received`, those past the day the provider promised contact by.
    #[serde(default)]
    pub overdue: u32,
}

impl ReferralCounts {
    pub fn add(&mut self, status: ReferralStatus) {
        let n = match status {
            ReferralStatus::Received => &mut self.received,
            ReferralStatus::Contacted => &mut self.contacted,
            ReferralStatus::Enrolled => &mut self.enrolled,
            ReferralStatus::Declined => &mut self.declined,
            ReferralStatus::Withdrawn => &mut self.withdrawn,
            ReferralStatus::Completed => &mut self.completed,
            ReferralStatus::Discontinued => &mut self.discontinued,
        };
        *n += 1;
    }

    pub fn total(&self) -> u32 {
        self.received + self.contacted + self.enrolled + self.declined + self.withdrawn + self.completed + self.discontinued
    }
}

/// Move a request on: contacted, enrolled, declined (with a reason), completed or discontinued
/// (with a closing note), or back: received undoes contacted. See
/// [`ReferralStatus::provider_may_move_to`] for the allowed steps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReferralStatusChange {
    pub status: ReferralStatus,
    /// Required with `declined`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<DeclineReason>,
    /// Required with reason `other`, and with `completed` or `discontinued` for a clinician's referral (the closing
    /// note for the referrer; optional for a citizen's own request, which has no referrer);
    /// no personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Only with `enrolled`, optional: the first session agreed with the person. Enrolling an
    /// enrolled referral again with another first session changes it (and the history keeps both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_session: Option<crate::first_session::FirstSession>,
    /// Only with `contacted`, optional: the person is put on the offer's waiting list (told so
    /// on their status page, and the referrer on the referral's), e.g. when the class filled up
    /// after they asked. A contacted referral may be put on it later; enrolling takes them off.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub waitlist: bool,
}

impl ReferralStatusChange {
    /// A change without reason or note (contacted, enrolled).
    pub fn to(status: ReferralStatus) -> Self {
        ReferralStatusChange { status, reason: None, note: None, first_session: None, waitlist: false }
    }

    /// Contacted, and put on the offer's waiting list.
    pub fn onto_waitlist() -> Self {
        ReferralStatusChange { waitlist: true, ..Self::to(ReferralStatus::Contacted) }
    }

    /// Every problem with the change itself (whether the step is allowed depends on the
    /// referral's current status, see [`ReferralStatus::provider_may_move_to`]). `referred`: a
    /// clinician's referral, whose referrer reads the closing note; a citizen's own request
    /// (`false`) has no one to write it to, so there it is optional. `today` (YYYY-MM-DD, Danish)
    /// and `received_on` (the day the request came) bound the first session's day.
    pub fn validate(&self, referred: bool, today: &str, received_on: &str) -> Vec<crate::validation::FieldError> {
        use crate::validation::{text_length, ErrorCode, FieldError};
        let mut errors = vec![];
        let note = self.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
        match self.status {
            // The sender's step, never the provider's.
            ReferralStatus::Withdrawn => errors.push(FieldError::new(
                "status",
                ErrorCode::Invalid,
                "Kun afsenderen kan trække en henvendelse tilbage: vælg modtaget (fortryder kontaktet), kontaktet, tilmeldt, afvist, afsluttet eller afbrudt.",
                "Only the sender can withdraw a request: choose received (undoes contacted), contacted, enrolled, declined, completed or discontinued.",
            )),
            ReferralStatus::Declined if self.reason.is_none() => {
                errors.push(FieldError::new("reason", ErrorCode::Required, "Vælg en begrundelse for afvisningen.", "Choose a reason for declining."))
            }
            ReferralStatus::Declined if self.reason == Some(DeclineReason::Other) && note.is_none() => errors.push(if referred {
                FieldError::new(
                    "note",
                    ErrorCode::Required,
                    "Skriv kort, hvorfor henvisningen afvises.",
                    "Write briefly why the referral is declined.",
                )
            } else {
                FieldError::new(
                    "note",
                    ErrorCode::Required,
                    "Skriv kort, hvorfor henvendelsen afvises.",
                    "Write briefly why the request is declined.",
                )
            }),
            ReferralStatus::Completed if referred && note.is_none() => errors.push(FieldError::new(
                "note",
                ErrorCode::Required,
                "Skriv et kort afslutningsnotat til henviseren.",
                "Write a short closing note for the referrer.",
            )),
            ReferralStatus::Discontinued if referred && note.is_none() => errors.push(FieldError::new(
                "note",
                ErrorCode::Required,
                "Skriv kort til henviseren, hvorfor forløbet blev afbrudt.",
                "Write briefly for the referrer why the course was discontinued.",
            )),
            _ => {}
        }
        if self.reason.is_some() && self.status != ReferralStatus::Declined {
            errors.push(FieldError::new(
                "reason",
                ErrorCode::Invalid,
                "En begrundelse hører kun til en afvisning.",
                "A reason belongs only with declined.",
            ));
        }
        if let Some(n) = note {
            errors.extend(text_length("note", ("noten", "the note"), n, 0, crate::referral::CLOSING_NOTE_MAX).err());
        }
        if self.waitlist && self.status != ReferralStatus::Contacted {
            errors.push(FieldError::new(
                "waitlist",
                ErrorCode::Invalid,
                "Venteliste hører kun til kontaktet.",
                "The waiting list belongs only with contacted.",
            ));
        }
        match &self.first_session {
            Some(_) if self.status != ReferralStatus::Enrolled => errors.push(FieldError::new(
                "first_session",
                ErrorCode::Invalid,
                "Første mødegang hører kun til en tilmelding.",
                "A first session belongs only with enrolled.",
            )),
            Some(s) => errors.extend(s.validate(today, received_on)),
            None => {}
        }
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: &str = "2027-01-04";

    #[test]
    fn a_first_session_comes_only_with_an_enrolment() {
        use crate::first_session::FirstSession;
        let fs = Some(FirstSession { on: "2027-01-11".into(), at: Some("17:00".into()) });
        let enrol = ReferralStatusChange { first_session: fs.clone(), ..ReferralStatusChange::to(ReferralStatus::Enrolled) };
        assert_eq!(enrol.validate(true, TODAY, TODAY), vec![]);
        let contacted = ReferralStatusChange { first_session: fs, ..ReferralStatusChange::to(ReferralStatus::Contacted) };
        assert_eq!(contacted.validate(true, TODAY, TODAY).into_iter().map(|e| e.field).collect::<Vec<_>>(), ["first_session"]);
    }

    #[test]
    fn the_waiting_list_comes_only_with_contacted() {
        assert_eq!(ReferralStatusChange::onto_waitlist().validate(true, TODAY, TODAY), vec![]);
        let enrol = ReferralStatusChange { waitlist: true, ..ReferralStatusChange::to(ReferralStatus::Enrolled) };
        assert_eq!(enrol.validate(false, TODAY, TODAY).into_iter().map(|e| e.field).collect::<Vec<_>>(), ["waitlist"]);
        // Not said, not sent: older clients' changes read as before.
        let json = serde_json::to_string(&ReferralStatusChange::to(ReferralStatus::Contacted)).unwrap();
        assert_eq!(json, r#"{"status":"contacted"}"#);
    }

    #[test]
    fn a_closing_note_is_required_only_where_a_referrer_reads_it() {
        let complete = ReferralStatusChange::to(ReferralStatus::Completed);
        let fields = |errors: Vec<crate::validation::FieldError>| errors.into_iter().map(|e| (e.field, e.message.da)).collect::<Vec<_>>();
        assert_eq!(fields(complete.validate(true, TODAY, TODAY)), [("note".to_owned(), "Skriv et kort afslutningsnotat til henviseren.".to_owned())]);
        assert_eq!(fields(complete.validate(false, TODAY, TODAY)), []);
        let other = ReferralStatusChange { reason: Some(DeclineReason::Other), ..ReferralStatusChange::to(ReferralStatus::Declined) };
        assert_eq!(fields(other.validate(true, TODAY, TODAY)), [("note".to_owned(), "Skriv kort, hvorfor henvisningen afvises.".to_owned())]);
        assert_eq!(fields(other.validate(false, TODAY, TODAY)), [("note".to_owned(), "Skriv kort, hvorfor henvendelsen afvises.".to_owned())]);
    }
}
