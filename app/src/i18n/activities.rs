//! The association activity pages' texts (`/aktiviteter`, `/aktiviteter/:id`).

use forebyg_shared::Lang;

crate::texts! {
    SEARCH_H1 = "Foreningsaktiviteter nær dig", "Association activities near you";
    SEARCH_INTRO = "Lokale foreninger har hold, du kan fortsætte på, når et forløb er slut, fx hjerte- og lungetræning eller motionshold. Søg på dit postnummer og din sygdom.",
        "Local associations run groups you can carry on with when a course ends, e.g. heart or lung training or exercise groups. Search by your postcode and your condition.";
    CONDITION_LABEL = "Din sygdom", "Your condition";
    CONDITION_ANY = "Alle sygdomme", "All conditions";
    SEARCH_BUTTON = "Find aktiviteter", "Find activities";
    RESULTS_H2 = "Aktiviteter", "Activities";
    NONE_FOUND = "Vi fandt ingen aktiviteter inden for afstanden.", "We found no activities within the distance.";
    ALL_CONDITIONS_LINK = "Søg i aktiviteter for alle sygdomme", "Search activities for all conditions";
    NONE_WITHIN_REACH = "Der er heller ingen inden for 300 km.", "There are none within 300 km either.";
    FROM_ISLAND = "Du søger fra en ø uden fast forbindelse: aktiviteter uden for øen kræver en færgetur.",
        "You are searching from an island without a fixed link: activities off the island need a ferry crossing.";
    RADIUS_LABEL = "Afstand", "Distance";
    LOADING = "Henter aktiviteter …", "Loading activities …";
    FIND_MORE = "Find flere foreningsaktiviteter nær dig", "Find more association activities near you";
    FIND_NEAR = "Find foreningsaktiviteter nær dig", "Find association activities near you";
    FOOTER_LINK = "Foreningsaktiviteter efter et forløb", "Association activities after a course";
    // The activity page.
    NOT_FOUND_H1 = "Aktiviteten findes ikke", "The activity does not exist";
    NOT_FOUND_TEXT = "Vi kan ikke finde aktiviteten. Den kan være stoppet, eller linket kan være forkert.",
        "We cannot find the activity. It may have stopped, or the link may be wrong.";
    ERROR_H1 = "Aktiviteten kunne ikke hentes", "The activity could not be loaded";
    BACK = "Find andre aktiviteter", "Find other activities";
    ASSOCIATION = "Forening", "Association";
    UMBRELLA = "Landsforening", "National organisation";
    SUITS = "Passer til", "Suits";
    SUITS_ALL = "Alle", "Everyone";
    INTENSITY = "Hvor hårdt", "How hard";
    WHEN = "Hvornår", "When";
    WHERE = "Hvor", "Where";
    PRICE = "Pris", "Price";
    SUBSIDY = "Tilskud", "Subsidy";
    TRY_IT = "Prøv det", "Try it";
    HOW_TO_JOIN = "Sådan kommer du med", "How to join";
    JOIN_TEXT = "Kontakt foreningen direkte. Du behøver ingen henvisning.", "Contact the association directly. You need no referral.";
    DANISH_ONLY = "Teksten om aktiviteten findes kun på dansk.", "The description of this activity is only in Danish.";
    PRINT = "Udskriv", "Print";
    // The participant's next-step sheet after a completed course.
    SHEET_H1 = "Fortsæt efter forløbet", "Carry on after the course";
    SHEET_KEEP_UP = "Det, du har lært, holder bedst, når du fortsætter sammen med andre.", "What you have learnt lasts best when you carry on with others.";
    // Only where activities follow.
    SHEET_HERE = "Her er lokale foreningsaktiviteter tæt på, hvor du kan fortsætte. Kontakt foreningen direkte – du behøver ingen henvisning.",
        "Here are local association activities nearby where you can continue. Contact the association directly – you need no referral.";
    SHEET_NONE = "Vi fandt ingen foreningsaktiviteter i nærheden.", "We found no association activities nearby.";
    // Followed by the activity search's address for the offer's place and condition.
    SHEET_MORE = "Søg selv efter aktiviteter på", "Search for activities yourself at";
    // Followed by a space, the offer's title (Danish, so the page marks it `lang="da"`) and a full stop.
    SHEET_COMPLETED = "Du har gennemført", "You have completed";
    SHEET_ENDED = "Du har gennemført et forløb, som nu er afsluttet.", "You have completed a course that has now ended.";
    SHEET_LANGUAGE = "Arkets sprog", "The sheet's language";
}

/// "{n} activities within {km} of {place}".
pub fn count(n: usize, km: &str, place: &str, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Da, 1) => format!("1 aktivitet inden for {km} fra {place}"),
        (Lang::Da, _) => format!("{n} aktiviteter inden for {km} fra {place}"),
        (Lang::En, 1) => format!("1 activity within {km} of {place}"),
        (Lang::En, _) => format!("{n} activities within {km} of {place}"),
    }
}

/// "Søg inden for 100 km: 2 aktiviteter, den nærmeste 73 km væk": the nearest wider distance
/// that finds something.
pub fn wider_found(radius: &str, n: u32, nearest: &str, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Da, 1) => format!("Søg inden for {radius}: 1 aktivitet, {nearest} væk"),
        (Lang::Da, _) => format!("Søg inden for {radius}: {n} aktiviteter, den nærmeste {nearest} væk"),
        (Lang::En, 1) => format!("Search within {radius}: 1 activity, {nearest} away"),
        (Lang::En, _) => format!("Search within {radius}: {n} activities, the nearest {nearest} away"),
    }
}
