//! The texts that tell a citizen what happens next and what they can do (issue #15): a wider
//! search when few offers are near, who may join and how, what a request's status means. In
//! Danish and English, beside `i18n` (which holds the page texts).

use crate::texts;
use forebyg_shared::referral::{DeclineReason, ReferralStatus};
use forebyg_shared::Lang;

texts! {
    // Joining, before anyone clicks (point 2).
    NEEDS_REFERRAL = "Kræver henvisning", "Needs a referral";
    NEEDS_REFERRAL_TEXT = "Du kan ikke selv tilmelde dig. Tal med din læge – vis denne side.",
        "You cannot sign up yourself. Talk to your doctor – show them this page.";
    PRINT_OR_SHARE = "Udskriv eller del siden", "Print or share this page";
    FULL_TITLE = "Holdet er fuldt", "The course is full";
    FULL_TEXT = "Der er ingen ledige pladser og ingen venteliste lige nu, så du kan ikke bede om at komme med.",
        "There are no places and no waiting list right now, so you cannot ask to join.";
    FIND_OTHER = "Find et andet tilbud", "Find another offer";
    // An archived offer: its page, sign-up and saved entry (its people still need its facts).
    CLOSED_TITLE = "Tilbuddet er lukket", "This offer has closed";
    CLOSED_TEXT = "Det tager ikke imod nye tilmeldinger eller henvisninger og vises ikke længere i søgningen.",
        "It takes no new sign-ups or referrals and no longer shows in the search.";
    CLOSED_ALREADY = "Har du allerede bedt om at komme med, kan du følge din henvendelse på",
        "If you have already asked to join, you can follow your request on";
    STATUS_PAGE = "statussiden", "the status page";
    // The status page of a request still open when its offer closed.
    CLOSED_OPEN_REQUEST = "Tilbuddet er lukket for nye tilmeldinger. Din henvendelse er ikke glemt: udbyderen hjælper dig videre eller giver dig besked.",
        "The offer has closed to new sign-ups. Your request is not forgotten: the provider will help you on or let you know.";
    CLOSED_OPEN_REFERRAL = "Tilbuddet er lukket for nye tilmeldinger. Din henvisning er ikke glemt: udbyderen hjælper dig videre eller giver dig besked.",
        "The offer has closed to new sign-ups. Your referral is not forgotten: the provider will help you on or let you know.";
    WAITLIST_TITLE = "Der er venteliste", "There is a waiting list";
    WAITLIST_TEXT = "Beder du om at komme med, kommer du på ventelisten. Udbyderen kontakter dig, når der bliver en plads.",
        "If you ask to join, you go on the waiting list. The provider contacts you when a place is free.";
    JOIN_WAITLIST = "Skriv mig på ventelisten", "Put me on the waiting list";
    DANISH_ONLY = "Teksten om tilbuddet findes kun på dansk.", "The description of this offer is only in Danish.";
    CHECK_WHERE_YOU_LIVE = "Tjek, hvor du bor", "Check where you live";

    // The receipt and status (point 4).
    STATUS_MEANINGS = "Det betyder status", "What the statuses mean";
    CONTACT_BY = "Udbyderen har lovet at kontakte dig senest", "The provider promised to contact you by";
    LATE_CALL = "Ring gerne til dem på", "Feel free to call them on";
    // The status page of an enrolled person whose first session the provider gave.
    ADD_TO_CALENDAR = "Læg første mødegang i din kalender", "Add the first session to your calendar";
    PLACE = "Sted", "Place";
    LATE_NO_PHONE = "Se på tilbuddets side, hvordan du kontakter dem", "See on the offer's page how to reach them";
    ALTERNATIVES = "To andre tilbud af samme slags i nærheden", "Two other offers of the same kind nearby";
    // A declined clinician's referral.
    ASK_REFERRER = "Tal med den, der henviste dig, om andre muligheder.", "Talk to whoever referred you about other options.";
}

/// "Questions, or no word by {day}? Call {provider} on" (the number follows): the day the
/// provider promised to contact by (`by`, YYYY-MM-DD), else within a week.
pub fn call_provider(provider: &str, by: Option<&str>, lang: Lang) -> String {
    match (by.map(|d| crate::format::date(d, lang)), lang) {
        (Some(day), Lang::Da) => format!("Har du spørgsmål, eller har du ikke hørt fra {provider} senest {day}, så ring på"),
        (Some(day), Lang::En) => format!("If you have questions, or have not heard from {provider} by {day}, call"),
        (None, Lang::Da) => format!("Har du spørgsmål, eller har du ikke hørt fra {provider} inden for en uge, så ring på"),
        (None, Lang::En) => format!("If you have questions, or have not heard from {provider} within a week, call"),
    }
}

/// Whom to call, before the number, said for the request's status (the status page): chasing
/// the provider (no word by the promised day `by`, or within a week) only while contact is still
/// due (received); on a waiting list, that they call when a place frees; once enrolled, questions
/// or not coming after all; once contacted or closed, questions only.
pub fn call_for(status: ReferralStatus, waitlist: bool, by: Option<&str>, provider: &str, lang: Lang) -> String {
    use ReferralStatus::*;
    match (status, waitlist, lang) {
        // The status line above already says the offer has a list and the provider calls.
        (Received | Contacted, true, Lang::Da) => format!("Spørgsmål til ventelisten? Ring til {provider} på"),
        (Received | Contacted, true, Lang::En) => format!("Questions about the waiting list? Call {provider} on"),
        (Received, false, _) => call_provider(provider, by, lang),
        (Enrolled, _, Lang::Da) => format!("Har du spørgsmål, eller kan du ikke komme, så ring til {provider} på"),
        (Enrolled, _, Lang::En) => format!("If you have questions, or cannot come, call {provider} on"),
        (_, _, Lang::Da) => format!("Har du spørgsmål, så ring til {provider} på"),
        (_, _, Lang::En) => format!("If you have questions, call {provider} on"),
    }
}

/// What a status means, told to someone on a waiting list: not yet contacted, or contacted and
/// put on it, is the wait.
pub fn status_meaning_for(status: ReferralStatus, waitlist: bool, lang: Lang) -> &'static str {
    match (status, waitlist, lang) {
        // The offer had a waiting list when they asked; whether they are on it is the provider's
        // to say (the request only records the offer's state then).
        (ReferralStatus::Received, true, Lang::Da) => "Tilbuddet har venteliste. Udbyderen skriver dig på den og ringer, når der bliver en plads.",
        (ReferralStatus::Received, true, Lang::En) => {
            "The offer has a waiting list. The provider puts you on it and calls you when a place frees up."
        }
        (ReferralStatus::Contacted, true, Lang::Da) => "Du står på udbyderens venteliste. Udbyderen ringer, når der bliver en plads.",
        (ReferralStatus::Contacted, true, Lang::En) => "You are on the provider's waiting list. The provider calls you when a place frees up.",
        _ => status_meaning(status, lang),
    }
}

/// A decline taken back by the provider ([`ReferralReceipt::reopened`](forebyg_shared::referral::ReferralReceipt)):
/// open again, not "has contacted you" (a walk's patient read that after a reopen no one called about).
pub fn reopened(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "Udbyderen har fortrudt afvisningen, så din henvendelse er åben igen. Udbyderen kontakter dig.",
        Lang::En => "The provider has taken back the decline, so your request is open again. The provider will contact you.",
    }
}

/// "{provider} has not contacted you by the day promised." (the status page of a late request;
/// [`LATE_CALL`] and the number, or [`LATE_NO_PHONE`], follow).
pub fn provider_late(provider: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("{provider} har ikke kontaktet dig til den lovede tid."),
        Lang::En => format!("{provider} has not contacted you by the day promised."),
    }
}

/// "Udbyderen kontakter dig inden for 3 hverdage, når du har bedt om at komme med." (offer page)
/// Why an offer's residence rule may leave the searcher out: `place` ("8382 Hinnerup") lies in
/// `home` ("Favrskov Kommune"), and the offer is only `rule` ("for borgere i Aarhus Kommune").
pub fn outside_rule(lang: Lang, place: &str, home: &str, rule: &str) -> String {
    match lang {
        Lang::Da => format!("Du søgte fra {place}, som ligger i {home}. Tilbuddet er kun {rule}. Bor du ikke dér, kan du ikke deltage."),
        Lang::En => format!("You searched from {place}, which lies in {home}. The offer is only {rule}. If you do not live there, you cannot join."),
    }
}

pub fn contact_within(days: u8, lang: Lang) -> String {
    match (lang, days) {
        (Lang::Da, 1) => "Udbyderen kontakter dig inden for 1 hverdag, når du har bedt om at komme med.".to_owned(),
        (Lang::Da, n) => format!("Udbyderen kontakter dig inden for {n} hverdage, når du har bedt om at komme med."),
        (Lang::En, 1) => "The provider contacts you within 1 working day of your request.".to_owned(),
        (Lang::En, n) => format!("The provider contacts you within {n} working days of your request."),
    }
}

/// "Udbyderen kontakter dig senest 3. december 2026 …" (receipt and status pages), the date
/// already formatted.
pub fn contact_by(date: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Udbyderen kontakter dig senest {date} for at aftale, om og hvornår du kan starte."),
        Lang::En => format!("The provider will contact you by {date} to agree whether and when you can start."),
    }
}

/// Why the provider declined, said to the person it is about.
pub fn declined_because(reason: Option<DeclineReason>, lang: Lang) -> &'static str {
    use DeclineReason::*;
    match (reason, lang) {
        (Some(NoCapacity), Lang::Da) => "Der er ingen ledige pladser på tilbuddet.",
        (Some(NoCapacity), Lang::En) => "There are no free places on the offer.",
        (Some(NotEligible), Lang::Da) => "Du opfylder ikke betingelserne for at deltage i netop dette tilbud.",
        (Some(NotEligible), Lang::En) => "You do not meet the conditions for joining this particular offer.",
        (Some(CouldNotReach), Lang::Da) => "Udbyderen kunne ikke komme i kontakt med dig.",
        (Some(CouldNotReach), Lang::En) => "The provider could not get in touch with you.",
        (Some(PatientDeclined), Lang::Da) => "Du har selv sagt nej tak.",
        (Some(PatientDeclined), Lang::En) => "You said no thank you yourself.",
        (Some(Other) | None, Lang::Da) => "Kontakt udbyderen for at høre hvorfor.",
        (Some(Other) | None, Lang::En) => "Contact the provider to hear why.",
    }
}

/// `text` said of a clinician's referral (`referral`): "henvendelse(n/r)" becomes
/// "henvisning(en/er)" and "request" "referral", so the status page's texts serve both without
/// a second copy of each sentence that differs in one noun (tested on every text it serves).
pub fn referral_words(text: &str, referral: bool) -> String {
    const WORDS: [(&str, &str); 4] =
        [("envendelsen", "envisningen"), ("envendelser", "envisninger"), ("envendelse", "envisning"), ("request", "referral")];
    if referral {
        WORDS.iter().fold(text.to_owned(), |t, (from, to)| t.replace(from, to))
    } else {
        text.to_owned()
    }
}

/// What a status means for the citizen, in one sentence.
pub fn status_meaning(status: ReferralStatus, lang: Lang) -> &'static str {
    use ReferralStatus::*;
    match (status, lang) {
        (Received, Lang::Da) => "Udbyderen har fået din henvendelse, men har ikke kontaktet dig endnu.",
        (Received, Lang::En) => "The provider has your request but has not contacted you yet.",
        (Contacted, Lang::Da) => "Udbyderen har kontaktet dig eller prøvet at kontakte dig for at aftale det videre.",
        (Contacted, Lang::En) => "The provider has contacted you, or tried to, to agree the next steps.",
        // Found by a walk: "enrolled" alone left the person asking when it starts; the day and
        // the place are the provider's to agree (Forebyg does not hold them).
        (Enrolled, Lang::Da) => "Du er skrevet ind på tilbuddet. Hvornår og hvor du starter, aftaler udbyderen med dig.",
        (Enrolled, Lang::En) => "You are enrolled on the offer. The provider agrees with you when and where you start.",
        (Declined, Lang::Da) => "Udbyderen kan ikke tage dig med på dette tilbud.",
        (Declined, Lang::En) => "The provider cannot take you on this offer.",
        (Withdrawn, Lang::Da) => "Du har trukket henvendelsen tilbage. Dit navn og din besked er slettet.",
        (Withdrawn, Lang::En) => "You withdrew the request. Your name and message are deleted.",
        (Completed, Lang::Da) => "Forløbet er afsluttet.",
        (Completed, Lang::En) => "The course is completed.",
        (Discontinued, Lang::Da) => "Forløbet blev stoppet, før det var slut. Vil du i gang igen, så tal med udbyderen.",
        (Discontinued, Lang::En) => "The course was stopped before its end. If you want to start again, talk to the provider.",
    }
}

/// What "enrolled" means once the provider has given the first session: the text before and
/// after its day and time (shown in bold between them); the day replaces "the provider agrees
/// with you when you start" (whom to call if they cannot come follows: [`call_for`]). `past`: the
/// day has been; `timed`: a time was agreed too (else the provider will say it).
pub fn enrolled_starting(lang: Lang, past: bool, timed: bool) -> (&'static str, &'static str) {
    match (lang, past, timed) {
        (Lang::Da, true, _) => ("Du er skrevet ind på tilbuddet. Første mødegang var ", "."),
        (Lang::Da, false, true) => ("Du er skrevet ind på tilbuddet. Første mødegang er ", "."),
        (Lang::Da, false, false) => ("Du er skrevet ind på tilbuddet. Første mødegang er ", ". Tidspunktet aftaler udbyderen med dig."),
        (Lang::En, true, _) => ("You are enrolled on the offer. The first session was on ", "."),
        (Lang::En, false, true) => ("You are enrolled on the offer. The first session is on ", "."),
        (Lang::En, false, false) => ("You are enrolled on the offer. The first session is on ", ". The provider agrees the time with you."),
    }
}

/// The words around a first session called off (the day goes between): "Første mødegang … er aflyst."
pub fn first_session_cancelled(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Da => ("Første mødegang ", " er aflyst. Du skal ikke møde op den dag."),
        Lang::En => ("The first session on ", " is cancelled. Do not come that day."),
    }
}

/// "Det nærmeste tilbud er 26,9 km væk." (the distance already formatted).
pub fn nearest_beyond(lang: Lang, distance: &str) -> String {
    match lang {
        Lang::Da => format!("Det nærmeste tilbud er {distance} væk."),
        Lang::En => format!("The nearest offer is {distance} away."),
    }
}

/// "Vis 24 tilbud inden for 50 km" (a one-tap wider search).
pub fn show_wider(lang: Lang, count: &str, radius: &str) -> String {
    match lang {
        Lang::Da => format!("Vis {count} tilbud inden for {radius}"),
        Lang::En => format!("Show {count} {} within {radius}", if count == "1" { "offer" } else { "offers" }),
    }
}

/// "Se 12 digitale tilbud, som du kan følge hjemmefra".
pub fn show_digital(lang: Lang, count: &str) -> String {
    match lang {
        Lang::Da => format!("Se {count} digitale tilbud, som du kan følge hjemmefra"),
        Lang::En => format!("See {count} digital {}, which you can follow from home", if count == "1" { "offer" } else { "offers" }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_referral_is_called_one() {
        use crate::i18n;
        let da = |t: i18n::Text| referral_words(t.da, true);
        assert_eq!(da(i18n::STATUS_H1), "Følg din henvisning");
        assert_eq!(da(i18n::WITHDRAW_YES), "Ja, træk henvisningen tilbage");
        assert_eq!(da(i18n::WITHDRAW_CLOSED), "Henvisningen er afsluttet og kan ikke længere trækkes tilbage. Kontakt udbyderen.");
        assert!(da(i18n::RATE_LIMITED).starts_with("Der er sendt mange henvisninger fra"));
        assert_eq!(referral_words(i18n::WITHDRAW.en, true), "Withdraw my referral");
        assert_eq!(referral_words(i18n::WITHDRAW.da, false), "Træk min henvendelse tilbage");
    }

    #[test]
    fn whom_to_call_follows_the_status() {
        let chase = |s| call_for(s, false, Some("2026-12-09"), "X", Lang::Da).contains("har du ikke hørt");
        assert!(chase(ReferralStatus::Received));
        assert_eq!(call_for(ReferralStatus::Enrolled, false, None, "X", Lang::Da), "Har du spørgsmål, eller kan du ikke komme, så ring til X på");
        // Contacted: the provider has called, so no "not heard from them by …".
        assert_eq!(call_for(ReferralStatus::Contacted, false, Some("2026-12-09"), "X", Lang::Da), "Har du spørgsmål, så ring til X på");
        for closed in
            [ReferralStatus::Enrolled, ReferralStatus::Declined, ReferralStatus::Completed, ReferralStatus::Discontinued, ReferralStatus::Withdrawn]
        {
            assert!(!chase(closed), "{closed:?}");
        }
        assert!(call_for(ReferralStatus::Received, true, None, "X", Lang::En).contains("waiting list"));
        // A promised day, not a week: the receipt says the same day above.
        assert_eq!(
            call_for(ReferralStatus::Received, false, Some("2026-12-09"), "X", Lang::Da),
            "Har du spørgsmål, eller har du ikke hørt fra X senest 9. december 2026, så ring på"
        );
        // The offer has a waiting list; whether they are on it is the provider's to say.
        assert!(status_meaning_for(ReferralStatus::Received, true, Lang::Da).starts_with("Tilbuddet har venteliste."));
        assert!(!call_for(ReferralStatus::Received, true, None, "X", Lang::Da).contains("Du står på"));
        assert_eq!(status_meaning_for(ReferralStatus::Received, false, Lang::Da), status_meaning(ReferralStatus::Received, Lang::Da));
        // Put on the list by the provider since: the wait is the list, not a call to come.
        assert!(status_meaning_for(ReferralStatus::Contacted, true, Lang::Da).starts_with("Du står på udbyderens venteliste."));
        assert_eq!(status_meaning_for(ReferralStatus::Enrolled, true, Lang::En), status_meaning(ReferralStatus::Enrolled, Lang::En));
    }
}
