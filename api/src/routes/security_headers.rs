//! The security headers of the site: in AWS, CloudFront's response headers policy
//! (`SecurityHeadersPolicy` in infra/template.yaml) adds them; the local server adds the same ones
//! to the SPA, so the end-to-end tests run the app under the production Content-Security-Policy
//! and catch what it would block (inline styles or scripts, unlisted hosts).
//! `api/tests/infra_template.rs` checks that the template's policy is the one built here.

use axum::http::{header, HeaderName, HeaderValue};
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;

/// The Content-Security-Policy of the site. `tile_url` is the map tile URL template handed to the
/// browser (its origin is allowed for images); `connect` lists origins besides the site the
/// browser may call (the identity provider's token endpoint). `https_only` adds
/// `upgrade-insecure-requests` (the deployed site; the local server speaks plain HTTP).
pub fn content_security_policy(tile_url: &str, connect: &[&str], https_only: bool) -> String {
    let mut connect_src = String::from("'self'");
    for origin in connect {
        connect_src.push(' ');
        connect_src.push_str(origin);
    }
    let mut directives = vec![
        "default-src 'self'".to_owned(),
        "script-src 'self' 'wasm-unsafe-eval'".to_owned(),
        "style-src 'self'".to_owned(),
        format!("img-src 'self' data: {}", origin_of(tile_url)),
        "font-src 'self'".to_owned(),
        format!("connect-src {connect_src}"),
        "object-src 'none'".to_owned(),
        "base-uri 'self'".to_owned(),
        "form-action 'self'".to_owned(),
        "frame-ancestors 'none'".to_owned(),
    ];
    if https_only {
        directives.push("upgrade-insecure-requests".to_owned());
    }
    directives.join("; ")
}

/// `scheme://host[:port]` of a URL (template), e.g. of `https://tile.example/{z}/{x}/{y}.png`.
pub fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map(|i| i + 3).unwrap_or(0);
    match url[after_scheme..].find('/') {
        Some(i) => &url[..after_scheme + i],
        None => url,
    }
}

/// The headers CloudFront's policy sets, for the local server's SPA responses.
pub fn layer(router: Router, csp: &str) -> Router {
    let csp = HeaderValue::from_str(csp).expect("the CSP is a valid header value");
    let fixed: [(HeaderName, &'static str); 5] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (HeaderName::from_static("permissions-policy"), "geolocation=(self), camera=(), microphone=(), payment=(), usb=()"),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
    ];
    let mut router = router.layer(SetResponseHeaderLayer::overriding(header::CONTENT_SECURITY_POLICY, csp));
    for (name, value) in fixed {
        router = router.layer(SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value)));
    }
    router
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_of_tile_templates() {
        assert_eq!(origin_of("https://tile.openstreetmap.org/{z}/{x}/{y}.png"), "https://tile.openstreetmap.org");
        assert_eq!(origin_of("http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"), "http://127.0.0.1:9");
        assert_eq!(origin_of("https://tiles.example"), "https://tiles.example");
    }

    #[test]
    fn the_policy_allows_the_tile_host_and_nothing_inline() {
        let csp = content_security_policy("https://tiles.example/{z}/{x}/{y}.png", &["https://auth.example"], true);
        assert!(csp.contains("img-src 'self' data: https://tiles.example;"), "{csp}");
        assert!(csp.contains("connect-src 'self' https://auth.example;"), "{csp}");
        assert!(csp.ends_with("upgrade-insecure-requests"), "{csp}");
        assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"), "{csp}");
        assert!(!content_security_policy("http://127.0.0.1:9/t/{z}.png", &[], false).contains("upgrade-insecure-requests"));
    }
}
