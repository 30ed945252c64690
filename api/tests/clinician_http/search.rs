//! The clinician search over HTTP: offers grouped by intervention with who is eligible, and the
//! patient's language (first) and times.

use super::*;
use forebyg_shared::eligibility::Verdict;
use forebyg_shared::search::clinician::{ClinicianHit, ClinicianSearchResponse};
use forebyg_shared::taxonomy::Category;

#[test]
fn the_search_groups_offers_and_says_who_is_eligible() {
    let (server, _d, _s) = start();
    let res = server.get("/api/v1/clinician/offers?conditions=kol&postcode=9000&age=67");
    assert_eq!(res.status, 200, "{}", res.body);
    let r: ClinicianSearchResponse = res.json();
    assert_eq!(r.origin.place_name.as_deref(), Some("Aalborg"));
    let cats: Vec<Category> = r.groups.iter().map(|g| g.category).collect();
    assert_eq!(cats, Category::REQUIRED, "the six interventions, intake conversation first; no stress group without anxiety");
    assert!(r.groups[0].default_referral && r.groups.iter().skip(1).all(|g| !g.default_referral));
    let hits: Vec<_> = r.groups.iter().flat_map(|g| g.nearby.iter().chain(&g.digital)).collect();
    assert!(hits.iter().all(|h| h.offer.conditions.contains(&Condition::Kol)));
    // Each group: those the patient may join first, then those to check, then the rest, within
    // each those with room, then those with a waiting list, then the full ones, then
    // nearest first, but within each 5 km those for the patient's illness before those for every
    // chronic condition; its first three are the first three of its (up to) ten.
    let ten: ClinicianSearchResponse = server.get("/api/v1/clinician/offers?conditions=kol&postcode=9000&age=67&per_group=10").json();
    for (g, g10) in r.groups.iter().zip(&ten.groups) {
        let room = |c: Capacity| match c {
            Capacity::Open | Capacity::FewPlaces => 0,
            Capacity::Waitlist => 1,
            Capacity::Full => 2,
        };
        let (step, general) = (|h: &ClinicianHit| (h.distance_km.unwrap() / 5.0).floor() as u8, ClinicianHit::for_every_condition);
        let order: Vec<(u8, u8, u8, bool, f64)> =
            g10.nearby.iter().map(|h| (h.eligibility.verdict.rank(), room(h.offer.capacity), step(h), general(h), h.distance_km.unwrap())).collect();
        assert!(
            order.windows(2).all(|w| w[0] <= w[1]) && order.iter().all(|(.., d)| *d <= 25.0),
            "the patient's best first within the radius: {order:?}"
        );
        assert!(g.nearby.len() <= 3 && g.nearby_total as usize >= g.nearby.len() && g.digital.iter().all(|h| h.distance_km.is_none()));
        assert_eq!(g.nearby, g10.nearby[..g.nearby.len()], "{:?}", g.category);
    }
    let intake = &r.groups[0];
    assert_eq!(
        intake.nearby[0].eligibility.verdict,
        Verdict::Eligible,
        "the nearest intake conversation near 9000 is for 18–65; one the patient may join comes first"
    );
    assert!(
        ten.groups[0].nearby.iter().any(|h| h.eligibility.verdict == Verdict::NotEligible && h.distance_km < intake.nearby[0].distance_km),
        "a nearer one the patient may not join is further down"
    );
    let hits10: Vec<_> = ten.groups.iter().flat_map(|g| g.nearby.iter()).collect();
    let not_eligible = hits10.iter().find(|h| h.eligibility.verdict == Verdict::NotEligible).expect("a not-eligible offer near 9000");
    assert!(not_eligible.eligibility.reasons.iter().any(|r| r.en == "For people aged 18–65" && r.da == "For personer på 18–65 år"));
    assert!(hits.iter().any(|h| h.eligibility.verdict == Verdict::Eligible));
    assert!(hits.iter().all(|h| !h.languages.is_empty() && (h.referral.from_gp || h.referral.self_referral)));

    let anxious: ClinicianSearchResponse = server.get("/api/v1/clinician/offers?conditions=angst-depression&postcode=8000").json();
    assert_eq!(
        anxious.groups[1].category,
        Category::StressAngstDepression,
        "the offers for anxiety and depression right after the intake conversation"
    );

    let bad = server.get("/api/v1/clinician/offers?conditions=kol,flu&postcode=90&age=200");
    assert_eq!(bad.status, 422);
    let p: Problem = bad.json();
    assert_eq!(p.errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["conditions", "postcode", "age"]);
    assert_eq!(server.get("/api/v1/clinician/offers?conditions=kol").status, 422, "a place is required");
}

/// A patient who speaks English: `language=en` leaves every offer in (the same counts) and puts
/// those given in English first in each group, nearby and digital, among those the patient may
/// join: one the unlanguaged search's caps (three nearby, two digital per group) hide comes up;
/// a language that is no code is the same field error as in the citizen search.
#[test]
fn the_patients_language_comes_first() {
    let (server, _d, _s) = start();
    let all: ClinicianSearchResponse = server.get("/api/v1/clinician/offers?postcode=8000").json();
    let res = server.get("/api/v1/clinician/offers?postcode=8000&language=en");
    assert_eq!(res.status, 200, "{}", res.body);
    let english: ClinicianSearchResponse = res.json();
    let counts = |r: &ClinicianSearchResponse| r.groups.iter().map(|g| (g.category, g.nearby_total, g.digital_total)).collect::<Vec<_>>();
    assert_eq!(counts(&english), counts(&all), "the language leaves no offer out");
    let ids = |hits: &[forebyg_shared::search::clinician::ClinicianHit]| hits.iter().map(|h| h.offer.id.clone()).collect::<Vec<_>>();
    let mut brought_up = 0;
    for (g, g_all) in english.groups.iter().zip(&all.groups) {
        for (hits, hits_all) in [(&g.nearby, &g_all.nearby), (&g.digital, &g_all.digital)] {
            assert_eq!(hits.len(), hits_all.len(), "{:?}: as many shown", g.category);
            // Among those the patient may join, the English ones first.
            let open: Vec<bool> = hits.iter().filter(|h| h.eligibility.verdict != Verdict::NotEligible).map(|h| h.given_in("en")).collect();
            assert!(open.windows(2).all(|w| w[0] || !w[1]), "{:?}: English first: {open:?}", g.category);
            brought_up += ids(hits).iter().filter(|id| !ids(hits_all).contains(id)).count();
        }
    }
    assert!(english.groups.iter().any(|g| g.nearby.first().is_some_and(|h| h.given_in("en"))), "English offers near 8000");
    assert!(english.groups.iter().any(|g| g.digital.first().is_some_and(|h| h.given_in("en"))), "the digital alternative in English too");
    assert!(brought_up > 0, "the language brings up offers the caps hid");
    let danish: ClinicianSearchResponse = server.get("/api/v1/clinician/offers?postcode=8000&language=da").json();
    assert_eq!(danish, all, "Danish orders nothing");

    let bad = server.get("/api/v1/clinician/offers?postcode=8000&language=engelsk");
    let citizen = server.get("/api/v1/offers?postcode=8000&language=engelsk");
    assert_eq!(bad.status, citizen.status, "the same answer as the citizen search: {}", bad.body);
    assert!(bad.status == 400 || bad.status == 422, "{}", bad.status);
    let p: Problem = bad.json();
    assert_eq!(p.errors.iter().map(|e| (e.field.as_str(), e.code)).collect::<Vec<_>>(), [("language", ErrorCode::Invalid)]);
    assert_eq!(p.errors[0].message.da, "Angiv sproget som en tobogstavskode, fx en.");
}

/// A patient who works: `evening` and `weekend` keep only offers with a team on weekday evenings
/// or at weekends (either, as in the citizen search), nearby and digital, with the groups' counts
/// and the citizen search's counts for the same times agreeing; a value that is no yes or no is
/// the citizen search's field error.
#[test]
fn the_search_keeps_teams_outside_working_hours() {
    let (server, _d, _s) = start();
    let all: ClinicianSearchResponse = server.get("/api/v1/clinician/offers?conditions=kol&postcode=8000&per_group=10").json();
    let res = server.get("/api/v1/clinician/offers?conditions=kol&postcode=8000&per_group=10&evening=true&weekend=true");
    assert_eq!(res.status, 200, "{}", res.body);
    let after_work: ClinicianSearchResponse = res.json();
    let hits: Vec<_> = after_work.groups.iter().flat_map(|g| g.nearby.iter().chain(&g.digital)).collect();
    assert!(!hits.is_empty(), "evening and weekend teams near 8000");
    assert!(hits.iter().all(|h| h.offer.evening || h.offer.weekend), "only teams outside working hours");
    let total = |r: &ClinicianSearchResponse| r.groups.iter().map(|g| g.nearby_total).sum::<u32>();
    assert!(total(&after_work) < total(&all), "the filter leaves daytime teams out");
    for g in &after_work.groups {
        let citizen: serde_json::Value =
            server.get(&format!("/api/v1/offers?condition=kol&postcode=8000&category={}&evening=true&weekend=true", g.category.code())).json();
        assert_eq!(u64::from(g.nearby_total), citizen["nearby"].as_u64().unwrap(), "{:?}: the citizen search's count", g.category);
    }
    let evenings: ClinicianSearchResponse = server.get("/api/v1/clinician/offers?conditions=kol&postcode=8000&per_group=10&evening=true").json();
    assert!(evenings.groups.iter().flat_map(|g| g.nearby.iter().chain(&g.digital)).all(|h| h.offer.evening));

    let bad = server.get("/api/v1/clinician/offers?conditions=kol&postcode=8000&evening=maybe");
    let citizen = server.get("/api/v1/offers?postcode=8000&evening=maybe");
    assert_eq!(bad.status, citizen.status, "the same answer as the citizen search: {}", bad.body);
    let p: Problem = bad.json();
    assert_eq!(p.errors.iter().map(|e| (e.field.as_str(), e.code)).collect::<Vec<_>>(), [("evening", ErrorCode::Invalid)]);
}

/// A signed-in hospital clinician's search says `referrer=hospital`: each group holds the same
/// offers, but those taking hospital referrals come first, before any the patient may not join
/// (a walk saw a full GP-only offer lead a group for a hospital nurse).
#[test]
fn the_search_puts_first_what_the_referrer_may_refer_to() {
    let (server, _d, _s) = start();
    let query = "/api/v1/clinician/offers?conditions=kol&postcode=8000&age=67&per_group=10";
    let plain: ClinicianSearchResponse = server.get(query).json();
    let res = server.get(&format!("{query}&referrer=hospital"));
    assert_eq!(res.status, 200, "{}", res.body);
    let hospital: ClinicianSearchResponse = res.json();
    let ids = |hits: &[forebyg_shared::search::clinician::ClinicianHit]| hits.iter().map(|h| h.offer.id.clone()).collect::<Vec<_>>();
    let mut reordered = false;
    for (p, h) in plain.groups.iter().zip(&hospital.groups) {
        for (before, after) in [(&p.nearby, &h.nearby), (&p.digital, &h.digital)] {
            let (mut a, mut b) = (ids(before), ids(after));
            reordered |= a != b;
            // Those the patient may not join last; before them, those taking hospital referrals.
            let order: Vec<(bool, bool, u8)> = after
                .iter()
                .map(|x| (x.eligibility.verdict == Verdict::NotEligible, !x.referral.from_hospital, x.eligibility.verdict.rank()))
                .collect();
            assert!(order.windows(2).all(|w| w[0] <= w[1]), "{:?}: {order:?}", h.category);
            // All ten read are shown: the same offers, in another order (digital shows two of ten).
            if before.len() == 10 {
                a.sort();
                b.sort();
                assert_eq!(a, b, "{:?}", h.category);
            }
        }
    }
    assert!(reordered, "some group near 8000 has a nearer offer that takes no hospital referrals");
    let bad = server.get(&format!("{query}&referrer=self"));
    assert_eq!((bad.status, bad.json::<Problem>().errors[0].field.as_str()), (422, "referrer"));
}
