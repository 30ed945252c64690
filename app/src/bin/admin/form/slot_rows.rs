//! The weekly times as rows of pickers (a weekday, a start and an end time), kept in the form as
//! lines ("Tirsdag 10:00-12:00", `slots`), so the conversion, the conflict help and the
//! validation stay the lines'. A line typed the Danish way ("tirsdag kl. 17.30-19") reads as its
//! row; a time that is not one stays as typed, for the validation to name.

use super::slots::{parse_time, weekday};
use forebyg_shared::taxonomy::Weekday;
use forebyg_shared::validation::is_time;
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

/// Which of a row's pickers (weekday, start, end) an error on the row points at: those not
/// filled in or wrong; when none is (the same time listed twice), the weekday.
pub fn parts_at_fault(row: &SlotRow) -> [bool; 3] {
    let day = row.day.is_empty();
    let start = !is_time(&row.start);
    let end = !is_time(&row.end) || (!start && row.end <= row.start);
    if day || start || end {
        [day, start, end]
    } else {
        [true, false, false]
    }
}

/// The line row `i` becomes (the index of its errors, `schedule.slots[n]`): empty rows are no
/// line ([`rows_text`]), so they have none.
pub fn line_of(rows: &[SlotRow], i: usize) -> Option<usize> {
    let empty = |r: &SlotRow| *r == SlotRow::default();
    rows.get(i).filter(|r| !empty(r)).map(|_| rows[..i].iter().filter(|r| !empty(r)).count())
}
