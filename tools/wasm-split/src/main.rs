//! `forebyg-wasm-split INPUT.wasm OUT_DIR NAME`: splits the wasm that cargo built (linked with
//! `--emit-relocs`) at its split points (Leptos `#[lazy_route]` / `#[lazy]`) with
//! `wasm_split_cli_support`, the library cargo-leptos uses. Writes `OUT_DIR/NAME_split.wasm` (the
//! main module, for wasm-bindgen with `--keep-lld-exports`), one `.wasm` per chunk and the loader
//! `OUT_DIR/__wasm_split.js`, which imports the main module's JS as `./NAME.js`. Prints each
//! chunk's path, and `prefetch SPLIT CHUNK...` lines (the chunks a split point needs).

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out_dir, name] = args.as_slice() else {
        eprintln!("usage: forebyg-wasm-split INPUT.wasm OUT_DIR NAME");
        std::process::exit(2);
    };
    let wasm = std::fs::read(input).unwrap_or_else(|e| fail(&format!("cannot read {input}: {e}")));
    let out_dir = PathBuf::from(out_dir);
    let main_out = out_dir.join(format!("{name}_split.wasm"));
    let main_module = format!("./{name}.js");
    let split = wasm_split_cli_support::transform({
        let mut opts = wasm_split_cli_support::Options::new(&wasm);
        opts.output_dir = &out_dir;
        opts.main_out_path = &main_out;
        opts.main_module = &main_module;
        opts.link_name = "./__wasm_split.js";
        opts
    })
    .unwrap_or_else(|e| fail(&format!("wasm-split failed: {e:?}")));
    for module in &split.split_modules {
        println!("chunk {}", module.display());
    }
    let mut prefetch: Vec<_> = split.prefetch_map.iter().collect();
    prefetch.sort();
    for (split_point, chunks) in prefetch {
        println!("prefetch {split_point} {}", chunks.join(" "));
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("forebyg-wasm-split: {msg}");
    std::process::exit(1);
}
