//! `/klinik/log-ind` and `/klinik/callback`: the clinician's sign-in, the same authorization code
//! flow with PKCE as the admins' (Cognito's hosted UI; locally the development issuer, whose page
//! offers the `clinician` role with an organisation). An account without a clinician
//! organisation is refused here, as the API refuses it.

use super::session::{just_signed_out, start_sign_in, SignInPrompt};
use crate::clinician::query::{REFERRALS_PATH, SEARCH_PATH};
use crate::clinician::texts as t;
use crate::context::use_lang;
use crate::dom;
use crate::oauth::CallbackError;
use crate::sign_in::CLINICIAN;
use forebyg_shared::clinician::ClinicianProfile;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

#[component]
pub fn SignInPage() -> impl IntoView {
    let lang = use_lang();
    // Back from the identity provider's sign-out (its registered logout address is this page):
    // on to the clinician search, which says the clinician is signed out.
    if just_signed_out() {
        let navigate = use_navigate();
        request_animation_frame(move || navigate(SEARCH_PATH, NavigateOptions { replace: true, ..Default::default() }));
    }
    let h1 = NodeRef::<H1>::new();
    dom::focus_heading_on_arrival(h1);
    dom::set_title(lang, t::SIGN_IN_H1.get(lang));
    let expired = CLINICIAN.take_expired();
    let failure = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let go = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        // Where the sign-in was asked for (kept by `to_login`), else "Mine henvisninger".
        let back = CLINICIAN.take_return();
        start_sign_in(if back == CLINICIAN.flow.base { REFERRALS_PATH.to_owned() } else { back }, failure, lang);
    };
    view! {
        <h1 node_ref=h1 tabindex="-1">{t::SIGN_IN_H1.get(lang)}</h1>
        {expired.then(|| view! { <p class="status status--error" role="alert">{t::SIGN_IN_EXPIRED.get(lang)}</p> })}
        <p>{t::SIGN_IN_INTRO.get(lang)}</p>
        <form on:submit=go>
            <button type="submit" class="button" disabled=move || busy.get()>{t::SIGN_IN.get(lang)}</button>
        </form>
        {move || busy.get().then(|| view! { <p class="status status--loading" role="status">{t::SIGN_IN_REDIRECTING.get(lang)}</p> })}
        {move || failure.get().map(|f| view! { <p class="status status--error" role="alert">{f}</p> })}
    }
}

#[component]
pub fn CallbackPage() -> impl IntoView {
    let lang = use_lang();
    dom::set_title(lang, t::CALLBACK_H1.get(lang));
    // This page opens the document; the page the sign-in returns to is reached from it, and takes
    // the focus as after any navigation (a walk found it left on the page's body).
    dom::arrived_by_navigation();
    let navigate = use_navigate();
    let failure = RwSignal::new(None::<&'static str>);
    let query = use_query_map().get_untracked();
    let (code, state, error) = (query.get("code"), query.get("state"), query.get("error"));
    leptos::task::spawn_local(async move {
        let outcome = match CLINICIAN.exchange(code.as_deref(), state.as_deref(), error.as_deref()).await {
            Err(e) => Err(match e {
                CallbackError::Refused { access_denied: true } => t::CALLBACK_DENIED,
                CallbackError::Refused { access_denied: false } => t::CALLBACK_PROVIDER_ERROR,
                CallbackError::StateMismatch => t::CALLBACK_STATE,
                CallbackError::InvalidGrant => t::CALLBACK_INVALID_GRANT,
                CallbackError::Network => t::CALLBACK_NETWORK,
            }),
            // An admin account is no clinician: the token is dropped again.
            Ok(()) => match crate::http::get::<ClinicianProfile>("/api/v1/clinician/me", CLINICIAN.token()).await {
                Ok(_) => Ok(()),
                Err(e) if e.status() == Some(403) => Err(t::NOT_A_CLINICIAN),
                Err(_) => Err(t::CALLBACK_NETWORK),
            },
        };
        match outcome {
            Ok(()) => navigate(&CLINICIAN.take_return(), NavigateOptions { replace: true, ..Default::default() }),
            Err(text) => {
                CLINICIAN.clear_token();
                dom::set_title(lang, t::CALLBACK_FAILED_H1.get(lang));
                failure.set(Some(text.get(lang)));
            }
        }
    });
    view! {
        {move || match failure.get() {
            None => view! {
                <h1 tabindex="-1">{t::CALLBACK_H1.get(lang)}</h1>
                <p class="status status--loading" role="status">{t::CALLBACK_H1.get(lang)}" …"</p>
            }.into_any(),
            Some(message) => view! {
                <h1 tabindex="-1" id="callback-failed">{t::CALLBACK_FAILED_H1.get(lang)}</h1>
                <p class="status status--error" role="alert">{message}</p>
                <SignInPrompt lang=lang />
            }.into_any(),
        }}
    }
}
