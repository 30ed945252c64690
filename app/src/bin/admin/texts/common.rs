//! Texts shared by every admin page: the page shell, loading and error messages, the language switch.

use forebyg_shared::Lang;

forebyg_app::texts! {
    LANG_SWITCH = "English", "Dansk";
    LANG_SWITCH_LABEL = "Read the administration in English", "Læs administrationen på dansk";
    TITLE_SUFFIX = "Forebyg administration", "Forebyg administration";
    SKIP_LINK = "Spring til indhold", "Skip to content";
    SITE_TAGLINE = "Administration af forebyggelsestilbud", "Administration of prevention offers";
    FOOTER = "Forebyg administration: kun for regionernes og udbydernes medarbejdere. Læsning af henvendelser logges.", "Forebyg administration: only for staff of the regions and providers. Reading requests to join is logged.";
    // The development issuer's page signs clinicians in too (for the clinician pages).
    FOOTER_DEV_LOGIN = "Forebyg: udviklingslogin for regionernes og udbydernes medarbejdere og for behandlere, der henviser.", "Forebyg: development sign-in for staff of the regions and providers and for referring clinicians.";
    NAV_LABEL = "Administration", "Administration";
    NAV_OVERVIEW = "Overblik", "Overview";
    NAV_OFFERS = "Tilbud", "Offers";
    NAV_INBOX = "Henvendelser", "Requests";
    NAV_REPORTS = "Fejlrapporter", "Error reports";
    NAV_COVERAGE = "Dækning", "Coverage";
    NAV_IMPORT = "Import og eksport", "Import and export";
    NAV_LOG = "Log", "Log";
    GO_TO_OVERVIEW = "Gå til overblikket", "Go to the overview";
    PAGE_NOT_FOUND = "Siden findes ikke", "Page not found";
    CHANGED_MEANWHILE = "Nogen ændrede det samme i mellemtiden, så din ændring blev ikke gemt. Se de nyeste oplysninger, og gentag ændringen, hvis den stadig er nødvendig.",
        "Someone changed the same thing meanwhile, so your change was not saved. Look at the latest details and repeat the change if it is still needed.";
    SERVER_ERROR = "Der skete en fejl hos os. Prøv igen om lidt.", "Something went wrong on our side. Try again in a moment.";
    SAVE_UNAVAILABLE = "Tjenesten er midlertidigt utilgængelig, så intet er gemt. Det, du har skrevet, er her stadig: prøv igen om et øjeblik.",
        "The service is temporarily unavailable, so nothing was saved. What you typed is still here: try again in a moment.";
    LOAD_UNAVAILABLE = "Tjenesten er midlertidigt utilgængelig. Prøv igen om lidt.", "The service is temporarily unavailable. Try again in a moment.";
    FORBIDDEN = "Du har ikke adgang til dette.", "You do not have access to this.";
    ERROR_PREFIX = "Fejl: ", "Error: ";
    LOADING = "Indlæser …", "Loading …";
    LEAVE_UNSAVED = "Du har ændringer, der ikke er gemt. Vil du forlade siden uden at gemme dem?", "You have changes that are not saved. Leave the page without saving them?";
    KEPT_RESTORED = "Dine ændringer er sat ind igen — de er ikke gemt endnu.", "Your changes have been put back — they are not saved yet.";
    NOT_FOUND = "Vi kunne ikke finde det, du leder efter.", "We could not find what you are looking for.";
    NETWORK = "Vi kunne ikke få forbindelse. Prøv igen.", "We could not connect. Try again.";
    SESSION_FAILED = "Vi kunne ikke hente din konto", "We could not load your account";
    SESSION_RETRYING = "Henter din konto …", "Loading your account …";
}

/// "It did not work: {detail}".
pub fn failed(detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Det lykkedes ikke: {detail}"),
        Lang::En => format!("It did not work: {detail}"),
    }
}

/// After a one-click export: "The file {name} is downloaded."
pub fn downloaded(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!(" Filen {name} er hentet."),
        Lang::En => format!(" The file {name} is downloaded."),
    }
}
