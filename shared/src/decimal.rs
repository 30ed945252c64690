//! Decimal numbers for URLs and forms without core's float parser and formatter, which cost the
//! browser bundle about 17 KB gzipped. Plain decimals only: `12`, `12.5`, `-3,25` (Danish comma).

/// Parses a plain decimal number (no exponent; at most 15 digits before the point, and
/// decimals past the 15th digit in all dropped: below an f64's precision, e.g. a coordinate a
/// program printed whole, `56.936508461107934`).
pub fn parse(s: &str) -> Option<f64> {
    let s = s.trim();
    let (negative, digits) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (int, frac) = match digits.find(['.', ',']) {
        Some(i) => (&digits[..i], &digits[i + 1..]),
        None => (digits, ""),
    };
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !all_digits(int) || !all_digits(frac) || int.len() > 15 {
        return None;
    }
    let frac = &frac[..frac.len().min(15 - int.len())];
    let whole = if int.is_empty() { 0 } else { int.parse::<u64>().ok()? };
    let fraction = if frac.is_empty() { 0 } else { frac.parse::<u64>().ok()? };
    let value = whole as f64 + fraction as f64 / 10u64.pow(frac.len() as u32) as f64;
    Some(if negative { -value } else { value })
}

/// Formats with at most `decimals` decimals (0–9), trailing zeros dropped: `12`, `12.5`.
pub fn format(x: f64, decimals: u32) -> String {
    let scale = 10u64.pow(decimals.min(9));
    let scaled = (x.abs() * scale as f64).round() as u64;
    let (whole, mut frac) = (scaled / scale, scaled % scale);
    let sign = if x < 0.0 && scaled != 0 { "-" } else { "" };
    if frac == 0 {
        return format!("{sign}{whole}");
    }
    let mut width = decimals as usize;
    while frac % 10 == 0 {
        frac /= 10;
        width -= 1;
    }
    format!("{sign}{whole}.{frac:0width$}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_decimals() {
        assert_eq!(parse("12"), Some(12.0));
        assert_eq!(parse("12,5"), Some(12.5));
        assert_eq!(parse(" -3.25 "), Some(-3.25));
        assert_eq!(parse(".5"), Some(0.5));
        assert!((parse("56.15312").unwrap() - 56.15312).abs() < 1e-12);
        // A double printed whole (17 digits) is a number: the digits past the 15th are dropped.
        assert!((parse("56.936508461107934").unwrap() - 56.936508461107934).abs() < 1e-12);
        assert!((parse("-0.12345678901234567890").unwrap() + 0.123_456_789_012_345_68).abs() < 1e-13);
        for bad in ["", "-", ".", "1e3", "inf", "NaN", "1.2.3", "12a", "1 000", "1234567890123456"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn formats_without_trailing_zeros() {
        assert_eq!(format(25.0, 1), "25");
        assert_eq!(format(12.5, 3), "12.5");
        assert_eq!(format(56.153, 5), "56.153");
        assert_eq!(format(10.20401, 5), "10.20401");
        assert_eq!(format(-3.25, 2), "-3.25");
        assert_eq!(format(0.05, 5), "0.05");
        assert_eq!(format(-0.000001, 2), "0");
        for x in [0.5, 1.25, 56.15312, 12.0] {
            assert_eq!(parse(&format(x, 5)), Some(x));
        }
    }
}
