//! FHIR errors: an `OperationOutcome` with the HTTP status that fits it.

use super::FHIR_JSON;
use crate::error::ApiError;
use crate::store::StoreError;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use forebyg_shared::validation::FieldError;
use serde_json::{json, Value};

/// One issue: its FHIR issue type, the parameter or element at fault, and a plain sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// `invalid`, `not-found`, `not-supported`, `forbidden`, `login`, `transient`, `exception`...
    pub code: &'static str,
    pub expression: Option<String>,
    pub diagnostics: String,
}

impl Issue {
    pub fn invalid(param: &str, diagnostics: impl Into<String>) -> Issue {
        Issue { code: "invalid", expression: Some(param.to_owned()), diagnostics: diagnostics.into() }
    }

    pub fn not_supported(param: &str, diagnostics: impl Into<String>) -> Issue {
        Issue { code: "not-supported", expression: Some(param.to_owned()), diagnostics: diagnostics.into() }
    }
}

impl From<FieldError> for Issue {
    fn from(e: FieldError) -> Issue {
        Issue::invalid(&e.field, e.message.en)
    }
}

/// A failed FHIR interaction.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub status: StatusCode,
    pub issues: Vec<Issue>,
}

impl Outcome {
    pub fn bad_request(issues: Vec<Issue>) -> Outcome {
        Outcome { status: StatusCode::BAD_REQUEST, issues }
    }

    pub fn not_found(diagnostics: impl Into<String>) -> Outcome {
        Outcome { status: StatusCode::NOT_FOUND, issues: vec![Issue { code: "not-found", expression: None, diagnostics: diagnostics.into() }] }
    }

    /// A resource that existed and is gone (410): an offer no longer published.
    pub fn gone(diagnostics: impl Into<String>) -> Outcome {
        Outcome { status: StatusCode::GONE, issues: vec![Issue { code: "deleted", expression: None, diagnostics: diagnostics.into() }] }
    }

    pub fn one(status: StatusCode, code: &'static str, diagnostics: &str) -> Outcome {
        Outcome { status, issues: vec![Issue { code, expression: None, diagnostics: diagnostics.to_owned() }] }
    }

    /// The `OperationOutcome` resource.
    pub fn resource(&self) -> Value {
        let issues: Vec<Value> = self
            .issues
            .iter()
            .map(|i| {
                let mut v = json!({"severity": "error", "code": i.code, "diagnostics": i.diagnostics});
                if let Some(e) = &i.expression {
                    v["expression"] = json!([e]);
                }
                v
            })
            .collect();
        json!({"resourceType": "OperationOutcome", "issue": issues})
    }
}

impl From<ApiError> for Outcome {
    fn from(e: ApiError) -> Outcome {
        let status = StatusCode::from_u16(e.problem().status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        match e {
            ApiError::Validation(errors) => Outcome::bad_request(errors.into_iter().map(Issue::from).collect()),
            ApiError::NotFound(what) => Outcome::not_found(what),
            ApiError::Unauthenticated(d) => Outcome::one(status, "login", &d),
            ApiError::Forbidden(d) => Outcome::one(status, "forbidden", &d),
            ApiError::BadRequest(d) => Outcome::one(status, "invalid", &d),
            ApiError::Conflict { detail, .. } => Outcome::one(status, "business-rule", &detail),
            ApiError::KeyReused { existing } => Outcome {
                status,
                issues: vec![Issue {
                    code: "duplicate",
                    expression: Some("ServiceRequest.identifier".into()),
                    diagnostics: format!("This identifier was already used for ServiceRequest/{existing}."),
                }],
            },
            ApiError::PayloadTooLarge => Outcome::one(status, "too-long", "The body is larger than the server takes."),
            ApiError::TooManyRequests { .. } => Outcome::one(status, "throttled", "Too many requests; try again shortly."),
            ApiError::Store(StoreError::Unavailable(_)) => Outcome::one(status, "transient", "The service is temporarily unavailable."),
            // Internals are logged by the caller, never leaked.
            _ => Outcome::one(status, "exception", "Internal error."),
        }
    }
}

impl From<StoreError> for Outcome {
    fn from(e: StoreError) -> Outcome {
        tracing::error!(error = %e, "FHIR store read failed");
        Outcome::from(ApiError::Store(e))
    }
}

/// A FHIR resource as an `application/fhir+json` response.
pub fn fhir_json(status: StatusCode, resource: &Value) -> Response {
    let mut res = (status, resource.to_string()).into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(FHIR_JSON));
    res
}

impl IntoResponse for Outcome {
    fn into_response(self) -> Response {
        let mut res = fhir_json(self.status, &self.resource());
        match self.status {
            StatusCode::SERVICE_UNAVAILABLE => {
                res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(crate::error::UNAVAILABLE_RETRY_AFTER_SECS));
            }
            // As the web routes answer: the client sends a bearer token.
            StatusCode::UNAUTHORIZED => {
                res.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            _ => {}
        }
        res
    }
}
