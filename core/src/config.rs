//! The widget's configuration, read from the script tag's `data-*` attributes.

use crate::i18n::Locale;
use crate::safe_url::safe_url;

/// Default time the widget waits for the API before it shows the timeout message.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// API base URL without a trailing slash.
    pub api_base: String,
    /// The shopper's bearer token; `None` for a guest.
    pub token: Option<String>,
    pub locale: Locale,
    /// CSS selector of the element to render into; `None` renders next to the script tag.
    pub mount: Option<String>,
    pub timeout_ms: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    MissingApi,
    UnsafeApi,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::MissingApi => {
                f.write_str("data-api is missing: set it to your loyalty API's base URL")
            }
            Self::UnsafeApi => f.write_str("data-api must be an http or https URL"),
        }
    }
}

/// Parses the attributes; `attr("api")` returns the value of `data-api`.
/// `page_lang` is the host page's `<html lang>`, used when `data-locale` is absent.
pub fn parse(
    attr: impl Fn(&str) -> Option<String>,
    page_lang: Option<&str>,
) -> Result<Config, ConfigError> {
    let non_empty = |name: &str| {
        attr(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let raw_api = non_empty("api").ok_or(ConfigError::MissingApi)?;
    let api_base = safe_url(&raw_api)
        .ok_or(ConfigError::UnsafeApi)?
        .trim_end_matches('/')
        .to_owned();
    let locale = Locale::negotiate(non_empty("locale").as_deref().or(page_lang));
    let timeout_ms = non_empty("timeout")
        .and_then(|t| t.parse::<u32>().ok())
        .map_or(DEFAULT_TIMEOUT_MS, |t| t.clamp(1_000, 60_000));
    Ok(Config {
        api_base,
        token: non_empty("token"),
        locale,
        mount: non_empty("mount"),
        timeout_ms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn reads_every_attribute() {
        let c = parse(
            attrs(&[
                ("api", "https://api.shop.test/"),
                ("token", " abc.def.ghi "),
                ("locale", "en-GB"),
                ("mount", "#loyalty"),
                ("timeout", "5000"),
            ]),
            None,
        )
        .expect("valid config");
        assert_eq!(c.api_base, "https://api.shop.test");
        assert_eq!(c.token.as_deref(), Some("abc.def.ghi"));
        assert_eq!(c.locale, Locale::En);
        assert_eq!(c.mount.as_deref(), Some("#loyalty"));
        assert_eq!(c.timeout_ms, 5000);
    }

    #[test]
    fn an_empty_token_means_a_guest() {
        let c = parse(attrs(&[("api", "/api"), ("token", "  ")]), None).expect("valid");
        assert_eq!(c.token, None);
        assert_eq!(c.api_base, "/api");
    }

    #[test]
    fn api_is_required_and_must_be_http() {
        assert_eq!(parse(attrs(&[]), None), Err(ConfigError::MissingApi));
        assert_eq!(
            parse(attrs(&[("api", "javascript:alert(1)")]), None),
            Err(ConfigError::UnsafeApi)
        );
    }

    #[test]
    fn timeout_is_clamped_and_garbage_falls_back() {
        let t = |v: &str| {
            parse(attrs(&[("api", "/a"), ("timeout", v)]), None)
                .map(|c| c.timeout_ms)
                .ok()
        };
        assert_eq!(t("1"), Some(1_000));
        assert_eq!(t("999999999"), Some(60_000));
        assert_eq!(t("soon"), Some(DEFAULT_TIMEOUT_MS));
    }

    #[test]
    fn locale_falls_back_to_the_page_language_then_english() {
        let c = parse(attrs(&[("api", "/a")]), Some("en-US")).expect("valid");
        assert_eq!(c.locale, Locale::En);
        let c = parse(attrs(&[("api", "/a"), ("locale", "xx")]), None).expect("valid");
        assert_eq!(c.locale, Locale::En);
    }
}
