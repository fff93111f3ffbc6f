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
use crate::text::{self, concat};
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
            (false, true) => concat(&[segment, &self.path]),
            (false, false) => concat(&[segment, ".", &self.path]),
        };
        self
    }
}

impl DecodeError {
    /// `member.balance: expected ...`, or the problem alone for the whole body. Built by
    /// concatenation, as `crate::text` says why.
    pub fn message(&self) -> String {
        if self.path.is_empty() {
            self.problem.clone()
        } else {
            concat(&[&self.path, ": ", &self.problem])
        }
    }
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

fn expected(what: &str, found: &Json) -> DecodeError {
    // Integers as written; no float formatting, which would cost the wasm its code.
    let found = match found {
        Json::Num(n) if n.fract() == 0.0 && n.abs() <= MAX_COUNT => text::signed(*n as i64),
        Json::Num(n) if n.fract() != 0.0 && n.abs() <= MAX_COUNT => "a fraction".to_owned(),
        Json::Num(_) => "a number out of range".to_owned(),
        other => other.kind().to_owned(),
    };
    DecodeError::new(concat(&["expected ", what, ", found ", &found]))
}

pub trait FromJson: Sized {
    fn from_json(v: &Json) -> Result<Self, DecodeError>;
}

/// Parses and decodes a response body.
pub fn decode<T: FromJson>(text: &str) -> Result<T, DecodeError> {
    let v = json::parse(text).map_err(|e| DecodeError::new(e.message()))?;
    T::from_json(&v)
}

/// The fields of an object, read by name. A field that fails reads as a default and records
/// the first error, which [`Obj::done`] returns: one error path per type, not one per field,
/// which with its drops of the fields read so far was most of the decoder's size in the wasm.
struct Obj<'a> {
    v: &'a Json,
    err: Option<DecodeError>,
}

type Read<T> = fn(&Json) -> Result<T, DecodeError>;

impl<'a> Obj<'a> {
    fn new(v: &'a Json) -> Result<Self, DecodeError> {
        match v {
            Json::Obj(_) => Ok(Self { v, err: None }),
            other => Err(expected("an object", other)),
        }
    }

    fn fail(&mut self, key: &str, e: DecodeError) {
        if self.err.is_none() {
            self.err = Some(e.within(key));
        }
    }

    /// The decoded object, or the first field's error.
    fn done<T>(self, value: T) -> Result<T, DecodeError> {
        match self.err {
            Some(e) => Err(e),
            None => Ok(value),
        }
    }

    /// An optional field: missing or null is `None`.
    fn read<T>(&mut self, key: &str, f: Read<T>) -> Option<T> {
        let v = self.v.get(key).filter(|v| **v != Json::Null)?;
        f(v).map_err(|e| self.fail(key, e)).ok()
    }

    /// A required field.
    fn need<T: Default>(&mut self, key: &str, f: Read<T>) -> T {
        if self.v.get(key).is_none_or(|v| *v == Json::Null) {
            self.fail(key, DecodeError::new("missing".into()));
        }
        self.read(key, f).unwrap_or_default()
    }

    fn string(&mut self, key: &str) -> String {
        self.need(key, string)
    }

    fn string_or_empty(&mut self, key: &str) -> String {
        self.read(key, string).unwrap_or_default()
    }

    fn opt_string(&mut self, key: &str) -> Option<String> {
        self.read(key, string)
    }

    fn count(&mut self, key: &str) -> u64 {
        self.need(key, count)
    }

    fn flag(&mut self, key: &str) -> bool {
        self.need(key, flag)
    }

    fn flag_or_false(&mut self, key: &str) -> bool {
        self.read(key, flag).unwrap_or(false)
    }

    fn field<T: FromJson + Default>(&mut self, key: &str) -> T {
        self.need(key, T::from_json)
    }

    fn opt_field<T: FromJson>(&mut self, key: &str) -> Option<T> {
        self.read(key, T::from_json)
    }

    fn list<T: FromJson>(&mut self, key: &str) -> Vec<T> {
        self.need(key, list::<T>)
    }

    fn list_or_empty<T: FromJson>(&mut self, key: &str) -> Vec<T> {
        self.read(key, list::<T>).unwrap_or_default()
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
        f(item).map_err(|e| e.within(&concat(&["[", &text::decimal(i as u64), "]"])))?;
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
        let mut o = Obj::new(v)?;
        let value = Self {
            program: o.field("program"),
            signed_in: o.flag_or_false("signed_in"),
            member: o.opt_field("member"),
            tiers: o.list("tiers"),
            earn_rules: o.list_or_empty("earn_rules"),
            rewards: o.list_or_empty("rewards"),
            for_you: o.list_or_empty("for_you"),
            boosts: o.list_or_empty("boosts"),
            challenges: o.list_or_empty("challenges"),
        };
        o.done(value)
    }
}

impl FromJson for Pick {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            reward_id: o.string("reward_id"),
            reason: o.string("reason"),
        };
        o.done(value)
    }
}

impl FromJson for Program {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            name: o.string("name"),
            points_name: o.field("points_name"),
            signup_bonus: o.count("signup_bonus"),
            signup_url: o.string("signup_url"),
            login_url: o.string_or_empty("login_url"),
            terms_url: o.string_or_empty("terms_url"),
            point_value: o.opt_field("point_value"),
            points_expire_after_days: o.read("points_expire_after_days", count),
        };
        o.done(value)
    }
}

impl FromJson for PointValue {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            points: o.count("points"),
            value: o.field("value"),
        };
        o.done(value)
    }
}

impl FromJson for Money {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            // Any number: one the widget cannot show is hidden where it is formatted.
            amount: o.need("amount", |v| match v {
                Json::Num(n) => Ok(*n),
                other => Err(expected("a number", other)),
            }),
            // Checked where it is formatted: a bad code hides the amount, not the widget.
            currency: o.string("currency"),
        };
        o.done(value)
    }
}

impl FromJson for PointsName {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            one: o.string("one"),
            other: o.string("other"),
        };
        o.done(value)
    }
}

impl FromJson for Member {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            first_name: o.string("first_name"),
            balance: o.count("balance"),
            lifetime_points: o.count("lifetime_points"),
            tier: o.opt_field("tier"),
            next_tier: o.opt_field("next_tier"),
            expiring_points: o.opt_field("expiring_points"),
            referral_url: o.string_or_empty("referral_url"),
            birthday_set: o.flag_or_false("birthday_set"),
            marketing_opt_in: o.flag_or_false("marketing_opt_in"),
        };
        o.done(value)
    }
}

impl FromJson for ExpiringPoints {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            points: o.count("points"),
            expires_on: o.string("expires_on"),
        };
        o.done(value)
    }
}

impl FromJson for TierRef {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            id: o.string("id"),
            name: o.string("name"),
            threshold: o.count("threshold"),
        };
        o.done(value)
    }
}

impl FromJson for NextTier {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            id: o.string("id"),
            name: o.string("name"),
            threshold: o.count("threshold"),
            points_remaining: o.count("points_remaining"),
        };
        o.done(value)
    }
}

/// A multiplier: a finite number from 0 to 1,000.
fn multiplier(v: &Json) -> Result<f64, DecodeError> {
    match v {
        Json::Num(n) if (0.0..=1_000.0).contains(n) => Ok(*n),
        other => Err(expected("a multiplier from 0 to 1000", other)),
    }
}

impl FromJson for Boost {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            id: o.string("id"),
            name: o.string("name"),
            kind: match o.string("kind").as_str() {
                "bonus" => BoostKind::Bonus,
                _ => BoostKind::Multiplier,
            },
            value: o.need("value", |v| match v {
                Json::Num(n) if (0.0..=MAX_COUNT).contains(n) => Ok(*n),
                other => Err(expected("a number from 0 to 2^53", other)),
            }),
            applies_to: match o.string("applies_to").as_str() {
                "purchases" => BoostScope::Purchases,
                "collection" => BoostScope::Collection,
                "earn_rule" => BoostScope::EarnRule,
                _ => BoostScope::Other,
            },
            target: o.opt_string("target"),
            starts_at: o.string("starts_at"),
            ends_at: o.string("ends_at"),
        };
        o.done(value)
    }
}

impl FromJson for Challenge {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            id: o.string("id"),
            name: o.string("name"),
            description: o.string_or_empty("description"),
            steps: o.list("steps"),
            reward_points: o.count("reward_points"),
            badge: o.opt_string("badge"),
            ends_at: o.opt_string("ends_at"),
            completed_at: o.opt_string("completed_at"),
        };
        o.done(value)
    }
}

impl FromJson for ChallengeStep {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            label: o.string("label"),
            progress: o.count("progress"),
            goal: o.count("goal"),
        };
        o.done(value)
    }
}

impl FromJson for AppliedBoost {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            id: o.string("id"),
            name: o.string("name"),
            ends_at: o.string("ends_at"),
            extra: o.count("extra"),
        };
        o.done(value)
    }
}

impl FromJson for Tier {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            id: o.string("id"),
            name: o.string("name"),
            threshold: o.count("threshold"),
            benefits: o.list_or_empty("benefits"),
            earn_multiplier: o.read("earn_multiplier", multiplier).unwrap_or(1.0),
        };
        o.done(value)
    }
}

impl FromJson for EarnRule {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            id: o.string("id"),
            kind: EarnKind::from_wire(&o.string("kind")),
            name: o.string("name"),
            description: o.string_or_empty("description"),
            points: o.count("points"),
            completed: o.flag_or_false("completed"),
            repeatable: o.flag_or_false("repeatable"),
            action_url: o.opt_string("action_url"),
        };
        o.done(value)
    }
}

impl FromJson for Reward {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            id: o.string("id"),
            kind: RewardKind::from_wire(&o.string("kind")),
            name: o.string("name"),
            description: o.string_or_empty("description"),
            cost: o.count("cost"),
            min_tier: o.opt_string("min_tier"),
            available: o.flag("available"),
            image_url: o.opt_string("image_url"),
            remaining: o.read("remaining", count),
            starts_at: o.opt_string("starts_at"),
            ends_at: o.opt_string("ends_at"),
            min_order: o.opt_field("min_order"),
            variant_id: o.opt_string("variant_id"),
        };
        o.done(value)
    }
}

impl FromJson for Redemption {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            id: o.string("id"),
            reward_id: o.string("reward_id"),
            reward_name: o.string("reward_name"),
            fulfilment: o
                .opt_string("fulfilment")
                .map_or(Fulfilment::Code, |f| Fulfilment::from_wire(&f)),
            code: o.opt_string("code"),
            reference: o.opt_string("reference"),
            message: o.opt_string("message"),
            impact_total: o.opt_string("impact_total"),
            points_spent: o.count("points_spent"),
            balance_after: o.count("balance_after"),
            created_at: o.string("created_at"),
            expires_at: o.opt_string("expires_at"),
        };
        o.done(value)
    }
}

impl FromJson for RedemptionList {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            items: o.list("items"),
        };
        o.done(value)
    }
}

impl FromJson for ActivityEntry {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            id: o.string("id"),
            kind: ActivityKind::from_wire(&o.string("kind")),
            points: o.need("points", signed),
            description: o.string("description"),
            created_at: o.string("created_at"),
        };
        o.done(value)
    }
}

impl FromJson for ActivityPage {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            items: o.list("items"),
            next_cursor: o.opt_string("next_cursor"),
        };
        o.done(value)
    }
}

impl FromJson for ActionResult {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            points_awarded: o.count("points_awarded"),
            member: o.field("member"),
        };
        o.done(value)
    }
}

impl FromJson for PointsPreview {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            points: o.count("points"),
            multiplier: o.need("multiplier", multiplier),
            boost: o.opt_field("boost"),
        };
        o.done(value)
    }
}

impl FromJson for Problem {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut o = Obj::new(v)?;
        let value = Self {
            kind: o.opt_string("type").unwrap_or_else(|| "about:blank".into()),
            title: o.string_or_empty("title"),
            status: o.read("status", count).and_then(|s| u16::try_from(s).ok()),
            detail: o.opt_string("detail"),
        };
        o.done(value)
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
