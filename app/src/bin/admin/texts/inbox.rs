//! `/admin/henvendelser`: requests to join.

use forebyg_shared::Lang;

forebyg_app::texts! {
    CODE = " · kode ", " · code ";
    RECEIVED = " · modtaget ", " · received ";
    WAITLIST = " · venteliste (holdet var fuldt, da personen spurgte: tilbyd den næste ledige plads)", " · waiting list (the course was full when they asked: offer the next free place)";
    DECLINE = "Afvis", "Decline";
    ALL_STATUSES = "Alle", "All";
    MESSAGE = "Besked", "Message";
    INTRO = "Borgere, der gerne vil deltage i et tilbud, og henvisninger fra læger, hospitaler og kommuner. Kontakt dem, og opdatér status: borgeren ser den med sin kvitteringskode, henviseren under »Mine henvisninger«. Oplysningerne slettes automatisk.", "Citizens who would like to join an offer, and referrals from GPs, hospitals and municipalities. Contact them and update the status: the citizen sees it with their receipt code, the referrer under \u{201c}My referrals\u{201d}. The details are deleted automatically.";
    EMAIL = "E-mail", "Email";
    FILTER_LABEL = "Filtrér henvendelser", "Filter requests";
    FILTER = "Filtrér", "Filter";
    H1 = "Henvendelser", "Requests";
    EMPTY = "Ingen henvendelser.", "No requests.";
    CONTACTED = "Kontaktet", "Contacted";
    CONTACT_TIME = "Kontakttid", "Contact time";
    STATUS = "Status", "Status";
    PHONE = "Telefon", "Phone";
    OFFER = "Tilbud", "Offer";
    OFFER_NAME = "Tilbuddets navn (eller en del af det)", "The offer's name (or part of it)";
    FROM = "Modtaget fra og med", "Received from";
    TO = "Modtaget til og med", "Received until";
    SHOW_WITHDRAWN = "Vis også tilbagetrukne", "Also show withdrawn ones";
    REOPEN = "Genåbn", "Reopen";
    ENROL = "Tilmeld", "Enrol";
    COMPLETE = "Afslut", "Complete";
    SELF_REFERRAL = "Egen henvendelse", "Self-referral";
    REFERRED_BY = "Henvist af", "Referred by";
    CPR = "CPR-nummer", "CPR number";
    CONDITIONS = "Sygdom", "Condition";
    INTERPRETER = "Tolk", "Interpreter";
    DECLINE_REASON = "Hvorfor afvises henvisningen?", "Why is the referral declined?";
    DECLINE_NOTE = "Note (skal udfyldes ved »Andet«)", "Note (required with \u{201c}Other\u{201d})";
    DECLINE_CONFIRM = "Afvis henvisningen", "Decline the referral";
    CLOSING_NOTE = "Afslutningsnotat", "Closing note";
    CLOSING_NOTE_HINT = "Til henviseren: hvordan forløbet gik. Ingen helbredsoplysninger ud over det nødvendige.",
        "For the referrer: how the course went. No health details beyond what is needed.";
    COMPLETE_CONFIRM = "Afslut henvisningen", "Complete the referral";
    CANCEL = "Fortryd", "Cancel";
    HISTORY = "Historik", "History";
    NEXT_STEP = "Næste skridt til deltageren", "The participant's next step";
    NEXT_STEP_HINT = "Et ark at udskrive eller sende til deltageren med de foreningsaktiviteter, tilbuddet fører videre til. Arket indeholder ingen personoplysninger.",
        "A sheet to print or send to the participant with the association activities the offer leads on to. The sheet holds no personal data.";
    SHEET_DA = "Arket på dansk (åbner i en ny fane)", "The sheet in Danish (opens in a new tab)";
    SHEET_EN = "Arket på engelsk (åbner i en ny fane)", "The sheet in English (opens in a new tab)";
}

/// "Request {code} is now: {status}."
pub fn status_set(code: &str, status: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Henvendelse {code} er nu: {status}."),
        Lang::En => format!("Request {code} is now: {status}."),
    }
}

/// "{n} requests".
pub fn count(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Da, 1) => "1 henvendelse".to_owned(),
        (Lang::Da, _) => format!("{n} henvendelser"),
        (Lang::En, 1) => "1 request".to_owned(),
        (Lang::En, _) => format!("{n} requests"),
    }
}
