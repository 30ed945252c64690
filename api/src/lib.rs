//! Forebyg API: one axum [`Router`](axum::Router) served by AWS Lambda and by the local server.

pub mod config;
pub mod demo;
pub mod error;
pub mod openapi;
pub mod routes;
pub mod search;
pub mod store;

use std::sync::Arc;

/// Shared state of every request handler.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn store::OfferStore>,
}

pub use routes::router;
