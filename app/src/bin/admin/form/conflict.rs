//! The 409 help: which fields differ between the admin's edit and the version someone else saved,
//! and "reapply my changes onto the current version".

use super::{OfferForm, FIELDS};
use forebyg_app::i18n::Text;
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
            mine: mine.value_in(key, lang),
            current: current.value_in(key, lang),
            changed_by_me: mine.value(key) != base.value(key),
        })
        .collect()
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
