//! A demo offer's weekly times, enrolment and next start.

use super::Rng;
use forebyg_shared::offer::{Enrolment, Schedule, TimeSlot};
use forebyg_shared::taxonomy::Weekday;

pub(super) fn schedule(rng: &mut Rng) -> Schedule {
    let continuous = rng.chance(30);
    let (weekday, start, end) = match rng.below(10) {
        0..=4 => (*rng.pick(&Weekday::ALL[..5]), "10:00", "12:00"),
        5..=6 => (*rng.pick(&Weekday::ALL[..5]), "13:00", "15:00"),
        7..=8 => (*rng.pick(&Weekday::ALL[..4]), "17:00", "19:00"),
        _ => (Weekday::Sat, "10:00", "12:00"),
    };
    let mut slots = vec![TimeSlot { weekday, start: start.into(), end: end.into() }];
    if rng.chance(40) {
        let second = Weekday::ALL[(Weekday::ALL.iter().position(|d| *d == weekday).unwrap_or(0) + 2) % 5];
        slots.push(TimeSlot { weekday: second, start: start.into(), end: end.into() });
        slots.sort_by_key(|s| s.weekday);
    }
    // A course starts on the day it meets: the first weekly day on or after a day in the
    // first half of 2027.
    let next_start = (!continuous).then(|| {
        let day = forebyg_shared::date::days_from_iso(&format!("2027-{:02}-{:02}", 1 + rng.below(6), 1 + rng.below(28))).unwrap_or_default();
        let meets = Weekday::ALL.iter().position(|d| *d == slots[0].weekday).unwrap_or(0) as i64;
        let start = day + (meets - forebyg_shared::date::weekday(day)).rem_euclid(7);
        forebyg_shared::date::iso_date(start * 86_400)
    });
    // A course meets at each of its weekly times every week: 8 weeks at two weekly times are 16
    // sessions (a walk read "8 gange" beside two times a week for 8 weeks). The draw that once
    // picked the sessions is kept, so the rest of the demo data stays as it was.
    let enrolment = if continuous {
        Enrolment::Continuous
    } else {
        let _ = rng.below(7);
        let weeks = 6 + rng.below(7) as u16;
        Enrolment::Course { sessions: weeks * slots.len() as u16, weeks }
    };
    Schedule { enrolment, slots, next_start }
}
