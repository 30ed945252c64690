//! Unsaved work kept while signing in again, for the clinician's referral form
//! ([`crate::clinician::draft`]) and the admin workspace's editors alike: an expired sign-in sends
//! the browser to the sign-in page and back, and nobody must come back to an empty form.
//!
//! The rules, the same for both: the work is kept in the tab's sessionStorage only (never
//! localStorage), under the signing-in part's prefix (so signing out forgets it), tied to the
//! account it was typed by (an opaque [`account_key`], so another person signing in in the same tab
//! never sees it) and to the page it was typed on, for at most [`MAX_AGE_MS`], and read once. Pure:
//! tested natively; the storage is [`crate::sign_in::Session`]'s.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// How long kept work waits for its author to sign in again (ms): a sign-in takes a minute; work
/// left longer than this is abandoned.
pub const MAX_AGE_MS: u64 = 30 * 60 * 1000;

/// An opaque, stable key for an account: the FNV-1a 64-bit hash of its subject, in hex. Storage
/// keys and kept work then hold no account id in plain text, and two accounts get two keys.
pub fn account_key(subject: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in subject.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Whether work kept at `saved_at` may still come back at `now_ms` (both ms since the epoch): not
/// older than [`MAX_AGE_MS`], and not from the future (a clock gone back).
pub fn fresh(saved_at: u64, now_ms: u64) -> bool {
    now_ms >= saved_at && now_ms - saved_at <= MAX_AGE_MS
}

/// A page's unsaved `work`, as kept: whose, where and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kept<T> {
    /// The page's path (no query): the work goes back into that page only.
    pub page: String,
    /// Whose work it is ([`account_key`]).
    pub account: String,
    /// When it was kept (ms since the epoch).
    pub saved_at: u64,
    pub work: T,
}

impl<T> Kept<T> {
    /// Whether this work goes back into `page` for `account` at `now_ms`.
    pub fn restorable(&self, page: &str, account: &str, now_ms: u64) -> bool {
        self.page == page && self.account == account && fresh(self.saved_at, now_ms)
    }
}

impl<T: Serialize> Kept<T> {
    /// As kept in the tab's storage (JSON, [`crate::wire`]).
    pub fn to_text(&self) -> String {
        crate::wire::to_json(self)
    }
}

impl<T: DeserializeOwned> Kept<T> {
    /// Kept work read back; `None` when the text is no kept work (of this kind).
    pub fn from_text(text: &str) -> Option<Kept<T>> {
        crate::wire::from_json::<Kept<T>>(text).filter(|k| !k.page.is_empty() && !k.account.is_empty())
    }
}

/// The path of a page address (`/admin/tilbud/x?a=b` → `/admin/tilbud/x`).
pub fn page_of(address: &str) -> &str {
    address.split(['?', '#']).next().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Form {
        title: String,
        version: u64,
    }

    fn kept() -> Kept<Form> {
        let work = Form { title: "KOL-hold \"ny\"\n\\ tirsdag".into(), version: 3 };
        Kept { page: "/admin/tilbud/demo-1".into(), account: account_key("admin-a"), saved_at: 1_000_000, work }
    }

    #[test]
    fn only_the_same_page_and_account_get_it_back_and_only_soon() {
        let k = kept();
        let me = account_key("admin-a");
        assert!(k.restorable("/admin/tilbud/demo-1", &me, 1_000_000 + 60_000));
        assert!(k.restorable("/admin/tilbud/demo-1", &me, 1_000_000 + MAX_AGE_MS));
        assert!(!k.restorable("/admin/tilbud/demo-2", &me, 1_000_060), "another page");
        assert!(!k.restorable("/admin/tilbud/demo-1", &account_key("admin-b"), 1_000_060), "another admin in the same tab");
        assert!(!k.restorable("/admin/tilbud/demo-1", &me, 1_000_000 + MAX_AGE_MS + 1), "abandoned");
        assert!(!k.restorable("/admin/tilbud/demo-1", &me, 999_000), "a clock gone back");
    }

    #[test]
    fn the_work_survives_being_kept_and_nothing_else_reads_as_kept_work() {
        let k = kept();
        let text = k.to_text();
        assert!(!text.contains("admin-a"), "no account id in plain text: {text}");
        assert_eq!(Kept::<Form>::from_text(&text), Some(k.clone()));
        assert_eq!(Kept::<Form>::from_text(""), None);
        assert_eq!(Kept::<Form>::from_text("not kept work"), None);
        assert_eq!(Kept::<Form>::from_text(r#"{"page":"/a","account":"x","saved_at":1,"work":{"other":1}}"#), None, "another page's kind of work");
        assert_eq!(Kept::<Form>::from_text(&Kept { account: String::new(), ..k }.to_text()), None);
    }

    #[test]
    fn account_keys_are_opaque_and_stable() {
        let (a, b) = ("dev-region_admin-midtjylland", "dev-region_admin-nordjylland");
        assert_ne!(account_key(a), account_key(b));
        assert_eq!(account_key(a), account_key(a));
        // The FNV-1a 64 reference values.
        assert_eq!(account_key(""), "cbf29ce484222325");
        assert_eq!(account_key("a"), "af63dc4c8601ec8c");
    }

    #[test]
    fn a_page_is_its_path() {
        assert_eq!(page_of("/admin/tilbud/x?a=b#c"), "/admin/tilbud/x");
        assert_eq!(page_of("/admin/henvendelser"), "/admin/henvendelser");
    }
}
