//! The API's one error type and its RFC 9457 problem+json responses.

use crate::store::StoreError;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use forebyg_shared::problem::{types, Problem, PROBLEM_CONTENT_TYPE};
use forebyg_shared::validation::FieldError;

/// How long a client should wait when the store is unavailable (DynamoDB throttling or an
/// outage usually clears within seconds; the SDK has already retried).
pub const UNAVAILABLE_RETRY_AFTER_SECS: u64 = 5;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("invalid request ({} field errors)", .0.len())]
    Validation(Vec<FieldError>),
    #[error("not found: {0}")]
    NotFound(String),
    #[error("storage failed: {0}")]
    Store(#[from] StoreError),
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("payload too large")]
    PayloadTooLarge,
    /// The request is valid but the resource's state does not allow it.
    #[error("conflict: {kind}")]
    Conflict { kind: &'static str, title: &'static str, detail: String },
    #[error("unauthenticated: {0}")]
    Unauthenticated(String),
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// The edit started from an old version: here is the current offer.
    #[error("stale edit")]
    Stale(Box<forebyg_shared::offer::Offer>),
    /// The edit of a managed record (provider, location, package, association, activity) started
    /// from an old version: here is the current one.
    #[error("stale record edit")]
    StaleRecord(Box<forebyg_shared::directory::DirectoryRecord>),
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    /// The referral key was already used for another referral: `existing`, the sender's own.
    #[error("referral key reused")]
    KeyReused { existing: String },
}

impl From<FieldError> for ApiError {
    fn from(e: FieldError) -> Self {
        ApiError::Validation(vec![e])
    }
}

impl ApiError {
    pub fn problem(&self) -> Problem {
        match self {
            ApiError::Validation(errors) => Problem::validation(errors.clone()),
            ApiError::NotFound(what) => Problem::not_found(what.clone()),
            // Internals are logged, never leaked to the client.
            ApiError::Store(StoreError::Unavailable(_)) => Problem {
                kind: types::UNAVAILABLE.into(),
                title: "The service is temporarily unavailable".into(),
                status: 503,
                detail: Some("Please try again in a moment.".into()),
                errors: vec![],
            },
            ApiError::BadRequest(detail) => simple(types::BAD_REQUEST, "Bad request", 400, Some(detail.clone())),
            ApiError::UnsupportedMediaType => simple(types::BAD_REQUEST, "Send the body as application/json", 415, None),
            ApiError::PayloadTooLarge => simple(types::BAD_REQUEST, "The body is too large", 413, None),
            ApiError::Conflict { kind, title, detail } => simple(kind, title, 409, Some(detail.clone())),
            ApiError::Stale(_) => simple(
                types::STALE_VERSION,
                "Someone else changed this offer",
                409,
                Some("The offer changed since you opened it. Review the current version and apply your change again.".into()),
            ),
            ApiError::StaleRecord(current) => simple(
                types::STALE_VERSION,
                match current.kind() {
                    "provider" => "Someone else changed this provider",
                    "location" => "Someone else changed this location",
                    "package" => "Someone else changed this package",
                    "association" => "Someone else changed this association",
                    _ => "Someone else changed this activity",
                },
                409,
                Some("The record changed since you opened it. Review the current version and apply your change again.".into()),
            ),
            ApiError::Unauthenticated(detail) => simple(types::UNAUTHENTICATED, "Sign-in required", 401, Some(detail.clone())),
            ApiError::Forbidden(detail) => simple(types::FORBIDDEN, "Not allowed", 403, Some(detail.clone())),
            ApiError::TooManyRequests { retry_after_secs } => {
                simple(types::RATE_LIMITED, "Too many requests", 429, Some(format!("Try again in {retry_after_secs} seconds.")))
            }
            ApiError::KeyReused { .. } => Problem {
                errors: vec![FieldError::new(
                    "idempotency_key",
                    forebyg_shared::validation::ErrorCode::Invalid,
                    "Denne henvisnings-nøgle er allerede brugt til en anden henvisning.",
                    "This referral key was already used for another referral.",
                )],
                ..simple(
                    types::KEY_REUSED,
                    "The referral key is already used",
                    409,
                    Some("This referral key was already used for another referral.".into()),
                )
            },
            ApiError::Store(_) => Problem { kind: types::INTERNAL.into(), title: "Internal error".into(), status: 500, detail: None, errors: vec![] },
        }
    }
}

fn simple(kind: &str, title: &str, status: u16, detail: Option<String>) -> Problem {
    Problem { kind: kind.into(), title: title.into(), status, detail, errors: vec![] }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Store(e) = &self {
            tracing::error!(error = %e, "request failed in the store");
        }
        if let ApiError::Stale(current) = self {
            let body = forebyg_shared::admin::StaleEdit { problem: ApiError::Stale(current.clone()).problem(), current: *current };
            let mut res = (StatusCode::CONFLICT, axum::Json(body)).into_response();
            res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_CONTENT_TYPE));
            return res;
        }
        if let ApiError::StaleRecord(current) = &self {
            use forebyg_shared::activity::{StaleActivity, StaleAssociation};
            use forebyg_shared::directory::{DirectoryRecord, StaleLocation, StaleProvider};
            use forebyg_shared::package::StalePackage;
            let problem = self.problem();
            let mut res = match current.as_ref() {
                DirectoryRecord::Provider(p) => (StatusCode::CONFLICT, axum::Json(StaleProvider { problem, current: p.clone() })).into_response(),
                DirectoryRecord::Location(l) => (StatusCode::CONFLICT, axum::Json(StaleLocation { problem, current: l.clone() })).into_response(),
                DirectoryRecord::Package(p) => (StatusCode::CONFLICT, axum::Json(StalePackage { problem, current: p.clone() })).into_response(),
                DirectoryRecord::Association(a) => {
                    (StatusCode::CONFLICT, axum::Json(StaleAssociation { problem, current: a.clone() })).into_response()
                }
                DirectoryRecord::Activity(a) => (StatusCode::CONFLICT, axum::Json(StaleActivity { problem, current: a.clone() })).into_response(),
            };
            res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_CONTENT_TYPE));
            return res;
        }
        let mut res = problem_response(self.problem());
        match self {
            ApiError::TooManyRequests { retry_after_secs } => {
                res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
            }
            ApiError::Store(StoreError::Unavailable(_)) => {
                res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(UNAVAILABLE_RETRY_AFTER_SECS));
            }
            ApiError::Unauthenticated(_) => {
                res.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            _ => {}
        }
        res
    }
}

/// 408: the client did not send its request within the server's time limit.
pub fn request_timeout() -> Response {
    problem_response(simple(types::BAD_REQUEST, "The request took too long", 408, Some("Send the request again.".into())))
}

/// A problem as an HTTP response with the `application/problem+json` media type.
pub fn problem_response(problem: Problem) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut res = (status, axum::Json(problem)).into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_CONTENT_TYPE));
    res
}
