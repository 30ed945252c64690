//! `/admin/aktiviteter`: the associations' activities that offers link to under "Fortsæt bagefter"
//! (the API lists the admin's scope), with how many offers point to each and which are due to be
//! confirmed, and two filters ([`crate::activities_query`]): the active activities no offer
//! points to (nobody is sent there after a course), and those nobody has confirmed for half a year.

use super::activities::{associations, providers};
use super::record_editor::Editable;
use super::records::record_table;
use crate::activities_query::{ActivityFilter, PATH};
use crate::activity_form::ActivityForm;
use crate::api;
use crate::session::{is_region_admin, use_session};
use crate::texts::activities as t;
use crate::texts::directory as td;
use crate::ui::{self, lang};
use forebyg_app::api::ApiError;
use forebyg_shared::activity::{ActivityRecord, AssociationRecord};
use forebyg_shared::admin::{offers_leading_to, AdminOfferRow};
use forebyg_shared::auth::Principal;
use forebyg_shared::directory::ProviderRecord;
use forebyg_shared::Lang;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

/// One activity with what the list (and the overview) says of it.
pub(super) struct Row {
    activity: ActivityRecord,
    /// How many offers (not archived) point to it.
    led: usize,
    /// The admin may change it (an editor: their provider is its steward).
    pub(super) mine: bool,
    /// The admin's to confirm: theirs, active, and not confirmed for half a year.
    pub(super) due: bool,
}

impl Row {
    /// Active, and no offer points to it: nobody is sent there after a course.
    pub(super) fn unled(&self) -> bool {
        self.led == 0 && self.activity.is_active()
    }
}

/// The activities with how many offers (of `offers`) point to each and whether each is `who`'s
/// to confirm now.
pub(super) fn rows(activities: Vec<ActivityRecord>, offers: &[AdminOfferRow], who: Option<&Principal>) -> Vec<Row> {
    let (today, counts) = (api::today(), offers_leading_to(offers));
    activities
        .into_iter()
        .map(|a| {
            let mine = who.is_some_and(|p| a.may_be_changed_by(p));
            Row { led: counts.get(a.id.as_str()).copied().unwrap_or(0), mine, due: mine && a.due(&today), activity: a }
        })
        .collect()
}

/// The steward's name, or "the region only".
fn steward_name(a: &ActivityRecord, providers: &[ProviderRecord], l: Lang) -> String {
    match &a.steward_provider_id {
        None => t::STEWARD_NONE.get(l).to_owned(),
        Some(id) => providers.iter().find(|p| p.id == *id).map_or(id.clone(), |p| p.name.clone()),
    }
}

type Loaded = (Vec<ActivityRecord>, Vec<AdminOfferRow>, Vec<AssociationRecord>, Vec<ProviderRecord>);

#[component]
pub fn ActivitiesPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    let l = lang();
    ui::page_setup(t::ACTIVITIES_H1.get(l), h1);
    let session = use_session();
    let (owners, stewards) = (associations(), providers());
    // The activities with their associations, providers and the offers that lead on to them
    // (loading at the same time) for names and counts.
    let offers = LocalResource::new(|| api::get::<Vec<AdminOfferRow>>("/api/v1/admin/offers"));
    let loaded = LocalResource::new(move || async move {
        let rows = api::get::<Vec<ActivityRecord>>("/api/v1/admin/activities").await?;
        Ok::<_, ApiError>((rows, offers.await?, owners.await, stewards.await))
    });
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| ActivityFilter::from_query(|k| q.get(k))));
    let navigate = use_navigate();
    let go = Callback::new(move |next: ActivityFilter| navigate(&next.href(), Default::default()));
    let table = move |(activities, offers, owners, stewards): Loaded| {
        if activities.is_empty() {
            return view! { <p>{td::NONE_YET.get(l)}</p> }.into_any();
        }
        let mut rows = rows(activities, &offers, session.get_untracked().as_ref());
        rows.sort_by(|x, y| (&x.activity.place.city, &x.activity.name).cmp(&(&y.activity.place.city, &y.activity.name)));
        let (unled, due) = (rows.iter().filter(|r| r.unled()).count(), rows.iter().filter(|r| r.due).count());
        let owner = move |id: &str| owners.iter().find(|a| a.id == id).map_or(id.to_owned(), |a| a.name.clone());
        let shown = move || {
            let f = filter.get();
            let cells = |r: &Row| {
                let a = &r.activity;
                let led = if r.led == 0 { t::LED_NONE.get(l).to_owned() } else { r.led.to_string() };
                let status = if r.due { format!("{} · {}", a.status.label(l), td::DUE_SHORT.get(l)) } else { a.status.label(l).into() };
                (
                    format!("{PATH}/{}", a.id),
                    a.name.clone(),
                    vec![owner(&a.association_id), a.place.city.clone(), led, steward_name(a, &stewards, l), status],
                )
            };
            let rows: Vec<_> = rows.iter().filter(|r| f.keeps(r.unled(), r.due)).map(cells).collect();
            if rows.is_empty() {
                return view! { <p>{t::NONE_MATCH.get(l)}</p> }.into_any();
            }
            let headers = vec![
                td::COL_NAME.get(l),
                t::COL_ASSOCIATION.get(l),
                t::COL_TOWN.get(l),
                t::COL_LED.get(l),
                crate::record_form::label::<ActivityForm>("steward_provider_id", l),
                td::COL_STATUS.get(l),
            ];
            record_table(t::ACTIVITIES_H1.get(l), headers, rows).into_any()
        };
        let choice = move |id: &'static str, label: String, on: fn(ActivityFilter) -> bool, set: fn(&mut ActivityFilter, bool)| {
            view! {
                <div class="field choice">
                    <input id=id class="choice__input" type="checkbox" prop:checked=move || on(filter.get())
                        on:change=move |ev| {
                            let mut next = filter.get_untracked();
                            set(&mut next, event_target_checked(&ev));
                            go.run(next);
                        } />
                    <label class="choice__label" for=id>{label}</label>
                </div>
            }
        };
        view! {
            <fieldset class="filters">
                <legend class="visually-hidden">{t::FILTERS.get(l)}</legend>
                {choice("only-unled", t::only_unled(unled, l), |f| f.unled, |f, on| f.unled = on)}
                {choice("only-due", t::only_due(due, l), |f| f.due, |f, on| f.due = on)}
            </fieldset>
            {shown}
        }
        .into_any()
    };
    view! {
        <h1 node_ref=h1 tabindex="-1">{t::ACTIVITIES_H1.get(l)}</h1>
        <p>{t::ACTIVITIES_INTRO.get(l)}</p>
        {move || session.with(is_region_admin).then(|| view! { <p><A href=format!("{PATH}/ny") attr:class="button">{t::NEW_ACTIVITY.get(l)}</A></p> })}
        {ui::suspense(loaded, table)}
    }
}
