//! Validation rules shared by the browser (instant feedback) and the API (the guard), with
//! messages in Danish and English.

use crate::Label;
use serde::{Deserialize, Serialize};

mod place;
pub use place::{municipality_code, postcode_format, typed_postcode, unknown_postcode};

/// What is wrong with a field, as a stable machine code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    Required,
    Invalid,
    OutOfRange,
    Unknown,
    TooLong,
    TooShort,
}

/// One field's problem, with a message a person understands in both languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The name of the query parameter or body field, e.g. `postcode`, `radius_km`.
    pub field: String,
    pub code: ErrorCode,
    pub message: Label,
}

impl FieldError {
    pub fn new(field: &str, code: ErrorCode, da: impl Into<String>, en: impl Into<String>) -> Self {
        FieldError { field: field.to_owned(), code, message: Label { da: da.into(), en: en.into() } }
    }

    pub fn required(field: &str, what_da: &str, what_en: &str) -> Self {
        Self::new(field, ErrorCode::Required, format!("Angiv {what_da}."), format!("Enter {what_en}."))
    }
}

/// An age as people write it, "67 år" (or "67 years"): the number. Anything else is returned
/// trimmed, for the range check to judge.
pub fn typed_age(value: &str) -> &str {
    let v = value.trim();
    ["år", "years", "year"]
        .iter()
        .find_map(|unit| v.strip_suffix(unit))
        .map(str::trim_end)
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or(v)
}

/// Parses a finite decimal number within `min..=max` (accepts a Danish decimal comma).
pub fn number_in_range(field: &str, value: &str, min: f64, max: f64) -> Result<f64, FieldError> {
    let parsed = crate::decimal::parse(value);
    match parsed {
        None => Err(FieldError::new(field, ErrorCode::Invalid, format!("»{value}« er ikke et tal."), format!("“{value}” is not a number."))),
        Some(n) if n < min || n > max => Err(FieldError::new(
            field,
            ErrorCode::OutOfRange,
            format!("Skal være mellem {} og {}.", fmt_num(min), fmt_num(max)),
            format!("Must be between {} and {}.", fmt_num(min), fmt_num(max)),
        )),
        Some(n) => Ok(n),
    }
}

/// Parses a whole number within `min..=max`.
pub fn integer_in_range(field: &str, value: &str, min: u32, max: u32) -> Result<u32, FieldError> {
    let n = number_in_range(field, value, min as f64, max as f64)?;
    if n.fract() != 0.0 {
        return Err(FieldError::new(field, ErrorCode::Invalid, "Skal være et helt tal.", "Must be a whole number."));
    }
    Ok(n as u32)
}

/// A coordinate typed into a form (a decimal number within `min..=max`); empty, it is asked for by
/// name, `what` definite (`("breddegraden", "the latitude")`), with the way to fill it in.
pub fn coordinate(field: &str, what: (&str, &str), value: &str, min: f64, max: f64) -> Result<f64, FieldError> {
    if value.trim().is_empty() {
        let (da, en) = what;
        return Err(FieldError::new(
            field,
            ErrorCode::Required,
            format!("Skriv {da}, eller hent koordinaterne fra postnummeret."),
            format!("Enter {en}, or get the coordinates from the postcode."),
        ));
    }
    number_in_range(field, value, min, max)
}

/// A code from a closed list (category, condition, format ...).
pub fn known_code<T>(field: &str, value: &str, parse: fn(&str) -> Option<T>) -> Result<T, FieldError> {
    parse(value.trim()).ok_or_else(|| {
        FieldError::new(field, ErrorCode::Unknown, format!("»{value}« er ikke en gyldig værdi."), format!("“{value}” is not a valid value."))
    })
}

/// A code from a closed list, for someone typing it (a CSV cell): the error names every valid
/// code ("»kommune« er ikke en gyldig værdi. Gyldige værdier: municipality, region, denmark.").
pub fn listed_code<T: Copy>(field: &str, value: &str, all: &[T], code: fn(T) -> &'static str) -> Result<T, FieldError> {
    let value = value.trim();
    all.iter().copied().find(|t| code(*t) == value).ok_or_else(|| {
        let valid = all.iter().map(|t| code(*t)).collect::<Vec<_>>().join(", ");
        FieldError::new(
            field,
            ErrorCode::Unknown,
            format!("»{value}« er ikke en gyldig værdi. Gyldige værdier: {valid}."),
            format!("“{value}” is not a valid value. Valid values: {valid}."),
        )
    })
}

/// What `str::trim` removes (Unicode White_Space), as the body of a regex character class.
pub const TRIMMED_CLASS: &str = r"\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";

/// The documented schemas of what [`text_length`] and the honeypot checks accept, for
/// `#[schema(schema_with = …)]`: built here so the document is the check.
#[cfg(feature = "openapi")]
pub mod schema {
    use super::TRIMMED_CLASS;
    use utoipa::openapi::schema::{Object, ObjectBuilder, SchemaType, Type};

    /// [`super::text_length`]`(min, max)` with `min >= 1`: at least `min` characters between the
    /// first and the last that are not white space, at most `max` as sent.
    pub fn text(min: usize, max: usize) -> Object {
        let pattern = match min {
            0 => None,
            1 => Some(format!("[^{TRIMMED_CLASS}]")),
            _ => Some(format!("[^{TRIMMED_CLASS}][\\s\\S]{{{},}}[^{TRIMMED_CLASS}]", min - 2)),
        };
        ObjectBuilder::new().schema_type(Type::String).max_length(Some(max)).pattern(pattern).build()
    }

    /// A honeypot: absent, null or only white space.
    pub fn blank() -> Object {
        let kind = SchemaType::from_iter([Type::String, Type::Null]);
        ObjectBuilder::new().schema_type(kind).pattern(Some(format!("^[{TRIMMED_CLASS}]*$"))).build()
    }
}

/// Text length in characters (not bytes): at least `min` after trimming, at most `max` as sent
/// (so the documented `maxLength` is exactly what is enforced). `what` names the field in the
/// messages, definite, in Danish and English (`("titlen", "the title")`): every message says
/// which field it is about ("Skriv titlen.", not "Feltet skal udfyldes.").
pub fn text_length(field: &str, what: (&str, &str), value: &str, min: usize, max: usize) -> Result<(), FieldError> {
    let (da, en) = what;
    let n = value.trim().chars().count();
    if n < min {
        if n == 0 {
            return Err(FieldError::new(field, ErrorCode::Required, ["Skriv ", da, "."].concat(), ["Enter ", en, "."].concat()));
        }
        return Err(FieldError::new(
            field,
            ErrorCode::TooShort,
            format!("Skriv mindst {min} tegn i {da}."),
            format!("Enter at least {min} characters in {en}."),
        ));
    }
    let n = value.chars().count();
    if n > max {
        return Err(FieldError::new(
            field,
            ErrorCode::TooLong,
            format!("Skriv højst {max} tegn i {da} (nu {n})."),
            format!("Enter at most {max} characters in {en} (now {n})."),
        ));
    }
    Ok(())
}

/// The number of days of month `m` (1–12) of year `y` (Gregorian); `None` for no such month.
pub fn days_in_month(y: u32, m: u32) -> Option<u32> {
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if leap => Some(29),
        2 => Some(28),
        _ => None,
    }
}

/// A time of day as HH:MM, 00:00–23:59 (a weekly slot, a first session).
pub fn is_time(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 5 && b[2] == b':' && t[..2].parse::<u8>().is_ok_and(|h| h < 24) && t[3..].parse::<u8>().is_ok_and(|m| m < 60)
}

/// Checks a YYYY-MM-DD calendar date (Gregorian, years 2000–2100).
pub fn iso_date(field: &str, value: &str) -> Result<(), FieldError> {
    let invalid = || FieldError::new(field, ErrorCode::Invalid, "Datoen skal skrives som ÅÅÅÅ-MM-DD.", "Write the date as YYYY-MM-DD.");
    let b = value.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(invalid());
    }
    let num = |s: &str| s.parse::<u32>().map_err(|_| invalid());
    let (y, m, d) = (num(&value[0..4])?, num(&value[5..7])?, num(&value[8..10])?);
    // Written right but no day of the calendar (a walk's 2027-02-31 was told to write ÅÅÅÅ-MM-DD).
    if !(2000..=2100).contains(&y) || days_in_month(y, m).is_none_or(|days| d == 0 || d > days) {
        return Err(FieldError::new(
            field,
            ErrorCode::Invalid,
            format!("Datoen {value} findes ikke. Skriv en rigtig dato fra år 2000 til 2100."),
            format!("There is no date {value}. Write a real date from the year 2000 to 2100."),
        ));
    }
    Ok(())
}

/// A date someone last confirmed a record as true may not lie after `today` (YYYY-MM-DD): a
/// verification in the future would never fall due for re-verification.
/// (A value that is not a date is [`iso_date`]'s to report.)
pub fn not_after(field: &str, value: &str, today: &str) -> Result<(), FieldError> {
    if iso_date(field, value).is_ok() && value > today {
        return Err(FieldError::new(field, ErrorCode::OutOfRange, "Datoen må ikke ligge efter i dag.", "The date cannot be later than today."));
    }
    Ok(())
}

/// A date something is still to happen on (an offer's next start) may not lie before `today`
/// (YYYY-MM-DD): a start that has passed tells people to join something already under way.
/// `what` names the date at the start of the messages (`("Næste start", "The next start")`).
/// (A value that is not a date is [`iso_date`]'s to report.)
pub fn not_before(field: &str, what: (&str, &str), value: &str, today: &str) -> Result<(), FieldError> {
    if iso_date(field, value).is_ok() && value < today {
        let (da, en) = what;
        return Err(FieldError::new(
            field,
            ErrorCode::OutOfRange,
            format!("{da} må ikke ligge før i dag."),
            format!("{en} cannot be earlier than today."),
        ));
    }
    Ok(())
}

/// A span of days (YYYY-MM-DD; either end may be left out, empty): its last day, named by
/// `to_field`, may not come before its first. (A value that is not a date is [`iso_date`]'s to
/// report.)
pub fn day_range(to_field: &str, from: &str, to: &str) -> Result<(), FieldError> {
    if iso_date(to_field, from).is_ok() && iso_date(to_field, to).is_ok() && to < from {
        return Err(FieldError::new(
            to_field,
            ErrorCode::OutOfRange,
            "Datoen »til og med« må ikke ligge før datoen »fra og med«.",
            "The “until” date cannot be before the “from” date.",
        ));
    }
    Ok(())
}

/// A phone number people can call: digits, spaces and `+ - ( ) .` only (one `+`, before the
/// digits), 8 to 15 digits.
pub fn is_phone(value: &str) -> bool {
    let v = value.trim();
    let digits = v.chars().filter(char::is_ascii_digit).count();
    (8..=15).contains(&digits)
        && v.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c))
        && v.matches('+').count() <= 1
        && v.find('+').is_none_or(|plus| v[..plus].chars().all(|c| !c.is_ascii_digit()))
}

/// An e-mail address as the HSDS export accepts it (`format: email`): one `@`, a local part,
/// a domain with a dot, no spaces.
pub fn is_email(value: &str) -> bool {
    let v = value.trim();
    v.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && !domain.contains('@') && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
    }) && !v.contains(char::is_whitespace)
}

/// An absolute http(s) web address (HSDS `format: uri`), no spaces.
pub fn is_web_url(value: &str) -> bool {
    let v = value.trim();
    let rest = v.strip_prefix("https://").or_else(|| v.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && r.split('/').next().is_some_and(|host| host.contains('.') || host == "localhost"))
        && !v.contains(char::is_whitespace)
}

/// A web address as people type it, "kommune.dk/sundhed": `https://` put in front when it names
/// no scheme, as [`is_web_url`] asks; anything else trimmed, as typed, for the check to judge.
pub fn web_address(value: &str) -> String {
    let v = value.trim();
    if v.is_empty() || v.contains("://") {
        v.to_owned()
    } else {
        format!("https://{v}")
    }
}

/// Every problem with a contact (an offer's, an activity's, a provider's): the name's length, and
/// a phone number, e-mail address and web address each of their kind (empty ones are absent).
pub fn validate_contact(c: &crate::offer::Contact) -> Vec<FieldError> {
    let mut errors = vec![];
    let given = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
    if let Some(name) = given(&c.name) {
        errors.extend(text_length("contact.name", ("kontaktpersonens navn", "the contact person's name"), &name, 0, 120).err());
    }
    if given(&c.phone).is_some_and(|p| !is_phone(&p)) {
        errors.push(FieldError::new(
            "contact.phone",
            ErrorCode::Invalid,
            // is_phone's rule (8–15 digits); the example is also one citizens may enter.
            "Skriv et telefonnummer med 8–15 cifre, fx +45 22 34 56 78.",
            "Enter a phone number with 8–15 digits, e.g. +45 22 34 56 78.",
        ));
    }
    if given(&c.email).is_some_and(|e| !is_email(&e)) {
        errors.push(FieldError::new(
            "contact.email",
            ErrorCode::Invalid,
            "Skriv en e-mailadresse, fx navn@kommune.dk.",
            "Enter an e-mail address, e.g. name@example.org.",
        ));
    }
    if given(&c.url).is_some_and(|u| !is_web_url(&u)) {
        errors.push(FieldError::new(
            "contact.url",
            ErrorCode::Invalid,
            "Skriv en hel webadresse, der begynder med https://, fx https://kommune.dk/sundhed.",
            "Enter a full web address starting with https://, e.g. https://example.org/health.",
        ));
    }
    if given(&c.url).is_some_and(|u| u.chars().count() > 500) {
        errors.push(FieldError::new("contact.url", ErrorCode::TooLong, "Webadressen er for lang.", "The web address is too long."));
    }
    errors
}

fn fmt_num(n: f64) -> String {
    crate::decimal::format(n, 6)
}

#[cfg(test)]
#[path = "validation_tests.rs"]
mod tests;
