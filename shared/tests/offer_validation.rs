//! Offer validation: a valid offer passes, and each kind of mistake is named by its field.

use forebyg_shared::offer::{Enrolment, Offer};
use forebyg_shared::offer_validation::{validate_offer, MAX_COURSE_SESSIONS, MAX_COURSE_WEEKS};
use forebyg_shared::taxonomy::Format;
use forebyg_shared::validation::ErrorCode;

fn valid() -> Offer {
    serde_json::from_str(include_str!("offer_fixture.json")).unwrap()
}

fn errors(o: &Offer) -> Vec<(String, ErrorCode)> {
    validate_offer(o).into_iter().map(|e| (e.field, e.code)).collect()
}

#[test]
fn the_fixture_is_valid() {
    assert_eq!(validate_offer(&valid()), vec![]);
}

#[test]
fn each_mistake_names_its_field() {
    let cases: Vec<(fn(&mut Offer), &str, ErrorCode)> = vec![
        (|o| o.id = "REGION#x".into(), "id", ErrorCode::Invalid),
        (|o| o.title = "  ".into(), "title", ErrorCode::Required),
        (|o| o.title = "x".repeat(121), "title", ErrorCode::TooLong),
        (|o| o.summary = "kort".into(), "summary", ErrorCode::TooShort),
        (|o| o.last_verified = "2026-02-30".into(), "last_verified", ErrorCode::Invalid),
        (|o| o.conditions.clear(), "conditions", ErrorCode::Required),
        (|o| o.languages = vec!["dansk".into()], "languages", ErrorCode::Invalid),
        (|o| o.schedule.enrolment = Enrolment::Course { sessions: 0, weeks: 4 }, "schedule.enrolment", ErrorCode::OutOfRange),
        (|o| o.schedule.enrolment = Enrolment::Course { sessions: 8, weeks: 365 }, "schedule.enrolment", ErrorCode::OutOfRange),
        (|o| o.schedule.enrolment = Enrolment::Course { sessions: 65535, weeks: 8 }, "schedule.enrolment", ErrorCode::OutOfRange),
        (|o| o.schedule.slots[0].end = "08:00".into(), "schedule.slots[0]", ErrorCode::Invalid),
        (
            |o| {
                o.referral.self_referral = false;
                o.referral.from_gp = false;
                o.referral.from_hospital = false;
                o.referral.from_municipality = false;
            },
            "referral",
            ErrorCode::Required,
        ),
        (
            |o| {
                o.format = Format::OnSite;
                o.location = None;
            },
            "location",
            ErrorCode::Required,
        ),
        (|o| o.location.as_mut().unwrap().postcode = "12".into(), "location.postcode", ErrorCode::Invalid),
        (|o| o.location.as_mut().unwrap().municipality_code = "0999".into(), "location.municipality_code", ErrorCode::Unknown),
        (|o| o.location.as_mut().unwrap().point.lat = 48.8, "location.point", ErrorCode::OutOfRange),
    ];
    for (break_it, field, code) in cases {
        let mut o = valid();
        break_it(&mut o);
        assert_eq!(errors(&o), vec![(field.to_owned(), code)], "breaking {field}");
    }
}

#[test]
fn digital_offers_need_no_place() {
    let mut o = valid();
    o.format = Format::Digital;
    o.location = None;
    assert_eq!(validate_offer(&o), vec![]);
}

#[test]
fn a_next_start_before_today_is_refused() {
    use forebyg_shared::offer_validation::validate_offer_on;
    let mut o = valid();
    o.last_verified = "2026-03-07".into();
    let on = |o: &Offer| validate_offer_on(o, "2026-12-04").into_iter().map(|e| (e.field, e.code, e.message.da)).collect::<Vec<_>>();
    o.schedule.next_start = Some("2026-12-04".into());
    assert_eq!(on(&o), vec![]);
    o.schedule.next_start = Some("2020-01-01".into());
    assert_eq!(on(&o), vec![("schedule.next_start".to_owned(), ErrorCode::OutOfRange, "Næste start må ikke ligge før i dag.".to_owned())]);
}

#[test]
fn a_start_that_passed_without_the_save_changing_it_does_not_refuse_the_save() {
    use forebyg_shared::offer_validation::validate_offer_save;
    let mut stored = valid();
    stored.last_verified = "2026-03-07".into();
    stored.schedule.next_start = Some("2026-11-02".into());
    let fields = |o: &Offer, before: Option<&Offer>| validate_offer_save(o, before, "2026-12-04").into_iter().map(|e| e.field).collect::<Vec<_>>();
    // Another field edited: saved, the passed start left for the admin to update.
    let mut edit = stored.clone();
    edit.contact.phone = Some("+45 70 20 30 40".into());
    assert_eq!(fields(&edit, Some(&stored)), Vec::<String>::new());
    // The start changed to another passed day, or a new offer with it: refused.
    edit.schedule.next_start = Some("2026-11-30".into());
    assert_eq!(fields(&edit, Some(&stored)), ["schedule.next_start"]);
    assert_eq!(fields(&stored, None), ["schedule.next_start"]);
}

#[test]
fn a_course_at_its_limits_is_valid() {
    let mut o = valid();
    o.schedule.enrolment = Enrolment::Course { sessions: MAX_COURSE_SESSIONS, weeks: MAX_COURSE_WEEKS };
    assert_eq!(errors(&o), []);
    o.schedule.enrolment = Enrolment::Course { sessions: 1, weeks: 1 };
    assert_eq!(errors(&o), []);
}
