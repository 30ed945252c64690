//! Forebyg's browser app: a Leptos client-side rendered SPA.
//!
//! The pure logic (texts, formatting, URLs, decoding API answers) compiles on every target and is
//! unit-tested natively with `cargo test -p forebyg-app`; the UI only exists on wasm32.

pub mod api;
pub mod clinician;
pub mod format;
pub mod i18n;
pub mod json;
pub mod map;
pub mod oauth;
pub mod query;
pub mod url;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
pub mod http;
#[cfg(target_arch = "wasm32")]
pub mod router;
#[cfg(target_arch = "wasm32")]
mod routes;
#[cfg(target_arch = "wasm32")]
pub mod sign_in;

/// The entry points of the citizen bundles (`src/main.rs`, `src/bin/offer.rs`, `src/bin/join.rs`).
/// Each names only its own pages, so the linker leaves the others out of its wasm.
#[cfg(target_arch = "wasm32")]
pub mod bundles {
    use crate::app::Bundle;
    use crate::routes::*;
    use leptos::prelude::*;

    /// `/`: the search, and `/gemte`: the saved offers (they share the result cards).
    pub fn start_search() {
        super::start(Bundle {
            routes: &["/", "/gemte"],
            page: |i| if i == 0 { view! { <search::SearchPage /> }.into_any() } else { view! { <saved::SavedPage /> }.into_any() },
        });
    }

    /// `/tilbud/{id}`: an offer's page (also where shared links and the printed QR code lead).
    pub fn start_offer() {
        super::start(Bundle { routes: &["/tilbud/:id"], page: |_| view! { <offer::OfferPage /> }.into_any() });
    }

    /// Asking to join, the receipt and the status lookup.
    pub fn start_join() {
        super::start(Bundle {
            routes: &["/tilbud/:id/tilmeld", "/kvittering/:code", "/status"],
            page: |i| match i {
                0 => view! { <signup::SignupPage /> }.into_any(),
                1 => view! { <receipt::ReceiptPage /> }.into_any(),
                _ => view! { <status::StatusPage /> }.into_any(),
            },
        });
    }
}

/// Replaces the static page shell in `#app` (or the body) with the app.
#[cfg(target_arch = "wasm32")]
fn start(bundle: app::Bundle) {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    let parent = document().get_element_by_id("app").and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match parent {
        Some(el) => {
            el.set_inner_html("");
            leptos::mount::mount_to(el, move || app::app(bundle)).forget();
        }
        None => leptos::mount::mount_to_body(move || app::app(bundle)),
    }
}

/// What the bundles' binaries do when run natively: say where they belong.
#[cfg(not(target_arch = "wasm32"))]
pub fn bundles_run_in_browser() -> ! {
    eprintln!("the forebyg-app bundles run in the browser: build them with scripts/build-app.sh");
    std::process::exit(2);
}
