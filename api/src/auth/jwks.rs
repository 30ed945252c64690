//! Cognito's signing keys, fetched from its JWKS endpoint on first use and again (at most every
//! five minutes) when a token names a key we do not have — that is how key rotation arrives.

use http_body_util::{BodyExt, Empty};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::DecodingKey;
use std::collections::HashMap;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

const REFRESH_AFTER: Duration = Duration::from_secs(300);

pub struct JwksCache {
    url: String,
    state: Mutex<(HashMap<String, DecodingKey>, Option<Instant>)>,
}

impl JwksCache {
    pub fn new(url: String) -> Self {
        JwksCache { url, state: Mutex::new((HashMap::new(), None)) }
    }

    pub async fn key(&self, kid: Option<&str>) -> Option<DecodingKey> {
        let kid = kid?;
        let mut state = self.state.lock().await;
        if let Some(key) = state.0.get(kid) {
            return Some(key.clone());
        }
        if state.1.is_some_and(|at| at.elapsed() < REFRESH_AFTER) {
            return None;
        }
        state.1 = Some(Instant::now());
        match fetch(&self.url).await {
            Ok(set) => {
                state.0 = set.keys.iter().filter_map(|k| Some((k.common.key_id.clone()?, DecodingKey::from_jwk(k).ok()?))).collect();
                tracing::info!(keys = state.0.len(), "loaded the identity provider's signing keys");
            }
            Err(e) => tracing::error!(error = %e, "fetching the identity provider's signing keys failed"),
        }
        state.0.get(kid).cloned()
    }
}

async fn fetch(url: &str) -> Result<JwkSet, String> {
    let https = hyper_rustls::HttpsConnectorBuilder::new().with_native_roots().map_err(|e| e.to_string())?.https_or_http().enable_http1().build();
    let client: Client<_, Empty<bytes::Bytes>> = Client::builder(TokioExecutor::new()).build(https);
    let uri: http::Uri = url.parse().map_err(|e: http::uri::InvalidUri| e.to_string())?;
    let res = tokio::time::timeout(Duration::from_secs(5), client.get(uri)).await.map_err(|_| "timed out".to_owned())?.map_err(|e| e.to_string())?;
    if !res.status().is_success() {
        return Err(format!("status {}", res.status()));
    }
    let body = res.into_body().collect().await.map_err(|e| e.to_string())?.to_bytes();
    serde_json::from_slice(&body).map_err(|e| e.to_string())
}
