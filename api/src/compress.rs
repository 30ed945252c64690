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
pub fn precompress_dir(dir: &Path) -> std::io::Result<usize> {
    let mut done = 0;
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(0) };
    for entry in entries {
        let path = entry?.path();
        if path.is_dir() {
            done += precompress_dir(&path)?;
            continue;
        }
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
        let meta = std::fs::metadata(&path)?;
        if !COMPRESSIBLE.contains(&ext) || meta.len() < MIN_BYTES {
            continue;
        }
        let fresh = |suffix: &str| {
            let sibling = path.with_file_name(format!("{}.{suffix}", path.file_name().unwrap_or_default().to_string_lossy()));
            let up_to_date = std::fs::metadata(&sibling).and_then(|m| m.modified()).ok().zip(meta.modified().ok()).is_some_and(|(c, s)| c >= s);
            (sibling, up_to_date)
        };
        let (br, gz) = (fresh("br"), fresh("gz"));
        if br.1 && gz.1 {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        write_atomically(&br.0, &brotli(&bytes)?)?;
        write_atomically(&gz.0, &gzip(&bytes)?)?;
        done += 1;
    }
    Ok(done)
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
    let tmp = path.with_extension("tmp-compress");
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
}
