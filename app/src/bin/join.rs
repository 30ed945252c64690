//! The citizen joining bundle: ask to join (`/tilbud/{id}/tilmeld`), the receipt and the status.

#[cfg(target_arch = "wasm32")]
fn main() {
    forebyg_app::bundles::start_join();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    forebyg_app::bundles_run_in_browser();
}
