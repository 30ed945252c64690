//! Presentation of numbers, distances, dates, prices and times, Danish style in Danish
//! ("2,3 km", "3.000", "14. januar 2027") and English style in English.

use crate::i18n;
use forebyg_shared::offer::TimeSlot;
use forebyg_shared::Lang;

/// A whole number with thousands separators: "3.000" / "3,000".
pub fn number(n: u64, lang: Lang) -> String {
    let sep = match lang {
        Lang::Da => '.',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A decimal number rounded to one decimal, with the language's decimal mark: "2,3" / "2.3".
/// (Integer arithmetic: float formatting with a precision costs kilobytes of wasm.)
pub fn decimal1(x: f64, lang: Lang) -> String {
    let tenths = (x.abs() * 10.0).round() as u64;
    let mark = match lang {
        Lang::Da => ',',
        Lang::En => '.',
    };
    let sign = if x < 0.0 && tenths > 0 { "-" } else { "" };
    format!("{sign}{}{mark}{}", number(tenths / 10, lang), tenths % 10)
}

/// A distance for a result list: one decimal below 10 km ("2,3 km"), whole kilometres above
/// ("12 km"); never "0,0 km".
pub fn distance(km: f64, lang: Lang) -> String {
    if !km.is_finite() || km < 0.0 {
        return String::new();
    }
    if km < 9.95 {
        format!("{} km", decimal1(km.max(0.1), lang))
    } else {
        format!("{} km", number(km.round() as u64, lang))
    }
}

/// A radius as chosen: "25 km", "12,5 km".
pub fn radius(km: f64, lang: Lang) -> String {
    if km.fract() == 0.0 {
        format!("{} km", number(km as u64, lang))
    } else {
        format!("{} km", decimal1(km, lang))
    }
}

/// An ISO date (YYYY-MM-DD) as text: "14. januar 2027" / "14 January 2027". Anything else is
/// returned as it is.
pub fn date(iso: &str, lang: Lang) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let parsed = match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => match (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) {
            (Ok(y), Ok(m), Ok(d)) if (1..=31).contains(&d) => i18n::month(lang, m).map(|name| (y, name, d)),
            _ => None,
        },
        _ => None,
    };
    match (parsed, lang) {
        (Some((y, m, d)), Lang::Da) => format!("{d}. {m} {y}"),
        (Some((y, m, d)), Lang::En) => format!("{d} {m} {y}"),
        (None, _) => iso.to_owned(),
    }
}

/// A first session as a person reads it: "mandag 11. januar 2027 kl. 17:00" / "Monday 11 January
/// 2027 at 17:00"; the day alone when no time was agreed.
pub fn first_session(s: &forebyg_shared::first_session::FirstSession, lang: Lang) -> String {
    let weekday = s.weekday().map(|w| match lang {
        Lang::Da => w.label(lang).to_lowercase(),
        Lang::En => w.label(lang).to_owned(),
    });
    let day = weekday.map_or_else(|| date(&s.on, lang), |w| format!("{w} {}", date(&s.on, lang)));
    match (s.at.as_deref(), lang) {
        (Some(at), Lang::Da) => format!("{day} kl. {at}"),
        (Some(at), Lang::En) => format!("{day} at {at}"),
        (None, _) => day,
    }
}

/// A day and a time of day the way every page writes them: "3. marts 2027 kl. 14:05" / "3 March
/// 2027, 14:05" (`day` already written; the colon as in the offers' weekly times).
pub fn day_at(day: &str, hours: u32, minutes: u32, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("{day} kl. {hours:02}:{minutes:02}"),
        Lang::En => format!("{day}, {hours:02}:{minutes:02}"),
    }
}

/// An ISO date (YYYY-MM-DD) short, for lists: "3. dec. 2026" / "3 Dec 2026". Anything else is
/// returned as it is.
pub fn short_date(iso: &str, lang: Lang) -> String {
    const DA: [&str; 12] = ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."];
    const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let mut parts = iso.splitn(3, '-').map(|p| p.parse::<usize>().ok().filter(|_| p.len() <= 4));
    match (parts.next().flatten(), parts.next().flatten(), parts.next().flatten()) {
        (Some(y), Some(m @ 1..=12), Some(d @ 1..=31)) if iso.len() == 10 => match lang {
            Lang::Da => format!("{d}. {} {y}", DA[m - 1]),
            Lang::En => format!("{d} {} {y}", EN[m - 1]),
        },
        _ => iso.to_owned(),
    }
}

/// A price in whole kroner: "Gratis" for 0, else "1.250 kr.".
pub fn price(dkk: u32, lang: Lang) -> String {
    if dkk == 0 {
        i18n::PRICE_FREE.get(lang).to_owned()
    } else {
        i18n::price(lang, &number(dkk.into(), lang))
    }
}

/// The price with the offer's cost note: "Gratis", or "300 kr. Betales ved start." (clinician
/// card and patient handout).
pub fn cost(c: &forebyg_shared::offer::Cost, lang: Lang) -> String {
    match c.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(note) => format!("{} {note}", price(c.dkk, lang)),
        None => price(c.dkk, lang),
    }
}

/// A weekly slot: "Tirsdag 17:00–19:00".
fn slot(s: &TimeSlot, lang: Lang) -> String {
    format!("{} {}–{}", s.weekday.label(lang), s.start, s.end)
}

/// The weekly slots in the order of the week, Monday first and then by the time of day, however
/// they were entered: ["Mandag 17:00–19:00", "Torsdag 17:00–19:00"].
pub fn week(slots: &[TimeSlot], lang: Lang) -> Vec<String> {
    let mut ordered: Vec<&TimeSlot> = slots.iter().collect();
    ordered.sort_by(|a, b| (a.weekday, &a.start).cmp(&(b.weekday, &b.start)));
    ordered.into_iter().map(|s| slot(s, lang)).collect()
}

/// Joins items as a sentence: "a, b og c".
pub fn list(items: &[&str], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), i18n::and(lang)),
    }
}

/// Labels joined in one sentence: the first as it is, the others with a lower-case first letter
/// as they read mid-sentence ("Egen læge, hospital og borgeren selv"; an acronym such as "GP"
/// keeps its case); `or` joins alternatives ("… eller ring til tilbuddet").
pub fn sentence(items: &[&str], lang: Lang, or: bool) -> String {
    let mid = |s: &str| {
        let mut out = s.to_owned();
        if out.chars().nth(1).is_some_and(|c| c.is_lowercase()) {
            if let Some(first) = out.get_mut(0..1) {
                first.make_ascii_lowercase();
            }
        }
        out
    };
    let word = if or { i18n::or(lang) } else { i18n::and(lang) };
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [first, middle @ .., last] => {
            let mut out = (*first).to_owned();
            for m in middle {
                out.push_str(", ");
                out.push_str(&mid(m));
            }
            format!("{out} {word} {}", mid(last))
        }
    }
}

/// A provider's text as a sentence ending in a full stop (or its own "." "!" "?"), before the
/// next sentence.
pub fn full_stop(s: &str) -> String {
    let s = s.trim_end();
    if s.ends_with(['.', '!', '?']) {
        s.to_owned()
    } else {
        format!("{s}.")
    }
}

/// Upper-cases a first ASCII letter: "dansk" → "Dansk". (Full Unicode case mapping would add its
/// tables to the wasm; every language name starts with an ASCII letter.)
pub fn capitalise(s: &str) -> String {
    let mut out = s.to_owned();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// Lower-cases a first ASCII letter, for a label inside a sentence: "Fysisk aktivitet" → "fysisk
/// aktivitet" (every topic's label starts with an ASCII letter; see [`capitalise`]).
pub fn decapitalise(s: &str) -> String {
    let mut out = s.to_owned();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_lowercase();
    }
    out
}

/// The languages of an offer as a sentence: "Dansk og engelsk".
pub fn languages(codes: &[String], lang: Lang) -> String {
    let names: Vec<&str> = codes.iter().map(|c| i18n::language_name(lang, c).unwrap_or(c.as_str())).collect();
    capitalise(&list(&names, lang))
}

/// A web address from the data that is safe to link to: only `http(s)://` (never `javascript:`
/// and the like, which would run code when clicked).
pub fn web_link(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://")) && !u.chars().any(|c| c.is_whitespace() || c.is_control());
    ok.then_some(u)
}

/// A `tel:` address: digits and a leading plus only ("+45 7480 8785" → "tel:+4574808785").
pub fn tel_href(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    (digits.chars().filter(char::is_ascii_digit).count() >= 3).then(|| format!("tel:{digits}"))
}

/// A Danish number grouped in pairs as Danes write it ("12 34 56 78"); anything else as given.
pub fn phone_display(phone: &str) -> String {
    match forebyg_shared::contact::normalise_phone(phone) {
        Some(d) => d.as_bytes().chunks(2).map(|p| String::from_utf8_lossy(p).into_owned()).collect::<Vec<_>>().join(" "),
        None => phone.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use forebyg_shared::taxonomy::Weekday;

    #[test]
    fn danish_numbers_are_grouped_in_pairs() {
        assert_eq!(phone_display("+4512345678"), "12 34 56 78");
        assert_eq!(phone_display("0045 1234 5678"), "12 34 56 78");
        assert_eq!(phone_display("+46 8 123 456"), "+46 8 123 456");
    }

    #[test]
    fn labels_read_mid_sentence() {
        assert_eq!(
            sentence(&["Egen læge", "Hospital", "Kommune", "Borgeren selv"], Lang::Da, false),
            "Egen læge, hospital, kommune og borgeren selv"
        );
        assert_eq!(
            sentence(&["Henvisning gennem Forebyg", "Ring til tilbuddet"], Lang::Da, true),
            "Henvisning gennem Forebyg eller ring til tilbuddet"
        );
        assert_eq!(sentence(&["Hospital", "GP"], Lang::En, true), "Hospital or GP");
        assert_eq!(sentence(&["Kommune"], Lang::Da, false), "Kommune");
        assert_eq!(full_stop("Diagnose og seneste målinger "), "Diagnose og seneste målinger.");
        assert_eq!(full_stop("Spirometri?"), "Spirometri?");
    }

    #[test]
    fn numbers_use_danish_separators() {
        assert_eq!(number(0, Lang::Da), "0");
        assert_eq!(number(999, Lang::Da), "999");
        assert_eq!(number(3000, Lang::Da), "3.000");
        assert_eq!(number(1234567, Lang::Da), "1.234.567");
        assert_eq!(number(1234567, Lang::En), "1,234,567");
        assert_eq!(decimal1(2.345, Lang::Da), "2,3");
        assert_eq!(decimal1(1234.56, Lang::Da), "1.234,6");
        assert_eq!(decimal1(2.26, Lang::En), "2.3");
        assert_eq!(decimal1(0.96, Lang::Da), "1,0");
        assert_eq!(decimal1(-1.5, Lang::Da), "-1,5");
    }

    #[test]
    fn distances() {
        assert_eq!(distance(2.34, Lang::Da), "2,3 km");
        assert_eq!(distance(2.34, Lang::En), "2.3 km");
        assert_eq!(distance(0.0, Lang::Da), "0,1 km");
        assert_eq!(distance(9.96, Lang::Da), "10 km");
        assert_eq!(distance(12.4, Lang::Da), "12 km");
        assert_eq!(distance(1234.0, Lang::Da), "1.234 km");
        assert_eq!(distance(f64::NAN, Lang::Da), "");
        assert_eq!(radius(25.0, Lang::Da), "25 km");
        assert_eq!(radius(12.5, Lang::Da), "12,5 km");
    }

    #[test]
    fn dates() {
        assert_eq!(date("2027-01-14", Lang::Da), "14. januar 2027");
        let session = |at: Option<&str>| forebyg_shared::first_session::FirstSession { on: "2027-01-11".into(), at: at.map(Into::into) };
        assert_eq!(first_session(&session(Some("17:00")), Lang::Da), "mandag 11. januar 2027 kl. 17:00");
        assert_eq!(first_session(&session(Some("17:00")), Lang::En), "Monday 11 January 2027 at 17:00");
        assert_eq!(first_session(&session(None), Lang::Da), "mandag 11. januar 2027");
        assert_eq!(day_at("3. dec. 2026", 9, 5, Lang::Da), "3. dec. 2026 kl. 09:05");
        assert_eq!(day_at("3 Dec 2026", 14, 5, Lang::En), "3 Dec 2026, 14:05");
        assert_eq!(date("2027-03-01", Lang::Da), "1. marts 2027");
        assert_eq!(date("2027-12-31", Lang::En), "31 December 2027");
        assert_eq!(date("2027-13-01", Lang::Da), "2027-13-01");
        assert_eq!(date("i morgen", Lang::Da), "i morgen");
        assert_eq!(date("", Lang::Da), "");
        assert_eq!(short_date("2026-12-03", Lang::Da), "3. dec. 2026");
        assert_eq!(short_date("2026-05-31", Lang::Da), "31. maj 2026");
        assert_eq!(short_date("2026-12-03", Lang::En), "3 Dec 2026");
        assert_eq!(short_date("2026-13-03", Lang::Da), "2026-13-03");
        assert_eq!(short_date("", Lang::Da), "");
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(web_link(" https://example.dk/a?b=c "), Some("https://example.dk/a?b=c"));
        assert_eq!(web_link("HTTP://example.dk"), Some("HTTP://example.dk"));
        for bad in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//evil.example", "www.example.dk", "https://a b", ""] {
            assert_eq!(web_link(bad), None, "{bad}");
        }
        assert_eq!(tel_href("+45 7480 8785").as_deref(), Some("tel:+4574808785"));
        assert_eq!(tel_href("ring os"), None);
    }

    #[test]
    fn prices_slots_and_lists() {
        assert_eq!(price(0, Lang::Da), "Gratis");
        assert_eq!(price(1250, Lang::Da), "1.250 kr.");
        assert_eq!(price(1250, Lang::En), "DKK 1,250");
        let s = TimeSlot { weekday: Weekday::Tue, start: "17:00".into(), end: "19:00".into() };
        assert_eq!(slot(&s, Lang::Da), "Tirsdag 17:00–19:00");
        let at = |weekday, start: &str| TimeSlot { weekday, start: start.into(), end: "20:00".into() };
        let entered = [at(Weekday::Thu, "17:00"), at(Weekday::Mon, "18:00"), at(Weekday::Mon, "09:00")];
        assert_eq!(week(&entered, Lang::Da), ["Mandag 09:00–20:00", "Mandag 18:00–20:00", "Torsdag 17:00–20:00"]);
        assert_eq!(list(&[], Lang::Da), "");
        assert_eq!(list(&["a"], Lang::Da), "a");
        assert_eq!(list(&["a", "b", "c"], Lang::Da), "a, b og c");
        assert_eq!(list(&["a", "b"], Lang::En), "a and b");
        assert_eq!(languages(&["da".into(), "en".into(), "xx".into()], Lang::Da), "Dansk, engelsk og xx");
        assert_eq!(capitalise("dansk"), "Dansk");
        assert_eq!(capitalise("ærø"), "ærø");
        assert_eq!(capitalise(""), "");
        assert_eq!(decapitalise("Fysisk aktivitet"), "fysisk aktivitet");
        assert_eq!(decapitalise("Ærø"), "Ærø");
    }
}
