//! The page layout shared by the citizen bundles (skip link, header with navigation, `<main>` and
//! footer) around the pages of one bundle.
//!
//! The citizen app is three wasm bundles, each a small SPA over its own pages (see [`Bundle`]):
//! the search (and saved offers) at `/`, the offer page, and joining (sign-up, receipt, status).
//! A link to another bundle's page is an ordinary page load. Every bundle stays under the initial
//! wasm budget (docs/benchmarks.md) because none carries the others' pages.

use crate::dom::{self, Store};
use crate::i18n;
use crate::router::{self, NavLink};
use crate::routes::not_found::NotFound;
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

const LAST_SEARCH_KEY: &str = "forebyg.last_search";

/// Remembers the address of the latest search (this tab only), for "Tilbage til søgningen" on an
/// offer page, which is another bundle.
pub fn remember_search(href: &str) {
    dom::save(Store::Session, LAST_SEARCH_KEY, href);
}

/// The address of the latest search in this tab, or the search page.
pub fn last_search() -> String {
    dom::load(Store::Session, LAST_SEARCH_KEY).filter(|h| h.starts_with('/')).unwrap_or_else(|| "/".to_owned())
}

/// The pages of one citizen bundle: their path patterns and, in the same order, their views.
pub struct Bundle {
    pub routes: &'static [&'static str],
    pub page: fn(usize) -> AnyView,
}

/// The layout around the bundle's current page.
pub fn app(bundle: Bundle) -> impl IntoView {
    let Bundle { routes, page: page_view } = bundle;
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
    // The page of the path (and its parameters); a change of the query alone keeps the page. Links
    // to the other bundles' pages load them.
    let path = router::provide(move |p| router::route(routes, p).is_some());
    let page = Memo::new(move |_| path.with(|p| router::route(routes, p)));
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
                    page_view(i)
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
