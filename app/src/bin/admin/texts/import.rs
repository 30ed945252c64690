//! `/admin/import`: CSV export and import, HSDS links.

use forebyg_shared::Lang;

forebyg_app::texts! {
    H1 = "Import og eksport", "Import and export";
    EXPORT_H2 = "Eksportér tilbud som CSV", "Export offers as CSV";
    EXPORT_INTRO = "Alle dine tilbud i alle statusser, semikolonsepareret, til regneark. Ret i filen, og importér den igen.", "All your offers in every status, semicolon-separated, for spreadsheets. Edit the file and import it again.";
    EXPORT_BUTTON = "Hent CSV-fil med tilbud", "Get a CSV file of offers";
    SAVE_EXPORT = "Gem filen forebyg-tilbud.csv", "Save the file forebyg-tilbud.csv";
    IMPORT_H2 = "Importér tilbud fra CSV", "Import offers from CSV";
    IMPORT_INTRO = "Rækker uden id opretter nye tilbud; rækker med id og version opdaterer tilbuddet. Tjek filen først: intet gemmes, før du trykker »Anvend«, og med fejl i en række gemmes ingen.", "Rows without an id create new offers; rows with an id and version update the offer. Check the file first: nothing is saved until you press \"Apply\", and with an error in one row none are saved.";
    FILE = "CSV-fil", "CSV file";
    CHECK = "Tjek filen", "Check the file";
    APPLY = "Anvend", "Apply";
    HSDS_H2 = "Åbne data (HSDS)", "Open data (HSDS)";
    HSDS_INTRO = "Offentliggjorte tilbud i Open Referral HSDS 3-format (JSON), til andre systemer. Kræver ikke login.", "Published offers in the Open Referral HSDS 3 format (JSON), for other systems. No sign-in needed.";
    HSDS_SERVICES = "Tilbud (services)", "Offers (services)";
    HSDS_ORGANIZATIONS = "Udbydere (organizations)", "Providers (organizations)";
    HSDS_LOCATIONS = "Steder (locations)", "Places (locations)";
    HSDS_SAL = "Tilbud pr. sted (service_at_locations)", "Offers per place (service_at_locations)";
    HSDS_TAXONOMIES = "Taksonomier (taxonomies)", "Taxonomies (taxonomies)";
    DONE = "Importen er gennemført", "The import is done";
    CHECKED = "Resultat af tjek", "Result of the check";
    NOT_DONE = "Importen blev ikke gennemført", "The import was not done";
    ERRORS_CAPTION = "Fejl i filen", "Errors in the file";
    ROW = "Række", "Row";
    COLUMN = "Kolonne", "Column";
    ERROR = "Fejl", "Error";
}

/// The import's outcome: applied, checked without errors, or with errors.
pub fn applied(
    rows: impl std::fmt::Display,
    created: impl std::fmt::Display,
    updated: impl std::fmt::Display,
    unchanged: impl std::fmt::Display,
    lang: Lang,
) -> String {
    match lang {
        Lang::Da => format!("{rows} rækker: {created} oprettet, {updated} opdateret, {unchanged} uændret."),
        Lang::En => format!("{rows} rows: {created} created, {updated} updated, {unchanged} unchanged."),
    }
}

pub fn checked(
    rows: impl std::fmt::Display,
    created: impl std::fmt::Display,
    updated: impl std::fmt::Display,
    unchanged: impl std::fmt::Display,
    lang: Lang,
) -> String {
    match lang {
        Lang::Da => format!("{rows} rækker uden fejl: {created} oprettes, {updated} opdateres, {unchanged} er uændret. Tryk »Anvend« for at gemme."),
        Lang::En => {
            format!("{rows} rows without errors: {created} will be created, {updated} updated, {unchanged} are unchanged. Press \"Apply\" to save.")
        }
    }
}

pub fn with_errors(rows: impl std::fmt::Display, errors: impl std::fmt::Display, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("{rows} rækker, {errors} fejl. Ret filen, og tjek den igen: intet er gemt."),
        Lang::En => format!("{rows} rows, {errors} errors. Correct the file and check it again: nothing is saved."),
    }
}

/// The optional columns the file left out: their stored values stay.
pub fn absent_columns(columns: &[String], lang: Lang) -> String {
    let list = columns.join(", ");
    match lang {
        Lang::Da => format!("Filen har ikke kolonnerne {list}: de eksisterende tilbud beholder deres gemte værdier i dem."),
        Lang::En => format!("The file lacks the columns {list}: existing offers keep their stored values of them."),
    }
}
