//! The Danish CPR number: DDMMYY-SSSS, whose seventh digit gives the century of the birth year.
//! Only the format and a real birth date are checked (the modulus-11 check was dropped in 2007).
//! A CPR number is personal data: never log it.

use crate::validation::{ErrorCode, FieldError};

/// The birth date (year, month, day) of a CPR number written as 10 digits, with or without a
/// dash after the sixth; `None` if it is not one.
pub fn birth_date(cpr: &str) -> Option<(u16, u8, u8)> {
    let digits = normalise(cpr)?;
    let n = |i: usize| u16::from(digits.as_bytes()[i] - b'0');
    let (day, month, yy, seventh) = (n(0) * 10 + n(1), n(2) * 10 + n(3), n(4) * 10 + n(5), n(6));
    // CPR-kontoret's table of the seventh digit.
    let century = match (seventh, yy) {
        (0..=3, _) => 1900,
        (4 | 9, 0..=36) => 2000,
        (4 | 9, _) => 1900,
        (5..=8, 0..=57) => 2000,
        (5..=8, _) => 1800,
        _ => return None,
    };
    let year = century + yy;
    let days = crate::validation::days_in_month(u32::from(year), u32::from(month))? as u16;
    (1..=days).contains(&day).then_some((year, month as u8, day as u8))
}

/// Ten digits without the dash, if the text is a CPR number's shape (spaces are ignored).
pub fn normalise(cpr: &str) -> Option<String> {
    let compact: String = cpr.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = match compact.len() {
        11 if compact.as_bytes()[6] == b'-' => format!("{}{}", &compact[..6], &compact[7..]),
        10 => compact,
        _ => return None,
    };
    digits.bytes().all(|b| b.is_ascii_digit()).then_some(digits)
}

/// Whether `text` holds what reads as a CPR number: ten digits as DDMMYY-SSSS or DDMMYYSSSS (a
/// dash or a space after the sixth), not part of a longer number, the first six a real birth
/// date. For free text that must not carry one (a citizen's message to a provider).
pub fn mentioned_in(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let digits = |from: usize, n: usize| -> Option<String> {
        let run: String = chars.get(from..from + n)?.iter().collect();
        run.bytes().all(|b| b.is_ascii_digit()).then_some(run)
    };
    let digit_at = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    (0..chars.len()).filter(|&i| i == 0 || !digit_at(i - 1)).any(|i| {
        let Some(date) = digits(i, 6) else { return false };
        let j = if matches!(chars.get(i + 6), Some('-' | ' ')) { i + 7 } else { i + 6 };
        digits(j, 4).is_some_and(|serial| !digit_at(j + 4) && birth_date(&format!("{date}{serial}")).is_some())
    })
}

/// A CPR number as Danish staff read it, DDMMYY-SSSS (for display only: the stored and sent value
/// stays the 10 digits); text that is not a CPR number's shape is shown as it is.
pub fn display(cpr: &str) -> String {
    match normalise(cpr) {
        Some(d) => format!("{}-{}", &d[..6], &d[6..]),
        None => cpr.to_owned(),
    }
}

/// Checks a CPR number against `today` (YYYY-MM-DD): its shape, a real birth date, not in the
/// future. Returns the 10 digits. The messages never repeat the number.
pub fn validate(field: &str, cpr: &str, today: &str) -> Result<String, FieldError> {
    let invalid = |da: &str, en: &str| FieldError::new(field, ErrorCode::Invalid, da, en);
    let digits = normalise(cpr)
        .ok_or_else(|| invalid("Skriv CPR-nummeret med 10 cifre, fx 010160-1234.", "Enter the CPR number as 10 digits, e.g. 010160-1234."))?;
    let (y, m, d) = birth_date(&digits)
        .ok_or_else(|| invalid("De første seks cifre er ikke en rigtig fødselsdato.", "The first six digits are not a real date of birth."))?;
    if format!("{y:04}-{m:02}-{d:02}").as_str() > today {
        return Err(invalid("Fødselsdatoen ligger i fremtiden.", "The date of birth is in the future."));
    }
    Ok(digits)
}

/// Age in whole years on `today` (YYYY-MM-DD) of someone born on `birth`.
pub fn age_on(birth: (u16, u8, u8), today: &str) -> Option<u8> {
    let (ty, tm, td) = (today.get(0..4)?.parse::<u16>().ok()?, today.get(5..7)?.parse::<u8>().ok()?, today.get(8..10)?.parse::<u8>().ok()?);
    let had_birthday = (tm, td) >= (birth.1, birth.2);
    let years = ty.checked_sub(birth.0)? - u16::from(!had_birthday);
    u8::try_from(years).ok()
}

/// The age a CPR number gives on `today`, once it is a whole, real one (while it is being typed:
/// `None`).
pub fn age(cpr: &str, today: &str) -> Option<u8> {
    age_on(birth_date(cpr)?, today)
}

/// Whether a stated age (a search's) and a CPR number's disagree by more than the year a
/// birthday makes: one is a typo, or they are two people.
pub fn ages_differ(stated: u8, from_cpr: u8) -> bool {
    stated.abs_diff(from_cpr) > 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seventh_digit_gives_the_century() {
        assert_eq!(birth_date("010150-1234"), Some((1950, 1, 1)));
        assert_eq!(birth_date("0101504234"), Some((1950, 1, 1)), "4 with 50: 1900s");
        assert_eq!(birth_date("010120-4234"), Some((2020, 1, 1)), "4 with 20: 2000s");
        assert_eq!(birth_date("010136-9234"), Some((2036, 1, 1)));
        assert_eq!(birth_date("010137-9234"), Some((1937, 1, 1)));
        assert_eq!(birth_date("010157-5234"), Some((2057, 1, 1)));
        assert_eq!(birth_date("010158-8234"), Some((1858, 1, 1)));
    }

    #[test]
    fn shown_with_the_dash_after_the_birth_date() {
        assert_eq!(display("0101601234"), "010160-1234");
        assert_eq!(display("010160-1234"), "010160-1234");
        assert_eq!(display("12345"), "12345");
    }

    #[test]
    fn only_real_dates() {
        assert_eq!(birth_date("290200-4234"), Some((2000, 2, 29)), "2000 is a leap year");
        assert_eq!(birth_date("290200-1234"), None, "1900 is not");
        assert_eq!(birth_date("310450-1234"), None);
        assert_eq!(birth_date("001350-1234"), None);
        for bad in ["0101501234x", "010150_1234", "01015-01234", "01015012345", "abcdefghij"] {
            assert_eq!(birth_date(bad), None, "{bad}");
        }
        assert_eq!(normalise(" 010150 1234 ").as_deref(), Some("0101501234"));
    }

    #[test]
    fn validation_and_age() {
        let today = "2027-03-01";
        assert_eq!(validate("cpr", "010160-1234", today).unwrap(), "0101601234");
        assert_eq!(validate("cpr", "12345", today).unwrap_err().code, ErrorCode::Invalid);
        assert!(validate("cpr", "310260-1234", today).unwrap_err().message.en.contains("real date"));
        assert!(validate("cpr", "010130-4234", today).unwrap_err().message.en.contains("future"));
        assert!(!validate("cpr", "310260-1234", today).unwrap_err().message.da.contains("3102"), "never echoes the number");
        assert_eq!(age_on((1960, 3, 1), today), Some(67));
        assert_eq!(age_on((1960, 3, 2), today), Some(66));
        assert_eq!(age("010360-1234", today), Some(67));
        assert_eq!(age("020360 1234", today), Some(66));
        assert_eq!(age("010360-123", today), None, "not yet a whole number");
        assert_eq!(age("310260-1234", today), None, "no such day");
        assert!(!ages_differ(67, 66), "a birthday apart");
        assert!(ages_differ(67, 36) && ages_differ(36, 67));
    }

    #[test]
    fn a_cpr_number_is_found_in_free_text_and_other_numbers_are_not() {
        assert!(mentioned_in("Mit CPR er 010101-1234."));
        assert!(mentioned_in("cpr 0101011234"));
        assert!(mentioned_in("010101 1234 er mit nummer"));
        // A phone number, a postcode, a date, a long number, an impossible date: no.
        assert!(!mentioned_in("Ring på +45 22 33 44 55 eller 4522334455 efter kl. 16"));
        assert!(!mentioned_in("Jeg bor i 8200 og kan fra 01-02-2027"));
        assert!(!mentioned_in("Kontonummer 12345678901234"));
        assert!(!mentioned_in("320101-1234"));
        assert!(!mentioned_in(""));
    }
}
