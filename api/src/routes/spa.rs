//! Serves the built bundles with history fallback: a page's address gets its bundle's HTML.

use axum::http::{header, HeaderValue, Request};
use axum::response::Response;
use std::path::Path;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

/// The HTML file of the citizen bundle whose pages include `path` (the same mapping as the
/// CloudFront function `SpaRewriteFunction` in infra/template.yaml; both are tested with the same
/// cases): the offer page, joining (sign-up, receipt, status) or the search with everything else.
pub fn citizen_page(path: &str) -> &'static str {
    let segments: Vec<&str> = path.split('/').collect();
    match segments.as_slice() {
        ["", "tilbud", id] if !id.is_empty() => "offer.html",
        ["", "tilbud", id, "tilmeld"] if !id.is_empty() => "join.html",
        ["", "kvittering", code] if !code.is_empty() => "join.html",
        ["", "status"] => "join.html",
        _ => "index.html",
    }
}

/// Static files from `dist`; a path without a file extension is a page and gets the HTML file
/// `page` names, so client-side routes load on reload. A browser that accepts brotli or gzip gets
/// the `.br` / `.gz` file written at start-up ([`crate::compress::precompress_dir`]).
pub fn service(dist: &Path, page: fn(&str) -> &'static str) -> axum::routing::MethodRouter {
    let index = ServeFile::new(dist.join("index.html")).precompressed_br().precompressed_gzip();
    let files = ServeDir::new(dist).precompressed_br().precompressed_gzip().fallback(index);
    axum::routing::get(move |mut req: Request<axum::body::Body>| async move {
        let path = req.uri().path().to_owned();
        if !path.rsplit('/').next().unwrap_or_default().contains('.') {
            if let Ok(uri) = format!("/{}", page(&path)).parse() {
                *req.uri_mut() = uri;
            }
        }
        let mut res: Response = files.oneshot(req).await.map(|r| r.map(axum::body::Body::new)).unwrap_or_else(|e| match e {});
        let cache = if is_hashed_asset(&path) { "public, max-age=31536000, immutable" } else { "no-cache" };
        res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
        res
    })
}

/// Build output named `name-<8+ hex>[_suffix].js|wasm|css` never changes content under that name.
fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or("");
    let Some((stem, ext)) = file.rsplit_once('.') else { return false };
    matches!(ext, "js" | "wasm" | "css") && stem.split(['-', '_']).skip(1).any(|seg| seg.len() >= 8 && seg.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::{citizen_page, is_hashed_asset};

    #[test]
    fn each_page_gets_its_bundle() {
        for (path, file) in [
            ("/", "index.html"),
            ("/gemte", "index.html"),
            ("/om", "index.html"),
            ("/tilbud/demo-00000001", "offer.html"),
            ("/tilbud/demo-00000001/tilmeld", "join.html"),
            ("/kvittering/AB12CD", "join.html"),
            ("/status", "join.html"),
            ("/tilbud", "index.html"),
            ("/tilbud/", "index.html"),
            ("/tilbud/x/y", "index.html"),
            ("/status/x", "index.html"),
        ] {
            assert_eq!(citizen_page(path), file, "{path}");
        }
    }

    #[test]
    fn only_content_hashed_build_output_is_immutable() {
        assert!(is_hashed_asset("/forebyg-app-1a2b3c4d.js"));
        assert!(is_hashed_asset("/forebyg-app-1a2b3c4d_bg.wasm"));
        assert!(is_hashed_asset("/style-0123abcd.css"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/style.css"));
        assert!(!is_hashed_asset("/forebyg-app.js"));
        // Client-side routes fall back to index.html and must never be cached as immutable.
        assert!(!is_hashed_asset("/tilbud/demo-00000001"));
    }
}
