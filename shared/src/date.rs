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
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    Some(era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468)
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

/// The working day `n` working days (Monday–Friday) after the day of `unix_secs` (UTC): a
/// request made on a Friday with 1 working day is answered on Monday. Public holidays are not
/// counted out; the text says "hverdage".
pub fn add_working_days(unix_secs: i64, n: u32) -> String {
    let mut day = unix_secs.div_euclid(86_400);
    let mut left = n;
    while left > 0 {
        day += 1;
        // 1970-01-01 was a Thursday: day 0 is weekday 3 counting Monday as 0.
        if (day + 3).rem_euclid(7) < 5 {
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
}
