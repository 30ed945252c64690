//! `/admin/daekning`: where the six required interventions (or, through the package lens, a
//! kronikerpakke's components) are missing. A matrix of municipalities (or, drilled down,
//! postcodes) × columns with gaps marked by text and icon, choosers for the lens, region and
//! distance, a bar chart of gaps per column and a CSV export. Everything chosen is in the address.

use super::coverage_report::{PackageReport, Report};
use crate::api;
use crate::chart::{self, CoverageView};
use crate::download::{dated_name, DownloadButton};
use crate::session::use_session;
use crate::texts::coverage as t;
use crate::ui;
use crate::ui::lang;
use forebyg_shared::auth::Role;
use forebyg_shared::coverage::CoverageReport;
use forebyg_shared::package::PackageRecord;
use forebyg_shared::package_coverage::PackageCoverageReport;
use forebyg_shared::taxonomy::RegionCode;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// The report of either lens.
#[derive(Clone)]
enum Loaded {
    Six(CoverageReport),
    Package(PackageCoverageReport),
}

#[component]
pub fn CoveragePage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    ui::page_setup(t::H1.get(lang()), h1);
    let query = use_query_map();
    let session = use_session();
    let navigate = use_navigate();
    let view = Memo::new(move |_| query.with(|q| CoverageView::from_query(|k| q.get(k))));
    // A municipality chosen or left (a link whose row then goes): the focus goes to the page's
    // heading, as on arriving at a page, not to the page's body.
    Effect::new(move |before: Option<Option<String>>| {
        let now = view.with(|v| v.municipality.clone());
        if before.is_some_and(|b| b != now) {
            if let Some(h) = h1.get_untracked() {
                let _ = h.focus();
            }
        }
        now
    });

    // Only a national admin names the region (a memo: the session arriving does not refetch).
    let national = Memo::new(move |_| session.with(|s| s.as_ref().is_some_and(|p| p.role == Role::NationalAdmin)));
    let url = Memo::new(move |_| view.get().api_url(false, national.get()));
    // Each answer carries the choices it was asked for, so a report is never drawn with the next
    // address's choices while that one loads.
    let report = LocalResource::new(move || {
        let url = url.get();
        let asked = view.get_untracked();
        async move {
            let r = if asked.package.is_some() {
                api::get::<PackageCoverageReport>(&url).await.map(Loaded::Package)
            } else {
                api::get::<CoverageReport>(&url).await.map(Loaded::Six)
            };
            r.map(|r| (asked, r))
        }
    });
    let packages = LocalResource::new(|| async { api::get::<Vec<PackageRecord>>("/api/v1/packages").await.unwrap_or_default() });
    let go = move |next: CoverageView| {
        navigate(&next.href(), Default::default());
    };
    let go_km = go.clone();
    let go_region = go.clone();
    let csv_url = Callback::new(move |_| view.with_untracked(|v| v.api_url(true, national.get_untracked())));
    let csv_name = Callback::new(move |_| {
        // A drill-down's file names its municipality (a folder of exports stays readable).
        let stem = view.with_untracked(|v| {
            let lens = v.package.as_ref().map(|p| format!("forebyg-pakkedaekning-{p}")).unwrap_or_else(|| "forebyg-daekning".into());
            match &v.municipality {
                Some(m) => format!("{lens}-{m}"),
                None => lens,
            }
        });
        dated_name(&stem, "csv")
    });
    let lens_options = move |listed: Vec<PackageRecord>| {
        listed
            .into_iter()
            .map(|p| {
                let code = p.code.clone();
                view! { <option value=p.code.clone() prop:selected=move || view.with(|v| v.package.as_deref() == Some(code.as_str()))>{p.name.get(lang()).to_owned()}</option> }
            })
            .collect_view()
    };

    view! {
        <h1 node_ref=h1 tabindex="-1">{t::H1.get(lang())}</h1>
        <p class="hint">{move || view.with(|v| if v.package.is_some() { t::INTRO_PACKAGE } else { t::INTRO }).get(lang())}</p>
        <div class="filters">
            <div class="field">
                <label class="field__label" for="coverage-lens">{t::LENS.get(lang())}</label>
                <select id="coverage-lens" class="select" on:change=move |ev| { let v = event_target_value(&ev); go(view.get_untracked().with_package((!v.is_empty()).then_some(v.as_str()))) }>
                    <option value="" prop:selected=move || view.with(|v| v.package.is_none())>{t::LENS_SIX.get(lang())}</option>
                    <optgroup label=t::PACKAGES.get(lang())>{ui::when_loaded(packages, lens_options)}</optgroup>
                </select>
            </div>
            <Show when=move || national.get()>
                <div class="field">
                    <label class="field__label" for="coverage-region">{t::REGION.get(lang())}</label>
                    <select id="coverage-region" class="select" on:change={let go = go_region.clone(); move |ev| go(view.get_untracked().with_region(RegionCode::from_code(&event_target_value(&ev))))}>
                        {RegionCode::ALL.iter().map(|&r| view! {
                            <option value=r.code() prop:selected=move || view.with(|v| v.region.unwrap_or(RegionCode::Midtjylland) == r)>{r.label(lang())}</option>
                        }).collect_view()}
                    </select>
                </div>
            </Show>
            <div class="field">
                <label class="field__label" for="coverage-km">{t::DISTANCE.get(lang())}</label>
                <select id="coverage-km" class="select" on:change=move |ev| go_km(view.get_untracked().with_km(&event_target_value(&ev)))>
                    {chart::DISTANCES.iter().map(|&d| view! { <option value=d prop:selected=move || view.with(|v| v.max_km == d)>{format!("{d} km")}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <DownloadButton label=t::GET_CSV mime="text/csv" url=csv_url name=csv_name />
            </div>
        </div>
        {move || view.with(|v| v.municipality.is_some().then(|| view! { <p><a href=v.with_municipality(None).href()>{t::BACK.get(lang())}</a></p> }))}
        // Other choices keep the last report in place until the new one is in.
        {ui::transition(report, |(asked, r)| match r {
            Loaded::Six(r) => view! { <Report report=r view=asked /> }.into_any(),
            Loaded::Package(r) => view! { <PackageReport report=r view=asked /> }.into_any(),
        })}
    }
}
