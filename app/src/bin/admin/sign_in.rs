//! The admin workspace's sign-in: the shared PKCE flow ([`forebyg_app::sign_in`], session
//! [`ADMIN`]) plus the admin check: `/api/v1/admin/me` must accept the account.

use crate::api;
use forebyg_app::api::ApiError;
use forebyg_app::oauth::CallbackError;
use forebyg_app::sign_in::ADMIN;
use forebyg_shared::auth::Principal;

pub use forebyg_app::sign_in::{settings, StartError};

/// Goes to the sign-in page, to come back to the current page afterwards, keeping the page's
/// unsaved work for then (`crate::kept`); `expired` when the API refused the token (the page then
/// says why).
pub fn to_login(expired: bool) {
    crate::kept::keep_all();
    crate::leave_guard::work_kept();
    ADMIN.to_login(expired);
}

/// Whether the last session ended because the token expired (read once).
pub fn session_expired() -> bool {
    ADMIN.take_expired()
}

/// Starts the authorization request: the browser leaves for the authorize URL.
pub async fn start(s: &forebyg_shared::search::AdminSignIn) -> Result<(), StartError> {
    ADMIN.start(s).await
}

/// Why `/admin/callback` did not sign in.
pub enum Failure {
    Callback(CallbackError),
    /// Signed in, but the API refused the account (e.g. no admin role: a clinician).
    Api(ApiError),
}

/// Completes the sign-in from the callback's query; returns the admin and where to go next.
pub async fn finish(code: Option<&str>, state: Option<&str>, error: Option<&str>) -> Result<(Principal, String), Failure> {
    ADMIN.exchange(code, state, error).await.map_err(Failure::Callback)?;
    match api::get::<Principal>("/api/v1/admin/me").await {
        Ok(p) => Ok((p, ADMIN.take_return())),
        Err(e) => {
            ADMIN.clear_token();
            Err(Failure::Api(e))
        }
    }
}

/// Ends the session here and, where the identity provider has one, there too; work kept for
/// signing in again (`crate::kept`) is forgotten with it.
pub fn sign_out() {
    let _ = ADMIN.take(crate::kept::WHAT);
    ADMIN.sign_out();
}
