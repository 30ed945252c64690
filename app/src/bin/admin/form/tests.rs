//! The offer form against the shared fixture: round trips, field errors, slots and conflicts.

use super::slots::parse_slot;
use super::*;
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::{RegionCode, Weekday};
use forebyg_shared::Label;

/// The day the tests save on (the fixture was verified before it).
const TODAY: &str = "2026-12-03";

fn fixture() -> Offer {
    serde_json::from_str(include_str!("../../../../../shared/tests/offer_fixture.json")).unwrap()
}

#[test]
fn an_offer_survives_the_form() {
    let o = fixture();
    let form = OfferForm::from_offer(&o);
    let back = form.to_offer(&o, TODAY).unwrap();
    assert_eq!(OfferForm::from_offer(&back), form);
    assert_eq!(back.id, o.id);
    assert_eq!(back.version, o.version);
    assert_eq!(back.schedule.slots, o.schedule.slots);
    assert_eq!(back.location.as_ref().map(|l| &l.postcode), o.location.as_ref().map(|l| &l.postcode));
}

#[test]
fn eligibility_and_the_referral_route_survive_the_form() {
    let o = fixture();
    let mut form = OfferForm::from_offer(&o);
    form.min_age = "18".into();
    form.max_age = " 65 ".into();
    // Only for a condition the offer is not for: said at "Kun for disse sygdomme".
    let outside = *Condition::ALL.iter().find(|c| !o.conditions.contains(c)).unwrap();
    form.accepted_conditions = vec![outside];
    let errors = form.to_offer(&o, TODAY).unwrap_err();
    assert_eq!(errors.iter().map(|e| control_id(&e.field)).collect::<Vec<_>>(), [Some("f-accepted-0".to_owned())]);
    form.accepted_conditions = vec![o.conditions[0]];
    form.exclusion_da = "Ikke ved ustabil hjertesygdom".into();
    form.methods = vec![ReferralMethod::Electronic, ReferralMethod::Forebyg];
    form.must_include_da = "Diagnose".into();
    form.must_include_en = "Diagnosis".into();
    let back = form.to_offer(&o, TODAY).unwrap();
    assert_eq!((back.eligibility.min_age, back.eligibility.max_age), (Some(18), Some(65)));
    assert_eq!(back.eligibility.exclusion_note, Some(Label::new("Ikke ved ustabil hjertesygdom", "")));
    assert_eq!(back.eligibility.inclusion_note, None);
    assert_eq!(back.referral.must_include, Some(Label::new("Diagnose", "Diagnosis")));
    assert_eq!(OfferForm::from_offer(&back).methods, form.methods);
    form.min_age = "70".into();
    form.max_age = "atten".into();
    let errors = form.to_offer(&o, TODAY).unwrap_err();
    assert_eq!(errors.iter().map(|e| control_id(&e.field)).collect::<Vec<_>>(), [Some("f-max_age".to_owned())]);
    form.max_age = "65".into();
    form.must_include_da = String::new();
    let errors = form.to_offer(&o, TODAY).unwrap_err();
    let ids: Vec<_> = errors.iter().map(|e| control_id(&e.field).unwrap()).collect();
    assert_eq!(ids, ["f-must_include_da", "f-max_age"], "in the order of the form");
}

#[test]
fn form_errors_name_json_paths_with_controls() {
    let o = fixture();
    let mut form = OfferForm::from_offer(&o);
    form.title = "x".into();
    form.slots = "tirsdag 10:00-12:00\nhver anden onsdag".into();
    form.cost_dkk = "gratis".into();
    form.postcode = "12".into();
    let errors = form.to_offer(&o, TODAY).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    for f in ["title", "schedule.slots[1]", "cost.dkk", "location.postcode"] {
        assert!(fields.contains(&f), "{f} in {fields:?}");
    }
    for e in &errors {
        let id = control_id(&e.field).unwrap();
        assert!(id.starts_with("f-"), "{id}");
    }
    assert_eq!(control_id("schedule.slots[1]").as_deref(), Some("f-slots"));
    assert_eq!(control_id("location.point").as_deref(), Some("f-lat"));
    assert_eq!(control_id("id"), None);
    assert_eq!(errors[0].field, "title", "errors follow the form's order");
}

#[test]
fn a_new_offer_validates_without_an_id() {
    let mut form = OfferForm::from_offer(&fixture());
    form.last_verified = "2026-11-24".into();
    let base = new_offer_base(RegionCode::Midtjylland);
    let o = form.to_offer(&base, TODAY).unwrap();
    assert!(o.id.is_empty() && o.version == 0);
}

#[test]
fn slots_parse_in_danish_and_codes() {
    let s = parse_slot("Tirsdag 10:00–12:00").unwrap();
    assert_eq!((s.weekday, s.start.as_str(), s.end.as_str()), (Weekday::Tue, "10:00", "12:00"));
    assert_eq!(parse_slot("thu 17:00-19:00").unwrap().weekday, Weekday::Thu);
    assert_eq!(parse_slot("lør 09:00-10:00").unwrap().weekday, Weekday::Sat);
    assert!(parse_slot("whenever").is_none());
    // As Danes write times.
    let s = parse_slot("tirsdag kl. 17.30 - 19").unwrap();
    assert_eq!((s.weekday, s.start.as_str(), s.end.as_str()), (Weekday::Tue, "17:30", "19:00"));
    assert_eq!(parse_slot("Onsdag kl 9-1130").unwrap().end, "11:30");
    assert!(parse_slot("onsdag 25.00-26.00").is_none());
    assert!(parse_slot("onsdag 10.5-11").is_none());
}

#[test]
fn danish_dates_are_accepted() {
    let o = fixture();
    let mut form = OfferForm::from_offer(&o);
    form.next_start = "3.12.2026".into();
    form.last_verified = "03-12-2026".into();
    let back = form.to_offer(&o, TODAY).unwrap();
    assert_eq!((back.schedule.next_start.as_deref(), back.last_verified.as_str()), (Some("2026-12-03"), "2026-12-03"));
    form.next_start = "31.2.2026".into();
    let errors = form.to_offer(&o, TODAY).unwrap_err();
    assert_eq!(errors.iter().map(|e| control_id(&e.field)).collect::<Vec<_>>(), [Some("f-next_start".to_owned())]);
    // A start that has passed is refused here as the server would.
    form.next_start = "1.1.2020".into();
    let errors = form.to_offer(&o, TODAY).unwrap_err();
    assert_eq!(
        errors.iter().map(|e| (e.field.as_str(), e.message.da.as_str())).collect::<Vec<_>>(),
        [("schedule.next_start", "Næste start må ikke ligge før i dag.")]
    );
}

#[test]
fn reapplying_keeps_my_changes_and_theirs() {
    let base = OfferForm::from_offer(&fixture());
    let mut mine = base.clone();
    mine.title = "Mit nye navn".into();
    let mut current = base.clone();
    current.city = "Et andet sted".into();
    let diffs = differences(&base, &mine, &current, Lang::Da);
    let keys: Vec<&str> = diffs.iter().map(|d| d.key).collect();
    assert_eq!(keys, ["title", "city"]);
    assert!(diffs[0].changed_by_me && !diffs[1].changed_by_me);
    let next = reapply(&base, &mine, &current);
    assert_eq!(next.title, "Mit nye navn");
    assert_eq!(next.city, "Et andet sted");
    assert!(differences(&base, &next, &next, Lang::Da).is_empty());
}

#[test]
fn the_conflict_table_says_codes_as_the_editor_does() {
    let base = OfferForm::from_offer(&fixture());
    let (mut mine, mut current) = (base.clone(), base.clone());
    (mine.capacity, current.capacity) = ("waitlist".into(), "few-places".into());
    (mine.languages, current.languages) = (vec!["da".into(), "ar".into()], vec!["da".into()]);
    (mine.enrolment, current.enrolment) = ("continuous".into(), "course".into());
    let shown: Vec<(String, String)> = differences(&base, &mine, &current, Lang::Da).into_iter().map(|d| (d.mine, d.current)).collect();
    assert!(shown.contains(&("Venteliste".into(), "Få ledige pladser".into())), "{shown:?}");
    assert!(shown.contains(&("Dansk og arabisk".into(), "Dansk".into())), "{shown:?}");
    assert!(shown.contains(&("Løbende optag".into(), "Forløb med fast start".into())), "{shown:?}");
}

#[test]
fn package_components_and_linked_activities_survive_the_form() {
    use forebyg_shared::package::PackageDelivery;
    let o = fixture();
    let base = OfferForm::from_offer(&o);
    let mut mine = base.clone();
    mine.packages = vec![PackageDelivery { package: "kol".into(), components: vec!["fysisk-aktivitet".into()] }];
    mine.activity_ids = vec!["hjertemotion-aarhus".into()];
    let back = mine.to_offer(&o, TODAY).unwrap();
    assert_eq!((back.packages.clone(), back.activity_ids.clone()), (mine.packages.clone(), mine.activity_ids.clone()));
    let keys: Vec<&str> = differences(&base, &mine, &base, Lang::Da).iter().map(|d| d.key).collect();
    assert_eq!(keys, ["packages", "activity_ids"]);
    assert_eq!(control_id("packages[0].components[1]").as_deref(), Some("f-packages"));
    assert_eq!(control_id("activity_ids[0]").as_deref(), Some("f-activity_ids"));
}

#[test]
fn weekly_times_read_as_rows_of_pickers_and_back() {
    use super::slot_rows::{rows_text, slot_rows, SlotRow};
    let rows = slot_rows("Tirsdag 10:00-12:00\n\ntorsdag kl. 17.30-19\nonsdag 25.00-26");
    let row = |d: &str, s: &str, e: &str| SlotRow { day: d.into(), start: s.into(), end: e.into() };
    assert_eq!(rows, [row("tue", "10:00", "12:00"), row("thu", "17:30", "19:00"), row("wed", "25.00", "26")]);
    assert_eq!(rows_text(&rows[..2], Lang::Da), "Tirsdag 10:00-12:00\nTorsdag 17:30-19:00");
    // A row being filled in is a line the validation names; an empty row is none.
    let partial = [row("fri", "09:00", ""), SlotRow::default()];
    assert_eq!(rows_text(&partial, Lang::En), "Friday 09:00-");
    assert_eq!(slot_rows("Friday 09:00-"), [row("fri", "09:00", "")]);
    assert!(parse_slot("Friday 09:00-").is_none());
    // The rows of an offer's lines write the same lines back (no change where nothing changed).
    let form = OfferForm::from_offer(&fixture());
    assert_eq!(rows_text(&slot_rows(&form.slots), Lang::Da), form.slots);
}

#[test]
fn an_error_on_a_weekly_time_marks_the_pickers_at_fault() {
    use super::slot_rows::{line_of, parts_at_fault, SlotRow};
    let row = |d: &str, s: &str, e: &str| SlotRow { day: d.into(), start: s.into(), end: e.into() };
    assert_eq!(parts_at_fault(&row("fri", "09:00", "")), [false, false, true]);
    assert_eq!(parts_at_fault(&row("", "09:00", "08:00")), [true, false, true]);
    assert_eq!(parts_at_fault(&row("wed", "25.00", "26")), [false, true, true]);
    // The same time twice: nothing is wrong in the row itself, the weekday is where to change it.
    assert_eq!(parts_at_fault(&row("mon", "09:00", "10:00")), [true, false, false]);
    // Errors are per line, and an empty row is no line.
    let rows = [row("mon", "09:00", "10:00"), SlotRow::default(), row("fri", "09:00", "")];
    assert_eq!((line_of(&rows, 0), line_of(&rows, 1), line_of(&rows, 2), line_of(&rows, 3)), (Some(0), None, Some(1), None));
}

#[test]
fn a_new_offer_from_a_coverage_gap_starts_with_its_intervention_and_place() {
    use forebyg_shared::taxonomy::Category;
    let href = new_offer_href(Category::Alkohol, RegionCode::Nordjylland, "0851", Some("9000"), "/admin/daekning?max_km=5&kommune=0851");
    assert_eq!(
        href,
        "/admin/tilbud/ny?kategori=alkohol&region=nordjylland&kommune=0851&postnummer=9000&tilbage=%2Fadmin%2Fdaekning%3Fmax_km%3D5%26kommune%3D0851"
    );
    let query: std::collections::HashMap<String, String> =
        href.split_once('?').unwrap().1.split('&').map(|kv| kv.split_once('=').unwrap()).map(|(k, v)| (k.into(), v.into())).collect();
    let get = |k: &str| query.get(k).cloned();
    // A region admin of Nordjylland.
    let mut form = OfferForm::blank(Some(RegionCode::Nordjylland), None, "2027-01-04");
    form.prefill(get, false);
    assert_eq!(
        (form.category.as_str(), form.region.as_str(), form.municipality_code.as_str(), form.postcode.as_str()),
        ("alkohol", "nordjylland", "0851", "9000")
    );
    // Another region's admin keeps their region, and a municipality outside it is not taken.
    let mut form = OfferForm::blank(Some(RegionCode::Midtjylland), None, "2027-01-04");
    form.prefill(get, false);
    assert_eq!((form.category.as_str(), form.region.as_str(), form.municipality_code.as_str()), ("alkohol", "midtjylland", ""));
    // A national admin takes the gap's region; nonsense is left out.
    let mut form = OfferForm::blank(None, None, "2027-01-04");
    form.prefill(get, true);
    assert_eq!((form.region.as_str(), form.municipality_code.as_str()), ("nordjylland", "0851"));
    let mut form = OfferForm::blank(None, None, "2027-01-04");
    assert!(!form.prefill(|k| Some(if k == "postnummer" { "90000".into() } else { "x".into() }), true), "not from a gap");
    assert_eq!(form, OfferForm::blank(None, None, "2027-01-04"));
}

/// A kronikerpakke's gap: the component's intervention, and the component ticked for the package.
#[test]
fn a_new_offer_from_a_package_gap_delivers_the_component() {
    use forebyg_shared::package::PackageDelivery;
    use forebyg_shared::taxonomy::Category;
    let href = super::package_gap_href(
        Category::FysiskAktivitet,
        "kol",
        "fysisk-aktivitet",
        RegionCode::Nordjylland,
        "0851",
        None,
        "/admin/daekning?pakke=kol",
    );
    assert!(href.ends_with("&pakke=kol&komponent=fysisk-aktivitet"), "{href}");
    let query: std::collections::HashMap<String, String> =
        href.split_once('?').unwrap().1.split('&').map(|kv| kv.split_once('=').unwrap()).map(|(k, v)| (k.into(), v.into())).collect();
    let mut form = OfferForm::blank(Some(RegionCode::Nordjylland), None, "2027-01-04");
    assert!(form.prefill(|k| query.get(k).cloned(), false));
    assert_eq!(form.category, "fysisk-aktivitet");
    assert_eq!(form.packages, [PackageDelivery { package: "kol".into(), components: vec!["fysisk-aktivitet".into()] }]);
    // Not codes: nothing ticked.
    let mut form = OfferForm::blank(Some(RegionCode::Nordjylland), None, "2027-01-04");
    form.prefill(|k| Some(if k == "pakke" { "KOL <b>".into() } else { "fysisk-aktivitet".into() }), false);
    assert!(form.packages.is_empty());
}

/// The form from a gap leads back to the coverage table as it was left, and nowhere else.
#[test]
fn the_way_back_from_a_gap_is_the_coverage_table_it_came_from() {
    let back = |v: Option<&str>| back_to_coverage(|k| (k == "tilbage").then(|| v.map(str::to_owned)).flatten());
    assert_eq!(back(Some("/admin/daekning?max_km=5&pakke=kol")), "/admin/daekning?max_km=5&pakke=kol");
    assert_eq!(back(Some("/admin/daekning")), "/admin/daekning");
    for elsewhere in [None, Some("https://example.org/admin/daekning"), Some("/admin/daekningx"), Some("//example.org"), Some("/admin/tilbud")] {
        assert_eq!(back(elsewhere), "/admin/daekning", "{elsewhere:?}");
    }
}

#[test]
fn a_half_typed_form_survives_being_kept_while_signing_in_again() {
    use forebyg_app::kept::{account_key, Kept};
    let o = fixture();
    let mut form = OfferForm::from_offer(&o);
    form.title = "KOL-hold \"tirsdag\"\nny linje \\ æøå".into();
    form.postcode = "12".into();
    form.slots = "tirsdag 10:00-12:00\nhver anden onsdag".into();
    form.methods = vec![ReferralMethod::Forebyg];
    let kept = Kept {
        page: format!("/admin/tilbud/{}", o.id),
        account: account_key("dev-region_admin-midtjylland-any"),
        saved_at: 5,
        work: (o.clone(), form.clone()),
    };
    let back = Kept::<(Offer, OfferForm)>::from_text(&kept.to_text()).expect("kept work reads back");
    assert_eq!(back.work.1, form, "the form as typed, errors and all");
    // The save after signing in again carries the version the edit started from.
    let (base, mut fixed) = back.work;
    fixed.postcode = o.location.as_ref().unwrap().postcode.clone();
    fixed.slots = "tirsdag 10:00-12:00".into();
    assert_eq!(fixed.to_offer(&base, TODAY).unwrap().version, o.version);
}

#[test]
fn messages_name_the_fields_as_the_form_does() {
    let o = fixture();
    let blank = OfferForm::blank(Some(RegionCode::Midtjylland), None, TODAY);
    let errors = blank.to_offer(&super::convert::new_offer_base(RegionCode::Midtjylland), TODAY).unwrap_err();
    let message = |f: &str| errors.iter().find(|e| e.field == f).map(|e| e.message.da.clone());
    assert_eq!(message("summary").as_deref(), Some("Skriv den korte beskrivelse."));
    assert_eq!(message("provider.id").as_deref(), Some("Vælg udbyderen."));
    assert_eq!(message("location.municipality_code").as_deref(), Some("Vælg kommunen."));
    assert_eq!(message("provider.name"), None, "the provider's name is the picker's");
    // A provider editor's form starts with their provider's id; its name missing is said as the
    // picker's choice too, not "Skriv udbyderens navn" at a select.
    let own = OfferForm::blank(Some(RegionCode::Midtjylland), Some("demo-kommune-0740"), TODAY);
    let errors = own.to_offer(&super::convert::new_offer_base(RegionCode::Midtjylland), TODAY).unwrap_err();
    assert_eq!(errors.iter().find(|e| e.field == "provider.id").map(|e| e.message.da.as_str()), Some("Vælg udbyderen."));
    assert_eq!(control_id("provider.id").as_deref(), Some("f-provider_id"));
    // -3 is a whole number; what is wrong is that it is no count.
    let mut form = OfferForm::from_offer(&o);
    form.enrolment = "course".into();
    (form.sessions, form.weeks) = ("-3".into(), "8".into());
    let errors = form.to_offer(&o, TODAY).unwrap_err();
    assert_eq!(
        errors.iter().map(|e| (e.field.as_str(), e.message.da.as_str())).collect::<Vec<_>>(),
        [("schedule.enrolment", "Et forløb har 1–300 gange over 1–104 uger.")]
    );
    // So is 70000 (beyond u16, not wrapped to 4464) and a year's weeks written as days.
    for (sessions, weeks) in [("70000", "8"), ("8", "365")] {
        (form.sessions, form.weeks) = (sessions.into(), weeks.into());
        assert_eq!(form.to_offer(&o, TODAY).unwrap_err()[0].message.da, "Et forløb har 1–300 gange over 1–104 uger.", "{sessions} {weeks}");
    }
    form.sessions = "tre".into();
    assert_eq!(form.to_offer(&o, TODAY).unwrap_err()[0].message.da, "Skriv antal gange og uger som hele tal.");
}

#[test]
fn a_next_start_off_the_weekly_days_is_pointed_out() {
    use super::start_off_the_weekly_days as off;
    // 2027-04-20 is a Tuesday.
    assert_eq!(
        off("2027-04-20", "Torsdag 17:00-19:00\nLørdag 10:00-12:00", Lang::Da).as_deref(),
        Some("Næste start er en tirsdag, men holdet mødes torsdag og lørdag. Passer datoen?")
    );
    assert_eq!(
        off("20.4.2027", "Thursday 17:00-19:00", Lang::En).as_deref(),
        Some("The next start is a Tuesday, but the group meets on Thursday. Is the date right?")
    );
    assert_eq!(off("2027-04-20", "Tirsdag 10:00-12:00", Lang::Da), None);
    assert_eq!(off("", "Torsdag 17:00-19:00", Lang::Da), None);
    assert_eq!(off("2027-04-20", "", Lang::Da), None);
}
