//! The signed-in clinician: their ID token (the shared PKCE sign-in, session
//! [`CLINICIAN`]), the API calls made with it, and the sign-in prompt of pages that need it.

use crate::api::ApiError;
use crate::clinician::texts as t;
use crate::sign_in::{StartError, CLINICIAN};
use forebyg_shared::clinician::ClinicianProfile;
use forebyg_shared::Lang;
use gloo_net::http::Method;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Not signed in: nothing is asked (the page shows the sign-in prompt instead).
const SIGNED_OUT: ApiError = ApiError::Http(401);

/// A refused token (expired, or signed out elsewhere) sends the clinician to sign in again,
/// to come back here.
fn on_unauthorised<T>(r: Result<T, ApiError>) -> Result<T, ApiError> {
    if matches!(&r, Err(e) if e.status() == Some(401)) {
        CLINICIAN.to_login(true);
    }
    r
}

pub async fn get<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    let token = CLINICIAN.token().ok_or(SIGNED_OUT)?;
    on_unauthorised(crate::http::get(url, Some(token)).await)
}

pub async fn post<B: Serialize, T: DeserializeOwned>(url: &str, body: &B) -> Result<T, ApiError> {
    let token = CLINICIAN.token().ok_or(SIGNED_OUT)?;
    on_unauthorised(crate::http::post(url, Some(token), body).await)
}

pub async fn delete<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    let token = CLINICIAN.token().ok_or(SIGNED_OUT)?;
    let r = crate::http::send(Method::DELETE, url, Some(token), None).await;
    on_unauthorised(r.and_then(|(status, body)| crate::http::parse(status, &body)))
}

/// The clinician of this tab: `None` when not signed in.
pub fn profile() -> LocalResource<Option<Result<ClinicianProfile, ApiError>>> {
    LocalResource::new(|| async {
        CLINICIAN.token()?;
        Some(crate::http::get::<ClinicianProfile>("/api/v1/clinician/me", CLINICIAN.token()).await)
    })
}

/// Starts the sign-in, to come back to `back_to` (a clinician page).
pub fn start_sign_in(back_to: String, failure: RwSignal<Option<&'static str>>, lang: Lang) {
    CLINICIAN.return_after(&back_to);
    leptos::task::spawn_local(async move {
        match crate::sign_in::settings().await {
            Ok(Some(s)) => {
                if let Err(StartError::NoCrypto) = CLINICIAN.start(&s).await {
                    failure.set(Some(t::NO_CRYPTO.get(lang)));
                }
            }
            Ok(None) => failure.set(Some(t::SIGN_IN_UNAVAILABLE.get(lang))),
            Err(e) => failure.set(Some(e.message(lang))),
        }
    });
}

/// "Log ind som behandler …" with the button that signs in and comes back to this page.
#[component]
pub fn SignInPrompt(lang: Lang) -> impl IntoView {
    let failure = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let go = move |_| {
        busy.set(true);
        let location = window().location();
        let here = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
        start_sign_in(here, failure, lang);
    };
    view! {
        <div class="notice sign-in-prompt">
            <p>{t::SIGN_IN_NEEDED.get(lang)}</p>
            <p><button class="button" type="button" disabled=move || busy.get() on:click=go>{t::SIGN_IN.get(lang)}</button></p>
            {move || busy.get().then(|| view! { <p class="status status--loading" role="status">{t::SIGN_IN_REDIRECTING.get(lang)}</p> })}
            {move || failure.get().map(|f| view! { <p class="status status--error" role="alert">{f}</p> })}
        </div>
    }
}
