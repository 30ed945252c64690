//! `/admin/aktiviteter/ny` and `/admin/aktiviteter/:id`: an association's activity that offers
//! link to under "Fortsæt bagefter" (the list is [`super::activity_list`]).
//! Every field of the record; the place is picked from the location records or typed.

use super::record_editor::{load_page, Editor, EditorTop};
use super::records::{checkbox, choose, conditions, input, inputs};
use crate::activity_form::{new_activity, ActivityForm};
use crate::api;
use crate::form::decimal;
use crate::session::{self, is_region_admin, use_session};
use crate::texts::activities as t;
use crate::texts::directory as td;
use crate::texts::editor as te;
use crate::ui::{self, lang};
use forebyg_shared::activity::{ActivityRecord, AssociationRecord, Intensity};
use forebyg_shared::directory::{LocationRecord, ProviderRecord, RecordStatus};
use forebyg_shared::search::PostcodeInfo;
use forebyg_shared::taxonomy::RegionCode;
use leptos::html::H1;
use leptos::prelude::*;

/// The associations the admin may see, to name an activity's.
pub(super) fn associations() -> LocalResource<Vec<AssociationRecord>> {
    LocalResource::new(|| async { api::get::<Vec<AssociationRecord>>("/api/v1/admin/associations").await.unwrap_or_default() })
}

/// The providers the admin may see (an editor: their own), to name an activity's steward.
pub(super) fn providers() -> LocalResource<Vec<ProviderRecord>> {
    LocalResource::new(|| async {
        let mut ps = api::get::<Vec<ProviderRecord>>("/api/v1/admin/providers").await.unwrap_or_default();
        ps.sort_by_key(|p| crate::offers_query::danish_key(&p.name));
        ps
    })
}

#[component]
pub fn NewActivityPage() -> impl IntoView {
    // From an association's page (`?forening=…`): that association is chosen.
    let association = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("forening")).unwrap_or_default();
    session::page(move |p| {
        let base = ActivityRecord { association_id: association.clone(), ..new_activity(p.region.unwrap_or(RegionCode::Midtjylland)) };
        view! { <ActivityEditor base=base new=true /> }
    })
}

#[component]
pub fn EditActivityPage() -> impl IntoView {
    load_page::<ActivityRecord>(|r| view! { <ActivityEditor base=r new=false /> }.into_any())
}

#[component]
fn ActivityEditor(base: ActivityRecord, new: bool) -> impl IntoView {
    let l = lang();
    let h1 = NodeRef::<H1>::new();
    let id = base.id.clone();
    let start = if new {
        ActivityForm { association_id: base.association_id.clone(), ..ActivityForm::blank(base.region, &api::today()) }
    } else {
        ActivityForm::from_record(&base, l)
    };
    let (owners, stewards, session) = (associations(), providers(), use_session());
    // An editor whose offer links to the activity sees it, but only its steward's editors (and
    // the region's admins) change it: the form is shown without ways to change it.
    let read_only = Signal::derive({
        let base = base.clone();
        move || !new && session.with(|p| p.as_ref().is_some_and(|p| !base.may_be_changed_by(p)))
    });
    let editor = Editor::new(base, start, new, t::NEW_ACTIVITY, h1);
    let (form, errors, busy, failure) = (editor.form, editor.errors, editor.busy, editor.failure);
    let locations = LocalResource::new(|| async { api::get::<Vec<LocationRecord>>("/api/v1/admin/locations").await.unwrap_or_default() });
    let region = move || RegionCode::from_code(&form.with(|f| f.region.clone())).unwrap_or(RegionCode::Midtjylland);

    let association_options = move |owners: &[AssociationRecord]| {
        let mut options = vec![(String::new(), t::CHOOSE_ASSOCIATION.get(l).to_owned())];
        options.extend(
            owners
                .iter()
                .filter(|a| a.status == RecordStatus::Active || form.with(|f| f.association_id == a.id))
                .map(|a| (a.id.clone(), a.name.clone())),
        );
        options
    };
    // Choosing the association sets the activity's region (its association's). An effect on the
    // loaded list, not a read of the resource: that would hold the edit page's Suspense until it is in.
    let follow_association = move |owners: Vec<AssociationRecord>| {
        Effect::new(move |_| {
            let id = form.with(|f| f.association_id.clone());
            if let Some(a) = owners.iter().find(|a| a.id == id) {
                if form.with_untracked(|f| f.region != a.region.code()) {
                    form.update(|f| f.region = a.region.code().into());
                }
            }
        });
    };
    let location_options = move |locations: &[LocationRecord]| {
        let mut options = vec![(String::new(), td::PICK_LOCATION_NONE.get(l).to_owned())];
        // By town (postcode), then name: a region's hundreds of places in the API's order could
        // not be scanned (a walk).
        let mut listed: Vec<&LocationRecord> =
            locations.iter().filter(|x| x.region == region() && (x.status == RecordStatus::Active || form.with(|f| f.location_id == x.id))).collect();
        listed.sort_by_cached_key(|x| (x.postcode.clone(), forebyg_shared::collate::danish_key(&x.name)));
        options.extend(listed.into_iter().map(|x| (x.id.clone(), format!("{} {}: {}, {}", x.postcode, x.city, x.name, x.address))));
        options
    };
    // Picking a location copies its place into the fields (the server copies it again on save).
    let follow_location = move |locations: Vec<LocationRecord>| {
        Effect::new(move |_| {
            let id = form.with(|f| f.location_id.clone());
            if let Some(x) = locations.iter().find(|x| x.id == id) {
                if form.with_untracked(|f| f.place_address != x.address || f.place_name != x.name) {
                    form.update(|f| {
                        f.place_name = x.name.clone();
                        f.place_address = x.address.clone();
                        f.place_postcode = x.postcode.clone();
                        f.place_city = x.city.clone();
                        f.place_municipality_code = x.municipality_code.clone();
                        f.lat = decimal(x.point.lat);
                        f.lon = decimal(x.point.lon);
                    });
                }
            }
        });
    };
    let municipalities = move || {
        let mut options = vec![(String::new(), td::CHOOSE_MUNICIPALITY.get(l).to_owned())];
        options.extend(crate::offers_query::municipalities_by_name(Some(region())).into_iter().map(|m| (m.code.to_owned(), m.name.to_owned())));
        options
    };
    let fill_point = move |_| {
        let pc = form.with_untracked(|f| f.place_postcode.trim().to_owned());
        leptos::task::spawn_local(async move {
            match api::get::<PostcodeInfo>(&format!("/api/v1/postcodes/{}", forebyg_app::query::encode(&pc))).await {
                Ok(info) => form.update(|f| {
                    f.lat = format!("{:.5}", info.point.lat);
                    f.lon = format!("{:.5}", info.point.lon);
                    if f.place_city.trim().is_empty() {
                        f.place_city = info.name.clone();
                    }
                }),
                Err(e) => failure.set(Some(ui::error_text(&e))),
            }
        });
    };
    let intensities = Intensity::ALL.iter().map(|i| (i.code().to_owned(), i.label(l).to_owned())).collect();

    view! {
        <EditorTop editor=editor h1=h1 back=t::BACK_ACTIVITIES read_only=read_only />
        {move || read_only.get().then(|| view! { <p class="notice" id="read-only">{t::READ_ONLY.get(l)}</p> })}
        <form class="admin-form" on:submit=move |ev| editor.save(ev) novalidate>
            <fieldset class="form-section" disabled=read_only>
                <legend>{td::SECTION_ABOUT.get(l)}</legend>
                {ui::when_loaded(owners, move |owners: Vec<AssociationRecord>| {
                    follow_association(owners.clone());
                    move || choose(form, errors, "association_id", association_options(&owners), !new)
                })}
                {input(form, errors, "name", "text", None)}
                {input(form, errors, "description", "textarea", None)}
                {conditions(form, errors, |f: &ActivityForm| &f.conditions, |f| &mut f.conditions)}
                {choose(form, errors, "intensity", intensities, false)}
            </fieldset>
            <fieldset class="form-section" disabled=read_only>
                <legend>{t::SECTION_TIMES.get(l)}</legend>
                {input(form, errors, "slots", "textarea", Some(t::ACTIVITY_SLOTS_HINT.get(l)))}
                {inputs(form, errors, &["schedule_note", "price_dkk", "price_note", "subsidy"])}
                {checkbox(form, "free_trial", |f: &ActivityForm| f.free_trial, |f, v| f.free_trial = v)}
            </fieldset>
            <fieldset class="form-section" disabled=read_only>
                <legend>{t::SECTION_PLACE.get(l)}</legend>
                <p class="hint">{t::PLACE_PICK_HINT.get(l)}</p>
                {ui::when_loaded(locations, move |locations: Vec<LocationRecord>| {
                    follow_location(locations.clone());
                    move || choose(form, errors, "location_id", location_options(&locations), false)
                })}
                {inputs(form, errors, &["place_name", "place_address", "place_postcode", "place_city"])}
                {move || choose(form, errors, "place_municipality_code", municipalities(), false)}
                {inputs(form, errors, &["lat", "lon"])}
                <p><button type="button" class="button button--secondary" on:click=fill_point>{td::FILL_POINT.get(l)}</button></p>
            </fieldset>
            <fieldset class="form-section" disabled=read_only>
                <legend>{t::SECTION_MORE.get(l)}</legend>
                {inputs(form, errors, &["contact_name", "contact_phone", "contact_email", "contact_url", "accessibility"])}
                {input(form, errors, "last_verified", "text", Some(te::DATE_HINT.get(l)))}
                // Only region admins choose the steward; an editor sees it, unchangeable.
                <p class="hint">{t::STEWARD_HINT.get(l)}</p>
                {ui::when_loaded(stewards, move |providers: Vec<ProviderRecord>| move || {
                    let mut options = vec![(String::new(), t::STEWARD_NONE.get(l).to_owned())];
                    options.extend(
                        providers
                            .iter()
                            .filter(|p| p.region == region() && (p.status == RecordStatus::Active || form.with(|f| f.steward_provider_id == p.id)))
                            .map(|p| (p.id.clone(), p.name.clone())),
                    );
                    choose(form, errors, "steward_provider_id", options, !session.with(is_region_admin))
                })}
            </fieldset>
            {move || (!read_only.get()).then(|| view! {
                <button type="submit" class="button" disabled=move || busy.get()>{if new { td::SAVE_NEW.get(l) } else { td::SAVE.get(l) }}</button>
            })}
        </form>
        {(!new).then(|| view! { <super::activity_offers::ActivityOffers id=id /> })}
    }
}
