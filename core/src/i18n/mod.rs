//! Per-locale message catalogs. Every shopper-facing string comes from here; numbers and dates
//! are formatted by the browser's `Intl` before they are filled into a template.

mod en;

use crate::load::ErrorKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    En,
}

/// Text direction, for the `dir` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Ltr,
    Rtl,
}

impl Dir {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ltr => "ltr",
            Self::Rtl => "rtl",
        }
    }
}

impl Locale {
    /// Picks the best supported locale for a BCP 47 tag, falling back to English.
    pub fn negotiate(tag: Option<&str>) -> Self {
        let primary = tag
            .and_then(|t| t.split(['-', '_']).next())
            .map(str::to_ascii_lowercase);
        match primary.as_deref() {
            Some("en") | None | Some(_) => Self::En,
        }
    }

    /// The tag handed to `Intl`. Always a valid tag, so `Intl` constructors cannot throw.
    pub fn bcp47(self) -> &'static str {
        match self {
            Self::En => "en",
        }
    }

    pub fn dir(self) -> Dir {
        match self {
            Self::En => Dir::Ltr,
        }
    }

    pub fn messages(self) -> &'static Messages {
        match self {
            Self::En => &en::MESSAGES,
        }
    }
}

/// One locale's strings. `{name}` placeholders are filled by [`fill`].
#[derive(Debug)]
pub struct Messages {
    pub region_label: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub error_network: &'static str,
    pub error_timeout: &'static str,
    pub error_unauthorized: &'static str,
    pub error_rate_limited: &'static str,
    pub error_server: &'static str,
    pub error_bad_response: &'static str,
    /// `{name}`
    pub greeting: &'static str,
    pub balance_label: &'static str,
    /// `{count}` formatted number, `{unit}` points name
    pub points_amount: &'static str,
    /// `{tier}`
    pub tier_badge: &'static str,
    pub no_tier_yet: &'static str,
    /// `{points}` (a filled `points_amount`), `{tier}`
    pub points_to_tier: &'static str,
    /// `{tier}`
    pub progress_label: &'static str,
    /// `{tier}`
    pub top_tier: &'static str,
    /// `{program}`
    pub join_title: &'static str,
    /// `{points}` (a filled `points_amount`)
    pub join_bonus: &'static str,
    pub join_cta: &'static str,
}

impl Messages {
    pub fn error(&self, kind: ErrorKind) -> &'static str {
        match kind {
            ErrorKind::Network => self.error_network,
            ErrorKind::Timeout => self.error_timeout,
            ErrorKind::Unauthorized => self.error_unauthorized,
            ErrorKind::RateLimited => self.error_rate_limited,
            ErrorKind::Server => self.error_server,
            ErrorKind::BadResponse => self.error_bad_response,
        }
    }
}

/// Fills `{key}` placeholders. Values are inserted as text, never re-scanned, so a value that
/// contains `{...}` stays as it is. An unknown placeholder is kept verbatim.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let key = &after[..close];
                match args.iter().find(|(k, _)| *k == key) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders() {
        let s = fill(
            Locale::En.messages().points_to_tier,
            &[("points", "250 points"), ("tier", "Gold")],
        );
        assert_eq!(s, "250 points to Gold");
    }

    #[test]
    fn values_are_not_rescanned_and_unknown_keys_stay() {
        assert_eq!(fill("Hi {name}!", &[("name", "{name}")]), "Hi {name}!");
        assert_eq!(fill("{a} {b}", &[("a", "1")]), "1 {b}");
        assert_eq!(fill("open { brace", &[]), "open { brace");
        assert_eq!(fill("", &[("a", "1")]), "");
    }

    #[test]
    fn fills_multibyte_text() {
        assert_eq!(fill("{n} → {t}", &[("n", "ü"), ("t", "ไทย")]), "ü → ไทย");
    }

    #[test]
    fn negotiates_english_for_anything_unsupported() {
        assert_eq!(Locale::negotiate(Some("en-US")), Locale::En);
        assert_eq!(Locale::negotiate(Some("zz")), Locale::En);
        assert_eq!(Locale::negotiate(None), Locale::En);
        assert_eq!(Locale::En.dir(), Dir::Ltr);
    }

    #[test]
    fn every_error_kind_has_its_own_message() {
        let m = Locale::En.messages();
        let kinds = [
            ErrorKind::Network,
            ErrorKind::Timeout,
            ErrorKind::Unauthorized,
            ErrorKind::RateLimited,
            ErrorKind::Server,
            ErrorKind::BadResponse,
        ];
        let texts: std::collections::HashSet<_> = kinds.iter().map(|k| m.error(*k)).collect();
        assert_eq!(texts.len(), kinds.len());
    }
}
