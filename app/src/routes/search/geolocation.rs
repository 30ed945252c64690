//! "Brug min placering": the browser's position for a search around it.

use leptos::prelude::*;

/// Where "Brug min placering" stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Geo {
    Idle,
    Finding,
    Denied,
    Unavailable,
}

/// Asks the browser for the position (navigator.geolocation, through `Reflect` to keep web-sys
/// features and glue small); `done` gets (lat, lon) or whether permission was refused.
pub(super) fn locate(done: impl FnOnce(Result<(f64, f64), bool>) + 'static) {
    use js_sys::Reflect;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    let get = |o: &JsValue, k: &str| Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    let geo = get(&get(window().as_ref(), "navigator"), "geolocation");
    let Some(f) = get(&geo, "getCurrentPosition").dyn_ref::<js_sys::Function>().cloned() else {
        done(Err(false));
        return;
    };
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let d2 = done.clone();
    let ok = Closure::once_into_js(move |pos: JsValue| {
        let c = get(&pos, "coords");
        let r = match (get(&c, "latitude").as_f64(), get(&c, "longitude").as_f64()) {
            (Some(lat), Some(lon)) => Ok((lat, lon)),
            _ => Err(false),
        };
        if let Some(d) = d2.take() {
            d(r);
        }
    });
    let err = Closure::once_into_js(move |e: JsValue| {
        if let Some(d) = done.take() {
            d(Err(get(&e, "code").as_f64() == Some(1.0)));
        }
    });
    let opts = js_sys::Object::new();
    let _ = Reflect::set(&opts, &JsValue::from_str("timeout"), &JsValue::from_f64(15000.0));
    let _ = f.call3(&geo, &ok, &err, &opts);
}
