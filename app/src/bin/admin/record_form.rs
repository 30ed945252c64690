//! The provider and location forms' state (every field as typed), converted to and from the
//! shared records, and the 409 help for any form: which fields differ between the admin's edit
//! and the version saved meanwhile, and "reapply my changes". The offer editor's [`Difference`]
//! rows are reused, so both conflict views read the same. Pure logic: tested natively.

use crate::form::{Difference, Shown};
use forebyg_shared::directory::{LocationRecord, ProviderRecord, RecordStatus};
use forebyg_shared::directory_validation::{validate_location, validate_provider};
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::offer::Contact;
use forebyg_shared::taxonomy::{ProviderKind, RegionCode};
use forebyg_shared::validation::{self, FieldError};

/// A form whose fields can be listed, read as text and copied one by one.
pub trait FormFields: Clone {
    /// Every field: its key and its label (Danish, English).
    const FIELDS: &'static [(&'static str, &'static str, &'static str)];
    fn value(&self, key: &str) -> String;
    fn copy_field(&mut self, key: &str, other: &Self);
    /// A text field as typed (empty for other keys).
    fn raw(&self, key: &str) -> String;
    /// Writes a text field (other keys are left alone).
    fn set_text(&mut self, key: &str, text: String);
}

/// A field's label in `lang`.
pub fn label<F: FormFields>(key: &str, lang: forebyg_shared::Lang) -> &'static str {
    F::FIELDS.iter().find(|(k, ..)| *k == key).map_or("", |&(_, da, en)| if lang == forebyg_shared::Lang::En { en } else { da })
}

/// The fields where `mine` and `current` differ; `base` is the version the edit started from.
pub fn differences<F: FormFields>(base: &F, mine: &F, current: &F) -> Vec<Difference> {
    F::FIELDS
        .iter()
        .filter(|(k, ..)| mine.value(k) != current.value(k))
        .map(|&(key, da, en)| Difference {
            key,
            label: forebyg_app::i18n::Text { da, en },
            mine: mine.value(key),
            current: current.value(key),
            changed_by_me: mine.value(key) != base.value(key),
        })
        .collect()
}

/// The current version with the admin's own changes (against `base`) applied on top.
pub fn reapply<F: FormFields>(base: &F, mine: &F, current: &F) -> F {
    let mut next = current.clone();
    for (key, ..) in F::FIELDS {
        if mine.value(key) != base.value(key) {
            next.copy_field(key, mine);
        }
    }
    next
}

/// A record form: each field with its type (text as typed, a checkbox, a list of conditions)
/// and its label. `value` reads any field as text ([`Shown`]); `set_text` writes a text field.
macro_rules! record_form {
    ($form:ident { $($f:ident $(: $ty:ty)? = $da:literal, $en:literal;)+ }) => {
        #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
        pub struct $form {
            $(pub $f: record_form!(@ty $($ty)?),)+
        }

        impl FormFields for $form {
            const FIELDS: &'static [(&'static str, &'static str, &'static str)] = &[$((stringify!($f), $da, $en),)+];
            fn value(&self, key: &str) -> String {
                match key { $(stringify!($f) => Shown::shown(&self.$f, forebyg_shared::Lang::Da),)+ _ => String::new() }
            }
            fn copy_field(&mut self, key: &str, other: &Self) {
                match key { $(stringify!($f) => self.$f = other.$f.clone(),)+ _ => {} }
            }
            fn raw(&self, key: &str) -> String {
                $(record_form!(@raw self, key, $f $(: $ty)?);)+
                String::new()
            }
            fn set_text(&mut self, key: &str, text: String) {
                $(record_form!(@set self, key, text, $f $(: $ty)?);)+
            }
        }
    };
    (@ty) => { String };
    (@ty $ty:ty) => { $ty };
    (@set $self:ident, $key:ident, $text:ident, $f:ident) => {
        if $key == stringify!($f) {
            $self.$f = $text.clone();
        }
    };
    (@set $self:ident, $key:ident, $text:ident, $f:ident : $ty:ty) => {};
    (@raw $self:ident, $key:ident, $f:ident) => {
        if $key == stringify!($f) {
            return $self.$f.clone();
        }
    };
    (@raw $self:ident, $key:ident, $f:ident : $ty:ty) => {};
}
pub(crate) use record_form;

record_form!(ProviderForm {
    name = "Navn", "Name";
    kind = "Type", "Type";
    region = "Region", "Region";
    contact_name = "Kontaktperson", "Contact person";
    contact_phone = "Telefon", "Phone";
    contact_email = "E-mail", "Email";
    contact_url = "Hjemmeside", "Website";
});

record_form!(LocationForm {
    provider_id = "Udbyder", "Provider";
    name = "Stedets navn", "Name of the place";
    address = "Adresse", "Address";
    postcode = "Postnummer", "Postcode";
    city = "By", "Town";
    municipality_code = "Kommune", "Municipality";
    lat = "Breddegrad", "Latitude";
    lon = "Længdegrad", "Longitude";
    step_free_access = "Adgang uden trin", "Step-free access";
});

pub(crate) fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

fn decimal(x: f64) -> String {
    let s = format!("{x:.6}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The id of the form control a record field error belongs to: the JSON path with `.` and `[i]`
/// as `_` (`contact.email` → `r-contact_email`, `components[2].name.da` →
/// `r-components_2_name_da`); a point's errors go to its latitude, a time's to the times.
pub fn control_id(field: &str) -> Option<String> {
    let key = match field {
        "id" | "body" => return None,
        "point" | "place.point" => "lat".to_owned(),
        f if f.starts_with("schedule.slots") => "slots".to_owned(),
        "place.lon" => "lon".to_owned(),
        other => other.replace(['.', '['], "_").replace(']', ""),
    };
    Some(format!("r-{key}"))
}

impl ProviderForm {
    pub fn blank(region: RegionCode) -> Self {
        ProviderForm { kind: ProviderKind::Municipality.code().into(), region: region.code().into(), ..Default::default() }
    }

    pub fn from_record(p: &ProviderRecord) -> Self {
        let text = |s: &Option<String>| s.clone().unwrap_or_default();
        ProviderForm {
            name: p.name.clone(),
            kind: p.kind.code().into(),
            region: p.region.code().into(),
            contact_name: text(&p.contact.name),
            contact_phone: text(&p.contact.phone),
            contact_email: text(&p.contact.email),
            contact_url: text(&p.contact.url),
        }
    }

    /// The record this form describes on top of `base` (id, status, version), or every problem.
    pub fn to_record(&self, base: &ProviderRecord) -> Result<ProviderRecord, Vec<FieldError>> {
        let p = ProviderRecord {
            name: self.name.trim().into(),
            kind: ProviderKind::from_code(&self.kind).unwrap_or(base.kind),
            region: RegionCode::from_code(&self.region).unwrap_or(base.region),
            contact: Contact {
                name: opt(&self.contact_name),
                phone: opt(&self.contact_phone),
                email: opt(&self.contact_email),
                url: opt(&forebyg_shared::validation::web_address(&self.contact_url)),
            },
            ..base.clone()
        };
        // A new record has no id yet (the server makes one): check the rest.
        let checked = ProviderRecord { id: if p.id.is_empty() { "new".into() } else { p.id.clone() }, ..p.clone() };
        let errors = validate_provider(&checked);
        if errors.is_empty() {
            Ok(p)
        } else {
            Err(errors)
        }
    }
}

impl LocationForm {
    pub fn blank(provider_id: Option<&str>) -> Self {
        LocationForm { provider_id: provider_id.unwrap_or_default().into(), ..Default::default() }
    }

    pub fn from_record(l: &LocationRecord) -> Self {
        LocationForm {
            provider_id: l.provider_id.clone(),
            name: l.name.clone(),
            address: l.address.clone(),
            postcode: l.postcode.clone(),
            city: l.city.clone(),
            municipality_code: l.municipality_code.clone(),
            lat: decimal(l.point.lat),
            lon: decimal(l.point.lon),
            step_free_access: l.step_free_access.clone().unwrap_or_default(),
        }
    }

    /// The record this form describes on top of `base` (id, status, version); the region is the
    /// postcode's. Or every problem: the form's own (numbers) and then `validate_location`'s.
    pub fn to_record(&self, base: &LocationRecord) -> Result<LocationRecord, Vec<FieldError>> {
        let mut errors = vec![];
        let lat =
            validation::coordinate("point", ("breddegraden", "the latitude"), &self.lat, -90.0, 90.0).map_err(|e| errors.push(e)).unwrap_or(f64::NAN);
        let lon = validation::coordinate("lon", ("længdegraden", "the longitude"), &self.lon, -180.0, 180.0)
            .map_err(|e| errors.push(e))
            .unwrap_or(f64::NAN);
        let region = forebyg_shared::geography::postcode(&self.postcode).map_or(base.region, |p| p.region);
        let l = LocationRecord {
            provider_id: self.provider_id.trim().into(),
            region: if base.id.is_empty() { region } else { base.region },
            name: self.name.trim().into(),
            address: self.address.trim().into(),
            postcode: self.postcode.trim().into(),
            city: self.city.trim().into(),
            municipality_code: self.municipality_code.trim().into(),
            point: GeoPoint::new(lat, lon),
            step_free_access: opt(&self.step_free_access),
            ..base.clone()
        };
        let checked = LocationRecord { id: if l.id.is_empty() { "new".into() } else { l.id.clone() }, ..l.clone() };
        for e in validate_location(&checked) {
            if !errors.iter().any(|x: &FieldError| x.field == e.field) {
                errors.push(e);
            }
        }
        if errors.is_empty() {
            Ok(l)
        } else {
            Err(errors)
        }
    }
}

/// A new provider's starting record in `region`.
pub fn new_provider(region: RegionCode) -> ProviderRecord {
    ProviderRecord {
        id: String::new(),
        name: String::new(),
        kind: ProviderKind::Municipality,
        region,
        contact: Contact { name: None, phone: None, email: None, url: None },
        status: RecordStatus::Active,
        version: 0,
    }
}

/// A new location's starting record in `region`.
pub fn new_location(region: RegionCode) -> LocationRecord {
    LocationRecord {
        id: String::new(),
        provider_id: String::new(),
        region,
        name: String::new(),
        address: String::new(),
        postcode: String::new(),
        city: String::new(),
        municipality_code: String::new(),
        point: GeoPoint::new(0.0, 0.0),
        step_free_access: None,
        status: RecordStatus::Active,
        version: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place() -> LocationRecord {
        LocationRecord {
            id: "sted-1".into(),
            provider_id: "aarhus".into(),
            name: "Sundhedshuset".into(),
            address: "Sundhedsvej 1".into(),
            postcode: "8000".into(),
            city: "Aarhus C".into(),
            municipality_code: "0751".into(),
            point: GeoPoint::new(56.153, 10.204),
            version: 3,
            ..new_location(RegionCode::Midtjylland)
        }
    }

    #[test]
    fn location_form_round_trips_and_reports_fields() {
        let l = place();
        assert_eq!(LocationForm::from_record(&l).to_record(&l), Ok(l.clone()));
        let bad = LocationForm { lat: "nord".into(), postcode: "5000".into(), ..LocationForm::from_record(&l) };
        let fields: Vec<String> = bad.to_record(&l).unwrap_err().into_iter().map(|e| e.field).collect();
        assert!(fields.contains(&"point".to_owned()) && fields.contains(&"postcode".to_owned()), "{fields:?}");
        assert_eq!(control_id("point").as_deref(), Some("r-lat"));
        // A new location takes its region from the postcode.
        let new = LocationForm {
            postcode: "5000".into(),
            city: "Odense C".into(),
            municipality_code: "0461".into(),
            lat: "55.396".into(),
            lon: "10.388".into(),
            ..LocationForm::from_record(&l)
        };
        let created = new.to_record(&LocationRecord { id: String::new(), ..new_location(RegionCode::Midtjylland) }).unwrap();
        assert_eq!(created.region, RegionCode::Syddanmark);
    }

    #[test]
    fn an_empty_location_form_asks_for_each_field_by_name() {
        let errors = LocationForm::blank(None).to_record(&new_location(RegionCode::Midtjylland)).unwrap_err();
        let message = |f: &str| errors.iter().find(|e| e.field == f).map(|e| e.message.da.as_str());
        assert_eq!(message("point"), Some("Skriv breddegraden, eller hent koordinaterne fra postnummeret."));
        assert_eq!(message("lon"), Some("Skriv længdegraden, eller hent koordinaterne fra postnummeret."));
        assert_eq!(message("municipality_code"), Some("Vælg kommunen."));
        assert!(errors.iter().all(|e| !e.message.da.contains("»«") && !e.message.da.contains("Ukendt")), "{errors:?}");
    }

    #[test]
    fn conflicts_list_differences_and_reapply_my_changes() {
        let base = LocationForm::from_record(&place());
        let mine = LocationForm { step_free_access: "Rampe".into(), ..base.clone() };
        let current = LocationForm { address: "Ny Vej 2".into(), ..base.clone() };
        let diffs = differences(&base, &mine, &current);
        let rows: Vec<_> = diffs.iter().map(|d| (d.key, d.changed_by_me)).collect();
        assert_eq!(rows, [("address", false), ("step_free_access", true)]);
        let next = reapply(&base, &mine, &current);
        assert_eq!((next.address.as_str(), next.step_free_access.as_str()), ("Ny Vej 2", "Rampe"));
    }

    #[test]
    fn provider_form_checks_the_name() {
        let base = new_provider(RegionCode::Midtjylland);
        let errors = ProviderForm::blank(RegionCode::Midtjylland).to_record(&base).unwrap_err();
        assert_eq!(errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["name"]);
        let ok = ProviderForm { name: "Odder Kommune".into(), ..ProviderForm::blank(RegionCode::Midtjylland) }.to_record(&base).unwrap();
        assert_eq!((ok.name.as_str(), ok.id.as_str()), ("Odder Kommune", ""));
    }
}
