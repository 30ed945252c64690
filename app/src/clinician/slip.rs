//! What the patient's slip after a referral says, in the slip's language: when the provider makes
//! contact, and how the patient follows the referral on the status page with its code.

use forebyg_shared::referral::ReferralStatus;
use forebyg_shared::Lang;

/// The status page, where anyone follows a request or a referral with its code and the phone
/// number or e-mail given with it.
pub const STATUS_PATH: &str = "/status";

/// The status page's address at `origin` with `code` filled in, opening in the slip's language
/// `lang` (the QR code's address).
pub fn status_href(origin: &str, code: &str, lang: Lang) -> String {
    format!("{origin}{}", crate::query::status_href(code, Some(lang)))
}

/// What happens now, as the referral just created says (not the offer's rules: the server
/// promises no day for a waiting list): on the waiting list, the provider calls when there is
/// room; else contact by the referral's `contact_by` day, or without a day when none was promised.
/// "Aalborg Kommune kontakter dig senest 4. december 2026 for at aftale, om og hvornår du kan starte."
pub fn what_now(provider: &str, waitlist: bool, contact_by: Option<&str>, lang: Lang) -> String {
    match (lang, waitlist, contact_by) {
        // Received, not yet accepted: the patient goes on the list when the provider takes the
        // referral (the API keeps only that the offer had a waiting list, and promises no day).
        (Lang::Da, true, _) => {
            format!("Tager {provider} imod henvisningen, kommer du på tilbuddets venteliste. De kontakter dig, når der er plads, for at aftale, hvornår du kan starte.")
        }
        (Lang::En, true, _) => {
            format!("If {provider} accepts the referral, you go on the offer's waiting list. They will contact you when there is room, to agree when you can start.")
        }
        (Lang::Da, false, Some(day)) => {
            format!("{provider} kontakter dig senest {} for at aftale, om og hvornår du kan starte.", crate::format::date(day, lang))
        }
        (Lang::En, false, Some(day)) => {
            format!("{provider} will contact you by {} to agree whether and when you can start.", crate::format::date(day, lang))
        }
        (Lang::Da, false, None) => format!("{provider} kontakter dig for at aftale, om og hvornår du kan starte."),
        (Lang::En, false, None) => format!("{provider} will contact you to agree whether and when you can start."),
    }
}

/// What happens now for a referral the provider has moved on (printed again from "Mine
/// henvisninger"): contacted, or enrolled with its first session (`first`, formatted) if agreed.
/// `None` while it is still as sent ([`what_now`] says that).
pub fn moved_on(provider: &str, status: ReferralStatus, first: Option<&str>, lang: Lang) -> Option<String> {
    Some(match (status, first, lang) {
        (ReferralStatus::Contacted, _, Lang::Da) => {
            format!("{provider} har kontaktet dig om henvisningen. Har I ikke aftalt noget endnu, så ring til dem.")
        }
        (ReferralStatus::Contacted, _, Lang::En) => format!("{provider} has contacted you about the referral. If nothing is agreed yet, call them."),
        (ReferralStatus::Enrolled, Some(when), Lang::Da) => format!("Du er skrevet ind på tilbuddet. Første mødegang er {when}."),
        (ReferralStatus::Enrolled, Some(when), Lang::En) => format!("You are enrolled on the offer. The first session is {when}."),
        (ReferralStatus::Enrolled, None, Lang::Da) => format!("Du er skrevet ind på tilbuddet. {provider} aftaler med dig, hvornår du starter."),
        (ReferralStatus::Enrolled, None, Lang::En) => format!("You are enrolled on the offer. {provider} will agree with you when you start."),
        _ => return None,
    })
}

/// Whom to call, before the number: with questions, or when no word comes by the promised day
/// `by` (else within a week); on a waiting list, where no word may come for long, with
/// questions only.
pub fn questions(provider: &str, waitlist: bool, by: Option<&str>, lang: Lang) -> String {
    match (waitlist, lang) {
        (false, _) => crate::next_steps::call_provider(provider, by, lang),
        (true, Lang::Da) => format!("Har du spørgsmål til ventelisten, så ring til {provider} på"),
        (true, Lang::En) => format!("If you have questions about the waiting list, call {provider} on"),
    }
}

/// "Gå til forebyg.dk/status, og skriv koden og dit telefonnummer eller din e-mail." (`site`: the
/// address as a person types it, without the scheme).
pub fn follow(site: &str, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Gå til {site}{STATUS_PATH}, og skriv koden herunder og dit telefonnummer eller din e-mail. Eller scan QR-koden."),
        Lang::En => format!("Go to {site}{STATUS_PATH} and enter the code below and your phone number or e-mail. Or scan the QR code."),
    }
}

/// A short text for a text message: the offer, what happens now and the link to follow the
/// referral (its code filled in; the page asks for the phone number or e-mail). No name, no
/// health data beyond the offer's title, as the printed slip. Short: most of it fits in two text
/// messages, and a title that ends in "?" gets no full stop after it.
pub fn short_text(title: &str, what_now: &str, status_link: &str, lang: Lang) -> String {
    let (referred, follow) = match lang {
        Lang::Da => ("Du er henvist til", "Følg henvisningen"),
        Lang::En => ("You have been referred to", "Follow the referral"),
    };
    format!("{}\n{what_now}\n{follow}: {status_link}", crate::format::full_stop(&format!("{referred} {title}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_again_the_slip_says_where_the_referral_is() {
        let enrolled = moved_on("Aalborg Kommune", ReferralStatus::Enrolled, Some("torsdag 22. april 2027 kl. 17:00"), Lang::Da);
        assert_eq!(enrolled.as_deref(), Some("Du er skrevet ind på tilbuddet. Første mødegang er torsdag 22. april 2027 kl. 17:00."));
        assert!(moved_on("Aalborg Kommune", ReferralStatus::Contacted, None, Lang::En).unwrap().starts_with("Aalborg Kommune has contacted you"));
        assert_eq!(moved_on("Aalborg Kommune", ReferralStatus::Received, None, Lang::Da), None);
    }

    #[test]
    fn the_short_text_says_what_happens_and_links_the_status() {
        let link = status_href("https://forebyg.dk", "C6KV-JHZQ", Lang::Da);
        let text = short_text("KOL-træning", &what_now("Aalborg Kommune", false, None, Lang::Da), &link, Lang::Da);
        assert_eq!(
            text,
            "Du er henvist til KOL-træning.\nAalborg Kommune kontakter dig for at aftale, om og hvornår du kan starte.\nFølg henvisningen: https://forebyg.dk/status?kode=C6KV-JHZQ&lang=da"
        );
        assert!(
            short_text("Samtale: Hvad kan hjælpe dig?", "Y", "Z", Lang::Da).starts_with("Du er henvist til Samtale: Hvad kan hjælpe dig?\nY"),
            "no '?.'"
        );
        assert!(short_text("X", "Y", "Z", Lang::En).starts_with("You have been referred to X.\nY\nFollow the referral"));
    }

    #[test]
    fn the_slip_says_when_and_how_to_follow() {
        assert_eq!(status_href("https://forebyg.dk", "C6KV-JHZQ", Lang::En), "https://forebyg.dk/status?kode=C6KV-JHZQ&lang=en");
        assert_eq!(crate::query::status_href("C6KV-JHZQ", None), "/status?kode=C6KV-JHZQ");
        assert_eq!(
            what_now("Aalborg Kommune", false, Some("2026-12-04"), Lang::Da),
            "Aalborg Kommune kontakter dig senest 4. december 2026 for at aftale, om og hvornår du kan starte."
        );
        assert!(what_now("X", false, Some("2026-12-04"), Lang::En).starts_with("X will contact you by 4 December 2026 to agree"));
        assert!(what_now("X", false, None, Lang::En).starts_with("X will contact you to agree"));
        assert!(follow("forebyg.dk", Lang::Da).starts_with("Gå til forebyg.dk/status, og skriv koden"));
        assert!(follow("127.0.0.1:8080", Lang::En).starts_with("Go to 127.0.0.1:8080/status and enter"));
    }

    #[test]
    fn a_waiting_list_promises_no_day() {
        // The server sets no contact_by for a waiting list; the slip must not promise one either,
        // whatever the offer's response time says.
        for (day, lang) in [(None, Lang::Da), (Some("2026-12-04"), Lang::Da), (None, Lang::En), (Some("2026-12-04"), Lang::En)] {
            let text = what_now("Aalborg Kommune", true, day, lang);
            assert!(text.contains(if lang == Lang::Da { "venteliste" } else { "waiting list" }), "{text}");
            assert!(text.contains(if lang == Lang::Da { "når der er plads" } else { "when there is room" }), "{text}");
            for promise in ["senest", "inden for", "hverdag", " by ", "within", "December", "december"] {
                assert!(!text.contains(promise), "{text}");
            }
        }
        // Nor does its line about whom to call.
        assert_eq!(questions("Aalborg Kommune", true, None, Lang::Da), "Har du spørgsmål til ventelisten, så ring til Aalborg Kommune på");
        assert!(!questions("X", true, None, Lang::En).contains("week"));
        assert!(questions("X", false, None, Lang::En).contains("within a week"));
        assert!(questions("X", false, Some("2026-12-09"), Lang::En).ends_with("by 9 December 2026, call"));
        assert_eq!(
            what_now("Aalborg Kommune", true, None, Lang::Da),
            "Tager Aalborg Kommune imod henvisningen, kommer du på tilbuddets venteliste. De kontakter dig, når der er plads, for at aftale, hvornår du kan starte."
        );
    }
}
