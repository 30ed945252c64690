//! The first session ("første mødegang") a provider agrees with the person when it enrols them:
//! a day and, when agreed, a time. The provider gives it with "Tilmeld" in the inbox; the patient
//! reads it on the status page, the referring clinician in "Mine henvisninger", a GP system as
//! the FHIR Task's output.

use crate::referral::{ReferralStatus, StatusEvent};
use crate::taxonomy::Weekday;
use crate::validation::{is_time, ErrorCode, FieldError};
use serde::{Deserialize, Serialize};

/// How far back a first session may lie: a provider may record an enrolment after the person
/// came (the day is then history, not a mistake), but not one from a past course.
pub const PAST_DAYS: i64 = 30;
/// How far ahead a first session may lie (courses start within months, a typo's year does not).
pub const AHEAD_DAYS: i64 = 366;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FirstSession {
    /// YYYY-MM-DD.
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub on: String,
    /// HH:MM, Danish time; absent when only the day is agreed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$"))]
    pub at: Option<String>,
}

impl FirstSession {
    /// Every problem with it, `today` (YYYY-MM-DD, Danish) setting the window of
    /// [`PAST_DAYS`]..[`AHEAD_DAYS`], and never before `received_on`, the day the request came.
    pub fn validate(&self, today: &str, received_on: &str) -> Vec<FieldError> {
        let mut errors = vec![];
        match (crate::date::days_from_iso(&self.on), crate::date::days_from_iso(today)) {
            (None, _) if self.on.trim().is_empty() => errors.push(FieldError::new(
                "first_session.on",
                ErrorCode::Required,
                "Skriv datoen for første mødegang (eller slet klokkeslættet).",
                "Enter the date of the first session (or clear the time).",
            )),
            (None, _) => errors.push(FieldError::new(
                "first_session.on",
                ErrorCode::Invalid,
                "Skriv datoen for første mødegang som en rigtig dato (ÅÅÅÅ-MM-DD).",
                "Enter the first session's date as a real date (YYYY-MM-DD).",
            )),
            (Some(day), Some(now)) if day < now - PAST_DAYS || day > now + AHEAD_DAYS => errors.push(FieldError::new(
                "first_session.on",
                ErrorCode::OutOfRange,
                "Første mødegang skal ligge højst 30 dage tilbage og højst et år frem.",
                "The first session must be at most 30 days ago and at most a year ahead.",
            )),
            _ if self.on.as_str() < received_on => errors.push(FieldError::new(
                "first_session.on",
                ErrorCode::OutOfRange,
                "Første mødegang kan ikke ligge før den dag, henvendelsen kom.",
                "The first session cannot be before the day the request came.",
            )),
            _ => {}
        }
        if self.at.as_deref().is_some_and(|t| !is_time(t)) {
            errors.push(FieldError::new(
                "first_session.at",
                ErrorCode::Invalid,
                "Skriv klokkeslættet som TT:MM, fx 17:00.",
                "Enter the time as HH:MM, e.g. 17:00.",
            ));
        }
        errors
    }

    /// The UTC instant it starts at (Unix seconds) and the Danish offset then (seconds), when a
    /// time was agreed.
    fn instant(&self) -> Option<(i64, i64)> {
        let (day, at) = (crate::date::days_from_iso(&self.on)?, self.at.as_deref().filter(|t| is_time(t))?);
        let local = day * 86_400 + at[..2].parse::<i64>().ok()? * 3_600 + at[3..].parse::<i64>().ok()? * 60;
        // The offset at the local time read as UTC less an hour: off only within the hour the
        // clocks change.
        let offset = crate::date::copenhagen_offset(local - 3_600);
        Some((local - offset, offset))
    }

    /// When it starts (Unix seconds, UTC), when a time was agreed.
    pub fn starts_at(&self) -> Option<i64> {
        self.instant().map(|(utc, _)| utc)
    }

    /// RFC 3339 as FHIR's dateTime: the day alone ("2027-01-11"), or with its time and Danish
    /// offset ("2027-01-11T17:00:00+01:00", "2027-06-07T17:00:00+02:00" in summer time).
    pub fn date_time(&self) -> String {
        match (self.instant(), self.at.as_deref()) {
            (Some((_, offset)), Some(at)) => format!("{}T{at}:00+0{}:00", self.on, offset / 3_600),
            _ => self.on.clone(),
        }
    }

    /// The weekday of its day (`None` if the day is not a date).
    pub fn weekday(&self) -> Option<Weekday> {
        let day = crate::date::days_from_iso(&self.on)?;
        Weekday::ALL.get(crate::date::weekday(day) as usize).copied()
    }
}

/// The days a first session may lie on (YYYY-MM-DD, both included), for a date picker's bounds:
/// from 30 days back, but not before the request came (`received_on`), to a year ahead.
pub fn window(today: &str, received_on: &str) -> (String, String) {
    let earliest = crate::date::add_days(today, -PAST_DAYS);
    (earliest.max(received_on.to_owned()), crate::date::add_days(today, AHEAD_DAYS))
}

/// Whether step `e` of a history moved (or gave, or took away) the first session of an enrolment
/// rather than enrolling: it follows an enrolled step (`prev`). The histories call it "Første
/// mødegang ændret", not "Tilmeldt" again.
fn is_move(prev: Option<&StatusEvent>, e: &StatusEvent) -> bool {
    e.status == ReferralStatus::Enrolled && prev.is_some_and(|p| p.status == ReferralStatus::Enrolled)
}

/// For each step of `history`, whether it [`is_move`]s the first session. Inlined: called from a
/// lazy page, it would otherwise be placed in the landing page's wasm.
#[inline]
pub fn moves(history: &[StatusEvent]) -> Vec<bool> {
    history.iter().enumerate().map(|(i, e)| is_move(i.checked_sub(1).map(|p| &history[p]), e)).collect()
}

/// What a history calls a step that moves the first session ([`moves`]).
pub fn moved_label(lang: crate::Lang) -> &'static str {
    match lang {
        crate::Lang::Da => "Første mødegang ændret",
        crate::Lang::En => "First session changed",
    }
}

/// For each step of `history`, the first session it called off: the one agreed until then, when
/// the step takes an enrolment back or declines it, or stops the course before that day. Inlined,
/// as [`moves`].
#[inline]
pub fn called_off(history: &[StatusEvent]) -> Vec<Option<&FirstSession>> {
    history
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let before = &history[i.checked_sub(1)?];
            let back = before.status == ReferralStatus::Enrolled && e.status != ReferralStatus::Enrolled && !e.status.course_over();
            let agreed = last_agreed(&history[..i]);
            if back {
                agreed
            } else {
                agreed.filter(|f| before.status == ReferralStatus::Enrolled && stopped_before(e, f))
            }
        })
        .collect()
}

/// A course discontinued before its first session's day: the person never started, so that day
/// is off too (a walk's patient read only "Forløbet blev stoppet" with 13 January still agreed).
fn stopped_before(e: &StatusEvent, first: &FirstSession) -> bool {
    e.status == ReferralStatus::Discontinued && crate::date::copenhagen_date(e.at) < first.on
}

/// What a history says of a first session called off ([`called_off`]), before its day.
pub fn called_off_label(lang: crate::Lang) -> &'static str {
    match lang {
        crate::Lang::Da => "Første mødegang aflyst",
        crate::Lang::En => "First session cancelled",
    }
}

/// The first session of a referral whose status is `status`: the one given with its latest
/// enrolment, while it is enrolled or its course is over. An enrolment undone (back to
/// contacted) has none, though its history keeps what was agreed then.
pub fn current(history: &[StatusEvent], status: ReferralStatus) -> Option<&FirstSession> {
    if status != ReferralStatus::Enrolled && !status.course_over() {
        return None;
    }
    last_agreed(history)
}

/// The first session given with the latest enrolment of `history`, whatever came after.
fn last_agreed(history: &[StatusEvent]) -> Option<&FirstSession> {
    history.iter().rev().find(|e| e.status == ReferralStatus::Enrolled)?.first_session.as_ref()
}

/// The first session called off: the one given with the latest enrolment when the referral has
/// since gone back (an enrolment undone) or been declined, and not enrolled again, or when its
/// course was discontinued before that day. The person's status page says the day is off
/// (withdrawn requests keep no first sessions).
pub fn cancelled(history: &[StatusEvent], status: ReferralStatus) -> Option<&FirstSession> {
    match status {
        ReferralStatus::Discontinued => {
            let stop = history.iter().rev().find(|e| e.status == ReferralStatus::Discontinued)?;
            last_agreed(history).filter(|f| stopped_before(stop, f))
        }
        ReferralStatus::Enrolled | ReferralStatus::Completed | ReferralStatus::Withdrawn => None,
        _ => last_agreed(history),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::referral::Actor;

    fn on(day: &str, at: Option<&str>) -> FirstSession {
        FirstSession { on: day.into(), at: at.map(Into::into) }
    }

    fn fields(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_real_day_within_the_window_and_a_real_time() {
        let (today, came) = ("2027-01-04", "2026-11-20");
        assert_eq!(fields(on("2027-01-11", Some("17:00")).validate(today, came)), Vec::<String>::new());
        assert_eq!(fields(on("2026-12-05", None).validate(today, came)), Vec::<String>::new(), "30 days back: recorded afterwards");
        assert_eq!(fields(on("2026-12-04", None).validate(today, came)), ["first_session.on"]);
        assert_eq!(fields(on("2026-12-05", None).validate(today, "2026-12-10")), ["first_session.on"], "before the request came");
        assert_eq!(fields(on("2028-01-06", None).validate(today, came)), ["first_session.on"], "a typo's year");
        assert_eq!(fields(on("2027-02-30", None).validate(today, came)), ["first_session.on"]);
        assert_eq!(fields(on("2027-01-11", Some("24:00")).validate(today, came)), ["first_session.at"]);
        assert_eq!(fields(on("2027-01-11", Some("5:30")).validate(today, came)), ["first_session.at"]);
        assert_eq!(window(today, came), ("2026-12-05".to_owned(), "2028-01-05".to_owned()));
        assert_eq!(window(today, "2026-12-10").0, "2026-12-10");
    }

    #[test]
    fn as_a_fhir_date_time_with_the_danish_offset() {
        assert_eq!(on("2027-01-11", None).date_time(), "2027-01-11");
        assert_eq!(on("2027-01-11", Some("17:00")).date_time(), "2027-01-11T17:00:00+01:00");
        assert_eq!(on("2027-06-07", Some("09:30")).date_time(), "2027-06-07T09:30:00+02:00");
        assert_eq!(on("2027-01-11", Some("17:00")).starts_at().map(crate::date::iso_datetime).as_deref(), Some("2027-01-11T16:00:00Z"));
        assert_eq!(on("2027-01-11", None).starts_at(), None);
    }

    #[test]
    fn the_weekday_counts_from_monday() {
        assert_eq!(on("2027-01-11", None).weekday(), Some(Weekday::Mon));
        assert_eq!(on("2027-01-17", None).weekday(), Some(Weekday::Sun));
    }

    #[test]
    fn the_latest_enrolment_gives_it_while_enrolled_or_over() {
        let step = |status, first_session: Option<FirstSession>| StatusEvent { first_session, ..StatusEvent::new(status, 0, Actor::Provider) };
        use ReferralStatus::*;
        let history = [
            step(Received, None),
            step(Enrolled, Some(on("2027-01-11", None))),
            step(Contacted, None),
            step(Enrolled, Some(on("2027-02-01", Some("17:00")))),
        ];
        assert_eq!(current(&history, Enrolled), Some(&on("2027-02-01", Some("17:00"))));
        assert_eq!(current(&history, Completed), Some(&on("2027-02-01", Some("17:00"))));
        assert_eq!(current(&history[..3], Contacted), None, "an enrolment undone");
        assert_eq!(current(&history[..2], Declined), None);
        assert_eq!(moves(&history), [false, false, false, false]);
        assert_eq!(moves(&[step(Enrolled, None), step(Enrolled, Some(on("2027-02-08", None)))]), [false, true]);
        // Called off: an enrolment undone, or declined after it, until enrolled again.
        assert_eq!(cancelled(&history[..3], Contacted), Some(&on("2027-01-11", None)));
        let declined = [&history[..], &[step(Declined, None)]].concat();
        assert_eq!(cancelled(&declined, Declined), Some(&on("2027-02-01", Some("17:00"))));
        assert_eq!(cancelled(&history, Enrolled), None);
        assert_eq!(cancelled(&history, Completed), None);
        assert_eq!(cancelled(&history[..1], Received), None, "never enrolled");
        let first = on("2027-01-11", None);
        assert_eq!(called_off(&declined), [None, None, Some(&first), None, Some(&on("2027-02-01", Some("17:00")))]);
        let over = [&history[..], &[step(Completed, None)]].concat();
        assert_eq!(called_off(&over)[4], None, "a course over calls nothing off");
    }

    #[test]
    fn a_course_stopped_before_its_first_session_calls_it_off() {
        // 2027-01-10 12:00 UTC and 2027-01-11 10:00 UTC.
        let (eve, day) = (1_799_582_400, 1_799_661_600);
        assert_eq!(crate::date::copenhagen_date(eve), "2027-01-10");
        assert_eq!(crate::date::copenhagen_date(day), "2027-01-11");
        let at =
            |status, at: i64, first_session: Option<FirstSession>| StatusEvent { first_session, ..StatusEvent::new(status, at, Actor::Provider) };
        use ReferralStatus::*;
        let first = on("2027-01-11", Some("10:00"));
        let before = [at(Received, 0, None), at(Enrolled, 1, Some(first.clone())), at(Discontinued, eve, None)];
        assert_eq!(cancelled(&before, Discontinued), Some(&first));
        assert_eq!(called_off(&before), [None, None, Some(&first)]);
        // Stopped on the day or after it: the person had the chance to come; nothing is off.
        let on_the_day = [at(Received, 0, None), at(Enrolled, 1, Some(first.clone())), at(Discontinued, day, None)];
        assert_eq!(cancelled(&on_the_day, Discontinued), None);
        assert_eq!(called_off(&on_the_day), [None, None, None]);
        let completed = [at(Received, 0, None), at(Enrolled, 1, Some(first.clone())), at(Completed, eve, None)];
        assert_eq!(cancelled(&completed, Completed), None);
    }
}
