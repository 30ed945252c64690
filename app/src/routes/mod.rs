//! One module per page.

pub mod activities;
pub mod clinician;
mod follow_up;
pub mod not_found;
pub mod offer;
pub mod offer_activities;
pub mod offer_packages;
pub mod offer_sections;
pub mod receipt;
pub mod saved;
pub mod search;
pub mod signup;
pub mod status;
