//! The signed-in admin, shared by the layout and the pages through a context: its own module so
//! pages read it without importing the router (`app.rs`), which imports the pages. It is a
//! resource (`GET /api/v1/admin/me`), shown like every other admin load (`ui.rs`): the loading
//! line, then the page, or the error with "Prøv igen".

use crate::texts::common as t;
use crate::{api, sign_in, ui};
use forebyg_app::api::ApiError;
use forebyg_shared::auth::{Principal, Role};
use leptos::prelude::*;

type Me = LocalResource<Result<Principal, ApiError>>;

/// The session's handle, for signing in and out: taken while a component is built (the context
/// is not reachable from a task or an event handler).
#[derive(Clone, Copy)]
pub struct Session {
    me: Me,
    /// How many pages on screen say themselves that the admin could not be loaded ([`page`]): the
    /// header then does not say it a second time ([`failed_in_header`]).
    pages_saying_failed: RwSignal<usize>,
}

/// What the session holds while nobody is signed in (the sign-in pages, after signing out).
const SIGNED_OUT: ApiError = ApiError::Http(401);

/// Loads the admin and provides the session to the app.
pub fn provide_session() {
    let me = LocalResource::new(load_me);
    provide_context(Session { me, pages_saying_failed: RwSignal::new(0) });
}

/// The signed-in admin. On the sign-in pages there is nothing to load (the callback page signs in
/// with [`Session::signed_in`]); without a token the browser goes to sign in.
async fn load_me() -> Result<Principal, ApiError> {
    let path = window().location().pathname().unwrap_or_default();
    if forebyg_app::oauth::ADMIN.is_sign_in_page(&path) {
        return Err(SIGNED_OUT);
    }
    if api::token().is_none() {
        sign_in::to_login(false);
        return Err(SIGNED_OUT);
    }
    // A 401 here (an expired token) sends the browser to sign in (`api::send`).
    api::get::<Principal>("/api/v1/admin/me").await
}

pub fn handle() -> Session {
    expect_context::<Session>()
}

fn me() -> Me {
    handle().me
}

/// The admin once loaded (None before, or when loading failed), for the parts of a page that only
/// adapt to the role (a "new" button, a region choice); a page that cannot do without the admin
/// waits for it with [`page`] (or [`when_loaded`]).
pub fn use_session() -> Signal<Option<Principal>> {
    let me = me();
    Signal::derive(move || me.get().and_then(Result::ok))
}

/// A page built from the signed-in admin (a new record's defaults are the admin's region and
/// provider): the loading line until the admin is loaded, then `ok`'s view, or, when loading failed,
/// the error under a heading of its own, with "Prøv igen" when that can help.
pub fn page<V: IntoView + 'static>(ok: impl Fn(Principal) -> V + Clone + Send + Sync + 'static) -> impl IntoView {
    let saying = handle().pages_saying_failed;
    saying.update(|n| *n += 1);
    // A count, not a flag: the next page is built before the last one is cleaned up.
    on_cleanup(move || saying.update(|n| *n -= 1));
    ui::suspense_page(me(), t::SESSION_FAILED, ok)
}

/// The header's line when the admin could not be loaded on a page that does without them (a list,
/// an edit page): without it the name and the navigation would be missing without a word until a
/// reload. Nothing shows while the admin is loading, once it is loaded, when signed out (the
/// sign-in pages) or when the page itself says so ([`page`]).
///
/// "Prøv igen" loads the admin again, saying so on the line meanwhile, so a retry that fails again
/// is announced again. When it succeeds the button makes way for the admin's name, which then takes
/// the focus the button had (rather than the focus falling back to the page's start).
#[component]
pub fn FailedInHeader() -> impl IntoView {
    let Session { me, pages_saying_failed } = handle();
    // A memo, so that another failed answer does not rebuild the line (and drop its focus).
    let failed = Memo::new(move |_| {
        let failed = me.get().is_some_and(|r| r.is_err_and(|e| e.status() != Some(401)));
        failed && pages_saying_failed.get() == 0
    });
    let retrying = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let retry = move |_| {
        if retrying.get_untracked() {
            return;
        }
        retrying.set(true);
        let had_focus = button.get_untracked().is_some_and(|b| document().active_element().as_ref() == Some(b.as_ref()));
        leptos::task::spawn_local(async move {
            let answer = load_me().await;
            let loaded = answer.is_ok();
            me.set(Some(answer));
            retrying.set(false);
            if loaded && had_focus {
                ui::focus_soon(SIGNED_IN_ID);
            }
        });
    };
    move || {
        failed.get().then(|| {
            let line = move || if retrying.get() { t::SESSION_RETRYING.get(ui::lang()).to_owned() } else { format!("{}.", t::SESSION_FAILED.get(ui::lang())) };
            view! {
                <div class="admin-user">
                    <p role="status">{line}</p>
                    <button type="button" class="button button--small button--inverse" node_ref=button on:click=retry aria-disabled=move || retrying.get().then_some("true")>
                        {forebyg_app::i18n::RETRY.get(ui::lang())}
                    </button>
                </div>
            }
        })
    }
}

/// The header's line with the signed-in admin's name, focusable by script only (after a retry).
pub const SIGNED_IN_ID: &str = "admin-user";

/// What only shows for a signed-in admin (the header's name and navigation): nothing until the
/// admin is loaded, nor when loading failed (the page says why).
pub fn when_loaded<V: IntoView + 'static>(ready: impl Fn(Principal) -> V + Clone + Send + Sync + 'static) -> impl IntoView {
    ui::when_loaded(me(), move |me| me.ok().map(ready.clone()))
}

impl Session {
    /// The callback page has signed the admin in (and loaded them).
    pub fn signed_in(self, p: Principal) {
        self.me.set(Some(Ok(p)));
    }

    /// Signs out: the header forgets the admin at once, and the browser goes to the sign-in page.
    pub fn sign_out(self) {
        self.me.set(Some(Err(SIGNED_OUT)));
        sign_in::sign_out();
    }
}

/// Region administrators (and national ones) plan coverage and read the audit log.
pub fn is_region_admin(p: &Option<Principal>) -> bool {
    p.as_ref().is_some_and(|p| p.role != Role::ProviderEditor)
}

/// National administrators edit the kronikerpakker and choose any region.
pub fn is_national_admin(p: &Option<Principal>) -> bool {
    p.as_ref().is_some_and(|p| p.role == Role::NationalAdmin)
}
