//! Weekly times as the admin types them, one per line: "Tirsdag 10:00-12:00", or as Danes write
//! times: "tirsdag kl. 17.30-19" (read by `forebyg_shared::slot_text`, as the CSV import reads them).

use forebyg_shared::offer::TimeSlot;
pub use forebyg_shared::slot_text::{parse_slot, parse_time, weekday};
use forebyg_shared::taxonomy::Weekday;
use forebyg_shared::Lang;

/// "Tirsdag 10:00-12:00" ("Tuesday 10:00-12:00") lines.
pub fn slot_line(s: &TimeSlot, lang: Lang) -> String {
    format!("{} {}-{}", s.weekday.label(lang), s.start, s.end)
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
