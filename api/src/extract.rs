//! Request extractors whose failures are problem+json bodies, not axum's plain-text rejections.

use crate::error::ApiError;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use forebyg_shared::validation::{ErrorCode, FieldError};
use serde::de::DeserializeOwned;
use std::net::SocketAddr;

/// A JSON body; a missing content type, bad JSON or a wrong field type is a 4xx problem.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        use axum::extract::rejection::JsonRejection::*;
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(MissingJsonContentType(_)) => Err(ApiError::UnsupportedMediaType),
            Err(JsonDataError(e)) => Err(ApiError::Validation(vec![FieldError::new(
                "body",
                ErrorCode::Invalid,
                "Formularen indeholder et ugyldigt felt.",
                format!("The request body has an invalid field: {}", e.body_text()),
            )])),
            Err(e) => Err(ApiError::BadRequest(e.body_text())),
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
