//! Only http and https reach an `href` or `src`.

/// Returns the URL when it is http(s) or relative; `None` for any other scheme
/// (`javascript:`, `data:`, ...). Browsers drop tabs and newlines inside URLs and leading
/// control characters and spaces, so those are stripped before the scheme is read.
pub fn safe_url(raw: &str) -> Option<String> {
    let cleaned: String = raw
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() || cleaned.chars().any(|c| c.is_control()) {
        return None;
    }
    let scheme_end = cleaned.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if cleaned[i..].starts_with(':') => {
            let scheme = cleaned[..i].to_ascii_lowercase();
            (scheme == "http" || scheme == "https").then_some(cleaned)
        }
        _ => Some(cleaned),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_url;

    #[test]
    fn allows_http_https_and_relative() {
        for ok in [
            "https://shop.test/join",
            "HTTP://shop.test",
            "/account/register",
            "join?x=1",
            "//cdn.test/a.png",
        ] {
            assert_eq!(safe_url(ok).as_deref(), Some(ok), "{ok}");
        }
    }

    #[test]
    fn rejects_other_schemes_even_when_disguised() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<b>x</b>",
            "vbscript:x",
            "",
            "   ",
        ] {
            assert_eq!(safe_url(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn rejects_embedded_control_characters() {
        assert_eq!(safe_url("https://a.test/\u{0}x"), None);
    }
}
