//! Compression for the local server (in AWS, CloudFront compresses): API answers are compressed
//! on the fly (brotli or gzip, at a level fit for dynamic content), and the built bundles are
//! compressed once at start-up at the highest levels, into `.br` and `.gz` files next to each
//! (`ServeDir` serves them to browsers that accept them). `scripts/build-app.sh` replaces dist/
//! whole, so a rebuild never leaves a stale compressed copy behind.

use std::io::Write;
use std::path::Path;
use tower_http::compression::{CompressionLayer, CompressionLevel};

/// Files worth compressing: text and wasm (images and fonts are compressed already).
const COMPRESSIBLE: &[&str] = &["html", "js", "mjs", "css", "wasm", "json", "svg", "txt", "map", "webmanifest"];

/// Smaller files gain less than the `Content-Encoding` costs.
const MIN_BYTES: u64 = 512;

/// Brotli 4 and gzip 6: about gzip's ratio at a fraction of brotli 11's time (JSON of a search
/// page in well under a millisecond).
pub fn layer() -> CompressionLayer {
    CompressionLayer::new().quality(CompressionLevel::Precise(4))
}

/// Writes `file.br` and `file.gz` next to every compressible file under `dir` that lacks them or
/// changed since; returns how many files were compressed.
///
/// Brotli 11 is slow (seconds for a large wasm file), so the files are shared out over the CPU's
/// threads, largest first. Servers started together on one `dir` (the browser tests start two)
/// take turns through a lock: the second finds the work done instead of repeating it.
pub fn precompress_dir(dir: &Path) -> std::io::Result<usize> {
    let _turn = lock_for(dir);
    let mut stale = Vec::new();
    collect_stale(dir, &mut stale)?;
    stale.sort_by_key(|(_, len)| std::cmp::Reverse(*len));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(stale.len().max(1));
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| -> std::io::Result<()> {
                    while let Some((path, _)) = stale.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) {
                        let bytes = std::fs::read(path)?;
                        write_atomically(&sibling(path, "br"), &brotli(&bytes)?)?;
                        write_atomically(&sibling(path, "gz"), &gzip(&bytes)?)?;
                    }
                    Ok(())
                })
            })
            .collect();
        workers.into_iter().try_for_each(|w| w.join().unwrap_or_else(|_| Err(std::io::Error::other("a compression thread panicked"))))
    })?;
    Ok(stale.len())
}

/// The compressible files under `dir` whose `.br` or `.gz` is missing or older, with their sizes.
fn collect_stale(dir: &Path, stale: &mut Vec<(std::path::PathBuf, u64)>) -> std::io::Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(()) };
    for entry in entries {
        let path = entry?.path();
        if path.is_dir() {
            collect_stale(&path, stale)?;
            continue;
        }
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
        let meta = std::fs::metadata(&path)?;
        if !COMPRESSIBLE.contains(&ext) || meta.len() < MIN_BYTES {
            continue;
        }
        let up_to_date =
            |suffix| std::fs::metadata(sibling(&path, suffix)).and_then(|m| m.modified()).ok().zip(meta.modified().ok()).is_some_and(|(c, s)| c >= s);
        if !(up_to_date("br") && up_to_date("gz")) {
            stale.push((path, meta.len()));
        }
    }
    Ok(())
}

fn sibling(path: &Path, suffix: &str) -> std::path::PathBuf {
    path.with_file_name(format!("{}.{suffix}", path.file_name().unwrap_or_default().to_string_lossy()))
}

/// An exclusive lock on `dir` itself, held until the returned handle is dropped (the OS releases
/// it if the process dies). Where a directory cannot be opened or locked, each server compresses
/// on its own (the files are still written atomically).
fn lock_for(dir: &Path) -> Option<std::fs::File> {
    let handle = std::fs::File::open(dir).ok()?;
    handle.lock().ok()?;
    Some(handle)
}

fn brotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 64 * 1024, 11, 22);
        w.write_all(bytes)?;
    }
    Ok(out)
}

fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut w = flate2::write::GzEncoder::new(Vec::with_capacity(bytes.len() / 3), flate2::Compression::best());
    w.write_all(bytes)?;
    w.finish()
}

/// A reader never sees a half-written file: write beside it, then rename.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = sibling(path, &format!("tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn writes_both_encodings_once_and_skips_small_and_binary_files() {
        let dir = tempfile::tempdir().unwrap();
        let js = "console.log('forebyg');\n".repeat(100);
        std::fs::create_dir(dir.path().join("js")).unwrap();
        std::fs::write(dir.path().join("js/app-0123abcd.js"), &js).unwrap();
        std::fs::write(dir.path().join("tiny.css"), "a{}").unwrap();
        std::fs::write(dir.path().join("logo.png"), vec![0u8; 4096]).unwrap();
        assert_eq!(precompress_dir(dir.path()).unwrap(), 1);
        assert_eq!(precompress_dir(dir.path()).unwrap(), 0, "up to date");
        let mut text = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(dir.path().join("js/app-0123abcd.js.gz")).unwrap()).read_to_string(&mut text).unwrap();
        assert_eq!(text, js);
        let mut text = String::new();
        brotli::Decompressor::new(std::fs::File::open(dir.path().join("js/app-0123abcd.js.br")).unwrap(), 4096).read_to_string(&mut text).unwrap();
        assert_eq!(text, js);
        assert!(!dir.path().join("tiny.css.br").exists() && !dir.path().join("logo.png.gz").exists());
    }

    #[test]
    fn servers_started_together_compress_each_file_once() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..6 {
            std::fs::write(dir.path().join(format!("chunk-{i}.js")), format!("export const n = {i};\n").repeat(400 * (i + 1))).unwrap();
        }
        let counts: Vec<usize> = std::thread::scope(|s| {
            let both = [s.spawn(|| precompress_dir(dir.path()).unwrap()), s.spawn(|| precompress_dir(dir.path()).unwrap())];
            both.map(|h| h.join().unwrap()).into()
        });
        assert_eq!(counts.iter().sum::<usize>(), 6, "each file once, not once per server: {counts:?}");
        let left: Vec<_> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).filter(|n| n.contains(".tmp-")).collect();
        assert!(left.is_empty(), "no temporary files left: {left:?}");
        for i in 0..6 {
            let mut text = String::new();
            let br = std::fs::File::open(dir.path().join(format!("chunk-{i}.js.br"))).unwrap();
            brotli::Decompressor::new(br, 4096).read_to_string(&mut text).unwrap();
            assert_eq!(text, format!("export const n = {i};\n").repeat(400 * (i + 1)));
        }
    }
}
