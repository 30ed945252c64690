//! Request extractors whose failures are problem+json bodies, not axum's plain-text rejections.

use crate::error::ApiError;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use forebyg_shared::validation::{ErrorCode, FieldError};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::net::SocketAddr;

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
        serde_json::from_value(integral_floats_as_integers(value)).map(ApiJson).map_err(|e| {
            let (da, en) = ("Formularen indeholder et ugyldigt felt.", format!("The request body has an invalid field: {e}"));
            ApiError::Validation(vec![FieldError::new("body", ErrorCode::Invalid, da, en)])
        })
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
                let en = format!("Invalid value: {reason}");
                Err(ApiError::Validation(vec![FieldError::new(field, ErrorCode::Invalid, "Ugyldig værdi.", en)]))
            }
        }
    }
}

/// Who is asking, for rate limits: CloudFront's `CloudFront-Viewer-Address` (set by CloudFront
/// itself, so a client cannot choose it), else the first `X-Forwarded-For` hop (right behind
/// API Gateway alone, spoofable behind other proxies), else the TCP peer, else "unknown".
pub struct ClientKey(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientKey {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let header = |name: &str| parts.headers.get(name).and_then(|v| v.to_str().ok());
        let viewer = header("cloudfront-viewer-address").and_then(|v| v.rsplit_once(':')).map(|(ip, _port)| ip.to_owned());
        let forwarded =
            parts.headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()).and_then(|v| v.split(',').next()).map(|v| v.trim().to_owned());
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string());
        Ok(ClientKey(viewer.or(forwarded.filter(|v| !v.is_empty())).or(peer).unwrap_or_else(|| "unknown".into())))
    }
}
