//! Serves the built browser apps with history fallback: every page's address gets its app's
//! `index.html` (the citizen app at `/`, the admin workspace under `/admin`), and the app's router
//! shows the page. The CloudFront function `SpaRewriteFunction` in infra/template.yaml does the
//! same in AWS.

use axum::http::{header, HeaderValue, Request};
use axum::response::Response;
use std::path::Path;
use tower::ServiceExt;
use tower_http::services::ServeDir;

/// The static information pages (built by scripts/build_pages.py from app/pages/): no wasm, in
/// Danish and in English.
pub const INFO_PAGES: &[(&str, &str)] = &[
    ("/om-forebyg", "om-forebyg.html"),
    ("/privatliv", "privatliv.html"),
    ("/tilgaengelighed", "tilgaengelighed.html"),
    ("/kontakt", "kontakt.html"),
    ("/en/about", "en/about.html"),
    ("/en/privacy", "en/privacy.html"),
    ("/en/accessibility", "en/accessibility.html"),
    ("/en/contact", "en/contact.html"),
];

/// The file a page's address gets: its static page from `static_pages`, else the app's
/// `index.html` (the app's router shows the page).
fn page_file(path: &str, static_pages: &[(&str, &'static str)]) -> &'static str {
    static_pages.iter().find(|(p, _)| *p == path).map_or("index.html", |(_, file)| file)
}

/// Static files from `dist`; a path whose last segment has no file extension is a page and gets
/// its static page (`static_pages`: [`INFO_PAGES`] for the citizen site) or `dist/index.html`. A
/// missing file (`/missing.js`) is a 404, never the page. A browser that accepts brotli or gzip
/// gets the `.br` / `.gz` file written at start-up ([`crate::compress::precompress_dir`]).
pub fn service(dist: &Path, static_pages: &'static [(&'static str, &'static str)]) -> axum::routing::MethodRouter {
    let files = ServeDir::new(dist).precompressed_br().precompressed_gzip();
    axum::routing::get(move |mut req: Request<axum::body::Body>| async move {
        let path = req.uri().path().to_owned();
        if is_page(&path) {
            if let Ok(uri) = format!("/{}", page_file(&path, static_pages)).parse() {
                *req.uri_mut() = uri;
            }
        }
        let mut res: Response = files.oneshot(req).await.map(|r| r.map(axum::body::Body::new)).unwrap_or_else(|e| match e {});
        let cache = if is_hashed_asset(&path) { "public, max-age=31536000, immutable" } else { "no-cache" };
        res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
        res
    })
}

/// A page's address (the app's router shows it) rather than a file: no extension in the last
/// segment.
fn is_page(path: &str) -> bool {
    !path.rsplit('/').next().unwrap_or_default().contains('.')
}

/// Build output named `name-<8+ hex>[_suffix].js|wasm|css` never changes content under that name.
fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or("");
    let Some((stem, ext)) = file.rsplit_once('.') else { return false };
    matches!(ext, "js" | "wasm" | "css") && stem.split(['-', '_']).skip(1).any(|seg| seg.len() >= 8 && seg.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::{is_hashed_asset, is_page, page_file, INFO_PAGES};

    #[test]
    fn addresses_without_an_extension_are_pages() {
        for path in ["/", "/gemte", "/tilbud/demo-00000001", "/tilbud/demo-00000001/tilmeld", "/kvittering/AB12CD", "/status", "/om/x"] {
            assert!(is_page(path), "{path}");
            assert_eq!(page_file(path, INFO_PAGES), "index.html", "{path}");
        }
        for path in ["/index.html", "/forebyg-app-1a2b3c4d.js", "/leaflet-1.9.4/images/marker-icon.png", "/missing.js"] {
            assert!(!is_page(path), "{path}");
        }
        assert_eq!(page_file("/om-forebyg", INFO_PAGES), "om-forebyg.html");
        assert_eq!(page_file("/en/privacy", INFO_PAGES), "en/privacy.html");
        assert_eq!(page_file("/en/x", INFO_PAGES), "index.html");
        assert_eq!(page_file("/om-forebyg", &[]), "index.html");
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
