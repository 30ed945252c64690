//! Reusable pieces of the pages.

pub mod badges;
pub mod error_summary;
pub mod facts;
pub mod field;
pub mod join_box;
pub mod js_module;
pub mod jump_link;
pub mod map_view;
pub mod offer_qr;
pub mod residence_notice;
pub mod result_card;
pub mod return_to_link;
pub mod save_toggle;
pub mod wider_search;
