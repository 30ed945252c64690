//! The admin pages, one module each.

pub mod audit;
pub mod coverage;
pub mod editor;
pub mod import;
pub mod inbox;
pub mod locations;
pub mod login;
pub mod offers;
pub mod overview;
mod pickers;
pub mod providers;
mod records;
pub mod reports;

use crate::ui;
use leptos::html::H1;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    ui::page_setup("Siden findes ikke", h1);
    view! {
        <h1 node_ref=h1 tabindex="-1">"Siden findes ikke"</h1>
        <p><a href="/admin">"Gå til overblikket"</a></p>
    }
}
