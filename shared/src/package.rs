//! Kronikerpakker (national chronic-care packages) as data: their content is still being written
//! by Sundhedsstyrelsen, so which conditions a package covers, which components it requires and
//! from which year in which region are records national admins edit, not code.

use crate::label::Label;
use crate::problem::Problem;
use crate::taxonomy::{Category, Condition, Kronikerpakke, RegionCode};
use serde::{Deserialize, Serialize};

code_enum! {
    /// Whether a package's definition applies (in force) or is still being prepared (draft).
    PackageStatus {
        Draft = "draft", "Udkast", "Draft";
        InForce = "in-force", "Gældende", "In force";
    }
}

/// Something a package requires people to be offered, e.g. physical training.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PackageComponent {
    /// Stable within the package (a–z, 0–9, hyphens); offers name it when they deliver it.
    pub code: String,
    pub name: Label,
    /// The intervention of the national quality standards this component is, if it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// Assumed until Sundhedsstyrelsen publishes the package's framework.
    #[serde(default)]
    pub placeholder: bool,
}

impl PackageComponent {
    /// The one rule for which offers may deliver a component, shared by validation, the offer
    /// editor and the coverage lens: an intervention component only by offers of that same
    /// intervention (a search filtered by package and intervention finds exactly those), any
    /// other component (no `category`, e.g. a package-specific element) by any offer.
    pub fn deliverable_by(&self, category: Category) -> bool {
        self.category.is_none_or(|c| c == category)
    }
}

/// From which year a package applies in a region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegionStart {
    pub region: RegionCode,
    /// Documented with the range the validator enforces (`package_validation`).
    #[cfg_attr(feature = "openapi", schema(minimum = 2027, maximum = 2040))]
    pub from_year: u16,
}

/// A kronikerpakke. Its `code` is its id (`kol`, `type-2-diabetes`, …) and never changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PackageRecord {
    pub code: String,
    pub name: Label,
    pub conditions: Vec<Condition>,
    pub components: Vec<PackageComponent>,
    /// The regions the package applies in and from which year (one entry per region).
    pub regions: Vec<RegionStart>,
    pub status: PackageStatus,
    /// Where the content comes from and what is still provisional.
    pub source_note: String,
    /// Optimistic-concurrency version, incremented on every change.
    #[serde(default)]
    pub version: u64,
}

impl PackageRecord {
    /// The year the package applies from in `region`, if it does there.
    pub fn from_year(&self, region: RegionCode) -> Option<u16> {
        self.regions.iter().find(|r| r.region == region).map(|r| r.from_year)
    }

    pub fn component(&self, code: &str) -> Option<&PackageComponent> {
        self.components.iter().find(|c| c.code == code)
    }

    /// Whether none of the package's components is this intervention (then a search filtered by
    /// the package finds none of it, wherever it looks).
    pub fn leaves_out(&self, category: Category) -> bool {
        !self.components.iter().any(|c| c.category == Some(category))
    }
}

/// Which components of one package an offer delivers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PackageDelivery {
    /// The package's code.
    pub package: String,
    /// Component codes of that package.
    pub components: Vec<String>,
}

/// Title of the 409 `record-in-use` problem when a package edit removes components offers
/// deliver (the admin app shows its own sentence for it).
pub const COMPONENTS_IN_USE: &str = "Components still delivered by offers";

/// 409 body of a stale package edit: the problem plus the package as it is now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StalePackage {
    #[serde(flatten)]
    pub problem: Problem,
    pub current: PackageRecord,
}

/// The note every seeded package carries: what is known and what is assumed.
pub const SEED_SOURCE_NOTE: &str = "Startår fra aftalen om sundhedsreformen (2024). Komponenterne er de af kvalitetsstandardernes seks \
indsatser, som de sygdomsspecifikke anbefalinger nævner; de er markeret som foreløbige, indtil Sundhedsstyrelsen udgiver \
rammen for pakken. / Start years from the 2024 health reform agreement. Components are those of the quality standards' six \
interventions that the disease-specific recommendations name; they are marked as provisional until the Danish Health \
Authority publishes the package's framework.";

fn component(category: Category) -> PackageComponent {
    PackageComponent {
        code: category.code().to_owned(),
        name: Label::new(category.label(crate::Lang::Da), category.label(crate::Lang::En)),
        category: Some(category),
        placeholder: true,
    }
}

/// The five known packages, as seeded into an empty store: start years as agreed (the same in
/// every region), components provisional. KOL and low back pain start in 2027 and are in force;
/// the later ones are drafts until their content is published.
pub fn known_packages() -> Vec<PackageRecord> {
    use Category::*;
    use Kronikerpakke as K;
    let seeds: [(K, &[Condition], &[Category]); 5] = [
        (K::Kol, &[Condition::Kol], &[AfklarendeSamtale, Sygdomsmestring, FysiskAktivitet, Nikotinafvaenning, Ernaering]),
        (K::Laenderyg, &[Condition::Laenderyg], &[AfklarendeSamtale, Sygdomsmestring, FysiskAktivitet]),
        (K::Type2Diabetes, &[Condition::Type2Diabetes], &[AfklarendeSamtale, Sygdomsmestring, FysiskAktivitet, Ernaering, Nikotinafvaenning]),
        (K::Hjertesygdom, &[Condition::Hjertesygdom], &[AfklarendeSamtale, Sygdomsmestring, FysiskAktivitet, Ernaering, Nikotinafvaenning, Alkohol]),
        (K::KompleksMultisygdom, &[Condition::Kol, Condition::Type2Diabetes, Condition::Hjertesygdom, Condition::MuskelSkelet], Category::REQUIRED),
    ];
    seeds
        .iter()
        .map(|(k, conditions, components)| PackageRecord {
            code: k.code().to_owned(),
            name: Label::new(k.label(crate::Lang::Da), k.label(crate::Lang::En)),
            conditions: conditions.to_vec(),
            components: components.iter().map(|c| component(*c)).collect(),
            regions: RegionCode::ALL.iter().map(|&region| RegionStart { region, from_year: k.from_year() }).collect(),
            status: if k.from_year() <= 2027 { PackageStatus::InForce } else { PackageStatus::Draft },
            source_note: SEED_SOURCE_NOTE.to_owned(),
            version: 1,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_known_packages_with_their_start_years() {
        let p = known_packages();
        let years: Vec<_> = p.iter().map(|p| (p.code.as_str(), p.from_year(RegionCode::Midtjylland))).collect();
        assert_eq!(
            years,
            [
                ("kol", Some(2027)),
                ("laenderygsmerter", Some(2027)),
                ("type-2-diabetes", Some(2028)),
                ("hjertesygdom", Some(2029)),
                ("kompleks-multisygdom", Some(2031))
            ]
        );
        assert!(p.iter().all(|p| p.components.iter().all(|c| c.placeholder) && p.source_note.contains("provisional")));
        assert_eq!(p[0].component("fysisk-aktivitet").and_then(|c| c.category), Some(Category::FysiskAktivitet));
        for package in &p {
            assert_eq!(crate::package_validation::validate_package(package), vec![], "{}", package.code);
        }
    }

    #[test]
    fn old_offers_without_packages_still_read() {
        let mut json: serde_json::Value = serde_json::from_str(include_str!("../tests/offer_fixture.json")).unwrap();
        let o = json.as_object_mut().unwrap();
        o.remove("packages");
        o.remove("activity_ids");
        o.insert("kronikerpakke".into(), "kol".into());
        o.insert("continue_afterwards".into(), serde_json::json!([{"name": "Gå-klubben", "url": "https://x.dk", "description": null}]));
        let offer: crate::offer::Offer = serde_json::from_value(json).unwrap();
        assert!(offer.packages.is_empty() && offer.activity_ids.is_empty());
    }
}
