//! The admin pages, one module each.

pub mod activities;
pub mod activity_list;
mod activity_offers;
pub mod associations;
pub mod audit;
pub mod callback;
pub mod coverage;
mod coverage_report;
#[cfg(feature = "dev-login")]
pub mod dev_login;
mod edit_state;
mod editable;
pub mod editor;
pub mod import;
mod import_changes;
pub mod inbox;
mod inbox_card;
mod inbox_enrol;
mod inbox_history;
mod inbox_step;
pub mod locations;
pub mod login;
pub(crate) mod multi_choice;
pub mod offers;
pub mod overview;
pub mod packages;
pub(crate) mod pickers;
pub mod providers;
mod record_editor;
mod records;
pub mod reports;
mod response_times;

use crate::texts::common as t;
use crate::ui;
use crate::ui::lang;
use leptos::html::H1;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    ui::page_setup(t::PAGE_NOT_FOUND.get(lang()), h1);
    view! {
        <h1 node_ref=h1 tabindex="-1">{t::PAGE_NOT_FOUND.get(lang())}</h1>
        <p><a href="/admin">{t::GO_TO_OVERVIEW.get(lang())}</a></p>
    }
}
