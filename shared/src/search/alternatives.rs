//! Other offers to suggest after a decline (the citizen's status page and receipt), so a "no" is
//! not a dead end that leads to another "no".

use super::{OfferHit, OfferSummary};
use crate::offer::Offer;
use crate::referral::DeclineReason;

/// Whether `other` may suit someone `declined` turned down (found by a walk: a KOL patient was
/// offered a course only for heart disease, and someone declined as outside 18–65 another
/// 18–65 course). The person has one of the illnesses the declined offer takes, so `other`
/// must take one of them too (or any); and a decline for the criteria rules out an offer whose
/// age limits are as tight, since those may well be what the person fell outside. Nor is the same
/// course of the same provider under another id (another team of it) another offer to the person:
/// it reads as the one that said no.
pub fn fits_instead(other: &OfferSummary, declined: &Offer, reason: Option<DeclineReason>) -> bool {
    let same_course = other.title == declined.title && other.provider_name == declined.provider.name;
    let theirs = declined.conditions_taken();
    let illness = other.conditions.is_empty() || theirs.is_empty() || other.conditions.iter().any(|c| theirs.contains(c));
    let e = &declined.eligibility;
    let as_tight = other.min_age.unwrap_or(0) >= e.min_age.unwrap_or(0) && other.max_age.unwrap_or(u8::MAX) <= e.max_age.unwrap_or(u8::MAX);
    other.id != declined.id && !same_course && illness && !(reason == Some(DeclineReason::NotEligible) && e.limits_age() && as_tight)
}

/// The two alternatives to show from `hits` (a search near the declined offer, nearest first):
/// those that fit ([`fits_instead`]); for a person's own request (`own_request`), first those they
/// can ask to join themselves, since one needing a referral means a doctor's appointment first.
pub fn pick(hits: Vec<OfferHit>, declined: &Offer, reason: Option<DeclineReason>, own_request: bool) -> Vec<OfferHit> {
    let mut fits: Vec<OfferHit> = hits.into_iter().filter(|h| fits_instead(&h.offer, declined, reason)).collect();
    if own_request {
        fits.sort_by_key(|h| !h.offer.self_referral);
    }
    fits.truncate(2);
    fits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer(id: &str, conditions: serde_json::Value, ages: (Option<u8>, Option<u8>)) -> serde_json::Value {
        serde_json::json!({
            "id": id, "title": format!("Hold {id}"), "summary": "s", "description": "d", "category": "fysisk-aktivitet",
            "conditions": conditions, "format": "on-site", "languages": ["da"],
            "schedule": { "enrolment": { "kind": "continuous" }, "slots": [] },
            "region": "midtjylland", "provider": { "id": "p", "name": "P", "kind": "municipality" },
            "referral": { "self_referral": true, "from_gp": true, "from_hospital": true, "from_municipality": true, "note": null },
            "eligibility": { "min_age": ages.0, "max_age": ages.1 },
            "capacity": "open", "cost": { "dkk": 0, "note": null }, "contact": { "name": null, "phone": null, "email": null, "url": null },
            "status": "published", "last_verified": "2026-11-01", "demo": true, "version": 1
        })
    }

    fn summary(json: serde_json::Value) -> OfferSummary {
        OfferSummary::from(&serde_json::from_value::<Offer>(json).expect("an offer"))
    }

    #[test]
    fn another_offer_fits_the_illness_and_not_the_same_age_limits() {
        let declined: Offer = serde_json::from_value(offer("d", serde_json::json!(["kol"]), (Some(18), Some(65)))).unwrap();
        let heart_only = summary(offer("h", serde_json::json!(["hjertesygdom"]), (None, None)));
        let for_kol = summary(offer("k", serde_json::json!(["kol", "hjertesygdom"]), (None, None)));
        let same_ages = summary(offer("s", serde_json::json!(["kol"]), (Some(18), Some(65))));
        let older_too = summary(offer("o", serde_json::json!([]), (Some(18), None)));
        assert!(!fits_instead(&heart_only, &declined, None), "a heart-only course for a KOL patient");
        assert!(fits_instead(&for_kol, &declined, Some(DeclineReason::NotEligible)));
        assert!(fits_instead(&same_ages, &declined, Some(DeclineReason::NoCapacity)), "full: the same limits may do");
        assert!(!fits_instead(&same_ages, &declined, Some(DeclineReason::NotEligible)), "outside 18–65: not another 18–65");
        assert!(fits_instead(&older_too, &declined, Some(DeclineReason::NotEligible)), "no upper limit");
        assert!(!fits_instead(&summary(offer("d", serde_json::json!(["kol"]), (None, None))), &declined, None), "itself");
        let mut another_team = offer("d2", serde_json::json!(["kol"]), (None, None));
        another_team["title"] = serde_json::json!("Hold d");
        assert!(!fits_instead(&summary(another_team), &declined, Some(DeclineReason::NoCapacity)), "the same course of the same provider");
    }

    #[test]
    fn a_persons_own_request_gets_offers_they_can_join_themselves_first() {
        let declined: Offer = serde_json::from_value(offer("d", serde_json::json!(["kol"]), (None, None))).unwrap();
        let hit = |id: &str, km: f64, self_referral: bool| {
            let mut o = offer(id, serde_json::json!(["kol"]), (None, None));
            o["referral"]["self_referral"] = serde_json::json!(self_referral);
            OfferHit { offer: summary(o), distance_km: Some(km), digital: false, across_water: false }
        };
        let hits = vec![hit("d", 0.0, true), hit("gp", 1.0, false), hit("near", 2.0, true), hit("far", 3.0, true)];
        let ids = |own| pick(hits.clone(), &declined, None, own).into_iter().map(|h| h.offer.id).collect::<Vec<_>>();
        assert_eq!(ids(true), ["near", "far"], "the declined offer never; sign-up before a referral");
        assert_eq!(ids(false), ["gp", "near"], "a clinician's patient: nearest first");
    }
}
