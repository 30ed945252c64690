//! `/admin/daekning`: where the six required interventions are missing. A matrix of
//! municipalities (or, drilled down, postcodes) × interventions with gaps marked by text and
//! icon, a distance chooser, a bar chart of gaps per intervention and a CSV export.

use crate::api;
use crate::chart::{self, Bar};
use crate::session::use_session;
use crate::texts::coverage as t;
use crate::ui::lang;
use crate::ui::{self, Failed, Loading};
use forebyg_shared::auth::Role;
use forebyg_shared::coverage::CoverageReport;
use forebyg_shared::taxonomy::RegionCode;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn CoveragePage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    ui::page_setup(t::H1.get(lang()), h1);
    let query = use_query_map();
    let session = use_session();
    let navigate = use_navigate();
    let max_km =
        Memo::new(move |_| query.with(|q| q.get("max_km").filter(|v| chart::DISTANCES.contains(&v.as_str())).unwrap_or_else(|| "15".into())));
    let municipality = Memo::new(move |_| query.with(|q| q.get("kommune")));
    let region = Memo::new(move |_| query.with(|q| q.get("region")));
    let csv_link = RwSignal::new(None::<String>);

    // Only a national admin names the region (a memo: the session arriving does not refetch).
    let national = Memo::new(move |_| session.with(|s| s.as_ref().is_some_and(|p| p.role == Role::NationalAdmin)));
    let url = Memo::new(move |_| {
        let mut url = chart::coverage_url(false, &max_km.get(), municipality.get().as_deref());
        if national.get() {
            url.push_str(&format!("&region={}", region.get().unwrap_or_else(|| RegionCode::Midtjylland.code().into())));
        }
        url
    });
    let report = LocalResource::new(move || {
        let url = url.get();
        async move {
            let r = api::get::<CoverageReport>(&url).await;
            (url, r)
        }
    });
    let choose = move |ev: leptos::ev::Event| {
        csv_link.set(None);
        navigate(&chart::coverage_href(&event_target_value(&ev), municipality.get_untracked().as_deref()), Default::default());
    };
    let prepare_csv = move |_| {
        let url = chart::coverage_url(true, &max_km.get_untracked(), municipality.get_untracked().as_deref());
        leptos::task::spawn_local(async move {
            if let Ok(text) = api::get_text(&url).await {
                csv_link.set(Some(ui::data_url("text/csv", &text)));
                ui::focus_soon("coverage-csv");
            }
        });
    };

    view! {
        <h1 node_ref=h1 tabindex="-1">{t::H1.get(lang())}</h1>
        <p class="hint">{t::INTRO.get(lang())}</p>
        <div class="filters">
            <div class="field">
                <label class="field__label" for="coverage-km">{t::DISTANCE.get(lang())}</label>
                <select id="coverage-km" class="select" on:change=choose>
                    {chart::DISTANCES.iter().map(|&d| view! { <option value=d selected=move || max_km.get() == d>{format!("{d} km")}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <button type="button" class="button button--secondary" on:click=prepare_csv>{t::GET_CSV.get(lang())}</button>
                {move || csv_link.get().map(|href| view! { " "<a id="coverage-csv" href=href download="forebyg-daekning.csv">{t::SAVE_CSV.get(lang())}</a> })}
            </div>
        </div>
        {move || municipality.get().map(|_| view! { <p><a href=chart::coverage_href(&max_km.get(), None)>{t::BACK.get(lang())}</a></p> })}
        // The resource keeps its last value while it reloads: show it only for the current address.
        {move || match report.get() {
            Some((key, r)) if key == url.get() => match r {
                Err(e) => view! { <Failed error=e /> }.into_any(),
                Ok(r) => view! { <Report report=r drill=municipality.get().is_none() /> }.into_any(),
            },
            _ => view! { <Loading /> }.into_any(),
        }}
    }
}

#[component]
fn Report(report: CoverageReport, drill: bool) -> impl IntoView {
    let km = format!("{}", report.max_km);
    let bars = chart::gap_bars(&report);
    let place_word = if drill { t::MUNICIPALITIES.get(lang()) } else { t::POSTCODES.get(lang()) };
    let summary = t::summary(report.gaps, report.region.label(lang()), &km, lang());
    let heads = report.categories.iter().map(|c| view! { <th scope="col">{c.label(ui::lang())}</th> }).collect_view();
    let km2 = km.clone();
    let rows = report
        .rows
        .iter()
        .map(|row| {
            let name = if drill {
                view! { <a href=chart::coverage_href(&km2, Some(&row.code))>{row.name.clone()}</a> }.into_any()
            } else {
                view! { <span>{format!("{} {}", row.code, row.name)}</span> }.into_any()
            };
            let cells = row
                .cells
                .iter()
                .map(|c| {
                    let near = c.nearest_km.map(|d| t::nearest(&forebyg_app::format::decimal1(d, lang()), lang())).unwrap_or_else(|| t::NO_OFFER.get(lang()).into());
                    if c.is_gap() {
                        view! { <td class="cell--gap"><span aria-hidden="true">"✕ "</span><strong>{t::GAP.get(lang())}</strong><br/><span class="small">{near}</span></td> }.into_any()
                    } else {
                        view! { <td class="cell--ok"><span aria-hidden="true">"✓ "</span>{t::within(c.within, lang())}<br/><span class="small">{near}</span></td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{name}</th>{cells}</tr> }
        })
        .collect_view();
    let digital = report.digital.iter().map(|d| view! { <li>{d.category.label(ui::lang())}": "{d.offers}</li> }).collect_view();
    view! {
        <p role="status" id="coverage-summary"><strong>{summary}</strong></p>
        <h2 id="chart-title">{t::GAPS_H2.get(lang())}</h2>
        <GapChart bars=bars place_word=place_word />
        <h2>{if drill { t::MUNICIPALITIES_H2.get(lang()) } else { t::POSTCODES_H2.get(lang()) }}</h2>
        {drill.then(|| view! { <p class="hint">{t::DRILL_HINT.get(lang())}</p> })}
        <div class="table-wrap" role="region" aria-labelledby="coverage-caption" tabindex="0">
            <table class="admin-table coverage-table">
                <caption id="coverage-caption">{t::caption(&km, lang())}</caption>
                <thead><tr><th scope="col">{if drill { t::MUNICIPALITY.get(lang()) } else { t::POSTCODE.get(lang()) }}</th>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <h2>{t::DIGITAL_H2.get(lang())}</h2>
        <p class="hint">{t::DIGITAL_HINT.get(lang())}</p>
        <ul>{digital}</ul>
    }
}

/// Horizontal bars: how many places lack each intervention. The numbers are written next to
/// the bars, and the same data is in the table below.
#[component]
fn GapChart(bars: Vec<Bar>, place_word: &'static str) -> impl IntoView {
    let row_h = 34.0;
    let label_w = 230.0;
    let bar_w = 300.0;
    let height = row_h * bars.len() as f64 + 8.0;
    let desc =
        bars.iter().map(|b| format!("{}: {} {place_word}", b.category.label(lang()), t::of(b.gaps, b.places, lang()))).collect::<Vec<_>>().join("; ");
    let items = bars
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let y = 4.0 + i as f64 * row_h;
            let w = (b.width_pct / 100.0 * bar_w).max(if b.gaps > 0 { 2.0 } else { 0.0 });
            view! {
                <g>
                    <text x="0" y=format!("{}", y + 21.0) class="chart__label">{b.category.label(ui::lang())}</text>
                    <rect x=format!("{label_w}") y=format!("{}", y + 6.0) width=format!("{w:.1}") height="20" class="chart__bar"></rect>
                    <text x=format!("{}", label_w + w + 6.0) y=format!("{}", y + 21.0) class="chart__value">{t::of(b.gaps, b.places, lang())}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg role="img" aria-labelledby="chart-svg-title chart-svg-desc" viewBox=format!("0 0 {} {height}", label_w + bar_w + 80.0) width="100%" preserveAspectRatio="xMinYMin meet">
                <title id="chart-svg-title">{t::GAPS_H2.get(lang())}</title>
                <desc id="chart-svg-desc">{desc}</desc>
                {items}
            </svg>
            <figcaption class="hint">{t::chart_caption(place_word, lang())}</figcaption>
        </figure>
    }
}
