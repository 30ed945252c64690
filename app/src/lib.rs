//! Forebyg's browser apps' library: the citizen pages, components and helpers. The citizen app
//! (its router and lazy routes) is the binary `src/bin/citizen/`, the admin workspace
//! `src/bin/admin/`: split points (`#[lazy_route]`) export symbols, so they live in the binary
//! that is split, never in the lib every binary links.
//!
//! The pure logic (texts, formatting, URLs, the wire format) compiles on every target and is
//! unit-tested natively with `cargo test -p forebyg-app`; the UI only exists on wasm32.

pub mod activity_query;
pub mod api;
pub mod clinician;
pub mod format;
pub mod i18n;
mod lazy_page;
pub mod map;
pub mod next_steps;
pub mod oauth;
pub mod query;
pub mod wire;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod context;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod http;
#[cfg(target_arch = "wasm32")]
pub mod routes;
#[cfg(target_arch = "wasm32")]
pub mod sign_in;

/// Replaces the static page shell in `#app` (or the body) with `app`. Used by the citizen app
/// (`src/bin/citizen/`) and the admin workspace (`src/bin/admin/`).
#[cfg(target_arch = "wasm32")]
pub fn mount<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: leptos::IntoView + 'static,
{
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    let parent = document().get_element_by_id("app").and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match parent {
        Some(el) => {
            el.set_inner_html("");
            leptos::mount::mount_to(el, app).forget();
        }
        None => leptos::mount::mount_to_body(app),
    }
}
