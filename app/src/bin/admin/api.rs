//! The admin API client: JSON (and CSV) with `Authorization: Bearer <token>`. The token lives in
//! sessionStorage; without one no admin request is sent (it answers 401 here). A 401 (e.g. an expired token) keeps the page's unsaved work (`crate::kept`),
//! ends the session and goes to the sign-in page, which brings the admin back here afterwards.

use forebyg_app::api::ApiError;
use forebyg_app::sign_in::ADMIN;
use gloo_net::http::{Method, RequestBuilder};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// The admin's ID token (this tab's session).
pub fn token() -> Option<String> {
    ADMIN.token()
}

pub use forebyg_app::http::json_text;

/// What a request gave back: status and body text.
pub(crate) async fn send(method: Method, url: &str, body: Option<(String, &str)>) -> Result<(u16, String), ApiError> {
    let body = body.map(|(text, content_type)| (JsValue::from_str(&text), content_type));
    send_reading(method, url, body, None).await.map(|(status, text, _)| (status, text))
}

/// GET JSON and the value of one response header, if sent.
pub async fn get_with_header<T: DeserializeOwned>(url: &str, header: &str) -> Result<(T, Option<String>), ApiError> {
    let (status, body, value) = send_reading(Method::GET, url, None, Some(header)).await?;
    Ok((parse(status, &body)?, value))
}

/// What a request gave back: status, body text and the value of `header` (if asked for and sent).
async fn send_reading(
    method: Method,
    url: &str,
    body: Option<(JsValue, &str)>,
    header: Option<&str>,
) -> Result<(u16, String, Option<String>), ApiError> {
    let token = token();
    if token.is_none() && url.starts_with("/api/v1/admin/") {
        // Nobody is signed in here (before signing in, or once the session ended): the API would
        // only refuse it, and the browser would log the refusal. The answer is the same 401 without
        // asking; the session's own load (`crate::session`) sends the browser to sign in.
        return Ok((401, String::new(), None));
    }
    let mut req = RequestBuilder::new(url).method(method).header("Accept", "application/json, application/problem+json");
    if let Some(t) = token {
        req = req.header("Authorization", &format!("Bearer {t}"));
    }
    let resp = match body {
        Some((text, content_type)) => req.header("Content-Type", content_type).body(text).map_err(|_| ApiError::Network)?.send().await,
        None => req.send().await,
    }
    .map_err(|_| ApiError::Network)?;
    let status = resp.status();
    if status == 401 && url.starts_with("/api/v1/admin/") {
        // The page's unsaved work is kept first, to be put back after signing in again.
        crate::sign_in::to_login(true);
    }
    let value = header.and_then(|h| resp.headers().get(h));
    let text = resp.text().await.map_err(|_| ApiError::Network)?;
    Ok((status, text, value))
}

pub(crate) use forebyg_app::http::parse;

pub async fn get<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    let (status, body) = send(Method::GET, url, None).await?;
    parse(status, &body)
}

pub async fn post<B: Serialize, T: DeserializeOwned>(url: &str, body: &B) -> Result<T, ApiError> {
    let (status, text) = send(Method::POST, url, Some((json_text(body), "application/json"))).await?;
    parse(status, &text)
}

/// GET a text document (CSV).
pub async fn get_text(url: &str) -> Result<String, ApiError> {
    let (status, body) = send(Method::GET, url, None).await?;
    if (200..300).contains(&status) {
        Ok(body)
    } else {
        parse::<String>(status, &body)
    }
}

/// POST a CSV file as its bytes (the API reads their encoding: UTF-8 or Windows-1252); the body
/// of both 200 and 422 is an import report.
pub async fn post_csv<T: DeserializeOwned>(url: &str, csv: &[u8]) -> Result<(u16, T), ApiError> {
    let body = js_sys::Uint8Array::from(csv).into();
    let (status, text, _) = send_reading(Method::POST, url, Some((body, "text/csv")), None).await?;
    let json = js_sys::JSON::parse(&text).unwrap_or(JsValue::UNDEFINED);
    match serde_wasm_bindgen::from_value::<T>(json) {
        Ok(v) => Ok((status, v)),
        Err(_) => parse::<T>(if (200..300).contains(&status) { 500 } else { status }, &text).map(|v| (status, v)),
    }
}

/// Today in Denmark as YYYY-MM-DD (one clock for the whole app).
pub use forebyg_app::dom::today;
