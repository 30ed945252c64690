//! The texts of the referral form, its receipt and "Mine henvisninger" (one referral and the
//! list), in Danish and English.

use forebyg_shared::Lang;

crate::texts! {
    // Referring.
    REFER_H1_PREFIX = "Henvis til", "Refer to";
    NOT_ELIGIBLE_REFER = "Udbyderen vil sandsynligvis afvise henvisningen.", "The provider will probably decline the referral.";
    REFER_INTRO = "Send kun det, udbyderen skal bruge for at kontakte patienten. Udbyderen svarer dig her, og du kan følge henvisningen under »Mine henvisninger«.",
        "Send only what the provider needs to contact the patient. The provider answers you here, and you can follow the referral under \u{201c}My referrals\u{201d}.";
    PATIENT_NAME = "Patientens navn", "The patient's name";
    CONTACT_SENT = "Patientens kontakt (som sendt)", "The patient's contact (as sent)";
    PATIENT_CONTACT = "Hvordan kan udbyderen kontakte patienten?", "How can the provider contact the patient?";
    PATIENT_CONTACT_HINT = "Telefonnummer, e-mailadresse eller begge dele.", "Phone number, e-mail address or both.";
    PHONE_LABEL = "Telefonnummer", "Phone number";
    PHONE_HINT = "8 cifre, fx 22 34 56 78", "8 digits, e.g. 22 34 56 78";
    EMAIL_LABEL = "E-mailadresse", "E-mail address";
    // The provider calls to agree the start: a patient at work all day is otherwise called in vain.
    CALL_TIME_LABEL = "Hvornår kan patienten bedst ringes op? (valgfrit)", "When is the best time to call the patient? (optional)";
    CALL_TIME_UNSAID = "Ikke oplyst", "Not given";
    CALL_TIME_SENT = "Ringes helst op", "Best time to call";
    CPR_LABEL = "CPR-nummer (valgfrit)", "CPR number (optional)";
    CPR_HINT = "10 cifre, fx 010160-1234. Kun den, der behandler henvisningen, ser det.", "10 digits, e.g. 010160-1234. Only whoever handles the referral sees it.";
    REASON_LABEL = "Kort begrundelse (valgfrit)", "Short reason (optional)";
    REASON_REQUIRED_LABEL = "Kort begrundelse (skal udfyldes)", "Short reason (required)";
    REASON_HINT = "Fx »KOL, motiveret for træning«. Højst 500 tegn.", "E.g. \u{201c}COPD, motivated for exercise\u{201d}. At most 500 characters.";
    INTERPRETER_LABEL = "Behov for tolk", "Interpreter needed";
    NO_INTERPRETER = "Ingen tolk", "No interpreter";
    CONSENT_LABEL = "Patienten har sagt ja til, at henvisningen sendes", "The patient agreed to the referral being sent";
    CONSENT_HINT = "Oplysningerne sendes kun til udbyderen af tilbuddet og slettes senest 90 dage efter, at henvisningen er afsluttet.",
        "The details go only to the offer's provider and are deleted at the latest 90 days after the referral is closed.";
    SEND_REFERRAL = "Send henvisningen", "Send the referral";
    SENDING = "Sender …", "Sending …";
    SENT = "Henvisningen er sendt", "The referral has been sent";
    TWIN_H = "Er patienten allerede henvist hertil?", "Is the patient already referred here?";
    SENT_CLOSED = "Henvisningen er afsluttet, så arket til patienten vises ikke her. Se forløbet på henvisningens side.",
        "The referral is closed, so the patient's sheet is not shown here. See its course on the referral's page.";
    SENT_TEXT = "Udbyderen kontakter patienten. Du kan følge henvisningen under »Mine henvisninger«.",
        "The provider will contact the patient. You can follow the referral under \u{201c}My referrals\u{201d}.";
    // On the form before sending and on the receipt: the referral is received, not yet accepted
    // (the API keeps that the offer had a waiting list and promises no contact day).
    // The provider put the patient on the offer's waiting list (the class was full).
    ON_WAITLIST = "på venteliste", "on the waiting list";
    CONTACTED_WAITLIST = "Kontaktet, på venteliste", "Contacted, on the waiting list";
    WAITLIST_REFER = "Tilbuddet har venteliste: tager udbyderen imod henvisningen, kommer patienten på den. Udbyderen kontakter patienten, når der er plads: der er ingen lovet dag.",
        "The offer has a waiting list: if the provider accepts the referral, the patient goes on it. The provider contacts the patient when there is room: no day is promised.";
    REFERRAL_CODE = "Henvisningens kode", "The referral's code";
    REFUSED = "Henvisningen kan ikke sendes", "The referral cannot be sent";
    ALREADY_SENT_H = "Henvisningen er allerede sendt", "The referral has already been sent";
    SLIP_TOOLS = "Et ark til patienten", "A sheet for the patient";
    SLIP_TOOLS_TEXT = "Hvad der sker nu, og hvordan patienten følger henvisningen med koden. Arket har ingen navne eller helbredsoplysninger.",
        "What happens now, and how the patient follows the referral with its code. The sheet holds no names or health details.";
    SLIP_PRINT = "Udskriv arket", "Print the sheet";
    SLIP_H = "Du er henvist til et forebyggelsestilbud", "You have been referred to a prevention offer";
    SLIP_REFERRED_ON = "Henvist", "Referred on";
    SLIP_WHAT_NOW = "Det sker nu", "What happens now";
    SLIP_QUESTIONS = "Kontakt", "Contact";
    SLIP_FOLLOW = "Følg henvisningen", "Follow the referral";
    SLIP_CODE = "Din kode", "Your code";
    OFFER_GONE = "Tilbuddet findes ikke længere.", "The offer no longer exists.";
    // An archived offer: the referral form, and a referral still open when it closed.
    OFFER_CLOSED = "Tilbuddet er lukket og tager ikke imod nye henvisninger.", "The offer has closed and takes no new referrals.";
    OFFER_CLOSED_OPEN = "Tilbuddet er lukket for nye henvisninger. Denne henvisning er ikke glemt: udbyderen hjælper patienten videre eller afviser den med en begrundelse, som du ser her.",
        "The offer has closed to new referrals. This referral is not forgotten: the provider will help the patient on or decline it with a reason, which you will see here.";
    // Why the API refused a referral, per problem type (never the API's English detail).
    REFER_OFFER_GONE = "Tilbuddet er lukket eller taget af Forebyg, siden du åbnede siden, og tager ikke imod nye henvisninger. Find et andet tilbud i søgningen.",
        "The offer closed or was taken off Forebyg after you opened this page, and takes no new referrals. Find another offer in the search.";
    REFER_RULES_CHANGED = "Tilbuddet tager ikke længere imod din henvisning gennem Forebyg: henvisningsreglerne er ændret, siden du åbnede siden. Genindlæs siden for at se, hvordan du kan henvise nu.",
        "The offer no longer takes your referral through Forebyg: its referral rules changed after you opened this page. Reload the page to see how you can refer now.";
    REFER_FULL = "Tilbuddet er fuldt booket og har ingen venteliste.", "The offer is full and has no waiting list.";
    // A retry with other details after the first send got through unseen (the connection dropped
    // on its way back): the key is new, so sending again makes a second referral.
    REFER_ALREADY_SENT = "Henvisningen blev sendt første gang, selv om forbindelsen røg – med de oplysninger, du skrev dengang. Se den under »Mine henvisninger«, og træk den tilbage dér, hvis noget i den er forkert. Trykker du »Send henvisningen« igen, bliver det en ny henvisning med oplysningerne her.",
        "The referral was sent the first time, even though the connection dropped – with the details you wrote then. See it under \u{201c}My referrals\u{201d}, and withdraw it there if anything in it is wrong. If you press \u{201c}Send the referral\u{201d} again, it becomes a new referral with the details here.";
    INTERPRETER_FROM_SEARCH = "Valgt ud fra patientens sprog i søgningen. Vælg »Ingen tolk«, hvis patienten ikke har brug for en.",
        "Chosen from the patient's language in the search. Choose \u{201c}No interpreter\u{201d} if the patient does not need one.";
    // Under a declined referral: the search with the patient's conditions, the place to type.
    FIND_ANOTHER = "Find et andet tilbud til patienten", "Find another offer for the patient";
    REFER_CONFLICT = "Henvisningen kan ikke sendes, som tilbuddet står lige nu. Genindlæs siden, og prøv igen.",
        "The referral cannot be sent as the offer stands right now. Reload the page and try again.";
    REFER_RATE_LIMITED = "Der er sendt mange henvisninger på kort tid. Vent et øjeblik, og prøv igen.",
        "Many referrals were sent in a short time. Wait a moment and try again.";

    // Mine henvisninger.
    REFERRALS_INTRO = "Dine henvisninger gennem Forebyg: dem i gang først, de nyeste øverst. Kun du kan se dem.",
        "Your referrals through Forebyg: those in progress first, the newest at the top. Only you can see them.";
    REFERRALS_EMPTY = "Du har ikke sendt nogen henvisninger endnu.", "You have not sent any referrals yet.";
    REFRESH = "Opdater listen", "Refresh the list";
    CHANGED = "Nyt siden sidst", "New since last time";
    OVERDUE = "Ikke kontaktet til tiden", "Not contacted in time";
    CONTACT_BY = "Tilbuddet har lovet kontakt senest", "The provider promised contact by";
    OVERDUE_TEXT = "Tilbuddet har ikke kontaktet patienten til den lovede tid.", "The provider has not contacted the patient in the time promised.";
    OVERDUE_NO_PHONE = "Tilbuddets side viser, hvordan du kontakter dem", "The offer's page shows how to reach them";
    REFERRALS_OPEN = "Henvisninger i gang", "Referrals in progress";
    REFERRALS_CLOSED = "Lukkede henvisninger", "Closed referrals";
    FIND_REFERRAL = "Find en patient (navn eller kode)", "Find a patient (name or code)";
    PATIENT_NEXT_STEP = "Næste skridt for patienten", "The patient's next step";
    PATIENT_NEXT_STEP_TEXT = "Et ark at udskrive eller sende til patienten med de foreningsaktiviteter, forløbet fører videre til. Arket indeholder ingen personoplysninger.",
        "A sheet to print or send to the patient with the association activities the course leads on to. The sheet holds no personal data.";
    PATIENT_NEXT_STEP_LINK = "Åbn arket »Fortsæt efter forløbet«", "Open the sheet \u{201c}Carry on after the course\u{201d}";
    OFFER = "Tilbud", "Offer";
    STATUS = "Status", "Status";
    SENT_ON = "Sendt", "Sent";
    LATEST_STEP = "Seneste skridt", "Latest step";
    HISTORY = "Historik", "History";
    DECLINE_REASON = "Begrundelse for afvisning", "Reason for declining";
    CLOSING_NOTE = "Afslutningsnotat", "Closing note";
    WITHDRAW = "Træk henvisningen tilbage", "Withdraw the referral";
    WITHDRAW_CONFIRM = "Vil du trække henvisningen tilbage? Patientens kontaktoplysninger og CPR-nummer slettes med det samme, og udbyderen ser henvisningen som trukket tilbage. Udbyderen får ingen besked ud over det. Det kan ikke fortrydes.",
        "Do you want to withdraw the referral? The patient's contact details and CPR number are erased at once, and the provider sees the referral as withdrawn. The provider is not told in any other way. It cannot be undone.";
    WITHDRAW_CLOSED = "Henvisningen kan ikke længere trækkes tilbage: udbyderen har allerede taget den videre. Se dens status herunder, og ring til udbyderen, hvis patienten ikke skal deltage.",
        "The referral can no longer be withdrawn: the provider has already moved it on. See its status below, and call the provider if the patient is not to take part.";
    WITHDRAW_STALE = "Udbyderen ændrede henvisningen i samme øjeblik. Vi har hentet den igen: se status herunder, og prøv igen, hvis den stadig skal trækkes tilbage.",
        "The provider changed the referral at the same moment. We have fetched it again: see its status below, and try again if it is still to be withdrawn.";
    WITHDRAW_YES = "Ja, træk den tilbage", "Yes, withdraw it";
    WITHDRAW_NO = "Nej, behold den", "No, keep it";
    WITHDRAWN_DONE = "Henvisningen er trukket tilbage.", "The referral has been withdrawn.";
    EXPIRES = "Slettes senest", "Deleted at the latest on";
    FIRST_SESSION = "Første mødegang", "First session";
    EXPIRES_OPEN = " (eller 90 dage efter, at henvisningen er afsluttet, hvis det er før)", " (or 90 days after the referral is closed, if that is sooner)";
    SENT_STEP = "Sendt", "Sent";
    INTERPRETER = "Tolk", "Interpreter";
    REPRINT_SLIP = "Vis arket til patienten igen (til udskrift)", "Show the patient's sheet again (to print)";
    BACK_TO_REFERRALS = "Tilbage til mine henvisninger", "Back to my referrals";
    NOT_FOUND = "Henvisningen findes ikke (eller er slettet).", "The referral does not exist (or has been deleted).";
    LOAD_ERROR = "Vi kunne ikke hente tilbuddene. Prøv igen om lidt.", "We could not fetch the offers. Try again shortly.";
    RETRY = "Prøv igen", "Try again";
}

/// A form field's label as a read-only view shows it: "Kort begrundelse (valgfrit)" →
/// "Kort begrundelse" (what was filled in is no longer optional or required).
pub fn plain_label(label: &str) -> &str {
    label.split_once(" (").map_or(label, |(plain, _)| plain)
}

/// "Viser 2 af 12 henvisninger." under the find field of "Mine henvisninger".
pub fn referrals_shown(lang: Lang, shown: usize, total: usize) -> String {
    // The field shows from several referrals on: the total is always plural.
    match lang {
        Lang::Da => format!("Viser {shown} af {total} henvisninger."),
        Lang::En => format!("Showing {shown} of {total} referrals."),
    }
}

/// "Ring evt. til Aalborg Kommune på" (the provider's number follows) under a late referral.
pub fn overdue_call(lang: Lang, provider: &str) -> String {
    match lang {
        Lang::Da => format!("Ring evt. til {provider} på"),
        Lang::En => format!("You may want to call {provider} on"),
    }
}

/// A full offer without a waiting list: whom to ask when a place frees up (the phone follows).
pub fn full_ask(lang: Lang, provider: &str) -> String {
    match lang {
        Lang::Da => format!("Spørg {provider}, hvornår der er plads igen, på"),
        Lang::En => format!("Ask {provider} when a place frees up, on"),
    }
}

/// Under "Find et andet tilbud til patienten": where that search starts, and why.
pub fn find_another_from(lang: Lang, place: &str) -> String {
    match lang {
        Lang::Da => format!("Søgningen starter ved {place}, hvor det afviste tilbud er. Ret postnummeret, hvis patienten bor et andet sted, og skriv patientens alder."),
        Lang::En => format!("The search starts at {place}, where the declined offer is. Change the postcode if the patient lives elsewhere, and add the patient's age."),
    }
}

/// The open referral a new one may repeat ([`crate::clinician::twin`]), and what to do.
pub fn twin(lang: Lang, name: &str, code: &str, status: &str) -> String {
    match lang {
        Lang::Da => format!(
            "Du har allerede en åben henvisning af {name} til dette tilbud ({code}, {}). Er det samme patient, skal du ikke sende igen. Er det en anden, så tryk »Send henvisningen« igen.",
            status.to_lowercase()
        ),
        Lang::En => format!(
            "You already have an open referral of {name} to this offer ({code}, {}). If it is the same patient, do not send it again. If it is someone else, press \u{201c}Send the referral\u{201d} again.",
            status.to_lowercase()
        ),
    }
}

/// "Hentet 7. december 2026 kl. 21:21": when the list on screen was read (`at` already formatted).
pub fn fetched_at(lang: Lang, at: &str) -> String {
    match lang {
        Lang::Da => format!("Hentet {at}."),
        Lang::En => format!("Fetched {at}."),
    }
}

/// "Udbyderen kontakter patienten inden for 3 hverdage efter henvisningen." (the referral form,
/// before sending; the slip gives the day).
pub fn responds_within(lang: Lang, days: u8) -> String {
    match (lang, days) {
        (Lang::Da, 1) => "Udbyderen kontakter patienten inden for 1 hverdag efter henvisningen.".to_owned(),
        (Lang::Da, n) => format!("Udbyderen kontakter patienten inden for {n} hverdage efter henvisningen."),
        (Lang::En, 1) => "The provider contacts the patient within 1 working day of the referral.".to_owned(),
        (Lang::En, n) => format!("The provider contacts the patient within {n} working days of the referral."),
    }
}

/// "Henvisning K7QM-4XRT".
pub fn referral_heading(lang: Lang, code: &str) -> String {
    match lang {
        Lang::Da => format!("Henvisning {code}"),
        Lang::En => format!("Referral {code}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_only_labels_say_neither_optional_nor_required() {
        assert_eq!(plain_label(REASON_LABEL.da), "Kort begrundelse");
        assert_eq!(plain_label(REASON_LABEL.en), "Short reason");
        assert_eq!(plain_label(REASON_REQUIRED_LABEL.da), "Kort begrundelse");
        assert_eq!(plain_label(PATIENT_NAME.da), PATIENT_NAME.da);
    }

    #[test]
    fn the_withdrawal_promises_only_what_happens() {
        // Nothing notifies the provider: the referral is withdrawn, the patient's contact details
        // and CPR number are erased, and the provider's inbox shows it as withdrawn.
        assert!(!WITHDRAW_CONFIRM.da.contains("Udbyderen får besked") && !WITHDRAW_CONFIRM.en.contains("The provider is told"));
        for (text, words) in [
            (WITHDRAW_CONFIRM.da, ["kontaktoplysninger", "CPR-nummer", "slettes", "ser henvisningen som trukket tilbage", "ingen besked"]),
            (WITHDRAW_CONFIRM.en, ["contact details", "CPR number", "erased", "sees the referral as withdrawn", "not told"]),
        ] {
            for w in words {
                assert!(text.contains(w), "{w}: {text}");
            }
        }
    }
}
