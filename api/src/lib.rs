//! Forebyg API: one axum [`Router`](axum::Router) served by AWS Lambda and by the local server.

pub mod activities;
pub mod admin;
pub mod auth;
pub mod client_address;
pub mod clinician;
pub mod compress;
pub mod config;
pub mod contact_digest;
pub mod demo;
pub mod demo_activities;
pub mod error;
pub mod extract;
pub mod fhir;
pub mod hsds;
pub mod http_server;
pub mod openapi;
pub mod rate_limit;
pub mod referral_flow;
pub mod routes;
pub mod search;
pub mod self_referral;
pub mod store;

use rate_limit::RateLimiter;
use std::sync::Arc;
use std::time::Duration;
use store::{AuditStore, DirectoryStore, OfferStore, ReferralStore, ReportStore};

/// Shared state of every request handler.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn OfferStore>,
    pub referrals: Arc<dyn ReferralStore>,
    pub audit: Arc<dyn AuditStore>,
    pub reports: Arc<dyn ReportStore>,
    pub directory: Arc<dyn DirectoryStore>,
    pub limits: Arc<Limits>,
    pub auth: Arc<auth::Authenticator>,
    pub client_config: Arc<forebyg_shared::search::ClientConfig>,
    /// Which forwarded client addresses the rate limits believe (none by default: the TCP peer).
    pub client_address: Arc<client_address::ClientAddressConfig>,
    /// The key of withdrawn referrals' contact digests (`FOREBYG_CONTACT_KEY`, see
    /// [`contact_digest`]); by default a random one for this state only.
    pub contact_key: Arc<contact_digest::ContactKey>,
    /// The development authorization server's pending codes (empty unless FOREBYG_AUTH=dev).
    #[cfg(feature = "dev-auth")]
    pub dev_codes: Arc<auth::dev_codes::CodeStore>,
}

impl AppState {
    /// State over one store adapter that serves both ports.
    pub fn new<S: OfferStore + ReferralStore + AuditStore + ReportStore + DirectoryStore + 'static>(store: S, limits: Limits) -> Self {
        let store = Arc::new(store);
        let auth = Arc::new(auth::Authenticator::new(&auth::AuthConfig::Disabled));
        AppState {
            store: store.clone(),
            referrals: store.clone(),
            audit: store.clone(),
            reports: store.clone(),
            directory: store,
            limits: Arc::new(limits),
            auth,
            client_config: Arc::new(default_client_config()),
            client_address: Arc::default(),
            contact_key: Arc::new(contact_digest::ContactKey::random()),
            #[cfg(feature = "dev-auth")]
            dev_codes: Arc::new(auth::dev_codes::CodeStore::new(auth::dev_codes::CODE_TTL)),
        }
    }

    /// The same state with deployment settings for the browser app.
    pub fn with_client_config(mut self, config: forebyg_shared::search::ClientConfig) -> Self {
        self.client_config = Arc::new(config);
        self
    }

    /// The same state believing the forwarded client addresses `config` names.
    pub fn with_client_address(mut self, config: client_address::ClientAddressConfig) -> Self {
        self.client_address = Arc::new(config);
        self
    }

    /// The same state making and checking withdrawn referrals' contact digests with `key`.
    pub fn with_contact_key(mut self, key: contact_digest::ContactKey) -> Self {
        self.contact_key = Arc::new(key);
        self
    }

    /// The same state with admin sign-in configured.
    pub fn with_auth(mut self, config: &auth::AuthConfig) -> Self {
        self.auth = Arc::new(auth::Authenticator::new(config));
        self
    }
}

/// OpenStreetMap's standard tiles, which require this attribution.
pub fn default_client_config() -> forebyg_shared::search::ClientConfig {
    forebyg_shared::search::ClientConfig {
        tile_url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
        tile_attribution: "© OpenStreetMap-bidragydere".into(),
        demo: false,
        admin_sign_in: None,
    }
}

/// Per-client request limits of the citizen-facing write and look-up routes.
pub struct Limits {
    pub self_referral: RateLimiter,
    pub lookup: RateLimiter,
}

impl Limits {
    /// `self_referrals` requests to join and `lookups` receipt look-ups per client per 10 minutes.
    pub fn per_ten_minutes(self_referrals: u32, lookups: u32) -> Self {
        let window = Duration::from_secs(600);
        Limits { self_referral: RateLimiter::new(self_referrals, window), lookup: RateLimiter::new(lookups, window) }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::per_ten_minutes(10, 60)
    }
}

pub use routes::router;
