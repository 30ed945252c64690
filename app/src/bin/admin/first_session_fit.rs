//! Whether a first session agreed in the inbox fits the offer's schedule: a day on none of its
//! weekly times, or before its next start, is most likely a slip of the date picker (a walk's
//! provider enrolled a person on a Tuesday for a Monday and Thursday class starting in March; the
//! patient's status page then promised that Tuesday). Said under the day, never refused: a first
//! talk may be agreed apart from the class's times. Pure logic, tested natively.

use forebyg_shared::first_session::FirstSession;
use forebyg_shared::offer::Schedule;
use forebyg_shared::Lang;

/// What does not fit about a first session on `on` (YYYY-MM-DD), each a sentence; empty when it
/// fits or the day is not a date yet.
pub fn notes(on: &str, schedule: &Schedule, lang: Lang) -> Vec<String> {
    let Some(day) = (FirstSession { on: on.to_owned(), at: None }).weekday() else { return vec![] };
    let mut notes = vec![];
    let mut days = vec![];
    for s in &schedule.slots {
        if !days.contains(&s.weekday) {
            days.push(s.weekday);
        }
    }
    // Danish writes weekdays in lower case within a sentence, English capitalised.
    let name = |d: forebyg_shared::taxonomy::Weekday| if lang == Lang::Da { d.label(lang).to_lowercase() } else { d.label(lang).to_owned() };
    if !days.is_empty() && !days.contains(&day) {
        let names: Vec<String> = days.iter().map(|&d| name(d)).collect();
        let held = forebyg_shared::label::join_list(&names, if lang == Lang::Da { "og" } else { "and" });
        let date = forebyg_app::format::date(on, lang);
        notes.push(match lang {
            Lang::Da => format!("Tilbuddet holdes {held}, men {date} er en {}.", name(day)),
            Lang::En => format!("The offer is held on {held}, but {date} is a {}.", name(day)),
        });
    }
    if let Some(start) = schedule.next_start.as_deref().filter(|s| on < *s) {
        let start = forebyg_app::format::date(start, lang);
        notes.push(match lang {
            Lang::Da => format!("Holdet starter først {start}."),
            Lang::En => format!("The course does not start until {start}."),
        });
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schedule(next_start: Option<&str>) -> Schedule {
        serde_json::from_value(serde_json::json!({
            "enrolment": { "kind": "course", "sessions": 16, "weeks": 8 },
            "slots": [{ "weekday": "mon", "start": "17:00", "end": "19:00" }, { "weekday": "thu", "start": "17:00", "end": "19:00" }],
            "next_start": next_start
        }))
        .expect("a schedule")
    }

    #[test]
    fn another_weekday_or_before_the_start_is_said() {
        // 12 January 2027 is a Tuesday; the 11th a Monday.
        assert_eq!(
            notes("2027-01-12", &schedule(Some("2027-03-29")), Lang::Da),
            ["Tilbuddet holdes mandag og torsdag, men 12. januar 2027 er en tirsdag.", "Holdet starter først 29. marts 2027."]
        );
        assert_eq!(notes("2027-01-12", &schedule(None), Lang::En), ["The offer is held on Monday and Thursday, but 12 January 2027 is a Tuesday."]);
        assert!(notes("2027-03-29", &schedule(Some("2027-03-29")), Lang::Da).is_empty());
        assert!(notes("2027-01-11", &schedule(None), Lang::Da).is_empty());
        // No weekly times (agreed with each person), or no day yet: nothing to say.
        let mut free = schedule(None);
        free.slots.clear();
        assert!(notes("2027-01-12", &free, Lang::Da).is_empty());
        assert!(notes("", &schedule(None), Lang::Da).is_empty());
    }
}
