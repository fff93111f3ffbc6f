//! Limited-time boosts: the ones to list, and the one that raises a purchase or a rule.

use laurel_core::boost::{applies_to_rule, boosted};
use laurel_core::time::{parse_rfc3339, rfc3339};
use laurel_core::wire::{AppliedBoost, Boost, BoostScope, EarnRule};
use rusqlite::{params, Connection};

use crate::program::{from_wire, to_wire};

/// Boosts that have not ended at `now`: running and announced, first to start first.
pub fn listed(conn: &Connection, now: i64) -> rusqlite::Result<Vec<Boost>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, kind, value, applies_to, target, starts_at, ends_at FROM boosts
         WHERE ends_at > ?1 ORDER BY starts_at, id",
    )?;
    let rows = stmt.query_map(params![now], |r| {
        Ok(Boost {
            id: r.get(0)?,
            name: r.get(1)?,
            kind: from_wire(&r.get::<_, String>(2)?)?,
            value: r.get(3)?,
            applies_to: from_wire(&r.get::<_, String>(4)?)?,
            target: r.get(5)?,
            starts_at: rfc3339(r.get(6)?),
            ends_at: rfc3339(r.get(7)?),
        })
    })?;
    rows.collect()
}

fn running(conn: &Connection, now: i64) -> rusqlite::Result<Vec<Boost>> {
    let starts = |b: &Boost| parse_rfc3339(&b.starts_at).unwrap_or(i64::MAX);
    Ok(listed(conn, now)?
        .into_iter()
        .filter(|b| starts(b) <= now)
        .collect())
}

/// The running boost that raises `base` purchase points most, for every purchase or for
/// `collection`; the raised points and what the boost added.
pub fn for_purchase(
    conn: &Connection,
    now: i64,
    collection: Option<&str>,
    base: u64,
) -> rusqlite::Result<(u64, Option<AppliedBoost>)> {
    let best = running(conn, now)?
        .into_iter()
        .filter(|b| match b.applies_to {
            BoostScope::Purchases => true,
            BoostScope::Collection => collection.is_some() && b.target.as_deref() == collection,
            _ => false,
        })
        .max_by_key(|b| boosted(base, b));
    Ok(applied(base, best))
}

/// The running boost that raises `rule` most; the raised points and what the boost added.
pub fn for_rule(
    conn: &Connection,
    now: i64,
    rule: &EarnRule,
) -> rusqlite::Result<(u64, Option<AppliedBoost>)> {
    let best = running(conn, now)?
        .into_iter()
        .filter(|b| applies_to_rule(b, rule))
        .max_by_key(|b| boosted(rule.points, b));
    Ok(applied(rule.points, best))
}

fn applied(base: u64, boost: Option<Boost>) -> (u64, Option<AppliedBoost>) {
    match boost {
        Some(b) if boosted(base, &b) > base => {
            let points = boosted(base, &b);
            (
                points,
                Some(AppliedBoost {
                    id: b.id,
                    name: b.name,
                    ends_at: b.ends_at,
                    extra: points - base,
                }),
            )
        }
        _ => (base, None),
    }
}

/// Stores a boost; its times must be RFC 3339.
pub fn insert(conn: &Connection, b: &Boost) -> rusqlite::Result<()> {
    let time = |s: &str| {
        parse_rfc3339(s).ok_or_else(|| {
            rusqlite::Error::ToSqlConversionFailure(format!("not RFC 3339: {s}").into())
        })
    };
    let (starts_at, ends_at) = (time(&b.starts_at)?, time(&b.ends_at)?);
    conn.execute(
        "INSERT INTO boosts (id, name, kind, value, applies_to, target, starts_at, ends_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            b.id,
            b.name,
            to_wire(&b.kind),
            b.value,
            to_wire(&b.applies_to),
            b.target,
            starts_at,
            ends_at
        ],
    )?;
    Ok(())
}
