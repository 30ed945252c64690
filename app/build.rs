//! The citizen app's and the admin workspace's wasm are split at their lazy routes after linking
//! (tools/wasm-split, run by scripts/build-app.sh), which needs the linker's relocations:
//! `--emit-relocs` on those binaries' links only (a RUSTFLAGS change would rebuild every
//! dependency).

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=forebyg-app=--emit-relocs");
        println!("cargo:rustc-link-arg-bin=forebyg-admin=--emit-relocs");
    }
}
