//! Reads of the program, its catalog and a customer's member view.

use laurel_core::tier::place;
use laurel_core::time;
use laurel_core::wire::{
    EarnKind, EarnRule, ExpiringPoints, Member, Money, NextTier, PointValue, PointsName, Program,
    Reward, RewardKind, Tier, TierRef,
};
use rusqlite::{params, Connection, OptionalExtension};
use serde::de::DeserializeOwned;
use serde::Serialize;

#[derive(Debug, Clone)]
pub struct Customer {
    pub id: String,
    pub first_name: String,
    pub enrolled: bool,
    pub balance: u64,
    pub lifetime_points: u64,
    pub birthday_set: bool,
    pub marketing_opt_in: bool,
    pub referral_code: String,
    pub expiring_points: u64,
    pub expiring_at: Option<i64>,
}

/// Kinds are stored as their wire names: `to_wire` writes one, `from_wire` reads it back.
pub fn to_wire(kind: &impl Serialize) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

pub fn from_wire<T: DeserializeOwned>(s: &str) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

pub fn program(conn: &Connection) -> rusqlite::Result<Program> {
    conn.query_row(
        "SELECT name, points_one, points_other, signup_bonus, signup_url, login_url, terms_url,
                point_value_points, point_value_amount, currency, points_expire_after_days
         FROM program WHERE id = 1",
        [],
        |r| {
            let value = match (r.get(7)?, r.get(8)?, r.get::<_, Option<String>>(9)?) {
                (Some(points), Some(amount), Some(currency)) => Some(PointValue {
                    points,
                    value: Money { amount, currency },
                }),
                _ => None,
            };
            Ok(Program {
                name: r.get(0)?,
                points_name: PointsName {
                    one: r.get(1)?,
                    other: r.get(2)?,
                },
                signup_bonus: r.get(3)?,
                signup_url: r.get(4)?,
                login_url: r.get(5)?,
                terms_url: r.get(6)?,
                point_value: value,
                points_expire_after_days: r.get(10)?,
            })
        },
    )
}

pub fn tiers(conn: &Connection) -> rusqlite::Result<Vec<Tier>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, threshold, earn_multiplier_pct, benefits FROM tiers ORDER BY threshold, id",
    )?;
    let rows = stmt.query_map([], |r| {
        let benefits: String = r.get(4)?;
        Ok(Tier {
            id: r.get(0)?,
            name: r.get(1)?,
            threshold: r.get(2)?,
            earn_multiplier: f64::from(r.get::<_, u32>(3)?) / 100.0,
            benefits: serde_json::from_str(&benefits).unwrap_or_default(),
        })
    })?;
    rows.collect()
}

/// Earn rules, with `completed` for `customer` (always false for a guest).
pub fn earn_rules(conn: &Connection, customer: Option<&str>) -> rusqlite::Result<Vec<EarnRule>> {
    let mut stmt = conn.prepare(
        "SELECT r.id, r.kind, r.name, r.description, r.points, r.repeatable, r.action_url,
                c.rule_id IS NOT NULL
         FROM earn_rules r
         LEFT JOIN completions c ON c.rule_id = r.id AND c.customer_id = ?1
         ORDER BY r.position",
    )?;
    let rows = stmt.query_map(params![customer], |r| {
        let repeatable: bool = r.get(5)?;
        Ok(EarnRule {
            id: r.get(0)?,
            kind: from_wire(&r.get::<_, String>(1)?)?,
            name: r.get(2)?,
            description: r.get(3)?,
            points: r.get(4)?,
            repeatable,
            action_url: r.get(6)?,
            completed: !repeatable && r.get::<_, bool>(7)?,
        })
    })?;
    rows.collect()
}

pub fn rule_by_kind(conn: &Connection, kind: EarnKind) -> rusqlite::Result<Option<(String, u64)>> {
    conn.query_row(
        "SELECT id, points FROM earn_rules WHERE kind = ?1 ORDER BY position LIMIT 1",
        params![to_wire(&kind)],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
}

/// The points an order of `cents` earns under the purchase rule, at `percent` of its rate (a
/// tier's multiplier; 100 for the base rate).
pub fn order_points(conn: &Connection, cents: u64, percent: u32) -> rusqlite::Result<u64> {
    let rate = rule_by_kind(conn, EarnKind::Purchase)?.map_or(0, |(_, p)| p);
    Ok(laurel_core::earn::purchase_points(cents, rate, percent))
}

const REWARD_COLUMNS: &str = "SELECT id, kind, name, description, cost, min_tier, available,
    image_url, remaining, starts_at, ends_at, min_order, (SELECT currency FROM program WHERE id = 1),
    variant_id FROM rewards";

/// The catalog at `now`: rewards that have ended are no longer listed.
pub fn rewards(conn: &Connection, now: i64) -> rusqlite::Result<Vec<Reward>> {
    let mut stmt = conn.prepare(&format!(
        "{REWARD_COLUMNS} WHERE ends_at IS NULL OR ends_at > ?1 ORDER BY position"
    ))?;
    let rows = stmt.query_map(params![now], reward_row)?;
    rows.collect()
}

pub fn reward(conn: &Connection, id: &str) -> rusqlite::Result<Option<Reward>> {
    conn.query_row(
        &format!("{REWARD_COLUMNS} WHERE id = ?1"),
        params![id],
        reward_row,
    )
    .optional()
}

fn reward_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Reward> {
    Ok(Reward {
        id: r.get(0)?,
        kind: from_wire::<RewardKind>(&r.get::<_, String>(1)?)?,
        name: r.get(2)?,
        description: r.get(3)?,
        cost: r.get(4)?,
        min_tier: r.get(5)?,
        available: r.get(6)?,
        image_url: r.get(7)?,
        remaining: r.get(8)?,
        starts_at: r.get::<_, Option<i64>>(9)?.map(time::rfc3339),
        ends_at: r.get::<_, Option<i64>>(10)?.map(time::rfc3339),
        min_order: match (r.get(11)?, r.get(12)?) {
            (Some(amount), Some(currency)) => Some(Money { amount, currency }),
            _ => None,
        },
        variant_id: r.get(13)?,
    })
}

pub fn customer(conn: &Connection, id: &str) -> rusqlite::Result<Option<Customer>> {
    conn.query_row(
        "SELECT id, first_name, enrolled_at IS NOT NULL, balance, lifetime_points,
                birthday IS NOT NULL, marketing_opt_in, referral_code, expiring_points, expiring_at
         FROM customers WHERE id = ?1",
        params![id],
        |r| {
            Ok(Customer {
                id: r.get(0)?,
                first_name: r.get(1)?,
                enrolled: r.get(2)?,
                balance: r.get(3)?,
                lifetime_points: r.get(4)?,
                birthday_set: r.get(5)?,
                marketing_opt_in: r.get(6)?,
                referral_code: r.get(7)?,
                expiring_points: r.get(8)?,
                expiring_at: r.get(9)?,
            })
        },
    )
    .optional()
}

/// The member view of an enrolled customer. Tiers follow lifetime points.
pub fn member(tiers: &[Tier], c: &Customer, shop_url: &str) -> Member {
    let placement = place(tiers, c.lifetime_points);
    let expiring = (c.expiring_points > 0)
        .then_some(c.expiring_at)
        .flatten()
        .map(|at| ExpiringPoints {
            points: c.expiring_points.min(c.balance),
            expires_on: time::date(at),
        })
        .filter(|e| e.points > 0);
    Member {
        first_name: c.first_name.clone(),
        balance: c.balance,
        lifetime_points: c.lifetime_points,
        tier: placement.current.map(|t| TierRef {
            id: t.id.clone(),
            name: t.name.clone(),
            threshold: t.threshold,
        }),
        next_tier: placement.next.map(|t| NextTier {
            id: t.id.clone(),
            name: t.name.clone(),
            threshold: t.threshold,
            points_remaining: placement.points_remaining,
        }),
        expiring_points: expiring,
        referral_url: format!("{}/r/{}", shop_url.trim_end_matches('/'), c.referral_code),
        birthday_set: c.birthday_set,
        marketing_opt_in: c.marketing_opt_in,
    }
}

/// Loads the member view, or `None` when the customer is unknown or not enrolled.
pub fn load_member(
    conn: &Connection,
    id: &str,
    shop_url: &str,
) -> rusqlite::Result<Option<Member>> {
    let Some(c) = customer(conn, id)?.filter(|c| c.enrolled) else {
        return Ok(None);
    };
    Ok(Some(member(&tiers(conn)?, &c, shop_url)))
}
