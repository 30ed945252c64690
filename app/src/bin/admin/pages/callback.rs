//! `/admin/callback`: where the identity provider sends the browser back with `code` and `state`
//! (or `error`). Exchanges the code, loads the admin and returns to the page first asked for
//! (where work kept while signing in again goes back in: `crate::kept`).

use crate::session;
use crate::sign_in::{self, Failure};
use crate::texts::sign_in as t;
use crate::ui::{self, lang};
use forebyg_app::oauth::CallbackError;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

#[component]
pub fn CallbackPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    ui::page_setup(t::CALLBACK_H1.get(lang()), h1);
    let session = session::handle();
    let navigate = use_navigate();
    let failure = RwSignal::new(None::<String>);
    let query = use_query_map().get_untracked();
    let (code, state, error) = (query.get("code"), query.get("state"), query.get("error"));

    leptos::task::spawn_local(async move {
        match sign_in::finish(code.as_deref(), state.as_deref(), error.as_deref()).await {
            Ok((principal, back_to)) => {
                crate::kept::settle(&principal.subject, &back_to);
                session.signed_in(principal);
                navigate(&back_to, NavigateOptions { replace: true, ..Default::default() });
            }
            Err(f) => {
                let message = match f {
                    Failure::Callback(CallbackError::Refused { access_denied: true }) => t::CALLBACK_DENIED.get(lang()).to_owned(),
                    Failure::Callback(CallbackError::Refused { access_denied: false }) => t::CALLBACK_PROVIDER_ERROR.get(lang()).to_owned(),
                    Failure::Callback(CallbackError::StateMismatch) => t::CALLBACK_STATE.get(lang()).to_owned(),
                    Failure::Callback(CallbackError::InvalidGrant) => t::CALLBACK_INVALID_GRANT.get(lang()).to_owned(),
                    Failure::Callback(CallbackError::Network) => t::CALLBACK_NETWORK.get(lang()).to_owned(),
                    Failure::Api(e) => ui::load_error_text(&e),
                };
                failure.set(Some(message));
                ui::set_title(t::CALLBACK_FAILED_H1.get(lang()));
            }
        }
    });

    view! {
        {move || match failure.get() {
            None => view! {
                <h1 node_ref=h1 tabindex="-1">{t::CALLBACK_H1.get(lang())}</h1>
                <p class="status status--loading" role="status">{t::CALLBACK_WORKING.get(lang())}</p>
            }.into_any(),
            Some(message) => view! {
                <h1 tabindex="-1" id="callback-failed">{t::CALLBACK_FAILED_H1.get(lang())}</h1>
                <p class="status status--error" role="alert">{message}</p>
                <p><a href="/admin/login">{t::TRY_AGAIN.get(lang())}</a></p>
            }.into_any(),
        }}
    }
}
