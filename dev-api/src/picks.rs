//! "For you": a few rewards chosen for one member from signals the program already has, each
//! with the reason the widget shows. Strongest signal first: the shopper's segment (what they
//! buy), the kinds they redeemed before, what members of their tier redeem most, then what is
//! within reach of their balance.

use laurel_core::catalog::{status, Status, MAX_PICKS};
use laurel_core::wire::{Pick, Reward, Tier};
use rusqlite::{params, Connection, OptionalExtension};

use crate::program::Customer;

/// How far short of a reward still counts as within reach: a fifth of its cost.
const REACH_DIVISOR: u64 = 5;

pub fn for_you(
    conn: &Connection,
    c: &Customer,
    tiers: &[Tier],
    rewards: &[Reward],
    now: i64,
) -> rusqlite::Result<Vec<Pick>> {
    let member = crate::program::member(tiers, c, "");
    // Only what the shopper could redeem now or by earning more: never a locked, sold-out or
    // not-yet-started reward.
    let open: Vec<(&Reward, Status)> = rewards
        .iter()
        .map(|r| (r, status(r, Some(&member), tiers, now)))
        .filter(|(_, s)| matches!(s, Status::Affordable | Status::Short(_)))
        .collect();
    let mut picks: Vec<Pick> = Vec::new();
    let mut add = |reward: &Reward, reason: String| {
        if picks.len() < MAX_PICKS && picks.iter().all(|p| p.reward_id != reward.id) {
            picks.push(Pick {
                reward_id: reward.id.clone(),
                reason,
            });
        }
    };

    let segment: Option<(String, String)> = conn
        .query_row(
            "SELECT s.id, s.reason FROM customers c JOIN segments s ON s.id = c.segment
             WHERE c.id = ?1",
            params![c.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((segment, reason)) = segment {
        let mut stmt = conn.prepare("SELECT id FROM rewards WHERE segment = ?1")?;
        let ids: Vec<String> = stmt
            .query_map(params![segment], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for (r, _) in open.iter().filter(|(r, _)| ids.contains(&r.id)) {
            add(r, reason.clone());
        }
    }

    // A kind they redeemed before, in a reward they have not had yet.
    let mut stmt = conn.prepare(
        "SELECT DISTINCT rw.kind, rd.reward_name FROM redemptions rd
         JOIN rewards rw ON rw.id = rd.reward_id WHERE rd.customer_id = ?1
         ORDER BY rd.created_at DESC",
    )?;
    let before: Vec<(String, String)> = stmt
        .query_map(params![c.id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (kind, name) in &before {
        for (r, _) in &open {
            let same_kind = crate::program::to_wire(&r.kind) == *kind;
            if same_kind && r.name != *name {
                add(r, format!("Because you redeemed {name}"));
            }
        }
    }

    // What members of the same tier redeem most.
    if let Some(tier) = &member.tier {
        let next = member
            .next_tier
            .as_ref()
            .map_or(i64::MAX, |t| i64::try_from(t.threshold).unwrap_or(i64::MAX));
        let popular: Option<String> = conn
            .query_row(
                "SELECT rd.reward_id FROM redemptions rd JOIN customers cu ON cu.id = rd.customer_id
                 WHERE cu.lifetime_points >= ?1 AND cu.lifetime_points < ?2
                 GROUP BY rd.reward_id ORDER BY COUNT(*) DESC, MIN(rd.created_at) LIMIT 1",
                params![tier.threshold, next],
                |r| r.get(0),
            )
            .optional()?;
        if let Some((r, _)) = open.iter().find(|(r, _)| Some(&r.id) == popular.as_ref()) {
            add(r, format!("Popular with {} members", tier.name));
        }
    }

    // The best they can redeem now (of equals, the catalog's first), then the closest within
    // reach.
    if let Some((r, _)) = open
        .iter()
        .rev()
        .filter(|(_, s)| *s == Status::Affordable)
        .max_by_key(|(r, _)| r.cost)
    {
        add(r, "You have the points for this now".into());
    }
    let closest = open
        .iter()
        .filter_map(|(r, s)| match s {
            Status::Short(n) if *n <= r.cost / REACH_DIVISOR => Some((*r, *n)),
            _ => None,
        })
        .min_by_key(|(_, n)| *n);
    if let Some((r, n)) = closest {
        add(r, format!("Only {n} points away"));
    }
    Ok(picks)
}
