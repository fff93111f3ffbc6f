//! The widget's configuration: the page-wide settings of the script tag (`data-api`, ...) or of
//! `Laurel.init({...})`, and each widget's own placement (`<laurel-widget view placement>`).
//! Anything invalid is refused with an error that names the attribute.

use crate::cart::CartMode;
use crate::i18n::Locale;
use crate::safe_url::safe_url;
use crate::text::{concat, join};
use crate::view::View;

/// Default time the widget waits for the API before it shows the timeout message.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;

/// Where a widget renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// In place, inside its host element.
    Inline,
    /// A floating button that opens a panel.
    Launcher,
}

/// The launcher's corner, in logical terms so that it mirrors in right-to-left pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Corner {
    #[default]
    BottomEnd,
    BottomStart,
    TopEnd,
    TopStart,
}

impl Corner {
    const ALL: [Corner; 4] = [
        Self::BottomEnd,
        Self::BottomStart,
        Self::TopEnd,
        Self::TopStart,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::BottomEnd => "bottom-end",
            Self::BottomStart => "bottom-start",
            Self::TopEnd => "top-end",
            Self::TopStart => "top-start",
        }
    }
}

/// The widget's colours: `auto` follows the shopper's system setting, also when it changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    Auto,
}

impl Theme {
    const ALL: [Theme; 3] = [Self::Light, Self::Dark, Self::Auto];

    /// The name in `data-theme`, and the root's `data-theme` the stylesheet reads.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
            Self::Auto => "auto",
        }
    }
}

/// How nudges show in launcher mode: a toast by the launcher, its badge only, or not at all
/// (the `laurel:nudge` event is sent in every mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Nudges {
    #[default]
    Toast,
    Badge,
    Off,
}

/// Page-wide settings: one API, one shopper, one language for every widget on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// API base URL without a trailing slash.
    pub api_base: String,
    /// The shopper's bearer token; `None` for a guest.
    pub token: Option<String>,
    pub locale: Locale,
    pub theme: Theme,
    pub nudges: Nudges,
    pub timeout_ms: u32,
    pub cart: CartMode,
    /// The shop's labels (`data-labels`), JSON as written: see `i18n::with_labels`.
    pub labels: Option<String>,
    /// The shop's endpoint that answers `{"token": ...}` with a fresh token for the signed-in
    /// shopper, or `{"token": null}`.
    pub token_url: Option<String>,
}

/// One widget's placement and first view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WidgetOptions {
    pub placement: Placement,
    pub corner: Corner,
    pub view: View,
}

/// What one pasted script tag asks for: the page's settings and one widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptTag {
    pub config: Config,
    /// CSS selector of the element to render into; `None` without `data-mount`.
    pub mount: Option<String>,
    pub widget: WidgetOptions,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    Missing {
        attribute: String,
        hint: &'static str,
    },
    Invalid {
        attribute: String,
        value: String,
        expected: String,
    },
}

impl ConfigError {
    /// What is wrong, for the console. Built by concatenation, as `crate::text` says why.
    pub fn message(&self) -> String {
        match self {
            Self::Missing { attribute, hint } => concat(&[attribute, " is missing: ", hint]),
            Self::Invalid {
                attribute,
                value,
                expected,
            } => concat(&[
                attribute,
                "=\"",
                value,
                "\" is not valid: expected ",
                expected,
            ]),
        }
    }
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

/// Where settings are read from, and how their names are shown in errors.
pub trait Attrs {
    /// The trimmed, non-empty value of setting `key` (`"api"`, `"cart-url"`, ...).
    fn value(&self, key: &str) -> Option<String>;
    /// The name the page author wrote, e.g. `data-api`.
    fn label(&self, key: &str) -> String;
}

/// Attributes of an element, read through `get(name)`, named with `prefix` (`"data-"` for the
/// script tag, `""` for `<laurel-widget>`).
pub struct ElementAttrs<F> {
    pub prefix: &'static str,
    pub get: F,
}

impl<F: Fn(&str) -> Option<String>> Attrs for ElementAttrs<F> {
    fn value(&self, key: &str) -> Option<String> {
        (self.get)(&self.label(key))
            .map(|v| v.trim_ascii().to_owned())
            .filter(|v| !v.is_empty())
    }

    fn label(&self, key: &str) -> String {
        concat(&[self.prefix, key])
    }
}

fn invalid(
    attrs: &dyn Attrs,
    key: &str,
    value: String,
    expected: impl Into<String>,
) -> ConfigError {
    ConfigError::Invalid {
        attribute: attrs.label(key),
        value,
        expected: expected.into(),
    }
}

/// Reads `key` as one of `names`: its index, or `default` when absent. Not generic, so the
/// widget carries one copy for every choice.
fn choice(
    attrs: &dyn Attrs,
    key: &str,
    names: &[&str],
    default: usize,
) -> Result<usize, ConfigError> {
    let Some(value) = attrs.value(key) else {
        return Ok(default);
    };
    names
        .iter()
        .position(|n| *n == value)
        .ok_or_else(|| invalid(attrs, key, value, concat(&["one of ", &join(names, ", ")])))
}

/// The page-wide settings. `page_lang` is the host page's `<html lang>`, used when no locale is
/// set.
pub fn parse_config(attrs: &dyn Attrs, page_lang: Option<&str>) -> Result<Config, ConfigError> {
    let raw_api = attrs.value("api").ok_or_else(|| ConfigError::Missing {
        attribute: attrs.label("api"),
        hint: "set it to your loyalty API's base URL",
    })?;
    let api_base = safe_url(&raw_api)
        .ok_or_else(|| invalid(attrs, "api", raw_api.clone(), "an http or https URL"))?
        .trim_end_matches('/')
        .to_owned();
    let locale = Locale::negotiate(attrs.value("locale").as_deref().or(page_lang));
    let theme = Theme::ALL[choice(attrs, "theme", &Theme::ALL.map(Theme::as_str), 0)?];
    let nudges = [Nudges::Toast, Nudges::Badge, Nudges::Off]
        [choice(attrs, "nudges", &["toast", "badge", "off"], 0)?];
    let timeout_ms = match attrs.value("timeout") {
        None => DEFAULT_TIMEOUT_MS,
        Some(t) => crate::text::number(&t)
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| invalid(attrs, "timeout", t, "milliseconds, e.g. 10000"))?
            .clamp(1_000, 60_000),
    };
    let token_url = match attrs.value("token-url") {
        Some(u) => Some(
            safe_url(&u)
                .ok_or_else(|| invalid(attrs, "token-url", u, "an http, https or relative URL"))?,
        ),
        None => None,
    };
    Ok(Config {
        api_base,
        token: attrs.value("token"),
        locale,
        theme,
        nudges,
        timeout_ms,
        cart: parse_cart(attrs)?,
        labels: attrs.value("labels"),
        token_url,
    })
}

fn parse_cart(attrs: &dyn Attrs) -> Result<CartMode, ConfigError> {
    let url = match attrs.value("cart-url") {
        Some(u) => Some(
            safe_url(&u)
                .ok_or_else(|| invalid(attrs, "cart-url", u, "an http, https or relative URL"))?,
        ),
        None => None,
    };
    let Some(mode) = attrs.value("cart") else {
        return Ok(url.map_or(CartMode::None, CartMode::Url));
    };
    match (mode.as_str(), url) {
        ("event", _) => Ok(CartMode::Event),
        ("url", Some(u)) => Ok(CartMode::Url(u)),
        ("url", None) => Err(ConfigError::Missing {
            attribute: attrs.label("cart-url"),
            hint: "data-cart=\"url\" needs a template such as /cart?discount={code}",
        }),
        ("shopify", _) => Ok(CartMode::Shopify),
        ("woocommerce", _) => Ok(CartMode::WooCommerce),
        _ => Err(invalid(
            attrs,
            "cart",
            mode,
            concat(&["one of ", CartMode::NAMES]),
        )),
    }
}

/// A widget's placement and first view. Without a `placement`, a widget is inline when it has a
/// place in the page (`inline_by_default`) and a launcher otherwise.
pub fn parse_widget(
    attrs: &dyn Attrs,
    inline_by_default: bool,
) -> Result<WidgetOptions, ConfigError> {
    let placements = [Placement::Inline, Placement::Launcher];
    let placement = placements[choice(
        attrs,
        "placement",
        &["inline", "launcher"],
        usize::from(!inline_by_default),
    )?];
    let corner = Corner::ALL[choice(attrs, "corner", &Corner::ALL.map(Corner::as_str), 0)?];
    let view = View::ALL[choice(attrs, "view", &View::ALL.map(View::as_str), 0)?];
    Ok(WidgetOptions {
        placement,
        corner,
        view,
    })
}

/// A `<laurel-points amount currency>` element's purchase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointsOptions {
    /// A decimal amount such as `49.90`.
    pub amount: String,
    /// An ISO 4217 code, upper case.
    pub currency: String,
    /// The product's collection handle, so that a boost on that collection shows.
    pub collection: Option<String>,
}

pub fn parse_points(attrs: &dyn Attrs) -> Result<PointsOptions, ConfigError> {
    let missing = |key: &str, hint| ConfigError::Missing {
        attribute: attrs.label(key),
        hint,
    };
    let amount = attrs
        .value("amount")
        .ok_or_else(|| missing("amount", "set it to the price, e.g. 49.90"))?;
    if crate::earn::parse_amount(&amount).is_none() {
        return Err(invalid(attrs, "amount", amount, "a price such as 49.90"));
    }
    let currency = attrs
        .value("currency")
        .ok_or_else(|| missing("currency", "set it to the price's currency, e.g. EUR"))?;
    if !crate::money::is_currency(&currency) {
        return Err(invalid(
            attrs,
            "currency",
            currency,
            "a currency code such as EUR",
        ));
    }
    let collection = attrs.value("collection");
    if let Some(c) = collection.clone().filter(|c| !crate::boost::is_handle(c)) {
        return Err(invalid(
            attrs,
            "collection",
            c,
            "a handle such as running-gear",
        ));
    }
    Ok(PointsOptions {
        amount,
        currency: currency.to_ascii_uppercase(),
        collection,
    })
}

/// Everything a pasted script tag says.
pub fn parse_script(attrs: &dyn Attrs, page_lang: Option<&str>) -> Result<ScriptTag, ConfigError> {
    let config = parse_config(attrs, page_lang)?;
    let mount = attrs.value("mount");
    let widget = parse_widget(attrs, mount.is_some())?;
    Ok(ScriptTag {
        config,
        mount,
        widget,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag<'a>(
        pairs: &'a [(&'a str, &'a str)],
    ) -> ElementAttrs<impl Fn(&str) -> Option<String> + 'a> {
        ElementAttrs {
            prefix: "data-",
            get: move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| format!("data-{k}") == name)
                    .map(|(_, v)| (*v).to_owned())
            },
        }
    }

    fn script(pairs: &[(&str, &str)]) -> Result<ScriptTag, ConfigError> {
        parse_script(&tag(pairs), None)
    }

    #[test]
    fn reads_every_attribute() {
        let s = script(&[
            ("api", "https://api.shop.test/"),
            ("token", " abc.def.ghi "),
            ("locale", "en-GB"),
            ("mount", "#loyalty"),
            ("timeout", "5000"),
            ("view", "rewards"),
            ("token-url", "/account/loyalty-token"),
        ])
        .expect("valid config");
        assert_eq!(
            s.config.token_url.as_deref(),
            Some("/account/loyalty-token")
        );
        assert_eq!(s.config.api_base, "https://api.shop.test");
        assert_eq!(s.config.token.as_deref(), Some("abc.def.ghi"));
        assert_eq!(s.config.locale, Locale::En);
        assert_eq!(s.config.timeout_ms, 5000);
        assert_eq!(s.mount.as_deref(), Some("#loyalty"));
        assert_eq!(s.widget.view, View::Rewards);
    }

    #[test]
    fn placement_follows_mount_unless_set_and_corner_defaults() {
        let s = script(&[("api", "/a")]).expect("valid");
        assert_eq!(
            (s.widget.placement, s.widget.corner),
            (Placement::Launcher, Corner::BottomEnd)
        );
        let s = script(&[("api", "/a"), ("mount", "#x")]).expect("valid");
        assert_eq!(s.widget.placement, Placement::Inline);
        let s = script(&[
            ("api", "/a"),
            ("mount", "#x"),
            ("placement", "launcher"),
            ("corner", "top-start"),
        ])
        .expect("valid");
        assert_eq!(
            (s.widget.placement, s.widget.corner),
            (Placement::Launcher, Corner::TopStart)
        );
    }

    #[test]
    fn an_invalid_value_names_its_attribute_and_the_choices() {
        let err = |pairs: &[(&str, &str)]| script(pairs).expect_err("invalid").to_string();
        assert_eq!(
            err(&[("api", "/a"), ("placement", "sidebar")]),
            "data-placement=\"sidebar\" is not valid: expected one of inline, launcher"
        );
        assert!(err(&[("api", "/a"), ("corner", "left")]).starts_with("data-corner=\"left\""));
        assert!(err(&[("api", "/a"), ("view", "admin")]).contains("home, rewards, earn"));
        assert!(err(&[("api", "/a"), ("timeout", "soon")]).starts_with("data-timeout="));
        assert_eq!(
            err(&[("api", "/a"), ("cart", "magento")]),
            "data-cart=\"magento\" is not valid: expected one of event, url, shopify, woocommerce"
        );
        assert!(err(&[("api", "/a"), ("cart", "url")]).starts_with("data-cart-url is missing"));
        assert!(err(&[("api", "/a"), ("cart-url", "javascript:x")]).starts_with("data-cart-url="));
        assert!(err(&[("api", "/a"), ("token-url", "data:x")]).starts_with("data-token-url="));
    }

    #[test]
    fn element_attributes_are_named_without_a_prefix() {
        let attrs = ElementAttrs {
            prefix: "",
            get: |name: &str| (name == "view").then(|| "nope".to_owned()),
        };
        let e = parse_widget(&attrs, true).expect_err("invalid view");
        assert!(e.to_string().starts_with("view=\"nope\""), "{e}");
    }

    #[test]
    fn points_need_a_price_and_a_currency() {
        let points = |pairs: &'static [(&'static str, &'static str)]| {
            parse_points(&ElementAttrs {
                prefix: "",
                get: move |name: &str| {
                    pairs
                        .iter()
                        .find(|(k, _)| *k == name)
                        .map(|(_, v)| (*v).to_owned())
                },
            })
            .map_err(|e| e.to_string())
        };
        assert_eq!(
            points(&[("amount", "49.90"), ("currency", "eur")]),
            Ok(PointsOptions {
                amount: "49.90".into(),
                currency: "EUR".into(),
                collection: None,
            })
        );
        let running = points(&[
            ("amount", "5"),
            ("currency", "EUR"),
            ("collection", "running"),
        ]);
        assert_eq!(running.map(|p| p.collection), Ok(Some("running".into())));
        assert!(points(&[
            ("amount", "5"),
            ("currency", "EUR"),
            ("collection", "Running Gear")
        ])
        .is_err_and(|e| e.starts_with("collection=\"Running Gear\"")));
        assert!(points(&[("amount", "4,90"), ("currency", "EUR")])
            .is_err_and(|e| e.starts_with("amount=\"4,90\"")));
        assert!(points(&[("amount", "5")]).is_err_and(|e| e.starts_with("currency is missing")));
        assert!(points(&[("amount", "5"), ("currency", "euro")])
            .is_err_and(|e| e.starts_with("currency=\"euro\"")));
    }

    #[test]
    fn cart_modes() {
        let cart = |pairs: &[(&str, &str)]| script(pairs).expect("valid").config.cart;
        assert_eq!(cart(&[("api", "/a")]), CartMode::None);
        assert_eq!(
            cart(&[("api", "/a"), ("cart-url", "/c?d={code}")]),
            CartMode::Url("/c?d={code}".into())
        );
        assert_eq!(cart(&[("api", "/a"), ("cart", "event")]), CartMode::Event);
        assert_eq!(
            cart(&[("api", "/a"), ("cart", "shopify")]),
            CartMode::Shopify
        );
        assert_eq!(
            cart(&[("api", "/a"), ("cart", "woocommerce")]),
            CartMode::WooCommerce
        );
    }

    #[test]
    fn an_empty_token_means_a_guest() {
        let s = script(&[("api", "/api"), ("token", "  ")]).expect("valid");
        assert_eq!(s.config.token, None);
        assert_eq!(s.config.api_base, "/api");
    }

    #[test]
    fn api_is_required_and_must_be_http() {
        assert_eq!(
            script(&[]).map(|_| ()).map_err(|e| e.to_string()),
            Err("data-api is missing: set it to your loyalty API's base URL".into())
        );
        assert!(script(&[("api", "javascript:alert(1)")])
            .expect_err("unsafe")
            .to_string()
            .starts_with("data-api=\"javascript:alert(1)\""));
    }

    #[test]
    fn timeout_is_clamped() {
        let t = |v: &str| script(&[("api", "/a"), ("timeout", v)]).map(|s| s.config.timeout_ms);
        assert_eq!(t("1"), Ok(1_000));
        assert_eq!(t("999999999"), Ok(60_000));
    }

    #[test]
    fn locale_falls_back_to_the_page_language_then_english() {
        let c = parse_script(&tag(&[("api", "/a")]), Some("en-US")).expect("valid");
        assert_eq!(c.config.locale, Locale::En);
        let c = script(&[("api", "/a"), ("locale", "xx")]).expect("valid");
        assert_eq!(c.config.locale, Locale::En);
    }

    #[test]
    fn the_theme_is_light_unless_set_and_anything_else_is_refused() {
        let theme = |v: Option<&str>| {
            let mut pairs = vec![("api", "/a")];
            pairs.extend(v.map(|v| ("theme", v)));
            script(&pairs).map(|s| s.config.theme)
        };
        assert_eq!(theme(None), Ok(Theme::Light));
        for t in Theme::ALL {
            assert_eq!(theme(Some(t.as_str())), Ok(t));
        }
        let err = theme(Some("sepia")).expect_err("refused").to_string();
        assert!(
            err.contains("data-theme") && err.contains("light, dark, auto"),
            "{err}"
        );
    }

    #[test]
    fn nudges_show_as_toasts_unless_the_shop_says_badge_or_off() {
        let nudges = |v: &str| script(&[("api", "/a"), ("nudges", v)]).map(|s| s.config.nudges);
        assert_eq!(
            script(&[("api", "/a")]).map(|s| s.config.nudges),
            Ok(Nudges::Toast)
        );
        assert_eq!(nudges("badge"), Ok(Nudges::Badge));
        assert_eq!(nudges("off"), Ok(Nudges::Off));
        let err = nudges("loud").expect_err("refused").to_string();
        assert!(
            err.contains("data-nudges") && err.contains("toast, badge, off"),
            "{err}"
        );
    }
}
