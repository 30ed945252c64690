//! Loads one of our small JavaScript modules (app/js/) on first use: a `<script type="module">`
//! for the address that index.html names in `<meta name="…">` (content-hashed by
//! scripts/build-app.sh). The modules define custom elements (`<forebyg-map>`, `<forebyg-qr>`)
//! that read plain data from their attributes, so the wasm needs no bindings to them.

use leptos::prelude::document;

/// Adds the module's script once; does nothing if the page does not name it.
pub fn load(meta_name: &str) {
    let doc = document();
    let Some(src) = doc.query_selector(&format!("meta[name=\"{meta_name}\"]")).ok().flatten().and_then(|m| m.get_attribute("content")) else {
        return;
    };
    if doc.query_selector(&format!("script[src=\"{src}\"]")).ok().flatten().is_some() {
        return;
    }
    let (Ok(script), Some(body)) = (doc.create_element("script"), doc.body()) else { return };
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute("src", &src);
    let _ = body.append_child(&script);
}
