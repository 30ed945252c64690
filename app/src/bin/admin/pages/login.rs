//! `/admin/login`: the development sign-in (the dev issuer). Production signs in with the
//! identity provider's hosted page instead.

use crate::api;
use crate::app::use_session;
use crate::ui::{self, ErrorSummary};
use forebyg_shared::auth::{Principal, Role};
use forebyg_shared::taxonomy::RegionCode;
use forebyg_shared::validation::{ErrorCode, FieldError};
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
struct DevLogin {
    role: Role,
    region: Option<RegionCode>,
    provider_id: Option<String>,
}

#[derive(Deserialize)]
struct DevToken {
    token: String,
    principal: Principal,
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    ui::page_setup("Udviklingslogin", h1);
    let session = use_session();
    let navigate = use_navigate();
    let role = RwSignal::new(Role::RegionAdmin.code().to_owned());
    let region = RwSignal::new(RegionCode::Midtjylland.code().to_owned());
    let provider = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let r = Role::from_code(&role.get_untracked()).unwrap_or(Role::RegionAdmin);
        let provider_id = provider.get_untracked().trim().to_owned();
        if r == Role::ProviderEditor && provider_id.is_empty() {
            errors.set(vec![FieldError::new("provider_id", ErrorCode::Required, "Angiv udbyderens id.", "Enter the provider id.")]);
            ui::focus_soon("error-summary");
            return;
        }
        errors.set(vec![]);
        let body = DevLogin {
            role: r,
            region: if r == Role::NationalAdmin { None } else { RegionCode::from_code(&region.get_untracked()) },
            provider_id: (r == Role::ProviderEditor).then_some(provider_id),
        };
        let navigate = navigate.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::post::<_, DevToken>("/api/v1/dev/token", &body).await {
                Ok(t) => {
                    api::set_token(&t.token);
                    session.set(Some(t.principal));
                    navigate("/admin", Default::default());
                }
                Err(e) => failure.set(Some(ui::error_text(&e))),
            }
            busy.set(false);
        });
    };
    let provider_error = move || errors.with(|e| e.iter().find(|e| e.field == "provider_id").map(|e| e.message.da.clone()));

    view! {
        <h1 node_ref=h1 tabindex="-1">"Udviklingslogin"</h1>
        <div class="notice notice--demo">
            <p><strong>"Kun til udvikling og test."</strong>" I drift logger du ind med din organisations login. Her vælger du selv rolle og region."</p>
        </div>
        {move || (!errors.get().is_empty()).then(|| view! { <ErrorSummary errors=errors.get() /> })}
        {move || failure.get().map(|f| view! { <p class="status status--error" role="alert">{f}</p> })}
        <form class="admin-form admin-form--narrow" on:submit=submit novalidate>
            <div class="field">
                <label class="field__label" for="f-role">"Rolle"</label>
                <select id="f-role" class="select" on:change=move |ev| role.set(event_target_value(&ev))>
                    {Role::ALL.iter().map(|r| {
                        let code = r.code();
                        view! { <option value=code selected=move || role.get() == code>{r.label(ui::lang())}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field" hidden=move || role.get() == Role::NationalAdmin.code()>
                <label class="field__label" for="f-region">"Region"</label>
                <select id="f-region" class="select" on:change=move |ev| region.set(event_target_value(&ev))>
                    {RegionCode::ALL.iter().map(|r| {
                        let code = r.code();
                        view! { <option value=code selected=move || region.get() == code>{r.label(ui::lang())}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field" class:field--error=move || provider_error().is_some() hidden=move || role.get() != Role::ProviderEditor.code()>
                <label class="field__label" for="f-provider_id">"Udbyderens id"</label>
                <p class="hint" id="f-provider_id-hint">"Fx aarhus-kommune"</p>
                {move || provider_error().map(|m| view! { <p class="field-error" id="f-provider_id-error"><span class="visually-hidden">"Fejl: "</span>{m}</p> })}
                <input id="f-provider_id" class="input" type="text" aria-describedby="f-provider_id-hint"
                    prop:value=move || provider.get() on:input=move |ev| provider.set(event_target_value(&ev)) />
            </div>
            <button type="submit" class="button" disabled=move || busy.get()>"Log ind"</button>
        </form>
    }
}
