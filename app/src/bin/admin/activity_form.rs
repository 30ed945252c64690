//! The association and activity forms' state (every field as typed), converted to and from the
//! shared records with the shared validation; the 409 help is `record_form`'s. Pure logic:
//! tested natively.

use crate::form::{decimal, parse_slot, slot_line, Shown};
use crate::record_form::{opt, record_form, FormFields};
use forebyg_shared::activity::{ActivityRecord, ActivitySchedule, AssociationRecord, Intensity};
use forebyg_shared::activity_validation::{validate_activity, validate_association};
use forebyg_shared::directory::RecordStatus;
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::offer::{Contact, Cost, Location};
use forebyg_shared::taxonomy::{Condition, RegionCode};
use forebyg_shared::validation::{self, ErrorCode, FieldError};
use forebyg_shared::Lang;

record_form!(AssociationForm {
    name = "Foreningens navn", "Name of the association";
    umbrella = "Landsorganisation", "Umbrella organisation";
    cvr = "CVR-nummer", "CVR number";
    region = "Region", "Region";
    contact_name = "Kontaktperson", "Contact person";
    contact_phone = "Telefon", "Phone";
    contact_email = "E-mail", "Email";
    contact_url = "Hjemmeside", "Website";
});

record_form!(ActivityForm {
    association_id = "Forening", "Association";
    region = "Region", "Region";
    name = "Aktivitetens navn", "Name of the activity";
    description = "Hvad det er", "What it is";
    conditions: Vec<Condition> = "Passer til", "Suits";
    intensity = "Intensitet", "Intensity";
    slots = "Ugentlige tider", "Weekly times";
    schedule_note = "Note om tider", "Note on times";
    location_id = "Sted fra stedlisten", "Place from the list of places";
    place_name = "Stedets navn", "Name of the place";
    place_address = "Adresse", "Address";
    place_postcode = "Postnummer", "Postcode";
    place_city = "By", "Town";
    place_municipality_code = "Kommune", "Municipality";
    lat = "Breddegrad", "Latitude";
    lon = "Længdegrad", "Longitude";
    price_dkk = "Pris (kr.)", "Price (DKK)";
    price_note = "Note om pris", "Note on price";
    subsidy = "Tilskud", "Subsidy";
    free_trial: bool = "Gratis prøvegang", "Free trial session";
    contact_name = "Kontaktperson", "Contact person";
    contact_phone = "Telefon", "Phone";
    contact_email = "E-mail", "Email";
    contact_url = "Hjemmeside", "Website";
    accessibility = "Tilgængelighed", "Accessibility";
    last_verified = "Sidst bekræftet", "Last confirmed";
    steward_provider_id = "Ansvarlig udbyder", "Responsible provider";
});

fn contact_of(name: &str, phone: &str, email: &str, url: &str) -> Contact {
    Contact { name: opt(name), phone: opt(phone), email: opt(email), url: opt(&forebyg_shared::validation::web_address(url)) }
}

/// The checks of the form and then the shared validation's (each field once).
fn checked<T>(
    record: T,
    mut errors: Vec<FieldError>,
    validate: fn(&T) -> Vec<FieldError>,
    fixed_id: impl FnOnce(&T) -> T,
) -> Result<T, Vec<FieldError>> {
    for e in validate(&fixed_id(&record)) {
        if !errors.iter().any(|x| x.field == e.field) {
            errors.push(e);
        }
    }
    if errors.is_empty() {
        Ok(record)
    } else {
        Err(errors)
    }
}

impl AssociationForm {
    pub fn blank(region: RegionCode) -> Self {
        AssociationForm { region: region.code().into(), ..Default::default() }
    }

    pub fn from_record(a: &AssociationRecord) -> Self {
        let text = |s: &Option<String>| s.clone().unwrap_or_default();
        AssociationForm {
            name: a.name.clone(),
            umbrella: text(&a.umbrella),
            cvr: text(&a.cvr),
            region: a.region.code().into(),
            contact_name: text(&a.contact.name),
            contact_phone: text(&a.contact.phone),
            contact_email: text(&a.contact.email),
            contact_url: text(&a.contact.url),
        }
    }

    /// The record on top of `base` (id, status, version; the region only while new).
    pub fn to_record(&self, base: &AssociationRecord) -> Result<AssociationRecord, Vec<FieldError>> {
        let region = if base.id.is_empty() { RegionCode::from_code(&self.region).unwrap_or(base.region) } else { base.region };
        let a = AssociationRecord {
            name: self.name.trim().into(),
            umbrella: opt(&self.umbrella),
            cvr: opt(&self.cvr),
            region,
            contact: contact_of(&self.contact_name, &self.contact_phone, &self.contact_email, &self.contact_url),
            ..base.clone()
        };
        checked(a, vec![], validate_association, |a| AssociationRecord { id: if a.id.is_empty() { "new".into() } else { a.id.clone() }, ..a.clone() })
    }
}

impl ActivityForm {
    /// A new activity's form, verified `today`.
    pub fn blank(region: RegionCode, today: &str) -> Self {
        ActivityForm {
            region: region.code().into(),
            intensity: Intensity::Moderate.code().into(),
            price_dkk: "0".into(),
            last_verified: today.into(),
            ..Default::default()
        }
    }

    pub fn from_record(a: &ActivityRecord, lang: Lang) -> Self {
        let text = |s: &Option<String>| s.clone().unwrap_or_default();
        ActivityForm {
            association_id: a.association_id.clone(),
            region: a.region.code().into(),
            name: a.name.clone(),
            description: a.description.clone(),
            conditions: a.conditions.clone(),
            intensity: a.intensity.code().into(),
            slots: a.schedule.slots.iter().map(|s| slot_line(s, lang)).collect::<Vec<_>>().join("\n"),
            schedule_note: text(&a.schedule.note),
            location_id: text(&a.location_id),
            place_name: a.place.name.clone(),
            place_address: a.place.address.clone(),
            place_postcode: a.place.postcode.clone(),
            place_city: a.place.city.clone(),
            place_municipality_code: a.place.municipality_code.clone(),
            lat: decimal(a.place.point.lat),
            lon: decimal(a.place.point.lon),
            price_dkk: a.price.dkk.to_string(),
            price_note: text(&a.price.note),
            subsidy: text(&a.subsidy),
            free_trial: a.free_trial,
            contact_name: text(&a.contact.name),
            contact_phone: text(&a.contact.phone),
            contact_email: text(&a.contact.email),
            contact_url: text(&a.contact.url),
            accessibility: text(&a.accessibility),
            last_verified: a.last_verified.clone(),
            steward_provider_id: text(&a.steward_provider_id),
        }
    }

    /// The record on top of `base` (id, status, version; association and region only while new),
    /// or every problem: the form's own (numbers, time lines) and then `validate_activity`'s.
    pub fn to_record(&self, base: &ActivityRecord) -> Result<ActivityRecord, Vec<FieldError>> {
        let mut errors = vec![];
        let lat = validation::coordinate("place.point", ("breddegraden", "the latitude"), &self.lat, -90.0, 90.0)
            .map_err(|e| errors.push(e))
            .unwrap_or(f64::NAN);
        let lon = validation::coordinate("place.lon", ("længdegraden", "the longitude"), &self.lon, -180.0, 180.0)
            .map_err(|e| errors.push(e))
            .unwrap_or(f64::NAN);
        let mut slots = vec![];
        for (i, line) in self.slots.lines().filter(|l| !l.trim().is_empty()).enumerate() {
            match parse_slot(line) {
                Some(s) => slots.push(s),
                None => errors.push(FieldError::new(
                    &format!("schedule.slots[{i}]"),
                    ErrorCode::Invalid,
                    crate::form::SLOT_LINES.da,
                    crate::form::SLOT_LINES.en,
                )),
            }
        }
        let dkk = self.price_dkk.trim().parse::<u32>().unwrap_or_else(|_| {
            errors.push(FieldError::new("price.dkk", ErrorCode::Invalid, crate::form::WHOLE_KRONER.da, crate::form::WHOLE_KRONER.en));
            0
        });
        let new = base.id.is_empty();
        let a = ActivityRecord {
            association_id: if new { self.association_id.trim().into() } else { base.association_id.clone() },
            region: if new { RegionCode::from_code(&self.region).unwrap_or(base.region) } else { base.region },
            name: self.name.trim().into(),
            description: self.description.trim().into(),
            conditions: self.conditions.clone(),
            intensity: Intensity::from_code(&self.intensity).unwrap_or(base.intensity),
            schedule: ActivitySchedule { slots, note: opt(&self.schedule_note) },
            location_id: opt(&self.location_id),
            place: Location {
                name: self.place_name.trim().into(),
                address: self.place_address.trim().into(),
                postcode: self.place_postcode.trim().into(),
                city: self.place_city.trim().into(),
                municipality_code: self.place_municipality_code.trim().into(),
                point: GeoPoint::new(lat, lon),
            },
            price: Cost { dkk, note: opt(&self.price_note) },
            subsidy: opt(&self.subsidy),
            free_trial: self.free_trial,
            contact: contact_of(&self.contact_name, &self.contact_phone, &self.contact_email, &self.contact_url),
            accessibility: opt(&self.accessibility),
            last_verified: self.last_verified.trim().into(),
            steward_provider_id: opt(&self.steward_provider_id),
            ..base.clone()
        };
        checked(a, errors, validate_activity, |a| ActivityRecord { id: if a.id.is_empty() { "new".into() } else { a.id.clone() }, ..a.clone() })
    }
}

/// A new association's starting record in `region`.
pub fn new_association(region: RegionCode) -> AssociationRecord {
    AssociationRecord {
        id: String::new(),
        name: String::new(),
        umbrella: None,
        cvr: None,
        region,
        contact: Contact { name: None, phone: None, email: None, url: None },
        status: RecordStatus::Active,
        version: 0,
    }
}

/// A new activity's starting record in `region`.
pub fn new_activity(region: RegionCode) -> ActivityRecord {
    ActivityRecord {
        id: String::new(),
        association_id: String::new(),
        region,
        name: String::new(),
        description: String::new(),
        conditions: vec![],
        intensity: Intensity::Moderate,
        schedule: ActivitySchedule { slots: vec![], note: None },
        location_id: None,
        place: Location {
            name: String::new(),
            address: String::new(),
            postcode: String::new(),
            city: String::new(),
            municipality_code: String::new(),
            point: GeoPoint::new(0.0, 0.0),
        },
        price: Cost { dkk: 0, note: None },
        subsidy: None,
        free_trial: false,
        contact: Contact { name: None, phone: None, email: None, url: None },
        accessibility: None,
        last_verified: String::new(),
        steward_provider_id: None,
        status: RecordStatus::Active,
        version: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record_form::control_id;

    fn activity() -> ActivityRecord {
        ActivityRecord {
            id: "hjertemotion-aarhus".into(),
            association_id: "hjerteforeningen-aarhus".into(),
            name: "Hjertemotion".into(),
            description: "Motion på hold for mennesker med hjertesygdom.".into(),
            conditions: vec![Condition::Hjertesygdom],
            schedule: ActivitySchedule { slots: vec![parse_slot("Tirsdag 17:00-18:00").unwrap()], note: None },
            place: Location {
                name: "Idrætshallen".into(),
                address: "Stadion Allé 1".into(),
                postcode: "8000".into(),
                city: "Aarhus C".into(),
                municipality_code: "0751".into(),
                point: GeoPoint::new(56.14, 10.2),
            },
            free_trial: true,
            last_verified: "2026-11-20".into(),
            steward_provider_id: None,
            version: 2,
            ..new_activity(RegionCode::Midtjylland)
        }
    }

    #[test]
    fn an_activity_survives_the_form_and_errors_find_their_fields() {
        let a = activity();
        let form = ActivityForm::from_record(&a, Lang::Da);
        assert_eq!(form.to_record(&a), Ok(a.clone()));
        assert_eq!(form.value("free_trial"), "Ja");
        let bad =
            ActivityForm { slots: "hver tirsdag".into(), price_dkk: "gratis".into(), place_postcode: "5000".into(), lat: "nord".into(), ..form };
        let fields: Vec<String> = bad.to_record(&a).unwrap_err().into_iter().map(|e| e.field).collect();
        for f in ["place.point", "schedule.slots[0]", "price.dkk", "place.postcode"] {
            assert!(fields.contains(&f.to_owned()), "{f} in {fields:?}");
        }
        let ids = ["place.point", "schedule.slots[0]", "price.dkk", "place.postcode", "contact.email"].map(|f| control_id(f).unwrap());
        assert_eq!(ids, ["r-lat", "r-slots", "r-price_dkk", "r-place_postcode", "r-contact_email"]);
        for id in ids {
            let key = id.strip_prefix("r-").unwrap();
            assert!(ActivityForm::FIELDS.iter().any(|(k, ..)| *k == key), "{key} is a field of the form");
        }
    }

    #[test]
    fn an_empty_activity_form_asks_for_the_place_by_name() {
        let errors = ActivityForm::blank(RegionCode::Midtjylland, "2026-12-03").to_record(&new_activity(RegionCode::Midtjylland)).unwrap_err();
        let message = |f: &str| errors.iter().find(|e| e.field == f).map(|e| e.message.da.as_str());
        assert_eq!(message("place.point"), Some("Skriv breddegraden, eller hent koordinaterne fra postnummeret."));
        assert_eq!(message("place.municipality_code"), Some("Vælg kommunen."));
        assert!(errors.iter().all(|e| !e.message.da.contains("»«") && !e.message.da.contains("Ukendt")), "{errors:?}");
        let association = AssociationForm::blank(RegionCode::Midtjylland).to_record(&new_association(RegionCode::Midtjylland)).unwrap_err();
        assert_eq!(association.iter().map(|e| e.message.da.as_str()).collect::<Vec<_>>(), ["Skriv foreningens navn."]);
    }

    #[test]
    fn an_association_checks_its_cvr_and_keeps_its_region() {
        let base = new_association(RegionCode::Midtjylland);
        let form =
            AssociationForm { name: "Lungeforeningen Silkeborg".into(), cvr: "61126229".into(), ..AssociationForm::blank(RegionCode::Syddanmark) };
        let errors = form.to_record(&base).unwrap_err();
        assert_eq!(errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["cvr"]);
        let ok = AssociationForm { cvr: "61126228".into(), ..form }.to_record(&base).unwrap();
        assert_eq!(ok.region, RegionCode::Syddanmark, "a new association takes the chosen region");
        let saved = AssociationRecord { id: "lf".into(), ..ok.clone() };
        let moved = AssociationForm { region: "nordjylland".into(), ..AssociationForm::from_record(&saved) };
        assert_eq!(moved.to_record(&saved).unwrap().region, RegionCode::Syddanmark, "fixed once created");
    }
}
