//! The router and the layout of the admin workspace: skip link, header with the signed-in admin
//! and the navigation (only what the role may do), `<main>` and footer.

use crate::lazy;
use crate::pages;
use crate::session::{self, is_region_admin};
use crate::texts::common as t;
use crate::ui::lang;
use forebyg_shared::auth::{Principal, Role};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::{path, Lazy};

/// The development issuer's sign-in page, only in a local build (the `dev-login` feature, see
/// app/Cargo.toml); a deployed build has no such page: the address is "page not found".
#[cfg(feature = "dev-login")]
use pages::dev_login::DevLoginPage as DevLogin;
#[cfg(not(feature = "dev-login"))]
use pages::NotFound as DevLogin;

#[component]
pub fn App() -> impl IntoView {
    session::provide_session();
    // Before the router's own listener (see there).
    crate::leave_guard::install();

    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        crate::ui::focus_id("main");
    };

    view! {
        <Router>
            <a class="skip-link" href="#main" on:click=skip>{t::SKIP_LINK.get(lang())}</a>
            <header class="site-header">
                <div class="wrap site-header__inner">
                    <a class="site-name" href="/admin">
                        "Forebyg"
                        <span class="site-tagline">{t::SITE_TAGLINE.get(lang())}</span>
                    </a>
                    <SignedIn />
                    <session::FailedInHeader />
                    <crate::lang_switch::LangSwitch />
                </div>
                <Nav />
            </header>
            <main id="main" class="wrap" tabindex="-1">
                <Routes fallback=pages::NotFound>
                    <Route path=path!("/admin/login") view=pages::login::LoginPage />
                    <Route path=path!("/admin/dev-login") view=DevLogin />
                    <Route path=path!("/admin/callback") view=pages::callback::CallbackPage />
                    <Route path=path!("/admin") view=pages::overview::OverviewPage />
                    <Route path=path!("/admin/tilbud") view={Lazy::<lazy::OffersRoute>::new()} />
                    <Route path=path!("/admin/tilbud/ny") view={Lazy::<lazy::NewOfferRoute>::new()} />
                    <Route path=path!("/admin/tilbud/:id") view={Lazy::<lazy::EditOfferRoute>::new()} />
                    <Route path=path!("/admin/udbydere") view={Lazy::<lazy::ProvidersRoute>::new()} />
                    <Route path=path!("/admin/udbydere/ny") view={Lazy::<lazy::NewProviderRoute>::new()} />
                    <Route path=path!("/admin/udbydere/:id") view={Lazy::<lazy::EditProviderRoute>::new()} />
                    <Route path=path!("/admin/steder") view={Lazy::<lazy::LocationsRoute>::new()} />
                    <Route path=path!("/admin/steder/ny") view={Lazy::<lazy::NewLocationRoute>::new()} />
                    <Route path=path!("/admin/steder/:id") view={Lazy::<lazy::EditLocationRoute>::new()} />
                    <Route path=path!("/admin/pakker") view={Lazy::<lazy::PackagesRoute>::new()} />
                    <Route path=path!("/admin/pakker/:id") view={Lazy::<lazy::PackageRoute>::new()} />
                    <Route path=path!("/admin/foreninger") view={Lazy::<lazy::AssociationsRoute>::new()} />
                    <Route path=path!("/admin/foreninger/ny") view={Lazy::<lazy::NewAssociationRoute>::new()} />
                    <Route path=path!("/admin/foreninger/:id") view={Lazy::<lazy::EditAssociationRoute>::new()} />
                    <Route path=path!("/admin/aktiviteter") view={Lazy::<lazy::ActivitiesRoute>::new()} />
                    <Route path=path!("/admin/aktiviteter/ny") view={Lazy::<lazy::NewActivityRoute>::new()} />
                    <Route path=path!("/admin/aktiviteter/:id") view={Lazy::<lazy::EditActivityRoute>::new()} />
                    <Route path=path!("/admin/henvendelser") view={Lazy::<lazy::InboxRoute>::new()} />
                    <Route path=path!("/admin/fejlrapporter") view={Lazy::<lazy::ReportsRoute>::new()} />
                    <Route path=path!("/admin/daekning") view={Lazy::<lazy::CoverageRoute>::new()} />
                    <Route path=path!("/admin/import") view={Lazy::<lazy::ImportRoute>::new()} />
                    <Route path=path!("/admin/log") view={Lazy::<lazy::AuditRoute>::new()} />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}

/// Whom the workspace is for; the development issuer's page (`/admin/dev-login`) also signs in
/// clinicians, so there it names them too.
#[component]
fn Footer() -> impl IntoView {
    let path = use_location().pathname;
    let text = move || if path.with(|p| p == forebyg_app::oauth::DEV_LOGIN) { t::FOOTER_DEV_LOGIN } else { t::FOOTER };
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>{move || text().get(lang())}</p>
            </div>
        </footer>
    }
}

const NAV_LIST_ID: &str = "admin-nav-list";

#[component]
fn SignedIn() -> impl IntoView {
    let session = session::handle();
    session::when_loaded(move |p| {
        let scope = match (p.role, p.region) {
            (Role::NationalAdmin, _) => p.role.label(crate::ui::lang()).to_owned(),
            (_, Some(r)) => format!("{}, {}", p.role.label(crate::ui::lang()), r.label(crate::ui::lang())),
            (_, None) => p.role.label(crate::ui::lang()).to_owned(),
        };
        let who = p.name.clone().unwrap_or(p.subject.clone());
        // A provider editor works for one provider: named, so a shared screen says whose listings
        // these are (a walk found the header silent about it).
        let provider = p.provider_id.clone().filter(|_| p.role == Role::ProviderEditor).map(|id| {
            let url = format!("/api/v1/admin/providers/{}", forebyg_app::query::encode(&id));
            let name = LocalResource::new(move || {
                let url = url.clone();
                async move { crate::api::get::<forebyg_shared::directory::ProviderRecord>(&url).await.ok().map(|r| r.name) }
            });
            move || name.get().flatten().map(|n| format!(" · {n}"))
        });
        view! {
            <div class="admin-user">
                <span id=session::SIGNED_IN_ID tabindex="-1">{who}" · "{scope}{provider}</span>
                <button type="button" class="button button--small button--inverse" on:click=move |_| session.sign_out()>{crate::texts::sign_in::SIGN_OUT.get(crate::ui::lang())}</button>
            </div>
        }
    })
}

/// "Udbydere", "Steder", "Kronikerpakker", "Foreninger" and "Aktiviteter"; a provider editor's link goes straight to their own provider.
fn directory_links(p: Option<Principal>) -> impl IntoView {
    use crate::texts::directory as t;
    let l = crate::ui::lang();
    let provider = match p.as_ref().filter(|p| p.role == Role::ProviderEditor).and_then(|p| p.provider_id.clone()) {
        Some(id) => view! { <li><A href=format!("/admin/udbydere/{id}")>{t::NAV_PROVIDER_OWN.get(l)}</A></li> }.into_any(),
        None => view! { <li><A href="/admin/udbydere">{t::NAV_PROVIDERS.get(l)}</A></li> }.into_any(),
    };
    use crate::texts::activities as ta;
    view! {
        {provider}
        <li><A href="/admin/steder">{t::NAV_LOCATIONS.get(l)}</A></li>
        <li><A href="/admin/pakker">{ta::NAV_PACKAGES.get(l)}</A></li>
        <li><A href="/admin/foreninger">{ta::NAV_ASSOCIATIONS.get(l)}</A></li>
        <li><A href="/admin/aktiviteter">{ta::NAV_ACTIVITIES.get(l)}</A></li>
    }
}

/// The workspace's pages. On a phone its links (twelve for a region admin) would take five rows
/// above every page: there they fold behind a "Menu" button (admin.css), closed again when another
/// page opens, or by Escape.
#[component]
fn Nav() -> impl IntoView {
    let path = use_location().pathname;
    let on_login = move || path.with(|p| forebyg_app::oauth::ADMIN.is_sign_in_page(p));
    let open = RwSignal::new(false);
    Effect::new(move |_| {
        path.track();
        open.set(false);
    });
    session::when_loaded(move |p| {
        let p = Some(p);
        move || {
            (!on_login()).then(|| {
                let region = is_region_admin(&p);
                let toggle = NodeRef::<leptos::html::Button>::new();
                // Escape closes an open menu and leaves the focus on its toggle.
                let escape = move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Escape" && open.get_untracked() {
                        open.set(false);
                        if let Some(b) = toggle.get_untracked() {
                            let _ = b.focus();
                        }
                    }
                };
                view! {
                    <nav class="admin-nav" aria-label=t::NAV_LABEL.get(lang()) on:keydown=escape>
                        <div class="wrap admin-nav__bar">
                            <button type="button" node_ref=toggle class="site-menu__toggle admin-nav__toggle" aria-controls=NAV_LIST_ID
                                aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                                {forebyg_app::i18n::MENU.get(lang())}
                            </button>
                        </div>
                        <ul class="wrap" id=NAV_LIST_ID class:is-open=open>
                            <li><A href="/admin" exact=true>{t::NAV_OVERVIEW.get(lang())}</A></li>
                            <li><A href="/admin/tilbud">{t::NAV_OFFERS.get(lang())}</A></li>
                            {directory_links(p.clone())}
                            <li><A href="/admin/henvendelser">{t::NAV_INBOX.get(lang())}</A></li>
                            <li><A href="/admin/fejlrapporter">{t::NAV_REPORTS.get(lang())}</A></li>
                            {region.then(|| view! { <li><A href="/admin/daekning">{t::NAV_COVERAGE.get(lang())}</A></li> })}
                            <li><A href="/admin/import">{t::NAV_IMPORT.get(lang())}</A></li>
                            {region.then(|| view! { <li><A href="/admin/log">{t::NAV_LOG.get(lang())}</A></li> })}
                        </ul>
                    </nav>
                }
            })
        }
    })
}
