//! What every page may read from the app around it: the UI language and the last search (the
//! admin's session is in its own `context`). Pages depend on this module, never on `app.rs`, so
//! there are no import cycles between the layout and its pages.

use crate::dom::{self, Store};
use forebyg_shared::search::SearchOrigin;
use forebyg_shared::Lang;
use leptos::prelude::*;

const LANG_KEY: &str = "forebyg.lang";

/// The language chosen on this device (localStorage), Danish by default.
pub fn stored_lang() -> Lang {
    match dom::load(Store::Local, LANG_KEY).as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Da,
    }
}

/// Stores the language for the next page load.
pub fn store_lang(lang: Lang) {
    dom::save(Store::Local, LANG_KEY, lang.code());
}

/// Opens this page in the language its address asks for (`?lang=en` on the status page's address
/// from the patient's sheet): stores that choice and loads the page again in it, unless it is
/// already in it or the choice cannot be stored (no reload loop). Either way the request leaves
/// the address, so the language switch still works on the page.
pub fn follow_lang_request(requested: Option<&str>) {
    let wanted = match requested {
        Some("da") => Lang::Da,
        Some("en") => Lang::En,
        _ => return,
    };
    let location = window().location();
    let rest = crate::query::without_param(&location.search().unwrap_or_default(), "lang");
    let address = format!("{}{rest}", location.pathname().unwrap_or_default());
    if wanted != use_lang() {
        store_lang(wanted);
        if stored_lang() == wanted && location.replace(&address).is_ok() {
            return;
        }
    }
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
    }
}

/// Provides the stored language to the app and marks the document with it.
pub fn provide_lang() -> Lang {
    let lang = stored_lang();
    provide_context(lang);
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
    lang
}

/// The UI language of the session.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

const LAST_SEARCH_KEY: &str = "forebyg.last_search";

/// Remembers the address of the latest search (this tab, also across reloads), for "Tilbage til
/// søgningen" on an offer page.
pub fn remember_search(href: &str) {
    dom::save(Store::Session, LAST_SEARCH_KEY, href);
}

/// The address of the latest search in this tab, or the search page.
pub fn last_search() -> String {
    dom::load(Store::Session, LAST_SEARCH_KEY).filter(|h| h.starts_with('/')).unwrap_or_else(|| "/".to_owned())
}

const LAST_ORIGIN_KEY: &str = "forebyg.last_origin";

/// Remembers where the latest search was made from, as the API resolved it (the place, its region
/// and its post town's municipality), so that an offer page can say when the offer's residence
/// rule leaves that place out.
pub fn remember_origin(origin: &SearchOrigin) {
    dom::save(Store::Session, LAST_ORIGIN_KEY, &crate::wire::to_json(origin));
}

/// Where the latest search in this tab was made from, if there was one.
pub fn last_origin() -> Option<SearchOrigin> {
    dom::load(Store::Session, LAST_ORIGIN_KEY).and_then(|json| crate::wire::from_json(&json))
}
