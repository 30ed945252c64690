//! Validation of association and activity records, with the same rules (and messages) as offers
//! and location records. Field names are the records' JSON paths.

use crate::activity::{is_valid_cvr, ActivityRecord, AssociationRecord};
use crate::directory::{LocationRecord, ProviderRecord, RecordStatus};
use crate::directory_validation::{id_error, is_valid_id, validate_location, validate_named};
use crate::offer_validation::{validate_slots, DESCRIPTION_MAX, NOTE_MAX, TITLE_MAX};
use crate::validation::{self, ErrorCode, FieldError};

/// Every problem with an association, empty when it is valid. Name and contact follow the
/// provider rules; the CVR number is optional but must pass its check when given.
pub fn validate_association(a: &AssociationRecord) -> Vec<FieldError> {
    let as_provider = ProviderRecord {
        id: a.id.clone(),
        name: a.name.clone(),
        kind: crate::taxonomy::ProviderKind::Association,
        region: a.region,
        contact: a.contact.clone(),
        status: a.status,
        version: a.version,
    };
    let mut errors = validate_named(&as_provider, ("foreningens navn", "the association's name"));
    if let Some(umbrella) = &a.umbrella {
        errors.extend(validation::text_length("umbrella", ("paraplyorganisationen", "the umbrella organisation"), umbrella, 0, TITLE_MAX).err());
    }
    if let Some(cvr) = a.cvr.as_deref().filter(|c| !c.trim().is_empty()) {
        let cvr = cvr.trim();
        if !is_valid_cvr(cvr) {
            // Eight digits that fail the check digit are a typo: saying "eight digits" would not
            // tell the person what is wrong.
            let eight = cvr.len() == 8 && cvr.bytes().all(|b| b.is_ascii_digit());
            let (da, en) = if eight {
                (
                    "CVR-nummeret passer ikke: et ciffer er nok skrevet forkert. Tjek det i CVR-registret.",
                    "The CVR number does not add up: a digit is probably mistyped. Check it in the CVR register.",
                )
            } else {
                ("Et CVR-nummer har otte cifre. Tjek at det er skrevet rigtigt.", "A CVR number has eight digits. Check that it is typed correctly.")
            };
            errors.push(FieldError::new("cvr", ErrorCode::Invalid, da, en));
        }
    }
    errors
}

/// Every problem with an activity, empty when it is valid. The place is checked as a location
/// record is (postcode in the region, point near it), its fields under `place.`.
pub fn validate_activity(a: &ActivityRecord) -> Vec<FieldError> {
    let mut errors = vec![];
    let mut check = |r: Result<(), FieldError>| errors.extend(r.err());
    if !is_valid_id(&a.id) {
        check(Err(id_error("id")));
    }
    if !is_valid_id(&a.association_id) {
        check(Err(FieldError::required("association_id", "foreningen", "the association")));
    }
    check(validation::text_length("name", ("aktivitetens navn", "the activity's name"), &a.name, 3, TITLE_MAX));
    check(validation::text_length("description", ("beskrivelsen", "the description"), &a.description, 10, DESCRIPTION_MAX));
    check(validation::iso_date("last_verified", &a.last_verified));
    if a.conditions.is_empty() {
        check(Err(FieldError::new("conditions", ErrorCode::Required, "Vælg mindst én målgruppe.", "Choose at least one condition.")));
    }
    let notes = [
        ("schedule.note", ("noten om tidspunkter", "the note on times"), &a.schedule.note),
        ("subsidy", ("noten om tilskud", "the note on subsidies"), &a.subsidy),
        ("accessibility", ("noten om tilgængelighed", "the note on accessibility"), &a.accessibility),
        ("price.note", ("noten om pris", "the note on price"), &a.price.note),
    ];
    for (field, what, note) in notes {
        if let Some(text) = note {
            check(validation::text_length(field, what, text, 0, NOTE_MAX));
        }
    }
    check(crate::offer_validation::check_cost("price.dkk", a.price.dkk));
    errors.extend(validation::validate_contact(&a.contact));
    errors.extend(validate_slots("schedule.slots", &a.schedule.slots));
    let place = LocationRecord {
        id: "place".into(),
        provider_id: "place".into(),
        region: a.region,
        name: a.place.name.clone(),
        address: a.place.address.clone(),
        postcode: a.place.postcode.clone(),
        city: a.place.city.clone(),
        municipality_code: a.place.municipality_code.clone(),
        point: a.place.point,
        step_free_access: None,
        status: RecordStatus::Active,
        version: 1,
    };
    errors.extend(validate_location(&place).into_iter().map(|e| FieldError { field: format!("place.{}", e.field), ..e }));
    errors
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::activity::{ActivitySchedule, Intensity};
    use crate::geo::GeoPoint;
    use crate::offer::{Contact, Cost, Location, TimeSlot};
    use crate::taxonomy::{Condition, RegionCode, Weekday};

    pub fn association() -> AssociationRecord {
        AssociationRecord {
            id: "hjerteforeningen-aarhus".into(),
            name: "Hjerteforeningen Aarhus".into(),
            umbrella: Some("Hjerteforeningen".into()),
            cvr: Some("61126228".into()),
            region: RegionCode::Midtjylland,
            contact: Contact { name: None, phone: None, email: Some("aarhus@hjerte.dk".into()), url: None },
            status: RecordStatus::Active,
            version: 1,
        }
    }

    pub fn activity() -> ActivityRecord {
        ActivityRecord {
            id: "hjertemotion-aarhus".into(),
            association_id: "hjerteforeningen-aarhus".into(),
            region: RegionCode::Midtjylland,
            name: "Hjertemotion".into(),
            description: "Motion på hold for mennesker med hjertesygdom.".into(),
            conditions: vec![Condition::Hjertesygdom],
            intensity: Intensity::Moderate,
            schedule: ActivitySchedule { slots: vec![TimeSlot { weekday: Weekday::Tue, start: "17:00".into(), end: "18:00".into() }], note: None },
            location_id: None,
            place: Location {
                name: "Idrætshallen".into(),
                address: "Stadion Allé 1".into(),
                postcode: "8000".into(),
                city: "Aarhus C".into(),
                municipality_code: "0751".into(),
                point: GeoPoint::new(56.14, 10.2),
            },
            price: Cost { dkk: 300, note: Some("pr. halvår".into()) },
            subsidy: None,
            free_trial: true,
            contact: Contact { name: Some("Inge".into()), phone: Some("+45 1234 5678".into()), email: None, url: None },
            accessibility: None,
            last_verified: "2026-11-01".into(),
            steward_provider_id: None,
            status: RecordStatus::Active,
            version: 1,
        }
    }

    fn fields(errors: Vec<FieldError>) -> Vec<(String, ErrorCode)> {
        errors.into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn valid_records_pass() {
        assert_eq!(validate_association(&association()), vec![]);
        assert_eq!(validate_association(&AssociationRecord { cvr: None, umbrella: None, ..association() }), vec![]);
        assert_eq!(validate_activity(&activity()), vec![]);
    }

    #[test]
    fn bad_fields_are_named() {
        let a = AssociationRecord { cvr: Some("12345678".into()), name: "".into(), ..association() };
        assert_eq!(fields(validate_association(&a)), [("name".into(), ErrorCode::Required), ("cvr".into(), ErrorCode::Invalid)]);
        // Named as the association's, not a provider's.
        assert_eq!(validate_association(&a)[0].message.da, "Skriv foreningens navn.");
        // Eight digits that fail the check digit are a typo, not the wrong length.
        assert!(validate_association(&a)[1].message.da.starts_with("CVR-nummeret passer ikke"));
        let short = AssociationRecord { cvr: Some("1234567".into()), ..association() };
        assert!(validate_association(&short)[0].message.da.starts_with("Et CVR-nummer har otte cifre"));
        let mut b = activity();
        b.conditions.clear();
        b.last_verified = "1. nov".into();
        b.schedule.slots[0].end = "16:00".into();
        b.place.postcode = "5000".into();
        let got = fields(validate_activity(&b));
        assert_eq!(
            got,
            [
                ("last_verified".into(), ErrorCode::Invalid),
                ("conditions".into(), ErrorCode::Required),
                ("schedule.slots[0]".into(), ErrorCode::Invalid),
                ("place.postcode".into(), ErrorCode::OutOfRange),
            ]
        );
    }
}
