//! Unsaved work is not left without a question (a walk lost an edited title to a click on the
//! menu): closing or reloading the tab asks the browser's own "Leave site?", and following a link
//! of the workspace asks whether to leave without saving.

use crate::texts::common::LEAVE_UNSAVED;
use crate::ui::lang;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, MouseEvent};

thread_local! {
    static WORK_KEPT: Cell<bool> = const { Cell::new(false) };
}

/// The browser leaves with the page's work kept (an expired sign-in, `crate::kept`): no question.
pub fn work_kept() {
    WORK_KEPT.with(|k| k.set(true));
}

/// While the calling component lives, leaving the page asks first whenever `unsaved()`.
pub fn ask_before_leaving(unsaved: impl Fn() -> bool + Copy + 'static) {
    let unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if unsaved() && !WORK_KEPT.with(Cell::get) {
            // The event cancelled and a return value: what browsers old and new ask for.
            ev.prevent_default();
            let _ = js_sys::Reflect::set(&ev, &"returnValue".into(), &"".into());
        }
    });
    // On the document, so it runs before the router's listener on the window, which follows no
    // link whose click was cancelled.
    let click = Closure::<dyn Fn(MouseEvent)>::new(move |ev: MouseEvent| {
        if ev.default_prevented() || ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || !unsaved() {
            return;
        }
        let link = ev.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|el| el.closest("a[href]").ok().flatten());
        let Some(a) = link else { return };
        // A place on the same page, a new tab or a download leaves nothing.
        let stays = a.has_attribute("download")
            || a.get_attribute("target").is_some_and(|t| t == "_blank")
            || a.get_attribute("href").is_some_and(|h| h.starts_with('#'));
        if !stays && !window().confirm_with_message(LEAVE_UNSAVED.get(lang())).unwrap_or(true) {
            ev.prevent_default();
        }
    })
    .into_js_value();
    let _ = document().add_event_listener_with_callback("click", click.unchecked_ref());
    let click = SendWrapper::new(click);
    on_cleanup(move || {
        unload.remove();
        let _ = document().remove_event_listener_with_callback("click", click.unchecked_ref());
    });
}
