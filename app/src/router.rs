//! The client-side router of every bundle (the citizen bundles and the admin workspace at
//! `/admin`): the path picks the page, the query string is a reactive map, and clicks on links to
//! the bundle's own pages navigate with the History API (back/forward and reload work as on any
//! web page); links to another bundle's pages load it. It replaces `leptos_router`, which cost ~50 KB of the gzipped wasm
//! (docs/benchmarks.md) for nesting, transitions and matching this app does not use.
//!
//! The pure parts (matching a path against `/tilbud/:id`, decoding a query string) are in
//! [`crate::url`] and unit-tested natively.

use crate::url::{match_path, parse_query, Pairs};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// The app's one location, for navigations started outside any component (link clicks).
    static LOCATION: std::cell::Cell<Option<Location>> = const { std::cell::Cell::new(None) };
}

/// The current location, as signals.
#[derive(Clone, Copy)]
struct Location {
    path: RwSignal<String>,
    query: RwSignal<String>,
}

impl Location {
    fn read() -> (String, String) {
        let loc = window().location();
        let search = loc.search().unwrap_or_default();
        (loc.pathname().unwrap_or_else(|_| "/".into()), search.trim_start_matches('?').to_owned())
    }

    fn sync(self) {
        let (path, query) = Self::read();
        // Set only what changed, so a query change does not rebuild the page.
        if self.path.get_untracked() != path {
            self.path.set(path);
        }
        if self.query.get_untracked() != query {
            self.query.set(query);
        }
    }
}

/// Query or path parameters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParamsMap(Pairs);

impl ParamsMap {
    pub fn get(&self, key: &str) -> Option<String> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }
}

impl<'a> IntoIterator for &'a ParamsMap {
    type Item = (&'a String, &'a str);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (String, String)>, fn(&'a (String, String)) -> (&'a String, &'a str)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v.as_str()))
    }
}

/// How [`navigate`] moves: a new history entry or a replacement; scrolled to the top or not.
#[derive(Debug, Clone, Copy)]
pub struct NavigateOptions {
    pub replace: bool,
    pub scroll: bool,
}

impl Default for NavigateOptions {
    fn default() -> Self {
        NavigateOptions { replace: false, scroll: true }
    }
}

/// Starts routing for a bundle whose pages are the paths `owns` accepts: reads the location,
/// follows back/forward, and turns clicks on links to those pages into navigations. Returns the
/// path signal the page switch reads.
pub fn provide(owns: impl Fn(&str) -> bool + 'static) -> ReadSignal<String> {
    let (path, query) = Location::read();
    let location = Location { path: RwSignal::new(path), query: RwSignal::new(query) };
    provide_context(location);
    LOCATION.with(|l| l.set(Some(location)));
    let on_pop = Closure::<dyn Fn()>::new(move || location.sync());
    let _ = window().add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
    on_pop.forget();
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        match internal_link(&ev) {
            Some(href) if owns(href.split(['?', '#']).next().unwrap_or_default()) => {
                ev.prevent_default();
                navigate(&href, NavigateOptions::default());
            }
            // Another bundle's page: the browser loads it, and that page then treats its arrival
            // as a navigation (focus to its heading) rather than a first visit.
            Some(_) => crate::dom::save(crate::dom::Store::Session, crate::dom::NAVIGATED_KEY, "1"),
            None => {}
        }
    });
    let _ = window().add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
    location.path.read_only()
}

/// The `href` of a plain left click on an `<a>` to a page of this site, else `None` (the browser
/// handles it: other sites, downloads, new tabs, in-page `#` links and the API).
fn internal_link(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
        return None;
    }
    let a = ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest("a").ok()??;
    let mut href = a.get_attribute("href")?;
    // A same-origin absolute address (e.g. set from a link's resolved `href` by a script).
    let origin = window().location().origin().unwrap_or_default();
    if !origin.is_empty() && href.starts_with(&origin) && href[origin.len()..].starts_with('/') {
        href.drain(..origin.len());
    }
    let target = a.get_attribute("target").unwrap_or_default();
    let leaves_site = !href.starts_with('/') || href.starts_with("//") || href.starts_with("/api/");
    if leaves_site || a.has_attribute("download") || !(target.is_empty() || target == "_self") {
        return None;
    }
    Some(href)
}

/// Goes to `href` (a path with an optional query) inside the app.
pub fn navigate(href: &str, options: NavigateOptions) {
    let history = window().history().expect("history");
    let _ = if options.replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(href))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(href))
    };
    if let Some(location) = LOCATION.with(|l| l.get()) {
        location.sync();
    }
    if options.scroll {
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone {
    |href: &str, options| navigate(href, options)
}

/// The current query string as a map (reactive).
pub fn use_query_map() -> Memo<ParamsMap> {
    let location = expect_context::<Location>();
    Memo::new(move |_| ParamsMap(location.query.with(|q| parse_query(q))))
}

/// A navigation link, `aria-current="page"` on its page (`exact`) or also below it.
#[component]
pub fn NavLink(#[prop(into)] href: String, #[prop(optional)] exact: bool, children: Children) -> impl IntoView {
    let path = use_path();
    let target = href.clone();
    let current = move || path.with(|p| p == &target || (!exact && p.starts_with(&format!("{target}/")))).then_some("page");
    view! { <a href=href aria-current=current>{children()}</a> }
}

/// The current path (reactive), e.g. for marking the current page in the navigation.
pub fn use_path() -> ReadSignal<String> {
    expect_context::<Location>().path.read_only()
}

/// The parameters of the matched route (`:id` in `/tilbud/:id`), provided by the page switch.
#[derive(Clone)]
struct RouteParams(ParamsMap);

/// Which of `patterns` the path matches and its parameters; provide the parameters to the page.
pub fn route(patterns: &[&str], path: &str) -> Option<(usize, ParamsMap)> {
    patterns.iter().enumerate().find_map(|(i, p)| match_path(p, path).map(|params| (i, ParamsMap(params))))
}

/// Makes a route's parameters available to [`use_params_map`] in the page about to be built.
pub fn provide_params(params: ParamsMap) {
    provide_context(RouteParams(params));
}

pub fn use_params_map() -> Memo<ParamsMap> {
    let params = use_context::<RouteParams>().map(|p| p.0).unwrap_or_default();
    Memo::new(move |_| params.clone())
}
