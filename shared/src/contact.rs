//! Contact details and names on the forms that ask to join (the citizen's own and a clinician's
//! referral): the rules both the form and the API apply, and the normal forms lookups compare.

use crate::validation::{ErrorCode, FieldError};

/// A name must have at least one letter (`..` or `12` names no one): the field error, if not.
/// `whose`: "dit navn"/"your name", "patientens navn"/"the patient's name".
pub fn name_without_letters(field: &str, name: &str, whose: (&str, &str)) -> Option<FieldError> {
    (!name.trim().is_empty() && !name.chars().any(char::is_alphabetic))
        .then(|| FieldError::new(field, ErrorCode::Invalid, format!("Skriv {} med bogstaver.", whose.0), format!("Enter {} in letters.", whose.1)))
}

/// Whose contact details a form asks for: the words of the messages that name what to write.
pub struct ContactWords {
    /// Neither phone nor e-mail given (da, en).
    pub required: (&'static str, &'static str),
    /// A phone number with another country's calling code (da, en).
    pub foreign_phone: (&'static str, &'static str),
}

impl ContactWords {
    /// The citizen's own form.
    pub const CITIZEN: ContactWords = ContactWords {
        required: (
            "Skriv dit telefonnummer eller din e-mailadresse, så udbyderen kan kontakte dig.",
            "Enter your phone number or e-mail address, so the provider can contact you.",
        ),
        foreign_phone: (
            "Udbyderne kan kun ringe til danske telefonnumre. Har du ikke et dansk nummer, så skriv din e-mailadresse i stedet, og lad telefonfeltet være tomt.",
            "Providers can only call Danish phone numbers. If you do not have a Danish number, enter your e-mail address instead and leave the phone field empty.",
        ),
    };
    /// A clinician referring a patient.
    pub const PATIENT: ContactWords = ContactWords {
        required: (
            "Skriv patientens telefonnummer eller e-mailadresse, så udbyderen kan kontakte patienten.",
            "Enter the patient's phone number or e-mail address, so the provider can contact them.",
        ),
        foreign_phone: (
            "Udbyderne kan kun ringe til danske telefonnumre. Skriv patientens e-mailadresse i stedet, og lad telefonfeltet være tomt.",
            "Providers can only call Danish phone numbers. Enter the patient's e-mail address instead and leave the phone field empty.",
        ),
    };
}

/// A phone number and/or an e-mail address, at least one, each well-formed (fields `phone`
/// and `email`).
pub fn contact_errors(phone: Option<&str>, email: Option<&str>, words: ContactWords) -> Vec<FieldError> {
    let mut errors = vec![];
    let phone = phone.map(str::trim).filter(|p| !p.is_empty());
    let email = email.map(str::trim).filter(|e| !e.is_empty());
    if phone.is_none() && email.is_none() {
        errors.push(FieldError::new("phone", ErrorCode::Required, words.required.0, words.required.1));
    }
    if let Some(p) = phone.filter(|p| !normalise_phone(p).is_some_and(|d| is_danish_subscriber_number(&d))) {
        errors.push(if is_foreign_phone(p) {
            FieldError::new("phone", ErrorCode::Invalid, words.foreign_phone.0, words.foreign_phone.1)
        } else {
            // The whole rule ([`is_danish_subscriber_number`]): 8 digits starting with 0 or 1
            // would otherwise be refused by a message they seem to meet.
            FieldError::new(
                "phone",
                ErrorCode::Invalid,
                "Skriv et dansk telefonnummer med 8 cifre, der begynder med 2–9, fx 22 34 56 78.",
                "Enter a Danish phone number of 8 digits starting with 2–9, e.g. 22 34 56 78.",
            )
        });
    }
    if email.is_some_and(|e| normalise_email(e).is_none()) {
        errors.push(FieldError::new(
            "email",
            ErrorCode::Invalid,
            "Skriv en e-mailadresse som navn@eksempel.dk.",
            "Enter an e-mail address like name@example.com.",
        ));
    }
    errors
}

/// A number with another country's calling code (`+46 …`, `0049 …`).
fn is_foreign_phone(phone: &str) -> bool {
    let compact = compact_phone(phone);
    let international = compact.strip_prefix('+').or_else(|| compact.strip_prefix("00"));
    international.is_some_and(|rest| !rest.starts_with("45") && rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// Unicode format characters (category Cf) a phone's or a browser's autofill puts into a number:
/// bidi marks and isolates (iOS wraps numbers in them), zero-width spaces and joiners, the BOM,
/// the word joiner and the soft hyphen.
fn is_format_char(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}')
}

/// The number without its separators: any Unicode whitespace (incl. the non-breaking ones),
/// format characters, `-`, `.`, `/`, and a `(0)` after the country code (`+45 (0) 12…`), then
/// any other brackets.
fn compact_phone(phone: &str) -> String {
    let c: String = phone.chars().filter(|&c| !(c.is_whitespace() || is_format_char(c) || matches!(c, '-' | '.' | '/'))).collect();
    let c = match c.strip_prefix("+45(0)").or_else(|| c.strip_prefix("0045(0)")) {
        Some(rest) => format!("+45{rest}"),
        None => c,
    };
    c.chars().filter(|c| !matches!(c, '(' | ')')).collect()
}

/// A Danish phone number as its 8 digits (an optional +45/0045 prefix and separators are
/// accepted). Lookups use this; a new number must also pass [`is_danish_subscriber_number`].
pub fn normalise_phone(phone: &str) -> Option<String> {
    let compact = compact_phone(phone);
    let digits = compact.strip_prefix("+45").or_else(|| compact.strip_prefix("0045")).unwrap_or(&compact);
    (digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.to_owned())
}

/// The Danish numbering plan gives 8-digit numbers starting with 2–9 only: one starting with 0
/// or 1 (`00000000`, `12345678`) reaches no one.
pub fn is_danish_subscriber_number(digits: &str) -> bool {
    digits.len() == 8 && matches!(digits.as_bytes()[0], b'2'..=b'9')
}

/// An e-mail address trimmed and lower-cased, if it looks deliverable (one @, a dotted domain).
pub fn normalise_email(email: &str) -> Option<String> {
    let e = email.trim().to_lowercase();
    let (local, domain) = e.split_once('@')?;
    let ok = !local.is_empty()
        && e.len() <= 254
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !e.chars().any(|c| c.is_whitespace() || c.is_control());
    ok.then_some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_normalisation() {
        assert_eq!(normalise_phone("+45 12 34 56 78").as_deref(), Some("12345678"), "lookups of numbers stored before the 2–9 rule");
        assert_eq!(normalise_phone("0045-12345678").as_deref(), Some("12345678"));
        assert_eq!(normalise_phone("1234567"), None);
        assert_eq!(normalise_phone("+46 12345678"), None);
        assert_eq!(normalise_email(" A@B.dk ").as_deref(), Some("a@b.dk"));
        for bad in ["a@b", "@b.dk", "a@@b.dk", "a b@c.dk", "a@.dk"] {
            assert_eq!(normalise_email(bad), None, "{bad}");
        }
    }

    #[test]
    fn separators_and_the_numbering_plan() {
        assert_eq!(normalise_phone("+45\u{a0}(0)\u{a0}22 34 56 78").as_deref(), Some("22345678"));
        assert!(!is_danish_subscriber_number("12345678") && is_danish_subscriber_number("22345678"));
    }
}
