//! `/admin/dev-login`: the development issuer's authorize page, for the admin workspace and the
//! clinician pages alike. A developer picks a role and its scope (region and provider for admins,
//! the organisation for a clinician); the API keeps the choice under a one-time code bound to the
//! request's PKCE challenge and sends the browser on to the `redirect_uri` (`/admin/callback` or
//! `/klinik/callback`), as Cognito's hosted UI would.

use crate::api;
use crate::texts::sign_in as t;
use crate::ui::{self, lang, ErrorSummary};
use forebyg_shared::auth::Role;
use forebyg_shared::clinician::{Organisation, OrganisationKind};
use forebyg_shared::taxonomy::RegionCode;
use forebyg_shared::validation::{ErrorCode, FieldError};
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
struct Authorize {
    role: Role,
    region: Option<RegionCode>,
    provider_id: Option<String>,
    organisation: Option<Organisation>,
    client_id: String,
    redirect_uri: String,
    state: String,
    code_challenge: String,
    code_challenge_method: String,
}

#[derive(Deserialize)]
struct Authorized {
    redirect_to: String,
}

#[component]
pub fn DevLoginPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    ui::page_setup(t::DEV_LOGIN_H1.get(lang()), h1);
    let query = use_query_map().get_untracked();
    let param = move |k: &str| query.get(k).unwrap_or_default();
    let request = StoredValue::new((
        param("client_id"),
        param("redirect_uri"),
        param("state"),
        param("code_challenge"),
        param("code_challenge_method"),
        param("response_type"),
    ));
    let complete = request.with_value(|r| r.5 == "code" && ![&r.0, &r.1, &r.3, &r.4].iter().any(|v| v.is_empty()));
    let role = RwSignal::new(Role::RegionAdmin.code().to_owned());
    let region = RwSignal::new(RegionCode::Midtjylland.code().to_owned());
    let provider = RwSignal::new(String::new());
    let org_kind = RwSignal::new(OrganisationKind::Practice.code().to_owned());
    let org_name = RwSignal::new(String::new());
    let org_sor = RwSignal::new(String::new());
    // A sign-in for the clinician pages starts as a clinician.
    if request.with_value(|r| r.1.ends_with("/klinik/callback")) {
        role.set(Role::Clinician.code().to_owned());
    }
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let r = Role::from_code(&role.get_untracked()).unwrap_or(Role::RegionAdmin);
        let provider_id = provider.get_untracked().trim().to_owned();
        let name = org_name.get_untracked().trim().to_owned();
        let missing = match r {
            Role::ProviderEditor if provider_id.is_empty() => Some(("provider_id", t::PROVIDER_ID_REQUIRED)),
            Role::Clinician if name.is_empty() => Some(("org_name", t::ORG_NAME_REQUIRED)),
            _ => None,
        };
        if let Some((field, text)) = missing {
            errors.set(vec![FieldError::new(field, ErrorCode::Required, text.da, text.en)]);
            ui::focus_soon("error-summary");
            return;
        }
        errors.set(vec![]);
        let (client_id, redirect_uri, state, code_challenge, code_challenge_method, _) = request.get_value();
        let body = Authorize {
            role: r,
            region: if matches!(r, Role::NationalAdmin | Role::Clinician) { None } else { RegionCode::from_code(&region.get_untracked()) },
            provider_id: (r == Role::ProviderEditor).then_some(provider_id),
            organisation: (r == Role::Clinician).then(|| Organisation {
                kind: OrganisationKind::from_code(&org_kind.get_untracked()).unwrap_or(OrganisationKind::Practice),
                name,
                sor: Some(org_sor.get_untracked().trim().to_owned()).filter(|s| !s.is_empty()),
            }),
            client_id,
            redirect_uri,
            state,
            code_challenge,
            code_challenge_method,
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::post::<_, Authorized>("/api/v1/dev/authorize", &body).await {
                Ok(a) => {
                    // As a real issuer's redirect: this page leaves the history (Back never returns to it).
                    let _ = window().location().replace(&a.redirect_to);
                }
                Err(e) => {
                    failure.set(Some(ui::error_text(&e)));
                    busy.set(false);
                }
            }
        });
    };
    let field_error = move |f: &'static str| errors.with(|e| e.iter().find(|e| e.field == f).map(|e| e.message.get(lang()).to_owned()));
    let provider_error = move || field_error("provider_id");
    let org_error = move || field_error("org_name");

    view! {
        <h1 node_ref=h1 tabindex="-1">{t::DEV_LOGIN_H1.get(lang())}</h1>
        <div class="notice notice--demo">
            <p><strong>{t::DEMO_NOTICE_STRONG.get(lang())}</strong>{t::DEMO_NOTICE.get(lang())}</p>
        </div>
        {(!complete).then(|| view! {
            <p class="status status--error" role="alert">{t::DEV_LOGIN_BAD_REQUEST.get(lang())}" "<a href="/admin/login">{t::TRY_AGAIN.get(lang())}</a></p>
        })}
        {move || (!errors.get().is_empty()).then(|| view! { <ErrorSummary errors=errors.get() /> })}
        {move || failure.get().map(|f| view! { <p class="status status--error" role="alert">{f}" "<a href="/admin/login">{t::TRY_AGAIN.get(lang())}</a></p> })}
        <form class="admin-form admin-form--narrow" on:submit=submit novalidate hidden=!complete>
            <div class="field">
                <label class="field__label" for="f-role">{t::ROLE.get(lang())}</label>
                <select id="f-role" class="select" on:change=move |ev| role.set(event_target_value(&ev))>
                    {Role::ALL.iter().map(|r| {
                        let code = r.code();
                        view! { <option value=code prop:selected=move || role.get() == code>{r.label(lang())}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field" hidden=move || role.get() == Role::NationalAdmin.code() || role.get() == Role::Clinician.code()>
                <label class="field__label" for="f-region">{t::REGION.get(lang())}</label>
                <select id="f-region" class="select" on:change=move |ev| region.set(event_target_value(&ev))>
                    {RegionCode::ALL.iter().map(|r| {
                        let code = r.code();
                        view! { <option value=code prop:selected=move || region.get() == code>{r.label(lang())}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field" class:field--error=move || provider_error().is_some() hidden=move || role.get() != Role::ProviderEditor.code()>
                <label class="field__label" for="f-provider_id">{t::PROVIDER_ID.get(lang())}</label>
                <p class="hint" id="f-provider_id-hint">{move || t::provider_id_hint(RegionCode::from_code(&region.get()).unwrap_or(RegionCode::Midtjylland), lang())}</p>
                {move || provider_error().map(|m| view! { <p class="field-error" id="f-provider_id-error"><span class="visually-hidden">{crate::texts::sign_in::ERROR_PREFIX.get(lang())}</span>{m}</p> })}
                <input id="f-provider_id" class="input" type="text" aria-describedby="f-provider_id-hint"
                    prop:value=move || provider.get() on:input=move |ev| provider.set(event_target_value(&ev)) />
            </div>
            <div hidden=move || role.get() != Role::Clinician.code()>
                <div class="field">
                    <label class="field__label" for="f-org_kind">{t::ORG_KIND.get(lang())}</label>
                    <select id="f-org_kind" class="select" on:change=move |ev| org_kind.set(event_target_value(&ev))>
                        {OrganisationKind::ALL.iter().map(|k| {
                            let code = k.code();
                            view! { <option value=code prop:selected=move || org_kind.get() == code>{k.label(lang())}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field" class:field--error=move || org_error().is_some()>
                    <label class="field__label" for="f-org_name">{t::ORG_NAME.get(lang())}</label>
                    <p class="hint" id="f-org_name-hint">{t::ORG_NAME_HINT.get(lang())}</p>
                    {move || org_error().map(|m| view! { <p class="field-error" id="f-org_name-error"><span class="visually-hidden">{t::ERROR_PREFIX.get(lang())}</span>{m}</p> })}
                    <input id="f-org_name" class="input" type="text" aria-describedby="f-org_name-hint"
                        prop:value=move || org_name.get() on:input=move |ev| org_name.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label class="field__label" for="f-org_sor">{t::ORG_SOR.get(lang())}</label>
                    <input id="f-org_sor" class="input" type="text" inputmode="numeric"
                        prop:value=move || org_sor.get() on:input=move |ev| org_sor.set(event_target_value(&ev)) />
                </div>
            </div>
            <button type="submit" class="button" disabled=move || busy.get()>{t::LOGIN_BUTTON.get(lang())}</button>
        </form>
    }
}
