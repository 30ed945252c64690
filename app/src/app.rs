//! The citizen app: one `leptos_router` app over every citizen page, inside the layout (skip
//! link, header with navigation, `<main>` and footer). Moving between pages never reloads the
//! document; the server answers every citizen path with the same `index.html`.

use crate::context::{provide_lang, store_lang};
use crate::i18n;
use crate::routes::not_found::NotFound;
use crate::routes::*;
use forebyg_shared::Lang;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    let lang = provide_lang();
    // Switching language stores the choice and reloads the page in the other language (every
    // text is chosen once per page, which keeps the wasm small).
    let switch_lang = move |_| {
        store_lang(if lang == Lang::Da { Lang::En } else { Lang::Da });
        let _ = window().location().reload();
    };
    let other_code = if lang == Lang::Da { "en" } else { "da" };
    crate::components::save_toggle::provide_saved();

    // A skip link must move focus, not just scroll. (Leptos attaches `on:` listeners to the
    // element itself, so this runs before the router's window listener, which then sees
    // `defaultPrevented`.)
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        crate::dom::focus_id("main");
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
                    <nav class="site-nav" aria-label=i18n::NAV_LABEL.get(lang)>
                        <ul>
                            <li><A href="/" exact=true>{i18n::NAV_SEARCH.get(lang)}</A></li>
                            <li><A href="/gemte" exact=true>{i18n::NAV_SAVED.get(lang)}</A></li>
                            <li><A href="/status" exact=true>{i18n::NAV_STATUS.get(lang)}</A></li>
                        </ul>
                        <button type="button" class="lang-switch" lang=other_code aria-label=i18n::LANG_SWITCH_LABEL.get(lang) on:click=switch_lang>
                            {i18n::LANG_SWITCH.get(lang)}
                        </button>
                    </nav>
                </div>
            </header>
            <main id="main" class="wrap" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=search::SearchPage />
                    <Route path=path!("/gemte") view=saved::SavedPage />
                    <Route path=path!("/tilbud/:id") view=offer::OfferPage />
                    <Route path=path!("/tilbud/:id/tilmeld") view=signup::SignupPage />
                    <Route path=path!("/kvittering/:code") view=receipt::ReceiptPage />
                    <Route path=path!("/status") view=status::StatusPage />
                </Routes>
            </main>
            // A link to a static information page (api/src/routes/spa.rs INFO_PAGES) needs
            // rel="external": the router handles every other same-site link.
            <footer class="site-footer">
                <div class="wrap">
                    <p><strong>{i18n::FOOTER_DEMO.get(lang)}</strong></p>
                    <p>{i18n::FOOTER_ABOUT.get(lang)}</p>
                </div>
            </footer>
        </Router>
    }
}
