//! `/admin/import`: CSV export and import, HSDS links.

use super::counted;
use forebyg_shared::bulk::FileEncoding;
use forebyg_shared::Lang;

forebyg_app::texts! {
    H1 = "Import og eksport", "Import and export";
    EXPORT_H2 = "Eksportér tilbud som CSV", "Export offers as CSV";
    EXPORT_INTRO = "Alle dine tilbud i alle statusser, semikolonsepareret, til regneark. Ret i filen, og importér den igen.", "All your offers in every status, semicolon-separated, for spreadsheets. Edit the file and import it again.";
    EXPORT_BUTTON = "Hent CSV-fil med tilbud", "Get a CSV file of offers";
    IMPORT_H2 = "Importér tilbud fra CSV", "Import offers from CSV";
    IMPORT_INTRO = "Rækker uden id opretter nye tilbud; rækker med id og version opdaterer tilbuddet. Tjek filen først: intet gemmes, før du trykker »Anvend«, og med fejl i en række gemmes ingen.", "Rows without an id create new offers; rows with an id and version update the offer. Check the file first: nothing is saved until you press \"Apply\", and with an error in one row none are saved.";
    FILE = "CSV-fil", "CSV file";
    NEW_OFFERS = "Nye tilbud i filen (rækker uden id)", "New offers in the file (rows without an id)";
    NEW_AS_DRAFTS = "Opret dem som kladder: du offentliggør dem selv bagefter", "Create them as drafts: you publish them yourself afterwards";
    NEW_PUBLISHED = "Offentliggør dem med det samme (undtagen rækker med status draft eller archived)", "Publish them at once (except rows with the status draft or archived)";
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
    WHOLE_FILE = "(hele filen)", "(the whole file)";
    ERROR = "Fejl", "Error";
    CHANGES_CAPTION = "Rækker, der opretter eller ændrer et tilbud", "Rows that create or change an offer";
    OFFER = "Tilbud", "Offer";
    CHANGE = "Hvad sker der", "What happens";
    NEW_OFFER = "Nyt tilbud", "New offer";
}

/// "contact_phone: +45 7222 5473 → +45 7434 1234": one cell a row changes, by its column as the
/// file names it; an empty value as "(tom)", a long one cut after 80 characters.
pub fn cell_change(column: &str, before: &str, after: &str, lang: Lang) -> String {
    let shown = |v: &str| match v.chars().count() {
        0 => if lang == Lang::Da { "(tom)" } else { "(empty)" }.to_owned(),
        n if n > 80 => format!("{}…", v.chars().take(80).collect::<String>()),
        _ => v.to_owned(),
    };
    format!("{column}: {} → {}", shown(before), shown(after))
}

/// A new row that looks like an offer already there (same title and postcode).
pub fn like_offer(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "Ligner et tilbud, der findes allerede:",
        Lang::En => "Looks like an offer that already exists:",
    }
}

/// A new row that looks like an earlier row of the file.
pub fn like_row(row: usize, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Ligner række {row} i filen."),
        Lang::En => format!("Looks like row {row} of the file."),
    }
}

/// Before "Anvend": new rows that look like offers already there, or like each other, are created
/// twice unless the admin acts (an id in the row updates instead; deleting the row leaves it).
pub fn look_alikes(n: usize, lang: Lang) -> String {
    let rows = counted(n, ("ny række", "nye rækker"), ("new row", "new rows"), lang);
    match lang {
        Lang::Da => format!(
            "{rows} ligner et tilbud, der findes allerede, eller en anden række i filen (samme titel og postnummer). Anvendt opretter filen dem alligevel. Er det de samme tilbud, så slet rækkerne, eller skriv tilbuddets id og version i dem for at opdatere det."
        ),
        Lang::En => format!(
            "{rows} {} like an offer that already exists, or like another row of the file (the same title and postcode). Applied, the file creates them anyway. If they are the same offers, delete the rows, or write the offer's id and version in them to update it.",
            if n == 1 { "looks" } else { "look" }
        ),
    }
}

const ROWS_DA: (&str, &str) = ("række", "rækker");
const ROWS_EN: (&str, &str) = ("row", "rows");

/// What becomes of the `created` new offers, `published` of them at once, the rest drafts: "2
/// oprettes som kladder", "1 oprettet og offentliggjort", "3 oprettes (1 offentliggøres, 2 som
/// kladder)".
fn created_text(created: usize, published: usize, done: bool, lang: Lang) -> String {
    let drafts = created - published.min(created);
    let as_drafts = |n: usize| match lang {
        Lang::Da => format!("som {}", if n == 1 { "kladde" } else { "kladder" }),
        Lang::En => format!("as {}", if n == 1 { "a draft" } else { "drafts" }),
    };
    let (create, publish) = match (lang, done) {
        (Lang::Da, false) => ("oprettes", "offentliggøres"),
        (Lang::Da, true) => ("oprettet", "offentliggjort"),
        (Lang::En, false) => ("will be created", "published"),
        (Lang::En, true) => ("created", "published"),
    };
    let and = if lang == Lang::Da { "og" } else { "and" };
    match (created, published) {
        (0, _) => format!("0 {create}"),
        (n, 0) => format!("{n} {create} {}", as_drafts(n)),
        (n, p) if p >= n => format!("{n} {create} {and} {publish}"),
        (n, p) => format!("{n} {create} ({p} {publish}, {drafts} {})", as_drafts(drafts)),
    }
}

/// The import's outcome: applied, checked without errors, or with errors ("1 række", "2 rækker").
pub fn applied(rows: usize, created: usize, published: usize, updated: usize, unchanged: usize, lang: Lang) -> String {
    let (rows, created) = (counted(rows, ROWS_DA, ROWS_EN, lang), created_text(created, published, true, lang));
    match lang {
        Lang::Da => format!("{rows}: {created}, {updated} opdateret, {unchanged} uændret."),
        Lang::En => format!("{rows}: {created}, {updated} updated, {unchanged} unchanged."),
    }
}

pub fn checked(rows: usize, created: usize, published: usize, updated: usize, unchanged: usize, lang: Lang) -> String {
    let (rows, created_text) = (counted(rows, ROWS_DA, ROWS_EN, lang), created_text(created, published, false, lang));
    if created + updated == 0 {
        return match lang {
            Lang::Da => format!("{rows} uden fejl, og ingen af dem ændrer noget: der er intet at gemme."),
            Lang::En => format!("{rows} without errors, and none of them changes anything: there is nothing to save."),
        };
    }
    let created = created_text;
    match lang {
        Lang::Da => format!("{rows} uden fejl: {created}, {updated} opdateres, {unchanged} er uændret. Tryk »Anvend« for at gemme."),
        Lang::En => {
            let are = if unchanged == 1 { "is" } else { "are" };
            format!("{rows} without errors: {created}, {updated} updated, {unchanged} {are} unchanged. Press \"Apply\" to save.")
        }
    }
}

/// Which character encoding the file was read in.
pub fn encoding(encoding: FileEncoding, lang: Lang) -> &'static str {
    match (encoding, lang) {
        (FileEncoding::Utf8, Lang::Da) => "Filen er læst som UTF-8.",
        (FileEncoding::Utf8, Lang::En) => "The file was read as UTF-8.",
        (FileEncoding::Windows1252, Lang::Da) => {
            "Filen er læst som Windows-1252 (sådan gemmer Excel »CSV (semikolonsepareret)«), ikke UTF-8. Æ, ø og å er læst med det tegnsæt."
        }
        (FileEncoding::Windows1252, Lang::En) => {
            "The file was read as Windows-1252 (as Excel saves “CSV (Semicolon delimited)”), not UTF-8. Æ, ø and å were read in that encoding."
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
        assert_eq!(
            checked(1, 1, 0, 0, 0, Lang::Da),
            "1 række uden fejl: 1 oprettes som kladde, 0 opdateres, 0 er uændret. Tryk »Anvend« for at gemme."
        );
        assert_eq!(checked(2, 0, 0, 1, 1, Lang::En), "2 rows without errors: 0 will be created, 1 updated, 1 is unchanged. Press \"Apply\" to save.");
        assert_eq!(applied(1, 1, 0, 0, 0, Lang::Da), "1 række: 1 oprettet som kladde, 0 opdateret, 0 uændret.");
        assert_eq!(applied(3, 1, 0, 2, 0, Lang::En), "3 rows: 1 created as a draft, 2 updated, 0 unchanged.");
        assert_eq!(with_errors(2, 1, Lang::Da), "2 rækker, 1 fejl. Ret filen, og tjek den igen: intet er gemt.");
        assert_eq!(with_errors(1, 1, Lang::En), "1 row, 1 error. Correct the file and check it again: nothing is saved.");
        assert_eq!(with_errors(2, 3, Lang::En), "2 rows, 3 errors. Correct the file and check it again: nothing is saved.");
    }

    #[test]
    fn a_file_that_changes_nothing_has_nothing_to_save() {
        assert_eq!(checked(665, 0, 0, 0, 665, Lang::Da), "665 rækker uden fejl, og ingen af dem ændrer noget: der er intet at gemme.");
        assert_eq!(checked(1, 0, 0, 0, 1, Lang::En), "1 row without errors, and none of them changes anything: there is nothing to save.");
        assert!(!checked(1, 0, 0, 0, 1, Lang::Da).contains("Anvend"));
    }

    #[test]
    fn look_alikes_are_counted_and_say_what_to_do() {
        assert!(look_alikes(1, Lang::Da).starts_with("1 ny række ligner et tilbud, der findes allerede"));
        assert!(look_alikes(2, Lang::En).starts_with("2 new rows look like an offer"));
    }

    #[test]
    fn a_changed_cell_reads_from_what_to_what() {
        assert_eq!(cell_change("contact_phone", "+45 7222 5473", "+45 7434 1234", Lang::Da), "contact_phone: +45 7222 5473 → +45 7434 1234");
        assert_eq!(cell_change("cost_note", "", "pr. halvår", Lang::Da), "cost_note: (tom) → pr. halvår");
        assert_eq!(cell_change("cost_note", "x", "", Lang::En), "cost_note: x → (empty)");
        let long = "a".repeat(100);
        assert_eq!(cell_change("description", &long, "b", Lang::Da), format!("description: {}… → b", "a".repeat(80)));
    }

    #[test]
    fn the_report_names_the_encoding_read() {
        assert!(encoding(FileEncoding::Windows1252, Lang::Da).starts_with("Filen er læst som Windows-1252"));
        assert_eq!(encoding(FileEncoding::Utf8, Lang::En), "The file was read as UTF-8.");
    }

    #[test]
    fn the_report_says_whether_new_offers_are_drafts_or_published() {
        assert_eq!(created_text(2, 0, false, Lang::Da), "2 oprettes som kladder");
        assert_eq!(created_text(1, 1, true, Lang::Da), "1 oprettet og offentliggjort");
        assert_eq!(created_text(3, 1, false, Lang::Da), "3 oprettes (1 offentliggøres, 2 som kladder)");
        assert_eq!(created_text(2, 2, false, Lang::En), "2 will be created and published");
        assert_eq!(created_text(3, 2, true, Lang::En), "3 created (2 published, 1 as a draft)");
        assert_eq!(created_text(0, 0, true, Lang::En), "0 created");
    }
}
