//! Content negotiation on every FHIR route: Forebyg serves and takes JSON only. FHIR clients ask
//! for a format with `_format` (which overrides `Accept`) or `Accept`, and send resources with a
//! `Content-Type`; an XML-only client gets a clear OperationOutcome instead of JSON it cannot read
//! (406) or a JSON parse error for its XML body (415).

use super::outcome::{Issue, Outcome};
use crate::AppState;
use axum::extract::Request;
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use utoipa::openapi::{OpenApi, RefOr};
use utoipa::IntoResponses;
use utoipa_axum::router::OpenApiRouter;

/// The `_format` values and media types that mean FHIR JSON (`application/json+fhir` is the
/// pre-R4 name some clients still send).
const JSON: [&str; 4] = ["json", "application/json", "application/fhir+json", "application/json+fhir"];

/// `router`'s routes refuse other formats, and its OpenAPI operations say so (406; 415 on those
/// with a request body).
pub fn json_only(mut router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    document(router.get_openapi_mut());
    router.layer(axum::middleware::from_fn(negotiate))
}

async fn negotiate(request: Request, next: Next) -> Response {
    let has_body = matches!(*request.method(), Method::POST | Method::PUT | Method::PATCH);
    match refusal(request.uri().query(), request.headers(), has_body) {
        Some(outcome) => outcome.into_response(),
        None => next.run(request).await,
    }
}

/// Why a request cannot be served in JSON, if it cannot (`has_body`: its method sends a resource).
pub fn refusal(query: Option<&str>, headers: &HeaderMap, has_body: bool) -> Option<Outcome> {
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim).filter(|v| !v.is_empty());
    if let Some(sent) = text(header::CONTENT_TYPE).filter(|t| has_body && !(is_json(media_type(t)) && is_r4(t))) {
        return Some(Outcome {
            status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
            issues: vec![Issue::not_supported(
                "Content-Type",
                format!("Resources are taken in FHIR R4 JSON only: send Content-Type: application/fhir+json; fhirVersion=4.0 (not {sent})."),
            )],
        });
    }
    // An empty `_format=` (a form left blank) asks for nothing.
    let formats: Vec<String> = form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .filter(|(k, v)| k == "_format" && !v.trim().is_empty())
        .map(|(_, v)| v.into_owned())
        .collect();
    if let Some(format) = formats.iter().find(|f| !is_json(f.trim())) {
        return Some(not_acceptable("_format", format!("Only JSON is served: use _format=json (not {format}).")));
    }
    match text(header::ACCEPT) {
        Some(accept) if formats.is_empty() && !accepts_json(accept) => {
            Some(not_acceptable("Accept", format!("Only FHIR R4 JSON is served: accept application/fhir+json; fhirVersion=4.0 (not {accept}).")))
        }
        _ => None,
    }
}

fn not_acceptable(param: &str, diagnostics: String) -> Outcome {
    Outcome { status: StatusCode::NOT_ACCEPTABLE, issues: vec![Issue::not_supported(param, diagnostics)] }
}

/// The media type of a header value without its parameters, lower-cased.
fn media_type(value: &str) -> String {
    value.split(';').next().unwrap_or("").trim().to_ascii_lowercase()
}

fn is_json(format: impl AsRef<str>) -> bool {
    JSON.contains(&format.as_ref().to_ascii_lowercase().as_str())
}

/// A media type parameter's value (`q`, `fhirVersion`), if the value names it.
fn parameter<'a>(value: &'a str, name: &str) -> Option<&'a str> {
    value
        .split(';')
        .skip(1)
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case(name))
        .map(|(_, v)| v.trim().trim_matches('"'))
}

/// Whether a media type's `fhirVersion` parameter, if any, names R4 ("4.0", as the FHIR
/// specification writes it; "4.0.1" taken too). A client that asks for STU3 would misread R4.
fn is_r4(value: &str) -> bool {
    parameter(value, "fhirVersion").is_none_or(|v| v == "4.0" || v.starts_with("4.0."))
}

/// Whether an `Accept` list takes FHIR R4 JSON: a range that names it, `application/*` or `*/*`,
/// with a weight above 0 and no other `fhirVersion`.
fn accepts_json(accept: &str) -> bool {
    accept.split(',').any(|range| {
        let weight = parameter(range, "q").and_then(|q| q.parse::<f32>().ok());
        let kind = media_type(range);
        weight.is_none_or(|q| q > 0.0) && is_r4(range) && (is_json(&kind) || kind == "*/*" || kind == "application/*")
    })
}

/// Adds the refusals to every operation of `openapi`: 406 everywhere, 415 where a body is taken.
fn document(openapi: &mut OpenApi) {
    let add = |responses: &mut std::collections::BTreeMap<String, RefOr<utoipa::openapi::Response>>, more| {
        for (status, response) in more {
            responses.entry(status).or_insert(response);
        }
    };
    for item in openapi.paths.paths.values_mut() {
        for operation in [&mut item.get, &mut item.post, &mut item.put, &mut item.patch, &mut item.delete].into_iter().flatten() {
            add(&mut operation.responses.responses, crate::openapi::FhirNotAcceptable::responses());
            if operation.request_body.is_some() {
                add(&mut operation.responses.responses, crate::openapi::FhirUnsupportedMedia::responses());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(query: Option<&str>, headers: &[(&str, &str)]) -> Option<u16> {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.insert(header::HeaderName::from_bytes(name.as_bytes()).unwrap(), value.parse().unwrap());
        }
        refusal(query, &map, true).map(|o| o.status.as_u16())
    }

    #[test]
    fn json_and_anything_are_served() {
        for accept in [
            "application/fhir+json",
            "application/json; charset=utf-8",
            "*/*",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "application/fhir+xml, application/fhir+json;q=0.5",
            "application/*",
        ] {
            assert_eq!(status(None, &[("accept", accept)]), None, "{accept}");
        }
        assert_eq!(status(Some("_format=json&_count=1"), &[]), None);
        assert_eq!(status(Some("_format=application%2Ffhir%2Bjson"), &[]), None);
        assert_eq!(status(Some("_format="), &[("accept", "application/fhir+json")]), None);
        assert_eq!(status(None, &[("content-type", "application/fhir+json; charset=utf-8")]), None);
        assert_eq!(status(None, &[("content-type", "application/json")]), None);
    }

    #[test]
    fn xml_only_clients_are_told() {
        assert_eq!(status(None, &[("accept", "application/fhir+xml")]), Some(406));
        assert_eq!(status(None, &[("accept", "application/fhir+xml, application/fhir+json;q=0")]), Some(406));
        assert_eq!(status(Some("_format=xml"), &[]), Some(406));
        assert_eq!(status(Some("_format=json&_format=xml"), &[]), Some(406));
        // `_format` overrides Accept (FHIR's rule), both ways.
        assert_eq!(status(Some("_format=json"), &[("accept", "application/fhir+xml")]), None);
        assert_eq!(status(Some("_format=xml"), &[("accept", "application/fhir+json")]), Some(406));
        assert_eq!(status(None, &[("content-type", "application/fhir+xml")]), Some(415));
        let xml = HeaderMap::from_iter([(header::CONTENT_TYPE, "text/xml".parse().unwrap())]);
        assert_eq!(refusal(None, &xml, false), None, "a read has no body to refuse");
        let outcome = refusal(None, &xml, true).unwrap();
        assert_eq!(outcome.issues[0].expression.as_deref(), Some("Content-Type"));
        assert!(outcome.issues[0].diagnostics.contains("application/fhir+json"));
    }

    #[test]
    fn only_r4_is_served_and_taken() {
        for accept in [
            "application/fhir+json; fhirVersion=4.0",
            "application/fhir+json;fhirversion=\"4.0.1\"",
            "application/fhir+json; fhirVersion=3.0, */*;q=0.1",
        ] {
            assert_eq!(status(None, &[("accept", accept)]), None, "{accept}");
        }
        assert_eq!(status(None, &[("accept", "application/fhir+json; fhirVersion=3.0")]), Some(406));
        assert_eq!(status(None, &[("accept", "application/fhir+json; fhirVersion=5.0")]), Some(406));
        assert_eq!(status(None, &[("content-type", "application/fhir+json; fhirVersion=4.0")]), None);
        assert_eq!(status(None, &[("content-type", "application/fhir+json; fhirVersion=3.0")]), Some(415));
    }
}
