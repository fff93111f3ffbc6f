//! Decoding API responses from [`Json`] into the wire types, leniently where that is safe and
//! strictly where it is not, with errors that say where: `member.balance: expected a whole
//! number from 0 to 2^53, found -5`.
//!
//! Lenient: unknown fields are ignored, unknown kinds fall back (`EarnKind::Custom`,
//! `RewardKind::Unknown`, `ActivityKind::Adjust`), optional fields may be missing or null, and
//! lists the contract lets an API omit may be missing. Strict: a missing required field, a wrong
//! type, a negative, fractional or absurdly large count. The rules are the serde attributes of
//! `wire`, which the dev API uses; a test checks that both decoders agree on the spec's examples.

use crate::json::{self, Json};
use crate::wire::*;

/// Counts of points and thresholds are whole numbers in `0..=MAX_COUNT`.
pub const MAX_COUNT: f64 = 9_007_199_254_740_992.0;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Where, e.g. `rewards[3].cost`; empty for the whole body.
    pub path: String,
    pub problem: String,
}

impl DecodeError {
    fn new(problem: String) -> Self {
        Self {
            path: String::new(),
            problem,
        }
    }

    fn within(mut self, segment: &str) -> Self {
        self.path = match (self.path.is_empty(), self.path.starts_with('[')) {
            (true, _) => segment.to_owned(),
            (false, true) => format!("{segment}{}", self.path),
            (false, false) => format!("{segment}.{}", self.path),
        };
        self
    }
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.problem)
        } else {
            write!(f, "{}: {}", self.path, self.problem)
        }
    }
}

fn expected(what: &str, found: &Json) -> DecodeError {
    // Integers as written; no float formatting, which would cost the wasm its code.
    let found = match found {
        Json::Num(n) if n.fract() == 0.0 && n.abs() <= MAX_COUNT => format!("{}", *n as i64),
        Json::Num(n) if n.fract() != 0.0 && n.abs() <= MAX_COUNT => "a fraction".to_owned(),
        Json::Num(_) => "a number out of range".to_owned(),
        other => other.kind().to_owned(),
    };
    DecodeError::new(format!("expected {what}, found {found}"))
}

pub trait FromJson: Sized {
    fn from_json(v: &Json) -> Result<Self, DecodeError>;
}

/// Parses and decodes a response body.
pub fn decode<T: FromJson>(text: &str) -> Result<T, DecodeError> {
    let v = json::parse(text).map_err(|e| DecodeError::new(e.to_string()))?;
    T::from_json(&v)
}

/// The fields of an object, read by name.
struct Obj<'a>(&'a Json);

impl<'a> Obj<'a> {
    fn new(v: &'a Json) -> Result<Self, DecodeError> {
        match v {
            Json::Obj(_) => Ok(Self(v)),
            other => Err(expected("an object", other)),
        }
    }

    /// A present, non-null field.
    fn opt(&self, key: &str) -> Option<&'a Json> {
        self.0.get(key).filter(|v| **v != Json::Null)
    }

    fn req(&self, key: &str) -> Result<&'a Json, DecodeError> {
        self.opt(key)
            .ok_or_else(|| DecodeError::new("missing".into()))
    }

    fn with<T>(
        &self,
        key: &str,
        f: impl FnOnce(&Json) -> Result<T, DecodeError>,
    ) -> Result<T, DecodeError> {
        self.req(key).and_then(f).map_err(|e| e.within(key))
    }

    fn with_opt<T>(
        &self,
        key: &str,
        f: impl FnOnce(&Json) -> Result<T, DecodeError>,
    ) -> Result<Option<T>, DecodeError> {
        self.opt(key).map(f).transpose().map_err(|e| e.within(key))
    }

    fn string(&self, key: &str) -> Result<String, DecodeError> {
        self.with(key, string)
    }

    fn string_or_empty(&self, key: &str) -> Result<String, DecodeError> {
        Ok(self.with_opt(key, string)?.unwrap_or_default())
    }

    fn opt_string(&self, key: &str) -> Result<Option<String>, DecodeError> {
        self.with_opt(key, string)
    }

    fn count(&self, key: &str) -> Result<u64, DecodeError> {
        self.with(key, count)
    }

    fn flag(&self, key: &str) -> Result<bool, DecodeError> {
        self.with(key, flag)
    }

    fn flag_or_false(&self, key: &str) -> Result<bool, DecodeError> {
        Ok(self.with_opt(key, flag)?.unwrap_or(false))
    }

    fn field<T: FromJson>(&self, key: &str) -> Result<T, DecodeError> {
        self.with(key, T::from_json)
    }

    fn opt_field<T: FromJson>(&self, key: &str) -> Result<Option<T>, DecodeError> {
        self.with_opt(key, T::from_json)
    }

    fn list<T: FromJson>(&self, key: &str) -> Result<Vec<T>, DecodeError> {
        self.with(key, list)
    }

    fn list_or_empty<T: FromJson>(&self, key: &str) -> Result<Vec<T>, DecodeError> {
        Ok(self.with_opt(key, list)?.unwrap_or_default())
    }
}

fn string(v: &Json) -> Result<String, DecodeError> {
    match v {
        Json::Str(s) => Ok(s.clone()),
        other => Err(expected("a string", other)),
    }
}

fn flag(v: &Json) -> Result<bool, DecodeError> {
    match v {
        Json::Bool(b) => Ok(*b),
        other => Err(expected("true or false", other)),
    }
}

fn count(v: &Json) -> Result<u64, DecodeError> {
    match v {
        Json::Num(n) if n.fract() == 0.0 && (0.0..=MAX_COUNT).contains(n) => Ok(*n as u64),
        other => Err(expected("a whole number from 0 to 2^53", other)),
    }
}

fn signed(v: &Json) -> Result<i64, DecodeError> {
    match v {
        Json::Num(n) if n.fract() == 0.0 && n.abs() <= MAX_COUNT => Ok(*n as i64),
        other => Err(expected("a whole number", other)),
    }
}

/// Calls `f` on each item of an array. Not generic, so that each list type adds only its push.
fn each(v: &Json, f: &mut dyn FnMut(&Json) -> Result<(), DecodeError>) -> Result<(), DecodeError> {
    let Json::Arr(items) = v else {
        return Err(expected("an array", v));
    };
    for (i, item) in items.iter().enumerate() {
        f(item).map_err(|e| e.within(&format!("[{i}]")))?;
    }
    Ok(())
}

fn list<T: FromJson>(v: &Json) -> Result<Vec<T>, DecodeError> {
    let mut out = Vec::new();
    each(v, &mut |item| {
        out.push(T::from_json(item)?);
        Ok(())
    })?;
    Ok(out)
}

impl FromJson for String {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        string(v)
    }
}

impl FromJson for WidgetData {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let o = Obj::new(v)?;
        Ok(Self {
            program: o.field("program")?,
            signed_in: o.flag_or_false("signed_in")?,
            member: o.opt_field("member")?,
            tiers: o.list("tiers")?,
            earn_rules: o.list_or_empty("earn_rules")?,
            rewards: o.list_or_empty("rewards")?,
        })
    }
}

impl FromJson for Program {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let o = Obj::new(v)?;
        Ok(Self {
            name: o.string("name")?,
            points_name: o.field("points_name")?,
            signup_bonus: o.count("signup_bonus")?,
            signup_url: o.string("signup_url")?,
            login_url: o.string_or_empty("login_url")?,
            terms_url: o.string_or_empty("terms_url")?,
        })
    }
}

impl FromJson for PointsName {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let o = Obj::new(v)?;
        Ok(Self {
            one: o.string("one")?,
            other: o.string("other")?,
        })
    }
}

impl FromJson for Member {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let o = Obj::new(v)?;
        Ok(Self {
            first_name: o.string("first_name")?,
            balance: o.count("balance")?,
            lifetime_points: o.count("lifetime_points")?,
            tier: o.opt_field("tier")?,
            next_tier: o.opt_field("next_tier")?,
            expiring_points: o.opt_field("expiring_points")?,
            referral_url: o.string_or_empty("referral_url")?,
            birthday_set: o.flag_or_false("birthday_set")?,
            marketing_opt_in: o.flag_or_false("marketing_opt_in")?,
        })
    }
}

impl FromJson for ExpiringPoints {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let o = Obj::new(v)?;
        Ok(Self {
            points: o.count("points")?,
            expires_on: o.string("expires_on")?,
        })
    }
}

impl FromJson for TierRef {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let o = Obj::new(v)?;
        Ok(Self {
            id: o.string("id")?,
            name: o.string("name")?,
            threshold: o.count("threshold")?,
        })
    }
}

impl FromJson for NextTier {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let o = Obj::new(v)?;
        Ok(Self {
            id: o.string("id")?,
            name: o.string("name")?,
            threshold: o.count("threshold")?,
            points_remaining: o.count("points_remaining")?,
        })
    }
}

/// A multiplier: a finite number from 0 to 1,000.
fn multiplier(v: &Json) -> Result<f64, DecodeError> {
    match v {
        Json::Num(n) if (0.0..=1_000.0).contains(n) => Ok(*n),
        other => Err(expected("a multiplier from 0 to 1000", other)),
    }
}

impl FromJson for Tier {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let o = Obj::new(v)?;
        Ok(Self {
            id: o.string("id")?,
            name: o.string("name")?,
            threshold: o.count("threshold")?,
            benefits: o.list_or_empty("benefits")?,
            earn_multiplier: o.with_opt("earn_multiplier", multiplier)?.unwrap_or(1.0),
        })
    }
}

impl FromJson for EarnRule {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let o = Obj::new(v)?;
        Ok(Self {
            id: o.string("id")?,
            kind: EarnKind::from_wire(&o.string("kind")?),
            name: o.string("name")?,
            description: o.string_or_empty("description")?,
            points: o.count("points")?,
            completed: o.flag_or_false("completed")?,
            repeatable: o.flag_or_false("repeatable")?,
            action_url: o.opt_string("action_url")?,
        })
    }
}

impl FromJson for Reward {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let o = Obj::new(v)?;
        Ok(Self {
            id: o.string("id")?,
            kind: RewardKind::from_wire(&o.string("kind")?),
            name: o.string("name")?,
            description: o.string_or_empty("description")?,
            cost: o.count("cost")?,
            min_tier: o.opt_string("min_tier")?,
            available: o.flag("available")?,
            image_url: o.opt_string("image_url")?,
        })
    }
}

impl FromJson for Redemption {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let o = Obj::new(v)?;
        Ok(Self {
            id: o.string("id")?,
            reward_id: o.string("reward_id")?,
            reward_name: o.string("reward_name")?,
            code: o.string("code")?,
            points_spent: o.count("points_spent")?,
            balance_after: o.count("balance_after")?,
            created_at: o.string("created_at")?,
            expires_at: o.opt_string("expires_at")?,
        })
    }
}

impl FromJson for RedemptionList {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        Ok(Self {
            items: Obj::new(v)?.list("items")?,
        })
    }
}

impl FromJson for ActivityEntry {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let o = Obj::new(v)?;
        Ok(Self {
            id: o.string("id")?,
            kind: ActivityKind::from_wire(&o.string("kind")?),
            points: o.with("points", signed)?,
            description: o.string("description")?,
            created_at: o.string("created_at")?,
        })
    }
}

impl FromJson for ActivityPage {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let o = Obj::new(v)?;
        Ok(Self {
            items: o.list("items")?,
            next_cursor: o.opt_string("next_cursor")?,
        })
    }
}

impl FromJson for ActionResult {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let o = Obj::new(v)?;
        Ok(Self {
            points_awarded: o.count("points_awarded")?,
            member: o.field("member")?,
        })
    }
}

impl FromJson for PointsPreview {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let o = Obj::new(v)?;
        Ok(Self {
            points: o.count("points")?,
            multiplier: o.with("multiplier", multiplier)?,
        })
    }
}

impl FromJson for Problem {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let o = Obj::new(v)?;
        Ok(Self {
            kind: o
                .opt_string("type")?
                .unwrap_or_else(|| "about:blank".into()),
            title: o.string_or_empty("title")?,
            status: o
                .with_opt("status", count)?
                .and_then(|s| u16::try_from(s).ok()),
            detail: o.opt_string("detail")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guest_payload_with_omitted_lists() {
        let data: WidgetData = decode(
            r#"{"program":{"name":"P","points_name":{"one":"point","other":"points"},
            "signup_bonus":200,"signup_url":"https://shop.test/join"},"member":null,"tiers":[]}"#,
        )
        .expect("valid");
        assert!(data.member.is_none() && !data.signed_in && data.rewards.is_empty());
    }

    #[test]
    fn errors_say_where() {
        let err = |json: &str| decode::<Member>(json).expect_err("invalid").to_string();
        assert_eq!(
            err(r#"{"first_name":"A","balance":-5,"lifetime_points":0}"#),
            "balance: expected a whole number from 0 to 2^53, found -5"
        );
        assert_eq!(
            err(r#"{"first_name":"A","balance":1e300,"lifetime_points":0}"#),
            "balance: expected a whole number from 0 to 2^53, found a number out of range"
        );
        assert_eq!(
            err(r#"{"balance":1,"lifetime_points":0}"#),
            "first_name: missing"
        );
        assert_eq!(
            err(
                r#"{"first_name":"A","balance":1,"lifetime_points":0,"tier":{"id":"x","name":"X","threshold":"5"}}"#
            ),
            "tier.threshold: expected a whole number from 0 to 2^53, found a string"
        );
        let list = decode::<RedemptionList>(r#"{"items":[{"id":1}]}"#).expect_err("invalid");
        assert_eq!(list.to_string(), "items[0].id: expected a string, found 1");
        assert!(decode::<Member>("[1,")
            .expect_err("bad")
            .to_string()
            .starts_with("invalid JSON"));
    }

    #[test]
    fn unknown_fields_and_kinds_are_fine() {
        let r: Reward = decode(
            r#"{"id":"r","kind":"nft","name":"N","cost":5,"available":true,"sparkle":{"x":[1]}}"#,
        )
        .expect("lenient");
        assert_eq!(r.kind, RewardKind::Unknown);
        let t: Tier = decode(r#"{"id":"g","name":"G","threshold":1}"#).expect("defaults");
        assert_eq!(t.earn_multiplier, 1.0);
        let p: Problem = decode(r#"{"title":"Nope"}"#).expect("minimal");
        assert_eq!(p.kind, "about:blank");
    }
}
