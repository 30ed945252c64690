//! The eligibility rules against patients: every verdict, and the reasons a clinician reads.

use super::*;
use Condition::*;

fn kol_18_plus() -> Eligibility {
    Eligibility { min_age: Some(18), accepted_conditions: vec![Kol], ..Default::default() }
}

const AARHUS: Area = Area { region: RegionCode::Midtjylland, municipality: Some("Aarhus") };

/// Assesses an offer held in Aarhus.
fn assess_here(e: &Eligibility, patient: &Patient) -> Assessment {
    assess(e, &AARHUS, patient)
}

fn patient(age: Option<u8>, conditions: &[Condition]) -> Patient<'_> {
    Patient { age, conditions, ..Default::default() }
}

#[test]
fn no_criteria_is_eligible_without_reasons() {
    let a = assess_here(&Eligibility::default(), &patient(None, &[]));
    assert_eq!((a.verdict, a.reasons.len()), (Verdict::Eligible, 0));
    assert!(Eligibility::default().is_open() && !kol_18_plus().is_open());
}

#[test]
fn met_criteria_are_eligible_with_the_reasons() {
    let a = assess_here(&kol_18_plus(), &patient(Some(67), &[Kol, Type2Diabetes]));
    assert_eq!(a.verdict, Verdict::Eligible);
    assert_eq!(a.reasons.iter().map(|r| r.en.as_str()).collect::<Vec<_>>(), ["For people 18+", "Only for COPD"]);
    assert_eq!(a.reasons[1].da, "Kun for KOL");
}

#[test]
fn a_broken_criterion_is_not_eligible_and_says_which() {
    let young = assess_here(&kol_18_plus(), &patient(Some(17), &[Kol]));
    assert_eq!((young.verdict, young.reasons[0].en.as_str()), (Verdict::NotEligible, "For people 18+"));
    let e = Eligibility { accepted_conditions: vec![Hjertesygdom, Type2Diabetes, Kraeft], ..Default::default() };
    let wrong = assess_here(&e, &patient(Some(67), &[Kol]));
    assert_eq!(wrong.verdict, Verdict::NotEligible);
    assert_eq!(wrong.reasons[0].en, "Only for Heart disease, Type 2 diabetes or Cancer");
    assert_eq!(wrong.reasons[0].da, "Kun for Hjertesygdom, Type 2-diabetes eller Kræft");
    let old = Eligibility { min_age: Some(18), max_age: Some(65), ..Default::default() };
    assert_eq!(assess_here(&old, &patient(Some(67), &[])).reasons[0].en, "For people aged 18–65");
    assert_eq!(assess_here(&old, &patient(Some(65), &[])).verdict, Verdict::Eligible, "limits are inclusive");
    let upto = Eligibility { max_age: Some(30), ..Default::default() };
    assert_eq!(assess_here(&upto, &patient(Some(31), &[])).reasons[0].da, "For personer op til 30 år");
}

#[test]
fn a_failed_criterion_wins_over_notes_and_unknowns() {
    let e = Eligibility { exclusion_note: Some(Label::new("Ustabil angina", "Unstable angina")), ..kol_18_plus() };
    let a = assess_here(&e, &patient(None, &[Kraeft]));
    assert_eq!((a.verdict, a.reasons.len()), (Verdict::NotEligible, 1));
}

#[test]
fn unknown_facts_and_notes_mean_check() {
    let a = assess_here(&kol_18_plus(), &patient(None, &[]));
    assert_eq!(a.verdict, Verdict::Check);
    assert_eq!(a.reasons[0].en, "Age unknown: the offer is for people 18+");
    assert_eq!(a.reasons[1].en, "No condition chosen: the offer is only for COPD");
    let noted = Eligibility { inclusion_note: Some(Label::new("Diagnosen skal være stillet", "Diagnosed")), ..Default::default() };
    let a = assess_here(&noted, &patient(Some(40), &[Kol]));
    assert_eq!((a.verdict, a.reasons[0].da.as_str()), (Verdict::Check, "Læs kriterierne: Diagnosen skal være stillet"));
}

#[test]
fn old_records_without_criteria_still_read() {
    let e: Eligibility = serde_json::from_str("{}").unwrap();
    assert!(e.is_open());
    assert_eq!(serde_json::to_string(&kol_18_plus()).unwrap(), r#"{"min_age":18,"accepted_conditions":["kol"]}"#);
}

#[test]
fn residence_is_said_in_the_offers_own_places() {
    let rule = |r| Eligibility { residence: Some(r), ..Default::default() };
    let text = |r, area: &Area| rule(r).residence_text(area).unwrap();
    assert_eq!(text(Residence::Municipality, &AARHUS).da, "for borgere i Aarhus Kommune");
    assert_eq!(text(Residence::Municipality, &AARHUS).en, "for residents of Aarhus Municipality");
    let capital = Area::new(RegionCode::Oestdanmark, Some("0101"));
    assert_eq!(text(Residence::Municipality, &capital).da, "for borgere i Københavns Kommune");
    assert_eq!(text(Residence::Region, &capital).da, "for borgere i Region Østdanmark");
    assert_eq!(text(Residence::Denmark, &capital).en, "for anyone living in Denmark");
    assert_eq!(Eligibility::default().residence_text(&AARHUS), None);
}

#[test]
fn who_for_is_one_plain_sentence() {
    let e = Eligibility { accepted_conditions: vec![Kol, Type2Diabetes], residence: Some(Residence::Region), ..kol_18_plus() };
    assert_eq!(e.who_for(&AARHUS).da, "Tilbuddet er for personer på 18 år og derover med KOL eller type 2-diabetes, som bor i Region Midtjylland.");
    assert_eq!(e.who_for(&AARHUS).en, "The offer is for people 18+ with COPD or type 2 diabetes who live in Central Denmark Region.");
    let local = Eligibility { residence: Some(Residence::Municipality), ..Default::default() };
    assert_eq!(local.who_for(&AARHUS).da, "Tilbuddet er for alle, som bor i Aarhus Kommune.");
    let national = Eligibility { residence: Some(Residence::Denmark), accepted_conditions: vec![Kol], ..Default::default() };
    assert_eq!(national.who_for(&AARHUS).en, "The offer is for everyone with COPD, wherever they live in Denmark.");
    // Found by a walk: "for everyone who live in Region of Southern Denmark".
    let south = Area { region: RegionCode::Syddanmark, municipality: Some("Vejle") };
    let regional = Eligibility { residence: Some(Residence::Region), ..Default::default() };
    assert_eq!(regional.who_for(&south).en, "The offer is for everyone who lives in the Region of Southern Denmark.");
    assert_eq!(regional.who_for(&south).da, "Tilbuddet er for alle, som bor i Region Syddanmark.");
    assert_eq!(Eligibility::default().who_for(&AARHUS).da, "Tilbuddet har ingen krav til alder, sygdom eller bopæl.");
}

#[test]
fn residence_decides_with_the_patients_region() {
    let region = Eligibility { residence: Some(Residence::Region), ..Default::default() };
    let home = |r| Patient { age: Some(50), conditions: &[], region: Some(r), municipality: None };
    let a = assess_here(&region, &home(RegionCode::Midtjylland));
    assert_eq!((a.verdict, a.reasons[0].da.as_str()), (Verdict::Eligible, "For borgere i Region Midtjylland"));
    let a = assess_here(&region, &home(RegionCode::Syddanmark));
    assert_eq!((a.verdict, a.reasons[0].en.as_str()), (Verdict::NotEligible, "Only for residents of Central Denmark Region"));
    assert_eq!(assess_here(&region, &patient(Some(50), &[])).verdict, Verdict::Check, "region unknown");
    let local = Eligibility { residence: Some(Residence::Municipality), ..Default::default() };
    let a = assess_here(&local, &home(RegionCode::Midtjylland));
    assert_eq!((a.verdict, a.reasons[0].da.as_str()), (Verdict::Check, "Tjek bopæl: tilbuddet er kun for borgere i Aarhus Kommune"));
    assert_eq!(assess_here(&local, &home(RegionCode::Nordjylland)).verdict, Verdict::NotEligible);
    let at = |code| Patient::new(Some(50), &[], crate::geography::postcode(code));
    let a = assess_here(&local, &at("8000"));
    assert_eq!((a.verdict, a.reasons[0].da.as_str()), (Verdict::Eligible, "For borgere i Aarhus Kommune (ud fra postnummeret)"));
    let a = assess_here(&local, &at("8382"));
    assert_eq!(
        (a.verdict, a.reasons[0].da.as_str(), a.reasons[0].en.as_str()),
        (
            Verdict::Check,
            "Tjek bopæl: tilbuddet er kun for borgere i Aarhus Kommune, og postnummeret hører til Favrskov Kommune",
            "Check residence: the offer is only for residents of Aarhus Municipality, and the postcode belongs to Favrskov Municipality"
        )
    );
    assert_eq!(assess_here(&local, &at("9000")).verdict, Verdict::NotEligible, "another region still refuses");
    let somewhere = Area { region: RegionCode::Midtjylland, municipality: None };
    assert_eq!(assess(&local, &somewhere, &at("8000")).verdict, Verdict::Check, "the offer's municipality unknown");
    let national = Eligibility { residence: Some(Residence::Denmark), ..Default::default() };
    assert_eq!(assess_here(&national, &home(RegionCode::Nordjylland)).verdict, Verdict::Eligible);
}

#[test]
fn the_residence_hint_names_the_places_municipality_and_the_region() {
    assert_eq!(AARHUS.residence_hint().da, "Kommunen er den, stedet ligger i: Aarhus Kommune. Regionen er Region Midtjylland.");
    assert_eq!(AARHUS.residence_hint().en, "The municipality is the one the place is in: Aarhus Municipality. The region is Central Denmark Region.");
    let nowhere = Area::new(RegionCode::Midtjylland, None);
    assert!(nowhere.residence_hint().da.contains("endnu ikke et sted med adresse"), "{}", nowhere.residence_hint().da);
    assert!(Area::new(RegionCode::Oestdanmark, Some("0101")).residence_hint().da.contains("Københavns Kommune"));
}

#[test]
fn the_residence_rule_is_decided_in_one_place() {
    use ResidenceFit::*;
    let fit = |rule, region, municipality| Residence::fit(rule, &AARHUS, region, municipality);
    let (mid, nord) = (Some(RegionCode::Midtjylland), Some(RegionCode::Nordjylland));
    assert_eq!(fit(None, nord, None), Within);
    assert_eq!(fit(Some(Residence::Denmark), None, None), Within);
    assert_eq!(fit(Some(Residence::Region), nord, Some("Aalborg")), OtherRegion);
    assert_eq!(fit(Some(Residence::Region), mid, Some("Favrskov")), Within);
    assert_eq!(fit(Some(Residence::Region), None, None), Unknown);
    assert_eq!(fit(Some(Residence::Municipality), mid, Some("Aarhus")), Within);
    assert_eq!(fit(Some(Residence::Municipality), mid, Some("Favrskov")), OtherMunicipality("Favrskov"));
    assert_eq!(fit(Some(Residence::Municipality), mid, None), Unknown);
    // An offer without a municipality (digital) cannot place a municipality rule.
    let digital = Area { region: RegionCode::Midtjylland, municipality: None };
    assert_eq!(Residence::fit(Some(Residence::Municipality), &digital, mid, Some("Aarhus")), Unknown);
}

#[test]
fn an_age_span_for_a_card() {
    assert_eq!(age_span(Some(18), Some(65)).unwrap().da, "18–65 år");
    assert_eq!(age_span(Some(18), None).unwrap().en, "18 or over");
    assert_eq!(age_span(None, Some(65)).unwrap().da, "op til 65 år");
    assert_eq!(age_span(None, None), None);
}
