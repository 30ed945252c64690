//! Validation of package records and of the package components an offer says it delivers.
//! Field names are JSON paths, so a form can put each message next to its field.

use crate::directory_validation::is_valid_id;
use crate::offer_validation::{DESCRIPTION_MAX, TITLE_MAX};
use crate::package::{PackageDelivery, PackageRecord};
use crate::taxonomy::Category;
use crate::validation::{self, ErrorCode, FieldError};

/// The years a package can start: the reform starts in 2027; later than 2040 is a typo.
pub const FIRST_YEAR: u16 = 2027;
pub const LAST_YEAR: u16 = 2040; // also the documented range of `RegionStart::from_year`

fn code_error(field: &str) -> FieldError {
    FieldError::new(field, ErrorCode::Invalid, "Koden må kun indeholde a–z, 0–9 og bindestreg.", "The code may only contain a–z, 0–9 and hyphens.")
}

fn duplicate(field: &str) -> FieldError {
    FieldError::new(field, ErrorCode::Invalid, "Står der allerede.", "Listed twice.")
}

/// Every problem with a package, empty when it is valid.
pub fn validate_package(p: &PackageRecord) -> Vec<FieldError> {
    let mut errors = vec![];
    let mut check = |r: Result<(), FieldError>| errors.extend(r.err());
    if !is_valid_id(&p.code) {
        check(Err(code_error("code")));
    }
    check(validation::text_length("name.da", ("pakkens danske navn", "the package's Danish name"), &p.name.da, 3, TITLE_MAX));
    check(validation::text_length("name.en", ("pakkens engelske navn", "the package's English name"), &p.name.en, 3, TITLE_MAX));
    check(validation::text_length("source_note", ("kildenoten", "the source note"), &p.source_note, 0, DESCRIPTION_MAX));
    if p.conditions.is_empty() {
        check(Err(FieldError::new("conditions", ErrorCode::Required, "Vælg mindst én sygdom.", "Choose at least one condition.")));
    }
    if p.components.is_empty() {
        check(Err(FieldError::new("components", ErrorCode::Required, "Angiv mindst én komponent.", "Add at least one component.")));
    }
    for (i, c) in p.components.iter().enumerate() {
        if !is_valid_id(&c.code) {
            check(Err(code_error(&format!("components[{i}].code"))));
        } else if p.components[..i].iter().any(|earlier| earlier.code == c.code) {
            check(Err(duplicate(&format!("components[{i}].code"))));
        }
        check(validation::text_length(
            &format!("components[{i}].name.da"),
            ("komponentens danske navn", "the component's Danish name"),
            &c.name.da,
            2,
            TITLE_MAX,
        ));
        check(validation::text_length(
            &format!("components[{i}].name.en"),
            ("komponentens engelske navn", "the component's English name"),
            &c.name.en,
            2,
            TITLE_MAX,
        ));
    }
    for (i, r) in p.regions.iter().enumerate() {
        if p.regions[..i].iter().any(|earlier| earlier.region == r.region) {
            check(Err(duplicate(&format!("regions[{i}].region"))));
        }
        if !(FIRST_YEAR..=LAST_YEAR).contains(&r.from_year) {
            check(Err(FieldError::new(
                &format!("regions[{i}].from_year"),
                ErrorCode::OutOfRange,
                format!("Startåret skal ligge mellem {FIRST_YEAR} og {LAST_YEAR}."),
                format!("The start year must be between {FIRST_YEAR} and {LAST_YEAR}."),
            )));
        }
    }
    errors
}

/// Every problem with an offer's `packages`: each must name a known package once, with at
/// least one of its components, each once, and only components the offer's own intervention
/// `category` may deliver ([`crate::package::PackageComponent::deliverable_by`]).
pub fn validate_deliveries(deliveries: &[PackageDelivery], category: Category, known: &[PackageRecord]) -> Vec<FieldError> {
    let mut errors = vec![];
    for (i, d) in deliveries.iter().enumerate() {
        let field = format!("packages[{i}]");
        let Some(package) = known.iter().find(|p| p.code == d.package) else {
            errors.push(FieldError::new(&format!("{field}.package"), ErrorCode::Unknown, "Ukendt kronikerpakke.", "Unknown chronic care package."));
            continue;
        };
        if deliveries[..i].iter().any(|earlier| earlier.package == d.package) {
            errors.push(duplicate(&format!("{field}.package")));
        }
        if d.components.is_empty() {
            errors.push(FieldError::new(
                &format!("{field}.components"),
                ErrorCode::Required,
                "Vælg mindst én komponent af pakken.",
                "Choose at least one component of the package.",
            ));
        }
        for (j, code) in d.components.iter().enumerate() {
            let Some(component) = package.component(code) else {
                errors.push(FieldError::new(
                    &format!("{field}.components[{j}]"),
                    ErrorCode::Unknown,
                    format!("{} har ingen komponent »{code}«.", package.name.da),
                    format!("{} has no component “{code}”.", package.name.en),
                ));
                continue;
            };
            if !component.deliverable_by(category) {
                errors.push(FieldError::new(
                    &format!("{field}.components[{j}]"),
                    ErrorCode::Invalid,
                    format!(
                        "»{}« ({}) kan kun leveres af et tilbud med indsatsen {}, ikke {}.",
                        component.name.da,
                        package.name.da,
                        component.category.map_or("", |c| c.label(crate::Lang::Da)).to_lowercase(),
                        category.label(crate::Lang::Da).to_lowercase()
                    ),
                    format!(
                        "“{}” ({}) can only be delivered by an offer of the intervention {}, not {}.",
                        component.name.en,
                        package.name.en,
                        component.category.map_or("", |c| c.label(crate::Lang::En)).to_lowercase(),
                        category.label(crate::Lang::En).to_lowercase()
                    ),
                ));
            } else if d.components[..j].contains(code) {
                errors.push(duplicate(&format!("{field}.components[{j}]")));
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::package::{known_packages, RegionStart};
    use crate::taxonomy::RegionCode;

    fn fields(errors: Vec<FieldError>) -> Vec<(String, ErrorCode)> {
        errors.into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn package_fields_are_checked() {
        let mut p = known_packages().remove(0);
        p.code = "KOL pakke".into();
        p.conditions.clear();
        p.components[1].code = p.components[0].code.clone();
        p.regions.push(RegionStart { region: RegionCode::Midtjylland, from_year: 2026 });
        assert_eq!(
            fields(validate_package(&p)),
            [
                ("code".into(), ErrorCode::Invalid),
                ("conditions".into(), ErrorCode::Required),
                ("components[1].code".into(), ErrorCode::Invalid),
                ("regions[4].region".into(), ErrorCode::Invalid),
                ("regions[4].from_year".into(), ErrorCode::OutOfRange),
            ]
        );
    }

    #[test]
    fn deliveries_name_known_packages_and_components() {
        let known = known_packages();
        let ok = PackageDelivery { package: "kol".into(), components: vec!["fysisk-aktivitet".into()] };
        let fysisk = Category::FysiskAktivitet;
        assert_eq!(validate_deliveries(std::slice::from_ref(&ok), fysisk, &known), vec![]);
        let bad = [
            ok.clone(),
            ok.clone(),
            PackageDelivery { package: "astma".into(), components: vec![] },
            PackageDelivery { package: "laenderygsmerter".into(), components: vec!["alkohol".into()] },
            PackageDelivery { package: "hjertesygdom".into(), components: vec![] },
            PackageDelivery { package: "type-2-diabetes".into(), components: vec!["fysisk-aktivitet".into(), "ernaeringsindsats".into()] },
        ];
        assert_eq!(
            fields(validate_deliveries(&bad, fysisk, &known)),
            [
                ("packages[1].package".into(), ErrorCode::Invalid),
                ("packages[2].package".into(), ErrorCode::Unknown),
                ("packages[3].components[0]".into(), ErrorCode::Unknown),
                ("packages[4].components".into(), ErrorCode::Required),
                ("packages[5].components[1]".into(), ErrorCode::Invalid),
            ]
        );
        let why = &validate_deliveries(&bad[5..], fysisk, &known)[0].message.da;
        // Named with its package: an offer in several packages has a component of that name in each.
        assert_eq!(why, "»Kost og ernæring« (Kronikerpakke for type 2-diabetes) kan kun leveres af et tilbud med indsatsen kost og ernæring, ikke fysisk aktivitet.");
    }

    #[test]
    fn a_component_without_an_intervention_is_deliverable_by_any_offer() {
        let mut p = known_packages().remove(0);
        p.components[0].category = None;
        assert!(p.components[0].deliverable_by(Category::Alkohol));
        assert!(p.components[2].deliverable_by(Category::FysiskAktivitet) && !p.components[2].deliverable_by(Category::Sygdomsmestring));
    }
}
