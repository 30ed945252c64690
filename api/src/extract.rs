//! Request extractors whose failures are problem+json bodies, not axum's plain-text rejections.

use crate::error::ApiError;
use crate::AppState;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use forebyg_shared::label::join_list;
use forebyg_shared::validation::{ErrorCode, FieldError};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A JSON body; a missing content type, bad JSON or a wrong field type is a 4xx problem.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        use axum::extract::rejection::JsonRejection::*;
        let value = match axum::Json::<Value>::from_request(req, state).await {
            Ok(axum::Json(value)) => value,
            Err(MissingJsonContentType(_)) => return Err(ApiError::UnsupportedMediaType),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(ApiError::PayloadTooLarge),
            Err(e) => return Err(ApiError::BadRequest(e.body_text())),
        };
        serde_path_to_error::deserialize(integral_floats_as_integers(value)).map(ApiJson).map_err(|e| ApiError::Validation(vec![shape_error(&e)]))
    }
}

/// A body of the wrong shape, named at its field (`capacity`, `schedule[0].weekday`): a value of
/// the wrong type or not among a field's codes, or a required field missing.
fn shape_error(e: &serde_path_to_error::Error<serde_json::Error>) -> FieldError {
    let (path, inner) = (e.path().to_string(), e.inner().to_string());
    // serde_json ends with where in the text it stopped; the field says where in the body.
    let why = inner.rsplit_once(" at line ").filter(|(_, at)| at.contains(" column ")).map_or(inner.as_str(), |(w, _)| w);
    // serde names a missing field in its message, at the path of the object that lacks it.
    let missing = why.strip_prefix("missing field `").and_then(|rest| rest.split('`').next());
    let field = match (missing, path.as_str()) {
        (Some(name), ".") => name.to_owned(),
        (Some(name), parent) => format!("{parent}.{name}"),
        (None, ".") => "body".to_owned(),
        (None, at) => at.to_owned(),
    };
    match missing {
        // Each message opens with its field (it may stand alone, as in a form's error summary);
        // the problem's `detail` then does not put the field before it again.
        Some(_) => FieldError::new(&field, ErrorCode::Required, format!("»{field}« mangler."), format!("“{field}” is missing.")),
        None => {
            let (da, en) = readable(why);
            FieldError::new(&field, code(why), format!("»{field}«: {da}"), format!("“{field}”: {en}"))
        }
    }
}

/// JSON Schema counts `3.0` as an integer (the document's `integer` fields), serde does not:
/// integral numbers written with a fraction become integers before the body is typed.
fn integral_floats_as_integers(value: Value) -> Value {
    match value {
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() && f.fract() == 0.0 && (0.0..18_446_744_073_709_551_616.0).contains(&f) => Value::from(f as u64),
            Some(f) if n.is_f64() && f.fract() == 0.0 && (-9_223_372_036_854_775_808.0..0.0).contains(&f) => Value::from(f as i64),
            _ => Value::Number(n),
        },
        Value::Array(items) => Value::Array(items.into_iter().map(integral_floats_as_integers).collect()),
        Value::Object(fields) => Value::Object(fields.into_iter().map(|(k, v)| (k, integral_floats_as_integers(v))).collect()),
        other => other,
    }
}

/// A raw body (the CSV import); too large is a 413 problem, not axum's plain text.
pub struct ApiBytes(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for ApiBytes {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Bytes::from_request(req, state).await {
            Ok(bytes) => Ok(ApiBytes(bytes)),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(ApiError::PayloadTooLarge),
            Err(e) => Err(ApiError::BadRequest(e.body_text())),
        }
    }
}

/// Query parameters deserialized with serde; a value of the wrong type is a 422 problem.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(ApiQuery(value)),
            Err(e) => {
                // serde_urlencoded names the parameter: "Failed to deserialize query string: limit: invalid digit ..."
                let text = e.body_text();
                let reason = text.split_once("query string: ").map_or(text.as_str(), |(_, r)| r);
                let field = reason.split_once(": ").map_or("query", |(name, _)| name);
                let detail = reason.split_once(": ").map_or(reason, |(_, d)| d);
                let (da, en) = readable(detail);
                Err(ApiError::Validation(vec![FieldError::new(field, code(detail), da, en)]))
            }
        }
    }
}

/// The error code of serde's reason: `unknown` for a value not among a field's codes (as the
/// field rules say it), else `invalid`.
fn code(detail: &str) -> ErrorCode {
    if detail.starts_with("unknown variant `") {
        ErrorCode::Unknown
    } else {
        ErrorCode::Invalid
    }
}

/// serde's reason for a value it could not read, said for a person (Danish, English): the allowed
/// values of a code list, or the kind of value expected (without the field's name).
fn readable(detail: &str) -> (String, String) {
    // "unknown variant `x`, expected one of `a`, `b`, `c`" / "… expected `a` or `b`"
    if let Some(rest) = detail.strip_prefix("unknown variant `") {
        let (given, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        if allowed.is_empty() {
            return (format!("Ugyldig værdi »{given}«."), format!("Invalid value “{given}”."));
        }
        let (da, en) = (join_list(&allowed, "eller"), join_list(&allowed, "or"));
        return (format!("Ugyldig værdi »{given}«: brug {da}."), format!("Invalid value “{given}”: use {en}."));
    }
    let (da, en) = match detail {
        d if d.contains("invalid digit") || d.contains("integer from empty string") => ("Skal være et helt tal.", "Must be a whole number."),
        d if d.contains("too large") || d.contains("too small") => ("Tallet er uden for det tilladte område.", "The number is out of range."),
        d if d.contains("float") => ("Skal være et tal.", "Must be a number."),
        d if d.contains("`true` or `false`") || d.contains("expected a boolean") => ("Skal være true eller false.", "Must be true or false."),
        d if d.contains("expected a string") || d.contains("expected string") => ("Skal være en tekst.", "Must be a string."),
        d if d.contains("expected a sequence") => ("Skal være en liste.", "Must be a list."),
        d if ["u8", "u16", "u32", "u64", "usize", "i32", "i64"].iter().any(|t| d.ends_with(&format!("expected {t}"))) => {
            ("Skal være et helt tal.", "Must be a whole number.")
        }
        d if d.ends_with("expected f64") || d.ends_with("expected f32") => ("Skal være et tal.", "Must be a number."),
        _ => ("Ugyldig værdi.", "Invalid value."),
    };
    (da.to_owned(), en.to_owned())
}

/// Who is asking, for rate limits: an address the client cannot choose (see
/// [`crate::client_address`]), else "unknown".
pub struct ClientKey(pub String);

impl FromRequestParts<AppState> for ClientKey {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(ClientKey(state.client_address.client_key(parts)))
    }
}

#[cfg(test)]
mod tests {
    use super::readable;

    #[test]
    fn a_value_serde_refused_is_explained_in_danish_and_english() {
        assert_eq!(
            readable("unknown variant `nobody`, expected `clinician` or `citizen`"),
            ("Ugyldig værdi »nobody«: brug clinician eller citizen.".into(), "Invalid value “nobody”: use clinician or citizen.".into())
        );
        assert_eq!(
            readable("unknown variant `x`, expected one of `received`, `contacted`, `enrolled`").0,
            "Ugyldig værdi »x«: brug received, contacted eller enrolled."
        );
        assert_eq!(readable("invalid digit found in string").0, "Skal være et helt tal.");
        assert_eq!(readable("number too large to fit in target type").1, "The number is out of range.");
        assert_eq!(readable("invalid type: string \"yes\", expected a boolean").1, "Must be true or false.");
        assert_eq!(readable("invalid type: integer `5`, expected string or map").1, "Must be a string.");
        assert_eq!(readable("something new"), ("Ugyldig værdi.".into(), "Invalid value.".into()));
    }
}
