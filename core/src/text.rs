//! Small text helpers that keep larger standard-library machinery out of the wasm (measured
//! together: 1 KB brotli). The widget looks for a few short patterns in short texts (a content
//! type, a token, a date, a cart URL template), where a plain scan does what core's Two-Way
//! searcher would; and it reads whole numbers of several widths, which one digit loop reads
//! instead of a `str::parse` per integer type. It writes numbers with one digit loop too, and
//! builds its texts by concatenation: no `format!` reaches the wasm, so core's formatting
//! machinery is not linked in.

/// A whole number in ASCII digits, without sign or spaces, if it fits in a `u64`.
pub fn number(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    s.bytes().try_fold(0u64, |n, b| {
        if b.is_ascii_digit() {
            n.checked_mul(10)?.checked_add(u64::from(b - b'0'))
        } else {
            None
        }
    })
}

/// The parts one after another, as `[..].concat()` gives them, in one loop: std's join is
/// compiled for separators of several lengths.
pub fn concat(parts: &[&str]) -> String {
    join(parts, "")
}

/// The parts with `sep` between them, as `[..].join(sep)` gives them.
pub fn join(parts: &[&str], sep: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part);
    }
    out
}

/// `n` in decimal digits, with leading zeros up to `width` digits.
pub fn padded(mut n: u64, width: usize) -> String {
    let mut digits = Vec::new();
    while n > 0 || digits.len() < width.max(1) {
        digits.push(char::from(b'0' + (n % 10) as u8));
        n /= 10;
    }
    digits.iter().rev().collect()
}

/// `n` in decimal digits.
pub fn decimal(n: u64) -> String {
    padded(n, 1)
}

/// `n` in decimal digits, after a `-` if it is negative.
pub fn signed(n: i64) -> String {
    let digits = decimal(n.unsigned_abs());
    if n < 0 {
        concat(&["-", &digits])
    } else {
        digits
    }
}

/// The parts of `s` between each `sep`, an ASCII byte, as `str::split` gives them. A byte loop:
/// a `char` pattern brings core's char searcher and `memchr` into the wasm.
pub fn split(s: &str, sep: u8) -> Split<'_> {
    Split { rest: Some(s), sep }
}

/// The iterator of [`split`].
pub struct Split<'a> {
    rest: Option<&'a str>,
    sep: u8,
}

impl<'a> Iterator for Split<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        match split_once(rest, self.sep) {
            Some((part, after)) => {
                self.rest = Some(after);
                Some(part)
            }
            None => self.rest.take(),
        }
    }
}

/// `s` before and after its first `sep`, an ASCII byte, as `str::split_once` gives them.
pub fn split_once(s: &str, sep: u8) -> Option<(&str, &str)> {
    let at = s.bytes().position(|b| b == sep)?;
    Some((s.get(..at)?, s.get(at + 1..)?))
}

/// The byte index where `needle` first occurs in `hay`.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
}

/// `hay` with every `needle` replaced by `with`, scanning left to right. An empty `needle`
/// replaces nothing.
pub fn replace(hay: &str, needle: &str, with: &str) -> String {
    if needle.is_empty() {
        return hay.to_owned();
    }
    let mut out = String::with_capacity(hay.len());
    let mut rest = hay;
    while let Some(at) = find(rest, needle) {
        out.push_str(&rest[..at]);
        out.push_str(with);
        rest = &rest[at + needle.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_digits_only() {
        assert_eq!(number("0"), Some(0));
        assert_eq!(number("0042"), Some(42));
        assert_eq!(number("18446744073709551615"), Some(u64::MAX));
        for bad in [
            "",
            "18446744073709551616",
            "+1",
            "-1",
            " 1",
            "1 ",
            "1.5",
            "1e3",
            "٣",
        ] {
            assert_eq!(number(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn joins_as_the_standard_library_does() {
        for parts in [
            &[][..],
            &["a"],
            &["a", ""],
            &["", "b", "ค"],
            &["ab", "cd", "ef"],
        ] {
            assert_eq!(concat(parts), parts.concat());
            assert_eq!(join(parts, ", "), parts.join(", "));
        }
    }

    #[test]
    fn splits_as_the_standard_library_does() {
        for s in [
            "",
            "a",
            ".",
            "a.b",
            "..",
            "a..b.",
            ".a",
            "สวัสดี.ครับ",
            "a.ข.c",
        ] {
            assert_eq!(
                split(s, b'.').collect::<Vec<_>>(),
                s.split('.').collect::<Vec<_>>()
            );
            assert_eq!(split_once(s, b'.'), s.split_once('.'));
        }
    }

    #[test]
    fn writes_numbers_as_format_does() {
        for n in [
            0,
            1,
            9,
            10,
            42,
            99,
            100,
            2024,
            9_007_199_254_740_992,
            u64::MAX,
        ] {
            assert_eq!(decimal(n), n.to_string());
            assert_eq!(padded(n, 2), format!("{n:02}"));
            assert_eq!(padded(n, 4), format!("{n:04}"));
        }
        for n in [0, 5, -5, -10, i64::MIN, i64::MAX] {
            assert_eq!(signed(n), n.to_string());
        }
    }

    #[test]
    fn agrees_with_the_standard_library() {
        let cases = [
            ("application/problem+json", "json"),
            ("text/html", "json"),
            ("Sun, 06 Nov 1994", ", "),
            ("{\"sub\":\"c\",\"exp\":17}", "\"exp\""),
            ("/cart?c={code}&again={code}", "{code}"),
            ("{code", "{code}"),
            ("ééx", "x"),
            ("", "a"),
            ("abc", ""),
        ];
        for (hay, needle) in cases {
            assert_eq!(find(hay, needle), hay.find(needle), "{hay:?} / {needle:?}");
            if !needle.is_empty() {
                assert_eq!(replace(hay, needle, "X"), hay.replace(needle, "X"));
            }
        }
    }
}
