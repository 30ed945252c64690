//! The citizen offer-page bundle (`/tilbud/{id}`).

#[cfg(target_arch = "wasm32")]
fn main() {
    forebyg_app::bundles::start_offer();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    forebyg_app::bundles_run_in_browser();
}
