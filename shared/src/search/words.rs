//! The free-text word match of the offer search: what a citizen types against what offers say.
//!
//! Citizens do not type the words an offer's author chose: `rygning` where the text says
//! `rygestop`, `traening` on a keyboard without æ, `sukkersyge` for diabetes, or English. So both
//! the query and the offer's text are folded to one form (lower case, æ/ø/å spelled ae/oe/aa,
//! punctuation a word break), each query word also tries its stem (Danish endings stripped) at
//! the start of a word, and a small table adds the terms offers use for common lay and English
//! words. Every query word must match (AND); a word's alternatives are ORed.
//!
//! This runs per offer per search over thousands of offers, so the query is folded once into
//! [`TextQuery`] and each offer's text once into one string; matching is substring search on it.

use crate::offer::Offer;
use crate::Lang;
use std::borrow::Cow;

/// Appends `text` folded: lower case; æ/ä → ae, ø/ö → oe, å → aa (so `traening` and `træning`
/// are one word, as are `Aarhus` and `Århus`); common accents dropped; anything but letters and
/// digits a single space. `out` starts and ends with a space once anything was folded into it, so
/// " word" finds a word's start.
fn fold_into(out: &mut String, text: &str) {
    if !out.ends_with(' ') {
        out.push(' ');
    }
    for c in text.chars() {
        // Fast path: most text is ASCII, and lower-casing it needs no iterator.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        for l in c.to_lowercase() {
            match l {
                'æ' | 'ä' => out.push_str("ae"),
                'ø' | 'ö' => out.push_str("oe"),
                'å' => out.push_str("aa"),
                'é' | 'è' | 'ê' | 'ë' => out.push('e'),
                'ü' => out.push('u'),
                l if l.is_alphanumeric() => out.push(l),
                _ if !out.ends_with(' ') => out.push(' '),
                _ => {}
            }
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
}

/// The folded form of `text` (see [`fold_into`]).
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    fold_into(&mut out, text);
    out
}

/// Inflectional endings (plural, definite, genitive, participle), longest first. Stripping one
/// keeps the word's stem, so what follows it in the text may be anything: `kosten` → `kost`
/// finds `kostvejledning`, `træningen` → `træning` finds `træningshold`.
const INFLECTIONS: &[&str] = &["erne", "ende", "ene", "ere", "ens", "ers", "ets", "en", "er", "et", "es", "e", "s"];

/// Derivational endings that make a noun of a verb or adjective: `rygning` → `ryg` (finds
/// `rygestop`, `rygere`), `forebyggelse` → `forebygg`. Such a short root also begins unrelated
/// words (`træning` → `træ`, as in `træt`), so after it the text word must end or go on as the
/// verb's own forms do ([`ROOT_GOES_ON`]).
const DERIVATIONS: &[&str] = &["ning", "else", "hed"];

/// What may follow a derivational root in the text: the word's end (a space), or the e/n/r of
/// the verb's forms (`ryge`, `rygning`, `ryger`).
const ROOT_GOES_ON: &[u8] = b" enr";

/// A stem keeps at least this many (folded) letters: shorter ones begin too many words.
const MIN_STEM: usize = 3;

/// `word` without the longest of `endings` it has, if a long enough stem is left.
fn strip<'a>(word: &'a str, endings: &[&str]) -> Option<&'a str> {
    endings.iter().filter_map(|e| word.strip_suffix(e)).find(|stem| stem.len() >= MIN_STEM && stem.chars().any(|c| c.is_alphabetic()))
}

/// Lay words and common English words, folded, with the Danish terms offers use for them (a
/// query word's alternatives). Small on purpose: every entry widens a search, so an entry is here
/// because citizens type it and offers do not say it. A short term starts with a space, so it is
/// found only at a word's start: inside words it is noise (`kol` in `skole`, `ryg` in `tryg`);
/// longer ones are found inside compounds too (`kraeft` in `brystkraeft`). `ryg` is both "back"
/// and "smoke" in Danish: a back-pain search may also list smoking offers.
const SYNONYMS: &[(&[&str], &[&str])] = &[
    (&["sukkersyge", "diabetes", "diabetic", "sugar"], &["diabetes", "sukkersyge"]),
    (
        &["rygning", "ryger", "smoeger", "smoeg", "smoking", "smoke", "smoker", "tobacco", "nicotine", "cigarette", "cigaret", "vape", "vaping"],
        &[" ryg", "rygestop", "nikotin", "tobak", " snus", "dampe"],
    ),
    (&["hjertekar", "heart", "cardiac", "kredsloeb"], &["hjerte"]),
    (&["anxiety", "anxious", "nervoes", "uro"], &["angst"]),
    (&["depression", "depressed", "nedtrykt", "nedtrykthed"], &["depression", "nedtrykt"]),
    (&["stress", "stressed", "burnout"], &["stress"]),
    (&["alcohol", "drinking", "druk", "sprut"], &["alkohol"]),
    (&["diet", "nutrition", "food", "weight", "overweight", "obesity", "mad", "slank", "overvaegt"], &[" kost", "ernaering", "vaegt", " mad"]),
    (&["exercise", "training", "physical", "fitness", "sport", "workout"], &["traening", "motion", "fysisk"]),
    (&["copd", "lungs", "lung", "breathing", "lungesygdom"], &[" kol", "lunge"]),
    (&["cancer", "tumour", "tumor", "kraeftsygdom"], &["kraeft"]),
    (&["back", "backache"], &[" ryg", "laenderyg"]),
    (&["pain", "painful", "ondt"], &["smerte"]),
];

/// One way a query word can be found in an offer's folded text.
#[derive(Debug, Clone, PartialEq)]
enum Needle {
    /// Anywhere, even inside a word (as the search always did: `hold` finds `træningshold`), or,
    /// with a leading space, at a word's start followed by anything (a stem: " stem"). The
    /// table's terms are borrowed, so a query allocates only for its own words.
    Text(Cow<'static, str>),
    /// At a word's start, then the word's end or one of [`ROOT_GOES_ON`]: " root".
    Root(String),
}

impl Needle {
    fn found_in(&self, haystack: &str) -> bool {
        match self {
            Needle::Text(n) => haystack.contains(n.as_ref()),
            Needle::Root(n) => {
                haystack.match_indices(n.as_str()).any(|(i, _)| haystack.as_bytes().get(i + n.len()).is_some_and(|b| ROOT_GOES_ON.contains(b)))
            }
        }
    }
}

/// A free-text query prepared for matching many offers: each word's alternatives.
#[derive(Debug, Clone, PartialEq)]
pub struct TextQuery {
    words: Vec<Vec<Needle>>,
}

impl TextQuery {
    pub fn new(q: &str) -> Self {
        let folded = fold(q);
        let words = folded.split_whitespace().map(alternatives).collect();
        TextQuery { words }
    }

    /// Whether every query word matches the offer's folded text (an empty query matches all).
    pub fn matches(&self, offer: &Offer) -> bool {
        self.words.is_empty() || {
            let haystack = haystack(offer);
            self.words.iter().all(|alts| alts.iter().any(|n| n.found_in(&haystack)))
        }
    }
}

/// A folded query word's alternatives: itself anywhere, its stems, its synonym table terms.
fn alternatives(word: &str) -> Vec<Needle> {
    let mut alts = vec![Needle::Text(Cow::Owned(word.to_owned()))];
    let stem = strip(word, INFLECTIONS);
    if let Some(stem) = stem {
        alts.push(Needle::Text(Cow::Owned(format!(" {stem}"))));
    }
    if let Some(root) = strip(stem.unwrap_or(word), DERIVATIONS) {
        alts.push(Needle::Root(format!(" {root}")));
    }
    // The table knows a word, its English plural (`smokers`) or its Danish stem (`smøgerne`).
    let known = |key: &&str| *key == word || word.strip_suffix('s') == Some(*key) || stem == Some(*key);
    for (_, terms) in SYNONYMS.iter().filter(|(keys, _)| keys.iter().any(known)) {
        for term in terms.iter().map(|t| Needle::Text(Cow::Borrowed(t))) {
            if !alts.contains(&term) {
                alts.push(term);
            }
        }
    }
    alts
}

/// The offer's searchable text folded into one string: its texts, its provider, and its
/// category's and conditions' labels in both languages (an offer filed under KOL is found by
/// `kol` and `copd` though its text may not repeat it).
fn haystack(offer: &Offer) -> String {
    let texts = [offer.title.as_str(), &offer.summary, &offer.description, &offer.provider.name];
    // Room for the labels (~32 bytes each) and for æ/ø/å growing to two letters, so one
    // allocation usually holds it all.
    let len = texts.iter().map(|t| t.len()).sum::<usize>();
    let mut out = String::with_capacity(len + len / 8 + 2 * (1 + offer.conditions.len()) * 32);
    for text in texts {
        fold_into(&mut out, text);
    }
    for lang in [Lang::Da, Lang::En] {
        fold_into(&mut out, offer.category.label(lang));
        for c in &offer.conditions {
            fold_into(&mut out, c.label(lang));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::{Category, Condition};

    fn offer() -> Offer {
        serde_json::from_str(include_str!("../../tests/offer_fixture.json")).unwrap()
    }

    /// The fixture with these texts, category and conditions (no provider name to match by).
    fn with(title: &str, description: &str, category: Category, conditions: &[Condition]) -> Offer {
        let mut o = offer();
        (o.title, o.summary, o.description, o.provider.name) = (title.into(), String::new(), description.into(), "Glostrup Kommune".into());
        (o.category, o.conditions) = (category, conditions.to_vec());
        o
    }

    fn finds(o: &Offer, q: &str) -> bool {
        TextQuery::new(q).matches(o)
    }

    fn smoking_offer() -> Offer {
        with("Rygestop på hold", "Vi hjælper rygere med at stoppe.", Category::AfklarendeSamtale, &[])
    }

    fn exercise_offer() -> Offer {
        with("Hold dig i gang", "Træning for borgere med kræft.", Category::AfklarendeSamtale, &[])
    }

    #[test]
    fn folding_spells_danish_letters_out_and_breaks_at_punctuation() {
        assert_eq!(fold("Træning, ØL & Århus-type 2-diabetes!"), " traening oel aarhus type 2 diabetes ");
        assert_eq!(fold(""), " ");
    }

    #[test]
    fn rygning_finds_rygestop_and_rygere() {
        let o = smoking_offer();
        assert!(!o.title.to_lowercase().contains("rygning") && finds(&o, "rygning"));
        assert!(finds(&o, "Rygningen") && finds(&o, "rygere"));
        assert!(finds(&with("Stop med at ryge", "", Category::AfklarendeSamtale, &[]), "rygning"));
    }

    #[test]
    fn traening_without_ae_and_inflected_forms_find_traening() {
        let o = exercise_offer();
        assert!(finds(&o, "traening") && finds(&o, "TRÆNING") && finds(&o, "træningen") && finds(&o, "træninger"));
        // æ typed as ae in the text is found by æ in the query too.
        assert!(finds(&with("Traening", "", Category::AfklarendeSamtale, &[]), "træning"));
    }

    #[test]
    fn a_derived_roots_next_letter_keeps_unrelated_words_out() {
        // `træningen` → root `træ`, which begins `træthed` too: not a match.
        let tired = with("Hjælp til træthed", "", Category::AfklarendeSamtale, &[]);
        assert!(!finds(&tired, "træningen") && !finds(&tired, "traening"));
    }

    #[test]
    fn lay_and_english_words_find_danish_terms() {
        let diabetes = with("Lev med type 2-diabetes", "", Category::AfklarendeSamtale, &[]);
        assert!(finds(&diabetes, "sukkersyge") && finds(&diabetes, "2-diabetes") && finds(&diabetes, "type 2 diabetes"));
        for q in ["smoking", "smokers", "smøger", "smøgerne", "tobacco"] {
            assert!(finds(&smoking_offer(), q), "{q}");
        }
        let anxious = with("Kursus i at håndtere angst", "", Category::AfklarendeSamtale, &[]);
        assert!(finds(&anxious, "anxiety"));
        let heart = with("Genoptræning efter hjerteoperation", "", Category::AfklarendeSamtale, &[]);
        assert!(finds(&heart, "hjertekar") && finds(&heart, "heart"));
        assert!(finds(&exercise_offer(), "exercise") && finds(&exercise_offer(), "cancer"));
    }

    #[test]
    fn category_and_condition_labels_are_searched_in_both_languages() {
        let o = with("Et godt liv med din sygdom", "", Category::Nikotinafvaenning, &[Condition::Kol]);
        assert!(finds(&o, "KOL") && finds(&o, "COPD") && finds(&o, "nikotinafvænning") && finds(&o, "quit smoking"));
        // Short table terms only at a word's start: `kol` is inside `skole` and must not count.
        let school = with("Sund skole", "", Category::AfklarendeSamtale, &[]);
        assert!(!finds(&school, "copd"));
    }

    #[test]
    fn words_an_offer_lacks_do_not_match_and_every_word_must() {
        let o = exercise_offer();
        assert!(!finds(&o, "svømning") && !finds(&o, "smoking") && !finds(&o, "zebra"));
        assert!(finds(&o, "træning kræft") && !finds(&o, "træning svømning") && !finds(&o, "rygning træning"));
        assert!(finds(&o, "") && finds(&o, " - "), "no words: no text filter");
    }

    #[test]
    fn the_table_is_folded_and_stems_stay_long_enough() {
        for (keys, terms) in SYNONYMS {
            for w in keys.iter().chain(terms.iter()) {
                assert_eq!(fold(w).trim(), w.trim_start(), "{w} is not folded");
            }
            for t in terms.iter() {
                assert!(t.len() > 4 || t.starts_with(' '), "{t:?}: a short term only at a word's start");
            }
        }
        assert_eq!(strip("ryge", INFLECTIONS), Some("ryg"));
        assert_eq!(strip("kole", INFLECTIONS), Some("kol"));
        assert_eq!(strip("ole", INFLECTIONS), None);
        assert_eq!(strip("rygning", DERIVATIONS), Some("ryg"));
    }
}
