//! Serves the built single-page app with history fallback to index.html.

use axum::http::{header, HeaderValue, Request};
use axum::response::Response;
use std::path::Path;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

/// Static files from `dist`; unknown paths get index.html so client-side routes load on reload.
pub fn service(dist: &Path) -> axum::routing::MethodRouter {
    let files = ServeDir::new(dist).fallback(ServeFile::new(dist.join("index.html")));
    axum::routing::get(move |req: Request<axum::body::Body>| async move {
        let path = req.uri().path().to_owned();
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
    use super::is_hashed_asset;

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
