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

use forebyg_shared::Lang;

/// A count with its noun, singular for one: `counted(1, ("række", "rækker"), ("row", "rows"),
/// lang)` is "1 række" / "1 row".
pub fn counted(n: usize, da: (&str, &str), en: (&str, &str), lang: Lang) -> String {
    let (one, many) = match lang {
        Lang::Da => da,
        Lang::En => en,
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

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
    fn a_count_of_one_takes_the_singular() {
        use forebyg_shared::Lang;
        assert_eq!(super::counted(1, ("række", "rækker"), ("row", "rows"), Lang::Da), "1 række");
        assert_eq!(super::counted(2, ("række", "rækker"), ("row", "rows"), Lang::Da), "2 rækker");
        assert_eq!(super::counted(0, ("række", "rækker"), ("row", "rows"), Lang::En), "0 rows");
        assert_eq!(super::counted(1, ("række", "rækker"), ("row", "rows"), Lang::En), "1 row");
    }

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
