//! `/admin/henvendelser`: requests to join.

use forebyg_shared::referral::ReferralStatus;
use forebyg_shared::Lang;

forebyg_app::texts! {
    CODE = " · kode ", " · code ";
    RECEIVED = " · modtaget ", " · received ";
    WAITLIST = " · på venteliste (tilbyd personen den næste ledige plads)", " · on the waiting list (offer the person the next free place)";
    // A step of its own beside "Kontaktet": the class filled up after the person asked.
    ONTO_WAITLIST = "Sæt på venteliste", "Put on the waiting list";
    ON_WAITLIST = "Kontaktet, på venteliste", "Contacted, on the waiting list";
    ALREADY_ON_WAITLIST = "Personen står på ventelisten og ser det på sin statusside. »Tilmeld« tager personen af listen.",
        "The person is on the waiting list and sees so on their status page. \u{201c}Enrol\u{201d} takes them off the list.";
    DECLINE = "Afvis", "Decline";
    // The card's label of a declined request's reason.
    DECLINED = "Afvist", "Declined";
    // The first option of the status and sender filters.
    ALL_OF = "Alle", "All";
    SENT_BY = "Afsender", "Sent by";
    PROVIDER = "Udbyder", "Provider";
    ALL_PROVIDERS = "Alle udbydere", "All providers";
    MESSAGE = "Besked", "Message";
    REASON = "Begrundelse for henvisningen", "Reason for the referral";
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
    // An open request whose offer is archived or back to draft.
    OFFER_GONE = "Tilbuddet er arkiveret: ingen nye kan finde det eller bede om at komme med. Kan personen stadig komme med, så tilmeld dem; ellers hjælp dem videre til et andet tilbud, eller afvis henvendelsen med en begrundelse.", "The offer is archived: no one new can find it or ask to join. If the person can still join, enrol them; otherwise help them on to another offer, or decline the request with a reason.";
    OFFER_NAME = "Tilbuddets navn (eller en del af det)", "The offer's name (or part of it)";
    // The person who phones: their name, or the code on their receipt or the referral's slip.
    PERSON = "Personens navn eller kode", "The person's name or code";
    FROM = "Modtaget fra og med", "Received from";
    TO = "Modtaget til og med", "Received until";
    SHOW_WITHDRAWN = "Vis også tilbagetrukne", "Also show withdrawn ones";
    ONLY_OVERDUE = "Kun dem over svarfristen (ikke kontaktet til den lovede tid)", "Only those past the promised time (not contacted in the time promised)";
    CONTACT_BY = "Lovet kontakt senest ", "Contact promised by ";
    OVERDUE = "Over svarfristen", "Past the promised time";
    SAME_CONTACT = "Mulig dublet", "Possible duplicate";
    OTHER_CONDITION = "Anden sygdom", "Other condition";
    REOPEN = "Genåbn", "Reopen";
    ENROL = "Tilmeld", "Enrol";
    ENROL_CONFIRM = "Tilmeld personen", "Enrol the person";
    FIRST_SESSION = "Første mødegang", "First session";
    FIRST_SESSION_ON = "Dato for første mødegang (valgfri)", "Date of the first session (optional)";
    FIRST_SESSION_AT = "Klokkeslæt (valgfrit)", "Time (optional)";
    // Who reads the day: the person on the status page, a referrer in "Mine henvisninger".
    FIRST_SESSION_HINT = "Den første mødegang ser personen på sin statusside, og en henviser ser den under »Mine henvisninger«. Kender I ikke dagen endnu, så tilmeld uden, og tilføj den senere.",
        "The person sees the first session on their status page, and a referrer sees it under \u{201c}My referrals\u{201d}. If you do not know the day yet, enrol without it and add it later.";
    // Adding or moving the first session of an enrolled person: the day is then what is asked.
    FIRST_SESSION_ON_REQUIRED = "Dato for første mødegang", "Date of the first session";
    FIRST_SESSION_MOVE_HINT = "Personen ser den nye dag på sin statusside, og en henviser ser den under »Mine henvisninger«. Ring og sig det til personen, når dagen flyttes.",
        "The person sees the new day on their status page, and a referrer sees it under \u{201c}My referrals\u{201d}. Call the person to tell them when the day moves.";
    FIRST_SESSION_REQUIRED = "Skriv datoen for første mødegang.", "Enter the date of the first session.";
    UNDO_ENROL_CONFIRM = "Ja, fortryd tilmeldingen", "Yes, undo the enrolment";
    SET_FIRST_SESSION = "Tilføj første mødegang", "Add the first session";
    MOVE_FIRST_SESSION = "Ret første mødegang", "Change the first session";
    SAVE_FIRST_SESSION = "Gem første mødegang", "Save the first session";
    COMPLETE = "Afslut", "Complete";
    DISCONTINUE = "Afbryd", "Discontinue";
    UNDO_ENROL = "Fortryd tilmelding", "Undo enrolment";
    UNDO_CONTACTED = "Fortryd kontaktet", "Undo contacted";
    UNDO_CONTACTED_CONFIRM = "Ja, fortryd kontaktet", "Yes, undo contacted";
    // From a completed or discontinued course, "Tilmeld" reopens it.
    REOPEN_COURSE = "Genåbn forløbet", "Reopen the course";
    SELF_REFERRAL = "Egen henvendelse", "Self-referral";
    REFERRED_BY = "Henvist af", "Referred by";
    CPR = "CPR-nummer", "CPR number";
    CONDITIONS = "Sygdom", "Condition";
    INTERPRETER = "Tolk", "Interpreter";
    DECLINE_REASON = "Hvorfor afvises henvisningen?", "Why is the referral declined?";
    DECLINE_NOTE = "Note (skal udfyldes ved »Andet«)", "Note (required with \u{201c}Other\u{201d})";
    // Who reads a decline's note: the referrer ("Mine henvisninger"); the person's status page
    // shows the reason only, in plain words (app/src/next_steps.rs `declined_because`).
    DECLINE_NOTE_HINT = "Den, der henviste, læser noten under »Begrundelse for afvisning«. Borgeren ser ikke noten: statussiden viser kun årsagen.",
        "The referrer reads the note under \u{201c}Reason for declining\u{201d}. The citizen does not see the note: the status page shows only the reason.";
    DECLINE_REQUEST_NOTE_HINT = "Kun til jer selv: borgeren ser ikke noten, kun årsagen, på sin statusside.",
        "For yourselves only: the citizen does not see the note, only the reason, on their status page.";
    DECLINE_CONFIRM = "Afvis henvisningen", "Decline the referral";
    CLOSING_NOTE = "Afslutningsnotat", "Closing note";
    CLOSING_NOTE_HINT = "Til henviseren: hvordan forløbet gik. Ingen helbredsoplysninger ud over det nødvendige.",
        "For the referrer: how the course went. No health details beyond what is needed.";
    COMPLETE_CONFIRM = "Afslut henvisningen", "Complete the referral";
    DISCONTINUE_NOTE = "Afslutningsnotat: hvorfor stoppede forløbet?", "Closing note: why did the course stop?";
    DISCONTINUE_NOTE_HINT = "Til henviseren: hvorfor forløbet stoppede før tid, og hvad deltageren nåede. Ingen helbredsoplysninger ud over det nødvendige.",
        "For the referrer: why the course stopped early, and what the participant achieved. No health details beyond what is needed.";
    DISCONTINUE_CONFIRM = "Afbryd forløbet", "Discontinue the course";
    // A citizen's own request: no referrer, and the citizen does not see the note.
    DECLINE_REQUEST_REASON = "Hvorfor afvises henvendelsen?", "Why is the request declined?";
    DECLINE_REQUEST_CONFIRM = "Afvis henvendelsen", "Decline the request";
    OWN_CLOSING_NOTE = "Afslutningsnotat (valgfrit)", "Closing note (optional)";
    OWN_CLOSING_NOTE_HINT = "Kun til jer selv: hvordan forløbet gik. Borgeren ser det ikke. Ingen helbredsoplysninger ud over det nødvendige.",
        "For yourselves only: how the course went. The citizen does not see it. No health details beyond what is needed.";
    COMPLETE_REQUEST_CONFIRM = "Afslut henvendelsen", "Complete the request";
    CANCEL = "Annullér", "Cancel";
    HISTORY = "Historik", "History";
    NOTE = "Note", "Note";
    NEW_NOTE = "Ny note", "New note";
    ADD_NOTE = "Tilføj note", "Add note";
    NOTE_HINT = "Til kolleger, fx hvornår I ringede. Borgeren og henviseren ser den ikke. Skriv kun det nødvendige: noten slettes sammen med henvendelsen.",
        "For colleagues, e.g. when you called. The citizen and the referrer do not see it. Write only what is needed: the note is deleted with the request.";
    NOTE_ADDED = "Noten er tilføjet.", "The note was added.";
    NEXT_STEP = "Næste skridt til deltageren", "The participant's next step";
    NEXT_STEP_HINT = "Et ark at udskrive eller sende til deltageren med de foreningsaktiviteter, tilbuddet fører videre til. Arket indeholder ingen personoplysninger.",
        "A sheet to print or send to the participant with the association activities the offer leads on to. The sheet holds no personal data.";
    SHEET_DA = "Arket på dansk (åbner i en ny fane)", "The sheet in Danish (opens in a new tab)";
    SHEET_EN = "Arket på engelsk (åbner i en ny fane)", "The sheet in English (opens in a new tab)";
}

/// Why a request is marked as a possible duplicate: the codes of the other live requests to the
/// same offer with its phone number or e-mail.
pub fn same_contact(codes: &[String], lang: Lang) -> String {
    let codes = codes.join(", ");
    match lang {
        Lang::Da => {
            format!("Samme telefonnummer eller e-mail som henvendelse {codes} til dette tilbud: måske den samme person, der har spurgt to gange.")
        }
        Lang::En => format!("Same phone number or e-mail as request {codes} to this offer: perhaps the same person asking twice."),
    }
}

/// Why a clinician's referral is marked: the offer takes only these conditions (`names`), and the
/// referral names none of them.
pub fn offer_only_for(names: &[String], lang: Lang) -> String {
    match lang {
        Lang::Da => format!(
            "Tilbuddet er kun for {}, og henvisningen nævner ingen af dem. Tjek med henviseren, før I ringer til patienten.",
            forebyg_shared::label::join_list(names, "eller")
        ),
        Lang::En => format!(
            "The offer is only for {}, and the referral names none of them. Check with the referrer before you call the patient.",
            forebyg_shared::label::join_list(names, "or")
        ),
    }
}

/// Why the disabled workflow buttons of a request in `status` are disabled: what may happen next.
pub fn steps_hint(status: ReferralStatus, lang: Lang) -> &'static str {
    use ReferralStatus::*;
    match (status, lang) {
        (Received, Lang::Da) => "»Afslut« og »Afbryd« kan først vælges, når personen er tilmeldt.",
        (Received, Lang::En) => "“Complete” and “Discontinue” can only be chosen once the person is enrolled.",
        (Contacted, Lang::Da) => "»Afslut« og »Afbryd« kan først vælges, når personen er tilmeldt. »Fortryd kontaktet« retter en kontakt, der ikke blev til noget.",
        (Contacted, Lang::En) => "“Complete” and “Discontinue” can only be chosen once the person is enrolled. “Undo contacted” corrects a contact that did not happen.",
        (Enrolled, Lang::Da) => "Personen er tilmeldt: næste skridt er »Afslut«, når forløbet er slut, eller »Afbryd«, hvis personen stopper før tid. »Fortryd tilmelding« retter en tilmelding, der ikke blev til noget.",
        (Enrolled, Lang::En) => "The person is enrolled: the next step is “Complete”, once the course has ended, or “Discontinue”, if they stop early. “Undo enrolment” corrects an enrolment that came to nothing.",
        (Declined, Lang::Da) => "Henvendelsen er afvist: »Genåbn« den for at ændre beslutningen. Den kan ikke afsluttes.",
        (Declined, Lang::En) => "The request is declined: “Reopen” it to change the decision. It cannot be completed.",
        (Completed, Lang::Da) => "Henvendelsen er afsluttet: der er ikke flere skridt. »Genåbn forløbet« retter en afslutning, der var en fejl.",
        (Completed, Lang::En) => "The request is completed: there are no more steps. “Reopen the course” corrects a completion made by mistake.",
        (Discontinued, Lang::Da) => "Forløbet er afbrudt: der er ikke flere skridt. »Genåbn forløbet« retter en afbrydelse, der var en fejl.",
        (Discontinued, Lang::En) => "The course was discontinued: there are no more steps. “Reopen the course” corrects a discontinuation made by mistake.",
        (Withdrawn, Lang::Da) => "Henvendelsen er trukket tilbage: der er ikke flere skridt.",
        (Withdrawn, Lang::En) => "The request was withdrawn: there are no more steps.",
    }
}

/// "Request {code} is now: {status}." (`referred`: a clinician's referral, "Henvisning", as its
/// card and buttons name it).
pub fn status_set(code: &str, status: &str, referred: bool, lang: Lang) -> String {
    match (lang, referred) {
        (Lang::Da, false) => format!("Henvendelse {code} er nu: {status}."),
        (Lang::Da, true) => format!("Henvisning {code} er nu: {status}."),
        (Lang::En, false) => format!("Request {code} is now: {status}."),
        (Lang::En, true) => format!("Referral {code} is now: {status}."),
    }
}

/// "The person has their first session {when}. …" (undoing an enrolment with a first session).
pub fn undo_enrol_warning(when: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Personen har første mødegang {when}. Fortryder I tilmeldingen, forsvinder dagen fra henviserens oversigt, og personens statusside siger, at den er aflyst. Ring og sig det til personen."),
        Lang::En => format!("The person has their first session {when}. If you undo the enrolment, the day disappears from the referrer's list and their status page says it is cancelled. Call the person to tell them."),
    }
}

/// What undoing a contact does (`waitlist`: the person is on the waiting list; `promised`: the
/// offer promised contact by a day).
pub fn undo_contact_warning(waitlist: bool, promised: bool, lang: Lang) -> String {
    let (base, off_list, day) = match lang {
        Lang::Da => (
            "Henvendelsen står igen som modtaget: personen venter på et opkald.",
            " Personen kommer af ventelisten.",
            " Den lovede kontaktdag gælder igen: kontakten tæller ikke med i svartiderne.",
        ),
        Lang::En => (
            "The request is received again: the person waits for a call.",
            " They come off the waiting list.",
            " The promised contact day applies again: the contact no longer counts in the response times.",
        ),
    };
    format!("{base}{}{}", if waitlist { off_list } else { "" }, if promised { day } else { "" })
}

/// "The first session is {when}, still to come. …" (completing before it).
pub fn complete_before_first_session(when: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Første mødegang er {when} og er ikke kommet endnu. Er forløbet gennemført alligevel? Stoppede personen før start, så vælg »Afbryd«; blev tilmeldingen ikke til noget, så vælg »Fortryd tilmelding«."),
        Lang::En => format!("The first session is {when} and is still to come. Was the course completed all the same? If the person stopped before the start, choose “Discontinue”; if the enrolment came to nothing, choose “Undo enrolment”."),
    }
}

/// "Request {code} is now: Enrolled, first session {when}." (after enrolling with a first session,
/// or moving it).
pub fn enrolled_set(code: &str, when: &str, referred: bool, lang: Lang) -> String {
    let status = match lang {
        Lang::Da => format!("Tilmeldt, første mødegang {when}"),
        Lang::En => format!("Enrolled, first session {when}"),
    };
    status_set(code, &status, referred, lang)
}

/// The history's heading, with how many notes it holds.
pub fn history_summary(notes: usize, lang: Lang) -> String {
    match (lang, notes) {
        (Lang::Da, 0) => "Historik og noter".into(),
        (Lang::Da, 1) => "Historik og noter (1 note)".into(),
        (Lang::Da, n) => format!("Historik og noter ({n} noter)"),
        (Lang::En, 0) => "History and notes".into(),
        (Lang::En, 1) => "History and notes (1 note)".into(),
        (Lang::En, n) => format!("History and notes ({n} notes)"),
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

/// "67 år": a patient's age from their CPR number.
pub fn age(years: u8, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("{years} år"),
        Lang::En => format!("{years} years"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_steps_hint_says_why_complete_is_not_offered_yet() {
        for s in [ReferralStatus::Received, ReferralStatus::Contacted] {
            assert!(!s.provider_may_move_to(ReferralStatus::Completed));
            assert!(!s.provider_may_move_to(ReferralStatus::Discontinued));
            assert!(steps_hint(s, Lang::Da).starts_with("»Afslut« og »Afbryd« kan først vælges, når personen er tilmeldt."));
        }
        // Undoing a contact says what it changes, and only that.
        assert_eq!(undo_contact_warning(false, false, Lang::Da), "Henvendelsen står igen som modtaget: personen venter på et opkald.");
        assert_eq!(
            undo_contact_warning(true, true, Lang::En),
            "The request is received again: the person waits for a call. They come off the waiting list. The promised contact day applies again: the contact no longer counts in the response times."
        );
        // A contact is taken back to received from contacted, a decline made before anyone called
        // from declined ("Genåbn"), and nothing else.
        assert!(ReferralStatus::Contacted.provider_may_move_to(ReferralStatus::Received));
        assert!(ReferralStatus::Declined.provider_may_move_to(ReferralStatus::Received));
        assert!(steps_hint(ReferralStatus::Contacted, Lang::Da).contains("»Fortryd kontaktet«"));
        for other in [ReferralStatus::Enrolled, ReferralStatus::Completed, ReferralStatus::Received] {
            assert!(!other.provider_may_move_to(ReferralStatus::Received), "{other:?}");
        }
        for next in [ReferralStatus::Completed, ReferralStatus::Discontinued, ReferralStatus::Contacted] {
            assert!(ReferralStatus::Enrolled.provider_may_move_to(next), "{next:?}");
        }
        // A closed course reopens to enrolled, and only to it.
        for closed in [ReferralStatus::Completed, ReferralStatus::Discontinued] {
            assert!(closed.provider_may_move_to(ReferralStatus::Enrolled));
            assert!(!closed.provider_may_move_to(ReferralStatus::Contacted) && !closed.provider_may_move_to(ReferralStatus::Declined));
            assert!(steps_hint(closed, Lang::Da).contains("»Genåbn forløbet«"));
        }
        assert!(steps_hint(ReferralStatus::Declined, Lang::En).contains("cannot be completed"));
    }
}
