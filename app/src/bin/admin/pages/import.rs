//! `/admin/import`: CSV export and import of offers (dry run first, then apply, all or
//! nothing) and the public HSDS export links.

use crate::api;
use crate::download::{dated_name, DownloadButton};
use crate::session::use_session;
use crate::texts::import as t;
use crate::ui::lang;
use crate::ui::{self, Failed};
use forebyg_app::api::ApiError;
use forebyg_shared::bulk::ImportReport;
use leptos::html::H1;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn ImportPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    ui::page_setup(t::H1.get(lang()), h1);
    let session = use_session();
    // The chosen file's bytes, as they are: the API reads their encoding (a browser's text()
    // would turn a Windows-1252 file's æ, ø and å into replacement characters).
    let file_bytes = RwSignal::new(None::<Vec<u8>>);
    let report = RwSignal::new(None::<ImportReport>);
    let applied = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    // New offers arrive as drafts unless the admin chooses to publish them in this import.
    let publish_new = RwSignal::new(false);

    let choose = move |ev: leptos::ev::Event| {
        report.set(None);
        applied.set(false);
        failure.set(None);
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            file_bytes.set(None);
            return;
        };
        leptos::task::spawn_local(async move {
            if let Ok(v) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                file_bytes.set(Some(js_sys::Uint8Array::new(&v).to_vec()));
            }
        });
    };
    let run = move |dry_run: bool| {
        move |_| {
            let Some(bytes) = file_bytes.get_untracked() else { return };
            busy.set(true);
            failure.set(None);
            leptos::task::spawn_local(async move {
                let url = format!("/api/v1/admin/offers/import?dry_run={dry_run}&publish_new={}", publish_new.get_untracked());
                match api::post_csv::<ImportReport>(&url, &bytes).await {
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
    let region = move || session.with(|s| s.as_ref().and_then(|p| p.region)).map(|r| r.code().to_owned());
    let hsds = move |path: &'static str| match region() {
        Some(r) => format!("/api/v1/hsds/{path}?region={r}"),
        None => format!("/api/v1/hsds/{path}"),
    };

    view! {
        <h1 node_ref=h1 tabindex="-1">{t::H1.get(lang())}</h1>
        <h2>{t::EXPORT_H2.get(lang())}</h2>
        <p>{t::EXPORT_INTRO.get(lang())}</p>
        <p>
            <DownloadButton label=t::EXPORT_BUTTON mime="text/csv"
                url=Callback::new(|_| "/api/v1/admin/offers.csv".to_owned()) name=Callback::new(|_| dated_name("forebyg-tilbud", "csv")) />
        </p>
        <h2>{t::IMPORT_H2.get(lang())}</h2>
        <p>{t::IMPORT_INTRO.get(lang())}</p>
        <div class="field">
            <label class="field__label" for="import-file">{t::FILE.get(lang())}</label>
            <input id="import-file" class="input" type="file" accept=".csv,text/csv" on:change=choose />
        </div>
        // Another choice needs its own check before "Anvend".
        <fieldset class="field" on:change=move |_| { report.set(None); applied.set(false); }>
            <legend class="field__label">{t::NEW_OFFERS.get(lang())}</legend>
            <div class="choices">
                <div class="choice">
                    <input class="choice__input" type="radio" id="import-new-drafts" name="import-new" prop:checked=move || !publish_new.get() on:change=move |_| publish_new.set(false) />
                    <label class="choice__label" for="import-new-drafts">{t::NEW_AS_DRAFTS.get(lang())}</label>
                </div>
                <div class="choice">
                    <input class="choice__input" type="radio" id="import-new-published" name="import-new" prop:checked=move || publish_new.get() on:change=move |_| publish_new.set(true) />
                    <label class="choice__label" for="import-new-published">{t::NEW_PUBLISHED.get(lang())}</label>
                </div>
            </div>
        </fieldset>
        <div class="actions">
            <button type="button" class="button" disabled=move || busy.get() || file_bytes.with(Option::is_none) on:click=run(true)>{t::CHECK.get(lang())}</button>
            // A checked file that changes nothing has nothing to apply; the report says so.
            <button type="button" class="button button--secondary"
                disabled=move || busy.get() || !report.with(|r| r.as_ref().is_some_and(|r| r.dry_run && r.is_ok() && r.changes_anything()))
                aria-describedby=move || report.with(|r| r.as_ref().and_then(apply_described_by))
                on:click=run(false)>{t::APPLY.get(lang())}</button>
        </div>
        {move || failure.get().map(|e| view! { <Failed error=e /> })}
        {move || report.get().map(|r| view! { <Report report=r applied=applied.get() /> })}
        <h2>{t::HSDS_H2.get(lang())}</h2>
        <p>{t::HSDS_INTRO.get(lang())}</p>
        <ul>
            <li><a rel="external" href=move || hsds("services")>{t::HSDS_SERVICES.get(lang())}</a></li>
            <li><a rel="external" href=move || hsds("organizations")>{t::HSDS_ORGANIZATIONS.get(lang())}</a></li>
            <li><a rel="external" href=move || hsds("locations")>{t::HSDS_LOCATIONS.get(lang())}</a></li>
            <li><a rel="external" href=move || hsds("service_at_locations")>{t::HSDS_SAL.get(lang())}</a></li>
            <li><a rel="external" href="/api/v1/hsds/taxonomies">{t::HSDS_TAXONOMIES.get(lang())}</a></li>
        </ul>
    }
}

/// What "Anvend" is described by after a check: that there is nothing to apply, or the rows that
/// would create an offer a second time.
fn apply_described_by(r: &ImportReport) -> Option<&'static str> {
    match r.dry_run && r.is_ok() {
        true if !r.changes_anything() => Some("import-outcome"),
        true if r.look_alikes() > 0 => Some("import-look-alikes"),
        _ => None,
    }
}

/// An error's column as the table shows it: the file's own name for it, or "(hele filen)" for an
/// error about the whole file (the API's field `file`, no column of the CSV).
fn column(field: &str) -> String {
    if field == "file" {
        t::WHOLE_FILE.get(lang()).to_owned()
    } else {
        field.to_owned()
    }
}

#[component]
fn Report(report: ImportReport, applied: bool) -> impl IntoView {
    let title = if applied {
        t::DONE.get(lang())
    } else if report.dry_run {
        t::CHECKED.get(lang())
    } else {
        t::NOT_DONE.get(lang())
    };
    let outcome = if report.is_ok() {
        if applied {
            t::applied(report.rows, report.created, report.published, report.updated, report.unchanged, lang())
        } else {
            t::checked(report.rows, report.created, report.published, report.updated, report.unchanged, lang())
        }
    } else {
        t::with_errors(report.rows, report.errors.len(), lang())
    };
    // Nothing was read from a file neither encoding reads (its one error says so).
    let unreadable = report.rows == 0 && report.errors.iter().any(|e| e.field == "file");
    let encoding = (!unreadable).then(|| t::encoding(report.encoding, lang()));
    let errors = report.errors.clone();
    let absent = (!report.absent_columns.is_empty()).then(|| t::absent_columns(&report.absent_columns, lang()));
    // Before "Anvend": new rows that would create an offer a second time.
    let look_alikes = report.look_alikes();
    let look_alikes = (report.dry_run && look_alikes > 0).then(|| t::look_alikes(look_alikes, lang()));
    let changes = (!report.changes.is_empty()).then(|| view! { <super::import_changes::ImportChanges changes=report.changes.clone() /> });
    view! {
        <section class="import-report" aria-labelledby="import-report-title">
            <h2 id="import-report-title" tabindex="-1">{title}</h2>
            <p role="status" id="import-outcome">{outcome}</p>
            {encoding.map(|e| view! { <p class="import-encoding">{e}</p> })}
            {absent.map(|a| view! { <p class="import-absent">{a}</p> })}
            {look_alikes.map(|w| view! { <p class="notice" id="import-look-alikes">{w}</p> })}
            {changes}
            {(!errors.is_empty()).then(|| view! {
                <div class="table-wrap" role="region" aria-labelledby="import-errors-caption" tabindex="0">
                    <table class="admin-table">
                        <caption id="import-errors-caption">{t::ERRORS_CAPTION.get(lang())}</caption>
                        <thead><tr><th scope="col">{t::ROW.get(lang())}</th><th scope="col">{t::COLUMN.get(lang())}</th><th scope="col">{t::ERROR.get(lang())}</th></tr></thead>
                        <tbody>
                            {errors.into_iter().map(|e| view! {
                                <tr><th scope="row">{e.row}</th><td>{column(&e.field)}</td><td>{e.message.get(lang()).to_owned()}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
        </section>
    }
}
