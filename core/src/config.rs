//! The widget's configuration, read from the script tag's `data-*` attributes.

use crate::i18n::Locale;
use crate::safe_url::safe_url;

/// Default time the widget waits for the API before it shows the timeout message.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;

/// Where the widget renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// In place, inside the mount element.
    Inline,
    /// A floating button that opens a panel.
    Launcher,
}

/// The launcher's corner, in logical terms so that it mirrors in right-to-left pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corner {
    BottomEnd,
    BottomStart,
    TopEnd,
    TopStart,
}

impl Corner {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::BottomEnd => "bottom-end",
            Self::BottomStart => "bottom-start",
            Self::TopEnd => "top-end",
            Self::TopStart => "top-start",
        }
    }
}

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
    pub placement: Placement,
    pub corner: Corner,
    /// Where "Apply to cart" goes, with `{code}` for the code; `None` hides the button.
    pub cart_url: Option<String>,
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
    let mount = non_empty("mount");
    let placement = match non_empty("placement").as_deref() {
        Some("launcher") => Placement::Launcher,
        Some("inline") => Placement::Inline,
        _ if mount.is_some() => Placement::Inline,
        _ => Placement::Launcher,
    };
    let corner = match non_empty("corner").as_deref() {
        Some("bottom-start") => Corner::BottomStart,
        Some("top-end") => Corner::TopEnd,
        Some("top-start") => Corner::TopStart,
        _ => Corner::BottomEnd,
    };
    Ok(Config {
        api_base,
        token: non_empty("token"),
        locale,
        mount,
        timeout_ms,
        placement,
        corner,
        cart_url: non_empty("cart-url").filter(|u| safe_url(u).is_some()),
    })
}

/// The "Apply to cart" link for `code`: the template with `{code}` percent-encoded, if the
/// result is an http(s) or relative URL.
pub fn apply_url(template: &str, code: &str) -> Option<String> {
    let encoded: String = code
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    safe_url(&template.replace("{code}", &encoded))
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
    fn placement_follows_mount_unless_set_and_corner_defaults() {
        let c = parse(attrs(&[("api", "/a")]), None).expect("valid");
        assert_eq!(
            (c.placement, c.corner),
            (Placement::Launcher, Corner::BottomEnd)
        );
        let c = parse(attrs(&[("api", "/a"), ("mount", "#x")]), None).expect("valid");
        assert_eq!(c.placement, Placement::Inline);
        let c = parse(
            attrs(&[
                ("api", "/a"),
                ("mount", "#x"),
                ("placement", "launcher"),
                ("corner", "top-start"),
            ]),
            None,
        )
        .expect("valid");
        assert_eq!(
            (c.placement, c.corner),
            (Placement::Launcher, Corner::TopStart)
        );
    }

    #[test]
    fn apply_url_encodes_the_code_and_refuses_unsafe_templates() {
        assert_eq!(
            apply_url("/cart?discount={code}", "LR-AB CD&x").as_deref(),
            Some("/cart?discount=LR-AB%20CD%26x")
        );
        assert_eq!(apply_url("javascript:go('{code}')", "X"), None);
        let c = parse(attrs(&[("api", "/a"), ("cart-url", "javascript:x")]), None).expect("valid");
        assert_eq!(c.cart_url, None);
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
