//! Saving offers and directory records: the 409 "someone saved first" answer carries the current
//! record.

use crate::api::{json_text, parse, send};
use forebyg_app::api::ApiError;
use gloo_net::http::Method;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// Why saving a record failed.
#[derive(Debug, Clone, PartialEq)]
pub enum RecordError<T> {
    /// 409 with the record as it is now: someone else saved first.
    Stale(Box<T>),
    Other(ApiError),
}

#[derive(Deserialize)]
struct StaleBody<T> {
    current: T,
}

/// Sends `body` to `url`; a 409 with a current record is [`RecordError::Stale`], any other
/// failure (also a 409 "still in use") is a problem.
pub async fn send_record<B: Serialize, T: DeserializeOwned>(method: Method, url: &str, body: &B) -> Result<T, RecordError<T>> {
    let (status, text) = send(method, url, Some((json_text(body), "application/json"))).await.map_err(RecordError::Other)?;
    if status == 409 {
        let json = js_sys::JSON::parse(&text).unwrap_or(JsValue::UNDEFINED);
        if let Ok(b) = serde_wasm_bindgen::from_value::<StaleBody<T>>(json) {
            return Err(RecordError::Stale(Box::new(b.current)));
        }
    }
    parse(status, &text).map_err(RecordError::Other)
}

/// POST (create, `id` None) or PUT (edit) a record (an offer, a provider, …) under
/// `/api/v1/admin/{kind}`.
pub async fn save<T: Serialize + DeserializeOwned>(kind: &str, id: Option<&str>, record: &T) -> Result<T, RecordError<T>> {
    match id {
        Some(id) => send_record(Method::PUT, &format!("/api/v1/admin/{kind}/{}", forebyg_app::query::encode(id)), record).await,
        None => send_record(Method::POST, &format!("/api/v1/admin/{kind}"), record).await,
    }
}
