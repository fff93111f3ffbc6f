//! Per-locale message catalogs. Every shopper-facing string comes from here; numbers and dates
//! are formatted by the browser's `Intl` before they are filled into a template.
//!
//! The catalogs are `catalogs/*.json`, compiled in by `build.rs`: all of them natively, and one
//! per wasm in the widget's release build, which `laurel.js` picks for the page's language.

use crate::load::ErrorKind;
use crate::wire::RewardKind;

/// The shipped languages. Adding one: a catalog in `catalogs/`, a variant here, and its tag in
/// `negotiate`, `bcp47` and `laurel.js`'s list; the tests say what is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    En,
    Th,
    Id,
    Fa,
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
    pub const ALL: [Locale; 4] = [Self::En, Self::Th, Self::Id, Self::Fa];

    /// The locale for a (trimmed) BCP 47 tag by its language alone (`fa-IR` is `fa`; `in` is
    /// Indonesian's old code), English for anything else. A release wasm has one language, which
    /// `laurel.js` chose by the same rules: it is every page's.
    pub fn negotiate(tag: Option<&str>) -> Self {
        if let Some(only) = ONLY {
            return only;
        }
        let primary = tag
            .and_then(|t| t.split(['-', '_']).next())
            .map(str::to_ascii_lowercase);
        match primary.as_deref() {
            Some("th") => Self::Th,
            Some("id" | "in") => Self::Id,
            Some("fa") => Self::Fa,
            _ => Self::En,
        }
    }

    /// The tag handed to `Intl` and naming the catalog. Always a valid tag, so `Intl`
    /// constructors cannot throw.
    pub fn bcp47(self) -> &'static str {
        match ONLY.unwrap_or(self) {
            Self::En => "en",
            Self::Th => "th",
            Self::Id => "id",
            Self::Fa => "fa",
        }
    }

    pub fn dir(self) -> Dir {
        match ONLY.unwrap_or(self) {
            Self::Fa => Dir::Rtl,
            _ => Dir::Ltr,
        }
    }

    /// This locale's strings. A release widget carries one language (see `build.rs`), which
    /// every locale gets: the page's.
    pub fn messages(self) -> &'static Messages {
        #[cfg(laurel_one_locale)]
        return {
            let _ = self;
            ONLY_MESSAGES
        };
        #[cfg(not(laurel_one_locale))]
        match self {
            Self::En => &EN,
            Self::Th => &TH,
            Self::Id => &ID,
            Self::Fa => &FA,
        }
    }
}

/// Whether this build carries one language only, so that nothing need look at the page's.
pub const FIXED: bool = ONLY.is_some();

// `Messages`, a static per compiled-in language, and `ONLY`: the one language of a release
// wasm (`None` natively), a constant that lets the compiler drop what the others would need.
include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));

impl Messages {
    pub fn error(&self, kind: ErrorKind) -> &'static str {
        match kind {
            ErrorKind::Network => self.error_network,
            ErrorKind::Timeout => self.error_timeout,
            ErrorKind::Unauthorized => self.error_unauthorized,
            ErrorKind::RateLimited => self.error_rate_limited,
            ErrorKind::Server => self.error_server,
            ErrorKind::BadResponse => self.error_bad_response,
            ErrorKind::InsufficientPoints => self.error_insufficient,
            ErrorKind::RewardUnavailable => self.error_unavailable,
            ErrorKind::TierTooLow => self.error_tier_too_low,
            ErrorKind::NotEnrolled => self.error_not_enrolled,
            ErrorKind::AlreadyEnrolled => self.error_already_enrolled,
            ErrorKind::OrderClaimed => self.error_order_claimed,
            ErrorKind::OrderClaimInvalid => self.error_order_claim_invalid,
            ErrorKind::InFlight => self.error_in_flight,
            ErrorKind::Invalid => self.error_invalid,
            ErrorKind::SignIn => self.error_sign_in,
            ErrorKind::KeyMissing => self.error_key_missing,
            ErrorKind::KeyReused => self.error_key_reused,
            ErrorKind::NotFound => self.error_not_found,
            ErrorKind::TooLarge => self.error_too_large,
            ErrorKind::Unknown => self.error_unknown,
        }
    }

    pub fn reward_kind(&self, kind: RewardKind) -> &'static str {
        match kind {
            RewardKind::FixedDiscount => self.kind_fixed_discount,
            RewardKind::PercentDiscount => self.kind_percent_discount,
            RewardKind::FreeShipping => self.kind_free_shipping,
            RewardKind::FreeProduct => self.kind_free_product,
            RewardKind::Experience => self.kind_experience,
            RewardKind::Donation | RewardKind::Unknown => self.kind_donation,
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
    fn negotiates_by_language_and_falls_back_to_english() {
        assert_eq!(Locale::negotiate(Some("en-US")), Locale::En);
        assert_eq!(Locale::negotiate(Some("fa-IR")), Locale::Fa);
        assert_eq!(Locale::negotiate(Some("id-ID")), Locale::Id);
        assert_eq!(Locale::negotiate(Some("in")), Locale::Id);
        assert_eq!(Locale::negotiate(Some("TH_th")), Locale::Th);
        assert_eq!(Locale::negotiate(Some("zz")), Locale::En);
        assert_eq!(Locale::negotiate(None), Locale::En);
        assert_eq!(Locale::En.dir(), Dir::Ltr);
        assert_eq!(Locale::Fa.dir(), Dir::Rtl);
        for l in Locale::ALL {
            assert_eq!(Locale::negotiate(Some(l.bcp47())), l);
        }
    }

    type Catalog = serde_json::Map<String, serde_json::Value>;

    fn catalog(locale: Locale) -> Catalog {
        let text = match locale {
            Locale::En => include_str!("catalogs/en.json"),
            Locale::Th => include_str!("catalogs/th.json"),
            Locale::Id => include_str!("catalogs/id.json"),
            Locale::Fa => include_str!("catalogs/fa.json"),
        };
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{}: {e}", locale.bcp47()))
    }

    /// `{name}` placeholders of a template, sorted.
    fn placeholders(template: &str) -> Vec<&str> {
        let mut out: Vec<&str> = template
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn every_catalog_has_every_english_key_with_its_placeholders_and_no_other() {
        let english = catalog(Locale::En);
        for locale in Locale::ALL {
            let tag = locale.bcp47();
            let strings = catalog(locale);
            for (key, en) in &english {
                let text = strings.get(key).and_then(|v| v.as_str());
                let text = text.unwrap_or_else(|| panic!("{tag} lacks \"{key}\""));
                assert!(!text.trim().is_empty(), "{tag} {key} is empty");
                let en = en.as_str().unwrap_or_default();
                assert_eq!(placeholders(text), placeholders(en), "{tag} {key}: {text}");
            }
            let extra: Vec<_> = strings
                .keys()
                .filter(|k| !english.contains_key(*k))
                .collect();
            assert!(extra.is_empty(), "{tag} has keys English lacks: {extra:?}");
        }
    }

    #[test]
    fn each_language_reads_its_own_catalog() {
        assert_eq!(Locale::En.messages().view_home, "Home");
        assert_eq!(Locale::Th.messages().view_home, "หน้าแรก");
        assert_eq!(Locale::Id.messages().view_home, "Beranda");
        assert_eq!(Locale::Fa.messages().view_home, "خانه");
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
            ErrorKind::InsufficientPoints,
            ErrorKind::RewardUnavailable,
            ErrorKind::TierTooLow,
            ErrorKind::NotEnrolled,
            ErrorKind::AlreadyEnrolled,
            ErrorKind::OrderClaimed,
            ErrorKind::OrderClaimInvalid,
            ErrorKind::InFlight,
            ErrorKind::Invalid,
            ErrorKind::SignIn,
            ErrorKind::KeyMissing,
            ErrorKind::KeyReused,
            ErrorKind::NotFound,
            ErrorKind::TooLarge,
            ErrorKind::Unknown,
        ];
        let texts: std::collections::HashSet<_> = kinds.iter().map(|k| m.error(*k)).collect();
        assert_eq!(texts.len(), kinds.len());
    }
}
