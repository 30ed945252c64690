//! The referral form kept across signing in again ([`crate::clinician::draft`] says what and for
//! how long), in the clinician session's part of the tab's sessionStorage: signing out forgets it
//! with the rest.

use super::session::REFERRAL_DRAFT as WHAT;
use crate::clinician::draft::Draft;
use crate::sign_in::CLINICIAN;

/// Keeps the form while the browser goes to sign in again.
pub fn keep(d: &Draft) {
    CLINICIAN.put(WHAT, &d.to_text());
}

/// The form kept for `offer_id` by `account`, read once: any other kept form is dropped.
pub fn take(offer_id: &str, account: &str) -> Option<Draft> {
    let d = Draft::from_text(&CLINICIAN.take(WHAT)?)?;
    d.restorable(offer_id, account, js_sys::Date::now() as u64).then_some(d)
}

/// Drops a kept form: its referral was sent, or the clinician went elsewhere.
pub fn discard() {
    let _ = CLINICIAN.take(WHAT);
}
