//! The regional admin's work: listings with optimistic concurrency, the referral inbox, and the
//! audit log that records both.

pub mod audit;
pub mod csv;
pub mod directory;
pub mod inbox;
pub mod listings;
pub mod reports;
