//! The clinician search's parameters (read, written, validated) and its ranking.

use super::*;
use crate::validation::ErrorCode;

#[test]
fn parses_and_writes_back() {
    let p = ClinicianParams::parse([("conditions", "kol,type-2-diabetes"), ("postcode", "9000"), ("age", "67"), ("utm", "x")]).unwrap();
    assert_eq!((p.conditions.clone(), p.postcode.as_deref(), p.age), (vec![Condition::Kol, Condition::Type2Diabetes], Some("9000"), Some(67)));
    let pairs = p.to_pairs();
    assert_eq!(pairs[0], ("conditions", "kol,type-2-diabetes".to_owned()));
    assert_eq!(ClinicianParams::parse(pairs.iter().map(|(k, v)| (*k, v.as_str()))).unwrap(), p);
    let with_package = ClinicianParams::parse([("postcode", "9000"), ("package", "KOL")]).unwrap();
    assert_eq!(with_package.package.as_deref(), Some("kol"));
    assert_eq!(with_package.to_pairs(), [("postcode", "9000".to_owned()), ("package", "kol".to_owned())]);
    assert_eq!(ClinicianParams::parse([("package", "kol pakke")]).unwrap_err()[0].field, "package");
    for age in ["121", "6,5", "abc"] {
        let e = &ClinicianParams::parse([("age", age)]).unwrap_err()[0];
        assert_eq!((e.field.as_str(), e.message.get(crate::Lang::Da)), ("age", "Skriv patientens alder i hele år, fra 0 til 120."), "{age}");
    }
    let english = ClinicianParams::parse([("postcode", "9000"), ("language", "EN")]).unwrap();
    assert_eq!(english.to_pairs(), [("postcode", "9000".to_owned()), ("language", "en".to_owned())]);
    let e = &ClinicianParams::parse([("language", "engelsk")]).unwrap_err()[0];
    assert_eq!((e.field.as_str(), e.message.get(crate::Lang::Da)), ("language", "Angiv sproget som en tobogstavskode, fx en."));
    let repeated = ClinicianParams::parse([("conditions", "kol"), ("conditions", "kol"), ("conditions", "kraeft")]).unwrap();
    assert_eq!(repeated.conditions, [Condition::Kol, Condition::Kraeft]);
    let after_work = ClinicianParams::parse([("postcode", "9000"), ("evening", "on"), ("weekend", "false")]).unwrap();
    assert_eq!((after_work.evening, after_work.weekend), (true, false));
    assert_eq!(after_work.to_pairs(), [("postcode", "9000".to_owned()), ("evening", "true".to_owned())]);
    let e = &ClinicianParams::parse([("weekend", "maybe")]).unwrap_err()[0];
    assert_eq!((e.field.as_str(), e.code), ("weekend", ErrorCode::Invalid));
    let hospital = ClinicianParams::parse([("postcode", "9000"), ("referrer", "hospital")]).unwrap();
    assert_eq!(hospital.referrer, Some(ReferrerKind::Hospital));
    assert_eq!(hospital.to_pairs(), [("postcode", "9000".to_owned()), ("referrer", "hospital".to_owned())]);
    for bad in ["self", "nurse"] {
        assert_eq!(ClinicianParams::parse([("referrer", bad)]).unwrap_err()[0].field, "referrer", "{bad}");
    }
}

/// A patient who works: evening and weekend are "either", as in the citizen search.
#[test]
fn the_times_keep_teams_outside_working_hours() {
    use crate::offer::TimeSlot;
    use crate::taxonomy::Weekday;
    let mut o: Offer = serde_json::from_str(include_str!("../../../tests/offer_fixture.json")).unwrap();
    let slot = |weekday, start: &str, end: &str| TimeSlot { weekday, start: start.to_owned(), end: end.to_owned() };
    let times = |evening, weekend| ClinicianParams { evening, weekend, ..Default::default() };
    o.schedule.slots = vec![slot(Weekday::Tue, "10:00", "12:00")];
    assert!(times(false, false).matches(&o) && !times(true, false).matches(&o) && !times(true, true).matches(&o));
    o.schedule.slots.push(slot(Weekday::Thu, "17:00", "19:00"));
    assert!(times(true, false).matches(&o) && times(true, true).matches(&o) && !times(false, true).matches(&o));
    o.schedule.slots = vec![slot(Weekday::Sat, "10:00", "12:00")];
    assert!(times(false, true).matches(&o) && times(true, true).matches(&o) && !times(true, false).matches(&o));
}

#[test]
fn reports_every_bad_field() {
    let errs = ClinicianParams::parse([("conditions", "kol,flu"), ("postcode", "90"), ("age", "121"), ("per_group", "11")]).unwrap_err();
    let got: Vec<_> = errs.iter().map(|e| (e.field.as_str(), e.code)).collect();
    assert_eq!(
        got,
        [("conditions", ErrorCode::Unknown), ("postcode", ErrorCode::Invalid), ("age", ErrorCode::OutOfRange), ("per_group", ErrorCode::OutOfRange)]
    );
}

#[test]
fn the_patient_may_join_comes_first_then_the_nearest() {
    let fixture: Offer = serde_json::from_str(include_str!("../../../tests/offer_fixture.json")).unwrap();
    let hit = |id: &str, km: f64, verdict: eligibility::Verdict| {
        let mut h = ClinicianHit::new(&Offer { id: id.to_owned(), ..fixture.clone() }, Some(km), &ClinicianParams::default());
        h.eligibility = Assessment { verdict, reasons: vec![] };
        h
    };
    use eligibility::Verdict::{Check, Eligible, NotEligible};
    let mut hits =
        vec![hit("a", 1.0, NotEligible), hit("b", 2.0, Check), hit("c", 3.0, Eligible), hit("d", 4.0, NotEligible), hit("e", 5.0, Eligible)];
    ClinicianHit::best_for_patient(&mut hits, 3, &ClinicianParams::default());
    let got: Vec<_> = hits.iter().map(|h| h.offer.id.as_str()).collect();
    assert_eq!(got, ["c", "e", "b"]);
    // Within a verdict: room, then a waiting list, then full; nearest first within each.
    let with = |id: &str, km: f64, capacity: Capacity| {
        let mut h = hit(id, km, Eligible);
        h.offer.capacity = capacity;
        h
    };
    let mut hits = vec![
        with("full", 1.0, Capacity::Full),
        with("wait", 2.8, Capacity::Waitlist),
        with("open", 3.1, Capacity::Open),
        with("few", 4.0, Capacity::FewPlaces),
    ];
    ClinicianHit::best_for_patient(&mut hits, 4, &ClinicianParams::default());
    assert_eq!(hits.iter().map(|h| h.offer.id.as_str()).collect::<Vec<_>>(), ["open", "few", "wait", "full"]);

    // A hospital's clinician: within a verdict, the offers taking hospital referrals first,
    // before room (a free GP-only course is of no use to them); no referrer, no change.
    let from = |id: &str, km: f64, capacity: Capacity, hospital: bool| {
        let mut h = with(id, km, capacity);
        h.referral.from_hospital = hospital;
        h
    };
    let check = |id: &str, km: f64, hospital: bool| {
        let mut h = hit(id, km, Check);
        h.referral.from_hospital = hospital;
        h
    };
    let hits = vec![
        hit("not-eligible", 0.5, NotEligible),
        check("check-gp-only", 0.8, false),
        from("gp-only", 1.0, Capacity::Open, false),
        from("full", 2.0, Capacity::Full, true),
        check("check-hospital", 2.5, true),
        from("hospital", 3.0, Capacity::Open, true),
    ];
    let order = |referrer| {
        let mut h = hits.clone();
        ClinicianHit::best_for_patient(&mut h, 6, &ClinicianParams { referrer, ..Default::default() });
        h.iter().map(|h| h.offer.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(order(Some(ReferrerKind::Hospital)), ["hospital", "full", "check-hospital", "gp-only", "check-gp-only", "not-eligible"]);
    assert_eq!(order(None), ["gp-only", "hospital", "full", "check-gp-only", "check-hospital", "not-eligible"]);
}

/// The patient's language orders within those they may join: the offers given in it first,
/// whatever the referrer, verdict or room; Danish orders nothing.
#[test]
fn the_patients_language_comes_first() {
    use eligibility::Verdict::{Check, Eligible, NotEligible};
    let fixture: Offer = serde_json::from_str(include_str!("../../../tests/offer_fixture.json")).unwrap();
    let hit = |id: &str, km: f64, verdict: eligibility::Verdict, languages: &[&str]| {
        let offer = Offer { id: id.to_owned(), languages: languages.iter().map(|l| l.to_string()).collect(), ..fixture.clone() };
        let mut h = ClinicianHit::new(&offer, Some(km), &ClinicianParams::default());
        h.eligibility = Assessment { verdict, reasons: vec![] };
        h
    };
    let mut waiting = hit("ar-waitlist", 4.0, Eligible, &["ar", "da"]);
    waiting.offer.capacity = Capacity::Waitlist;
    let hits = vec![
        hit("ar-not-eligible", 0.5, NotEligible, &["ar"]),
        hit("da", 1.0, Eligible, &["da"]),
        hit("da-en", 2.0, Eligible, &["da", "en"]),
        hit("ar-check", 3.0, Check, &["ar"]),
        waiting,
    ];
    let order = |language: Option<&str>| {
        let mut h = hits.clone();
        ClinicianHit::best_for_patient(&mut h, 5, &ClinicianParams { language: language.map(str::to_owned), ..Default::default() });
        h.iter().map(|h| h.offer.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(order(Some("ar")), ["ar-waitlist", "ar-check", "da", "da-en", "ar-not-eligible"]);
    assert_eq!(order(Some("en")), ["da-en", "da", "ar-waitlist", "ar-check", "ar-not-eligible"]);
    assert_eq!(order(Some("da")), order(None));
    assert_eq!(order(None), ["da", "da-en", "ar-waitlist", "ar-check", "ar-not-eligible"]);
    // Before the referrer's: a hospital nurse's Arabic-speaking patient may sign up themself.
    let mut h = hits.clone();
    h.iter_mut().for_each(|h| h.referral.from_hospital = !h.given_in("ar"));
    let params = ClinicianParams { language: Some("ar".into()), referrer: Some(ReferrerKind::Hospital), ..Default::default() };
    ClinicianHit::best_for_patient(&mut h, 5, &params);
    assert_eq!(h.iter().map(|h| h.offer.id.as_str()).collect::<Vec<_>>(), ["ar-waitlist", "ar-check", "da", "da-en", "ar-not-eligible"]);
}

#[test]
fn groups_start_with_the_intake_conversation() {
    let kol = ClinicianParams { conditions: vec![Condition::Kol], ..Default::default() };
    assert_eq!(kol.groups()[0], Category::AfklarendeSamtale);
    assert_eq!(kol.groups().len(), 6);
    let anxious = ClinicianParams { conditions: vec![Condition::AngstDepression], ..Default::default() };
    assert_eq!(anxious.groups()[..2], [Category::AfklarendeSamtale, Category::StressAngstDepression]);
    assert_eq!(ClinicianParams::default().groups().last(), Some(&Category::StressAngstDepression));
    assert_eq!(ClinicianParams::default().groups().len(), 7);
}

/// All else alike, an offer made for the patient's illness comes before one for every chronic
/// condition a little farther (the same 5 km step), not ten kilometres farther; after the verdict
/// and the room. Without conditions, distance only.
#[test]
fn an_offer_for_the_patients_illness_comes_before_one_for_everyone() {
    use eligibility::Verdict::{Check, Eligible};
    let fixture: Offer = serde_json::from_str(include_str!("../../../tests/offer_fixture.json")).unwrap();
    let hit = |id: &str, km: f64, verdict: eligibility::Verdict, conditions: &[Condition]| {
        let offer = Offer { id: id.to_owned(), conditions: conditions.to_vec(), ..fixture.clone() };
        let mut h = ClinicianHit::new(&offer, Some(km), &ClinicianParams::default());
        h.eligibility = Assessment { verdict, reasons: vec![] };
        h
    };
    let mut waiting = hit("kol-waitlist", 0.5, Eligible, &[Condition::Kol]);
    waiting.offer.capacity = Capacity::Waitlist;
    let hits = vec![
        waiting,
        hit("everyone", 1.0, Eligible, Condition::ALL),
        hit("kol-check", 1.5, Check, &[Condition::Kol]),
        hit("kol-and-heart", 3.0, Eligible, &[Condition::Kol, Condition::Hjertesygdom]),
        hit("kol", 4.0, Eligible, &[Condition::Kol]),
        hit("everyone-6", 6.0, Eligible, Condition::ALL),
        hit("kol-12", 12.0, Eligible, &[Condition::Kol]),
    ];
    let order = |conditions: &[Condition]| {
        let mut h = hits.clone();
        ClinicianHit::best_for_patient(&mut h, 7, &ClinicianParams { conditions: conditions.to_vec(), ..Default::default() });
        h.iter().map(|h| h.offer.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(order(&[Condition::Kol]), ["kol-and-heart", "kol", "everyone", "everyone-6", "kol-12", "kol-waitlist", "kol-check"]);
    assert_eq!(order(&[]), ["everyone", "kol-and-heart", "kol", "everyone-6", "kol-12", "kol-waitlist", "kol-check"]);
}
