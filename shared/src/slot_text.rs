//! Weekly times as people type them, in the admin's forms and in a spreadsheet's `slots` cell:
//! "Tirsdag 10:00-12:00", "tue 17:00-19:00", or as Danes write times, "tirsdag kl. 17.30–19".
//! One reader for both, so a time the form takes is one the import takes.

use crate::offer::TimeSlot;
use crate::taxonomy::Weekday;
use crate::Lang;

/// A weekday as typed: its code ("tue"), its Danish or English name, or their first three letters.
pub fn weekday(word: &str) -> Option<Weekday> {
    let w = word.trim().to_lowercase();
    Weekday::ALL.iter().copied().find(|d| {
        d.code() == w
            || [Lang::Da, Lang::En].into_iter().any(|l| {
                let label = d.label(l).to_lowercase();
                label == w || label.get(..3) == w.get(..3).filter(|_| w.len() >= 3)
            })
    })
}

/// A time of day as typed ("17:30", "17.30", "kl. 17.30", "kl 9", "1730") as HH:MM; None if it
/// is not one.
pub fn parse_time(text: &str) -> Option<String> {
    let t = text.trim().to_lowercase();
    let t = t.strip_prefix("kl.").or_else(|| t.strip_prefix("kl")).unwrap_or(&t).trim();
    let (h, m) = match t.split_once([':', '.']) {
        Some((h, m)) => (h, m),
        None if t.len() == 4 => t.split_at(2),
        None => (t, "00"),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit());
    if !digits(h) || !digits(m) || m.len() != 2 {
        return None;
    }
    let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

/// Parses one slot line ("tirsdag 10:00-12:00", "tue 10:00–12:00", "Tirsdag kl. 17.30-19");
/// None if it is not one.
pub fn parse_slot(line: &str) -> Option<TimeSlot> {
    let line = line.trim().replace(['–', '—'], "-");
    let (day, times) = line.split_once(' ')?;
    let (start, end) = times.trim().split_once('-')?;
    Some(TimeSlot { weekday: weekday(day)?, start: parse_time(start)?, end: parse_time(end)? })
}

/// Reads one slot as [`parse_slot`] does, but keeps a time it cannot read as typed ("25:00"), so
/// validation names the problem ([`crate::offer_validation::validate_slots`]); None only when the
/// weekday or the range is missing.
pub fn read_slot(line: &str) -> Option<TimeSlot> {
    let line = line.trim().replace(['–', '—'], "-");
    let (day, times) = line.split_once(char::is_whitespace)?;
    let (start, end) = times.trim().split_once('-')?;
    let time = |t: &str| parse_time(t).unwrap_or_else(|| t.trim().to_owned());
    Some(TimeSlot { weekday: weekday(day)?, start: time(start), end: time(end) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slot_is_read_as_danes_write_it() {
        for typed in ["Tirsdag 17.00–18.30", "tue 17:00-18:30", "tirsdag kl. 17.00 - 18.30", "Tir 1700-1830"] {
            let s = parse_slot(typed).unwrap_or_else(|| panic!("{typed}"));
            assert_eq!((s.weekday, s.start.as_str(), s.end.as_str()), (Weekday::Tue, "17:00", "18:30"), "{typed}");
            assert_eq!(read_slot(typed), Some(s));
        }
        // An hour past the day: kept as typed for validation to name, not the whole slot refused.
        assert_eq!(parse_slot("fre 13:00-25:00"), None);
        assert_eq!(read_slot("fre 13:00-25:00").map(|s| s.end), Some("25:00".to_owned()));
        assert_eq!(read_slot("whenever"), None);
        assert_eq!(read_slot("someday 10:00-12:00"), None);
    }
}
