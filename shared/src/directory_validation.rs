//! Validation of provider and location records, shared by the admin forms, the API and the CSV
//! import. Field names are the records' JSON fields.

use crate::directory::{LocationRecord, ProviderRecord};
use crate::geo::DENMARK;
use crate::geography;
use crate::offer_validation::{NOTE_MAX, TITLE_MAX};
use crate::validation::{self, ErrorCode, FieldError};

/// How far a location may lie from its postcode's point: postcode areas in the countryside are
/// large, but a point further away is a typo (a swapped digit, latitude for longitude).
pub const MAX_KM_FROM_POSTCODE: f64 = 30.0;

/// The id rule of offers and records: a–z, 0–9 and hyphens, at most 64 characters.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub(crate) fn id_error(field: &str) -> FieldError {
    FieldError::new(field, ErrorCode::Invalid, "Id må kun indeholde a–z, 0–9 og bindestreg.", "The id may only contain a–z, 0–9 and hyphens.")
}

/// Every problem with a provider, empty when it is valid.
pub fn validate_provider(p: &ProviderRecord) -> Vec<FieldError> {
    validate_named(p, ("udbyderens navn", "the provider's name"))
}

/// [`validate_provider`]'s checks, the name called `name` in the messages (an association's is
/// "foreningens navn").
pub(crate) fn validate_named(p: &ProviderRecord, name: (&str, &str)) -> Vec<FieldError> {
    let mut errors = vec![];
    let mut check = |r: Result<(), FieldError>| errors.extend(r.err());
    if !is_valid_id(&p.id) {
        check(Err(id_error("id")));
    }
    check(validation::text_length("name", name, &p.name, 2, TITLE_MAX));
    errors.extend(validation::validate_contact(&p.contact));
    errors
}

/// Every problem with a location, empty when it is valid: the postcode must exist and lie in the
/// record's region, the municipality too, and the point must be near the postcode.
pub fn validate_location(l: &LocationRecord) -> Vec<FieldError> {
    let mut errors = vec![];
    let mut check = |r: Result<(), FieldError>| errors.extend(r.err());
    if !is_valid_id(&l.id) {
        check(Err(id_error("id")));
    }
    if !is_valid_id(&l.provider_id) {
        check(Err(FieldError::required("provider_id", "udbyderen", "the provider")));
    }
    check(validation::text_length("name", ("stedets navn", "the place's name"), &l.name, 2, TITLE_MAX));
    check(validation::text_length("address", ("adressen", "the address"), &l.address, 3, TITLE_MAX));
    check(validation::text_length("city", ("byen", "the town"), &l.city, 2, TITLE_MAX));
    if let Some(note) = &l.step_free_access {
        check(validation::text_length("step_free_access", ("noten om adgang uden trin", "the note on step-free access"), note, 0, NOTE_MAX));
    }
    let postcode = match validation::postcode_format("postcode", &l.postcode) {
        Err(e) => {
            check(Err(e));
            None
        }
        Ok(()) => match geography::postcode(&l.postcode) {
            None => {
                check(Err(validation::unknown_postcode("postcode", l.postcode.trim())));
                None
            }
            Some(p) if p.region != l.region => {
                check(Err(FieldError::new(
                    "postcode",
                    ErrorCode::OutOfRange,
                    format!("Postnummer {} ligger ikke i {}.", p.code, l.region.label(crate::Lang::Da)),
                    format!("Postcode {} is not in {}.", p.code, l.region.label(crate::Lang::En)),
                )));
                None
            }
            Some(p) => Some(p),
        },
    };
    match validation::municipality_code("municipality_code", &l.municipality_code) {
        Err(e) => check(Err(e)),
        Ok(m) if m.region != l.region => check(Err(FieldError::new(
            "municipality_code",
            ErrorCode::OutOfRange,
            format!("{} Kommune ligger ikke i {}.", m.name, l.region.label(crate::Lang::Da)),
            format!("{} Municipality is not in {}.", m.name, l.region.label(crate::Lang::En)),
        ))),
        Ok(_) => {}
    }
    let finite = l.point.lat.is_finite() && l.point.lon.is_finite();
    if !finite || !DENMARK.contains(l.point) {
        check(Err(FieldError::new("point", ErrorCode::OutOfRange, "Stedet skal ligge i Danmark.", "The place must be in Denmark.")));
    } else if let Some(p) = postcode {
        let km = p.point.distance_km(l.point);
        if km > MAX_KM_FROM_POSTCODE {
            check(Err(FieldError::new(
                "point",
                ErrorCode::OutOfRange,
                format!("Punktet ligger {} km fra postnummer {}. Tjek koordinaterne.", km.round(), p.code),
                format!("The point is {} km from postcode {}. Check the coordinates.", km.round(), p.code),
            )));
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::RecordStatus;
    use crate::geo::GeoPoint;
    use crate::offer::Contact;
    use crate::taxonomy::{ProviderKind, RegionCode};

    fn provider() -> ProviderRecord {
        ProviderRecord {
            id: "aarhus-kommune".into(),
            name: "Aarhus Kommune".into(),
            kind: ProviderKind::Municipality,
            region: RegionCode::Midtjylland,
            contact: Contact { name: None, phone: Some("+45 8940 2000".into()), email: Some("sundhed@aarhus.dk".into()), url: None },
            status: RecordStatus::Active,
            version: 1,
        }
    }

    fn location() -> LocationRecord {
        LocationRecord {
            id: "sundhedshuset-aarhus".into(),
            provider_id: "aarhus-kommune".into(),
            region: RegionCode::Midtjylland,
            name: "Sundhedshuset".into(),
            address: "Sundhedsvej 1".into(),
            postcode: "8000".into(),
            city: "Aarhus C".into(),
            municipality_code: "0751".into(),
            point: GeoPoint::new(56.153, 10.204),
            step_free_access: Some("Rampe ved hovedindgangen".into()),
            status: RecordStatus::Active,
            version: 1,
        }
    }

    fn fields(errors: Vec<FieldError>) -> Vec<(String, ErrorCode)> {
        errors.into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn valid_records_pass() {
        assert_eq!(validate_provider(&provider()), vec![]);
        assert_eq!(validate_location(&location()), vec![]);
    }

    #[test]
    fn provider_fields_are_checked() {
        let p = ProviderRecord { id: "Aarhus Kommune".into(), name: " ".into(), ..provider() };
        let mut p2 = p.clone();
        p2.contact.email = Some("not an address".into());
        assert_eq!(fields(validate_provider(&p)), [("id".into(), ErrorCode::Invalid), ("name".into(), ErrorCode::Required)]);
        assert!(fields(validate_provider(&p2)).contains(&("contact.email".into(), ErrorCode::Invalid)));
    }

    #[test]
    fn postcode_must_exist_and_lie_in_the_region() {
        let unknown = LocationRecord { postcode: "8100".into(), ..location() };
        assert_eq!(fields(validate_location(&unknown)), [("postcode".into(), ErrorCode::Unknown)]);
        let odense = LocationRecord { postcode: "5000".into(), city: "Odense C".into(), ..location() };
        assert!(fields(validate_location(&odense)).contains(&("postcode".into(), ErrorCode::OutOfRange)));
        let wrong_municipality = LocationRecord { municipality_code: "0461".into(), ..location() };
        assert_eq!(fields(validate_location(&wrong_municipality)), [("municipality_code".into(), ErrorCode::OutOfRange)]);
        let bad = LocationRecord { postcode: "80a0".into(), municipality_code: "9999".into(), ..location() };
        assert_eq!(fields(validate_location(&bad)), [("postcode".into(), ErrorCode::Invalid), ("municipality_code".into(), ErrorCode::Unknown)]);
        let none = LocationRecord { municipality_code: " ".into(), ..location() };
        let e = validate_location(&none);
        assert_eq!(fields(e.clone()), [("municipality_code".into(), ErrorCode::Required)]);
        assert_eq!(e[0].message.da, "Vælg kommunen.");
    }

    #[test]
    fn point_must_be_plausible() {
        let swapped = LocationRecord { point: GeoPoint::new(10.204, 56.153), ..location() };
        assert_eq!(fields(validate_location(&swapped)), [("point".into(), ErrorCode::OutOfRange)]);
        let far = LocationRecord { point: GeoPoint::new(55.396, 10.388), ..location() };
        let e = validate_location(&far);
        assert_eq!(fields(e.clone()), [("point".into(), ErrorCode::OutOfRange)]);
        assert!(e[0].message.en.contains("from postcode 8000"), "{:?}", e[0].message);
        let nan = LocationRecord { point: GeoPoint::new(f64::NAN, 10.0), ..location() };
        assert_eq!(fields(validate_location(&nan)), [("point".into(), ErrorCode::OutOfRange)]);
    }
}
