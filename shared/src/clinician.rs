//! The clinician's contract: their organisation, a referral through Forebyg (what is sent and
//! the rules the form and the API both apply) and "Mine henvisninger" (what they see of it).
//! Collect the minimum: the provider needs to reach the patient and know why.

use crate::contact;
use crate::referral::{self, ContactTime, DeclineReason, ReferralStatus, StatusEvent};
use crate::referral_route::ReferrerKind;
use crate::taxonomy::Condition;
use crate::validation::{self, ErrorCode, FieldError};
use crate::Label;
use serde::{Deserialize, Serialize};

code_enum! {
    /// The kind of organisation a clinician refers from.
    OrganisationKind {
        Practice = "practice", "Almen praksis", "General practice";
        HospitalDepartment = "hospital-department", "Hospitalsafdeling", "Hospital department";
        Municipality = "municipality", "Kommune", "Municipality";
    }
}

impl OrganisationKind {
    /// Which referral rule of an offer applies to clinicians of this kind.
    pub fn referrer(self) -> ReferrerKind {
        match self {
            OrganisationKind::Practice => ReferrerKind::Gp,
            OrganisationKind::HospitalDepartment => ReferrerKind::Hospital,
            OrganisationKind::Municipality => ReferrerKind::Municipality,
        }
    }
}

/// Where a clinician works, from their account (ID token claims `custom:org_kind`,
/// `custom:org_name`, `custom:sor`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Organisation {
    pub kind: OrganisationKind,
    /// E.g. "Lægerne i Vestergade" or "Aalborg Universitetshospital, Lungemedicinsk afd.".
    pub name: String,
    /// The organisation's SOR code (Sundhedsvæsenets Organisationsregister), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sor: Option<String>,
}

pub const REASON_MAX: usize = 500;

/// `POST /api/v1/clinician/offers/{id}/referrals` body.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClinicianReferralRequest {
    /// Generated once per form, as for self-referrals: a retry gets the first referral back.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9-]{16,64}$"))]
    pub idempotency_key: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::referral::openapi::name))]
    pub patient_name: String,
    /// A Danish phone number (8 digits, optionally after +45); this or `email` is required.
    pub phone: Option<String>,
    /// This or `phone` is required.
    pub email: Option<String>,
    /// Optional, 10 digits (a dash after the sixth is fine) starting with a real birth date;
    /// shown only to whoever handles the referral, never logged.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(pattern = "^\\s*([0-9]{6}-?[0-9]{4})?\\s*$"))]
    pub cpr: Option<String>,
    /// The reason: at least one condition ...
    #[cfg_attr(feature = "openapi", schema(min_items = 1))]
    pub conditions: Vec<Condition>,
    /// ... and a short text, e.g. "KOL GOLD B, motiveret for træning": optional, but required
    /// (422) when the offer says what a referral must contain (`referral.must_include`).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub reason: Option<String>,
    /// The patient needs an interpreter in this language (ISO 639-1, e.g. `ar`).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(pattern = "^\\s*([A-Za-z]{2})?\\s*$"))]
    pub interpreter_language: Option<String>,
    /// When the patient would rather be called by the provider (optional: the patient was not
    /// asked). The provider sees it with the referral.
    #[serde(default)]
    pub contact_time: Option<ContactTime>,
    /// The clinician confirms the patient agreed to the referral (must be `true`).
    pub patient_consent: bool,
}

impl ClinicianReferralRequest {
    /// Every problem with the request (`today` YYYY-MM-DD, for the CPR's birth date).
    pub fn validate(&self, today: &str) -> Vec<FieldError> {
        let mut errors = vec![];
        errors.extend(referral::idempotency_key_error(&self.idempotency_key));
        errors.extend(
            validation::text_length("patient_name", ("patientens navn", "the patient's name"), &self.patient_name, 2, referral::NAME_MAX)
                .err()
                .map(|e| match e.code {
                    ErrorCode::Required => FieldError::new("patient_name", e.code, "Skriv patientens navn.", "Enter the patient's name."),
                    ErrorCode::TooShort => FieldError::new("patient_name", e.code, "Skriv patientens fulde navn.", "Enter the patient's full name."),
                    _ => e,
                })
                .or_else(|| contact::name_without_letters("patient_name", &self.patient_name, ("patientens navn", "the patient's name"))),
        );
        errors.extend(contact::contact_errors(self.phone.as_deref(), self.email.as_deref(), contact::ContactWords::PATIENT));
        if let Some(cpr) = self.cpr.as_deref().filter(|c| !c.trim().is_empty()) {
            errors.extend(crate::cpr::validate("cpr", cpr, today).err());
        }
        if self.conditions.is_empty() {
            errors.push(FieldError::new("conditions", ErrorCode::Required, "Vælg mindst én sygdom.", "Choose at least one condition."));
        }
        if let Some(r) = &self.reason {
            errors.extend(validation::text_length("reason", ("begrundelsen", "the reason"), r, 0, REASON_MAX).err());
        }
        if let Some(l) = self.interpreter_language.as_deref().filter(|l| !l.trim().is_empty()) {
            if normalise_language(l).is_none() {
                errors.push(FieldError::new(
                    "interpreter_language",
                    ErrorCode::Invalid,
                    "Angiv tolkesproget som en tobogstavskode, fx ar.",
                    "Give the interpreter's language as a two-letter code, e.g. ar.",
                ));
            }
        }
        if !self.patient_consent {
            errors.push(FieldError::new(
                "patient_consent",
                ErrorCode::Required,
                "Bekræft, at patienten har sagt ja til henvisningen.",
                "Confirm that the patient agreed to the referral.",
            ));
        }
        errors
    }
}

/// The provider asks a referral to contain something (`must_include`: a diagnosis, the latest
/// measurements) and the reason is empty: it cannot hold it. Checked by the form with the other
/// fields and by the API.
pub fn reason_missing(reason: Option<&str>, must_include: Option<&Label>) -> Option<FieldError> {
    let needed = must_include.filter(|_| reason.is_none_or(|r| r.trim().is_empty()))?;
    let (da, en) = (needed.da.trim().trim_end_matches('.'), needed.en.trim().trim_end_matches('.'));
    Some(FieldError::new(
        "reason",
        ErrorCode::Required,
        format!("Skriv det, henvisningen skal indeholde: {da}."),
        format!("Write what the referral must contain: {en}."),
    ))
}

/// An ISO 639-1 code, lower case.
pub fn normalise_language(code: &str) -> Option<String> {
    let l = code.trim().to_ascii_lowercase();
    (l.len() == 2 && l.bytes().all(|b| b.is_ascii_lowercase())).then_some(l)
}

/// A referral as the clinician who sent it sees it ("Mine henvisninger"). No CPR number: the
/// clinician has it in their own system, and only the handler sees it here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClinicianReferral {
    /// The referral's code, e.g. `K7QM-4XRT` (the provider sees the same).
    pub code: String,
    pub offer_id: String,
    pub offer_title: String,
    pub patient_name: String,
    /// The patient's phone and e-mail as sent, for the clinician to check (a wrong number is a
    /// referral no one can act on): only in the read of one referral, never in the list; gone
    /// once the referral is withdrawn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// When the patient would rather be called, as sent; like the contact, only in the read of
    /// one referral.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_time: Option<ContactTime>,
    pub conditions: Vec<Condition>,
    pub reason: Option<String>,
    pub interpreter_language: Option<String>,
    pub cpr_given: bool,
    pub status: ReferralStatus,
    /// Set when declined.
    pub decline_reason: Option<DeclineReason>,
    /// The provider's note with a decline (with reason `other`) or the closing note.
    pub note: Option<String>,
    /// Every status change, oldest first (the first is `received`).
    pub history: Vec<StatusEvent>,
    /// The offer has a waiting list: the patient is put on it.
    pub waitlist: bool,
    /// Unix seconds.
    pub created_at: i64,
    pub updated_at: i64,
    /// YYYY-MM-DD after which the referral and its personal data are deleted.
    pub expires_on: String,
    /// YYYY-MM-DD by which the provider promised to contact the patient (none for a waiting list
    /// or an offer that promises none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_by: Option<String>,
    /// Still `received` after `contact_by` ([`crate::referral::contact_overdue`]): time to call.
    #[serde(default)]
    pub overdue: bool,
    /// Someone other than the clinician changed it after `since` (an earlier list's `cursor`), or
    /// at all when no `since` is given (the clinician's first look).
    pub changed: bool,
    /// The clinician may still withdraw it.
    pub withdrawable: bool,
}

/// `GET /api/v1/clinician/referrals` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClinicianReferralList {
    /// Pass as `since` next time to learn what changed after this answer (a change in the same
    /// second as this answer may be reported again, never missed).
    pub cursor: i64,
    /// Newest first.
    pub referrals: Vec<ClinicianReferral>,
}

/// `GET /api/v1/clinician/me` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClinicianProfile {
    pub subject: String,
    pub name: Option<String>,
    pub organisation: Organisation,
    /// Which referral rule of an offer applies to this clinician.
    pub referrer: ReferrerKind,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> ClinicianReferralRequest {
        ClinicianReferralRequest {
            idempotency_key: "clinic-0123456789abcdef".into(),
            patient_name: "Karen Jensen".into(),
            phone: Some("22 34 56 78".into()),
            conditions: vec![Condition::Kol],
            patient_consent: true,
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_request() {
        let today = "2027-03-01";
        assert_eq!(valid().validate(today), vec![]);
        let full = ClinicianReferralRequest {
            cpr: Some("010160-1234".into()),
            reason: Some("Motiveret".into()),
            interpreter_language: Some("AR".into()),
            ..valid()
        };
        assert_eq!(full.validate(today), vec![]);
    }

    #[test]
    fn each_rule_names_its_field() {
        let fields = |r: ClinicianReferralRequest| r.validate("2027-03-01").into_iter().map(|e| (e.field, e.code)).collect::<Vec<_>>();
        let one = |f: &str, c| vec![(f.to_owned(), c)];
        assert_eq!(fields(ClinicianReferralRequest { idempotency_key: "x".into(), ..valid() }), one("idempotency_key", ErrorCode::Invalid));
        assert_eq!(fields(ClinicianReferralRequest { patient_name: "".into(), ..valid() }), one("patient_name", ErrorCode::Required));
        assert_eq!(fields(ClinicianReferralRequest { patient_name: "..".into(), ..valid() }), one("patient_name", ErrorCode::Invalid));
        assert_eq!(fields(ClinicianReferralRequest { phone: None, ..valid() }), one("phone", ErrorCode::Required));
        assert_eq!(fields(ClinicianReferralRequest { cpr: Some("310260-1234".into()), ..valid() }), one("cpr", ErrorCode::Invalid));
        assert_eq!(fields(ClinicianReferralRequest { conditions: vec![], ..valid() }), one("conditions", ErrorCode::Required));
        assert_eq!(fields(ClinicianReferralRequest { reason: Some("x".repeat(501)), ..valid() }), one("reason", ErrorCode::TooLong));
        assert_eq!(
            fields(ClinicianReferralRequest { interpreter_language: Some("arabic".into()), ..valid() }),
            one("interpreter_language", ErrorCode::Invalid)
        );
        assert_eq!(fields(ClinicianReferralRequest { patient_consent: false, ..valid() }), one("patient_consent", ErrorCode::Required));
    }

    #[test]
    fn a_patient_phone_starting_with_0_or_1_is_told_the_rule() {
        let errors = ClinicianReferralRequest { phone: Some("12345678".into()), ..valid() }.validate("2027-03-01");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.da.contains("8 cifre, der begynder med 2–9"), "{}", errors[0].message.da);
    }

    #[test]
    fn organisations_map_to_referrer_kinds() {
        assert_eq!(OrganisationKind::Practice.referrer(), ReferrerKind::Gp);
        assert_eq!(OrganisationKind::HospitalDepartment.referrer(), ReferrerKind::Hospital);
        assert_eq!(OrganisationKind::Municipality.referrer(), ReferrerKind::Municipality);
    }
}
