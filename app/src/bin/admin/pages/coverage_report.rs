//! The coverage page's report, for either lens: a summary, a bar chart of gaps per column and
//! the places × columns table. Both lenses are turned into one [`Matrix`] so the table, the chart
//! and their accessibility are written once.

use crate::chart::{self, Bar, CoverageView};
use crate::form;
use crate::texts::coverage as t;
use crate::ui::lang;
use forebyg_shared::coverage::CoverageReport;
use forebyg_shared::package::PackageStatus;
use forebyg_shared::package_coverage::PackageCoverageReport;
use leptos::prelude::*;

/// One cell: `gap` names the gap (`None`: covered), with the count, the nearest distance, the
/// postcodes without an offer and of those the ones on an island with none on it.
struct Cell {
    gap: Option<String>,
    within: u32,
    nearest_km: Option<f64>,
    /// The nearest offer, to open from the cell (what is there, who runs it, and whether it
    /// could reach further).
    nearest_offer_id: Option<String>,
    postcodes_without: u32,
    across_water: u32,
    across_water_km: Option<f64>,
    /// The new-offer form for the gap's intervention and place (the six interventions' gaps).
    create: Option<String>,
}

/// One place (municipality or postcode), how many postcodes it is measured from and its cells in
/// column order.
struct Row {
    code: String,
    name: String,
    postcodes: u32,
    cells: Vec<Cell>,
}

impl Row {
    fn new(code: &str, name: &str, postcodes: u32, cells: impl Iterator<Item = Cell>) -> Self {
        Self { code: code.to_owned(), name: name.to_owned(), postcodes, cells: cells.collect() }
    }
}

/// Where the report's gaps are: the region, or the drilled-down municipality in it.
fn place(region: forebyg_shared::taxonomy::RegionCode, view: &CoverageView) -> String {
    let municipality = view.municipality.as_deref().and_then(crate::offers_query::municipality_name);
    t::place(region.label(lang()), municipality)
}

/// The six required interventions.
#[component]
pub fn Report(report: CoverageReport, view: CoverageView) -> impl IntoView {
    let km = format!("{}", report.max_km);
    let postcode_gaps = view.municipality.is_none().then(|| report.rows.iter().flat_map(|r| &r.cells).map(|c| c.postcodes_without).sum());
    let summary = t::summary(report.gaps, postcode_gaps, &place(report.region, &view), &km, lang());
    let heads = report.categories.iter().map(|c| c.label(lang()).to_owned()).collect();
    let cell = |c: &forebyg_shared::coverage::CoverageCell| Cell {
        gap: c.is_gap().then(|| t::GAP.get(lang()).to_owned()),
        within: c.within,
        nearest_km: c.nearest_km,
        nearest_offer_id: c.nearest_offer_id.clone(),
        postcodes_without: c.postcodes_without,
        across_water: c.postcodes_across_water,
        across_water_km: c.nearest_across_water_km,
        create: None,
    };
    // A gap's cell offers to create the missing offer there: in the municipality (of the
    // postcode, in a municipality's own table).
    let create = |row: &forebyg_shared::coverage::CoverageRow, j: usize| {
        let (municipality, postcode) = match &view.municipality {
            None => (row.code.as_str(), None),
            Some(m) => (m.as_str(), Some(row.code.as_str())),
        };
        report.categories.get(j).map(|&category| form::new_offer_href(category, report.region, municipality, postcode, &view.href()))
    };
    let rows = report
        .rows
        .iter()
        .map(|r| {
            let cells = r.cells.iter().enumerate().map(|(j, c)| Cell { create: c.is_gap().then(|| create(r, j)).flatten(), ..cell(c) });
            Row::new(&r.code, &r.name, r.postcodes, cells)
        })
        .collect();
    let digital = report.digital.iter().map(|d| view! { <li>{d.category.label(lang())}": "{d.offers}</li> }).collect_view();
    view! {
        <p role="status" id="coverage-summary"><strong>{summary}</strong></p>
        <Matrix heads rows bars=chart::gap_bars(&report, lang()) view km chart_title=t::GAPS_H2.get(lang()) />
        <h2>{t::DIGITAL_H2.get(lang())}</h2>
        <p class="hint">{t::DIGITAL_HINT.get(lang())}</p>
        <ul>{digital}</ul>
    }
}

/// A kronikerpakke's components, with the year each gap starts.
#[component]
pub fn PackageReport(report: PackageCoverageReport, view: CoverageView) -> impl IntoView {
    let km = format!("{}", report.max_km);
    let summary = t::package_summary(report.gaps, report.package_name.get(lang()), &place(report.region, &view), report.from_year, &km, lang());
    // Components assumed until Sundhedsstyrelsen publishes the framework say so, and why.
    let provisional = report.components.iter().any(|c| c.placeholder);
    let heads = report
        .components
        .iter()
        .map(|c| if c.placeholder { format!("{} ({})", c.name.get(lang()), t::PLACEHOLDER.get(lang())) } else { c.name.get(lang()).to_owned() })
        .collect();
    let cell = |c: &forebyg_shared::package_coverage::PackageCell| Cell {
        gap: c.gap_from_year.map(|y| t::gap_from(y, lang())),
        within: c.within,
        nearest_km: c.nearest_km,
        nearest_offer_id: c.nearest_offer_id.clone(),
        postcodes_without: c.postcodes_without,
        across_water: c.postcodes_across_water,
        across_water_km: c.nearest_across_water_km,
        create: None,
    };
    // A gap's cell offers to create an offer delivering the component there, as the six
    // interventions' table does (a component any intervention may deliver: the admin picks one).
    let create = |row: &forebyg_shared::package_coverage::PackageRow, j: usize| {
        let (municipality, postcode) = match &view.municipality {
            None => (row.code.as_str(), None),
            Some(m) => (m.as_str(), Some(row.code.as_str())),
        };
        let component = report.components.get(j)?;
        let category = component.category?;
        Some(form::package_gap_href(category, &report.package, &component.code, report.region, municipality, postcode, &view.href()))
    };
    let rows = report
        .rows
        .iter()
        .map(|r| {
            let cells = r.cells.iter().enumerate().map(|(j, c)| Cell { create: c.gap_from_year.and_then(|_| create(r, j)), ..cell(c) });
            Row::new(&r.code, &r.name, r.postcodes, cells)
        })
        .collect();
    view! {
        <p role="status" id="coverage-summary"><strong>{summary}</strong></p>
        {(report.status == PackageStatus::Draft).then(|| view! { <p class="notice">{t::DRAFT.get(lang())}</p> })}
        {provisional.then(|| view! { <p class="hint">{t::PLACEHOLDER_NOTE.get(lang())}</p> })}
        <Matrix heads rows bars=chart::package_gap_bars(&report, lang()) view km chart_title=t::COMPONENTS_H2.get(lang()) />
    }
}

/// The chart and the table. `view.municipality` absent: rows are municipalities that drill down.
#[component]
fn Matrix(heads: Vec<String>, rows: Vec<Row>, bars: Vec<Bar>, view: CoverageView, km: String, chart_title: &'static str) -> impl IntoView {
    let drill = view.municipality.is_none();
    let place_word = if drill { t::MUNICIPALITIES.get(lang()) } else { t::POSTCODES.get(lang()) };
    let per_component = view.package.is_some();
    // Gaps on islands without a fixed link are said under the summary, before the chart counts
    // them: how many are only there, and what closes them.
    let cells = || rows.iter().flat_map(|r| &r.cells);
    let islands = cells().any(|c| c.across_water > 0);
    let islands_only = cells().filter(|c| c.gap.is_some() && c.across_water > 0 && c.across_water == c.postcodes_without).count();
    // In the report's order: municipalities by name in Danish order, postcodes by code.
    let heads_text = heads.clone();
    let heads = heads.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view();
    let rows = rows
        .into_iter()
        .map(|row| {
            let postcodes = row.postcodes;
            let row_label = if drill { row.name.clone() } else { format!("{} {}", row.code, row.name) };
            let name = if drill {
                view! { <a href=view.with_municipality(Some(&row.code)).href()>{row.name}</a> }.into_any()
            } else {
                view! { <span>{format!("{} {}", row.code, row.name)}</span> }.into_any()
            };
            let cells = row
                .cells
                .into_iter()
                .enumerate()
                .map(|(col, c)| {
                    // Measured from several postcodes: the farthest distance, the fewest offers.
                    let several = drill && postcodes > 1;
                    let km = |d: f64| forebyg_app::format::decimal1(d, lang());
                    // The distance on the place's own side of the water; a crossing is said apart.
                    let near = match (c.nearest_km, c.across_water_km) {
                        (Some(d), _) => Some(t::nearest(&km(d), several, lang())),
                        (None, Some(d)) if !several => {
                            Some(format!("{} {}", t::nearest(&km(d), false, lang()), forebyg_app::i18n::ACROSS_WATER.get(lang())))
                        }
                        (None, Some(_)) => None,
                        (None, None) => Some(t::NO_OFFER.get(lang()).into()),
                    };
                    // On this side of the water, the distance opens the nearest offer.
                    let near = match (near, c.nearest_offer_id.filter(|_| c.nearest_km.is_some())) {
                        (Some(n), Some(id)) => Some(
                            view! { <br/><span class="small"><a href=format!("/admin/tilbud/{}", forebyg_app::query::encode(&id))>{n}</a></span> }
                                .into_any(),
                        ),
                        (Some(n), None) => Some(view! { <br/><span class="small">{n}</span> }.into_any()),
                        (None, _) => None,
                    };
                    // A municipality's gap says how many of its postcodes lack the column, and
                    // how many of those are on islands with none on them, how far across.
                    let on_islands = c
                        .across_water_km
                        .filter(|_| several)
                        .map(|d| view! { <br/><span class="small">{t::on_islands(c.across_water, &km(d), lang())}</span> });
                    let without = drill.then(
                        || view! { <br/><span class="small">{t::postcodes_without(c.postcodes_without, postcodes, lang())}</span>{on_islands} },
                    );
                    // Named in full: a screen reader's list of links has no table around it.
                    let create = c.create.map(|href| {
                        let name = format!("{}: {}, {row_label}", t::CREATE_HERE.get(lang()), heads_text.get(col).map_or("", String::as_str));
                        view! { <br/><span class="small"><a href=href aria-label=name>{t::CREATE_HERE.get(lang())}</a></span> }
                    });
                    match c.gap {
                        Some(gap) => {
                            view! { <td class="cell--gap"><span aria-hidden="true">"✕ "</span><strong>{gap}</strong>{without}{near}{create}</td> }
                                .into_any()
                        }
                        None => view! { <td class="cell--ok"><span aria-hidden="true">"✓ "</span>{t::covered(c.within, several, lang())}{near}</td> }
                            .into_any(),
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{name}</th>{cells}</tr> }
        })
        .collect_view();
    let places_h2 = match (drill, per_component) {
        (true, false) => t::MUNICIPALITIES_H2.get(lang()),
        (false, false) => t::POSTCODES_H2.get(lang()),
        (true, true) => t::MUNICIPALITIES_COMPONENTS_H2.get(lang()),
        (false, true) => t::POSTCODES_COMPONENTS_H2.get(lang()),
    };
    view! {
        {islands.then(|| view! { <p class="hint" id="coverage-islands">{t::islands_only(islands_only, lang())}{t::ISLAND_HINT.get(lang())}</p> })}
        <h2 id="chart-title">{chart_title}</h2>
        <GapChart bars place_word title=chart_title caption=t::chart_caption(place_word, drill, per_component, lang()) />
        <h2>{places_h2}</h2>
        {drill.then(|| view! { <p class="hint">{t::DRILL_HINT.get(lang())}</p> })}
        <div class="table-wrap table-wrap--both" role="region" aria-labelledby="coverage-caption" tabindex="0">
            <table class="admin-table coverage-table">
                <caption id="coverage-caption">{t::caption(&km, lang())}</caption>
                <thead><tr><th scope="col">{if drill { t::MUNICIPALITY.get(lang()) } else { t::POSTCODE.get(lang()) }}</th>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// Horizontal bars, each under its label: how many places lack each column. The numbers are
/// written next to the bars, and the same data is in the table below. Drawn 360 units wide and
/// shown at most 360 px wide (admin.css), so the text stays at about 14 px on a phone too (labels
/// beside the bars needed 610 units, scaled to 8 px text at 390 px).
#[component]
fn GapChart(bars: Vec<Bar>, place_word: &'static str, title: &'static str, caption: String) -> impl IntoView {
    let row_h = 50.0;
    let width = 360.0;
    let bar_w = 270.0;
    let height = row_h * bars.len() as f64 + 4.0;
    let desc = bars.iter().map(|b| format!("{}: {} {place_word}", b.label, t::of(b.gaps, b.places, lang()))).collect::<Vec<_>>().join("; ");
    let items = bars
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let y = i as f64 * row_h;
            let w = (b.width_pct / 100.0 * bar_w).max(if b.gaps > 0 { 2.0 } else { 0.0 });
            view! {
                <g>
                    <text x="0" y=format!("{}", y + 16.0) class="chart__label">{b.label}</text>
                    <rect x="0" y=format!("{}", y + 22.0) width=format!("{w:.1}") height="18" class="chart__bar"></rect>
                    <text x=format!("{}", w + 6.0) y=format!("{}", y + 36.0) class="chart__value">{t::of(b.gaps, b.places, lang())}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg role="img" aria-labelledby="chart-svg-title chart-svg-desc" viewBox=format!("0 0 {width} {height}") width="100%" preserveAspectRatio="xMinYMin meet">
                <title id="chart-svg-title">{title}</title>
                <desc id="chart-svg-desc">{desc}</desc>
                {items}
            </svg>
            <figcaption class="hint">{caption}</figcaption>
        </figure>
    }
}
