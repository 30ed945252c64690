//! `/admin/tilbud/ny` and `/admin/tilbud/:id`: the offer form. Save (create or edit from the
//! loaded version), publish / unpublish / archive, "Stadig korrekt" (re-verify). When someone
//! else saved first (409), the admin sees what differs, field by field, and can reapply their
//! changes onto the current version. The state and actions are in `state`, the controls in
//! `fields`, the top of the page in `top`, the form's fieldsets in `sections`, the weekly times' pickers in
//! `slots`, the place's
//! point (postcode, map) in `point` and the citizen page's preview in `preview`.

mod fields;
mod links;
mod point;
mod preview;
mod sections;
mod slots;
mod state;
mod top;

use crate::api;
use crate::form::{self, OfferForm};
use crate::session;
use crate::texts::editor as t;
use crate::ui::{self, lang};
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::RegionCode;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use state::OfferEditor;

#[component]
pub fn NewOfferPage() -> impl IntoView {
    // Opened from a gap in the coverage table: the gap's intervention and place filled in.
    let query = use_query_map();
    session::page(move |p| {
        let region = p.region.unwrap_or(RegionCode::Midtjylland);
        let base = form::new_offer_base(region);
        let mut start = OfferForm::blank(Some(region), p.provider_id.as_deref(), &api::today());
        let from_gap = query.with_untracked(|q| start.prefill(|k| q.get(k), p.role == forebyg_shared::auth::Role::NationalAdmin));
        // Says what the gap filled in, and leads back to the coverage table as it was left.
        // The package's gap names its package, a postcode's its postcode (a walk's banner named
        // only the municipality of "6510 Gram").
        let from_gap = from_gap.then(|| {
            let category = forebyg_shared::taxonomy::Category::from_code(&start.category).map_or("", |c| c.label(lang()));
            let package = start.packages.first().and_then(|d| forebyg_shared::taxonomy::Kronikerpakke::from_code(&d.package));
            let what = match package {
                Some(k) => format!("{category} ({})", k.label(lang())),
                None => category.to_owned(),
            };
            let place = crate::offers_query::municipality_name(&start.municipality_code).map(|m| {
                match forebyg_shared::geography::postcode(&start.postcode) {
                    Some(pc) => format!("{} {} ({m})", pc.code, pc.name),
                    None => m.to_owned(),
                }
            });
            let back = query.with_untracked(|q| form::back_to_coverage(|k| q.get(k)));
            FromGap { said: Some(t::from_gap(&what, place.as_deref(), lang())), back }
        });
        view! { <Editor base=base start=start new=true from_gap=from_gap /> }
    })
}

#[component]
pub fn EditOfferPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let offer = LocalResource::new(move || {
        let id = id();
        async move { api::get::<Offer>(&format!("/api/v1/admin/offers/{}", forebyg_app::query::encode(&id))).await }
    });
    // Created from a coverage gap: the back link still leads to the coverage table.
    let query = use_query_map();
    ui::suspense_page(offer, t::LOAD_FAILED, move |o| {
        let start = OfferForm::from_offer_in(&o, lang());
        let from_gap = query.with_untracked(|q| form::coverage_back(|k| q.get(k))).map(|back| FromGap { said: None, back });
        view! { <Editor base=o start=start new=false from_gap=from_gap /> }
    })
}

/// A place typed by hand is no longer the picked location record's.
fn typed(f: &mut OfferForm, change: impl FnOnce(&mut OfferForm)) {
    change(f);
    f.location_id.clear();
}

/// An offer started from a coverage gap: what the gap filled in (on the new offer's form), and
/// the coverage table's address to go back to.
struct FromGap {
    said: Option<String>,
    back: String,
}

#[component]
fn Editor(base: Offer, start: OfferForm, new: bool, from_gap: Option<FromGap>) -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    let title = if new { t::NEW_H1.get(lang()).to_owned() } else { t::edit_title(&base.title, lang()) };
    ui::page_setup(&title, h1);
    let e = OfferEditor::new(base, start, new, title, from_gap.as_ref().map(|g| g.back.clone()));
    let previewing = move || e.preview.with(Option::is_some);
    view! {
        {move || e.preview.get().map(|o| preview::preview(e, o))}
        // Hidden, not gone, while the preview shows: every edit stays as it was.
        <div hidden=previewing>
        {match &from_gap {
            Some(g) => view! { <p class="back-link"><a href=g.back.clone()>{t::BACK_TO_COVERAGE.get(lang())}</a></p> }.into_any(),
            None => view! { <p class="back-link"><a href=crate::offers_query::back_href()>{t::BACK.get(lang())}</a></p> }.into_any(),
        }}
        <h1 node_ref=h1 tabindex="-1">{move || e.heading.get()}</h1>
        {from_gap.and_then(|g| g.said).map(|said| view! { <p class="notice" id="from-gap">{said}</p> })}
        {top::editor_top(e)}
        <form class="admin-form" on:submit=move |ev| e.save(ev) novalidate>
            {sections::about(e)}
            {sections::times(e)}
            {sections::place(e)}
            {sections::provider(e)}
            {sections::referral(e)}
            {sections::eligibility(e)}
            {sections::places(e)}
            {links::packages(e)}
            {links::activities(e)}
            // Always in reach on a long form: the bar sticks to the bottom of the window.
            <div class="save-bar" role="group" aria-label=t::SAVE_BAR.get(lang())>
                <button type="submit" class="button" disabled=move || e.busy.get()>{if new { t::CREATE.get(lang()) } else { t::SAVE.get(lang()) }}</button>
                <button type="button" class="button button--secondary" id="preview-button" on:click=move |_| e.show_preview()>{t::PREVIEW.get(lang())}</button>
            </div>
        </form>
        </div>
    }
}
