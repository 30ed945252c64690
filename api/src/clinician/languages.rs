//! Which two-letter codes are languages: an interpreter's language must be one (ISO 639-1), lest
//! the provider's inbox show "Tolk: Xx" for a code no one can book an interpreter in. Checked on
//! the server only: the referral form offers named languages, and a record system may send any.

use forebyg_shared::clinician::normalise_language;
use forebyg_shared::validation::{ErrorCode, FieldError};

/// ISO 639-1, sorted (184 codes, `bh` included).
const ISO_639_1: [&str; 184] = [
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh", "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce",
    "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is",
    "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv",
    "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw",
    "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// A field error when `code` has the form of a language code (`validate` refuses any other) but
/// names none.
pub fn unknown_interpreter_language(code: Option<&str>) -> Option<FieldError> {
    let code = normalise_language(code?)?;
    ISO_639_1.binary_search(&code.as_str()).is_err().then(|| {
        FieldError::new(
            "interpreter_language",
            ErrorCode::Unknown,
            format!("»{code}« er ikke en sprogkode. Angiv tolkesproget som en tobogstavskode, fx ar."),
            format!("“{code}” is not a language code. Give the interpreter's language as a two-letter code, e.g. ar."),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_knows_the_interpreters_languages() {
        assert!(ISO_639_1.windows(2).all(|w| w[0] < w[1]));
        for known in ["ar", "AR", " so ", "uk", "fa", "ti", "ku", "kl"] {
            assert_eq!(unknown_interpreter_language(Some(known)), None, "{known}");
        }
        assert_eq!(unknown_interpreter_language(Some("xx")).map(|e| e.code), Some(ErrorCode::Unknown));
        assert_eq!(unknown_interpreter_language(Some("arabic")), None, "not of the form: validate says so");
        assert_eq!(unknown_interpreter_language(None), None);
    }
}
