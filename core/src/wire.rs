//! Serde types that mirror `api/openapi.yaml`. Shared by the widget and the dev API so the two
//! cannot drift apart; unknown fields are ignored and unknown kinds fall back, so an API may grow.

use serde::{Deserialize, Serialize};

/// `GET /v1/widget`: everything the first render needs, in one round trip.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WidgetData {
    pub program: Program,
    /// Whether the request carried a valid shopper token.
    #[serde(default)]
    pub signed_in: bool,
    /// `null` for a guest or a signed-in shopper who has not joined.
    pub member: Option<Member>,
    pub tiers: Vec<Tier>,
    #[serde(default)]
    pub earn_rules: Vec<EarnRule>,
    #[serde(default)]
    pub rewards: Vec<Reward>,
    /// Rewards chosen for this shopper, best first, each with the reason to show.
    #[serde(default)]
    pub for_you: Vec<Pick>,
    /// Limited-time boosts that are running or announced.
    #[serde(default)]
    pub boosts: Vec<Boost>,
    /// The member's challenges, open, finished and missed.
    #[serde(default)]
    pub challenges: Vec<Challenge>,
}

/// A goal made of steps, e.g. "Write 3 reviews", with the member's progress and a reward for
/// finishing it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Challenge {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub steps: Vec<ChallengeStep>,
    /// Points credited once, when every step is done.
    pub reward_points: u64,
    /// The badge the member earns with it, shown on Home once earned.
    #[serde(default)]
    pub badge: Option<String>,
    /// RFC 3339; steps done from this instant no longer count.
    #[serde(default)]
    pub ends_at: Option<String>,
    /// RFC 3339; when the member finished it and was rewarded.
    #[serde(default)]
    pub completed_at: Option<String>,
}

/// One step of a challenge: "Write 3 reviews", 2 of 3.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChallengeStep {
    pub label: String,
    pub progress: u64,
    pub goal: u64,
}

/// How a boost raises points.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoostKind {
    /// Points are multiplied by `value`, e.g. 2 for double points.
    #[default]
    Multiplier,
    /// `value` points are added to each completion or order.
    Bonus,
}

/// What a boost applies to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoostScope {
    /// Every purchase.
    #[default]
    Purchases,
    /// Purchases of products in the collection named by `target`.
    Collection,
    /// The earn rule whose id is `target`.
    EarnRule,
    /// A scope this client does not know: shown, never matched.
    #[serde(other)]
    Other,
}

/// A limited-time campaign, e.g. double points this weekend.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Boost {
    pub id: String,
    pub name: String,
    pub kind: BoostKind,
    /// The multiplier, or the bonus points.
    pub value: f64,
    pub applies_to: BoostScope,
    /// The collection handle or earn rule id; `null` for every purchase.
    #[serde(default)]
    pub target: Option<String>,
    /// RFC 3339.
    pub starts_at: String,
    /// RFC 3339; the boost is over from this instant.
    pub ends_at: String,
}

/// The boost a points preview included.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AppliedBoost {
    pub id: String,
    pub name: String,
    pub ends_at: String,
    /// The points the boost adds to the preview's `points`.
    pub extra: u64,
}

/// A reward chosen for the shopper, e.g. "Because you bought running shoes".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pick {
    pub reward_id: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Program {
    pub name: String,
    pub points_name: PointsName,
    pub signup_bonus: u64,
    pub signup_url: String,
    #[serde(default)]
    pub login_url: String,
    #[serde(default)]
    pub terms_url: String,
    /// What points are worth in money, where the shop gives them a value.
    #[serde(default)]
    pub point_value: Option<PointValue>,
    /// Points expire this many days after they are earned; `null` if they do not.
    #[serde(default)]
    pub points_expire_after_days: Option<u64>,
}

/// `points` points are worth `value`, e.g. 100 points = 1 EUR.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointValue {
    pub points: u64,
    pub value: Money,
}

/// An amount of money, for display only: nothing is charged or computed in it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Money {
    pub amount: f64,
    /// ISO 4217, e.g. `EUR`.
    pub currency: String,
}

/// What the program calls its points, in the singular and plural forms.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointsName {
    pub one: String,
    pub other: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub first_name: String,
    pub balance: u64,
    pub lifetime_points: u64,
    /// `null` while below the lowest tier.
    pub tier: Option<TierRef>,
    /// `null` at the top tier.
    pub next_tier: Option<NextTier>,
    /// Points that expire soon, if any.
    #[serde(default)]
    pub expiring_points: Option<ExpiringPoints>,
    #[serde(default)]
    pub referral_url: String,
    #[serde(default)]
    pub birthday_set: bool,
    #[serde(default)]
    pub marketing_opt_in: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpiringPoints {
    pub points: u64,
    /// `YYYY-MM-DD`.
    pub expires_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierRef {
    pub id: String,
    pub name: String,
    pub threshold: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextTier {
    pub id: String,
    pub name: String,
    pub threshold: u64,
    pub points_remaining: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tier {
    pub id: String,
    pub name: String,
    pub threshold: u64,
    #[serde(default)]
    pub benefits: Vec<String>,
    /// Points earned per purchase are multiplied by this, e.g. `1.25`.
    #[serde(default = "one")]
    pub earn_multiplier: f64,
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EarnKind {
    Purchase,
    Signup,
    Review,
    Birthday,
    Newsletter,
    Referral,
    SocialFollow,
    /// Also what an unknown kind becomes.
    #[serde(other)]
    Custom,
}

impl EarnKind {
    /// The kind named on the wire; an unknown name is `Custom`.
    pub fn from_wire(name: &str) -> Self {
        match name {
            "purchase" => Self::Purchase,
            "signup" => Self::Signup,
            "review" => Self::Review,
            "birthday" => Self::Birthday,
            "newsletter" => Self::Newsletter,
            "referral" => Self::Referral,
            "social_follow" => Self::SocialFollow,
            _ => Self::Custom,
        }
    }

    /// The contract's name for the kind, e.g. `social_follow`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Purchase => "purchase",
            Self::Signup => "signup",
            Self::Review => "review",
            Self::Birthday => "birthday",
            Self::Newsletter => "newsletter",
            Self::Referral => "referral",
            Self::SocialFollow => "social_follow",
            Self::Custom => "custom",
        }
    }

    /// Every kind of the contract.
    pub const ALL: [EarnKind; 8] = [
        EarnKind::Purchase,
        EarnKind::Signup,
        EarnKind::Review,
        EarnKind::Birthday,
        EarnKind::Newsletter,
        EarnKind::Referral,
        EarnKind::SocialFollow,
        EarnKind::Custom,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarnRule {
    pub id: String,
    pub kind: EarnKind,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Points per completion; for `purchase`, points per whole unit of currency spent.
    pub points: u64,
    /// Whether this shopper has already completed a once-only rule.
    #[serde(default)]
    pub completed: bool,
    /// Whether the rule can be completed more than once.
    #[serde(default)]
    pub repeatable: bool,
    /// Where the shopper goes to complete it (review page, social profile), if anywhere.
    #[serde(default)]
    pub action_url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RewardKind {
    FixedDiscount,
    PercentDiscount,
    FreeShipping,
    FreeProduct,
    Experience,
    Donation,
    /// A kind this widget does not know yet.
    #[serde(other)]
    Unknown,
}

impl RewardKind {
    /// Every kind of the contract, in display order.
    pub const ALL: [RewardKind; 6] = [
        RewardKind::FixedDiscount,
        RewardKind::PercentDiscount,
        RewardKind::FreeShipping,
        RewardKind::FreeProduct,
        RewardKind::Experience,
        RewardKind::Donation,
    ];

    /// The kind named on the wire; an unknown name is `Unknown`.
    pub fn from_wire(name: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == name)
            .unwrap_or(Self::Unknown)
    }

    /// The contract's name for the kind, e.g. `free_shipping`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::FixedDiscount => "fixed_discount",
            Self::PercentDiscount => "percent_discount",
            Self::FreeShipping => "free_shipping",
            Self::FreeProduct => "free_product",
            Self::Experience => "experience",
            Self::Donation => "donation",
            Self::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reward {
    pub id: String,
    pub kind: RewardKind,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Cost in points.
    pub cost: u64,
    /// The lowest tier id that may redeem it; `null` for every member.
    #[serde(default)]
    pub min_tier: Option<String>,
    pub available: bool,
    #[serde(default)]
    pub image_url: Option<String>,
    /// How many are left; `0` is sold out, `null` unlimited.
    #[serde(default)]
    pub remaining: Option<u64>,
    /// RFC 3339; before it the reward cannot be redeemed yet.
    #[serde(default)]
    pub starts_at: Option<String>,
    /// RFC 3339; from it the reward cannot be redeemed any more.
    #[serde(default)]
    pub ends_at: Option<String>,
    /// The smallest order the reward's code applies to.
    #[serde(default)]
    pub min_order: Option<Money>,
    /// The A/B test variant this reward is shown as, passed on in the widget's events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant_id: Option<String>,
}

/// `POST /v1/enrollments` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnrollmentRequest {
    pub accept_terms: bool,
    #[serde(default)]
    pub marketing_opt_in: bool,
    /// The shop's signed claim for an order placed before joining: its points are added once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_claim: Option<String>,
}

/// `POST /v1/redemptions` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedemptionRequest {
    pub reward_id: String,
}

/// How a redemption reaches the shopper.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fulfilment {
    /// A code for the cart: discounts, free shipping, a free product.
    #[default]
    Code,
    /// Nothing to use: a thank-you and the impact.
    Donation,
    /// A reference and instructions, e.g. how to book an experience.
    Voucher,
    /// A kind this widget does not know: shown by its name and any text.
    #[serde(other)]
    Other,
}

impl Fulfilment {
    /// Every kind of the contract.
    pub const ALL: [Fulfilment; 3] = [Self::Code, Self::Donation, Self::Voucher];

    /// The contract's name; `other` for a kind this widget does not know.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Code => "code",
            Self::Donation => "donation",
            Self::Voucher => "voucher",
            Self::Other => "other",
        }
    }

    /// The kind named on the wire; an unknown name is `Other`.
    pub fn from_wire(name: &str) -> Self {
        match name {
            "code" => Self::Code,
            "donation" => Self::Donation,
            "voucher" => Self::Voucher,
            _ => Self::Other,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redemption {
    pub id: String,
    pub reward_id: String,
    pub reward_name: String,
    /// Missing in older APIs, which only issued codes.
    #[serde(default)]
    pub fulfilment: Fulfilment,
    /// The code to use at checkout (`code`).
    #[serde(default)]
    pub code: Option<String>,
    /// The booking or voucher reference (`voucher`).
    #[serde(default)]
    pub reference: Option<String>,
    /// For the shopper: a donation's impact, a voucher's instructions.
    #[serde(default)]
    pub message: Option<String>,
    /// A donation's running total for the whole program, e.g. "1,204 trees planted so far".
    #[serde(default)]
    pub impact_total: Option<String>,
    pub points_spent: u64,
    pub balance_after: u64,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339; `null` when the code does not expire.
    pub expires_at: Option<String>,
}

impl Redemption {
    /// What the shopper copies or types in: the code, or a voucher's reference. A donation has
    /// nothing to use, even if an API sends a code.
    pub fn to_copy(&self) -> Option<&str> {
        match self.fulfilment {
            Fulfilment::Donation => None,
            Fulfilment::Voucher => self.reference.as_deref().or(self.code.as_deref()),
            Fulfilment::Code | Fulfilment::Other => self.code.as_deref(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedemptionList {
    pub items: Vec<Redemption>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    Earn,
    Spend,
    Expire,
    #[serde(other)]
    Adjust,
}

impl ActivityKind {
    /// The contract's name for the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Earn => "earn",
            Self::Spend => "spend",
            Self::Expire => "expire",
            Self::Adjust => "adjust",
        }
    }

    /// The kind named on the wire; an unknown name is `Adjust`.
    pub fn from_wire(name: &str) -> Self {
        match name {
            "earn" => Self::Earn,
            "spend" => Self::Spend,
            "expire" => Self::Expire,
            _ => Self::Adjust,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityEntry {
    pub id: String,
    pub kind: ActivityKind,
    /// Signed: negative for spent or expired points.
    pub points: i64,
    pub description: String,
    /// RFC 3339.
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityPage {
    pub items: Vec<ActivityEntry>,
    /// Pass as `cursor` for the next (older) page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// `POST /v1/actions` body: a shopper action that may earn points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ActionRequest {
    SetBirthday(Birthday),
    // Newtypes over strict structs: serde ignores `deny_unknown_fields` on unit variants.
    NewsletterSubscribe(NoFields),
    SocialFollow(NoFields),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Birthday {
    /// `MM-DD`.
    pub birthday: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoFields {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionResult {
    /// Zero when the rule was already completed.
    pub points_awarded: u64,
    pub member: Member,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointsPreview {
    /// What the purchase earns now, the boost included.
    pub points: u64,
    pub multiplier: f64,
    /// The running boost included in `points`, if any.
    #[serde(default)]
    pub boost: Option<AppliedBoost>,
}

/// RFC 9457 problem details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(rename = "type", default = "about_blank")]
    pub kind: String,
    #[serde(default)]
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

fn about_blank() -> String {
    "about:blank".into()
}

/// Stable problem `type` URIs of the default contract.
pub mod problem_type {
    pub const UNAUTHENTICATED: &str = "https://laurel.dev/problems/unauthenticated";
    pub const TOKEN_EXPIRED: &str = "https://laurel.dev/problems/token-expired";
    pub const NOT_ENROLLED: &str = "https://laurel.dev/problems/not-enrolled";
    pub const ALREADY_ENROLLED: &str = "https://laurel.dev/problems/already-enrolled";
    pub const ORDER_CLAIMED: &str = "https://laurel.dev/problems/order-claimed";
    pub const ORDER_CLAIM_INVALID: &str = "https://laurel.dev/problems/order-claim-invalid";
    pub const INSUFFICIENT_POINTS: &str = "https://laurel.dev/problems/insufficient-points";
    pub const REWARD_UNAVAILABLE: &str = "https://laurel.dev/problems/reward-unavailable";
    pub const TIER_TOO_LOW: &str = "https://laurel.dev/problems/tier-too-low";
    pub const IDEMPOTENCY_KEY_MISSING: &str = "https://laurel.dev/problems/idempotency-key-missing";
    pub const IDEMPOTENCY_KEY_REUSED: &str = "https://laurel.dev/problems/idempotency-key-reused";
    pub const REQUEST_IN_FLIGHT: &str = "https://laurel.dev/problems/request-in-flight";
    pub const RATE_LIMITED: &str = "https://laurel.dev/problems/rate-limited";
    pub const VALIDATION: &str = "https://laurel.dev/problems/validation";
    pub const NOT_FOUND: &str = "https://laurel.dev/problems/not-found";
    pub const PAYLOAD_TOO_LARGE: &str = "https://laurel.dev/problems/payload-too-large";
    pub const INTERNAL: &str = "https://laurel.dev/problems/internal";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guest_has_a_null_member_and_older_apis_may_omit_lists() {
        let json = r#"{"program":{"name":"P","points_name":{"one":"point","other":"points"},
            "signup_bonus":200,"signup_url":"https://shop.test/join"},"member":null,"tiers":[]}"#;
        let data: WidgetData = serde_json::from_str(json).expect("valid guest payload");
        assert!(data.member.is_none());
        assert!(!data.signed_in);
        assert!(data.rewards.is_empty());
    }

    #[test]
    fn a_negative_balance_is_rejected_not_wrapped() {
        let json =
            r#"{"first_name":"A","balance":-5,"lifetime_points":0,"tier":null,"next_tier":null}"#;
        assert!(serde_json::from_str::<Member>(json).is_err());
    }

    #[test]
    fn unknown_fields_are_ignored_and_the_multiplier_defaults_to_one() {
        let json = r#"{"id":"gold","name":"Gold","threshold":1500,"sparkle":true}"#;
        let tier: Tier = serde_json::from_str(json).expect("extra fields are fine");
        assert_eq!(tier.threshold, 1500);
        assert_eq!(tier.earn_multiplier, 1.0);
    }

    #[test]
    fn unknown_kinds_fall_back_instead_of_failing_the_response() {
        let kind: EarnKind = serde_json::from_str(r#""tiktok_dance""#).expect("fallback");
        assert_eq!(kind, EarnKind::Custom);
        let kind: RewardKind = serde_json::from_str(r#""nft""#).expect("fallback");
        assert_eq!(kind, RewardKind::Unknown);
        let kind: RewardKind = serde_json::from_str(r#""free_shipping""#).expect("known");
        assert_eq!(kind, RewardKind::FreeShipping);
    }

    #[test]
    fn kind_names_match_the_wire_both_ways() {
        for kind in RewardKind::ALL {
            let wire = serde_json::to_string(&kind).expect("serializes");
            assert_eq!(wire, format!("\"{}\"", kind.as_str()));
            assert_eq!(RewardKind::from_wire(kind.as_str()), kind);
        }
        for kind in EarnKind::ALL {
            let wire = serde_json::to_string(&kind).expect("serializes");
            assert_eq!(EarnKind::from_wire(wire.trim_matches('"')), kind);
            assert_eq!(wire.trim_matches('"'), kind.as_str());
        }
        for kind in Fulfilment::ALL {
            let wire = serde_json::to_string(&kind).expect("serializes");
            assert_eq!(wire, format!("\"{}\"", kind.as_str()));
            assert_eq!(Fulfilment::from_wire(kind.as_str()), kind);
        }
        assert_eq!(Fulfilment::from_wire("nft_drop"), Fulfilment::Other);
        for kind in [
            ActivityKind::Earn,
            ActivityKind::Spend,
            ActivityKind::Expire,
            ActivityKind::Adjust,
        ] {
            let wire = serde_json::to_string(&kind).expect("serializes");
            assert_eq!(ActivityKind::from_wire(wire.trim_matches('"')), kind);
            assert_eq!(wire.trim_matches('"'), kind.as_str());
        }
    }

    #[test]
    fn actions_are_tagged_by_kind() {
        let a: ActionRequest =
            serde_json::from_str(r#"{"kind":"set_birthday","birthday":"04-30"}"#).expect("valid");
        assert_eq!(
            a,
            ActionRequest::SetBirthday(Birthday {
                birthday: "04-30".into()
            })
        );
        let extra = r#"{"kind":"set_birthday","birthday":"04-30","x":1}"#;
        assert!(serde_json::from_str::<ActionRequest>(extra).is_err());
        assert!(serde_json::from_str::<ActionRequest>(r#"{"kind":"set_birthday"}"#).is_err());
        assert!(serde_json::from_str::<ActionRequest>(r#"{"kind":"hack"}"#).is_err());
        let n: ActionRequest =
            serde_json::from_str(r#"{"kind":"newsletter_subscribe"}"#).expect("valid");
        assert_eq!(n, ActionRequest::NewsletterSubscribe(NoFields {}));
        assert_eq!(
            serde_json::to_string(&n).expect("serializes"),
            r#"{"kind":"newsletter_subscribe"}"#
        );
        let extra = r#"{"kind":"social_follow","x":42}"#;
        assert!(serde_json::from_str::<ActionRequest>(extra).is_err());
    }

    #[test]
    fn request_bodies_reject_unknown_fields() {
        assert!(
            serde_json::from_str::<RedemptionRequest>(r#"{"reward_id":"r","points":1}"#).is_err()
        );
    }

    #[test]
    fn a_problem_without_type_is_about_blank() {
        let p: Problem = serde_json::from_str(r#"{"title":"Nope"}"#).expect("minimal problem");
        assert_eq!(p.kind, "about:blank");
        assert_eq!(p.status, None);
    }
}
