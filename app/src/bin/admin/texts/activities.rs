//! Texts of the kronikerpakker, associations and activities pages ("Kronikerpakker",
//! "Foreninger", "Aktiviteter") and the offer editor's package and activity pickers.

use forebyg_shared::Lang;

forebyg_app::texts! {
    NAV_PACKAGES = "Kronikerpakker", "Chronic care packages";
    // The activity's times are one text box (the offer editor's are pickers, with their own hint).
    ACTIVITY_SLOTS_HINT = "Én tid pr. linje: ugedag og tid, fx »Tirsdag 17.00–18.30«.", "One time per line: weekday and time, e.g. \"Tuesday 17:00–18:30\".";
    NAV_ASSOCIATIONS = "Foreninger", "Associations";
    NAV_ACTIVITIES = "Aktiviteter", "Activities";
    PACKAGES_H1 = "Kronikerpakker", "Chronic care packages";
    PACKAGES_INTRO = "Pakkerne, som regionerne planlægger efter: sygdomme, krævede komponenter og startår pr. region. Landsadministratorer retter dem, når Sundhedsstyrelsens rammer udkommer.",
        "The packages the regions plan against: conditions, required components and start year per region. National administrators edit them when the Danish Health Authority publishes the frameworks.";
    PACKAGES_READ_ONLY = "Kun landsadministratorer kan rette pakkerne.", "Only national administrators can edit the packages.";
    EDIT_PACKAGE = "Rediger kronikerpakke", "Edit chronic care package";
    BACK_PACKAGES = "Tilbage til kronikerpakkerne", "Back to the chronic care packages";
    COL_PACKAGE = "Pakke", "Package";
    COL_CODE = "Kode", "Code";
    COL_CONDITIONS = "Sygdomme", "Conditions";
    COL_COMPONENTS = "Komponenter", "Components";
    COL_START = "Startår pr. region", "Start year per region";
    COL_SOURCE = "Kilde", "Source";
    NOT_IN_REGION = "ikke", "not";
    SECTION_NAMES = "Navn og sygdomme", "Name and conditions";
    SECTION_COMPONENTS = "Komponenter", "Components";
    COMPONENTS_HINT = "Det, pakken kræver, at borgerne tilbydes. Koden må kun indeholde a–z, 0–9 og bindestreg.",
        "What the package requires people to be offered. The code may only contain a–z, 0–9 and hyphens.";
    COMPONENT = "Komponent", "Component";
    COMPONENT_CATEGORY = "Indsats", "Intervention";
    NO_CATEGORY = "Ingen af de seks", "None of the six";
    COMPONENT_PLACEHOLDER = "Foreløbig, indtil rammen udkommer", "Provisional until the framework is published";
    ADD_COMPONENT = "Tilføj komponent", "Add component";
    REMOVE_COMPONENT = "Fjern", "Remove";
    SECTION_YEARS = "Startår og status", "Start years and status";
    YEAR = "Startår", "Start year";
    YEARS_HINT = "Tom: pakken gælder ikke i regionen.", "Empty: the package does not apply in the region.";
    SAVED_PLAIN = "Ændringerne er gemt.", "The changes are saved.";
    ASSOCIATIONS_H1 = "Foreninger", "Associations";
    ASSOCIATIONS_INTRO = "Lokale foreninger, hvor borgerne kan fortsætte efter et forløb, fx patientforeningers motionshold og idrætsforeningers sundhedshold.",
        "Local associations where people can carry on after a course, e.g. patient associations' exercise teams and sports clubs' health teams.";
    NEW_ASSOCIATION = "Opret forening", "Create association";
    EDIT_ASSOCIATION = "Rediger forening", "Edit association";
    BACK_ASSOCIATIONS = "Tilbage til foreningerne", "Back to the associations";
    UMBRELLA = "Landsorganisation", "Umbrella organisation";
    CVR_HINT = "Valgfrit. Otte cifre.", "Optional. Eight digits.";
    ACTIVITIES_H1 = "Aktiviteter", "Activities";
    ACTIVITIES_INTRO = "Foreningernes aktiviteter, som tilbud kan henvise til under »Fortsæt bagefter«.",
        "The associations' activities that offers can point to under “Continue afterwards”.";
    NEW_ACTIVITY = "Opret aktivitet", "Create activity";
    EDIT_ACTIVITY = "Rediger aktivitet", "Edit activity";
    BACK_ACTIVITIES = "Tilbage til aktiviteterne", "Back to the activities";
    CHOOSE_ASSOCIATION = "Vælg forening", "Choose association";
    COL_ASSOCIATION = "Forening", "Association";
    COL_TOWN = "By", "Town";
    COL_LED = "Tilbud, der henviser hertil", "Offers that point here";
    LED_NONE = "Ingen", "None";
    COL_ACTIVE_ACTIVITIES = "Aktive aktiviteter", "Active activities";
    READ_ONLY = "Du kan se aktiviteten, men ikke rette den: det gør regionens administratorer og redaktørerne hos den udbyder, regionen har gjort ansvarlig.",
        "You can see the activity but not change it: the region's administrators and the editors of the provider the region made responsible do.";
    NONE_MATCH = "Ingen aktiviteter passer til filtrene.", "No activities match the filters.";
    FILTERS = "Filtre", "Filters";
    STEWARD_NONE = "Ingen — kun regionen", "None — the region only";
    STEWARD_HINT = "Udbyderens redaktører kan rette aktiviteten.", "The provider's editors can edit the activity.";
    SECTION_TIMES = "Tider og pris", "Times and price";
    SECTION_PLACE = "Sted", "Place";
    PLACE_PICK_HINT = "Vælg et sted fra stedlisten, eller skriv adressen nedenfor.", "Choose a location from the list, or type the address below.";
    SECTION_MORE = "Kontakt og tilgængelighed", "Contact and accessibility";
    PICK_PACKAGES = "Kronikerpakker", "Chronic care packages";
    PICK_PACKAGES_HINT = "Vælg en pakke, og sæt kryds ved de komponenter, tilbuddet leverer.", "Choose a package and tick the components the offer delivers.";
    PICK_PACKAGE = "Tilføj pakke", "Add package";
    CHOOSE_PACKAGE = "Vælg pakke", "Choose package";
    PICK_ACTIVITIES = "Fortsæt bagefter", "Continue afterwards";
    PICK_ACTIVITIES_HINT = "Aktiviteter i foreninger, som deltagerne kan fortsætte i, de nærmeste først. De oprettes under »Aktiviteter«.",
        "Activities in associations the participants can carry on in, the nearest first. They are created under “Activities”.";
    PICK_ACTIVITY = "Tilføj aktivitet", "Add activity";
    CHOOSE_ACTIVITY = "Vælg aktivitet", "Choose activity";
    LINKED_ACTIVITIES = "Tilknyttede aktiviteter", "Linked activities";
    NO_ACTIVITIES = "Ingen endnu.", "None yet.";
    ASSOCIATION_ACTIVITIES = "Foreningens aktiviteter", "The association's activities";
    NEW_ACTIVITY_FOR = "Opret aktivitet for foreningen", "Create an activity for the association";
    OFFERS_H2 = "Tilbud, der henviser hertil", "Offers that point here";
    OFFERS_HINT = "Deltagerne i tilbuddene ser aktiviteten under »Fortsæt bagefter«. »Tilføj« og »Fjern« gemmer ændringen i tilbuddet med det samme.",
        "The offers' participants see the activity under “Continue afterwards”. “Add” and “Remove” save the change to the offer at once.";
    LINKED_CAPTION = "Henviser hertil", "Point here";
    NO_LINKED = "Intet tilbud henviser hertil endnu.", "No offer points here yet.";
    NO_SUGGESTED = "Ingen andre tilbud i nærheden til de samme sygdomme.", "No other offers nearby for the same conditions.";
    COL_OFFER = "Tilbud", "Offer";
    COL_ACTION = "Ændr", "Change";
    LINK_OFFER = "Tilføj", "Add";
    UNLINK_OFFER = "Fjern", "Remove";
}

/// The filter for the activities nobody is sent to after a course, with how many there are.
pub fn only_unled(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Vis kun aktive aktiviteter, som intet tilbud henviser til ({count})"),
        Lang::En => format!("Show only active activities no offer points to ({count})"),
    }
}

/// The filter for the activities due to be confirmed, with how many there are.
pub fn only_due(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Vis kun aktiviteter, der skal bekræftes ({count})"),
        Lang::En => format!("Show only activities that need confirming ({count})"),
    }
}

/// The caption of the offers that could point to the activity.
pub fn suggested_caption(km: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Kan henvise hertil: tilbud til de samme sygdomme inden for {km} og digitale tilbud"),
        Lang::En => format!("Could point here: offers for the same conditions within {km}, and digital offers"),
    }
}

/// Said after a click on "Tilføj" or "Fjern".
pub fn link_done(title: &str, linked: bool, lang: Lang) -> String {
    match (lang, linked) {
        (Lang::Da, true) => format!("»{title}« henviser nu hertil."),
        (Lang::Da, false) => format!("»{title}« henviser ikke længere hertil."),
        (Lang::En, true) => format!("“{title}” now points here."),
        (Lang::En, false) => format!("“{title}” no longer points here."),
    }
}

/// Under the offer's packages: the packages for an illness of its target groups it does not
/// deliver yet ("Kronikerpakke for KOL").
pub fn packages_for_target_group(names: &[String], lang: Lang) -> String {
    let or = if lang == Lang::Da { "eller" } else { "or" };
    let list = forebyg_shared::label::join_list(names, or);
    match lang {
        Lang::Da => format!("Målgruppen passer til {list}. Leverer tilbuddet en del af pakken, så tilføj den: ellers tæller tilbuddet ikke med i pakkens dækning."),
        Lang::En => format!("The target groups suit {list}. If the offer delivers part of it, add the package: otherwise it does not count in the package's coverage."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packages_for_the_target_groups_are_named() {
        let names = ["Kronikerpakke for KOL".to_owned(), "Kronikerpakke for lænderygsmerter".to_owned()];
        assert_eq!(
            packages_for_target_group(&names, Lang::Da),
            "Målgruppen passer til Kronikerpakke for KOL eller Kronikerpakke for lænderygsmerter. Leverer tilbuddet en del af pakken, så tilføj den: ellers tæller tilbuddet ikke med i pakkens dækning."
        );
    }
}
