//! Who is asking, for the per-client rate limits: an address the client cannot choose.
//!
//! Any client can send `X-Forwarded-For` or `CloudFront-Viewer-Address` with any value, so a
//! header is believed only when the request provably came through the proxy that sets it:
//! - on the local server, the TCP peer, unless it is one of `FOREBYG_TRUSTED_PROXIES`: then the
//!   `X-Forwarded-For` entry that proxy appended (the right-most one not itself a trusted proxy);
//! - in AWS Lambda, API Gateway's `sourceIp` (whoever opened the connection to it), unless the
//!   request carries CloudFront's origin secret (`X-Forebyg-Origin-Verify`, a custom origin
//!   header only CloudFront sends, `FOREBYG_ORIGIN_SECRET`): then `CloudFront-Viewer-Address`.
//!   Without the secret a request through CloudFront would be keyed by CloudFront's address,
//!   shared by many viewers; one straight to the execute-api endpoint is keyed by its own.
//!
//! The same proof decides whether `X-Forwarded-Host` names the host of the FHIR answers' absolute
//! links (`routes::fhir::BaseUrl`).

use axum::extract::ConnectInfo;
use axum::http::request::Parts;
use std::net::{IpAddr, SocketAddr};

/// The origin custom header CloudFront adds to every request to the API (infra/template.yaml).
pub const ORIGIN_VERIFY_HEADER: &str = "x-forebyg-origin-verify";

/// Which forwarded addresses to believe (see the module documentation).
#[derive(Clone, Default, PartialEq)]
pub struct ClientAddressConfig {
    /// The value CloudFront sends in [`ORIGIN_VERIFY_HEADER`]; `None`: never trust the viewer address.
    pub origin_secret: Option<String>,
    /// Reverse proxies in front of the local server whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<IpAddr>,
}

/// Never prints the secret.
impl std::fmt::Debug for ClientAddressConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let secret = self.origin_secret.as_ref().map(|_| "<set>");
        f.debug_struct("ClientAddressConfig").field("origin_secret", &secret).field("trusted_proxies", &self.trusted_proxies).finish()
    }
}

impl ClientAddressConfig {
    /// The client's address as a rate-limit key; "unknown" when there is none (a request made
    /// in-process, without a connection or a Lambda event).
    pub fn client_key(&self, parts: &Parts) -> String {
        if let Some(viewer) = self.cloudfront_viewer(parts) {
            return viewer.to_string();
        }
        let Some(peer) = peer_address(parts) else { return "unknown".into() };
        if self.trusted_proxies.contains(&peer) {
            if let Some(forwarded) = self.forwarded_client(parts) {
                return forwarded.to_string();
            }
        }
        peer.to_string()
    }

    /// Whether the request came through a proxy this server trusts (CloudFront with its origin
    /// secret, or a trusted proxy's connection), so the `X-Forwarded-*` headers are that proxy's.
    pub fn via_trusted_proxy(&self, parts: &Parts) -> bool {
        self.sent_by_cloudfront(parts) || peer_address(parts).is_some_and(|peer| self.trusted_proxies.contains(&peer))
    }

    /// The request carries CloudFront's origin secret.
    fn sent_by_cloudfront(&self, parts: &Parts) -> bool {
        let (Some(secret), Some(sent)) = (self.origin_secret.as_deref(), parts.headers.get(ORIGIN_VERIFY_HEADER)) else { return false };
        constant_time_eq(sent.as_bytes(), secret.as_bytes())
    }

    /// `CloudFront-Viewer-Address` (`IP:port`), if the request carries the origin secret.
    fn cloudfront_viewer(&self, parts: &Parts) -> Option<IpAddr> {
        if !self.sent_by_cloudfront(parts) {
            return None;
        }
        let viewer = parts.headers.get("cloudfront-viewer-address")?.to_str().ok()?;
        viewer.rsplit_once(':').and_then(|(ip, _port)| ip.trim_matches(['[', ']']).parse().ok())
    }

    /// The right-most `X-Forwarded-For` entry that is not a trusted proxy: the address the
    /// nearest trusted proxy saw (anything left of it is what the client wrote).
    fn forwarded_client(&self, parts: &Parts) -> Option<IpAddr> {
        let entries: Vec<&str> = parts.headers.get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).collect();
        for entry in entries.into_iter().rev() {
            let ip: IpAddr = entry.trim().parse().ok()?;
            if !self.trusted_proxies.contains(&ip) {
                return Some(ip);
            }
        }
        None
    }
}

/// The TCP peer (local server) or API Gateway's `sourceIp` (a Lambda event).
fn peer_address(parts: &Parts) -> Option<IpAddr> {
    if let Some(ConnectInfo(addr)) = parts.extensions.get::<ConnectInfo<SocketAddr>>() {
        return Some(addr.ip());
    }
    #[allow(irrefutable_let_patterns)]
    if let Some(lambda_http::request::RequestContext::ApiGatewayV2(context)) = parts.extensions.get::<lambda_http::request::RequestContext>() {
        return context.http.source_ip.as_deref().and_then(|ip| ip.parse().ok());
    }
    None
}

/// Compares without stopping at the first difference, so the time taken does not tell an
/// attacker how much of the secret a guess got right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    std::hint::black_box(a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y))) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Request;

    fn parts(peer: &str, headers: &[(&str, &str)]) -> Parts {
        let mut req = Request::builder();
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let (mut parts, ()) = req.body(()).unwrap().into_parts();
        parts.extensions.insert(ConnectInfo(SocketAddr::new(peer.parse().unwrap(), 40000)));
        parts
    }

    #[test]
    fn headers_are_ignored_unless_trusted() {
        let none = ClientAddressConfig::default();
        let spoofed = parts("192.0.2.1", &[("x-forwarded-for", "10.0.0.2"), ("cloudfront-viewer-address", "203.0.113.9:443")]);
        assert_eq!(none.client_key(&spoofed), "192.0.2.1");
    }

    #[test]
    fn a_trusted_proxy_s_entry_is_the_right_most_untrusted_one() {
        let cfg = ClientAddressConfig { origin_secret: None, trusted_proxies: vec!["127.0.0.1".parse().unwrap(), "10.0.0.9".parse().unwrap()] };
        let via = |xff: &str| cfg.client_key(&parts("127.0.0.1", &[("x-forwarded-for", xff)]));
        assert_eq!(via("198.51.100.4"), "198.51.100.4");
        assert_eq!(via("6.6.6.6, 198.51.100.4"), "198.51.100.4");
        assert_eq!(via("6.6.6.6, 198.51.100.4, 10.0.0.9"), "198.51.100.4");
        assert_eq!(via("not-an-ip"), "127.0.0.1");
        assert_eq!(cfg.client_key(&parts("192.0.2.1", &[("x-forwarded-for", "198.51.100.4")])), "192.0.2.1");
    }

    #[test]
    fn the_viewer_address_needs_the_origin_secret() {
        let secret = "s".repeat(40);
        let cfg = ClientAddressConfig { origin_secret: Some(secret.clone()), trusted_proxies: vec![] };
        let with =
            |verify: &str| cfg.client_key(&parts("192.0.2.1", &[(ORIGIN_VERIFY_HEADER, verify), ("cloudfront-viewer-address", "2001:db8::7:51234")]));
        assert_eq!(with(&secret), "2001:db8::7");
        assert_eq!(with("wrong"), "192.0.2.1");
        assert_eq!(with(&"s".repeat(39)), "192.0.2.1");
    }
}
