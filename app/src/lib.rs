//! Forebyg's browser apps' library: the citizen pages, components and helpers. The citizen app
//! (its router and lazy routes) is the binary `src/bin/citizen/`, the admin workspace
//! `src/bin/admin/`: split points (`#[lazy_route]`) export symbols, so they live in the binary
//! that is split, never in the lib every binary links.
//!
//! The pure logic (texts, formatting, URLs, the wire format) compiles on every target and is
//! unit-tested natively with `cargo test -p forebyg-app`; the UI only exists on wasm32.

pub mod activity_query;
pub mod api;
pub mod calendar;
pub mod clinician;
pub mod format;
pub mod i18n;
pub mod kept;
pub mod kept_form;
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
mod mount;
#[cfg(target_arch = "wasm32")]
pub mod scheduler;
#[cfg(target_arch = "wasm32")]
pub use mount::{mount, mount_when_page_ready};
#[cfg(target_arch = "wasm32")]
pub mod routes;
#[cfg(target_arch = "wasm32")]
pub mod sign_in;
