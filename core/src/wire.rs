//! Serde types that mirror `api/openapi.yaml`. Shared by the widget and the dev API so the two
//! cannot drift apart; unknown fields are ignored so that an API may grow.

use serde::{Deserialize, Serialize};

/// `GET /v1/widget`: everything the first render needs, in one round trip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WidgetData {
    pub program: Program,
    /// `null` for a guest.
    pub member: Option<Member>,
    pub tiers: Vec<Tier>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Program {
    pub name: String,
    pub points_name: PointsName,
    pub signup_bonus: u64,
    pub signup_url: String,
}

/// What the program calls its points, in the singular and plural forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointsName {
    pub one: String,
    pub other: String,
}

impl PointsName {
    /// The form for a CLDR plural category (`one`, `other`, ...); anything but `one` is plural.
    pub fn for_category(&self, category: &str) -> &str {
        if category == "one" {
            &self.one
        } else {
            &self.other
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub first_name: String,
    pub balance: u64,
    pub lifetime_points: u64,
    /// `null` while below the lowest tier.
    pub tier: Option<TierRef>,
    /// `null` at the top tier.
    pub next_tier: Option<NextTier>,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tier {
    pub id: String,
    pub name: String,
    pub threshold: u64,
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
    pub const NOT_FOUND: &str = "https://laurel.dev/problems/not-found";
    pub const INTERNAL: &str = "https://laurel.dev/problems/internal";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guest_has_a_null_member() {
        let json = r#"{"program":{"name":"P","points_name":{"one":"point","other":"points"},
            "signup_bonus":200,"signup_url":"https://shop.test/join"},"member":null,"tiers":[]}"#;
        let data: WidgetData = serde_json::from_str(json).expect("valid guest payload");
        assert!(data.member.is_none());
        assert_eq!(data.program.signup_bonus, 200);
    }

    #[test]
    fn a_negative_balance_is_rejected_not_wrapped() {
        let json =
            r#"{"first_name":"A","balance":-5,"lifetime_points":0,"tier":null,"next_tier":null}"#;
        assert!(serde_json::from_str::<Member>(json).is_err());
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let json = r#"{"id":"gold","name":"Gold","threshold":1500,"benefits":["x"]}"#;
        let tier: Tier = serde_json::from_str(json).expect("extra fields are fine");
        assert_eq!(tier.threshold, 1500);
    }

    #[test]
    fn a_problem_without_type_is_about_blank() {
        let p: Problem = serde_json::from_str(r#"{"title":"Nope"}"#).expect("minimal problem");
        assert_eq!(p.kind, "about:blank");
        assert_eq!(p.status, None);
    }

    #[test]
    fn points_name_picks_the_plural_form() {
        let n = PointsName {
            one: "point".into(),
            other: "points".into(),
        };
        assert_eq!(n.for_category("one"), "point");
        assert_eq!(n.for_category("other"), "points");
        assert_eq!(n.for_category("few"), "points");
    }
}
