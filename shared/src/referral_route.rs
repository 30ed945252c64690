//! The referral route of an offer, as rules: who may refer, how, and whether a clinician can
//! refer through Forebyg right now. The API refuses with [`forebyg_refusal`]'s reason and the
//! clinician pages show the same reason next to a disabled button.

use crate::offer::ReferralRules;
use crate::problem::types;
use crate::taxonomy::Capacity;
use crate::Label;

code_enum! {
    /// Who sends a referral (or the citizen themself).
    ReferrerKind {
        Gp = "gp", "Egen læge", "GP";
        Hospital = "hospital", "Hospital", "Hospital";
        Municipality = "municipality", "Kommune", "Municipality";
        SelfReferral = "self", "Borgeren selv", "The citizen themself";
    }
}

code_enum! {
    /// How a clinician sends a referral: `electronic` is MedCom's "kommunehenvisning" (XREF15)
    /// from the GP or hospital system; `forebyg` is through Forebyg by a signed-in clinician (the
    /// provider answers in its inbox); `phone` is a call to the offer.
    ReferralMethod {
        // Said for every referrer: a walk's hospital nurse read "fra lægesystemet" as not for her.
        Electronic = "electronic", "Elektronisk henvisning fra lægesystem eller EPJ (kommunehenvisning, XREF15)", "Electronic referral from the GP system or EPR (kommunehenvisning, XREF15)";
        Forebyg = "forebyg", "Henvisning gennem Forebyg", "Referral through Forebyg";
        Phone = "phone", "Ring til tilbuddet", "Call the offer";
    }
}

impl ReferralRules {
    /// Whether this kind of referrer may refer (or the citizen sign up themself).
    pub fn accepts(&self, kind: ReferrerKind) -> bool {
        match kind {
            ReferrerKind::Gp => self.from_gp,
            ReferrerKind::Hospital => self.from_hospital,
            ReferrerKind::Municipality => self.from_municipality,
            ReferrerKind::SelfReferral => self.self_referral,
        }
    }

    /// Everyone who may refer, in [`ReferrerKind::ALL`] order.
    pub fn referrers(&self) -> Vec<ReferrerKind> {
        ReferrerKind::ALL.iter().copied().filter(|k| self.accepts(*k)).collect()
    }

    /// Referrals through Forebyg are taken: listed, or no methods stated (older records).
    pub fn takes_forebyg(&self) -> bool {
        self.methods.is_empty() || self.methods.contains(&ReferralMethod::Forebyg)
    }
}

/// Why a clinician cannot refer through Forebyg right now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The problem type of the API's 409 answer.
    pub problem_type: &'static str,
    pub reason: Label,
}

/// `Some` when the offer takes no referrals from a referrer of `kind` at all, by any route: the
/// first thing to tell them, before how the offer is referred to (a hospital nurse must not be
/// sent to a route the offer only opens to GPs).
pub fn referrer_refusal(rules: &ReferralRules, kind: ReferrerKind) -> Option<Refusal> {
    if rules.accepts(kind) {
        return None;
    }
    let (da, en) = (kind.label(crate::Lang::Da).to_lowercase(), kind.label(crate::Lang::En));
    let who_da: Vec<String> = rules.referrers().iter().map(|k| k.label(crate::Lang::Da).to_lowercase()).collect();
    let who_en: Vec<&str> = rules.referrers().iter().map(|k| k.label(crate::Lang::En)).collect();
    Some(Refusal {
        problem_type: types::REFERRER_NOT_ACCEPTED,
        reason: Label {
            da: format!("Tilbuddet tager ikke imod henvisninger fra {da}. Henvisning fra: {}.", who_da.join(", ")),
            en: format!("The offer does not take referrals from a {en}. Referral from: {}.", who_en.join(", ")),
        },
    })
}

/// `None` when a referrer of `kind` may refer a patient through Forebyg to an offer with these
/// rules and this capacity (a waiting list counts as room). Who may refer is checked first
/// ([`referrer_refusal`]), then the route, then room.
pub fn forebyg_refusal(rules: &ReferralRules, capacity: Capacity, kind: ReferrerKind) -> Option<Refusal> {
    if let Some(refused) = referrer_refusal(rules, kind) {
        return Some(refused);
    }
    if !rules.takes_forebyg() {
        return Some(Refusal {
            problem_type: types::REFERRER_NOT_ACCEPTED,
            reason: Label::new(
                "Tilbuddet tager ikke imod henvisninger gennem Forebyg. Brug den henvisningsvej, tilbuddet angiver.",
                "The offer does not take referrals through Forebyg. Use the referral route the offer states.",
            ),
        });
    }
    if capacity == Capacity::Full {
        return Some(Refusal {
            problem_type: types::OFFER_FULL,
            reason: Label::new("Tilbuddet er fuldt booket og har ingen venteliste.", "The offer is full and has no waiting list."),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> ReferralRules {
        ReferralRules {
            response_days: None,
            self_referral: false,
            from_gp: true,
            from_hospital: false,
            from_municipality: true,
            note: None,
            methods: vec![],
            must_include: None,
        }
    }

    #[test]
    fn who_may_refer() {
        let r = rules();
        assert_eq!(r.referrers(), [ReferrerKind::Gp, ReferrerKind::Municipality]);
        assert!(r.takes_forebyg(), "no methods stated: Forebyg is accepted");
        assert_eq!(forebyg_refusal(&r, Capacity::Waitlist, ReferrerKind::Gp), None);
        let refused = forebyg_refusal(&r, Capacity::Open, ReferrerKind::Hospital).unwrap();
        assert_eq!(refused.problem_type, types::REFERRER_NOT_ACCEPTED);
        assert_eq!(refused.reason.en, "The offer does not take referrals from a Hospital. Referral from: GP, Municipality.");
    }

    #[test]
    fn methods_and_capacity() {
        let phone_only = ReferralRules { methods: vec![ReferralMethod::Phone], ..rules() };
        assert!(!phone_only.takes_forebyg());
        assert!(forebyg_refusal(&phone_only, Capacity::Open, ReferrerKind::Gp).unwrap().reason.da.contains("gennem Forebyg"));
        assert_eq!(forebyg_refusal(&rules(), Capacity::Full, ReferrerKind::Gp).unwrap().problem_type, types::OFFER_FULL);
        // An offer referred to by XREF15 only that takes no hospital referrals: a hospital is told
        // it may not refer at all, not to use a route it cannot.
        let gp_xref = ReferralRules { methods: vec![ReferralMethod::Electronic], self_referral: true, ..rules() };
        let hospital = forebyg_refusal(&gp_xref, Capacity::Full, ReferrerKind::Hospital).unwrap();
        assert_eq!(Some(&hospital), referrer_refusal(&gp_xref, ReferrerKind::Hospital).as_ref());
        assert!(hospital.reason.da.starts_with("Tilbuddet tager ikke imod henvisninger fra hospital."), "{}", hospital.reason.da);
        assert_eq!(referrer_refusal(&gp_xref, ReferrerKind::Gp), None, "a GP may refer, by XREF15");
        assert!(forebyg_refusal(&gp_xref, Capacity::Open, ReferrerKind::Gp).unwrap().reason.da.contains("gennem Forebyg"));
        let json = serde_json::to_string(&ReferralRules { methods: vec![ReferralMethod::Electronic, ReferralMethod::Forebyg], ..rules() }).unwrap();
        assert!(json.ends_with(r#""methods":["electronic","forebyg"]}"#), "{json}");
        let old: ReferralRules =
            serde_json::from_str(r#"{"self_referral":true,"from_gp":true,"from_hospital":false,"from_municipality":false,"note":null}"#).unwrap();
        assert_eq!((old.methods.len(), old.must_include), (0, None));
    }
}
