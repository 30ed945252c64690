//! The API's one error type and its RFC 9457 problem+json responses.

use crate::store::StoreError;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use forebyg_shared::problem::{types, Problem, PROBLEM_CONTENT_TYPE};
use forebyg_shared::validation::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("invalid request ({} field errors)", .0.len())]
    Validation(Vec<FieldError>),
    #[error("not found: {0}")]
    NotFound(String),
    #[error("storage failed: {0}")]
    Store(#[from] StoreError),
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
            ApiError::Store(_) => Problem { kind: types::INTERNAL.into(), title: "Internal error".into(), status: 500, detail: None, errors: vec![] },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Store(e) = &self {
            tracing::error!(error = %e, "request failed in the store");
        }
        problem_response(self.problem())
    }
}

/// A problem as an HTTP response with the `application/problem+json` media type.
pub fn problem_response(problem: Problem) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut res = (status, axum::Json(problem)).into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_CONTENT_TYPE));
    res
}
