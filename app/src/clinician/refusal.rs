//! What a refused request means on the clinician pages, in the UI's language: one sentence per
//! problem type the API answers with (`forebyg_shared::problem::types`), never the API's English
//! `detail` and never "Der skete en fejl hos os" for an answer that is no fault of ours.

use super::texts as t;
use crate::api::ApiError;
use forebyg_shared::offer::ReferralRules;
use forebyg_shared::problem::types;
use forebyg_shared::referral_route::{forebyg_refusal, referrer_refusal, ReferrerKind};
use forebyg_shared::taxonomy::Capacity;
use forebyg_shared::Lang;

/// Why sending the referral form was refused (its field errors aside: they go next to the
/// fields). `rules`: the offer's referral rules as the page loaded them; `referrer`: the
/// clinician's kind.
pub fn referral_refused(e: &ApiError, rules: &ReferralRules, referrer: ReferrerKind, lang: Lang) -> String {
    let fixed = |text: crate::i18n::Text| text.get(lang).to_owned();
    match e {
        // Unpublished (or deleted) since the page was loaded.
        e if e.is_not_found() => fixed(t::REFER_OFFER_GONE),
        e if e.status() == Some(403) => fixed(t::NOT_A_CLINICIAN),
        e if e.status() == Some(429) => fixed(t::REFER_RATE_LIMITED),
        ApiError::Problem(p) if p.status == 409 => {
            // The API's own reason, re-derived from the loaded rules in the UI's language when
            // they give the same refusal (who may refer); else the type's sentence.
            let derived = forebyg_refusal(rules, Capacity::Full, referrer).filter(|r| r.problem_type == p.kind);
            match (derived, p.kind.as_str()) {
                (Some(r), _) => r.reason.get(lang).to_owned(),
                (None, types::OFFER_FULL) => fixed(t::REFER_FULL),
                (None, types::OFFER_CLOSED) => fixed(t::REFER_OFFER_GONE),
                (None, types::REFERRER_NOT_ACCEPTED) => fixed(t::REFER_RULES_CHANGED),
                (None, _) => fixed(t::REFER_CONFLICT),
            }
        }
        e => e.message(lang).to_owned(),
    }
}

/// Why a signed-in clinician of `kind` may not refer to an offer with these rules at all, and
/// whether the patient can sign up themself: shown instead of "Henvis" on the search's card and
/// the offer page. `None` when their kind may refer (by some route).
pub fn not_yours(rules: &ReferralRules, kind: ReferrerKind, lang: Lang) -> Option<String> {
    let reason = referrer_refusal(rules, kind)?.reason.get(lang).to_owned();
    Some(if rules.self_referral { format!("{reason} {}", t::SELF_SIGN_UP.get(lang)) } else { reason })
}

/// What the referral page says when a withdrawal is refused, and whether it reads the referral
/// again (its status changed under the clinician: the page must show the current one).
pub fn withdraw_refused(e: &ApiError, lang: Lang) -> (&'static str, bool) {
    match e {
        // Enrolled, declined or completed by the provider meanwhile: no longer the sender's.
        ApiError::Problem(p) if p.kind == types::REFERRAL_CLOSED => (t::WITHDRAW_CLOSED.get(lang), true),
        // Changed at the same moment: read it again, and the clinician may try again.
        ApiError::Problem(p) if p.kind == types::STALE_VERSION => (t::WITHDRAW_STALE.get(lang), true),
        e if e.is_not_found() => (t::NOT_FOUND.get(lang), true),
        e => (e.message(lang), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use forebyg_shared::problem::Problem;

    fn problem(kind: &str, status: u16) -> ApiError {
        ApiError::Problem(Problem {
            kind: kind.into(),
            title: "The offer cannot take this referral".into(),
            status,
            detail: Some("The offer does not take referrals from a GP. Referral from: Hospital.".into()),
            errors: vec![],
        })
    }

    fn rules(from_gp: bool) -> ReferralRules {
        ReferralRules {
            response_days: Some(3),
            self_referral: false,
            from_gp,
            from_hospital: true,
            from_municipality: false,
            note: None,
            methods: vec![],
            must_include: None,
        }
    }

    #[test]
    fn an_offer_gone_since_the_page_loaded_says_so() {
        let gone = referral_refused(&problem(types::NOT_FOUND, 404), &rules(true), ReferrerKind::Gp, Lang::Da);
        assert_eq!(gone, "Tilbuddet er lukket eller taget af Forebyg, siden du åbnede siden, og tager ikke imod nye henvisninger. Find et andet tilbud i søgningen.");
        assert_ne!(gone, crate::i18n::SERVER_ERROR.da);
        assert!(
            referral_refused(&ApiError::Http(404), &rules(true), ReferrerKind::Gp, Lang::En).starts_with("The offer closed or was taken off Forebyg")
        );
    }

    #[test]
    fn a_conflict_is_said_in_the_uis_language_never_the_apis_detail() {
        let refused = |kind: &str, gp: bool, lang| referral_refused(&problem(kind, 409), &rules(gp), ReferrerKind::Gp, lang);
        // The loaded rules still take GPs: they changed since, and cannot say why.
        for lang in [Lang::Da, Lang::En] {
            for kind in [types::REFERRER_NOT_ACCEPTED, types::OFFER_FULL, types::STALE_VERSION, "urn:forebyg:problem:something-new"] {
                let text = refused(kind, true, lang);
                assert!(!text.contains("Referral from: Hospital") && text != crate::i18n::SERVER_ERROR.get(lang), "{kind}: {text}");
            }
        }
        assert_eq!(refused(types::REFERRER_NOT_ACCEPTED, true, Lang::Da), t::REFER_RULES_CHANGED.da);
        assert_eq!(refused(types::OFFER_FULL, true, Lang::Da), "Tilbuddet er fuldt booket og har ingen venteliste.");
        assert_eq!(refused(types::STALE_VERSION, true, Lang::En), t::REFER_CONFLICT.en);
        // The loaded rules give the same refusal: the reason, naming who may refer, in Danish.
        assert_eq!(
            refused(types::REFERRER_NOT_ACCEPTED, false, Lang::Da),
            "Tilbuddet tager ikke imod henvisninger fra egen læge. Henvisning fra: hospital."
        );
        // Others.
        assert_eq!(referral_refused(&problem(types::FORBIDDEN, 403), &rules(true), ReferrerKind::Gp, Lang::Da), t::NOT_A_CLINICIAN.da);
        assert_eq!(referral_refused(&problem(types::RATE_LIMITED, 429), &rules(true), ReferrerKind::Gp, Lang::Da), t::REFER_RATE_LIMITED.da);
        assert_eq!(referral_refused(&ApiError::Network, &rules(true), ReferrerKind::Gp, Lang::Da), crate::i18n::NETWORK_ERROR.da);
    }

    #[test]
    fn a_withdrawal_the_provider_overtook_says_so_and_reads_the_referral_again() {
        assert_eq!(withdraw_refused(&problem(types::REFERRAL_CLOSED, 409), Lang::Da), (t::WITHDRAW_CLOSED.da, true));
        assert!(t::WITHDRAW_CLOSED.da.starts_with("Henvisningen kan ikke længere trækkes tilbage"));
        assert_eq!(withdraw_refused(&problem(types::STALE_VERSION, 409), Lang::En), (t::WITHDRAW_STALE.en, true));
        assert_eq!(withdraw_refused(&problem(types::NOT_FOUND, 404), Lang::Da), (t::NOT_FOUND.da, true));
        assert_eq!(withdraw_refused(&ApiError::Network, Lang::Da), (crate::i18n::NETWORK_ERROR.da, false));
        assert_eq!(withdraw_refused(&ApiError::Http(500), Lang::Da), (crate::i18n::SERVER_ERROR.da, false));
    }

    #[test]
    fn a_clinician_whose_kind_may_not_refer_is_told_why_and_whether_the_patient_can_sign_up() {
        // An offer that takes no GP referrals: a GP is told so, and that the patient may sign up
        // where the offer allows it; a hospital may refer (by some route): nothing to say.
        let own = ReferralRules { self_referral: true, ..rules(false) };
        assert_eq!(
            not_yours(&own, ReferrerKind::Gp, Lang::Da).as_deref(),
            Some("Tilbuddet tager ikke imod henvisninger fra egen læge. Henvisning fra: hospital, borgeren selv. Patienten kan selv melde sig.")
        );
        assert!(not_yours(&rules(false), ReferrerKind::Gp, Lang::En).is_some_and(|w| !w.contains("sign up")));
        assert_eq!(not_yours(&own, ReferrerKind::Hospital, Lang::Da), None);
    }
}
