//! The admin workspace's texts in Danish and English: one catalogue module per page or area,
//! declared with `forebyg_app::texts!` and read with `.get(crate::ui::lang())`.

pub mod activities;
pub mod audit;
pub mod common;
pub mod coverage;
pub mod directory;
pub mod editor;
pub mod import;
pub mod inbox;
pub mod offers;
pub mod overview;
pub mod reports;
pub mod sign_in;

#[cfg(test)]
mod tests {
    /// Every catalogue, for the completeness check.
    const CATALOGUES: &[(&str, &[(&str, forebyg_app::i18n::Text)])] = &[
        ("form", crate::form::ALL),
        ("activities", super::activities::ALL),
        ("audit", super::audit::ALL),
        ("common", super::common::ALL),
        ("coverage", super::coverage::ALL),
        ("directory", super::directory::ALL),
        ("editor", super::editor::ALL),
        ("import", super::import::ALL),
        ("inbox", super::inbox::ALL),
        ("offers", super::offers::ALL),
        ("overview", super::overview::ALL),
        ("reports", super::reports::ALL),
        ("sign_in", super::sign_in::ALL),
    ];

    #[test]
    fn every_text_is_written_in_both_languages() {
        for (catalogue, texts) in CATALOGUES {
            for (name, t) in texts.iter() {
                assert!(!t.da.trim().is_empty() && !t.en.trim().is_empty(), "{catalogue}::{name} is empty in a language");
                // Danish letters in the English text mean it was not translated (the language
                // switch is written in the language it switches to).
                assert!(
                    name.starts_with("LANG_SWITCH") || !t.en.contains(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å', '»']),
                    "{catalogue}::{name} is not English: {}",
                    t.en
                );
            }
        }
    }
}
