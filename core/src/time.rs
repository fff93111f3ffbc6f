//! Calendar arithmetic for timestamps on the wire, without a date-time dependency.

use crate::text::{concat, number, padded};

/// Days since 1970-01-01 to a civil (year, month, day). Howard Hinnant's algorithm.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Days since 1970-01-01 of a civil date; the inverse of [`civil_from_days`].
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = year - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The Unix time of an HTTP date in its preferred form, `Sun, 06 Nov 1994 08:49:37 GMT`
/// (RFC 9110), as `Retry-After` carries it.
pub fn parse_http_date(s: &str) -> Option<i64> {
    let s = s.trim_ascii();
    let rest = &s[crate::text::find(s, ", ")? + 2..];
    let mut parts = crate::text::split(rest, b' ');
    let day = u32::try_from(number(parts.next()?)?).ok()?;
    let name = parts.next()?;
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = months.iter().position(|m| *m == name)? as u32 + 1;
    let year = i64::try_from(number(parts.next()?)?).ok()?;
    let mut hms = crate::text::split(parts.next()?, b':')
        .map(|p| number(p).and_then(|n| i64::try_from(n).ok()));
    let (h, m, sec) = (hms.next()??, hms.next()??, hms.next()??);
    if parts.next() != Some("GMT") || !(1..=31).contains(&day) || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + h * 3600 + m * 60 + sec)
}

/// The Unix time of an RFC 3339 timestamp, e.g. `2026-11-23T21:37:00Z` or
/// `2026-11-23T22:37:00.5+01:00` (fractions of a second are dropped). `None` if malformed.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let part = b.get(from..from + len)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
    };
    let sep = |at: usize, ok: &[u8]| b.get(at).is_some_and(|c| ok.contains(c));
    if !(sep(4, b"-") && sep(7, b"-") && sep(10, b"Tt ") && sep(13, b":") && sep(16, b":")) {
        return None;
    }
    let (y, mo, d) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    let (h, mi, sec) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let mut at = 19;
    if b.get(at) == Some(&b'.') {
        at += 1;
        let digits = b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        at += digits;
    }
    let offset = match b.get(at..)? {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (oh, om) = (num(at + 1, 2)?, num(at + 4, 2)?);
            if oh > 23 || om > 59 {
                return None;
            }
            let o = oh * 3600 + om * 60;
            if *sign == b'+' {
                o
            } else {
                -o
            }
        }
        _ => return None,
    };
    let days = days_from_civil(y, mo as u32, d as u32);
    Some(days * 86_400 + h * 3600 + mi * 60 + sec - offset)
}

/// `YYYY-MM-DD` of a Unix time (UTC).
pub fn date(unix_secs: i64) -> String {
    let (y, m, d) = civil_from_days(unix_secs.div_euclid(86_400));
    let two = |n: u32| padded(u64::from(n), 2);
    // Four characters with the sign, as `{y:04}` wrote it: `-001` for 2 BC.
    let year = if y < 0 {
        concat(&["-", &padded(y.unsigned_abs(), 3)])
    } else {
        padded(y.unsigned_abs(), 4)
    };
    concat(&[&year, "-", &two(m), "-", &two(d)])
}

/// RFC 3339 in UTC, e.g. `2026-11-23T21:37:00Z`.
pub fn rfc3339(unix_secs: i64) -> String {
    let secs = unix_secs.rem_euclid(86_400);
    let two = |n: i64| padded(n.unsigned_abs(), 2);
    concat(&[
        &date(unix_secs),
        "T",
        &two(secs / 3600),
        ":",
        &two(secs % 3600 / 60),
        ":",
        &two(secs % 60),
        "Z",
    ])
}

/// Validates a `MM-DD` birthday (29 February allowed).
pub fn valid_birthday(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 5 || b[2] != b'-' || !s.is_ascii() {
        return false;
    }
    let (Some(m), Some(d)) = (number(&s[..2]), number(&s[3..])) else {
        return false;
    };
    let max = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => 29,
        _ => return false,
    };
    (1..=max).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_civil_dates_round_trip() {
        for days in [-800_000, -1, 0, 1, 10_957, 20_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn reads_rfc3339_in_any_offset() {
        let utc = parse_rfc3339("2026-11-23T21:37:00Z");
        assert_eq!(utc, Some(1_795_469_820));
        assert_eq!(utc.map(rfc3339).as_deref(), Some("2026-11-23T21:37:00Z"));
        // The same instant written in Tehran (+03:30) and New York (-05:00), with a fraction.
        assert_eq!(parse_rfc3339("2026-11-24T01:07:00.250+03:30"), utc);
        assert_eq!(parse_rfc3339("2026-11-23t16:37:00-05:00"), utc);
        for bad in [
            "",
            "2026-11-23",
            "2026-11-23T21:37:00",
            "2026-13-23T21:37:00Z",
            "2026-11-23T24:00:00Z",
            "2026-11-23T21:37:00.Z",
            "2026-11-23T21:37:00+0100",
            "2026-11-23T21:37:00Zjunk",
            "２026-11-23T21:37:00Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn reads_http_dates() {
        assert_eq!(
            parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784_111_777)
        );
        assert_eq!(
            parse_http_date("Wed, 25 Nov 2026 03:41:20 GMT"),
            Some(1_795_578_080)
        );
        for bad in [
            "",
            "120",
            "Sun, 06 Nov 1994 08:49:37",
            "Sun, 32 Nov 1994 08:49:37 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT",
        ] {
            assert_eq!(parse_http_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn formats_known_instants() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_795_469_820), "2026-11-23T21:37:00Z");
        assert_eq!(date(-86_400), "1969-12-31");
        // Years outside 0 to 9999 are written as Rust's `{:04}` writes them.
        for days in [-800_000, -719_528, 2_932_897, 3_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(date(days * 86_400), format!("{y:04}-{m:02}-{d:02}"));
        }
    }

    #[test]
    fn validates_birthdays() {
        for ok in ["01-01", "02-29", "12-31", "04-30"] {
            assert!(valid_birthday(ok), "{ok}");
        }
        for bad in [
            "13-01",
            "00-10",
            "04-31",
            "02-30",
            "1-1",
            "01/01",
            "ab-cd",
            "",
            "01-001",
            "٠١-٠١",
        ] {
            assert!(!valid_birthday(bad), "{bad}");
        }
    }
}
