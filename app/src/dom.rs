//! Small DOM helpers: document title and focus management.

use leptos::html::ElementType;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::JsCast;

/// Sets `document.title` to "<page> – Forebyg".
pub fn set_title(lang: forebyg_shared::Lang, page: &str) {
    document().set_title(&crate::i18n::page_title(lang, page));
}

thread_local! {
    static FIRST_PAGE: Cell<bool> = const { Cell::new(true) };
}

/// Whether the page being set up was reached by navigating inside the app (any page after the
/// first one of this document), not by loading the document (a reload, a bookmark or a shared
/// link). Call once per page.
pub fn arrived_by_navigation() -> bool {
    !FIRST_PAGE.with(|f| f.replace(false))
}

/// Moves focus to the page's `<h1 tabindex="-1">` once it is rendered, if the page was reached by
/// navigation, so screen reader and keyboard users start at the new content.
pub fn focus_heading_on_arrival<E>(h1: NodeRef<E>)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    if !arrived_by_navigation() {
        return;
    }
    let done = StoredValue::new(false);
    Effect::new(move |_| {
        if h1.get().is_some() {
            focus_when_connected(h1, done, FOCUS_FRAMES);
        }
    });
}

/// How many animation frames (~10 s) a filled heading may wait to be put into the document.
pub const FOCUS_FRAMES: u32 = 600;

/// Focuses the heading once it is in the document. A Suspense fills the NodeRef while its output
/// is still detached (the admin editors), and `focus()` on a detached element does nothing: wait
/// for the next frame instead, and count it done only when focus was actually given.
pub fn focus_when_connected<E>(h1: NodeRef<E>, done: StoredValue<bool>, frames: u32)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    if done.try_get_value() != Some(false) {
        return;
    }
    let Some(el) = h1.get_untracked() else { return };
    let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() else { return };
    if el.is_connected() {
        done.set_value(true);
        let _ = el.focus();
    } else if frames > 0 {
        request_animation_frame(move || focus_when_connected(h1, done, frames - 1));
    }
}

/// Focuses the element with `id` (an in-page link target such as a form field or `main`) and
/// scrolls its label, if any, into view.
pub fn focus_id(id: &str) {
    let doc = document();
    let Some(el) = doc.get_element_by_id(id) else { return };
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
    if let Ok(Some(label)) = doc.query_selector(&format!("label[for=\"{id}\"]")) {
        label.scroll_into_view();
    }
}

const REFOCUS_KEY: &str = "forebyg.refocus";

/// Reloads the page (the language switch: every text is chosen once per load) and gives focus
/// back to the control `id` on the reloaded page ([`refocus_after_reload`]), so a keyboard or
/// screen reader user goes on from where they were, not from the top.
pub fn reload_keeping_focus(id: &str) {
    save(Store::Session, REFOCUS_KEY, id);
    let _ = window().location().reload();
}

/// Focuses the control a reload was asked from, once the app is drawn (call as it starts).
pub fn refocus_after_reload() {
    if let Some(id) = load(Store::Session, REFOCUS_KEY) {
        remove(Store::Session, REFOCUS_KEY);
        focus_once_in_document(id, FOCUS_FRAMES);
    }
}

/// Focuses `id` once it is in the document (the app may replace the page's shell a frame or
/// more after it starts), waiting at most `frames` animation frames.
fn focus_once_in_document(id: String, frames: u32) {
    if document().get_element_by_id(&id).is_some() {
        focus_id(&id);
    } else if frames > 0 {
        request_animation_frame(move || focus_once_in_document(id, frames - 1));
    }
}

/// Focuses the element with `id` and scrolls it to the top of the screen, so what follows it fills
/// the screen (a search's answer below the form on a phone, whose focus alone would leave its
/// heading at the screen's bottom edge). The scroll follows the page's `scroll-behavior`: smooth,
/// or at once for those who prefer reduced motion (style.css).
pub fn focus_at_top(id: &str) {
    let Some(el) = document().get_element_by_id(id).and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    let no_scroll = web_sys::FocusOptions::new();
    no_scroll.set_prevent_scroll(true);
    let _ = el.focus_with_options(&no_scroll);
    let at = web_sys::ScrollIntoViewOptions::new();
    at.set_block(web_sys::ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&at);
}

/// Which browser storage: `localStorage` (kept on the device) or `sessionStorage` (this tab).
#[derive(Clone, Copy)]
pub enum Store {
    Local,
    Session,
}

fn storage(store: Store) -> Option<web_sys::Storage> {
    let w = window();
    match store {
        Store::Local => w.local_storage(),
        Store::Session => w.session_storage(),
    }
    .ok()
    .flatten()
}

/// A stored string; `None` when missing or storage is blocked.
pub fn load(store: Store, key: &str) -> Option<String> {
    storage(store)?.get_item(key).ok().flatten()
}

/// Stores a string (silently does nothing when storage is blocked or full).
pub fn save(store: Store, key: &str, value: &str) {
    if let Some(s) = storage(store) {
        let _ = s.set_item(key, value);
    }
}

/// Removes a stored string (silently does nothing when storage is blocked).
pub fn remove(store: Store, key: &str) {
    if let Some(s) = storage(store) {
        let _ = s.remove_item(key);
    }
}

/// A value stored as JSON text (the wire format of [`crate::wire`]).
pub fn load_json<T: serde::de::DeserializeOwned>(store: Store, key: &str) -> Option<T> {
    crate::wire::from_json(&load(store, key)?)
}

/// A random key of 32 hex digits from `crypto.getRandomValues`.
pub fn random_key() -> String {
    let mut bytes = [0u8; 16];
    if let Ok(c) = window().crypto() {
        let _ = c.get_random_values_with_u8_array(&mut bytes);
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    bytes.iter().flat_map(|b| [HEX[(b >> 4) as usize] as char, HEX[(b & 15) as usize] as char]).collect()
}

/// `view`, drawn in a task after the current one: the part of a page below its first screen, so a
/// phone's main thread is not blocked for the whole page at once (Lighthouse's total blocking
/// time) and the first screen is there sooner.
pub fn after_this_task<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> impl IntoView {
    let ready = RwSignal::new(false);
    set_timeout(move || ready.set(true), std::time::Duration::ZERO);
    let view = StoredValue::new_local(Some(view));
    move || ready.get().then(|| view.try_update_value(Option::take).flatten().map(|f| f()))
}

/// Today in Denmark as YYYY-MM-DD (the browser's clock), the day the server checks dates against.
pub fn today() -> String {
    forebyg_shared::date::copenhagen_date((js_sys::Date::now() / 1000.0) as i64)
}

/// Unix seconds as a day and time in the browser's time zone, the day written by `day` (`format::date` or
/// `format::short_date`; [`crate::format::day_at`]): "3. marts 2027 kl. 14:05" / "3 Dec 2026, 14:05".
pub fn local_day_at(unix: i64, day: fn(&str, forebyg_shared::Lang) -> String, lang: forebyg_shared::Lang) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix as f64 * 1000.0));
    let iso = format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date());
    crate::format::day_at(&day(&iso, lang), d.get_hours(), d.get_minutes(), lang)
}
