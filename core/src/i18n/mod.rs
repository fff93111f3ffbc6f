//! Per-locale message catalogs. Every shopper-facing string comes from here; numbers and dates
//! are formatted by the browser's `Intl` before they are filled into a template.

mod en;

use crate::load::ErrorKind;
use crate::wire::RewardKind;

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

/// One locale's strings. `{name}` placeholders are filled by [`fill`]; `{points}` is always a
/// filled `points_amount`, numbers and dates are formatted by `Intl` first.
#[derive(Debug)]
pub struct Messages {
    pub region_label: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub close: &'static str,
    pub error_network: &'static str,
    pub error_timeout: &'static str,
    pub error_unauthorized: &'static str,
    pub error_rate_limited: &'static str,
    pub error_server: &'static str,
    pub error_bad_response: &'static str,
    pub error_insufficient: &'static str,
    pub error_unavailable: &'static str,
    pub error_tier_too_low: &'static str,
    pub error_not_enrolled: &'static str,
    pub error_already_enrolled: &'static str,
    pub error_in_flight: &'static str,
    pub error_invalid: &'static str,
    pub error_sign_in: &'static str,
    pub error_key_missing: &'static str,
    pub error_key_reused: &'static str,
    pub error_not_found: &'static str,
    pub error_too_large: &'static str,
    pub error_unknown: &'static str,
    pub offline: &'static str,
    // Home
    pub greeting: &'static str,
    pub balance_label: &'static str,
    pub points_amount: &'static str,
    pub tier_badge: &'static str,
    pub no_tier_yet: &'static str,
    pub points_to_tier: &'static str,
    pub progress_label: &'static str,
    pub top_tier: &'static str,
    pub benefits_title: &'static str,
    /// `{reward}`
    pub next_reward_ready: &'static str,
    /// `{points}`, `{reward}`
    pub next_reward_short: &'static str,
    /// `{points}`, `{date}`
    pub expiring: &'static str,
    // Guest and enrollment
    pub join_title: &'static str,
    pub join_bonus: &'static str,
    pub join_cta: &'static str,
    pub sign_in: &'static str,
    pub guest_explainer: &'static str,
    pub enroll_title: &'static str,
    pub enroll_terms: &'static str,
    pub enroll_terms_link: &'static str,
    pub enroll_marketing: &'static str,
    pub enroll_submit: &'static str,
    pub enroll_terms_required: &'static str,
    /// `{points}`
    pub launcher_teaser: &'static str,
    // Navigation
    pub nav_label: &'static str,
    pub view_home: &'static str,
    pub view_rewards: &'static str,
    pub view_earn: &'static str,
    pub view_my_rewards: &'static str,
    pub view_history: &'static str,
    pub launcher_open: &'static str,
    pub launcher_badge: &'static str,
    // Ways to earn
    pub earn_done: &'static str,
    /// `{points}`
    pub earn_points: &'static str,
    /// `{points}`
    pub earn_per_unit: &'static str,
    pub earn_open: &'static str,
    pub birthday_month: &'static str,
    pub birthday_day: &'static str,
    pub birthday_save: &'static str,
    pub birthday_saved: &'static str,
    pub newsletter_subscribe: &'static str,
    /// `{points}`
    pub earned_now: &'static str,
    pub referral_label: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub share: &'static str,
    // Rewards
    pub filter_label: &'static str,
    pub filter_all: &'static str,
    pub filter_can_redeem: &'static str,
    pub sort_label: &'static str,
    pub sort_low_high: &'static str,
    pub sort_high_low: &'static str,
    pub kind_fixed_discount: &'static str,
    pub kind_percent_discount: &'static str,
    pub kind_free_shipping: &'static str,
    pub kind_free_product: &'static str,
    pub kind_experience: &'static str,
    pub kind_donation: &'static str,
    pub status_affordable: &'static str,
    /// `{points}`
    pub status_short: &'static str,
    /// `{tier}`
    pub status_locked: &'static str,
    pub status_unavailable: &'static str,
    pub no_rewards: &'static str,
    /// `{reward}`
    pub redeem: &'static str,
    pub redeem_short: &'static str,
    // Redeem dialog
    /// `{reward}`
    pub confirm_title: &'static str,
    pub confirm_cost: &'static str,
    pub confirm_balance_after: &'static str,
    pub confirm_submit: &'static str,
    pub confirm_busy: &'static str,
    pub cancel: &'static str,
    pub redeemed_title: &'static str,
    pub your_code: &'static str,
    pub apply_to_cart: &'static str,
    /// `{date}`
    pub code_expires: &'static str,
    // My rewards and history
    pub my_rewards_empty: &'static str,
    pub history_empty: &'static str,
    pub load_more: &'static str,
    // Points preview
    /// `{points}`
    pub earn_preview: &'static str,
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
            ErrorKind::InsufficientPoints => self.error_insufficient,
            ErrorKind::RewardUnavailable => self.error_unavailable,
            ErrorKind::TierTooLow => self.error_tier_too_low,
            ErrorKind::NotEnrolled => self.error_not_enrolled,
            ErrorKind::AlreadyEnrolled => self.error_already_enrolled,
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
            ErrorKind::InsufficientPoints,
            ErrorKind::RewardUnavailable,
            ErrorKind::TierTooLow,
            ErrorKind::NotEnrolled,
            ErrorKind::AlreadyEnrolled,
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
