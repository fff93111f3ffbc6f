//! Writes that move points. Each runs inside the caller's transaction, and every balance change
//! is guarded in SQL as well (`balance >= cost` and a CHECK), so a balance can never go negative.

use laurel_core::catalog::{status, Status};
use laurel_core::time;
use laurel_core::wire::{
    ActivityEntry, ActivityKind, EarnKind, EarnRule, Fulfilment, Redemption, Reward,
};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};

use crate::problem::ApiProblem;
use crate::program::{self, Customer};

/// How long a redemption code stays valid.
pub const CODE_LIFETIME_SECS: i64 = 30 * 86_400;

pub fn record(
    conn: &Connection,
    customer: &str,
    kind: ActivityKind,
    points: i64,
    description: &str,
    at: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO activity (customer_id, kind, points, description, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![customer, program::to_wire(&kind), points, description, at],
    )?;
    Ok(())
}

/// Adds earned points to the balance and the lifetime total.
pub fn credit(
    tx: &Transaction<'_>,
    customer: &str,
    points: u64,
    why: &str,
    at: i64,
) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE customers SET balance = balance + ?2, lifetime_points = lifetime_points + ?2
         WHERE id = ?1",
        params![customer, points],
    )?;
    record(
        tx,
        customer,
        ActivityKind::Earn,
        i64::try_from(points).unwrap_or(i64::MAX),
        why,
        at,
    )
}

/// Completes a once-only rule of `kind` and credits its points, raised by a running boost on it;
/// 0 when already completed.
pub fn complete_rule(
    tx: &Transaction<'_>,
    customer: &str,
    kind: EarnKind,
    at: i64,
) -> rusqlite::Result<u64> {
    let Some((rule_id, points)) = program::rule_by_kind(tx, kind)? else {
        return Ok(0);
    };
    let inserted = tx.execute(
        "INSERT OR IGNORE INTO completions (customer_id, rule_id, completed_at) VALUES (?1, ?2, ?3)",
        params![customer, rule_id, at],
    )?;
    if inserted == 0 || points == 0 {
        return Ok(0);
    }
    let rule = EarnRule {
        id: rule_id,
        kind,
        name: String::new(),
        description: String::new(),
        points,
        completed: false,
        repeatable: false,
        action_url: None,
    };
    let (points, _) = crate::boosts::for_rule(tx, at, &rule)?;
    let rule_id = rule.id;
    let name: String = tx.query_row(
        "SELECT name FROM earn_rules WHERE id = ?1",
        params![rule_id],
        |r| r.get(0),
    )?;
    credit(tx, customer, points, &name, at)?;
    Ok(points)
}

/// Enrolls a signed-in customer and credits the signup bonus.
pub fn enroll(
    tx: &Transaction<'_>,
    customer: &str,
    marketing_opt_in: bool,
    at: i64,
) -> rusqlite::Result<Result<(), ApiProblem>> {
    let changed = tx.execute(
        "UPDATE customers SET enrolled_at = ?2, marketing_opt_in = ?3 WHERE id = ?1 AND enrolled_at IS NULL",
        params![customer, at, marketing_opt_in],
    )?;
    if changed == 0 {
        return Ok(Err(ApiProblem::already_enrolled()));
    }
    let bonus: u64 = tx.query_row("SELECT signup_bonus FROM program WHERE id = 1", [], |r| {
        r.get(0)
    })?;
    let rule = program::rule_by_kind(tx, EarnKind::Signup)?;
    if let Some((rule_id, _)) = rule {
        tx.execute(
            "INSERT OR IGNORE INTO completions (customer_id, rule_id, completed_at) VALUES (?1, ?2, ?3)",
            params![customer, rule_id, at],
        )?;
    }
    if bonus > 0 {
        credit(tx, customer, bonus, "Joined the program", at)?;
    }
    Ok(Ok(()))
}

/// Why this customer cannot redeem `reward` at `now`, if they cannot. The rule is the widget's:
/// `laurel_core::catalog::status`, which orders the reasons as a shopper would want them
/// explained; only "switched off" and "ended", one status there, get their own detail here.
fn refusal(
    tx: &Transaction<'_>,
    c: &Customer,
    reward: &Reward,
    now: i64,
) -> rusqlite::Result<Option<ApiProblem>> {
    if !reward.available {
        return Ok(Some(ApiProblem::reward_unavailable(
            "This reward is not available right now.",
        )));
    }
    let tiers = program::tiers(tx)?;
    let member = program::member(&tiers, c, "");
    Ok(match status(reward, Some(&member), &tiers, now) {
        Status::Affordable | Status::Preview => None,
        Status::Unavailable => Some(ApiProblem::reward_unavailable("This reward has ended.")),
        Status::Upcoming(_) => Some(ApiProblem::reward_unavailable(
            "This reward cannot be redeemed yet.",
        )),
        Status::SoldOut => Some(ApiProblem::reward_unavailable("This reward is sold out.")),
        Status::Locked(tier) => Some(ApiProblem::tier_too_low(&tier)),
        Status::Short(_) => Some(ApiProblem::insufficient_points(c.balance, reward.cost)),
    })
}

/// Spends points on a reward and fulfils it: a unique code, a voucher reference, or a donation.
pub fn redeem(
    tx: &Transaction<'_>,
    customer: &str,
    reward_id: &str,
    seed: &[u8],
    at: i64,
) -> rusqlite::Result<Result<Redemption, ApiProblem>> {
    let Some(c) = program::customer(tx, customer)?.filter(|c| c.enrolled) else {
        return Ok(Err(ApiProblem::not_enrolled()));
    };
    let Some(reward) = program::reward(tx, reward_id)? else {
        return Ok(Err(ApiProblem::reward_unavailable(
            "There is no reward with this id.",
        )));
    };
    if let Some(problem) = refusal(tx, &c, &reward, at)? {
        return Ok(Err(problem));
    }
    // Stock and balance are guarded in SQL as well as read above: two shoppers cannot take the
    // last one, and a balance never goes negative.
    let took_stock = tx.execute(
        "UPDATE rewards SET remaining = remaining - 1 WHERE id = ?1 AND remaining > 0",
        params![reward.id],
    )? > 0;
    if reward.remaining.is_some() && !took_stock {
        return Ok(Err(ApiProblem::reward_unavailable(
            "This reward is sold out.",
        )));
    }
    let spent = tx.execute(
        "UPDATE customers SET balance = balance - ?2 WHERE id = ?1 AND balance >= ?2",
        params![customer, reward.cost],
    )?;
    if spent == 0 {
        // The caller commits refusals too (to remember the key): put the stock back.
        if took_stock {
            tx.execute(
                "UPDATE rewards SET remaining = remaining + 1 WHERE id = ?1",
                params![reward.id],
            )?;
        }
        return Ok(Err(ApiProblem::insufficient_points(c.balance, reward.cost)));
    }
    let balance_after: u64 = tx.query_row(
        "SELECT balance FROM customers WHERE id = ?1",
        params![customer],
        |r| r.get(0),
    )?;
    let id = format!(
        "rdm_{}",
        tx.query_row("SELECT COUNT(*) + 1 FROM redemptions", [], |r| r
            .get::<_, i64>(0))?
    );
    let (fulfilment, message): (String, Option<String>) = tx.query_row(
        "SELECT fulfilment, message FROM rewards WHERE id = ?1",
        params![reward.id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    // A donation has nothing to use later: no code and no expiry.
    let donation = fulfilment == "donation";
    let code = if donation {
        None
    } else {
        Some(unique_code(tx, seed, &id)?)
    };
    let expires_at = (!donation).then_some(at + CODE_LIFETIME_SECS);
    tx.execute(
        "INSERT INTO redemptions (id, customer_id, reward_id, reward_name, fulfilment, code, message,
                                  points_spent, balance_after, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![id, customer, reward.id, reward.name, fulfilment, code, message, reward.cost,
                balance_after, at, expires_at],
    )?;
    let cost = i64::try_from(reward.cost).unwrap_or(i64::MAX);
    record(
        tx,
        customer,
        ActivityKind::Spend,
        -cost,
        &format!("Redeemed: {}", reward.name),
        at,
    )?;
    let mut issued = select(tx, "id = ?1", &id)?;
    issued
        .pop()
        .map(Ok)
        .ok_or(rusqlite::Error::QueryReturnedNoRows)
}

/// A code like `LR-7K2Q-9XMD-4TBN`, checked against every code issued so far.
fn unique_code(conn: &Connection, seed: &[u8], id: &str) -> rusqlite::Result<String> {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut attempt: u32 = 0;
    loop {
        let digest = Sha256::new()
            .chain_update(seed)
            .chain_update(id.as_bytes())
            .chain_update(attempt.to_le_bytes())
            .finalize();
        let chars: String = digest
            .iter()
            .take(12)
            .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
            .collect();
        let code = format!("LR-{}-{}-{}", &chars[..4], &chars[4..8], &chars[8..]);
        let taken: Option<i64> = conn
            .query_row(
                "SELECT 1 FROM redemptions WHERE code = ?1",
                params![code],
                |r| r.get(0),
            )
            .optional()?;
        if taken.is_none() {
            return Ok(code);
        }
        attempt = attempt.wrapping_add(1);
    }
}

pub fn redemptions(conn: &Connection, customer: &str) -> rusqlite::Result<Vec<Redemption>> {
    select(conn, "customer_id = ?1", customer)
}

/// Redemptions matching `filter` on `arg`, newest first, as the contract shows them.
fn select(conn: &Connection, filter: &str, arg: &str) -> rusqlite::Result<Vec<Redemption>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT id, reward_id, reward_name, fulfilment, code, message, points_spent, balance_after,
                created_at, expires_at
         FROM redemptions WHERE {filter} ORDER BY created_at DESC, rowid DESC"
    ))?;
    let rows = stmt.query_map(params![arg], |r| {
        let fulfilment = Fulfilment::from_wire(&r.get::<_, String>(3)?);
        let code: Option<String> = r.get(4)?;
        // A voucher's code is its booking reference.
        let (code, reference) = match fulfilment {
            Fulfilment::Voucher => (None, code),
            _ => (code, None),
        };
        Ok(Redemption {
            id: r.get(0)?,
            reward_id: r.get(1)?,
            reward_name: r.get(2)?,
            fulfilment,
            code,
            reference,
            message: r.get(5)?,
            impact_total: None,
            points_spent: r.get(6)?,
            balance_after: r.get(7)?,
            created_at: time::rfc3339(r.get(8)?),
            expires_at: r.get::<_, Option<i64>>(9)?.map(time::rfc3339),
        })
    })?;
    let mut items = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    for item in items
        .iter_mut()
        .filter(|r| r.fulfilment == Fulfilment::Donation)
    {
        item.impact_total = impact_total(conn, &item.reward_id)?;
    }
    Ok(items)
}

/// A donation reward's running total for the whole program, e.g. "1,205 trees planted by our
/// members so far": a seeded base plus each redemption's share.
fn impact_total(conn: &Connection, reward_id: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT impact_total, impact_base + impact_per *
                (SELECT COUNT(*) FROM redemptions WHERE reward_id = ?1)
         FROM rewards WHERE id = ?1",
        params![reward_id],
        |r| {
            let template: Option<String> = r.get(0)?;
            let total: i64 = r.get(1)?;
            Ok(template.map(|t| t.replace("{total}", &grouped(total))))
        },
    )
    .optional()
    .map(Option::flatten)
}

/// `1205` as `1,205`.
fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

/// A page of activity, newest first, strictly older than `before` (an activity id).
pub fn activity(
    conn: &Connection,
    customer: &str,
    before: Option<i64>,
    limit: u32,
) -> rusqlite::Result<(Vec<ActivityEntry>, Option<String>)> {
    let mut stmt = conn.prepare(
        "SELECT id, kind, points, description, created_at FROM activity
         WHERE customer_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT ?3",
    )?;
    let rows = stmt.query_map(
        params![customer, before.unwrap_or(i64::MAX), limit + 1],
        |r| {
            Ok(ActivityEntry {
                id: r.get::<_, i64>(0)?.to_string(),
                // An unknown stored kind reads as `adjust` (the enum's serde fallback).
                kind: program::from_wire(&r.get::<_, String>(1)?)?,
                points: r.get(2)?,
                description: r.get(3)?,
                created_at: time::rfc3339(r.get(4)?),
            })
        },
    )?;
    let mut items = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let more = items.len() > limit as usize;
    items.truncate(limit as usize);
    let next = more.then(|| items.last().map(|e| e.id.clone())).flatten();
    Ok((items, next))
}
