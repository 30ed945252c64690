//! What the patient's slip after a referral says, in the slip's language: when the provider makes
//! contact, and how the patient follows the referral on the status page with its code.

use forebyg_shared::Lang;

/// The status page, where anyone follows a request or a referral with its code and the phone
/// number or e-mail given with it.
pub const STATUS_PATH: &str = "/status";

/// The status page's address at `origin` with `code` filled in, opening in the slip's language
/// `lang` (the QR code's address).
pub fn status_href(origin: &str, code: &str, lang: Lang) -> String {
    format!("{origin}{}", crate::query::status_href(code, Some(lang)))
}

/// "Aalborg Kommune kontakter dig inden for 3 hverdage for at aftale, om og hvornår du kan starte."
pub fn contact_within(provider: &str, days: Option<u8>, lang: Lang) -> String {
    match (lang, days) {
        (Lang::Da, Some(1)) => format!("{provider} kontakter dig inden for 1 hverdag for at aftale, om og hvornår du kan starte."),
        (Lang::Da, Some(n)) => format!("{provider} kontakter dig inden for {n} hverdage for at aftale, om og hvornår du kan starte."),
        (Lang::Da, None) => format!("{provider} kontakter dig for at aftale, om og hvornår du kan starte."),
        (Lang::En, Some(1)) => format!("{provider} will contact you within 1 working day to agree whether and when you can start."),
        (Lang::En, Some(n)) => format!("{provider} will contact you within {n} working days to agree whether and when you can start."),
        (Lang::En, None) => format!("{provider} will contact you to agree whether and when you can start."),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_slip_says_when_and_how_to_follow() {
        assert_eq!(status_href("https://forebyg.dk", "C6KV-JHZQ", Lang::En), "https://forebyg.dk/status?kode=C6KV-JHZQ&lang=en");
        assert_eq!(crate::query::status_href("C6KV-JHZQ", None), "/status?kode=C6KV-JHZQ");
        assert_eq!(
            contact_within("Aalborg Kommune", Some(3), Lang::Da),
            "Aalborg Kommune kontakter dig inden for 3 hverdage for at aftale, om og hvornår du kan starte."
        );
        assert!(contact_within("Aalborg Kommune", Some(1), Lang::Da).contains("inden for 1 hverdag for"));
        assert!(contact_within("X", None, Lang::En).starts_with("X will contact you to agree"));
        assert!(contact_within("X", Some(5), Lang::En).contains("within 5 working days"));
        assert!(follow("forebyg.dk", Lang::Da).starts_with("Gå til forebyg.dk/status, og skriv koden"));
        assert!(follow("127.0.0.1:8080", Lang::En).starts_with("Go to 127.0.0.1:8080/status and enter"));
    }
}
