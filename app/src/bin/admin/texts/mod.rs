//! The admin workspace's texts in Danish and English: one catalogue module per page or area,
//! declared with `forebyg_app::texts!` and read with `.get(crate::ui::lang())`.

pub mod audit;
pub mod common;
pub mod coverage;
pub mod editor;
pub mod import;
pub mod inbox;
pub mod offers;
pub mod overview;
pub mod reports;
pub mod sign_in;
