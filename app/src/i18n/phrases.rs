//! The texts with numbers, names or choices in them, as functions.

use super::SITE_NAME;
use forebyg_shared::Lang;

/// `<title>` of a page: "Fysisk aktivitet i Aarhus – Forebyg".
pub fn page_title(lang: Lang, page: &str) -> String {
    format!("{page} – {}", SITE_NAME.get(lang))
}

/// Option text of the radius select: "Inden for 25 km".
pub fn radius_option(lang: Lang, km: &str) -> String {
    match lang {
        Lang::Da => format!("Inden for {km}"),
        Lang::En => format!("Within {km}"),
    }
}

/// The results heading: "12 tilbud inden for 25 km fra 8000 Aarhus C".
pub fn results_heading(lang: Lang, total: &str, radius: &str, place: &str) -> String {
    match lang {
        Lang::Da => format!("{total} tilbud inden for {radius} fra {place}"),
        Lang::En => format!("{total} {} within {radius} of {place}", if total == "1" { "offer" } else { "offers" }),
    }
}

/// "12 tilbud" / "1 offer": a clinician group's offers on site, a coverage cell's offers within
/// the distance.
pub fn offer_count(lang: Lang, n: u32) -> String {
    let count = crate::format::number(n.into(), lang);
    match (lang, n) {
        (Lang::Da, _) => format!("{count} tilbud"),
        (Lang::En, 1) => "1 offer".to_owned(),
        (Lang::En, _) => format!("{count} offers"),
    }
}

/// "Heraf 12 digitale tilbud" after the results heading.
pub fn digital_count(lang: Lang, n: &str) -> String {
    match lang {
        Lang::Da => format!("Desuden {n} {} tilbud, som du kan følge hjemmefra.", if n == "1" { "digitalt" } else { "digitale" }),
        Lang::En => format!("Also {n} digital {}, which you can follow from home.", if n == "1" { "offer" } else { "offers" }),
    }
}

/// The results heading of a search for digital offers only: "64 digitale tilbud, som du kan
/// følge hjemmefra".
pub fn digital_heading(lang: Lang, n: &str) -> String {
    match lang {
        Lang::Da => format!("{n} {} tilbud, som du kan følge hjemmefra", if n == "1" { "digitalt" } else { "digitale" }),
        Lang::En => format!("{n} digital {}, which you can follow from home", if n == "1" { "offer" } else { "offers" }),
    }
}

/// A page number past the last page of results: "Siden findes ikke. Søgningen har 2 sider."
pub fn page_missing(lang: Lang, pages: u32) -> String {
    match (lang, pages) {
        (Lang::Da, 1) => "Siden findes ikke. Søgningen har 1 side.".to_owned(),
        (Lang::Da, _) => format!("Siden findes ikke. Søgningen har {pages} sider."),
        (Lang::En, 1) => "This page does not exist. The search has 1 page.".to_owned(),
        (Lang::En, _) => format!("This page does not exist. The search has {pages} pages."),
    }
}

/// "Gå til side 2" / "Go to page 2".
pub fn go_to_page(lang: Lang, page: u32) -> String {
    match lang {
        Lang::Da => format!("Gå til side {page}"),
        Lang::En => format!("Go to page {page}"),
    }
}

/// "1 uge", "4 uger" (start within).
pub fn within_weeks(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Da => format!("Inden for {n} {}", if n == 1 { "uge" } else { "uger" }),
        Lang::En => format!("Within {n} {}", if n == 1 { "week" } else { "weeks" }),
    }
}

/// "Søg inden for 50 km" (a link that widens the search).
pub fn widen(lang: Lang, km: &str) -> String {
    match lang {
        Lang::Da => format!("Søg inden for {km}"),
        Lang::En => format!("Search within {km}"),
    }
}

/// "Viser 21–40 af 143".
pub fn results_range(lang: Lang, from: &str, to: &str, total: &str) -> String {
    match lang {
        Lang::Da => format!("Viser {from}–{to} af {total}"),
        Lang::En => format!("Showing {from}–{to} of {total}"),
    }
}

/// "Side 2 af 8".
pub fn page_of(lang: Lang, page: u32, pages: u32) -> String {
    match lang {
        Lang::Da => format!("Side {page} af {pages}"),
        Lang::En => format!("Page {page} of {pages}"),
    }
}

/// The page title of a search: "Tilbud nær 8000 Aarhus C".
pub fn search_title(lang: Lang, place: &str) -> String {
    match lang {
        Lang::Da => format!("Tilbud nær {place}"),
        Lang::En => format!("Offers near {place}"),
    }
}

/// "Et forløb med 8 mødegange over 12 uger."
pub fn course(lang: Lang, sessions: u16, weeks: u16) -> String {
    match lang {
        Lang::Da => format!(
            "Et forløb med {sessions} {} over {weeks} {}.",
            if sessions == 1 { "mødegang" } else { "mødegange" },
            if weeks == 1 { "uge" } else { "uger" }
        ),
        Lang::En => format!(
            "A course of {sessions} {} over {weeks} {}.",
            if sessions == 1 { "session" } else { "sessions" },
            if weeks == 1 { "week" } else { "weeks" }
        ),
    }
}

/// A price in whole kroner: "350 kr." / "DKK 350" (the number already formatted).
pub fn price(lang: Lang, amount: &str) -> String {
    match lang {
        Lang::Da => format!("{amount} kr."),
        Lang::En => format!("DKK {amount}"),
    }
}

/// The word joining the last two items of a list: "a, b og c".
pub fn and(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "og",
        Lang::En => "and",
    }
}

/// The word joining the last two alternatives: "a, b eller c".
pub fn or(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "eller",
        Lang::En => "or",
    }
}

/// "Ja" / "Nej".
pub fn yes_no(lang: Lang, yes: bool) -> &'static str {
    match (lang, yes) {
        (Lang::Da, true) => "Ja",
        (Lang::Da, false) => "Nej",
        (Lang::En, true) => "Yes",
        (Lang::En, false) => "No",
    }
}

/// Month names, January first.
pub fn month(lang: Lang, month: u32) -> Option<&'static str> {
    const DA: [&str; 12] = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
    const EN: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let i = usize::try_from(month).ok()?.checked_sub(1)?;
    match lang {
        Lang::Da => DA.get(i).copied(),
        Lang::En => EN.get(i).copied(),
    }
}

/// The languages an offer can be given in, as the admin's checkboxes list them (ISO 639-1; each
/// has a name in [`language_name`]).
pub const LANGUAGE_CODES: &[&str] = &[
    "da", "en", "de", "ar", "tr", "pl", "uk", "ur", "so", "fa", "ro", "sv", "no", "kl", "fo", "ti", "bs", "sr", "lt", "vi", "th", "tl", "es", "fr",
    "ru", "ps", "ku",
];

/// Interpreter languages offered in the referral form (ISO 639-1), the most asked for in
/// Denmark first.
pub const INTERPRETER_LANGUAGES: &[&str] = &["ar", "tr", "so", "ur", "fa", "ps", "ti", "pl", "uk", "ru", "ro", "en", "de"];

/// The name of a language from its ISO 639-1 code, in the UI language; `None` if unknown.
pub fn language_name(lang: Lang, code: &str) -> Option<&'static str> {
    let (da, en) = match code {
        "da" => ("dansk", "Danish"),
        "en" => ("engelsk", "English"),
        "de" => ("tysk", "German"),
        "ar" => ("arabisk", "Arabic"),
        "tr" => ("tyrkisk", "Turkish"),
        "pl" => ("polsk", "Polish"),
        "uk" => ("ukrainsk", "Ukrainian"),
        "ur" => ("urdu", "Urdu"),
        "so" => ("somali", "Somali"),
        "fa" => ("persisk", "Persian"),
        "ro" => ("rumænsk", "Romanian"),
        "sv" => ("svensk", "Swedish"),
        "no" | "nb" => ("norsk", "Norwegian"),
        "kl" => ("grønlandsk", "Greenlandic"),
        "fo" => ("færøsk", "Faroese"),
        "ti" => ("tigrinya", "Tigrinya"),
        "bs" => ("bosnisk", "Bosnian"),
        "sr" => ("serbisk", "Serbian"),
        "lt" => ("litauisk", "Lithuanian"),
        "vi" => ("vietnamesisk", "Vietnamese"),
        "th" => ("thai", "Thai"),
        "tl" => ("tagalog", "Tagalog"),
        "es" => ("spansk", "Spanish"),
        "fr" => ("fransk", "French"),
        "ps" => ("pashto", "Pashto"),
        "ru" => ("russisk", "Russian"),
        "ku" => ("kurdisk", "Kurdish"),
        _ => return None,
    };
    Some(match lang {
        Lang::Da => da,
        Lang::En => en,
    })
}

/// Interventions a chosen kronikerpakke leaves out: "Kost og ernæring indgår ikke i den valgte
/// "Søg uden ordet »rygning«": the way out of a word search that found nothing.
/// A chosen filter to drop from a search that found nothing: "Uden »Aftenhold«: 12 tilbud".
pub fn without_filter(lang: Lang, what: &str, count: u32, count_text: &str) -> String {
    match lang {
        Lang::Da => format!("Uden »{what}«: {count_text} tilbud"),
        Lang::En => format!("Without “{what}”: {count_text} {}", if count == 1 { "offer" } else { "offers" }),
    }
}

pub fn search_without_word(lang: Lang, word: &str) -> String {
    match lang {
        Lang::Da => format!("Søg uden ordet »{word}«"),
        Lang::En => format!("Search without the word “{word}”"),
    }
}

/// pakke: Kronikerpakke for KOL." (`what`: the interventions and how many; `None` when a heading
/// already says which: "Indgår ikke i den valgte pakke: …").
pub fn not_in_package(lang: Lang, what: Option<(&str, usize)>, package: &str) -> String {
    match (lang, what) {
        (Lang::Da, None) => format!("Indgår ikke i den valgte pakke: {package}."),
        (Lang::Da, Some((what, _))) => format!("{what} indgår ikke i den valgte pakke: {package}."),
        (Lang::En, None) => format!("Not part of the chosen package: {package}."),
        (Lang::En, Some((what, 1))) => format!("{what} is not part of the chosen package: {package}."),
        (Lang::En, Some((what, _))) => format!("{what} are not part of the chosen package: {package}."),
    }
}

/// A card's start: the date, else "Løbende optag" only for continuous enrolment; a course
/// without a date says its start is to be agreed.
pub fn start_label(next_start: Option<&str>, continuous: bool, lang: Lang) -> String {
    match next_start {
        Some(d) => crate::format::date(d, lang),
        None if continuous => super::CONTINUOUS.get(lang).to_owned(),
        None => super::START_TBD.get(lang).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_date_is_continuous_only_when_the_offer_says_so() {
        assert_eq!(start_label(None, true, Lang::Da), "Løbende optag");
        assert_eq!(start_label(None, false, Lang::Da), "Start aftales");
        assert_eq!(start_label(None, false, Lang::En), "Start to be agreed");
        assert_eq!(start_label(Some("2027-02-03"), false, Lang::Da), crate::format::date("2027-02-03", Lang::Da));
    }

    #[test]
    fn one_digital_offer_is_singular() {
        assert_eq!(digital_count(Lang::Da, "1"), "Desuden 1 digitalt tilbud, som du kan følge hjemmefra.");
        assert_eq!(digital_count(Lang::Da, "12"), "Desuden 12 digitale tilbud, som du kan følge hjemmefra.");
        assert_eq!(digital_count(Lang::En, "1"), "Also 1 digital offer, which you can follow from home.");
    }
}
