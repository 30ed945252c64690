//! JSON over HTTP with a bearer token when signed in (the wire format is [`crate::wire`]'s): the
//! admin workspace, the clinician pages and the sign-in.

use crate::api::{decode, ApiError};
use crate::wire;
use forebyg_shared::problem::Problem;
use gloo_net::http::{Method, RequestBuilder};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

pub use crate::wire::to_json as json_text;

/// Reads a body as `T` (2xx) or as the problem it is.
pub fn parse<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, ApiError> {
    let json = js_sys::JSON::parse(body).unwrap_or(JsValue::UNDEFINED);
    decode(status, || wire::from_js::<T>(json.clone()).ok_or(()), || wire::from_js::<Problem>(json.clone()).ok_or(()))
}

/// Sends a request (with a JSON body if any) and gives back the status and the body's text.
pub async fn send(method: Method, url: &str, token: Option<String>, body: Option<String>) -> Result<(u16, String), ApiError> {
    let mut req = RequestBuilder::new(url).method(method).header("Accept", "application/json, application/problem+json");
    if let Some(t) = token {
        req = req.header("Authorization", &format!("Bearer {t}"));
    }
    let resp = match body {
        Some(b) => req.header("Content-Type", "application/json").body(b).map_err(|_| ApiError::Network)?.send().await,
        None => req.send().await,
    }
    .map_err(|_| ApiError::Network)?;
    let status = resp.status();
    Ok((status, resp.text().await.map_err(|_| ApiError::Network)?))
}

pub async fn get<T: DeserializeOwned>(url: &str, token: Option<String>) -> Result<T, ApiError> {
    let (status, body) = send(Method::GET, url, token, None).await?;
    parse(status, &body)
}

pub async fn post<B: Serialize, T: DeserializeOwned>(url: &str, token: Option<String>, body: &B) -> Result<T, ApiError> {
    let (status, text) = send(Method::POST, url, token, Some(json_text(body))).await?;
    parse(status, &text)
}
