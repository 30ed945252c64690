//! The admin's unsaved work kept across signing in again. A refused token (`api::send`'s 401: an
//! hour-long edit outlives the ID token) sends the browser to the sign-in page; just before, every
//! page on screen that registered with [`keep_on_sign_in`] keeps its unsaved work (the offer form,
//! a record's form, the inbox's half-written notes and steps) in the tab's sessionStorage, and the
//! page puts it back after the sign-in returns there ([`restore`]), saying so. The shared rules
//! ([`forebyg_app::kept`]): the tab only, the same admin account and page, at most 30 minutes,
//! read once, forgotten on signing out. An inbox note may hold health data: it is kept like the
//! clinician's referral form, no longer and nowhere else. An editor keeps the version its edit
//! started from with the form, so a save after a colleague's change still meets the 409 help.

use crate::session;
use forebyg_app::kept::{account_key, page_of, Kept};
use forebyg_app::sign_in::ADMIN;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The sessionStorage entry (`forebyg-admin-kept-work`), one for the tab.
pub const WHAT: &str = "kept-work";

type Keeper = Rc<dyn Fn()>;

thread_local! {
    /// What keeps each page's work, by registration.
    static KEEPERS: RefCell<Vec<(u64, Keeper)>> = const { RefCell::new(Vec::new()) };
    static NEXT: Cell<u64> = const { Cell::new(0) };
}

fn here() -> String {
    let path = window().location().pathname().unwrap_or_default();
    page_of(&path).to_owned()
}

fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// Keeps the work of the pages on screen: the browser is about to leave to sign in again
/// (`sign_in::to_login`).
pub fn keep_all() {
    let keepers: Vec<Keeper> = KEEPERS.with(|k| k.borrow().iter().map(|(_, f)| f.clone()).collect());
    for keep in keepers {
        keep();
    }
}

/// While the calling component lives, `work` (the page's unsaved work; `None` when nothing is
/// unsaved) is kept when the browser leaves to sign in again. Only for a known admin: the work is
/// tied to their account.
pub fn keep_on_sign_in<T: Serialize + 'static>(work: impl Fn() -> Option<T> + 'static) {
    let me = session::use_session();
    // The page it is typed on: a keeper still registered while the next page is built keeps its
    // own page's work under its own page.
    let page = here();
    let keeper: Keeper = Rc::new(move || {
        let Some(account) = me.try_get_untracked().flatten().map(|p| account_key(&p.subject)) else {
            return;
        };
        if let Some(work) = work() {
            ADMIN.put(WHAT, &Kept { page: page.clone(), account, saved_at: now(), work }.to_text());
        }
    });
    let id = NEXT.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    KEEPERS.with(|k| k.borrow_mut().push((id, keeper)));
    on_cleanup(move || KEEPERS.with(|k| k.borrow_mut().retain(|(i, _)| *i != id)));
}

/// The work kept on this page by this admin, read once, given to `put_back` once the admin is
/// known (at once after the sign-in's callback, after loading them on a reload). Work kept for any
/// other page has already been dropped by the callback ([`settle`]).
pub fn restore<T: DeserializeOwned + 'static>(put_back: impl FnOnce(T) + 'static) {
    let me = session::use_session();
    let page = here();
    let mut pending = Some(put_back);
    Effect::new(move |_| {
        let Some(p) = me.get() else { return };
        let Some(put_back) = pending.take() else { return };
        let account = account_key(&p.subject);
        let kept = ADMIN.take(WHAT).and_then(|text| Kept::<T>::from_text(&text));
        if let Some(k) = kept.filter(|k| k.restorable(&page, &account, now())) {
            put_back(k.work);
        }
    });
}

/// On the sign-in's callback, `back_to` the page to return to: work kept by another admin, or for
/// another page, or too long ago, is dropped (it has nowhere to go back to).
pub fn settle(subject: &str, back_to: &str) {
    if let Some(text) = ADMIN.take(WHAT) {
        let still = Kept::<serde::de::IgnoredAny>::from_text(&text).is_some_and(|k| k.restorable(page_of(back_to), &account_key(subject), now()));
        if still {
            ADMIN.put(WHAT, &text);
        }
    }
}

/// An editor's unsaved work: the form as typed and the record it started from (so the save carries
/// that version, and a colleague's change meanwhile meets the 409 help, never an overwrite).
#[derive(Serialize, serde::Deserialize)]
struct Edit<R, F> {
    base: R,
    form: F,
}

/// An editor's form kept across signing in again: `form` when it differs from `base_form` (the
/// form of `base`, as `form_of` makes it), with `base`; put back the same way, after which
/// `restored` says so. Leaving the page with such a difference asks first (`leave_guard`).
pub fn keep_edit<R, F>(
    base: RwSignal<R>,
    base_form: RwSignal<F>,
    form: RwSignal<F>,
    form_of: impl Fn(&R) -> F + 'static,
    restored: impl FnOnce() + 'static,
) where
    R: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    F: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    crate::leave_guard::ask_before_leaving(move || form.try_with_untracked(|f| base_form.try_with_untracked(|b| f != b)).flatten().unwrap_or(false));
    keep_on_sign_in(move || {
        let typed = form.try_get_untracked()?;
        (typed != base_form.try_get_untracked()?).then(|| Edit { base: base.get_untracked(), form: typed })
    });
    restore(move |e: Edit<R, F>| {
        base_form.set(form_of(&e.base));
        base.set(e.base);
        form.set(e.form);
        restored();
    });
}
