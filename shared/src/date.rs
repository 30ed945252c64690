//! Calendar dates from Unix time, without a date library (every byte ships to the browser).

/// The UTC calendar date (YYYY-MM-DD) of a Unix timestamp in seconds.
pub fn iso_date(unix_secs: i64) -> String {
    let (y, m, d) = civil_from_days(unix_secs.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The UTC instant of a Unix timestamp in seconds, RFC 3339: `2027-03-01T09:30:00Z`.
pub fn iso_datetime(unix_secs: i64) -> String {
    let secs = unix_secs.rem_euclid(86_400);
    format!("{}T{:02}:{:02}:{:02}Z", iso_date(unix_secs), secs / 3600, secs % 3600 / 60, secs % 60)
}

/// Days since 1970-01-01 of a YYYY-MM-DD date (`None` if it is not one).
pub fn days_from_iso(date: &str) -> Option<i64> {
    crate::validation::iso_date("date", date).ok()?;
    let (y, m, d) = (date[0..4].parse::<i64>().ok()?, date[5..7].parse::<i64>().ok()?, date[8..10].parse::<i64>().ok()?);
    Some(days_from_civil(y, m, d))
}

/// Days since 1970-01-01 of a (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

/// A day as people type it, as YYYY-MM-DD: "2026-12-03", and the Danish "3.12.2026",
/// "03-12-2026", "3/12/2026" and "3.12.26" (20yy). `None` if it is not a real day.
pub fn parse_day(text: &str) -> Option<String> {
    let t = text.trim();
    if days_from_iso(t).is_some() {
        return Some(t.to_owned());
    }
    let parts: Vec<&str> = t.split(['.', '-', '/']).map(str::trim).collect();
    let [d, m, y] = parts.as_slice() else { return None };
    let number = |s: &str, max_len: usize| {
        s.chars().all(|c| c.is_ascii_digit()).then(|| s.parse::<u32>().ok()).flatten().filter(|_| (1..=max_len).contains(&s.len()))
    };
    let (d, m) = (number(d, 2)?, number(m, 2)?);
    let y = match y.len() {
        2 => 2000 + number(y, 2)?,
        4 => number(y, 4)?,
        _ => return None,
    };
    let iso = format!("{y:04}-{m:02}-{d:02}");
    days_from_iso(&iso).map(|_| iso)
}

/// A YYYY-MM-DD date plus `days` (the date unchanged if it is not one).
pub fn add_days(date: &str, days: i64) -> String {
    days_from_iso(date).map_or_else(|| date.to_owned(), |n| iso_date((n + days) * 86_400))
}

/// The month (YYYY-MM) `back` months before the month of `date` (YYYY-MM-DD or YYYY-MM); the
/// text unchanged if it does not start with a month.
pub fn months_back(date: &str, back: i64) -> String {
    let (Some(year), Some(month)) = (date.get(..4).and_then(|y| y.parse::<i64>().ok()), date.get(5..7).and_then(|m| m.parse::<i64>().ok())) else {
        return date.to_owned();
    };
    let index = year * 12 + month - 1 - back;
    format!("{:04}-{:02}", index.div_euclid(12), index.rem_euclid(12) + 1)
}

/// Monday = 0 … Sunday = 6 of a day counted from 1970-01-01 (a Thursday).
pub fn weekday(day: i64) -> i64 {
    (day + 3).rem_euclid(7)
}

/// The last Sunday of a month (March or October), as a day count.
fn last_sunday(y: i64, m: i64) -> i64 {
    let last = days_from_civil(y, m + 1, 1) - 1;
    last - (weekday(last) + 1) % 7
}

/// Seconds Danish time is ahead of UTC at this instant: +1 h (CET), +2 h (CEST) from 01:00 UTC
/// on the last Sunday of March to 01:00 UTC on the last Sunday of October (the EU rule), so no
/// time zone database is needed.
pub fn copenhagen_offset(unix_secs: i64) -> i64 {
    let (y, _, _) = civil_from_days(unix_secs.div_euclid(86_400));
    let (start, end) = (last_sunday(y, 3) * 86_400 + 3_600, last_sunday(y, 10) * 86_400 + 3_600);
    if (start..end).contains(&unix_secs) {
        7_200
    } else {
        3_600
    }
}

/// The day (counted from 1970-01-01) it is in Denmark at this instant.
pub fn copenhagen_day(unix_secs: i64) -> i64 {
    (unix_secs + copenhagen_offset(unix_secs)).div_euclid(86_400)
}

/// The Danish calendar date (YYYY-MM-DD) at this instant: "today" for people in Denmark.
pub fn copenhagen_date(unix_secs: i64) -> String {
    iso_date(copenhagen_day(unix_secs) * 86_400)
}

/// Easter Sunday of a year, as a day count (the anonymous Gregorian algorithm).
fn easter(y: i64) -> i64 {
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e, f) = (b / 4, b % 4, (b + 8) / 25);
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    days_from_civil(y, n / 31, n % 31 + 1)
}

/// Whether workplaces in Denmark are closed on this day (counted from 1970-01-01), weekends
/// aside: the public holidays — nytårsdag, skærtorsdag, langfredag, påskedag, 2. påskedag,
/// Kristi himmelfartsdag, pinsedag, 2. pinsedag, juledag, 2. juledag, and store bededag until it
/// was abolished from 2024 — and the days most workplaces close though the law does not make
/// them holidays: grundlovsdag (5 June), juleaftensdag (24 December) and nytårsaftensdag
/// (31 December). A promise of "hverdage" does not count them.
pub fn is_danish_closing_day(day: i64) -> bool {
    let (y, m, d) = civil_from_days(day);
    if matches!((m, d), (1, 1) | (6, 5) | (12, 24) | (12, 25) | (12, 26) | (12, 31)) {
        return true;
    }
    let e = easter(y);
    let store_bededag = (y < 2024).then_some(e + 26);
    [e - 3, e - 2, e, e + 1, e + 39, e + 49, e + 50].contains(&day) || store_bededag == Some(day)
}

/// The working day `n` working days after the Danish date of `unix_secs`: Monday to Friday,
/// counted in Danish time (a request at 00:30 on a Monday in Denmark is made on Monday, though it
/// is still Sunday in UTC), skipping the days of [`is_danish_closing_day`]. A request made on a
/// Friday with 1 working day is answered on Monday; one made the day before Easter's
/// skærtorsdag with 3 is answered on the Thursday after Easter.
pub fn add_working_days(unix_secs: i64, n: u32) -> String {
    let mut day = copenhagen_day(unix_secs);
    let mut left = n;
    while left > 0 {
        day += 1;
        if weekday(day) < 5 && !is_danish_closing_day(day) {
            left -= 1;
        }
    }
    iso_date(day * 86_400)
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_days_are_read() {
        for typed in ["2026-12-03", "3.12.2026", "03-12-2026", "3/12/2026", " 3.12.26 ", "03.12.2026"] {
            assert_eq!(parse_day(typed).as_deref(), Some("2026-12-03"), "{typed}");
        }
        for bad in ["", "3.12", "31.2.2026", "3.13.2026", "2026-12-3x", "tirsdag", "3.12.226", "1.1.-2026"] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn months_count_back_across_years() {
        assert_eq!(months_back("2027-03-31", 11), "2026-04");
        assert_eq!(months_back("2027-12-01", 11), "2027-01");
        assert_eq!(months_back("2028-01", 12), "2027-01");
        assert_eq!(months_back("2027-05-10", 0), "2027-05");
    }

    #[test]
    fn known_dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(951_782_400), "2000-02-29");
        assert_eq!(iso_date(1_798_761_600), "2027-01-01");
        assert_eq!(iso_date(1_798_761_599), "2026-12-31");
        assert_eq!(iso_date(-86_400), "1969-12-31");
        assert_eq!(iso_datetime(1_798_761_599), "2026-12-31T23:59:59Z");
        assert_eq!(iso_datetime(1_798_795_800), "2027-01-01T09:30:00Z");
    }

    #[test]
    fn day_arithmetic_round_trips() {
        // Dates are validated to lie in 2000–2100.
        for n in [10_957, 11_016, 20_819, 20_820, 36_524] {
            assert_eq!(days_from_iso(&iso_date(n * 86_400)), Some(n));
        }
        assert_eq!(add_days("2026-12-25", 7), "2027-01-01");
        assert_eq!(add_days("2028-02-28", 1), "2028-02-29");
        assert_eq!(days_from_iso("2027-02-30"), None);
    }

    #[test]
    fn working_days_skip_weekends() {
        let friday = days_from_iso("2026-12-04").unwrap() * 86_400 + 15 * 3600;
        assert_eq!(add_working_days(friday, 1), "2026-12-07");
        assert_eq!(add_working_days(friday, 5), "2026-12-11");
        let monday = days_from_iso("2026-11-30").unwrap() * 86_400;
        assert_eq!(add_working_days(monday, 3), "2026-12-03");
        assert_eq!(add_working_days(monday, 0), "2026-11-30");
    }

    fn at(date: &str, hh: i64, mm: i64) -> i64 {
        days_from_iso(date).unwrap() * 86_400 + hh * 3_600 + mm * 60
    }

    #[test]
    fn danish_time_follows_summer_time() {
        // Winter: +1 h; summer (from 01:00 UTC on the last Sunday of March to the last of October): +2 h.
        assert_eq!(copenhagen_offset(at("2027-01-15", 12, 0)), 3_600);
        assert_eq!(copenhagen_offset(at("2027-03-28", 0, 59)), 3_600);
        assert_eq!(copenhagen_offset(at("2027-03-28", 1, 0)), 7_200);
        assert_eq!(copenhagen_offset(at("2027-10-31", 0, 59)), 7_200);
        assert_eq!(copenhagen_offset(at("2027-10-31", 1, 0)), 3_600);
        assert_eq!(copenhagen_offset(at("2026-10-25", 0, 30)), 7_200);
        // Sunday 23:30 UTC in winter is Monday 00:30 in Denmark; 22:30 UTC in summer too.
        assert_eq!(copenhagen_date(at("2027-01-10", 23, 30)), "2027-01-11");
        assert_eq!(copenhagen_date(at("2027-06-06", 22, 30)), "2027-06-07");
        assert_eq!(copenhagen_date(at("2027-06-06", 21, 59)), "2027-06-06");
    }

    #[test]
    fn danish_closing_days() {
        let closed = |d: &str| is_danish_closing_day(days_from_iso(d).unwrap());
        // Easter 2027 is 28 March; 2026 is 5 April.
        for d in ["2027-01-01", "2027-03-25", "2027-03-26", "2027-03-28", "2027-03-29", "2027-05-06", "2027-05-16", "2027-05-17", "2027-06-05"] {
            assert!(closed(d), "{d}");
        }
        for d in ["2026-04-02", "2026-04-03", "2026-04-06", "2026-05-14", "2026-05-25", "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31"] {
            assert!(closed(d), "{d}");
        }
        // Store bededag (the fourth Friday after Easter) until 2023 only.
        assert!(closed("2023-05-05"));
        assert!(!closed("2027-04-23") && !closed("2026-05-01"));
        for d in ["2027-03-24", "2027-03-30", "2027-05-07", "2026-12-23", "2026-12-28"] {
            assert!(!closed(d), "{d}");
        }
    }

    #[test]
    fn working_days_are_danish_days() {
        // Monday 00:30 in Denmark (Sunday 23:30 UTC) with 1 working day: Tuesday.
        assert_eq!(add_working_days(at("2027-01-10", 23, 30), 1), "2027-01-12");
        // 24 March 2027 + 3: skærtorsdag, langfredag and 2. påskedag do not count.
        assert_eq!(add_working_days(at("2027-03-24", 10, 0), 3), "2027-04-01");
        // Christmas: 23 December 2026 (Wednesday) + 2 → 24, 25 closed, weekend, 28, 29.
        assert_eq!(add_working_days(at("2026-12-23", 9, 0), 2), "2026-12-29");
        // Friday before Kristi himmelfartsdag's week: 2027-05-06 is Thursday.
        assert_eq!(add_working_days(at("2027-05-05", 9, 0), 1), "2027-05-07");
    }
}
