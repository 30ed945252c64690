//! Reusable pieces of the pages.

pub mod badges;
pub mod error_summary;
pub mod result_card;
