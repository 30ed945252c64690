//! Forebyg's domain, shared by the API (native) and the browser app (wasm32).
//!
//! Everything here ships to every browser: keep it free of heavy dependencies.

#[macro_use]
mod code_enum;

pub mod activity;
pub mod activity_validation;
pub mod admin;
pub mod auth;
pub mod bulk;
pub mod clinician;
pub mod collate;
pub mod contact;
pub mod coverage;
pub mod cpr;
pub mod date;
pub mod decimal;
pub mod directory;
pub mod directory_validation;
pub mod eligibility;
pub mod first_session;
pub mod geo;
pub mod geography;
pub mod label;
pub mod offer;
pub mod offer_validation;
pub mod package;
pub mod package_coverage;
pub mod package_validation;
pub mod pkce;
pub mod problem;
pub mod receipt_code;
pub mod referral;
pub mod referral_route;
pub mod report;
pub mod response_time;
pub mod search;
pub mod slot_text;
pub mod spreadsheet;
pub mod taxonomy;
pub mod validation;

pub use label::{Label, Lang};
