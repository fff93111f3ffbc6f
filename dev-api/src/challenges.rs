//! Challenges: progress counted from what the API already records (rule completions,
//! redemptions, orders), and the reward credited once when every step is done.

use laurel_core::challenge::finished;
use laurel_core::time::rfc3339;
use laurel_core::wire::{Challenge, ChallengeStep};
use rusqlite::{params, Connection, Transaction};

use crate::ledger;

struct Definition {
    id: String,
    name: String,
    description: String,
    reward_points: u64,
    badge: Option<String>,
    starts_at: i64,
    ends_at: Option<i64>,
    completed_at: Option<i64>,
}

fn definitions(conn: &Connection, customer: &str) -> rusqlite::Result<Vec<Definition>> {
    let mut stmt = conn.prepare(
        "SELECT c.id, c.name, c.description, c.reward_points, c.badge, c.starts_at, c.ends_at,
                d.completed_at
         FROM challenges c
         LEFT JOIN challenge_completions d ON d.challenge_id = c.id AND d.customer_id = ?1
         ORDER BY c.position",
    )?;
    let rows = stmt.query_map(params![customer], |r| {
        Ok(Definition {
            id: r.get(0)?,
            name: r.get(1)?,
            description: r.get(2)?,
            reward_points: r.get(3)?,
            badge: r.get(4)?,
            starts_at: r.get(5)?,
            ends_at: r.get(6)?,
            completed_at: r.get(7)?,
        })
    })?;
    rows.collect()
}

/// Each step of `d` with what `customer` did inside the challenge's window.
fn steps(
    conn: &Connection,
    customer: &str,
    d: &Definition,
) -> rusqlite::Result<Vec<ChallengeStep>> {
    let mut stmt = conn.prepare(
        "SELECT s.label, s.goal,
                CASE s.metric
                  WHEN 'rule' THEN (SELECT COUNT(*) FROM completions k
                                    WHERE k.customer_id = ?1 AND k.rule_id = s.rule_id
                                      AND k.completed_at >= ?3 AND k.completed_at < ?4)
                  WHEN 'redemptions' THEN (SELECT COUNT(*) FROM redemptions k
                                           WHERE k.customer_id = ?1
                                             AND k.created_at >= ?3 AND k.created_at < ?4)
                  ELSE (SELECT COUNT(*) FROM activity k
                        WHERE k.customer_id = ?1 AND k.kind = 'earn'
                          AND k.description LIKE 'Order %'
                          AND k.created_at >= ?3 AND k.created_at < ?4)
                END
         FROM challenge_steps s WHERE s.challenge_id = ?2 ORDER BY s.position",
    )?;
    let until = d.ends_at.unwrap_or(i64::MAX);
    let rows = stmt.query_map(params![customer, d.id, d.starts_at, until], |r| {
        Ok(ChallengeStep {
            label: r.get(0)?,
            goal: r.get(1)?,
            progress: r.get(2)?,
        })
    })?;
    rows.collect()
}

/// The member's challenges with their progress: open, finished and missed alike.
pub fn for_member(conn: &Connection, customer: &str) -> rusqlite::Result<Vec<Challenge>> {
    definitions(conn, customer)?
        .into_iter()
        .map(|d| {
            Ok(Challenge {
                steps: steps(conn, customer, &d)?,
                id: d.id,
                name: d.name,
                description: d.description,
                reward_points: d.reward_points,
                badge: d.badge,
                ends_at: d.ends_at.map(rfc3339),
                completed_at: d.completed_at.map(rfc3339),
            })
        })
        .collect()
}

/// Credits every open challenge `customer` has now finished, once each; run after anything
/// that can move a step. The ids of the challenges finished now.
pub fn settle(tx: &Transaction<'_>, customer: &str, now: i64) -> rusqlite::Result<Vec<String>> {
    let mut done = Vec::new();
    for d in definitions(tx, customer)? {
        let open = d.starts_at <= now && d.ends_at.is_none_or(|end| now < end);
        if d.completed_at.is_some() || !open || !finished(&steps(tx, customer, &d)?) {
            continue;
        }
        let inserted = tx.execute(
            "INSERT OR IGNORE INTO challenge_completions (customer_id, challenge_id, completed_at)
             VALUES (?1, ?2, ?3)",
            params![customer, d.id, now],
        )?;
        if inserted == 1 {
            if d.reward_points > 0 {
                let why = format!("Challenge completed: {}", d.name);
                ledger::credit(tx, customer, d.reward_points, &why, now)?;
            }
            done.push(d.id);
        }
    }
    Ok(done)
}
