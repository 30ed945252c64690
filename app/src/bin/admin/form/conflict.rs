//! The 409 help: which fields differ between the admin's edit and the version someone else saved,
//! and "reapply my changes onto the current version".

use super::{OfferForm, FIELDS};
use crate::texts::editor::{CONTINUOUS, COURSE};
use forebyg_app::i18n::Text;
use forebyg_shared::eligibility::Residence;
use forebyg_shared::taxonomy::{Capacity, Category, Format, ProviderKind, RegionCode};
use forebyg_shared::Lang;

/// One row of "what changed": a field whose value differs between the admin's edit and the
/// version saved meanwhile.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    pub key: &'static str,
    pub label: Text,
    pub mine: String,
    pub current: String,
    /// The admin changed this field too (reapplying keeps the admin's value).
    pub changed_by_me: bool,
}

/// The fields where `mine` and `current` differ; `base` is the version the edit started from.
pub fn differences(base: &OfferForm, mine: &OfferForm, current: &OfferForm, lang: Lang) -> Vec<Difference> {
    FIELDS
        .iter()
        .filter(|(k, _)| *k != "last_verified" || mine.value(k) != current.value(k))
        .filter(|(k, _)| mine.value(k) != current.value(k))
        .map(|&(key, label)| Difference {
            key,
            label,
            mine: readable(key, mine.value_in(key, lang), lang),
            current: readable(key, current.value_in(key, lang), lang),
            changed_by_me: mine.value(key) != base.value(key),
        })
        .collect()
}

/// A field kept as a code (`waitlist`, `few-places`, `da, ar`) as the editor's choices say it
/// ("Venteliste", "Dansk, arabisk"); any other value as it is.
fn readable(key: &str, value: String, lang: Lang) -> String {
    let label = match key {
        "category" => Category::from_code(&value).map(|c| c.label(lang)),
        "format" => Format::from_code(&value).map(|c| c.label(lang)),
        "capacity" => Capacity::from_code(&value).map(|c| c.label(lang)),
        "region" => RegionCode::from_code(&value).map(|c| c.label(lang)),
        "provider_kind" => ProviderKind::from_code(&value).map(|c| c.label(lang)),
        "residence" => Residence::from_code(&value).map(|c| c.label(lang)),
        "enrolment" if value == "course" => Some(COURSE.get(lang)),
        "enrolment" if value == "continuous" => Some(CONTINUOUS.get(lang)),
        "languages" if !value.is_empty() => {
            let codes: Vec<String> = value.split(", ").map(str::to_owned).collect();
            return forebyg_app::format::languages(&codes, lang);
        }
        _ => None,
    };
    label.map_or(value, str::to_owned)
}

/// The current version with the admin's own changes (against `base`) applied on top.
pub fn reapply(base: &OfferForm, mine: &OfferForm, current: &OfferForm) -> OfferForm {
    let mut next = current.clone();
    for (key, _) in FIELDS {
        if mine.value(key) != base.value(key) {
            next.copy_field(key, mine);
        }
    }
    next
}
