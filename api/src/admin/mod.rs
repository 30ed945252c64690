//! The regional admin's work: listings with optimistic concurrency, the referral inbox, and the
//! audit log that records both.

pub mod audit;
pub mod csv;
pub mod directory;
pub mod inbox;
pub mod listings;
pub mod local_associations;
pub mod offer_links;
pub mod packages;
pub mod reports;
pub mod response_times;
