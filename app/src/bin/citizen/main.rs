//! The citizen app (every citizen page, one leptos_router app): `wasm-bindgen` runs `main` when
//! the module starts.

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod lazy;

#[cfg(target_arch = "wasm32")]
fn main() {
    forebyg_app::scheduler::init();
    forebyg_app::mount_when_page_ready(app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("forebyg-app runs in the browser: build it with scripts/build-app.sh");
    std::process::exit(2);
}
