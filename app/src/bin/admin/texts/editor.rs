//! `/admin/tilbud/ny` and `/admin/tilbud/:id`: the offer form. Field labels are in `crate::form::FIELDS`.

use forebyg_shared::Lang;

forebyg_app::texts! {
    ERROR_PREFIX = "Fejl: ", "Error: ";
    LOAD_FAILED = "Tilbuddet kunne ikke hentes", "The offer could not be loaded";
    STILL_CORRECT = "Stadig korrekt", "Still correct";
    SLOTS_HINT = "Én række pr. ugentlig tid: vælg dagen, og vælg eller skriv start- og sluttid (fx 17.30).", "One row per weekly time: choose the day, and choose or type the start and end time.";
    SLOT_DAY = "Dag", "Day";
    SLOT_FROM = "Fra kl.", "From";
    SLOT_TO = "Til kl.", "To";
    CHOOSE_DAY = "Vælg dag", "Choose a day";
    SLOT_ADD = "Tilføj en tid", "Add a time";
    SAVED = "Ændringerne er gemt.", "The changes are saved.";
    // A walk corrected an offer due for checking and took the save for the check.
    DUE = "Tilbuddet skal bekræftes: ingen har bekræftet det i over et halvt år. At gemme en rettelse bekræfter ikke resten. Er alt korrekt, så tryk »Stadig korrekt«.",
        "The offer needs confirming: no one has confirmed it for more than six months. Saving a correction does not confirm the rest. If everything is correct, press \"Still correct\".";
    NEXT_START_HINT = "Vælg datoen i kalenderen, eller skriv den i den form, feltet viser. Tom ved løbende optag.", "Pick the date in the calendar, or type it in the form the field shows. Empty for continuous enrolment.";
    NO_COORDINATES = "Koordinater: ikke sat endnu (hentes fra stedet eller postnummeret)", "Coordinates: not set yet (taken from the place or the postcode)";
    SAVE_BAR = "Gem tilbuddet", "Save the offer";
    DATE_HINT = "ÅÅÅÅ-MM-DD", "YYYY-MM-DD";
    CHOOSE_MUNICIPALITY = "Vælg kommune", "Choose a municipality";
    ON_REAPPLY = "Ved genanvendelse", "When reapplied";
    PROVIDER_SECTION = "Udbyder og kontakt", "Provider and contact";
    PLACE_HINT = "Tom for digitale tilbud.", "Empty for digital offers.";
    CREATED = "Tilbuddet er oprettet som kladde. Offentliggør det, når det er klar.", "The offer is created as a draft. Publish it when it is ready.";
    BACK = "Tilbage til tilbuddene", "Back to the offers";
    BACK_TO_COVERAGE = "Tilbage til dækningen", "Back to the coverage";
    TIMES_SECTION = "Tider", "Times";
    PLACE_SECTION = "Sted", "Place";
    STATUS_GROUP = "Status og bekræftelse", "Status and confirmation";
    CREATE = "Opret tilbud", "Create offer";
    NEW_H1 = "Opret et tilbud", "Create an offer";
    ABOUT_SECTION = "Om tilbuddet", "About the offer";
    PUBLISH = "Offentliggør", "Publish";
    NEW_STATUS = "Nyt tilbud: gemmes som kladde.", "New offer: saved as a draft.";
    CONFLICT_H2 = "Nogen har gemt tilbuddet, mens du redigerede", "Someone saved the offer while you were editing";
    CONTINUOUS = "Løbende optag", "Continuous enrolment";
    DISCARD = "Kassér mine ændringer", "Discard my changes";
    NONE = "Ingen", "None";
    HOW_TO_JOIN = "Hvordan kommer man med?", "How do people join?";
    ELIGIBILITY_SECTION = "Hvem kan deltage", "Who can join";
    AGE_HINT = "I hele år. Tom: ingen grænse.", "In whole years. Empty: no limit.";
    RESPONSE_DAYS_HINT = "Hvor mange hverdage der højst går, før udbyderen kontakter en ny henvendelse (1–20). Borgeren får det at vide før og efter, de beder om at komme med. Uden svartid tæller henvendelserne ikke med i svartiderne og bliver aldrig »Over svarfristen«.", "The most working days before the provider contacts a new request (1–20). People are told before and after they ask to join. Without one, its requests are not counted in the response times and never become “Past the promised time”.";
    RESIDENCE_NOT_STATED = "Ikke angivet", "Not stated";
    ACCEPTED_HINT = "Kun hvis tilbuddet tager færre end sine målgrupper. Vælger du ingen, kan alle i målgrupperne deltage.", "Only if the offer takes fewer than its target groups. If you choose none, anyone in the target groups can join.";
    NOTE_HINT = "Dansk skal udfyldes, hvis der er en note; engelsk vises for engelsksprogede.", "Danish is required if there is a note; English is shown to English readers.";
    REFERRAL_SECTION = "Henvisning", "Referral";
    PLACES_SECTION = "Pladser og pris", "Places and price";
    POINT_ADJUST = "Punktet er midten af postnummeret: træk nålen på kortet, eller ret koordinaterne, hvis stedet skal være præcist.", "The point is the centre of the postcode: drag the pin on the map or adjust the coordinates if the place should be exact.";
    PREVIEW = "Forhåndsvis", "Preview";
    PREVIEW_TITLE = "Forhåndsvisning", "Preview";
    PREVIEW_TEXT = "Sådan ser borgerne tilbuddets side med det, der står i formularen nu. Intet er gemt eller offentliggjort, og links virker ikke her.", "This is how citizens will see the offer's page with what the form says now. Nothing is saved or published, and links do not work here.";
    BACK_TO_EDITING = "Tilbage til redigering", "Back to editing";
    FETCH_COORDINATES = "Hent koordinater fra postnummeret", "Get coordinates from the postcode";
    REAPPLY = "Genanvend mine ændringer", "Reapply my changes";
    SAVED_VERSION = "Gemt version", "Saved version";
    SAVE = "Gem ændringer", "Save changes";
    ACCESSIBILITY_HINT = "Fx adgang for kørestol, teleslynge.", "E.g. wheelchair access, hearing loop.";
    PROVIDER_ID_HINT = "Fx aarhus-kommune", "E.g. aarhus-kommune";
    CONFLICT_CAPTION = "Forskelle mellem din udgave og den gemte", "Differences between your version and the saved one";
    COURSE = "Forløb med fast start", "Course with a fixed start";
    FIELD = "Felt", "Field";
    SUMMARY_HINT = "En til to sætninger til resultatlisten (10–300 tegn).", "One or two sentences for the result list (10–300 characters).";
    UNSAVED = "Du har ændringer, der ikke er gemt. Gem dem først.", "You have changes that are not saved. Save them first.";
    DISCARDED = "Dine ændringer er kasseret. Formularen viser den gemte version.", "Your changes are discarded. The form shows the saved version.";
    YOUR_VALUE = "Din værdi", "Your value";
    YOUR_VALUE_USED = "Din værdi bruges", "Your value is used";
    SAVED_VALUE_USED = "Den gemte værdi bruges", "The saved value is used";
    ARCHIVE = "Arkivér", "Archive";
    UNPUBLISH = "Afpublicér", "Unpublish";
    CONFIRM_ARCHIVE = "Ja, arkivér", "Yes, archive";
    CONFIRM_UNPUBLISH = "Ja, afpublicér", "Yes, unpublish";
    CANCEL = "Annullér", "Cancel";
}

/// The link to those requests: "Se den i Henvendelser" for one, "Se dem …" for more.
pub fn to_inbox(n: u32, lang: Lang) -> &'static str {
    match (lang, n) {
        (Lang::Da, 1) => "Se den i Henvendelser",
        (Lang::Da, _) => "Se dem i Henvendelser",
        (Lang::En, 1) => "See it in Requests",
        (Lang::En, _) => "See them in Requests",
    }
}

/// Before archiving or unpublishing: "2 henvendelser er hverken tilmeldt eller afvist endnu. …"
/// (received, or contacted: some on the waiting list, who have had an answer but no place).
pub fn still_waiting(n: u32, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Da, 1) => {
            "1 henvendelse er hverken tilmeldt eller afvist endnu. Afklar den først: personen venter på svar eller på en plads.".to_owned()
        }
        (Lang::Da, _) => {
            format!("{n} henvendelser er hverken tilmeldt eller afvist endnu. Afklar dem først: personerne venter på svar eller på en plads.")
        }
        (Lang::En, 1) => {
            "1 request is neither enrolled nor declined yet. Settle it first: the person is waiting for an answer or a place.".to_owned()
        }
        (Lang::En, _) => {
            format!("{n} requests are neither enrolled nor declined yet. Settle them first: the people are waiting for an answer or a place.")
        }
    }
}

/// The question before unpublishing (`draft`) or archiving (`archived`) the offer `title`.
pub fn confirm_status(what: &str, title: &str, lang: Lang) -> String {
    match (lang, what) {
        (Lang::Da, "archived") => {
            format!("Arkivér »{title}«? Tilbuddet forsvinder fra søgningen for borgere og klinikere. Du kan offentliggøre det igen senere.")
        }
        (Lang::Da, _) => format!("Afpublicér »{title}«? Tilbuddet bliver en kladde og forsvinder fra søgningen, indtil det offentliggøres igen."),
        (Lang::En, "archived") => {
            format!("Archive \"{title}\"? The offer disappears from the search for citizens and clinicians. You can publish it again later.")
        }
        (Lang::En, _) => format!("Unpublish \"{title}\"? The offer becomes a draft and disappears from the search until it is published again."),
    }
}

/// A new offer opened from a gap in the coverage table: what is missing where, and what the form
/// has filled in (`municipality`: none when the address named none of the admin's region).
pub fn from_gap(category: &str, municipality: Option<&str>, lang: Lang) -> String {
    match (lang, municipality) {
        (Lang::Da, Some(m)) => format!("Fra dækningen: {category} mangler i {m}. Indsatsen og kommunen er udfyldt; resten udfylder du."),
        (Lang::Da, None) => format!("Fra dækningen: {category} mangler. Indsatsen er udfyldt; resten udfylder du."),
        (Lang::En, Some(m)) => {
            format!("From the coverage: {category} is missing in {m}. The intervention and the municipality are filled in; you fill in the rest.")
        }
        (Lang::En, None) => format!("From the coverage: {category} is missing. The intervention is filled in; you fill in the rest."),
    }
}

/// "Edit »{title}«".
pub fn edit_title(title: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Rediger »{title}«"),
        Lang::En => format!("Edit \"{title}\""),
    }
}

/// "The offer is confirmed today ({date})."
pub fn verified(date: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Tilbuddet er bekræftet i dag ({date})."),
        Lang::En => format!("The offer is confirmed today ({date})."),
    }
}

/// "The status is now: {status}."
pub fn status_now(status: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Status er nu: {status}."),
        Lang::En => format!("The status is now: {status}."),
    }
}

/// After reapplying onto version `v`.
pub fn reapplied(v: u64, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Dine ændringer er lagt oven på version {v}. Tjek felterne, og tryk »Gem ændringer« igen."),
        Lang::En => format!("Your changes are applied on top of version {v}. Check the fields and press \"Save changes\" again."),
    }
}

/// "Coordinates for {postcode} {town} are filled in."
pub fn coordinates_set(postcode: &str, town: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Koordinaterne for {postcode} {town} er sat ind."),
        Lang::En => format!("The coordinates of {postcode} {town} are filled in."),
    }
}

/// The coordinates' summary line: "Koordinater: 56.17, 9.55 (ret dem her)".
pub fn coordinates(lat: &str, lon: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Koordinater: {lat}, {lon} (ret dem her)"),
        Lang::En => format!("Coordinates: {lat}, {lon} (adjust them here)"),
    }
}

/// "The postcode could not be looked up. {reason}"
pub fn postcode_failed(reason: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Postnummeret kunne ikke slås op. {reason}"),
        Lang::En => format!("The postcode could not be looked up. {reason}"),
    }
}

/// "Status: {status} · version {v} · last confirmed {date}".
pub fn status_line(status: &str, v: u64, date: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Status: {status} · version {v} · sidst bekræftet {date}"),
        Lang::En => format!("Status: {status} · version {v} · last confirmed {date}"),
    }
}

/// The conflict's explanation: the offer is now version `v`.
pub fn conflict(v: u64, lang: Lang) -> String {
    match lang {
        Lang::Da => {
            format!("Dine ændringer er ikke gemt: tilbuddet er nu version {v}. Her er felterne, hvor din udgave og den gemte udgave er forskellige.")
        }
        Lang::En => {
            format!("Your changes are not saved: the offer is now version {v}. Here are the fields where your version and the saved version differ.")
        }
    }
}

/// A row of the weekly times: "Tid 2".
pub fn slot(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Tid {n}"),
        Lang::En => format!("Time {n}"),
    }
}

/// Its remove button: "Fjern tid 2".
pub fn slot_remove(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Fjern tid {n}"),
        Lang::En => format!("Remove time {n}"),
    }
}
