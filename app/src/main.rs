//! The citizen search bundle (`/` and `/gemte`): `wasm-bindgen` runs `main` when the module starts.
//! The offer page and joining are the bundles in `src/bin/offer.rs` and `src/bin/join.rs`.

#[cfg(target_arch = "wasm32")]
fn main() {
    forebyg_app::bundles::start_search();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    forebyg_app::bundles_run_in_browser();
}
