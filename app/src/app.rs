//! The router and the page layout: skip link, header with navigation, `<main>` and footer.

use crate::i18n;
use crate::routes::{not_found::NotFound, offer::OfferPage, search::SearchPage};
use forebyg_shared::Lang;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

/// The UI language of the session (Danish for now; English comes with the catalogues).
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// The address of the latest search, for "Tilbage til søgningen" on an offer page.
#[derive(Clone, Copy)]
pub struct LastSearch(pub RwSignal<Option<String>>);

pub fn use_last_search() -> RwSignal<Option<String>> {
    use_context::<LastSearch>().map(|l| l.0).unwrap_or_else(|| RwSignal::new(None))
}

#[component]
pub fn App() -> impl IntoView {
    let lang = Lang::Da;
    provide_context(lang);
    provide_context(LastSearch(RwSignal::new(None)));

    // A skip link must move focus, not just scroll: the router would treat `#main` as a navigation.
    // (Leptos attaches `on:` listeners to the element itself, so this runs before the router's
    // window listener, which then sees `defaultPrevented`.)
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
                        </ul>
                    </nav>
                </div>
            </header>
            <main id="main" class="wrap" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=SearchPage />
                    <Route path=path!("/tilbud/:id") view=OfferPage />
                </Routes>
            </main>
            <footer class="site-footer">
                <div class="wrap">
                    <p><strong>{i18n::FOOTER_DEMO.get(lang)}</strong></p>
                    <p>{i18n::FOOTER_ABOUT.get(lang)}</p>
                </div>
            </footer>
        </Router>
    }
}
