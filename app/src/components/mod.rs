//! Reusable pieces of the pages.

pub mod badges;
pub mod error_summary;
pub mod field;
pub mod result_card;
pub mod save_toggle;
