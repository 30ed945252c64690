//! Back from a page opened from a list of results (the browser's Back, or the page's "Tilbage til
//! søgningen"), the link that was followed comes back into view with the focus, instead of the
//! top of the page: on a phone the search form alone is a screen, and the ninth card three more.
//! The answer arrives after the page, and the citizen's cards in several tasks, so the browser's
//! own scroll restoration has nothing to restore to. The citizen's and the clinician's results,
//! the activity search and an offer's "Fortsæt bagefter" use it.

use crate::dom::{self, Store};
use leptos::html::H1;
use leptos::prelude::{document, request_animation_frame, window, Effect, Get, GetUntracked, GetValue, NodeRef, SetValue, StoredValue};
use wasm_bindgen::JsCast;

/// For each of the last few pages a link was followed from (a search, an offer's "Fortsæt
/// bagefter", the activity search): the page's address and the link, a tab between, one page a
/// line (this tab only). Several, so Back twice (activity → offer → search) finds each.
const KEY: &str = "forebyg.followed_link";
/// Pages kept: Back rarely goes further.
const PAGES: usize = 4;

/// The kept lines but `page`'s.
fn others(page: &str) -> Vec<String> {
    let kept = dom::load(Store::Session, KEY).unwrap_or_default();
    kept.lines().filter(|l| l.split_once('\t').is_some_and(|(p, _)| p != page)).map(str::to_owned).collect()
}

/// How many animation frames (~2 s) the link may take to be drawn.
const FRAMES: u32 = 120;

fn here() -> String {
    let l = window().location();
    format!("{}{}", l.pathname().unwrap_or_default(), l.search().unwrap_or_default())
}

/// On a click in a list of results: remembers the link to another page followed, with the search
/// it was in.
pub fn remember(ev: leptos::ev::MouseEvent) {
    let link = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| el.closest("a[href^=\"/\"]").ok().flatten());
    if let Some(href) = link.and_then(|a| a.get_attribute("href")) {
        let page = here();
        let mut lines = others(&page);
        lines.push(format!("{page}\t{href}"));
        let from = lines.len().saturating_sub(PAGES);
        dom::save(Store::Session, KEY, &lines[from..].join("\n"));
    }
}

/// The link followed from the page shown, if one was (its `href`).
fn followed_here() -> Option<String> {
    followed_from(&here())
}

/// The link followed from the page at `page` (its path and query), if one was.
fn followed_from(page: &str) -> Option<String> {
    let kept = dom::load(Store::Session, KEY)?;
    kept.lines().filter_map(|l| l.split_once('\t')).find(|(p, _)| *p == page).map(|(_, href)| href.to_owned())
}

/// A page's focus on arrival: its heading ([`dom::focus_heading_on_arrival`]), unless a link
/// followed from this page will be brought back with the focus. Both would move the screen: the
/// heading's smooth scroll to the top raced the link's, and in CI once won. Decided once the
/// heading is drawn, and by the router's address: a link's navigation builds the new page before
/// the browser's address changes, so the page took the followed link of the page it came from as
/// its own (an offer opened from the results, whose card link was just followed).
pub fn focus_heading_unless_returning(h1: NodeRef<H1>) {
    if !dom::arrived_by_navigation() {
        return;
    }
    let location = leptos_router::hooks::use_location();
    let done = StoredValue::new(false);
    Effect::new(move |_| {
        if h1.get().is_some() && !done.get_value() {
            let (path, query) = (location.pathname.get_untracked(), location.search.get_untracked());
            let page = if query.is_empty() { path } else { format!("{path}?{query}") };
            if followed_from(&page).is_some() {
                done.set_value(true);
            } else {
                dom::focus_when_connected(h1, done, dom::FOCUS_FRAMES);
            }
        }
    });
}

/// Once the list is drawn: if the search shown is the one a link was followed from, brings that
/// link (inside `scope`, a selector) to the middle of the screen and focuses it. Used once.
pub fn bring_back(scope: &str) {
    let Some(href) = followed_here() else { return };
    dom::save(Store::Session, KEY, &others(&here()).join("\n"));
    let selector = format!("{scope} a[href=\"{href}\"]");
    focus_when_drawn(selector, FRAMES);
}

/// Frames (~0.5 s) the link is kept in view with the focus once it is brought back: the list may
/// be drawn again as the answer settles, and the page scroll with it (a loaded CI run saw the link
/// focused, then the page at its top with the link three screens down).
const KEEP_FRAMES: u32 = 30;

fn find(selector: &str) -> Option<web_sys::HtmlElement> {
    document().query_selector(selector).ok().flatten().and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Scrolls `link` to the middle of the screen at once and focuses it.
fn bring(link: &web_sys::HtmlElement) {
    let at = web_sys::ScrollIntoViewOptions::new();
    at.set_block(web_sys::ScrollLogicalPosition::Center);
    at.set_behavior(web_sys::ScrollBehavior::Instant);
    link.scroll_into_view_with_scroll_into_view_options(&at);
    let no_scroll = web_sys::FocusOptions::new();
    no_scroll.set_prevent_scroll(true);
    let _ = link.focus_with_options(&no_scroll);
}

fn focus_when_drawn(selector: String, frames: u32) {
    match find(&selector) {
        Some(link) => {
            bring(&link);
            let y = scroll_y();
            request_animation_frame(move || keep(selector, y, KEEP_FRAMES));
        }
        None if frames > 0 => request_animation_frame(move || focus_when_drawn(selector, frames - 1)),
        None => {}
    }
}

fn scroll_y() -> f64 {
    window().scroll_y().unwrap_or_default()
}

/// While the page settles, the link (or the one drawn in its place) keeps the focus, and the page
/// where the link was brought (`y`), until the person moves the focus elsewhere.
fn keep(selector: String, y: f64, frames: u32) {
    let mut y = y;
    if let Some(link) = find(&selector) {
        let active = document().active_element();
        let on_link = active.as_ref().is_some_and(|a| a.is_same_node(Some(&link)));
        let dropped = active.is_none_or(|a| a.tag_name() == "BODY");
        if !on_link && !dropped {
            return;
        }
        if !on_link || scroll_y() != y {
            bring(&link);
            y = scroll_y();
        }
    }
    if frames > 0 {
        request_animation_frame(move || keep(selector, y, frames - 1));
    }
}

/// A new search from the form starts at its answer's heading, even when it repeats the search a
/// link was followed from.
pub fn forget() {
    dom::remove(Store::Session, KEY);
}
