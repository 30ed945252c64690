//! `/admin/login`: "Log ind" starts the authorization code flow with PKCE at this deployment's
//! identity provider (Cognito's hosted UI; locally the development issuer's `/admin/dev-login`).

use crate::sign_in::{self, StartError};
use crate::texts::sign_in as t;
use crate::ui::{self, lang};
use forebyg_shared::search::AdminSignIn;
use leptos::html::H1;
use leptos::prelude::*;

#[component]
pub fn LoginPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    ui::page_setup(t::LOGIN_H1.get(lang()), h1);
    let expired = sign_in::session_expired();
    let settings = LocalResource::new(sign_in::settings);
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<&'static str>);

    let form = move |settings: Option<AdminSignIn>| match settings {
        None => view! { <p class="status status--error" role="alert">{t::LOGIN_UNAVAILABLE.get(lang())}</p> }.into_any(),
        Some(s) => {
            let development = s.development;
            let s = StoredValue::new(s);
            let go = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                busy.set(true);
                leptos::task::spawn_local(async move {
                    if let Err(StartError::NoCrypto) = sign_in::start(&s.get_value()).await {
                        failure.set(Some(t::NO_CRYPTO.get(lang())));
                        busy.set(false);
                    }
                });
            };
            view! {
                {development.then(|| view! {
                    <div class="notice notice--demo">
                        <p><strong>{t::DEMO_NOTICE_STRONG.get(lang())}</strong>{t::DEMO_NOTICE.get(lang())}</p>
                    </div>
                })}
                <form class="admin-form admin-form--narrow" on:submit=go>
                    <button type="submit" class="button" disabled=move || busy.get()>{t::LOGIN_BUTTON.get(lang())}</button>
                </form>
                {move || busy.get().then(|| view! { <p class="status status--loading" role="status">{t::LOGIN_REDIRECTING.get(lang())}</p> })}
            }
            .into_any()
        }
    };

    view! {
        <h1 node_ref=h1 tabindex="-1">{t::LOGIN_H1.get(lang())}</h1>
        {expired.then(|| view! { <p class="status status--error" role="alert">{t::LOGIN_EXPIRED.get(lang())}</p> })}
        <p>{t::LOGIN_INTRO.get(lang())}</p>
        {move || failure.get().map(|f| view! { <p class="status status--error" role="alert">{f}</p> })}
        {ui::suspense(settings, form)}
    }
}
