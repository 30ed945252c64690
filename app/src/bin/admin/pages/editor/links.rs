//! The offer editor's links to the kronikerpakker and the association activities: which
//! components of which packages the offer delivers (choose a package, tick its components), and
//! the activities shown under "Fortsæt bagefter" (name, association, town). Both are saved with
//! the offer.

use super::fields::error_line;
use super::state::OfferEditor;
use crate::api;
use crate::form;
use crate::texts::activities as t;
use crate::ui::{self, lang};
use forebyg_shared::activity::{ActivityRecord, AssociationRecord};
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::package::{PackageComponent, PackageDelivery, PackageRecord};
use forebyg_shared::taxonomy::Category;
use leptos::prelude::*;

/// "Hjertemotion – Hjerteforeningen Aarhus, Aarhus C".
fn activity_text(a: &ActivityRecord, owners: &[AssociationRecord]) -> String {
    let owner = owners.iter().find(|o| o.id == a.association_id).map_or(a.association_id.as_str(), |o| o.name.as_str());
    format!("{} – {}, {}", a.name, owner, a.place.city)
}

pub fn packages(e: OfferEditor) -> impl IntoView {
    let l = lang();
    let form = e.form;
    let all = LocalResource::new(|| async { api::get::<Vec<PackageRecord>>("/api/v1/packages").await.unwrap_or_default() });
    let chosen = Memo::new(move |_| form.with(|f| f.packages.iter().map(|d| d.package.clone()).collect::<Vec<_>>()));
    let error = e.err("packages");
    // Only the components the offer's own intervention may deliver (the rule validation applies).
    let category = Memo::new(move |_| form.with(|f| Category::from_code(&f.category)));
    let fits = move |c: &PackageComponent| category.get().is_some_and(|cat| c.deliverable_by(cat));
    let group = move |listed: &[PackageRecord], code: String| {
        let package = listed.iter().find(|p| p.code == code).cloned();
        let name = package.as_ref().map_or(code.clone(), |p| p.name.get(l).to_owned());
        let components: Vec<_> = package.map(|p| p.components).unwrap_or_default().into_iter().filter(fits).collect();
        let remove_code = code.clone();
        view! {
            <fieldset class="field">
                <legend class="field__label">{name.clone()}</legend>
                <div class="choices">
                    {components.into_iter().map(|c| {
                        let id = format!("f-package-{code}-{}", c.code);
                        let (p1, p2, c1, c2) = (code.clone(), code.clone(), c.code.clone(), c.code.clone());
                        view! {
                            <div class="choice">
                                <input id=id.clone() class="choice__input" type="checkbox"
                                    prop:checked=move || form.with(|f| f.packages.iter().any(|d| d.package == p1 && d.components.contains(&c1)))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        form.update(|f| if let Some(d) = f.packages.iter_mut().find(|d| d.package == p2) {
                                            d.components.retain(|x| *x != c2);
                                            if on { d.components.push(c2.clone()); }
                                        })
                                    } />
                                <label class="choice__label" for=id>{c.name.get(l).to_owned()}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
                <p><button type="button" class="button button--secondary button--small" on:click=move |_| form.update(|f| f.packages.retain(|d| d.package != remove_code))>
                    {t::REMOVE_COMPONENT.get(l)}<span class="visually-hidden">{format!(" {name}")}</span>
                </button></p>
            </fieldset>
        }
    };
    let add = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        if !code.is_empty() {
            form.update(|f| f.packages.push(PackageDelivery { package: code, components: vec![] }));
        }
    };
    view! {
        <fieldset class="form-section">
            <legend>{form::label("packages", l)}</legend>
            <p class="hint">{t::PICK_PACKAGES_HINT.get(l)}</p>
            {move || error().map(|m| error_line(m, None))}
            {ui::when_loaded(all, move |listed: Vec<PackageRecord>| move || chosen.get().into_iter().map(|code| group(&listed, code)).collect_view())}
            // A package for an illness the offer is for, not chosen: the offer does not count in
            // that package's coverage until it is (a walk's admin closed a KOL offer's gap in
            // the six interventions but not in the KOL package, and could not see why).
            {ui::when_loaded(all, move |listed: Vec<PackageRecord>| move || {
                let (chosen, conditions) = (chosen.get(), form.with(|f| f.conditions.clone()));
                let missing: Vec<String> = listed
                    .iter()
                    .filter(|p| !chosen.contains(&p.code) && p.components.iter().any(fits) && p.conditions.iter().any(|c| conditions.contains(c)))
                    .map(|p| p.name.get(l).to_owned())
                    .collect();
                (!missing.is_empty()).then(|| view! { <p class="hint">{t::packages_for_target_group(&missing, l)}</p> })
            })}
            <div class="field">
                <label class="field__label" for="f-packages">{t::PICK_PACKAGE.get(l)}</label>
                <select id="f-packages" class="select" on:change=add>
                    <option value="" selected=true>{t::CHOOSE_PACKAGE.get(l)}</option>
                    {ui::when_loaded(all, move |listed: Vec<PackageRecord>| move || {
                        let chosen = chosen.get();
                        listed.iter().filter(|p| !chosen.contains(&p.code) && p.components.iter().any(fits)).map(|p| view! { <option value=p.code.clone()>{p.name.get(l).to_owned()}</option> }).collect_view()
                    })}
                </select>
            </div>
        </fieldset>
    }
}

/// The activities the offer may link to and does not yet: active, of the offer's region; nearest
/// the offer's place first, each with its distance (a digital offer's: by name).
fn pickable(all: &[(ActivityRecord, String)], ids: &[String], (region, at): (String, Option<GeoPoint>)) -> Vec<(String, String)> {
    let mut options: Vec<(f64, String, String)> = all
        .iter()
        .filter(|(a, _)| a.is_active() && !ids.contains(&a.id) && a.region.code() == region)
        .map(|(a, text)| match at.map(|p| p.distance_km(a.point())) {
            Some(km) => (km, a.id.clone(), format!("{text} ({})", forebyg_app::format::distance(km, lang()))),
            None => (0.0, a.id.clone(), text.clone()),
        })
        .collect();
    options.sort_by(|x, y| x.0.total_cmp(&y.0).then_with(|| crate::offers_query::danish_key(&x.2).cmp(&crate::offers_query::danish_key(&y.2))));
    options.into_iter().map(|(_, id, text)| (id, text)).collect()
}

pub fn activities(e: OfferEditor) -> impl IntoView {
    let l = lang();
    let form = e.form;
    let owners = LocalResource::new(|| async { api::get::<Vec<AssociationRecord>>("/api/v1/admin/associations").await.unwrap_or_default() });
    // Each activity with its text: the region's active ones to pick (an editor may link what
    // they may not change) and those the admin may open, so an archived one already linked still
    // shows its name. The three lists load at the same time (each resource starts its request
    // when made), not one after the other.
    let linkable =
        LocalResource::new(|| async { api::get::<Vec<ActivityRecord>>("/api/v1/admin/activities?purpose=link").await.unwrap_or_default() });
    let managed = LocalResource::new(|| async { api::get::<Vec<ActivityRecord>>("/api/v1/admin/activities").await.unwrap_or_default() });
    let all = LocalResource::new(move || async move {
        let mut activities = linkable.await;
        activities.extend(managed.await.into_iter().filter(|m| !m.is_active()));
        let owners = owners.await;
        activities
            .into_iter()
            .map(|a| {
                let text = activity_text(&a, &owners);
                (a, text)
            })
            .collect::<Vec<_>>()
    });
    let linked = Memo::new(move |_| form.with(|f| f.activity_ids.clone()));
    // The picker follows the offer's region and place, not every keystroke in the form.
    let place = Memo::new(move |_| form.with(|f| (f.region.clone(), f.point())));
    let error = e.err("activity_ids");
    let add = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        if !id.is_empty() {
            form.update(|f| f.activity_ids.push(id));
        }
    };
    view! {
        <fieldset class="form-section">
            <legend>{form::label("activity_ids", l)}</legend>
            <p class="hint">{t::PICK_ACTIVITIES_HINT.get(l)}</p>
            {move || error().map(|m| error_line(m, None))}
            <p class="field__label">{t::LINKED_ACTIVITIES.get(l)}</p>
            {ui::when_loaded(all, move |all: Vec<(ActivityRecord, String)>| move || {
                let ids = linked.get();
                let text = |id: &str| all.iter().find(|(a, _)| a.id == id).map_or(id.to_owned(), |(_, text)| text.clone());
                if ids.is_empty() {
                    view! { <p>{t::NO_ACTIVITIES.get(l)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="linked-activities">
                            {ids.into_iter().map(|id| {
                                let label = text(&id);
                                view! {
                                    <li>
                                        {label.clone()}" "
                                        <button type="button" class="button button--secondary button--small" on:click=move |_| form.update(|f| f.activity_ids.retain(|x| *x != id))>
                                            {t::REMOVE_COMPONENT.get(l)}<span class="visually-hidden">{format!(" {label}")}</span>
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            })}
            <div class="field">
                <label class="field__label" for="f-activity_ids">{t::PICK_ACTIVITY.get(l)}</label>
                <select id="f-activity_ids" class="select" on:change=add>
                    <option value="" selected=true>{t::CHOOSE_ACTIVITY.get(l)}</option>
                    {ui::when_loaded(all, move |all: Vec<(ActivityRecord, String)>| move || {
                        pickable(&all, &linked.get(), place.get()).into_iter().map(|(id, text)| view! { <option value=id>{text}</option> }).collect_view()
                    })}
                </select>
            </div>
        </fieldset>
    }
}
