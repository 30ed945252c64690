//! The first session as a calendar file (iCalendar, RFC 5545), for the person to put in their
//! own calendar from the status page: a phone opens it in its calendar app. Made in the browser
//! from what the status page already shows, so the contact the status was looked up with never
//! travels in an address.

use crate::clinician::handout::where_text;
use forebyg_shared::date::iso_datetime;
use forebyg_shared::first_session::FirstSession;
use forebyg_shared::offer::Offer;
use forebyg_shared::Lang;

/// The file's name when saved.
pub fn file_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "forste-modegang.ics",
        Lang::En => "first-session.ics",
    }
}

/// Minutes from "HH:MM" to "HH:MM" (none if either is not a time, or the end is not after).
fn minutes_between(start: &str, end: &str) -> Option<i64> {
    let minutes = |t: &str| Some(t.get(..2)?.parse::<i64>().ok()? * 60 + t.get(3..5)?.parse::<i64>().ok()?);
    Some(minutes(end)? - minutes(start)?).filter(|m| *m > 0)
}

/// How long the first session lasts: the offer's weekly slot on its weekday at its time, or an
/// hour.
fn length_minutes(first: &FirstSession, offer: &Offer) -> i64 {
    let weekday = first.weekday();
    offer
        .schedule
        .slots
        .iter()
        .find(|s| Some(s.weekday) == weekday && first.at.as_deref() == Some(&s.start))
        .and_then(|s| minutes_between(&s.start, &s.end))
        .unwrap_or(60)
}

/// A TEXT value escaped (RFC 5545 §3.3.11).
fn text(value: &str) -> String {
    value.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n")
}

/// A content line folded at 75 octets, continued after CRLF and a space (§3.1), never inside a
/// character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out
}

/// The calendar file of the first session on `offer` of the request with receipt `code`, made at
/// `now` (Unix seconds): an event at its time for as long as the offer's slot then (else an hour),
/// or all day when only the day was agreed. One event per request (its UID): a file saved after
/// the day moved replaces the first in the calendar (a later SEQUENCE).
pub fn first_session_ics(code: &str, first: &FirstSession, offer: &Offer, now: i64, lang: Lang) -> String {
    let compact = |iso: &str| iso.replace(['-', ':'], "");
    let (start, length) = match first.starts_at() {
        Some(utc) => (format!("DTSTART:{}", compact(&iso_datetime(utc))), format!("DURATION:PT{}M", length_minutes(first, offer))),
        None => {
            let next = forebyg_shared::date::add_days(&first.on, 1);
            (format!("DTSTART;VALUE=DATE:{}", compact(&first.on)), format!("DTEND;VALUE=DATE:{}", compact(&next)))
        }
    };
    let (summary, description) = match lang {
        Lang::Da => (format!("Første mødegang: {}", offer.title), format!("Du er tilmeldt {} hos {}.", offer.title, offer.provider.name)),
        Lang::En => (format!("First session: {}", offer.title), format!("You are enrolled on {} with {}.", offer.title, offer.provider.name)),
    };
    let call = offer.contact.phone.as_deref().map(|p| match lang {
        Lang::Da => format!(" Kan du ikke komme, så ring på {p}."),
        Lang::En => format!(" If you cannot come, call {p}."),
    });
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Forebyg//Forebyg//DA".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{code}-forste-modegang@forebyg.dk"),
        // Minutes since 1970: each file saved later outranks the ones before.
        format!("SEQUENCE:{}", now / 60),
        format!("DTSTAMP:{}", compact(&iso_datetime(now))),
        start,
        length,
        format!("SUMMARY:{}", text(&summary)),
    ]
    .into_iter()
    // A digital offer has no place to go to.
    .chain(offer.location.as_ref().map(|_| format!("LOCATION:{}", text(&where_text(offer, lang)))))
    .chain([
        format!("DESCRIPTION:{}", text(&format!("{description}{}", call.unwrap_or_default()))),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ]);
    lines.map(|l| fold(&l) + "\r\n").collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer() -> Offer {
        serde_json::from_value(serde_json::json!({
            "id": "demo-000873", "title": "KOL-træning, hold 2; aften", "summary": "s", "description": "d", "category": "fysisk-aktivitet",
            "conditions": ["kol"], "format": "on-site", "languages": ["da"],
            "schedule": { "enrolment": { "kind": "course", "sessions": 16, "weeks": 8 }, "slots": [{ "weekday": "mon", "start": "17:00", "end": "19:00" }] },
            "location": { "name": "Sundhedshuset", "address": "Vestergade 5", "postcode": "8000", "city": "Aarhus C",
                          "municipality_code": "0751", "point": { "lat": 56.15, "lon": 10.2 } },
            "region": "midtjylland", "provider": { "id": "p", "name": "Aarhus Kommune", "kind": "municipality" },
            "referral": { "self_referral": true, "from_gp": true, "from_hospital": true, "from_municipality": true, "note": null },
            "capacity": "open", "cost": { "dkk": 0, "note": null }, "accessibility": null,
            "contact": { "name": null, "phone": "+45 87 13 00 00", "email": null, "url": null },
            "status": "published", "last_verified": "2026-11-01", "kronikerpakke": null, "continue_afterwards": [], "demo": true, "version": 1
        }))
        .expect("an offer")
    }

    #[test]
    fn an_hour_from_its_time_in_utc_at_its_place() {
        let first = FirstSession { on: "2027-01-11".into(), at: Some("17:00".into()) };
        let ics = first_session_ics("K7QM-4XRT", &first, &offer(), 1_796_000_000, Lang::Da);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"), "{ics}");
        assert!(
            ics.contains("\r\nDTSTART:20270111T160000Z\r\nDURATION:PT120M\r\n"),
            "17:00 Danish winter time is 16:00 UTC, for the Monday slot's two hours: {ics}"
        );
        assert!(ics.contains("\r\nUID:K7QM-4XRT-forste-modegang@forebyg.dk\r\nSEQUENCE:29933333\r\n"), "{ics}");
        let other_time = FirstSession { at: Some("09:00".into()), ..first.clone() };
        assert!(
            first_session_ics("K7QM-4XRT", &other_time, &offer(), 1_796_000_000, Lang::Da).contains("\r\nDURATION:PT60M\r\n"),
            "no slot then: an hour"
        );
        assert!(ics.contains("\r\nSUMMARY:Første mødegang: KOL-træning\\, hold 2\\; aften\r\n"), "{ics}");
        assert!(ics.contains("\r\nLOCATION:Sundhedshuset\\, Vestergade 5\\, 8000 Aarhus C\r\n"), "{ics}");
        assert!(ics.lines().all(|l| l.len() <= 76), "folded at 75 octets (plus the CR): {ics}");
        let unfolded = ics.replace("\r\n ", "");
        assert!(
            unfolded.contains(
                "DESCRIPTION:Du er tilmeldt KOL-træning\\, hold 2\\; aften hos Aarhus Kommune. Kan du ikke komme\\, så ring på +45 87 13 00 00."
            ),
            "{unfolded}"
        );
    }

    #[test]
    fn all_day_when_only_the_day_was_agreed() {
        let first = FirstSession { on: "2027-06-30".into(), at: None };
        let ics = first_session_ics("K7QM-4XRT", &first, &offer(), 1_796_000_000, Lang::En);
        assert!(ics.contains("\r\nDTSTART;VALUE=DATE:20270630\r\nDTEND;VALUE=DATE:20270701\r\n"), "{ics}");
        assert!(ics.contains("SUMMARY:First session: "), "{ics}");
    }
}
