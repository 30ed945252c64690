//! The router and the layout of the admin workspace: skip link, header with the signed-in admin
//! and the navigation (only what the role may do), `<main>` and footer.

use crate::api;
use crate::pages;
use crate::texts::common as t;
use crate::ui::lang;
use forebyg_app::router::{self, NavLink};
use forebyg_shared::auth::{Principal, Role};
use leptos::prelude::*;

/// The signed-in admin (None until `/admin/me` answers, or when signed out).
#[derive(Clone, Copy)]
pub struct Session(pub RwSignal<Option<Principal>>);

pub fn use_session() -> RwSignal<Option<Principal>> {
    use_context::<Session>().map(|s| s.0).unwrap_or_else(|| RwSignal::new(None))
}

/// Region administrators (and national ones) plan coverage and read the audit log.
pub fn is_region_admin(p: &Option<Principal>) -> bool {
    p.as_ref().is_some_and(|p| p.role != Role::ProviderEditor)
}

/// The pages, in the order the page switch in [`App`] builds them (`ny` before `:id`).
const ROUTES: &[&str] = &[
    "/admin/login",
    "/admin/dev-login",
    "/admin/callback",
    "/admin",
    "/admin/tilbud",
    "/admin/tilbud/ny",
    "/admin/tilbud/:id",
    "/admin/udbydere",
    "/admin/udbydere/ny",
    "/admin/udbydere/:id",
    "/admin/steder",
    "/admin/steder/ny",
    "/admin/steder/:id",
    "/admin/henvendelser",
    "/admin/fejlrapporter",
    "/admin/daekning",
    "/admin/import",
    "/admin/log",
];

#[component]
pub fn App() -> impl IntoView {
    let session = RwSignal::new(None::<Principal>);
    provide_context(Session(session));
    let path = window().location().pathname().unwrap_or_default();
    if forebyg_app::oauth::ADMIN.is_sign_in_page(&path) {
        // The sign-in pages work without a session (the callback makes one).
    } else if api::token().is_some() {
        leptos::task::spawn_local(async move {
            if let Ok(p) = api::get::<Principal>("/api/v1/admin/me").await {
                session.set(Some(p));
            }
        });
    } else {
        crate::sign_in::to_login(false);
    }

    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        crate::ui::focus_id("main");
    };

    // The page of the path (and its parameters); a change of the query alone keeps the page.
    let current = router::provide(|p| p == "/admin" || p.starts_with("/admin/"));
    let page = Memo::new(move |_| current.with(|p| router::route(ROUTES, p)));

    view! {
            <a class="skip-link" href="#main" on:click=skip>{t::SKIP_LINK.get(lang())}</a>
            <header class="site-header">
                <div class="wrap site-header__inner">
                    <a class="site-name" href="/admin">
                        "Forebyg"
                        <span class="site-tagline">{t::SITE_TAGLINE.get(lang())}</span>
                    </a>
                    <SignedIn />
                    <crate::lang_switch::LangSwitch />
                </div>
                <Nav />
            </header>
            <main id="main" class="wrap" tabindex="-1">
                {move || page.with(|matched| {
                    let Some((i, params)) = matched.clone() else { return view! { <pages::NotFound /> }.into_any() };
                    router::provide_params(params);
                    match i {
                        0 => view! { <pages::login::LoginPage /> }.into_any(),
                        1 => view! { <pages::dev_login::DevLoginPage /> }.into_any(),
                        2 => view! { <pages::callback::CallbackPage /> }.into_any(),
                        3 => view! { <pages::overview::OverviewPage /> }.into_any(),
                        4 => view! { <pages::offers::OffersPage /> }.into_any(),
                        5 => view! { <pages::editor::NewOfferPage /> }.into_any(),
                        6 => view! { <pages::editor::EditOfferPage /> }.into_any(),
                        7 => view! { <pages::providers::ProvidersPage /> }.into_any(),
                        8 => view! { <pages::providers::NewProviderPage /> }.into_any(),
                        9 => view! { <pages::providers::EditProviderPage /> }.into_any(),
                        10 => view! { <pages::locations::LocationsPage /> }.into_any(),
                        11 => view! { <pages::locations::NewLocationPage /> }.into_any(),
                        12 => view! { <pages::locations::EditLocationPage /> }.into_any(),
                        13 => view! { <pages::inbox::InboxPage /> }.into_any(),
                        14 => view! { <pages::reports::ReportsPage /> }.into_any(),
                        15 => view! { <pages::coverage::CoveragePage /> }.into_any(),
                        16 => view! { <pages::import::ImportPage /> }.into_any(),
                        _ => view! { <pages::audit::AuditPage /> }.into_any(),
                    }
                })}
            </main>
            <footer class="site-footer">
                <div class="wrap">
                    <p>{t::FOOTER.get(lang())}</p>
                </div>
            </footer>
    }
}

#[component]
fn SignedIn() -> impl IntoView {
    let session = use_session();
    move || {
        session.get().map(|p| {
            let scope = match (p.role, p.region) {
                (Role::NationalAdmin, _) => p.role.label(crate::ui::lang()).to_owned(),
                (_, Some(r)) => format!("{}, {}", p.role.label(crate::ui::lang()), r.label(crate::ui::lang())),
                (_, None) => p.role.label(crate::ui::lang()).to_owned(),
            };
            let who = p.name.clone().unwrap_or(p.subject.clone());
            view! {
                <div class="admin-user">
                    <span>{who}" · "{scope}</span>
                    <button type="button" class="button button--small button--inverse" on:click=move |_| crate::sign_in::sign_out()>{crate::texts::sign_in::SIGN_OUT.get(crate::ui::lang())}</button>
                </div>
            }
        })
    }
}

/// "Udbydere" and "Steder"; a provider editor's link goes straight to their own provider.
fn directory_links(p: Option<Principal>) -> impl IntoView {
    use crate::texts::directory as t;
    let l = crate::ui::lang();
    let provider = match p.as_ref().filter(|p| p.role == Role::ProviderEditor).and_then(|p| p.provider_id.clone()) {
        Some(id) => view! { <li><NavLink href=format!("/admin/udbydere/{id}")>{t::NAV_PROVIDER_OWN.get(l)}</NavLink></li> }.into_any(),
        None => view! { <li><NavLink href="/admin/udbydere">{t::NAV_PROVIDERS.get(l)}</NavLink></li> }.into_any(),
    };
    view! { {provider}<li><NavLink href="/admin/steder">{t::NAV_LOCATIONS.get(l)}</NavLink></li> }
}

#[component]
fn Nav() -> impl IntoView {
    let session = use_session();
    let path = router::use_path();
    let on_login = move || path.with(|p| forebyg_app::oauth::ADMIN.is_sign_in_page(p));
    move || {
        (!on_login() && session.get().is_some()).then(|| {
            let region = is_region_admin(&session.get());
            view! {
                <nav class="admin-nav" aria-label=t::NAV_LABEL.get(lang())>
                    <ul class="wrap">
                        <li><NavLink href="/admin" exact=true>{t::NAV_OVERVIEW.get(lang())}</NavLink></li>
                        <li><NavLink href="/admin/tilbud">{t::NAV_OFFERS.get(lang())}</NavLink></li>
                        {directory_links(session.get())}
                        <li><NavLink href="/admin/henvendelser">{t::NAV_INBOX.get(lang())}</NavLink></li>
                        <li><NavLink href="/admin/fejlrapporter">{t::NAV_REPORTS.get(lang())}</NavLink></li>
                        {region.then(|| view! { <li><NavLink href="/admin/daekning">{t::NAV_COVERAGE.get(lang())}</NavLink></li> })}
                        <li><NavLink href="/admin/import">{t::NAV_IMPORT.get(lang())}</NavLink></li>
                        {region.then(|| view! { <li><NavLink href="/admin/log">{t::NAV_LOG.get(lang())}</NavLink></li> })}
                    </ul>
                </nav>
            }
        })
    }
}
