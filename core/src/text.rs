//! Small text helpers that keep larger standard-library machinery out of the wasm (measured
//! together: 1 KB brotli). The widget looks for a few short patterns in short texts (a content
//! type, a token, a date, a cart URL template), where a plain scan does what core's Two-Way
//! searcher would; and it reads whole numbers of several widths, which one digit loop reads
//! instead of a `str::parse` per integer type.

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
