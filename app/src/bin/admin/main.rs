//! Forebyg's regional admin workspace at `/admin`: a separate wasm bundle, so citizens never
//! download admin code. Everything admin lives in this module tree; it only uses the citizen
//! lib's public helpers (`forebyg_app::query`, `format`, the sign-in in `oauth` and `sign_in`).
//!
//! The pure logic (`form`, `chart`) compiles natively: `cargo test -p forebyg-app --bin forebyg-admin`.

// Used by the UI (wasm32 only); natively only the tests use them.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod activities_query;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod activity_form;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod audit_members;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod audit_query;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod audit_text;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod chart;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod first_session_fit;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod form;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod inbox_query;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod offers_query;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod package_form;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod record_form;

#[cfg(target_arch = "wasm32")]
mod api;
#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod download;
#[cfg(target_arch = "wasm32")]
mod kept;
#[cfg(target_arch = "wasm32")]
mod lang_switch;
#[cfg(target_arch = "wasm32")]
mod lazy;
#[cfg(target_arch = "wasm32")]
mod leave_guard;
#[cfg(target_arch = "wasm32")]
mod pages;
#[cfg(target_arch = "wasm32")]
mod records_api;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod response_times_period;
#[cfg(target_arch = "wasm32")]
mod session;
#[cfg(target_arch = "wasm32")]
mod sign_in;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod texts;
#[cfg(target_arch = "wasm32")]
mod ui;

#[cfg(target_arch = "wasm32")]
fn main() {
    forebyg_app::mount(app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("forebyg-admin runs in the browser: build it with FOREBYG_BUNDLES=admin scripts/build-app.sh");
    std::process::exit(2);
}
