//! The weekly times as rows of pickers (a weekday, a start and an end time), kept in the form as
//! lines ("Tirsdag 10:00-12:00", `slots`), so the conversion, the conflict help and the
//! validation stay the lines'. A line typed the Danish way ("tirsdag kl. 17.30-19") reads as its
//! row; a time that is not one stays as typed, for the validation to name.

use super::slots::{parse_time, weekday};
use forebyg_shared::taxonomy::Weekday;
use forebyg_shared::Lang;

/// One weekly time as the pickers show it: the weekday's code (empty: not chosen) and the times
/// as HH:MM (or as typed when they are not times).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SlotRow {
    pub day: String,
    pub start: String,
    pub end: String,
}

/// A time as HH:MM if it is one, else as typed.
pub fn time_or_typed(s: &str) -> String {
    parse_time(s).unwrap_or_else(|| s.trim().to_owned())
}

/// The rows of the lines (blank lines are none).
pub fn slot_rows(lines: &str) -> Vec<SlotRow> {
    lines
        .lines()
        .map(|l| l.trim().replace(['–', '—'], "-"))
        .filter(|l| !l.is_empty())
        .map(|line| {
            let (first, rest) = line.split_once(' ').unwrap_or((&line, ""));
            let (day, times) = match weekday(first) {
                Some(d) => (d.code().to_owned(), rest),
                None => (String::new(), line.as_str()),
            };
            let (start, end) = times.split_once('-').unwrap_or((times, ""));
            SlotRow { day, start: time_or_typed(start), end: time_or_typed(end) }
        })
        .collect()
}

/// The lines of the rows in `lang` ("Tirsdag 10:00-12:00"); an empty row is no line, a row not
/// filled in yet a line the validation names.
pub fn rows_text(rows: &[SlotRow], lang: Lang) -> String {
    rows.iter()
        .filter(|r| *r != &SlotRow::default())
        .map(|r| {
            let day = Weekday::from_code(&r.day).map_or("", |d| d.label(lang));
            format!("{day} {}-{}", r.start, r.end).trim().to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
