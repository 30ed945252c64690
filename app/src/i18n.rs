//! Every text the UI shows, in Danish and English, in one place.
//!
//! Fixed texts are [`Text`] constants; texts with numbers or names in them are functions. Codes
//! from the domain (categories, formats, weekdays ...) have their labels in `forebyg_shared` and are
//! not repeated here. When the message catalogues arrive, this module is the only one to replace.

use forebyg_shared::Lang;

/// A fixed UI text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub da: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Da => self.da,
            Lang::En => self.en,
        }
    }
}

macro_rules! texts {
    ($($(#[$meta:meta])* $name:ident = $da:literal, $en:literal;)+) => {
        $($(#[$meta])* pub const $name: Text = Text { da: $da, en: $en };)+

        /// Every fixed text, for completeness checks.
        pub const ALL: &[(&str, Text)] = &[$((stringify!($name), $name),)+];
    };
}

texts! {
    // Page shell.
    SITE_NAME = "Forebyg", "Forebyg";
    SITE_TAGLINE = "Forebyggelsestilbud nær dig", "Prevention offers near you";
    SKIP_LINK = "Spring til indhold", "Skip to content";
    NAV_LABEL = "Hovedmenu", "Main menu";
    NAV_SEARCH = "Find et tilbud", "Find an offer";
    FOOTER_DEMO = "Forebyg er en prøveversion. Alle tilbud på siden er demodata, som er opdigtet til afprøvning: de findes ikke i virkeligheden.",
        "Forebyg is a trial version. Every offer on this site is demo data, made up for testing: they do not exist in reality.";
    FOOTER_ABOUT = "Patientrettede forebyggelsestilbud fra regioner og kommuner i hele Danmark.",
        "Patient-oriented prevention offers from regions and municipalities all over Denmark.";
    LOADING = "Indlæser …", "Loading …";

    // Search form.
    SEARCH_H1 = "Find et forebyggelsestilbud", "Find a prevention offer";
    SEARCH_INTRO = "Find gratis forløb tæt på dig, fx træning, rygestop, kost eller hjælp til at leve med en kronisk sygdom.",
        "Find free courses near you, e.g. exercise, quitting smoking, diet or help living with a chronic illness.";
    SEARCH_FORM_LABEL = "Søg efter tilbud", "Search for offers";
    POSTCODE_LABEL = "Dit postnummer", "Your postcode";
    POSTCODE_HINT = "Fire cifre, fx 8000", "Four digits, e.g. 8000";
    CATEGORY_LEGEND = "Hvad vil du have hjælp til?", "What would you like help with?";
    CATEGORY_HINT = "Vælg en eller flere. Vælger du ingen, ser du alle slags tilbud.",
        "Choose one or more. If you choose none, you see all kinds of offers.";
    RADIUS_LABEL = "Hvor langt vil du rejse?", "How far will you travel?";
    SUBMIT = "Søg", "Search";
    ERROR_PREFIX = "Fejl:", "Error:";
    ERROR_SUMMARY_TITLE = "Der er et problem", "There is a problem";

    // Search results.
    SEARCHING = "Søger …", "Searching …";
    JUMP_TO_RESULTS = "Gå til resultaterne", "Go to the results";
    RESULTS_LABEL = "Søgeresultater", "Search results";
    DIGITAL_LAST = "Tilbud med fremmøde står nærmest først. Digitale tilbud, som du kan følge hjemmefra, står til sidst.",
        "Offers on site are listed nearest first. Digital offers that you can follow from home come last.";
    EMPTY_RESULTS = "Vi fandt ingen tilbud, der passer til din søgning.", "We found no offers that match your search.";
    EMPTY_HINT = "Prøv at vælge en større afstand eller flere emner. Der findes også digitale tilbud, som du kan følge hjemmefra.",
        "Try a larger distance or more topics. There are also digital offers that you can follow from home.";
    NETWORK_ERROR = "Vi kunne ikke få forbindelse. Tjek din internetforbindelse, og prøv igen.",
        "We could not connect. Check your internet connection and try again.";
    SERVER_ERROR = "Der skete en fejl hos os. Prøv igen om lidt.", "Something went wrong on our side. Please try again shortly.";
    RETRY = "Prøv igen", "Try again";
    PAGINATION_LABEL = "Sider med resultater", "Result pages";
    PREV_PAGE = "Forrige side", "Previous page";
    NEXT_PAGE = "Næste side", "Next page";

    // Result card.
    DISTANCE = "Afstand", "Distance";
    DIGITAL = "Digitalt", "Digital";
    TOPIC = "Emne", "Topic";
    FORMAT = "Form", "Format";
    PLACES = "Pladser", "Places";
    START = "Start", "Start";
    CONTINUOUS = "Løbende optag", "Join any time";
    PLACE = "Sted", "Place";
    PROVIDER = "Udbyder", "Provider";
    DEMO_BADGE = "Demodata", "Demo data";
    DEMO_BADGE_HINT = "Ikke et rigtigt tilbud", "Not a real offer";
    EVENING = "Aftenhold", "Evening classes";
    WEEKEND = "Weekendhold", "Weekend classes";
    SELF_REFERRAL_TAG = "Du kan selv tilmelde dig", "You can sign up yourself";
    TAGS_LABEL = "Kendetegn", "Features";

    // Offer page.
    OFFER_LOADING = "Henter tilbuddet …", "Loading the offer …";
    OFFER_ERROR = "Vi kunne ikke hente tilbuddet", "We could not load the offer";
    OFFER_NOT_FOUND = "Tilbuddet findes ikke", "The offer does not exist";
    OFFER_NOT_FOUND_TEXT = "Vi kan ikke finde det tilbud, du leder efter. Det kan være afsluttet eller fjernet, eller linket kan være forkert.",
        "We cannot find the offer you are looking for. It may have ended or been removed, or the link may be wrong.";
    BACK_TO_SEARCH = "Tilbage til søgningen", "Back to the search";
    DEMO_NOTICE_TITLE = "Demodata: ikke et rigtigt tilbud", "Demo data: not a real offer";
    DEMO_NOTICE = "Tilbuddet er opdigtet til afprøvning af Forebyg. Det findes ikke, og du kan ikke tilmelde dig.",
        "This offer was made up for testing Forebyg. It does not exist and you cannot sign up.";
    ABOUT_OFFER = "Om tilbuddet", "About the offer";
    SECTION_WHO = "Hvem er det for", "Who is it for";
    SECTION_WHAT = "Hvad sker der", "What happens";
    SECTION_WHERE = "Hvor", "Where";
    SECTION_JOIN = "Sådan kommer du med", "How to join";
    SECTION_PLACES = "Pladser", "Places";
    SECTION_PRICE = "Pris", "Price";
    SECTION_CONTACT = "Kontakt", "Contact";
    SECTION_PROVIDER = "Udbyder og ansvarlig region", "Provider and responsible region";
    SECTION_CONTINUE = "Fortsæt bagefter", "Continue afterwards";
    CONDITIONS_FOR = "Tilbuddet er for dig, der har:", "The offer is for you if you have:";
    CONDITIONS_NONE = "Tilbuddet er ikke rettet mod en bestemt sygdom.", "The offer is not aimed at a particular illness.";
    KRONIKERPAKKE = "Del af", "Part of";
    ENROLMENT_CONTINUOUS = "Du kan starte, når du er klar (løbende optag).", "You can start whenever you are ready (continuous enrolment).";
    NEXT_START = "Næste start", "Next start";
    WHEN = "Hvornår", "When";
    NO_FIXED_TIMES = "Aftales med udbyderen.", "Agreed with the provider.";
    LANGUAGES = "Sprog", "Languages";
    DIGITAL_OFFER = "Digitalt tilbud", "Digital offer";
    DIGITAL_OFFER_TEXT = "Du følger tilbuddet hjemmefra på computer, tablet eller telefon.",
        "You follow the offer from home on a computer, tablet or phone.";
    HYBRID_TEXT = "Tilbuddet foregår både med fremmøde og digitalt.", "The offer takes place both on site and online.";
    ACCESSIBILITY = "Tilgængelighed", "Accessibility";
    SELF_REFERRAL_YES = "Du kan selv tilmelde dig.", "You can sign up yourself.";
    SELF_REFERRAL_NO = "Du kan ikke selv tilmelde dig. Du skal henvises.", "You cannot sign up yourself. You need a referral.";
    REFERRAL_FROM = "Du kan henvises af:", "You can be referred by:";
    REFERRAL_GP = "din praktiserende læge", "your GP";
    REFERRAL_HOSPITAL = "hospitalet", "the hospital";
    REFERRAL_MUNICIPALITY = "kommunen", "the municipality";
    PRICE_FREE = "Gratis", "Free";
    CONTACT_NAME = "Kontaktperson", "Contact person";
    CONTACT_PHONE = "Telefon", "Phone";
    CONTACT_EMAIL = "E-mail", "Email";
    CONTACT_WEB = "Hjemmeside", "Website";
    CONTACT_NONE = "Udbyderen har ikke oplyst kontaktoplysninger.", "The provider has not given contact details.";
    PROVIDER_KIND = "Type", "Type";
    REGION = "Ansvarlig region", "Responsible region";
    LAST_VERIFIED = "Sidst bekræftet", "Last confirmed";

    // Not found.
    NOT_FOUND_H1 = "Siden findes ikke", "Page not found";
    NOT_FOUND_TEXT = "Adressen kan være skrevet forkert, eller siden kan være flyttet.",
        "The address may be mistyped, or the page may have moved.";
    GO_TO_SEARCH = "Gå til søgningen", "Go to the search";
}

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

/// The results heading: "12 tilbud inden for 25 km af 8000 Aarhus C".
pub fn results_heading(lang: Lang, total: &str, radius: &str, place: &str) -> String {
    match lang {
        Lang::Da => format!("{total} tilbud inden for {radius} af {place}"),
        Lang::En => format!("{total} {} within {radius} of {place}", if total == "1" { "offer" } else { "offers" }),
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
        _ => return None,
    };
    Some(match lang {
        Lang::Da => da,
        Lang::En => en,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_both_languages() {
        let mut names = std::collections::HashSet::new();
        for (name, t) in ALL {
            assert!(names.insert(*name), "duplicate {name}");
            assert!(!t.da.trim().is_empty() && !t.en.trim().is_empty(), "{name} is empty");
            assert_eq!(t.da, t.da.trim(), "{name}");
        }
        assert_eq!(SEARCH_H1.get(Lang::Da), "Find et forebyggelsestilbud");
        assert_eq!(SKIP_LINK.get(Lang::Da), "Spring til indhold");
    }

    #[test]
    fn sentences() {
        assert_eq!(results_heading(Lang::Da, "12", "25 km", "8000 Aarhus C"), "12 tilbud inden for 25 km af 8000 Aarhus C");
        assert_eq!(results_heading(Lang::En, "1", "5 km", "8000 Aarhus C"), "1 offer within 5 km of 8000 Aarhus C");
        assert_eq!(course(Lang::Da, 8, 12), "Et forløb med 8 mødegange over 12 uger.");
        assert_eq!(course(Lang::Da, 1, 1), "Et forløb med 1 mødegang over 1 uge.");
        assert_eq!(page_title(Lang::Da, "Siden findes ikke"), "Siden findes ikke – Forebyg");
        assert_eq!(month(Lang::Da, 3), Some("marts"));
        assert_eq!((month(Lang::Da, 0), month(Lang::Da, 13)), (None, None));
        assert_eq!(language_name(Lang::Da, "ar"), Some("arabisk"));
        assert_eq!(language_name(Lang::Da, "xx"), None);
    }
}
