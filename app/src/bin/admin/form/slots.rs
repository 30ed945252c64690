//! Weekly times as the admin types them, one per line: "Tirsdag 10:00-12:00".

use forebyg_shared::offer::TimeSlot;
use forebyg_shared::taxonomy::Weekday;
use forebyg_shared::Lang;

/// "Tirsdag 10:00-12:00" ("Tuesday 10:00-12:00") lines.
pub fn slot_line(s: &TimeSlot, lang: Lang) -> String {
    format!("{} {}-{}", s.weekday.label(lang), s.start, s.end)
}

fn weekday(word: &str) -> Option<Weekday> {
    let w = word.trim().to_lowercase();
    Weekday::ALL.iter().copied().find(|d| {
        d.code() == w
            || [Lang::Da, Lang::En].into_iter().any(|l| {
                let label = d.label(l).to_lowercase();
                label == w || label.get(..3) == w.get(..3).filter(|_| w.len() >= 3)
            })
    })
}

/// Parses one slot line ("tirsdag 10:00-12:00", "tue 10:00–12:00"); None if it is not one.
pub fn parse_slot(line: &str) -> Option<TimeSlot> {
    let line = line.trim().replace(['–', '—'], "-");
    let (day, times) = line.split_once(' ')?;
    let (start, end) = times.trim().split_once('-')?;
    Some(TimeSlot { weekday: weekday(day)?, start: start.trim().to_owned(), end: end.trim().to_owned() })
}
