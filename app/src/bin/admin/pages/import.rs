//! `/admin/import`: CSV export and import of offers (dry run first, then apply, all or
//! nothing) and the public HSDS export links.

use crate::api;
use crate::app::use_session;
use crate::ui::{self, Failed};
use forebyg_app::api::ApiError;
use forebyg_shared::bulk::ImportReport;
use leptos::html::H1;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn ImportPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    ui::page_setup("Import og eksport", h1);
    let session = use_session();
    let file_text = RwSignal::new(None::<(String, String)>);
    let report = RwSignal::new(None::<ImportReport>);
    let applied = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let export_link = RwSignal::new(None::<String>);

    let choose = move |ev: leptos::ev::Event| {
        report.set(None);
        applied.set(false);
        failure.set(None);
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            file_text.set(None);
            return;
        };
        let name = file.name();
        leptos::task::spawn_local(async move {
            if let Ok(v) = wasm_bindgen_futures::JsFuture::from(file.text()).await {
                file_text.set(Some((name, v.as_string().unwrap_or_default())));
            }
        });
    };
    let run = move |dry_run: bool| {
        move |_| {
            let Some((_, text)) = file_text.get_untracked() else { return };
            busy.set(true);
            failure.set(None);
            leptos::task::spawn_local(async move {
                match api::post_csv::<ImportReport>(&format!("/api/v1/admin/offers/import?dry_run={dry_run}"), text).await {
                    Ok((status, r)) => {
                        applied.set(!dry_run && (200..300).contains(&status));
                        report.set(Some(r));
                        ui::focus_soon("import-report-title");
                    }
                    Err(e) => failure.set(Some(e)),
                }
                busy.set(false);
            });
        }
    };
    let export = move |_| {
        leptos::task::spawn_local(async move {
            match api::get_text("/api/v1/admin/offers.csv").await {
                Ok(text) => {
                    export_link.set(Some(ui::data_url("text/csv", &text)));
                    ui::focus_soon("export-link");
                }
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    let region = move || session.with(|s| s.as_ref().and_then(|p| p.region)).map(|r| r.code().to_owned());
    let hsds = move |path: &'static str| match region() {
        Some(r) => format!("/api/v1/hsds/{path}?region={r}"),
        None => format!("/api/v1/hsds/{path}"),
    };

    view! {
        <h1 node_ref=h1 tabindex="-1">"Import og eksport"</h1>
        <h2>"Eksportér tilbud som CSV"</h2>
        <p>"Alle dine tilbud i alle statusser, semikolonsepareret, til regneark. Ret i filen, og importér den igen."</p>
        <p>
            <button type="button" class="button button--secondary" on:click=export>"Hent CSV-fil med tilbud"</button>
            {move || export_link.get().map(|href| view! { " "<a id="export-link" href=href download="forebyg-tilbud.csv">"Gem filen forebyg-tilbud.csv"</a> })}
        </p>
        <h2>"Importér tilbud fra CSV"</h2>
        <p>"Rækker uden id opretter nye tilbud; rækker med id og version opdaterer tilbuddet. Tjek filen først: intet gemmes, før du trykker »Anvend«, og med fejl i en række gemmes ingen."</p>
        <div class="field">
            <label class="field__label" for="import-file">"CSV-fil"</label>
            <input id="import-file" class="input" type="file" accept=".csv,text/csv" on:change=choose />
        </div>
        <div class="actions">
            <button type="button" class="button" disabled=move || busy.get() || file_text.get().is_none() on:click=run(true)>"Tjek filen"</button>
            <button type="button" class="button button--secondary" disabled=move || busy.get() || !report.get().is_some_and(|r| r.dry_run && r.is_ok()) on:click=run(false)>"Anvend"</button>
        </div>
        {move || failure.get().map(|e| view! { <Failed error=e /> })}
        {move || report.get().map(|r| view! { <Report report=r applied=applied.get() /> })}
        <h2>"Åbne data (HSDS)"</h2>
        <p>"Offentliggjorte tilbud i Open Referral HSDS 3-format (JSON), til andre systemer. Kræver ikke login."</p>
        <ul>
            <li><a href=move || hsds("services")>"Tilbud (services)"</a></li>
            <li><a href=move || hsds("organizations")>"Udbydere (organizations)"</a></li>
            <li><a href=move || hsds("locations")>"Steder (locations)"</a></li>
            <li><a href=move || hsds("service_at_locations")>"Tilbud pr. sted (service_at_locations)"</a></li>
            <li><a href="/api/v1/hsds/taxonomies">"Taksonomier (taxonomies)"</a></li>
        </ul>
    }
}

#[component]
fn Report(report: ImportReport, applied: bool) -> impl IntoView {
    let title = if applied {
        "Importen er gennemført"
    } else if report.dry_run {
        "Resultat af tjek"
    } else {
        "Importen blev ikke gennemført"
    };
    let outcome = if report.is_ok() {
        if applied {
            format!("{} rækker: {} oprettet, {} opdateret, {} uændret.", report.rows, report.created, report.updated, report.unchanged)
        } else {
            format!(
                "{} rækker uden fejl: {} oprettes, {} opdateres, {} er uændret. Tryk »Anvend« for at gemme.",
                report.rows, report.created, report.updated, report.unchanged
            )
        }
    } else {
        format!("{} rækker, {} fejl. Ret filen, og tjek den igen: intet er gemt.", report.rows, report.errors.len())
    };
    let errors = report.errors.clone();
    view! {
        <section class="import-report" aria-labelledby="import-report-title">
            <h2 id="import-report-title" tabindex="-1">{title}</h2>
            <p role="status">{outcome}</p>
            {(!errors.is_empty()).then(|| view! {
                <div class="table-wrap" role="region" aria-labelledby="import-errors-caption" tabindex="0">
                    <table class="admin-table">
                        <caption id="import-errors-caption">"Fejl i filen"</caption>
                        <thead><tr><th scope="col">"Række"</th><th scope="col">"Kolonne"</th><th scope="col">"Fejl"</th></tr></thead>
                        <tbody>
                            {errors.into_iter().map(|e| view! {
                                <tr><th scope="row">{e.row}</th><td>{e.field}</td><td>{e.message.da}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
        </section>
    }
}
