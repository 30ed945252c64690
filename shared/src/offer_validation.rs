//! Validation of a whole offer, as an editor or an import would submit it. Field names are the
//! JSON paths of the offer, so a form can put each message next to its field.

use crate::geo::DENMARK;
use crate::offer::{Enrolment, Offer, TimeSlot};
use crate::validation::{self, is_time, ErrorCode, FieldError};

pub const TITLE_MAX: usize = 120;
pub const SUMMARY_MAX: usize = 300;
pub const DESCRIPTION_MAX: usize = 5_000;
pub const NOTE_MAX: usize = 500;
/// The longest response time an offer may promise, in working days.
pub const MAX_RESPONSE_DAYS: u8 = 20;
/// A course's most sessions and weeks: two years of meetings several times a week. More is a typo
/// (a year written as weeks, a phone number in the wrong column), not a course.
pub const MAX_COURSE_SESSIONS: u16 = 300;
pub const MAX_COURSE_WEEKS: u16 = 104;
/// The highest price in whole kroner an offer (or an activity) may state: the API, the admin form
/// and the CSV import use this one limit.
pub const MAX_COST_DKK: u32 = 1_000_000;

/// A price above [`MAX_COST_DKK`] is an error on `field`.
pub fn check_cost(field: &str, dkk: u32) -> Result<(), FieldError> {
    if dkk > MAX_COST_DKK {
        return Err(FieldError::new(
            field,
            ErrorCode::OutOfRange,
            "Prisen skal være mellem 0 og 1.000.000 kr.",
            "The price must be between 0 and 1,000,000 DKK.",
        ));
    }
    Ok(())
}

/// Every problem with an offer saved on `today` (YYYY-MM-DD, Danish time): [`validate_offer`]'s,
/// a `last_verified` after today (it would never fall due for re-verification) and a next start
/// before today (people would be told to join a course already under way).
pub fn validate_offer_on(o: &Offer, today: &str) -> Vec<FieldError> {
    let mut errors = validate_offer(o);
    if let Some(start) = &o.schedule.next_start {
        errors.extend(validation::not_before("schedule.next_start", ("Næste start", "The next start"), start, today).err());
    }
    errors.extend(validation::not_after("last_verified", &o.last_verified, today).err());
    errors
}

/// [`validate_offer_on`] for a save over `before` (the offer as stored; `None` for a new one): a
/// next start that has passed without the save changing it is for the admin to update, not a
/// reason to refuse another edit (a new phone number) or an export imported again.
pub fn validate_offer_save(o: &Offer, before: Option<&Offer>, today: &str) -> Vec<FieldError> {
    let mut errors = validate_offer_on(o, today);
    if before.is_some_and(|b| b.schedule.next_start == o.schedule.next_start) {
        errors.retain(|e| !(e.field == "schedule.next_start" && e.code == ErrorCode::OutOfRange));
    }
    errors
}

/// Every problem with an offer, empty when it is valid.
pub fn validate_offer(o: &Offer) -> Vec<FieldError> {
    let mut errors = vec![];
    let mut check = |r: Result<(), FieldError>| errors.extend(r.err());
    if o.id.is_empty() || o.id.len() > 64 || !o.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
        check(Err(FieldError::new(
            "id",
            ErrorCode::Invalid,
            "Id må kun indeholde a–z, 0–9 og bindestreg.",
            "The id may only contain a–z, 0–9 and hyphens.",
        )));
    }
    check(validation::text_length("title", ("titlen", "the title"), &o.title, 3, TITLE_MAX));
    // Named as the form labels it ("Kort beskrivelse").
    check(validation::text_length("summary", ("den korte beskrivelse", "the short description"), &o.summary, 10, SUMMARY_MAX));
    check(validation::text_length("description", ("beskrivelsen", "the description"), &o.description, 0, DESCRIPTION_MAX));
    check(validation::text_length("provider.name", ("udbyderens navn", "the provider's name"), &o.provider.name, 2, TITLE_MAX));
    check(validation::iso_date("last_verified", &o.last_verified));
    if let Some(d) = &o.schedule.next_start {
        check(validation::iso_date("schedule.next_start", d));
    }
    check(check_cost("cost.dkk", o.cost.dkk));
    errors.extend(validation::validate_contact(&o.contact));
    let mut check = |r: Result<(), FieldError>| errors.extend(r.err());
    let notes = [
        ("accessibility", ("noten om tilgængelighed", "the note on accessibility"), &o.accessibility),
        ("referral.note", ("noten om henvisning", "the note on referral"), &o.referral.note),
        ("cost.note", ("noten om pris", "the note on price"), &o.cost.note),
    ];
    for (field, what, note) in notes {
        if let Some(text) = note {
            check(validation::text_length(field, what, text, 0, NOTE_MAX));
        }
    }
    if o.conditions.is_empty() {
        check(Err(FieldError::new("conditions", ErrorCode::Required, "Vælg mindst én målgruppe.", "Choose at least one condition.")));
    }
    let outside: Vec<_> = o.eligibility.accepted_conditions.iter().filter(|c| !o.conditions.contains(c)).collect();
    if !outside.is_empty() && !o.conditions.is_empty() {
        // Else the page would say "for KOL" in one place and "only for cancer" in the next.
        let names = |lang| outside.iter().map(|c| c.label(lang)).collect::<Vec<_>>().join(", ");
        check(Err(FieldError::new(
            "eligibility.accepted_conditions",
            ErrorCode::Invalid,
            format!("Sygdomme under »Kun for disse sygdomme« skal også være målgrupper for tilbuddet: {}.", names(crate::Lang::Da)),
            format!("Conditions under \"Only for these conditions\" must also be target groups of the offer: {}.", names(crate::Lang::En)),
        )));
    }
    if o.languages.is_empty() || o.languages.iter().any(|l| l.len() != 2 || !l.bytes().all(|b| b.is_ascii_lowercase())) {
        check(Err(FieldError::new(
            "languages",
            ErrorCode::Invalid,
            "Angiv sprog som tobogstavskoder, fx da.",
            "Give languages as two-letter codes, e.g. da.",
        )));
    }
    if let Enrolment::Course { sessions, weeks } = o.schedule.enrolment {
        if !(1..=MAX_COURSE_SESSIONS).contains(&sessions) || !(1..=MAX_COURSE_WEEKS).contains(&weeks) {
            check(Err(FieldError::new(
                "schedule.enrolment",
                ErrorCode::OutOfRange,
                format!("Et forløb har 1–{MAX_COURSE_SESSIONS} gange over 1–{MAX_COURSE_WEEKS} uger."),
                format!("A course has 1–{MAX_COURSE_SESSIONS} sessions over 1–{MAX_COURSE_WEEKS} weeks."),
            )));
        }
    }
    errors.extend(validate_slots("schedule.slots", &o.schedule.slots));
    let mut check = |r: Result<(), FieldError>| errors.extend(r.err());
    if o.referral.response_days.is_some_and(|d| !(1..=MAX_RESPONSE_DAYS).contains(&d)) {
        check(Err(FieldError::new(
            "referral.response_days",
            ErrorCode::OutOfRange,
            format!("Svartiden skal være mellem 1 og {MAX_RESPONSE_DAYS} hverdage."),
            format!("The response time must be between 1 and {MAX_RESPONSE_DAYS} working days."),
        )));
    }
    if !o.referral.self_referral && !o.referral.from_gp && !o.referral.from_hospital && !o.referral.from_municipality {
        check(Err(FieldError::new("referral", ErrorCode::Required, "Angiv hvordan man kommer med.", "Say how people can join.")));
    }
    let texts = [
        ("referral.must_include", ("hvad henvisningen skal indeholde", "what the referral must include"), &o.referral.must_include),
        ("eligibility.inclusion_note", ("noten om hvem tilbuddet er for", "the note on who the offer is for"), &o.eligibility.inclusion_note),
        (
            "eligibility.exclusion_note",
            ("noten om hvem tilbuddet ikke er for", "the note on who the offer is not for"),
            &o.eligibility.exclusion_note,
        ),
    ];
    let labels = texts.into_iter().filter_map(|(field, what, label)| label.as_ref().map(|l| check_label(field, what, l)));
    for e in validate_eligibility(&o.eligibility).into_iter().chain(labels.flatten()) {
        check(Err(e));
    }
    match (&o.location, o.format.has_place()) {
        (None, true) => check(Err(FieldError::required("location", "en adresse for tilbud med fremmøde", "an address for an on-site offer"))),
        (Some(l), _) => {
            check(validation::text_length("location.address", ("adressen", "the address"), &l.address, 3, TITLE_MAX));
            check(validation::postcode_format("location.postcode", &l.postcode));
            check(validation::municipality_code("location.municipality_code", &l.municipality_code).map(|_| ()));
            if !DENMARK.contains(l.point) {
                check(Err(FieldError::new("location.point", ErrorCode::OutOfRange, "Stedet skal ligge i Danmark.", "The place must be in Denmark.")));
            }
        }
        (None, false) => {}
    }
    if o.eligibility.residence == Some(crate::eligibility::Residence::Municipality) && o.location.is_none() {
        check(Err(FieldError::new(
            "eligibility.residence",
            ErrorCode::Invalid,
            "Et tilbud kun for kommunens borgere skal have en adresse, så det er klart hvilken kommune. Vælg regionen eller hele landet for et digitalt tilbud.",
            "An offer only for the municipality's residents needs an address, so it is clear which municipality. Choose the region or all of Denmark for a digital offer.",
        )));
    }
    errors
}

/// Age limits within 0–120 and in order.
fn validate_eligibility(e: &crate::eligibility::Eligibility) -> Vec<FieldError> {
    let mut errors = vec![];
    let max = crate::eligibility::MAX_AGE;
    // Named, as the message may stand alone in an error summary.
    let limits = [
        ("eligibility.min_age", e.min_age, "Laveste alder", "The lowest age"),
        ("eligibility.max_age", e.max_age, "Højeste alder", "The highest age"),
    ];
    for (field, age, da, en) in limits {
        if age.is_some_and(|a| a > max) {
            errors.push(FieldError::new(
                field,
                ErrorCode::OutOfRange,
                format!("{da} skal være mellem 0 og {max} år."),
                format!("{en} must be between 0 and {max} years."),
            ));
        }
    }
    if let (Some(min), Some(max)) = (e.min_age, e.max_age) {
        if min > max {
            errors.push(FieldError::new(
                "eligibility.max_age",
                ErrorCode::OutOfRange,
                "Højeste alder skal være mindst den laveste.",
                "The highest age must be at least the lowest.",
            ));
        }
    }
    errors
}

/// A bilingual note: Danish required, both within [`NOTE_MAX`].
/// `what` names the note (as [`validation::text_length`]); the messages say which language.
fn check_label(field: &str, what: (&str, &str), l: &crate::Label) -> Vec<FieldError> {
    let da_what = (format!("{} på dansk", what.0), format!("{} in Danish", what.1));
    let en_what = (format!("{} på engelsk", what.0), format!("{} in English", what.1));
    let da = validation::text_length(&format!("{field}.da"), (&da_what.0, &da_what.1), &l.da, 1, NOTE_MAX).err();
    da.into_iter().chain(validation::text_length(&format!("{field}.en"), (&en_what.0, &en_what.1), &l.en, 0, NOTE_MAX).err()).collect()
}

/// Each weekly slot (offers and activities alike): HH:MM times, the end after the start, and
/// not the same day and times as an earlier one (listed twice, it reads as two sessions a week).
pub fn validate_slots(field: &str, slots: &[TimeSlot]) -> Vec<FieldError> {
    slots
        .iter()
        .enumerate()
        .filter_map(|(i, slot)| {
            let (da, en) = if !is_time(&slot.start) || !is_time(&slot.end) || slot.start >= slot.end {
                ("Tider skrives TT:MM, og sluttid skal være efter starttid.", "Write times as HH:MM, with the end after the start.")
            } else if slots[..i].contains(slot) {
                ("Den samme ugentlige tid står to gange: slet den ene.", "The same weekly time is listed twice: delete one of them.")
            } else {
                return None;
            };
            Some(FieldError::new(&format!("{field}[{i}]"), ErrorCode::Invalid, da, en))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_weekly_time_listed_twice_is_refused_at_the_second() {
        use crate::taxonomy::Weekday;
        let slot = |weekday, start: &str| TimeSlot { weekday, start: start.into(), end: "11:30".into() };
        let slots = [slot(Weekday::Mon, "09:30"), slot(Weekday::Tue, "09:30"), slot(Weekday::Mon, "09:30"), slot(Weekday::Mon, "10:00")];
        let errors = validate_slots("schedule.slots", &slots);
        assert_eq!(errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["schedule.slots[2]"]);
        assert_eq!(errors[0].message.da, "Den samme ugentlige tid står to gange: slet den ene.");
    }

    #[test]
    fn times() {
        assert!(is_time("09:30") && is_time("23:59"));
        assert!(!is_time("24:00") && !is_time("9:30") && !is_time("09:60") && !is_time("0930"));
    }

    #[test]
    fn eligibility_limits() {
        use crate::eligibility::Eligibility;
        use crate::taxonomy::Condition;
        let fields = |e: Eligibility| validate_eligibility(&e).into_iter().map(|e| e.field).collect::<Vec<_>>();
        assert!(fields(Eligibility { min_age: Some(18), max_age: Some(65), ..Default::default() }).is_empty());
        assert_eq!(fields(Eligibility { min_age: Some(70), max_age: Some(65), ..Default::default() }), ["eligibility.max_age"]);
        assert_eq!(fields(Eligibility { min_age: Some(121), ..Default::default() }), ["eligibility.min_age"]);
        let mut digital: Offer = serde_json::from_str(include_str!("../tests/offer_fixture.json")).unwrap();
        digital.location = None;
        digital.format = crate::taxonomy::Format::Digital;
        digital.eligibility.residence = Some(crate::eligibility::Residence::Municipality);
        assert_eq!(validate_offer(&digital).iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["eligibility.residence"]);
        // The conditions it takes are among those it is for; fewer is fine (the page and search
        // then name those only).
        let mut narrower = digital.clone();
        narrower.eligibility.residence = None;
        narrower.conditions = vec![Condition::Kol, Condition::Type2Diabetes];
        narrower.eligibility.accepted_conditions = vec![Condition::Kol];
        assert!(validate_offer(&narrower).is_empty());
        assert_eq!(narrower.conditions_taken(), [Condition::Kol]);
        narrower.eligibility.accepted_conditions = vec![Condition::Kraeft, Condition::Kol, Condition::Hjertesygdom];
        let errors = validate_offer(&narrower);
        assert_eq!(errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["eligibility.accepted_conditions"]);
        assert!(errors[0].message.da.ends_with("målgrupper for tilbuddet: Kræft, Hjertesygdom."), "{}", errors[0].message.da);
        narrower.eligibility.accepted_conditions.clear();
        assert_eq!(narrower.conditions_taken(), [Condition::Kol, Condition::Type2Diabetes]);
        let errors = check_label("eligibility.inclusion_note", ("noten", "the note"), &crate::Label::new("", "x"));
        assert_eq!(errors[0].field, "eligibility.inclusion_note.da");
    }
}
