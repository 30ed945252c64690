//! The router and the page layout: skip link, header with navigation, `<main>` and footer.

use crate::dom::{self, Store};
use crate::i18n;
use crate::router::{self, NavLink};
use crate::routes::{
    not_found::NotFound, offer::OfferPage, receipt::ReceiptPage, saved::SavedPage, search::SearchPage, signup::SignupPage, status::StatusPage,
};
use forebyg_shared::Lang;
use leptos::prelude::*;

const LANG_KEY: &str = "forebyg.lang";

/// The language chosen on this device (localStorage), Danish by default.
fn stored_lang() -> Lang {
    match dom::load(Store::Local, LANG_KEY).as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Da,
    }
}

/// The UI language of the session.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// The address of the latest search, for "Tilbage til søgningen" on an offer page.
#[derive(Clone, Copy)]
pub struct LastSearch(pub RwSignal<Option<String>>);

pub fn use_last_search() -> RwSignal<Option<String>> {
    use_context::<LastSearch>().map(|l| l.0).unwrap_or_else(|| RwSignal::new(None))
}

/// The pages, in the order the page switch in [`App`] builds them.
const ROUTES: &[&str] = &["/", "/tilbud/:id", "/tilbud/:id/tilmeld", "/kvittering/:code", "/status", "/gemte"];

#[component]
pub fn App() -> impl IntoView {
    let lang = stored_lang();
    provide_context(lang);
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
    // Switching language stores the choice and reloads the page in the other language (every
    // text is chosen once per page, which keeps the wasm small).
    let switch_lang = move |_| {
        let other = if lang == Lang::Da { Lang::En } else { Lang::Da };
        dom::save(Store::Local, LANG_KEY, other.code());
        let _ = window().location().reload();
    };
    let other_code = if lang == Lang::Da { "en" } else { "da" };
    provide_context(LastSearch(RwSignal::new(None)));
    // The page of the path (and its parameters); a change of the query alone keeps the page.
    let path = router::provide("/");
    let page = Memo::new(move |_| path.with(|p| router::route(ROUTES, p)));
    crate::components::save_toggle::provide_saved();

    // A skip link must move focus, not just scroll: the router would treat `#main` as a navigation.
    // (Leptos attaches `on:` listeners to the element itself, so this runs before the router's
    // window listener, which then sees `defaultPrevented`.)
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        crate::dom::focus_id("main");
    };

    view! {
        <a class="skip-link" href="#main" on:click=skip>{i18n::SKIP_LINK.get(lang)}</a>
            <header class="site-header">
                <div class="wrap site-header__inner">
                    <a class="site-name" href="/">
                        {i18n::SITE_NAME.get(lang)}
                        <span class="site-tagline">{i18n::SITE_TAGLINE.get(lang)}</span>
                    </a>
                    <nav class="site-nav" aria-label=i18n::NAV_LABEL.get(lang)>
                        <ul>
                            <li><NavLink href="/" exact=true>{i18n::NAV_SEARCH.get(lang)}</NavLink></li>
                            <li><NavLink href="/gemte" exact=true>{i18n::NAV_SAVED.get(lang)}</NavLink></li>
                            <li><NavLink href="/status" exact=true>{i18n::NAV_STATUS.get(lang)}</NavLink></li>
                        </ul>
                        <button type="button" class="lang-switch" lang=other_code aria-label=i18n::LANG_SWITCH_LABEL.get(lang) on:click=switch_lang>
                            {i18n::LANG_SWITCH.get(lang)}
                        </button>
                    </nav>
                </div>
            </header>
            <main id="main" class="wrap" tabindex="-1">
                {move || page.with(|matched| {
                    let Some((i, params)) = matched.clone() else { return view! { <NotFound /> }.into_any() };
                    router::provide_params(params);
                    match i {
                        0 => view! { <SearchPage /> }.into_any(),
                        1 => view! { <OfferPage /> }.into_any(),
                        2 => view! { <SignupPage /> }.into_any(),
                        3 => view! { <ReceiptPage /> }.into_any(),
                        4 => view! { <StatusPage /> }.into_any(),
                        _ => view! { <SavedPage /> }.into_any(),
                    }
                })}
            </main>
            <footer class="site-footer">
                <div class="wrap">
                    <p><strong>{i18n::FOOTER_DEMO.get(lang)}</strong></p>
                    <p>{i18n::FOOTER_ABOUT.get(lang)}</p>
                </div>
            </footer>
    }
}
