//! The wire format: JSON text to and from the `forebyg_shared` models, with serde (the models'
//! serde attributes are the one description of the format).
//!
//! In the browser the text is parsed and written by the browser's own `JSON.parse` /
//! `JSON.stringify` and the JS value is read/written by serde-wasm-bindgen: that keeps serde_json's
//! number parsing and formatting out of the wasm (docs/benchmarks.md, "serde in the browser").
//! Natively (unit tests) the same serde impls run through serde_json.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// A value from JSON text; `None` when the text is not JSON or does not match the model.
#[cfg(target_arch = "wasm32")]
pub fn from_json<T: DeserializeOwned>(text: &str) -> Option<T> {
    from_js(js_sys::JSON::parse(text).ok()?)
}

/// A value from a parsed JSON value (`JSON.parse`'s result).
#[cfg(target_arch = "wasm32")]
pub fn from_js<T: DeserializeOwned>(value: wasm_bindgen::JsValue) -> Option<T> {
    serde_wasm_bindgen::from_value(value).ok()
}

/// A value as JSON text (maps as objects, 64-bit integers as numbers, as serde_json writes them).
#[cfg(target_arch = "wasm32")]
pub fn to_json<T: Serialize>(value: &T) -> String {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&ser).ok().and_then(|js| js_sys::JSON::stringify(&js).ok()).and_then(|s| s.as_string()).unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn from_json<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}
