//! The kronikerpakke form's state: names, conditions, the components as rows, a start year per
//! region (empty: not in that region), status and source note; converted to and from the
//! shared record with `validate_package`. Pure logic: tested natively.

use crate::form::Shown;
use crate::record_form::FormFields;
use forebyg_shared::label::Label;
use forebyg_shared::package::{PackageComponent, PackageRecord, PackageStatus, RegionStart};
use forebyg_shared::package_validation::validate_package;
use forebyg_shared::taxonomy::{Category, Condition, RegionCode};
use forebyg_shared::validation::{ErrorCode, FieldError};
use forebyg_shared::Lang;

/// One component as typed.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct ComponentRow {
    pub code: String,
    pub name_da: String,
    pub name_en: String,
    /// An intervention's code, or empty.
    pub category: String,
    pub placeholder: bool,
}

#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct PackageForm {
    pub code: String,
    pub name_da: String,
    pub name_en: String,
    pub conditions: Vec<Condition>,
    pub components: Vec<ComponentRow>,
    /// The start year per region, in `RegionCode::ALL` order ("" where it does not apply).
    pub years: Vec<String>,
    pub status: String,
    pub source_note: String,
}

impl FormFields for PackageForm {
    const FIELDS: &'static [(&'static str, &'static str, &'static str)] = &[
        ("code", "Kode", "Code"),
        ("name_da", "Navn (dansk)", "Name (Danish)"),
        ("name_en", "Navn (engelsk)", "Name (English)"),
        ("conditions", "Sygdomme", "Conditions"),
        ("components", "Komponenter", "Components"),
        ("years", "Startår pr. region", "Start year per region"),
        ("status", "Status", "Status"),
        ("source_note", "Kilde", "Source"),
    ];

    fn value(&self, key: &str) -> String {
        match key {
            "code" => self.code.trim().into(),
            "name_da" => self.name_da.trim().into(),
            "name_en" => self.name_en.trim().into(),
            "conditions" => self.conditions.shown(Lang::Da),
            "components" => self.components.iter().map(|c| format!("{}: {}", c.code.trim(), c.name_da.trim())).collect::<Vec<_>>().join(", "),
            "years" => {
                RegionCode::ALL.iter().zip(&self.years).map(|(r, y)| format!("{} {}", r.label(Lang::Da), y.trim())).collect::<Vec<_>>().join(", ")
            }
            "status" => self.status.clone(),
            "source_note" => self.source_note.trim().into(),
            _ => String::new(),
        }
    }

    fn copy_field(&mut self, key: &str, other: &Self) {
        match key {
            "code" => self.code = other.code.clone(),
            "name_da" => self.name_da = other.name_da.clone(),
            "name_en" => self.name_en = other.name_en.clone(),
            "conditions" => self.conditions = other.conditions.clone(),
            "components" => self.components = other.components.clone(),
            "years" => self.years = other.years.clone(),
            "status" => self.status = other.status.clone(),
            "source_note" => self.source_note = other.source_note.clone(),
            _ => {}
        }
    }

    fn raw(&self, key: &str) -> String {
        match key {
            "code" => self.code.clone(),
            "name_da" => self.name_da.clone(),
            "name_en" => self.name_en.clone(),
            "status" => self.status.clone(),
            "source_note" => self.source_note.clone(),
            _ => String::new(),
        }
    }

    fn set_text(&mut self, key: &str, text: String) {
        match key {
            "code" => self.code = text,
            "name_da" => self.name_da = text,
            "name_en" => self.name_en = text,
            "status" => self.status = text,
            "source_note" => self.source_note = text,
            _ => {}
        }
    }
}

/// The control of a region's start year.
pub fn year_key(region: RegionCode) -> String {
    format!("years_{}", region.code())
}

impl PackageForm {
    pub fn from_record(p: &PackageRecord) -> Self {
        PackageForm {
            code: p.code.clone(),
            name_da: p.name.da.clone(),
            name_en: p.name.en.clone(),
            conditions: p.conditions.clone(),
            components: p
                .components
                .iter()
                .map(|c| ComponentRow {
                    code: c.code.clone(),
                    name_da: c.name.da.clone(),
                    name_en: c.name.en.clone(),
                    category: c.category.map(|c| c.code().to_owned()).unwrap_or_default(),
                    placeholder: c.placeholder,
                })
                .collect(),
            years: RegionCode::ALL.iter().map(|&r| p.from_year(r).map(|y| y.to_string()).unwrap_or_default()).collect(),
            status: p.status.code().into(),
            source_note: p.source_note.clone(),
        }
    }

    /// The record on top of `base` (its code and version), or every problem; a region's year
    /// errors name that region's control (`years.{region}`), not the list index.
    pub fn to_record(&self, base: &PackageRecord) -> Result<PackageRecord, Vec<FieldError>> {
        let mut errors = vec![];
        let mut regions = vec![];
        let mut index = vec![];
        for (&region, year) in RegionCode::ALL.iter().zip(&self.years) {
            match year.trim() {
                "" => {}
                y => match y.parse::<u16>() {
                    Ok(from_year) => {
                        index.push(region);
                        regions.push(RegionStart { region, from_year });
                    }
                    Err(_) => errors.push(FieldError::new(
                        &year_key(region).replace('_', "."),
                        ErrorCode::Invalid,
                        "Skriv et årstal, fx 2027.",
                        "Write a year, e.g. 2027.",
                    )),
                },
            }
        }
        let p = PackageRecord {
            code: if base.code.is_empty() { self.code.trim().into() } else { base.code.clone() },
            name: Label { da: self.name_da.trim().into(), en: self.name_en.trim().into() },
            conditions: self.conditions.clone(),
            components: self
                .components
                .iter()
                .map(|c| PackageComponent {
                    code: c.code.trim().into(),
                    name: Label { da: c.name_da.trim().into(), en: c.name_en.trim().into() },
                    category: Category::from_code(&c.category),
                    placeholder: c.placeholder,
                })
                .collect(),
            regions,
            status: PackageStatus::from_code(&self.status).unwrap_or(base.status),
            source_note: self.source_note.trim().into(),
            version: base.version,
        };
        for mut e in validate_package(&p) {
            if let Some(i) = e.field.strip_prefix("regions[").and_then(|r| r.split(']').next()).and_then(|i| i.parse::<usize>().ok()) {
                e.field = year_key(index[i]).replace('_', ".");
            }
            if !errors.iter().any(|x| x.field == e.field) {
                errors.push(e);
            }
        }
        if errors.is_empty() {
            Ok(p)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record_form::control_id;
    use forebyg_shared::package::known_packages;

    #[test]
    fn a_package_survives_the_form_and_errors_name_their_controls() {
        let p = known_packages().remove(0);
        let form = PackageForm::from_record(&p);
        assert_eq!(form.to_record(&p), Ok(p.clone()));
        let mut bad = form.clone();
        bad.years[1] = "2026".into();
        bad.years[2] = "snart".into();
        bad.components[1].code = "Ikke en kode".into();
        bad.name_en = String::new();
        let ids: Vec<String> = bad.to_record(&p).unwrap_err().iter().map(|e| control_id(&e.field).unwrap()).collect();
        for id in ["r-years_syddanmark", "r-years_midtjylland", "r-components_1_code", "r-name_en"] {
            assert!(ids.contains(&id.to_owned()), "{id} in {ids:?}");
        }
        // A region left empty: the package does not apply there.
        let mut fewer = form;
        fewer.years[0] = String::new();
        assert_eq!(fewer.to_record(&p).unwrap().from_year(RegionCode::Nordjylland), None);
    }
}
