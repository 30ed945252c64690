//! `/admin/henvendelser`: requests to join.

use forebyg_shared::Lang;

forebyg_app::texts! {
    CODE = " · kode ", " · code ";
    RECEIVED = " · modtaget ", " · received ";
    WAITLIST = " · venteliste", " · waiting list";
    DECLINE = "Afvis", "Decline";
    ALL_STATUSES = "Alle", "All";
    MESSAGE = "Besked", "Message";
    INTRO = "Borgere, der gerne vil deltage i et tilbud. Kontakt dem, og opdatér status: borgeren kan se den med sin kvitteringskode. Oplysningerne slettes automatisk efter 90 dage.", "Citizens who would like to join an offer. Contact them and update the status: the citizen can see it with their receipt code. The details are deleted automatically after 90 days.";
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
    OFFER_ID = "Tilbuddets id", "Offer id";
    ENROL = "Tilmeld", "Enrol";
}

/// "Request {code} is now: {status}."
pub fn status_set(code: &str, status: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Henvendelse {code} er nu: {status}."),
        Lang::En => format!("Request {code} is now: {status}."),
    }
}
