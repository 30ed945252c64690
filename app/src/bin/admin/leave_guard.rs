//! Unsaved work is not left without a question (a walk lost an edited title to a click on the
//! menu, another to the browser's Back): closing or reloading the tab asks the browser's own
//! "Leave site?"; following a link of the workspace, or Back and Forward, asks whether to leave
//! without saving.

use crate::texts::common::LEAVE_UNSAVED;
use crate::ui::lang;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, MouseEvent};

/// The page on screen that asks before Back or Forward leaves it: whether it has unsaved work and
/// its address; `id`, its registration, so an old page's cleanup clears only its own.
#[derive(Clone)]
struct BackGuard {
    id: u64,
    unsaved: Rc<dyn Fn() -> bool>,
    here: Rc<dyn Fn() -> String>,
}

thread_local! {
    static WORK_KEPT: Cell<bool> = const { Cell::new(false) };
    static BACK_GUARD: RefCell<Option<BackGuard>> = const { RefCell::new(None) };
    static NEXT_GUARD: Cell<u64> = const { Cell::new(0) };
}

/// Back and Forward with unsaved work ask first. The listener must run before the router's, which
/// changes the page at once (in the microtasks after its listener, before any later listener on the
/// window): installed once, before the `<Router>`. Staying, the router never hears of the step and
/// the page's own address is pushed back (the entry left behind is the one before it).
pub fn install() {
    window_event_listener(leptos::ev::popstate, move |ev| {
        let Some(BackGuard { unsaved, here, .. }) = BACK_GUARD.with(|g| g.borrow().clone()) else { return };
        if !unsaved() || WORK_KEPT.with(Cell::get) || window().confirm_with_message(LEAVE_UNSAVED.get(lang())).unwrap_or(true) {
            return;
        }
        ev.stop_immediate_propagation();
        let _ = window().history().and_then(|h| h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&here())));
    });
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
    // Back and Forward ask through the listener installed before the router's ([`install`]).
    let location = leptos_router::hooks::use_location();
    let here = move || format!("{}{}{}", location.pathname.get_untracked(), location.search.get_untracked(), location.hash.get_untracked());
    let id = NEXT_GUARD.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    BACK_GUARD.with(|g| *g.borrow_mut() = Some(BackGuard { id, unsaved: Rc::new(unsaved), here: Rc::new(here) }));
    let click = SendWrapper::new(click);
    on_cleanup(move || {
        unload.remove();
        let _ = document().remove_event_listener_with_callback("click", click.unchecked_ref());
        BACK_GUARD.with(|g| {
            let mut g = g.borrow_mut();
            if g.as_ref().is_some_and(|b| b.id == id) {
                *g = None;
            }
        });
    });
}
