//! `/admin/import`: CSV export and import, HSDS links.

use super::counted;
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

const ROWS_DA: (&str, &str) = ("række", "rækker");
const ROWS_EN: (&str, &str) = ("row", "rows");

/// The import's outcome: applied, checked without errors, or with errors ("1 række", "2 rækker").
pub fn applied(rows: usize, created: usize, updated: usize, unchanged: usize, lang: Lang) -> String {
    let rows = counted(rows, ROWS_DA, ROWS_EN, lang);
    match lang {
        Lang::Da => format!("{rows}: {created} oprettet, {updated} opdateret, {unchanged} uændret."),
        Lang::En => format!("{rows}: {created} created, {updated} updated, {unchanged} unchanged."),
    }
}

pub fn checked(rows: usize, created: usize, updated: usize, unchanged: usize, lang: Lang) -> String {
    let rows = counted(rows, ROWS_DA, ROWS_EN, lang);
    match lang {
        Lang::Da => format!("{rows} uden fejl: {created} oprettes, {updated} opdateres, {unchanged} er uændret. Tryk »Anvend« for at gemme."),
        Lang::En => {
            let are = if unchanged == 1 { "is" } else { "are" };
            format!("{rows} without errors: {created} will be created, {updated} updated, {unchanged} {are} unchanged. Press \"Apply\" to save.")
        }
    }
}

pub fn with_errors(rows: usize, errors: usize, lang: Lang) -> String {
    let (rows, errors) = (counted(rows, ROWS_DA, ROWS_EN, lang), counted(errors, ("fejl", "fejl"), ("error", "errors"), lang));
    match lang {
        Lang::Da => format!("{rows}, {errors}. Ret filen, og tjek den igen: intet er gemt."),
        Lang::En => format!("{rows}, {errors}. Correct the file and check it again: nothing is saved."),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_and_one_error_are_singular() {
        assert_eq!(checked(1, 1, 0, 0, Lang::Da), "1 række uden fejl: 1 oprettes, 0 opdateres, 0 er uændret. Tryk »Anvend« for at gemme.");
        assert_eq!(checked(1, 0, 0, 1, Lang::En), "1 row without errors: 0 will be created, 0 updated, 1 is unchanged. Press \"Apply\" to save.");
        assert_eq!(applied(1, 1, 0, 0, Lang::Da), "1 række: 1 oprettet, 0 opdateret, 0 uændret.");
        assert_eq!(applied(3, 1, 2, 0, Lang::En), "3 rows: 1 created, 2 updated, 0 unchanged.");
        assert_eq!(with_errors(2, 1, Lang::Da), "2 rækker, 1 fejl. Ret filen, og tjek den igen: intet er gemt.");
        assert_eq!(with_errors(1, 1, Lang::En), "1 row, 1 error. Correct the file and check it again: nothing is saved.");
        assert_eq!(with_errors(2, 3, Lang::En), "2 rows, 3 errors. Correct the file and check it again: nothing is saved.");
    }
}
