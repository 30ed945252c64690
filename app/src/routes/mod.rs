//! One module per page.

pub mod not_found;
pub mod offer;
pub mod search;
