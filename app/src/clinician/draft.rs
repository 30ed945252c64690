//! The referral form kept while the clinician signs in again: an expired sign-in sends the browser
//! to the sign-in page and back, and the GP must not come back to an empty form. It is kept in the
//! tab's sessionStorage only (never localStorage: it is health data), for the offer and the
//! account it was typed for, for at most [`MAX_AGE_MS`], and read once ([`crate::kept`]'s rules): restored on that offer's
//! form, dropped anywhere else, once sent, and on signing out. The CPR number is never kept (the
//! most sensitive field, and one the GP has at hand in their own system): the form says to type
//! it again.

use super::texts as t;
use forebyg_shared::clinician::ClinicianReferralRequest;
use forebyg_shared::referral::ContactTime;
use forebyg_shared::taxonomy::Condition;
use forebyg_shared::Lang;
use serde::{Deserialize, Serialize};

/// How long a kept form waits for its clinician to sign in again (the shared rule).
pub use crate::kept::MAX_AGE_MS;

/// The form as typed, but for the CPR number; kept as JSON ([`crate::wire`]).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Draft {
    pub offer_id: String,
    /// Whose form it is ([`super::account::account_key`]): another clinician signing in in the
    /// same tab never sees it.
    pub account: String,
    /// When it was kept (ms since the epoch).
    pub saved_at: u64,
    pub patient_name: String,
    pub phone: String,
    pub email: String,
    pub conditions: Vec<Condition>,
    pub reason: String,
    pub interpreter_language: String,
    /// Absent in a form kept before the form asked.
    #[serde(default)]
    pub contact_time: Option<ContactTime>,
    pub patient_consent: bool,
    /// A CPR number had been typed: not kept, so the form asks for it again.
    pub cpr_typed: bool,
}

impl Draft {
    /// What is kept of the form's request `req` for `offer_id`, typed by `account` at `now_ms`:
    /// everything the clinician typed but the CPR number (and the idempotency key: nothing was
    /// sent).
    pub fn of(req: &ClinicianReferralRequest, offer_id: &str, account: &str, now_ms: u64) -> Draft {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        Draft {
            offer_id: offer_id.to_owned(),
            account: account.to_owned(),
            saved_at: now_ms,
            patient_name: req.patient_name.clone(),
            phone: text(&req.phone),
            email: text(&req.email),
            conditions: req.conditions.clone(),
            reason: text(&req.reason),
            interpreter_language: text(&req.interpreter_language),
            contact_time: req.contact_time,
            patient_consent: req.patient_consent,
            cpr_typed: req.cpr.as_deref().is_some_and(|c| !c.trim().is_empty()),
        }
    }

    /// Whether this form goes back into the form for `offer_id` of the clinician `account` at `now_ms`.
    pub fn restorable(&self, offer_id: &str, account: &str, now_ms: u64) -> bool {
        self.offer_id == offer_id && self.account == account && crate::kept::fresh(self.saved_at, now_ms)
    }

    /// As kept in the tab's storage.
    pub fn to_text(&self) -> String {
        crate::wire::to_json(self)
    }

    /// A kept form read back; `None` when the text is no kept form.
    pub fn from_text(text: &str) -> Option<Draft> {
        crate::wire::from_json::<Draft>(text).filter(|d| !d.offer_id.is_empty() && !d.account.is_empty())
    }

    /// The sentence above a restored form.
    pub fn restored_text(&self, lang: Lang) -> String {
        let mut text = t::DRAFT_RESTORED.get(lang).to_owned();
        if self.cpr_typed {
            text.push(' ');
            text.push_str(t::DRAFT_CPR_AGAIN.get(lang));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The form as typed, CPR number included.
    fn request() -> ClinicianReferralRequest {
        ClinicianReferralRequest {
            idempotency_key: "clinic-0123456789abcdef".into(),
            patient_name: "Karen Jensen".into(),
            phone: Some("12 34 56 78".into()),
            cpr: Some("010160-1234".into()),
            conditions: vec![Condition::Kol],
            reason: Some("Motiveret".into()),
            interpreter_language: Some("ar".into()),
            contact_time: Some(ContactTime::LateAfternoon),
            patient_consent: true,
            ..Default::default()
        }
    }

    fn typed() -> Draft {
        Draft::of(&request(), "demo-1", &super::super::account::account_key("gp-a"), 1_000_000)
    }

    #[test]
    fn only_the_same_offer_and_account_get_it_back_and_only_soon() {
        let d = typed();
        let me = super::super::account::account_key("gp-a");
        assert!(d.restorable("demo-1", &me, 1_000_000 + 60_000));
        assert!(!d.restorable("demo-2", &me, 1_000_060), "another offer's form");
        assert!(!d.restorable("demo-1", &super::super::account::account_key("gp-b"), 1_000_060), "another clinician in the same tab");
        assert!(!d.restorable("demo-1", &me, 1_000_000 + MAX_AGE_MS + 1), "abandoned");
        assert!(!d.restorable("demo-1", &me, 999_000), "a clock gone back");
    }

    #[test]
    fn it_keeps_the_form_but_no_cpr_number_and_says_so() {
        let d = typed();
        assert_eq!((d.patient_name.as_str(), d.phone.as_str(), d.email.as_str()), ("Karen Jensen", "12 34 56 78", ""));
        assert_eq!(
            (d.conditions.clone(), d.reason.as_str(), d.interpreter_language.as_str(), d.contact_time, d.patient_consent),
            (vec![Condition::Kol], "Motiveret", "ar", Some(ContactTime::LateAfternoon), true)
        );
        let kept = d.to_text();
        assert!(!kept.contains("010160") && !kept.contains("1234") && !kept.contains("clinic-"), "{kept}");
        assert!(d.cpr_typed);
        assert_eq!(Draft::from_text(&kept), Some(typed()));
        assert_eq!(
            typed().restored_text(Lang::Da),
            "Vi har gemt det, du skrev i formularen. Tjek oplysningerne, og send henvisningen. \
             CPR-nummeret gemmer vi ikke: skriv det igen, hvis det skal med."
        );
        let no_cpr = Draft::of(&ClinicianReferralRequest { cpr: Some("  ".into()), ..request() }, "demo-1", "a", 0);
        assert!(!no_cpr.cpr_typed);
        assert!(!no_cpr.restored_text(Lang::En).contains("CPR"));
    }

    #[test]
    fn any_text_survives_being_kept() {
        let reason = "KOL GOLD B\nmotiveret\tfor træning \\ \"ja\"\r\n\\n";
        let d = Draft { reason: reason.into(), email: "a\\tb@x.dk".into(), ..typed() };
        assert_eq!(Draft::from_text(&d.to_text()).map(|d| (d.reason, d.email)), Some((reason.to_owned(), "a\\tb@x.dk".to_owned())));
        assert_eq!(Draft::from_text("not a kept form"), None);
        assert_eq!(Draft::from_text(""), None);
    }
}
