//! The provider and location records a CSV import names. A row must agree with the records it
//! names (a contradiction is a row error, in the dry run too); records a row names that do not
//! exist yet are created from the row in the same all-or-nothing apply as the offers.

use crate::error::ApiError;
use crate::AppState;
use forebyg_shared::directory::{DirectoryRecord, LocationRecord, ProviderRecord, RecordStatus};
use forebyg_shared::directory_validation::{validate_location, validate_provider};
use forebyg_shared::offer::{Contact, Offer};
use forebyg_shared::validation::{ErrorCode, FieldError};
use forebyg_shared::Lang;
use std::collections::HashMap;

/// How far (km) a row's coordinates may lie from its location record's and still agree.
const LOCATION_TOLERANCE_KM: f64 = 0.001;

/// The records named by the rows being imported, and those the import will create.
#[derive(Default)]
pub struct Directory {
    providers: HashMap<String, Option<ProviderRecord>>,
    locations: HashMap<String, Option<LocationRecord>>,
    /// Records to create, with the row that names them first.
    pub created: Vec<(usize, DirectoryRecord)>,
}

/// The CSV column of a location record's field.
fn location_column(field: &str) -> &str {
    match field {
        "id" => "location_id",
        "name" => "location_name",
        "point" => "lat",
        f => f,
    }
}

fn contradiction(column: &str, kind_da: &str, kind_en: &str, id: &str, stored: &str) -> FieldError {
    FieldError::new(
        column,
        ErrorCode::Invalid,
        format!("Passer ikke med {kind_da} {id}, hvor der står »{stored}«. Ret filen, eller ret det på {kind_da}s side."),
        format!("Does not match {kind_en} {id}, which has “{stored}”. Correct the file, or change it on the {kind_en}'s page."),
    )
}

impl Directory {
    /// Reads the records the offers name.
    pub async fn load<'a>(state: &AppState, offers: impl Iterator<Item = &'a Offer>) -> Result<Self, ApiError> {
        let mut dir = Directory::default();
        for o in offers {
            if !dir.providers.contains_key(&o.provider.id) {
                dir.providers.insert(o.provider.id.clone(), state.directory.get_provider(&o.provider.id).await?);
            }
            if let Some(id) = o.location_id.as_ref().filter(|id| !dir.locations.contains_key(*id)) {
                dir.locations.insert(id.clone(), state.directory.get_location(id).await?);
            }
        }
        Ok(dir)
    }

    /// The problems of one row's offer with the records it names; records it names that do not
    /// exist are planned for creation (and later rows must agree with them).
    pub fn check(&mut self, row: usize, o: &Offer) -> Vec<FieldError> {
        let mut errors = vec![];
        match self.providers.get(&o.provider.id).cloned().flatten() {
            Some(p) => {
                let (da, en) = ("udbyderen", "provider");
                if p.name != o.provider.name {
                    errors.push(contradiction("provider_name", da, en, &p.id, &p.name));
                }
                if p.kind != o.provider.kind {
                    errors.push(contradiction("provider_kind", da, en, &p.id, p.kind.code()));
                }
                // Another region's provider is no one's to "correct on the provider's page" here.
                if p.region != o.region {
                    let (pd, od) = (p.region.label(Lang::Da), o.region.label(Lang::Da));
                    let (pe, oe) = (p.region.label(Lang::En), o.region.label(Lang::En));
                    errors.push(FieldError::new(
                        "provider_id",
                        ErrorCode::Invalid,
                        format!("Udbyderen {} hører til {pd}, men tilbuddet er i {od}. Skriv en udbyder i {od}.", p.id),
                        format!("The provider {} belongs to {pe}, but the offer is in {oe}. Write a provider in {oe}.", p.id),
                    ));
                }
                if p.status == RecordStatus::Archived {
                    errors.push(FieldError::new("provider_id", ErrorCode::Invalid, "Udbyderen er arkiveret.", "The provider is archived."));
                }
            }
            None => {
                let p = ProviderRecord {
                    id: o.provider.id.clone(),
                    name: o.provider.name.clone(),
                    kind: o.provider.kind,
                    region: o.region,
                    contact: Contact { name: None, phone: None, email: None, url: None },
                    status: RecordStatus::Active,
                    version: 1,
                };
                let invalid = validate_provider(&p);
                errors.extend(invalid.iter().cloned().map(|mut e| {
                    e.field = if e.field == "name" { "provider_name".into() } else { "provider_id".into() };
                    e
                }));
                if invalid.is_empty() {
                    self.providers.insert(p.id.clone(), Some(p.clone()));
                    self.created.push((row, DirectoryRecord::Provider(p)));
                }
            }
        }
        let Some(id) = &o.location_id else { return errors };
        let Some(place) = &o.location else {
            let (da, en) = ("Et tilbud uden adresse har intet sted.", "An offer without an address has no location.");
            errors.push(FieldError::new("location_id", ErrorCode::Invalid, da, en));
            return errors;
        };
        match self.locations.get(id).cloned().flatten() {
            Some(l) => {
                let (da, en) = ("stedet", "location");
                let stored = l.embedded();
                for (column, row_value, stored_value) in [
                    ("location_name", &place.name, &stored.name),
                    ("address", &place.address, &stored.address),
                    ("postcode", &place.postcode, &stored.postcode),
                    ("city", &place.city, &stored.city),
                    ("municipality_code", &place.municipality_code, &stored.municipality_code),
                ] {
                    if row_value != stored_value {
                        errors.push(contradiction(column, da, en, &l.id, stored_value));
                    }
                }
                // Within a metre: a spreadsheet may have rounded the exported coordinates.
                if place.point.distance_km(stored.point) > LOCATION_TOLERANCE_KM {
                    let coordinate = |n: f64| forebyg_shared::decimal::format(n, super::COORDINATE_DECIMALS);
                    errors.push(contradiction("lat", da, en, &l.id, &format!("{}, {}", coordinate(stored.point.lat), coordinate(stored.point.lon))));
                }
                if l.provider_id != o.provider.id {
                    errors.push(contradiction("location_id", da, en, &l.id, &l.provider_id));
                }
                if l.status == RecordStatus::Archived {
                    errors.push(FieldError::new("location_id", ErrorCode::Invalid, "Stedet er arkiveret.", "The location is archived."));
                }
            }
            None => {
                let l = LocationRecord {
                    id: id.clone(),
                    provider_id: o.provider.id.clone(),
                    region: o.region,
                    name: place.name.clone(),
                    address: place.address.clone(),
                    postcode: place.postcode.clone(),
                    city: place.city.clone(),
                    municipality_code: place.municipality_code.clone(),
                    point: place.point,
                    step_free_access: None,
                    status: RecordStatus::Active,
                    version: 1,
                };
                let invalid = validate_location(&l);
                errors.extend(invalid.iter().cloned().map(|mut e| {
                    e.field = location_column(&e.field).to_owned();
                    e
                }));
                if invalid.is_empty() {
                    self.locations.insert(l.id.clone(), Some(l.clone()));
                    self.created.push((row, DirectoryRecord::Location(l)));
                }
            }
        }
        errors
    }
}
