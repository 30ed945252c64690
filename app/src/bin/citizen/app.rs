//! The citizen app: one `leptos_router` app over every citizen page, inside the layout (skip
//! link, header with navigation, `<main>` and footer). Moving between pages never reloads the
//! document; the server answers every citizen path with the same `index.html`.

use crate::lazy;
use forebyg_app::context::{provide_lang, store_lang};
use forebyg_app::i18n;
use forebyg_app::routes::not_found::NotFound;
use forebyg_app::routes::search;
use forebyg_shared::Lang;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::{path, Lazy};

const LANG_SWITCH_ID: &str = "lang-switch";

#[component]
pub fn App() -> impl IntoView {
    let lang = provide_lang();
    // Switching language stores the choice and reloads the page in the other language (every
    // text is chosen once per page, which keeps the wasm small).
    let switch_lang = move |_| {
        store_lang(if lang == Lang::Da { Lang::En } else { Lang::Da });
        forebyg_app::dom::reload_keeping_focus(LANG_SWITCH_ID);
    };
    forebyg_app::dom::refocus_after_reload();
    let other_code = if lang == Lang::Da { "en" } else { "da" };
    forebyg_app::components::save_toggle::provide_saved();

    // A skip link must move focus, not just scroll. (Leptos attaches `on:` listeners to the
    // element itself, so this runs before the router's window listener, which then sees
    // `defaultPrevented`.)
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        forebyg_app::dom::focus_id("main");
    };

    view! {
        <Router>
            <a class="skip-link" href="#main" on:click=skip>{i18n::SKIP_LINK.get(lang)}</a>
            <header class="site-header">
                <div class="wrap site-header__inner">
                    <a class="site-name" href="/">
                        {i18n::SITE_NAME.get(lang)}
                        <span class="site-tagline">{i18n::SITE_TAGLINE.get(lang)}</span>
                    </a>
                    // The same markup as app/index.html's static header, so nothing moves when the app starts.
                    <div class="site-header__tools">
                        <Menu lang=lang />
                        <button type="button" id=LANG_SWITCH_ID class="lang-switch" lang=other_code aria-label=i18n::LANG_SWITCH_LABEL.get(lang) on:click=switch_lang>
                            {i18n::LANG_SWITCH.get(lang)}
                        </button>
                    </div>
                </div>
            </header>
            // A labelled region: every piece of content sits in a landmark (axe's `region` rule).
            <section class="phase-banner" aria-label=i18n::PHASE_TAG.get(lang)>
                <p class="wrap"><strong class="phase-banner__tag">{i18n::PHASE_TAG.get(lang)}</strong>" "<span>{i18n::PHASE_TEXT.get(lang)}</span></p>
            </section>
            <main id="main" class="wrap" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=|| view! { <search::SearchPage load_answer=lazy::load_search_answer /> } />
                    <Route path=path!("/gemte") view={Lazy::<lazy::SavedRoute>::new()} />
                    <Route path=path!("/tilbud/:id") view={Lazy::<lazy::OfferRoute>::new()} />
                    <Route path=path!("/tilbud/:id/tilmeld") view={Lazy::<lazy::SignupRoute>::new()} />
                    <Route path=path!("/kvittering/:code") view={Lazy::<lazy::ReceiptRoute>::new()} />
                    <Route path=path!("/status") view={Lazy::<lazy::StatusRoute>::new()} />
                    <Route path=path!("/aktiviteter") view={Lazy::<lazy::ActivitiesRoute>::new()} />
                    <Route path=path!("/aktiviteter/:id") view={Lazy::<lazy::ActivitiesRoute>::new()} />
                    <Route path=path!("/tilbud/:offer/fortsaet") view={Lazy::<lazy::ActivitiesRoute>::new()} />
                    <Route path=path!("/klinik") view={Lazy::<lazy::ClinicianSearchRoute>::new()} />
                    <Route path=path!("/klinik/til-patienten") view={Lazy::<lazy::HandoutRoute>::new()} />
                    <Route path=path!("/klinik/log-ind") view={Lazy::<lazy::ClinicianSignInRoute>::new()} />
                    <Route path=path!("/klinik/callback") view={Lazy::<lazy::ClinicianCallbackRoute>::new()} />
                    <Route path=path!("/klinik/henvis/:id") view={Lazy::<lazy::ReferRoute>::new()} />
                    <Route path=path!("/klinik/henvisninger") view={Lazy::<lazy::ReferralsRoute>::new()} />
                    <Route path=path!("/klinik/henvisninger/:code") view={Lazy::<lazy::ReferralRoute>::new()} />
                </Routes>
            </main>
            // A link to a static information page (api/src/routes/spa.rs INFO_PAGES) needs
            // rel="external": the router handles every other same-site link.
            <footer class="site-footer">
                <div class="wrap">
                    <nav aria-label=i18n::FOOTER_NAV_LABEL.get(lang)>
                        <ul class="footer-links">
                            {info_pages(lang).into_iter().map(|(href, text)| view! { <li><a href=href rel="external">{text}</a></li> }).collect_view()}
                        </ul>
                    </nav>
                    <p><strong>{i18n::FOOTER_DEMO.get(lang)}</strong></p>
                    <p>{i18n::FOOTER_ABOUT.get(lang)}</p>
                    <p><A href=forebyg_app::activity_query::SEARCH_PATH exact=true>{forebyg_app::i18n::activities::FOOTER_LINK.get(lang)}</A></p>
                    <p><A href=forebyg_app::clinician::query::SEARCH_PATH exact=true>{forebyg_app::clinician::texts::FOOTER_LINK.get(lang)}</A></p>
                </div>
            </footer>
        </Router>
    }
}

/// The static information pages in the UI language (api/src/routes/spa.rs INFO_PAGES).
fn info_pages(lang: Lang) -> [(&'static str, &'static str); 4] {
    let href = |da, en| if lang == Lang::Da { da } else { en };
    [
        (href("/om-forebyg", "/en/about"), i18n::NAV_ABOUT.get(lang)),
        (href("/privatliv", "/en/privacy"), i18n::PRIVACY.get(lang)),
        (href("/tilgaengelighed", "/en/accessibility"), i18n::ACCESSIBILITY_STATEMENT.get(lang)),
        (href("/kontakt", "/en/contact"), i18n::CONTACT.get(lang)),
    ]
}

/// The main menu: a disclosure (as in the static HTML), closed again when a link in it is followed.
#[component]
fn Menu(lang: Lang) -> impl IntoView {
    let details = NodeRef::<leptos::html::Details>::new();
    let close = move |_| {
        if let Some(d) = details.get_untracked() {
            let _ = d.remove_attribute("open");
        }
    };
    let about = info_pages(lang)[0];
    view! {
        <details class="site-menu" node_ref=details>
            <summary class="site-menu__toggle">{i18n::MENU.get(lang)}</summary>
            <nav class="site-nav" aria-label=i18n::NAV_LABEL.get(lang) on:click=close>
                <ul>
                    <li><A href="/" exact=true>{i18n::NAV_SEARCH.get(lang)}</A></li>
                    <li><A href="/gemte" exact=true>{i18n::NAV_SAVED.get(lang)}</A></li>
                    <li><A href="/status" exact=true>{i18n::NAV_STATUS.get(lang)}</A></li>
                    <li><a href=about.0 rel="external">{about.1}</a></li>
                </ul>
            </nav>
        </details>
    }
}
