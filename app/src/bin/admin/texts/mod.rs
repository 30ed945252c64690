//! The admin workspace's texts in Danish and English: one catalogue module per page or area,
//! declared with `forebyg_app::texts!` and read with `.get(crate::ui::lang())`.
pub mod directory;
