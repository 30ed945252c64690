//! The import report's table of the rows that create or change an offer: the new ones (and
//! whether one looks like an offer already there, or an earlier row: the same file imported twice
//! creates its new offers twice), and which cells of which offer change, from what to what.

use crate::texts::import as t;
use crate::ui::lang;
use forebyg_shared::bulk::ImportRowChange;
use leptos::prelude::*;

fn offer_href(id: &str) -> String {
    format!("/admin/tilbud/{}", forebyg_app::query::encode(id))
}

#[component]
pub fn ImportChanges(changes: Vec<ImportRowChange>) -> impl IntoView {
    let rows = changes
        .into_iter()
        .map(|c| {
            let title = match &c.id {
                Some(id) => view! { <a href=offer_href(id)>{c.title.clone()}</a> }.into_any(),
                None => view! { <span>{c.title.clone()}</span> }.into_any(),
            };
            // Each changed cell with its value before and after (a walk's admin saw only
            // "Ændrer contact_phone", and could not check the number before applying).
            let what = if c.new {
                t::NEW_OFFER.get(lang()).into_any()
            } else {
                let cells = c.cells.into_iter().map(|x| view! { <li>{t::cell_change(&x.column, &x.before, &x.after, lang())}</li> }).collect_view();
                view! { <ul class="plain">{cells}</ul> }.into_any()
            };
            let like_offer = c.like_offer.map(|o| {
                view! { <br/><strong class="import-like">{t::like_offer(lang())}" "<a href=offer_href(&o.id)>{o.title}</a></strong> }
            });
            let like_row = c.like_row.map(|r| view! { <br/><strong class="import-like">{t::like_row(r, lang())}</strong> });
            view! { <tr><th scope="row">{c.row}</th><td>{title}</td><td>{what}{like_offer}{like_row}</td></tr> }
        })
        .collect_view();
    view! {
        <div class="table-wrap" role="region" aria-labelledby="import-changes-caption" tabindex="0">
            <table class="admin-table">
                <caption id="import-changes-caption">{t::CHANGES_CAPTION.get(lang())}</caption>
                <thead><tr><th scope="col">{t::ROW.get(lang())}</th><th scope="col">{t::OFFER.get(lang())}</th><th scope="col">{t::CHANGE.get(lang())}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
