//! The signed-in admin, shared by the layout and the pages through a context: its own module so
//! pages read it without importing the router (`app.rs`), which imports the pages.

use forebyg_shared::auth::{Principal, Role};
use leptos::prelude::*;

/// The signed-in admin (None until `/admin/me` answers, or when signed out).
#[derive(Clone, Copy)]
pub struct Session(pub RwSignal<Option<Principal>>);

/// Provides a new, empty session to the app; returns its signal.
pub fn provide_session() -> RwSignal<Option<Principal>> {
    let session = RwSignal::new(None::<Principal>);
    provide_context(Session(session));
    session
}

pub fn use_session() -> RwSignal<Option<Principal>> {
    use_context::<Session>().map(|s| s.0).unwrap_or_else(|| RwSignal::new(None))
}

/// Region administrators (and national ones) plan coverage and read the audit log.
pub fn is_region_admin(p: &Option<Principal>) -> bool {
    p.as_ref().is_some_and(|p| p.role != Role::ProviderEditor)
}

/// National administrators edit the kronikerpakker and choose any region.
pub fn is_national_admin(p: &Option<Principal>) -> bool {
    p.as_ref().is_some_and(|p| p.role == Role::NationalAdmin)
}
