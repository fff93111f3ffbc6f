//! Per-locale message catalogs. Every shopper-facing string comes from here; numbers and dates
//! are formatted by the browser's `Intl` before they are filled into a template.
//!
//! The catalogs are `catalogs/*.json`, compiled in by `build.rs`: all of them natively, and one
//! per wasm in the widget's release build, which `laurel.js` picks for the page's language.

use std::cell::Cell;

use crate::json::Json;
use crate::load::ErrorKind;
use crate::text::concat;
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

    /// Whether a whole number `n` takes the singular (CLDR's `one`): English's 1, Persian's 0
    /// and 1; Thai and Indonesian have no singular. The browser's `Intl.PluralRules` agrees (a
    /// component test checks), and this needs no code in the wasm.
    pub fn singular(self, n: u64) -> bool {
        match ONLY.unwrap_or(self) {
            Self::En => n == 1,
            Self::Fa => n <= 1,
            Self::Th | Self::Id => false,
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

    /// This locale's strings, with the shop's labels in place (see [`use_labels`]).
    pub fn messages(self) -> &'static Messages {
        match LABELED.get() {
            Some((locale, labeled)) if FIXED || locale == self => labeled,
            _ => self.catalog(),
        }
    }

    /// This locale's catalog. A release widget carries one language (see `build.rs`), which
    /// every locale gets: the page's.
    fn catalog(self) -> &'static Messages {
        #[cfg(laurel_one_locale)]
        return {
            let _ = self;
            thread_local! {
                static ONLY_MESSAGES: &'static Messages = Box::leak(Box::new(unpack(&ONLY_PACKED)));
            }
            ONLY_MESSAGES.with(|m| *m)
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

/// A catalog as `build.rs` packs it for a release wasm: one byte per character, which brotli
/// compresses better than the three bytes of UTF-8 a Thai character takes.
#[cfg(any(test, laurel_one_locale))]
struct Packed {
    /// The texts in `KEYS` order, parted by NULs. A byte below `0x80` is ASCII.
    bytes: &'static [u8],
    /// Byte `0x80 + i` stands for the `i`th of these.
    chars: &'static [char],
}

/// The catalog a [`Packed`] holds, in one string kept for the page's life.
#[cfg(any(test, laurel_one_locale))]
fn unpack(packed: &Packed) -> Messages {
    let text: String = packed
        .bytes
        .iter()
        .map(|&b| match b.checked_sub(0x80) {
            None => char::from(b),
            Some(i) => packed
                .chars
                .get(usize::from(i))
                .copied()
                .unwrap_or(char::REPLACEMENT_CHARACTER),
        })
        .collect();
    let text: &'static str = text.leak();
    let mut all = [""; COUNT];
    for (slot, text) in all.iter_mut().zip(crate::text::split(text, 0)) {
        *slot = text;
    }
    // SAFETY: `Messages` has the layout of `[&'static str; COUNT]` (see `slot`).
    unsafe { std::mem::transmute::<[&'static str; COUNT], Messages>(all) }
}

impl Messages {
    /// The text of the `i`th key of [`KEYS`].
    fn slot(&mut self, i: usize) -> Option<&mut &'static str> {
        // SAFETY: `Messages` is `repr(C)` with `COUNT` fields, all `&'static str` (generated by
        // build.rs), so it has the layout of `[&'static str; COUNT]`. A match over the fields
        // does the same in 3 KB more of wasm.
        let all = unsafe { &mut *(self as *mut Self).cast::<[&'static str; COUNT]>() };
        all.get_mut(i)
    }

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

thread_local! {
    /// A locale's catalog with the shop's labels in place, while a session uses them.
    static LABELED: Cell<Option<(Locale, &'static Messages)>> = const { Cell::new(None) };
}

/// Makes `messages` (`None`: the catalog alone) what `locale.messages()` returns. Each call
/// with labels keeps one catalog for the rest of the page's life; a page sets them once per
/// script tag.
pub fn use_labels(locale: Locale, messages: Option<Messages>) {
    LABELED.set(messages.map(|m| (locale, &*Box::leak(Box::new(m)))));
}

/// `locale`'s catalog with a shop's labels (`data-labels`, parsed; `None` if it was not JSON:
/// an object of languages, each an object of catalog keys and texts) in place, and what was
/// wrong with any label. A label that is not a key, not text, or has other `{placeholders}`
/// than the catalog's keeps the catalog's text; labels for other languages are ignored.
pub fn with_labels(locale: Locale, labels: Option<&Json>) -> (Messages, Vec<String>) {
    let mut messages = locale.catalog().clone();
    let mut problems = Vec::new();
    let ours = match labels {
        Some(l @ Json::Obj(_)) => l.get(locale.bcp47()),
        _ => {
            problems.push("data-labels: expected a JSON object of languages".to_owned());
            None
        }
    };
    let Some(Json::Obj(ours)) = ours else {
        return (messages, problems);
    };
    for (key, text) in ours {
        let slot = crate::text::split(KEYS, b' ')
            .position(|k| k == key)
            .and_then(|i| messages.slot(i));
        let problem = match (slot, text) {
            (None, _) => "is not a label Laurel has",
            (Some(_), Json::Str(t)) if t.trim_ascii().is_empty() => "is empty",
            (Some(slot), Json::Str(t)) => {
                if placeholders(t) == placeholders(slot) {
                    *slot = Box::leak(t.clone().into_boxed_str());
                    continue;
                }
                "needs the same {placeholders} as Laurel's text"
            }
            (Some(_), _) => "is not text",
        };
        problems.push(concat(&["data-labels: \"", key, "\" ", problem]));
    }
    (messages, problems)
}

/// The `{name}` placeholders of a template, sorted.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out: Vec<&str> = crate::text::split(template, b'{')
        .skip(1)
        .filter_map(|rest| crate::text::split_once(rest, b'}').map(|(name, _)| name))
        .collect();
    out.sort_unstable();
    out
}

/// Fills `{key}` placeholders. Values are inserted as text, never re-scanned, so a value that
/// contains `{...}` stays as it is. An unknown placeholder is kept verbatim.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = crate::text::find(rest, "{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match crate::text::find(after, "}") {
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
    use crate::json::parse;

    fn labeled(locale: Locale, labels: &str) -> (Messages, Vec<String>) {
        with_labels(locale, parse(labels).ok().as_ref())
    }

    #[test]
    fn a_packed_catalog_unpacks_to_the_catalog() {
        for (packed, catalog) in [
            (&EN_PACKED, &EN),
            (&TH_PACKED, &TH),
            (&ID_PACKED, &ID),
            (&FA_PACKED, &FA),
        ] {
            assert_eq!(format!("{:?}", unpack(packed)), format!("{catalog:?}"));
        }
        // One byte a character and one between texts, where Thai takes three in UTF-8.
        let mut th = TH.clone();
        let (mut chars, mut utf8) = (0, 0);
        for i in 0..COUNT {
            let text = th.slot(i).map_or("", |t| *t);
            chars += text.chars().count();
            utf8 += text.len();
        }
        assert_eq!(TH_PACKED.bytes.len(), chars + COUNT - 1);
        assert!(chars * 2 < utf8, "{chars} characters in {utf8} bytes");
    }

    #[test]
    fn one_is_singular_in_english_zero_and_one_in_persian_nothing_in_thai_or_indonesian() {
        let ones = |l: Locale| (0..=3).filter(|&n| l.singular(n)).collect::<Vec<_>>();
        assert_eq!(ones(Locale::En), [1]);
        assert_eq!(ones(Locale::Fa), [0, 1]);
        assert!(ones(Locale::Th).is_empty() && ones(Locale::Id).is_empty());
        assert!(!Locale::En.singular(1_000_001));
    }

    #[test]
    fn a_shop_label_replaces_its_text_in_its_language_only() {
        let labels = r#"{"en": {"redeem_short": "Claim", "redeem": "Claim {reward}"},
                         "th": {"redeem_short": "รับ"}}"#;
        let (en, problems) = labeled(Locale::En, labels);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(en.redeem_short, "Claim");
        assert_eq!(fill(en.redeem, &[("reward", "Tote")]), "Claim Tote");
        // Every other text is the catalog's.
        assert_eq!(en.filter_all, Locale::En.messages().filter_all);
        let (th, _) = labeled(Locale::Th, labels);
        assert_eq!(th.redeem_short, "รับ");
        assert_eq!(th.redeem, TH.redeem);
        // No labels for the language: the catalog as it is.
        let (id, problems) = labeled(Locale::Id, labels);
        assert!(problems.is_empty());
        assert_eq!(id.redeem_short, ID.redeem_short);
        // In use, they are what the locale's messages are; the next labels start afresh.
        use_labels(Locale::En, Some(en));
        assert_eq!(Locale::En.messages().redeem_short, "Claim");
        assert_eq!(Locale::Th.messages().redeem_short, TH.redeem_short);
        let (again, _) = labeled(Locale::En, r#"{"en": {}}"#);
        assert_eq!(again.redeem_short, EN.redeem_short);
        use_labels(Locale::En, None);
        assert_eq!(Locale::En.messages().redeem_short, EN.redeem_short);
    }

    #[test]
    fn a_bad_label_is_named_and_keeps_the_catalog_text() {
        let (en, problems) = labeled(
            Locale::En,
            r#"{"en": {"redeem": "Claim it", "status_short": "{points} to go", "nope": "x",
                       "redeem_short": " ", "filter_all": 3}}"#,
        );
        assert_eq!(en.redeem, EN.redeem, "a placeholder went missing");
        assert_eq!(en.status_short, "{points} to go");
        assert_eq!(en.redeem_short, EN.redeem_short);
        assert_eq!(en.filter_all, EN.filter_all);
        assert_eq!(
            problems,
            [
                "data-labels: \"redeem\" needs the same {placeholders} as Laurel's text",
                "data-labels: \"nope\" is not a label Laurel has",
                "data-labels: \"redeem_short\" is empty",
                "data-labels: \"filter_all\" is not text",
            ]
        );
        for not_an_object in ["[]", "\"beans\"", "not json"] {
            let (m, problems) = labeled(Locale::En, not_an_object);
            assert_eq!(m.redeem, EN.redeem);
            assert_eq!(
                problems,
                ["data-labels: expected a JSON object of languages"]
            );
        }
    }

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
