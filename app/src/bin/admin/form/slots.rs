//! Weekly times as the admin types them, one per line: "Tirsdag 10:00-12:00", or as Danes write
//! times: "tirsdag kl. 17.30-19".

use forebyg_shared::offer::TimeSlot;
use forebyg_shared::taxonomy::Weekday;
use forebyg_shared::Lang;

/// "Tirsdag 10:00-12:00" ("Tuesday 10:00-12:00") lines.
pub fn slot_line(s: &TimeSlot, lang: Lang) -> String {
    format!("{} {}-{}", s.weekday.label(lang), s.start, s.end)
}

pub(super) fn weekday(word: &str) -> Option<Weekday> {
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

/// "Næste start er en tirsdag, men holdet mødes torsdag. Passer datoen?": a course's next start
/// typed for a day none of its weekly times is on (a walk found most of the demo's so); `None`
/// when it is one of them, or the day or times are not (yet) readable.
pub fn start_off_the_weekly_days(next_start: &str, slot_lines: &str, lang: Lang) -> Option<String> {
    let day = forebyg_shared::date::days_from_iso(&forebyg_shared::date::parse_day(next_start)?)?;
    let start = Weekday::ALL[forebyg_shared::date::weekday(day) as usize];
    let mut meets: Vec<Weekday> = slot_lines.lines().filter_map(parse_slot).map(|s| s.weekday).collect();
    meets.dedup();
    if meets.is_empty() || meets.contains(&start) {
        return None;
    }
    let day_word = |d: Weekday| if lang == Lang::Da { d.label(lang).to_lowercase() } else { d.label(lang).to_owned() };
    let days: Vec<String> = meets.into_iter().map(day_word).collect();
    let days = forebyg_app::format::list(&days.iter().map(String::as_str).collect::<Vec<_>>(), lang);
    Some(match lang {
        Lang::Da => format!("Næste start er en {}, men holdet mødes {days}. Passer datoen?", day_word(start)),
        Lang::En => format!("The next start is a {}, but the group meets on {days}. Is the date right?", day_word(start)),
    })
}
