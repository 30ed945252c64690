//! CSV import: read every row, check it (cells, `validate_offer`, scope, versions, the provider
//! and location records it names), then write every changed row and every new record in one
//! all-or-nothing batch, or nothing at all.

use super::records::Directory;
use super::{cells, column_of, parse, unguard_formula, COLUMNS};
use crate::admin::audit;
use crate::auth::Admin;
use crate::error::ApiError;
use crate::store::DirectorySaved;
use crate::AppState;
use forebyg_shared::admin::AuditAction;
use forebyg_shared::bulk::{FileEncoding, ImportReport, ImportRowError};
use forebyg_shared::date::copenhagen_date;
use forebyg_shared::offer::Offer;
use forebyg_shared::offer_validation::validate_offer_save;
use forebyg_shared::taxonomy::OfferStatus;
use forebyg_shared::validation::{ErrorCode, FieldError};
use std::collections::HashMap;

/// What one valid row does.
pub(super) enum Plan {
    Create(Offer),
    Update { before: Box<Offer>, after: Offer },
    Unchanged,
}

fn row_error(row: usize, e: FieldError) -> ImportRowError {
    ImportRowError { row, field: e.field, code: e.code, message: e.message }
}

fn file_error(field: &str, code: ErrorCode, da: String, en: String) -> ImportRowError {
    row_error(1, FieldError::new(field, code, da, en))
}

/// The data rows as (spreadsheet row number, cells in [`COLUMNS`] order), and the indexes (in
/// [`COLUMNS`]) of the optional columns the file lacks. Problems with the file itself (its
/// header) go to `errors` on row 1.
fn read(text: &str, errors: &mut Vec<ImportRowError>) -> (Vec<(usize, Vec<String>)>, Vec<usize>) {
    let text = text.strip_prefix(super::BOM).unwrap_or(text);
    // Comma or semicolon, whichever the header row uses (Danish spreadsheets save with `;`).
    let header = text.lines().next().unwrap_or_default();
    let delimiter = if header.matches(',').count() > header.matches(';').count() { b',' } else { b';' };
    let mut reader = ::csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).trim(::csv::Trim::All).from_reader(text.as_bytes());
    let headers = reader.headers().cloned().unwrap_or_default();
    if headers.iter().all(str::is_empty) {
        errors.push(file_error("file", ErrorCode::Required, "Filen er tom.".into(), "The file is empty.".into()));
        return (vec![], vec![]);
    }
    let mut index: [Option<usize>; COLUMNS.len()] = [None; COLUMNS.len()];
    let before = errors.len();
    for (i, name) in headers.iter().enumerate() {
        let name = name.to_lowercase();
        match COLUMNS.iter().position(|c| *c == name) {
            Some(c) if index[c].is_none() => index[c] = Some(i),
            Some(_) => errors.push(file_error(&name, ErrorCode::Invalid, "Kolonnen findes to gange.".into(), "The column appears twice.".into())),
            // Spreadsheets may add unnamed columns at the end.
            None if name.is_empty() => {}
            None => errors.push(file_error(&name, ErrorCode::Unknown, format!("Ukendt kolonne »{name}«."), format!("Unknown column “{name}”."))),
        }
    }
    // Not one known column (a JSON file, a letter, a CSV of something else): one sentence, not a
    // row per unknown and missing column.
    if index.iter().all(Option::is_none) {
        errors.truncate(before);
        let (da, en) = (
            "Filens første række har ingen af Forebygs kolonner (id, title, …), så den kan ikke læses som tilbud. Hent en CSV-fil med tilbud ovenfor, og brug den som skabelon.",
            "The file's first row has none of Forebyg's columns (id, title, …), so it cannot be read as offers. Get a CSV file of offers above and use it as the template.",
        );
        errors.push(file_error("file", ErrorCode::Invalid, da.into(), en.into()));
        return (vec![], vec![]);
    }
    for (c, i) in index.iter().enumerate() {
        if i.is_none() && !super::OPTIONAL_COLUMNS.contains(&COLUMNS[c]) {
            let col = COLUMNS[c];
            errors.push(file_error(col, ErrorCode::Required, format!("Kolonnen »{col}« mangler."), format!("The column “{col}” is missing.")));
        }
    }
    if !errors.is_empty() {
        return (vec![], vec![]);
    }
    let absent = (0..COLUMNS.len()).filter(|c| index[*c].is_none()).collect();
    let mut rows = vec![];
    for (n, record) in reader.records().enumerate() {
        let row = n + 2;
        match record {
            Err(e) => errors.push(row_error(
                row,
                FieldError::new("id", ErrorCode::Invalid, format!("Rækken kan ikke læses: {e}"), format!("The row cannot be read: {e}")),
            )),
            Ok(r) if r.iter().all(str::is_empty) => {}
            Ok(r) => rows.push((row, index.iter().map(|i| unguard_formula(i.and_then(|i| r.get(i)).unwrap_or_default()).to_owned()).collect())),
        }
    }
    (rows, absent)
}

/// A row of an existing offer keeps the stored values of the columns the file lacks: a column
/// left out is not a column emptied (an empty cell is).
fn fill_absent(mut cells: Vec<String>, before: Option<&Offer>, absent: &[usize]) -> Vec<String> {
    if let Some(b) = before.filter(|_| !absent.is_empty()) {
        let stored = super::cells(b);
        for c in absent {
            cells[*c] = stored[*c].clone();
        }
    }
    cells
}

/// The stored offers with these ids (absent ones left out), read a few at a time.
async fn fetch(state: &AppState, ids: Vec<String>) -> Result<HashMap<String, Offer>, ApiError> {
    let mut found = HashMap::new();
    for chunk in ids.chunks(16) {
        let mut tasks = tokio::task::JoinSet::new();
        for id in chunk {
            let (store, id) = (state.store.clone(), id.clone());
            tasks.spawn(async move { store.get_offer(&id).await });
        }
        while let Some(done) = tasks.join_next().await {
            let offer = done.map_err(|e| crate::store::StoreError::Backend(format!("read task failed: {e}")))??;
            found.extend(offer.map(|o| (o.id.clone(), o)));
        }
    }
    Ok(found)
}

/// An error for `e`'s column unless that column already has one.
fn push_once(errors: &mut Vec<FieldError>, mut e: FieldError) {
    e.field = column_of(&e.field).to_owned();
    if !errors.iter().any(|x| x.field == e.field) {
        errors.push(e);
    }
}

/// The stored offer as the CSV carries it: what a row must equal to be "unchanged" (cells trimmed
/// as the reader trims them, coordinates to the exported decimals).
pub(super) fn as_in_csv(stored: &Offer) -> Offer {
    let trimmed: Vec<String> = cells(stored).iter().map(|c| c.trim().to_owned()).collect();
    let (mut o, _, _) = parse(&trimmed, &stored.last_verified);
    (o.id, o.version, o.demo) = (stored.id.clone(), stored.version, stored.demo);
    o
}

/// The status of a new offer: a draft unless the import publishes new offers (`publish_new`), and
/// then published unless its `status` cell says otherwise.
fn new_status(cells: &[String], parsed: OfferStatus, publish_new: bool) -> OfferStatus {
    let cell = COLUMNS.iter().position(|c| *c == "status").map_or("", |i| cells[i].trim());
    match (publish_new, cell.is_empty()) {
        (false, _) => OfferStatus::Draft,
        (true, true) => OfferStatus::Published,
        (true, false) => parsed,
    }
}

/// Checks one row against the stored offer it names (if any) and the admin's scope.
fn plan(admin: &Admin, cells: &[String], before: Option<&Offer>, today: &str, publish_new: bool) -> Result<Plan, Vec<FieldError>> {
    let (mut offer, version, mut errors) = parse(cells, before.map_or(today, |b| b.last_verified.as_str()));
    match before {
        Some(b) => {
            (offer.id, offer.version, offer.demo) = (b.id.clone(), b.version, b.demo);
            // A row as the offer stands now is unchanged whatever version it names: the file
            // just applied, checked again (a walk's admin was told to export again for nothing).
            let as_stored = as_in_csv(b) == offer;
            match version {
                None => errors.push(FieldError::required("version", "versionen fra eksporten", "the version from the export")),
                Some(v) if v != b.version && !as_stored => errors.push(FieldError::new(
                    "version",
                    ErrorCode::Invalid,
                    format!("Tilbuddet er ændret siden eksporten (nu version {}, i filen {v}). Eksportér igen.", b.version),
                    format!("The offer changed since export (now version {}, {v} in the file). Export again.", b.version),
                )),
                Some(_) => {}
            }
        }
        // A placeholder for validation; the real id is made when the row is applied.
        None => (offer.id, offer.version, offer.status) = ("new".into(), 1, new_status(cells, offer.status, publish_new)),
    }
    if !admin.0.may_manage(offer.region, &offer.provider.id) {
        let field = if admin.0.regions().contains(&offer.region) { "provider_id" } else { "region" };
        let (da, en) = ("Uden for din region eller udbyder.", "Outside your region or provider.");
        push_once(&mut errors, FieldError::new(field, ErrorCode::OutOfRange, da, en));
    }
    for e in validate_offer_save(&offer, before, today) {
        push_once(&mut errors, e);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(match before {
        None => Plan::Create(offer),
        Some(b) => {
            let exported = as_in_csv(b);
            if exported == offer {
                return Ok(Plan::Unchanged);
            }
            // The place's point as exported (to the file's decimals) is the stored point: a
            // change of another cell neither rounds the place nor logs a move nobody made.
            if let (Some(new), Some(old), Some(csv)) = (offer.location.as_mut(), b.location.as_ref(), exported.location.as_ref()) {
                if new.point == csv.point {
                    new.point = old.point;
                }
            }
            offer.version = b.version + 1;
            Plan::Update { before: Box::new(b.clone()), after: offer }
        }
    })
}

/// Imports a CSV file of offers within the admin's scope. A dry run only reports; an apply with
/// any error writes nothing (the caller answers 422), otherwise it writes every created and
/// updated row atomically and audits each. New offers are drafts unless `publish_new`.
pub async fn import(state: &AppState, admin: &Admin, body: &[u8], dry_run: bool, publish_new: bool) -> Result<ImportReport, ApiError> {
    let mut errors = vec![];
    let (rows, absent, encoding) = match super::encoding::decode(body) {
        Ok((text, encoding)) => {
            let (rows, absent) = read(&text, &mut errors);
            (rows, absent, encoding)
        }
        Err(unreadable) => {
            let (da, en) = unreadable.message();
            errors.push(file_error("file", ErrorCode::Invalid, da.into(), en.into()));
            (vec![], vec![], FileEncoding::default())
        }
    };
    let ids: Vec<String> = rows.iter().map(|(_, c)| c[0].clone()).filter(|id| !id.is_empty()).collect();
    let stored = fetch(state, ids).await?;
    let today = copenhagen_date(crate::self_referral::now());
    let (mut plans, mut first_row) = (vec![], HashMap::new());
    for (row, cells) in &rows {
        let id = &cells[0];
        let before = match stored.get(id) {
            _ if id.is_empty() => None,
            Some(o) if admin.0.may_manage(o.region, &o.provider.id) => Some(o),
            // The same answer whether the offer is absent or someone else's.
            _ => {
                let (da, en) = ("Intet tilbud med dette id i dit område.", "No offer with this id within your scope.");
                errors.push(row_error(*row, FieldError::new("id", ErrorCode::Unknown, da, en)));
                continue;
            }
        };
        if let Some(first) = before.and_then(|_| first_row.insert(id.clone(), *row)) {
            let (da, en) = (format!("Id'et står også i række {first}."), format!("The id is also in row {first}."));
            errors.push(row_error(*row, FieldError::new("id", ErrorCode::Invalid, da, en)));
            continue;
        }
        match plan(admin, &fill_absent(cells.clone(), before, &absent), before, &today, publish_new) {
            Ok(p) => plans.push((*row, p)),
            Err(es) => errors.extend(es.into_iter().map(|e| row_error(*row, e))),
        }
    }
    let changed = || {
        plans.iter().filter_map(|(row, p)| match p {
            Plan::Create(o) | Plan::Update { after: o, .. } => Some((*row, o)),
            Plan::Unchanged => None,
        })
    };
    let mut directory = Directory::load(state, changed().map(|(_, o)| o)).await?;
    for (row, offer) in changed() {
        errors.extend(directory.check(row, offer).into_iter().map(|e| row_error(row, e)));
    }
    let links = crate::admin::offer_links::OfferLinks::load(state, changed().map(|(_, o)| o)).await?;
    for (row, offer) in changed() {
        errors.extend(links.check(offer).into_iter().map(|e| row_error(row, FieldError { field: column_of(&e.field).to_owned(), ..e })));
    }
    let count = |f: fn(&Plan) -> bool| plans.iter().filter(|(_, p)| f(p)).count();
    let (created, updated) = (count(|p| matches!(p, Plan::Create(_))), count(|p| matches!(p, Plan::Update { .. })));
    let unchanged = count(|p| matches!(p, Plan::Unchanged));
    let published = count(|p| matches!(p, Plan::Create(o) if o.status == OfferStatus::Published));
    if let Some(max) = state.store.max_atomic_batch().filter(|max| created + updated + directory.created.len() > *max) {
        errors.push(file_error(
            "file",
            ErrorCode::OutOfRange,
            format!("Filen ændrer {} tilbud. Del filen op i dele med højst {max} ændrede rækker.", created + updated),
            format!("The file changes {} offers. Split the file into parts of at most {max} changed rows.", created + updated),
        ));
    }
    let absent_columns = absent.iter().map(|c| COLUMNS[*c].to_owned()).collect();
    errors.sort_by_key(|e| (e.row, super::parse::column_position(&e.field)));
    let changes = match errors.is_empty() {
        true => super::changes::row_changes(&plans, &look_alikes(state, &plans).await?),
        false => vec![],
    };
    let mut report = ImportReport { dry_run, rows: rows.len(), created, published, updated, unchanged, errors, absent_columns, encoding, changes };
    if dry_run || !report.errors.is_empty() {
        return Ok(report);
    }
    apply(state, admin, plans, directory, &mut report).await?;
    Ok(report)
}

/// The offers of the regions new rows are in: what a new row may look like.
async fn look_alikes(state: &AppState, plans: &[(usize, Plan)]) -> Result<Vec<Offer>, ApiError> {
    let mut regions: Vec<_> = plans.iter().filter_map(|(_, p)| if let Plan::Create(o) = p { Some(o.region) } else { None }).collect();
    regions.sort_by_key(|r| r.code());
    regions.dedup();
    let mut offers = vec![];
    for region in regions {
        offers.extend(state.store.region_offers(region).await?);
    }
    Ok(offers)
}

/// The audit entry of a record the import creates.
fn record_entry(admin: &Admin, record: &forebyg_shared::directory::DirectoryRecord) -> forebyg_shared::admin::AuditEntry {
    use forebyg_shared::directory::DirectoryRecord;
    let (action, changes) = match record {
        DirectoryRecord::Provider(p) => (AuditAction::ProviderCreated, audit::diff(None, p)),
        DirectoryRecord::Location(l) => (AuditAction::LocationCreated, audit::diff(None, l)),
        _ => unreachable!("an import creates only providers and locations"),
    };
    audit::entry(&admin.0, record.region().expect("providers and locations are regional"), action, record.id(), changes)
}

/// Writes the planned rows and new records in one batch; a conflict (someone saved meanwhile)
/// becomes a row error.
async fn apply(state: &AppState, admin: &Admin, plans: Vec<(usize, Plan)>, directory: Directory, report: &mut ImportReport) -> Result<(), ApiError> {
    let mut saves = vec![];
    let mut changes = vec![];
    for (row, plan) in plans {
        match plan {
            Plan::Create(mut offer) => {
                offer.id = crate::admin::listings::new_id(&offer.title);
                saves.push((offer.clone(), None));
                changes.push((row, None, offer));
            }
            Plan::Update { before, after } => {
                saves.push((after.clone(), Some(before.version)));
                changes.push((row, Some(before), after));
            }
            Plan::Unchanged => {}
        }
    }
    let records: Vec<_> = directory.created.iter().map(|(_, r)| (r.clone(), None)).collect();
    match state.directory.save_directory(&records, &saves).await? {
        DirectorySaved::Saved => {
            // The report names the new offers by their ids now.
            for (row, _, after) in changes.iter().filter(|(_, before, _)| before.is_none()) {
                if let Some(c) = report.changes.iter_mut().find(|c| c.row == *row) {
                    c.id = Some(after.id.clone());
                }
            }
            let mut entries: Vec<_> = directory.created.iter().map(|(_, r)| record_entry(admin, r)).collect();
            entries.extend(changes.iter().map(|(_, before, after)| {
                let action = if before.is_some() { AuditAction::OfferUpdated } else { AuditAction::OfferCreated };
                audit::entry(&admin.0, after.region, action, &after.id, audit::diff(before.as_deref(), after))
            }));
            state.audit.append_audit(&entries).await?;
        }
        DirectorySaved::RecordConflict { id, .. } => {
            let row = directory.created.iter().find(|(_, r)| r.id() == id).map_or(1, |c| c.0);
            let field = if directory.created.iter().any(|(_, r)| r.id() == id && r.kind() == "location") { "location_id" } else { "provider_id" };
            let (da, en) = ("Blev oprettet af en anden imens. Prøv igen.", "Someone else created it meanwhile. Try again.");
            report.errors.push(row_error(row, FieldError::new(field, ErrorCode::Invalid, da, en)));
        }
        DirectorySaved::OfferConflict { id, .. } => {
            let row = changes.iter().find(|(_, _, o)| o.id == id).map_or(1, |c| c.0);
            let (da, en) = ("Tilbuddet blev ændret imens. Eksportér igen.", "The offer changed since export, while importing. Export again.");
            report.errors.push(row_error(row, FieldError::new("version", ErrorCode::Invalid, da, en)));
        }
    }
    Ok(())
}
