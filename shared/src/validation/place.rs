//! Checks of Danish place codes as people type them: a postcode's form (and its town typed
//! after it), a postcode not in the table, a municipality code.

use super::{ErrorCode, FieldError};

/// A Danish postcode has four digits (1000–9999); whether it exists is checked against the
/// postcode table on the server.
pub fn postcode_format(field: &str, value: &str) -> Result<(), FieldError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(FieldError::required(field, "et postnummer", "a postcode"));
    }
    if v.len() != 4 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FieldError::new(
            field,
            ErrorCode::Invalid,
            format!("»{v}« er ikke et postnummer. Et postnummer har fire cifre, fx 8000."),
            format!("“{v}” is not a postcode. A Danish postcode has four digits, e.g. 8000."),
        ));
    }
    // Four digits, so "has four digits" would not tell this person what is wrong.
    if v.starts_with('0') {
        return Err(FieldError::new(
            field,
            ErrorCode::Invalid,
            format!("»{v}« er ikke et postnummer. Et postnummer begynder ikke med 0, fx 8000."),
            format!("“{v}” is not a postcode. A Danish postcode does not start with 0, e.g. 8000."),
        ));
    }
    Ok(())
}

/// A postcode as people write it with its town, "9000 Aalborg" (or "9000, Aalborg"): the code.
/// Anything else is returned trimmed, for [`postcode_format`] to judge.
pub fn typed_postcode(value: &str) -> &str {
    let v = value.trim();
    match v.split_once([' ', ',']) {
        Some((code, town))
            // The town: anything without digits ("Aalborg", "Aarhus C", "Ærø"). Judged byte by
            // byte, not by Unicode's letter tables, which would weigh on the landing page's wasm.
            if code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit()) && !town.trim().is_empty() && !town.bytes().any(|b| b.is_ascii_digit()) =>
        {
            code
        }
        _ => v,
    }
}

/// The postcode is well-formed but not in the table.
pub fn unknown_postcode(field: &str, value: &str) -> FieldError {
    FieldError::new(
        field,
        ErrorCode::Unknown,
        format!("Vi kender ikke postnummer {value}. Tjek at det er skrevet rigtigt."),
        format!("We do not know postcode {value}. Check that it is typed correctly."),
    )
}

/// A municipality chosen from the list: none chosen is asked for, a code not in the list is
/// unknown.
pub fn municipality_code(field: &str, code: &str) -> Result<&'static crate::geography::Municipality, FieldError> {
    if code.trim().is_empty() {
        return Err(FieldError::new(field, ErrorCode::Required, "Vælg kommunen.", "Choose the municipality."));
    }
    crate::geography::municipality(code).ok_or_else(|| {
        FieldError::new(
            field,
            ErrorCode::Unknown,
            format!("Ukendt kommunekode »{code}«. Skriv kommunens fire cifre, fx 0751 for Aarhus Kommune."),
            format!("Unknown municipality code “{code}”. Write the municipality's four digits, e.g. 0751 for Aarhus Kommune."),
        )
    })
}
