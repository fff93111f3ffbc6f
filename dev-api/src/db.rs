//! SQLite storage: opening and migrations. Reads and writes live beside the handlers that use
//! them (`program.rs`, `ledger.rs`, `idempotency.rs`).

use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::Connection;

/// Migrations in order; `PRAGMA user_version` records how many have run.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE program (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    points_one TEXT NOT NULL,
    points_other TEXT NOT NULL,
    signup_bonus INTEGER NOT NULL CHECK (signup_bonus >= 0),
    signup_url TEXT NOT NULL,
    login_url TEXT NOT NULL,
    terms_url TEXT NOT NULL
);
CREATE TABLE tiers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    threshold INTEGER NOT NULL CHECK (threshold >= 0),
    earn_multiplier_pct INTEGER NOT NULL DEFAULT 100 CHECK (earn_multiplier_pct > 0),
    benefits TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE earn_rules (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    points INTEGER NOT NULL CHECK (points >= 0),
    repeatable INTEGER NOT NULL,
    action_url TEXT,
    position INTEGER NOT NULL
);
CREATE TABLE rewards (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    cost INTEGER NOT NULL CHECK (cost > 0),
    min_tier TEXT REFERENCES tiers (id),
    available INTEGER NOT NULL,
    image_url TEXT,
    position INTEGER NOT NULL
);
CREATE TABLE customers (
    id TEXT PRIMARY KEY,
    first_name TEXT NOT NULL,
    enrolled_at INTEGER,
    balance INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0),
    lifetime_points INTEGER NOT NULL DEFAULT 0 CHECK (lifetime_points >= 0),
    birthday TEXT,
    marketing_opt_in INTEGER NOT NULL DEFAULT 0,
    referral_code TEXT NOT NULL UNIQUE,
    expiring_points INTEGER NOT NULL DEFAULT 0 CHECK (expiring_points >= 0),
    expiring_at INTEGER
);
CREATE TABLE completions (
    customer_id TEXT NOT NULL REFERENCES customers (id),
    rule_id TEXT NOT NULL REFERENCES earn_rules (id),
    completed_at INTEGER NOT NULL,
    PRIMARY KEY (customer_id, rule_id)
);
CREATE TABLE redemptions (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    reward_id TEXT NOT NULL REFERENCES rewards (id),
    reward_name TEXT NOT NULL,
    code TEXT NOT NULL UNIQUE,
    points_spent INTEGER NOT NULL CHECK (points_spent > 0),
    balance_after INTEGER NOT NULL CHECK (balance_after >= 0),
    created_at INTEGER NOT NULL,
    expires_at INTEGER
);
CREATE INDEX redemptions_by_customer ON redemptions (customer_id, created_at);
CREATE TABLE activity (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    kind TEXT NOT NULL CHECK (kind IN ('earn', 'spend', 'expire', 'adjust')),
    points INTEGER NOT NULL,
    description TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX activity_by_customer ON activity (customer_id, id);
CREATE TABLE idempotency_keys (
    customer_id TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('in_flight', 'done')),
    status INTEGER,
    body TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (customer_id, key)
);
"#,
    r#"
ALTER TABLE program ADD COLUMN currency TEXT;
ALTER TABLE program ADD COLUMN point_value_points INTEGER CHECK (point_value_points > 0);
ALTER TABLE program ADD COLUMN point_value_amount REAL CHECK (point_value_amount >= 0);
ALTER TABLE rewards ADD COLUMN remaining INTEGER CHECK (remaining >= 0);
ALTER TABLE rewards ADD COLUMN starts_at INTEGER;
ALTER TABLE rewards ADD COLUMN ends_at INTEGER;
ALTER TABLE rewards ADD COLUMN min_order REAL CHECK (min_order >= 0);
ALTER TABLE rewards ADD COLUMN fulfilment TEXT NOT NULL DEFAULT 'code'
    CHECK (fulfilment IN ('code', 'donation', 'voucher'));
ALTER TABLE rewards ADD COLUMN message TEXT;
ALTER TABLE rewards ADD COLUMN impact_per INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rewards ADD COLUMN impact_base INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rewards ADD COLUMN impact_total TEXT;
-- A donation has no code, so the column may be null now (SQLite rebuilds the table for that).
CREATE TABLE redemptions_v2 (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    reward_id TEXT NOT NULL REFERENCES rewards (id),
    reward_name TEXT NOT NULL,
    fulfilment TEXT NOT NULL DEFAULT 'code',
    code TEXT UNIQUE,
    message TEXT,
    points_spent INTEGER NOT NULL CHECK (points_spent > 0),
    balance_after INTEGER NOT NULL CHECK (balance_after >= 0),
    created_at INTEGER NOT NULL,
    expires_at INTEGER
);
INSERT INTO redemptions_v2 (id, customer_id, reward_id, reward_name, code, points_spent,
                            balance_after, created_at, expires_at)
    SELECT id, customer_id, reward_id, reward_name, code, points_spent, balance_after,
           created_at, expires_at FROM redemptions;
DROP TABLE redemptions;
ALTER TABLE redemptions_v2 RENAME TO redemptions;
CREATE INDEX redemptions_by_customer ON redemptions (customer_id, created_at);
"#,
    r#"
CREATE TABLE segments (
    id TEXT PRIMARY KEY,
    reason TEXT NOT NULL
);
ALTER TABLE customers ADD COLUMN segment TEXT REFERENCES segments (id);
ALTER TABLE rewards ADD COLUMN segment TEXT REFERENCES segments (id);
"#,
    r#"
ALTER TABLE program ADD COLUMN points_expire_after_days INTEGER CHECK (points_expire_after_days > 0);
"#,
    r#"
CREATE TABLE order_claims (
    order_id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    points INTEGER NOT NULL CHECK (points >= 0),
    claimed_at INTEGER NOT NULL
);
"#,
    r#"
CREATE TABLE boosts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('multiplier', 'bonus')),
    value REAL NOT NULL CHECK (value >= 0),
    applies_to TEXT NOT NULL CHECK (applies_to IN ('purchases', 'collection', 'earn_rule')),
    target TEXT,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL CHECK (ends_at > starts_at)
);
CREATE TABLE challenges (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    reward_points INTEGER NOT NULL CHECK (reward_points >= 0),
    badge TEXT,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER CHECK (ends_at > starts_at),
    position INTEGER NOT NULL
);
-- A step counts what the API records anyway: completions of a rule, redemptions, orders.
CREATE TABLE challenge_steps (
    challenge_id TEXT NOT NULL REFERENCES challenges (id),
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    metric TEXT NOT NULL CHECK (metric IN ('rule', 'redemptions', 'orders')),
    rule_id TEXT REFERENCES earn_rules (id),
    goal INTEGER NOT NULL CHECK (goal > 0),
    PRIMARY KEY (challenge_id, position),
    CHECK ((metric = 'rule') = (rule_id IS NOT NULL))
);
-- The A/B test variant a reward is shown as, passed on in the widget's events.
ALTER TABLE rewards ADD COLUMN variant_id TEXT;
-- One row per member and challenge: the reward is credited once.
CREATE TABLE challenge_completions (
    customer_id TEXT NOT NULL REFERENCES customers (id),
    challenge_id TEXT NOT NULL REFERENCES challenges (id),
    completed_at INTEGER NOT NULL,
    PRIMARY KEY (customer_id, challenge_id)
);
"#,
];

pub type Db = Arc<Mutex<Connection>>;

/// Opens `path`, or a private in-memory database when `None`, and runs pending migrations.
pub fn open(path: Option<&Path>) -> rusqlite::Result<Connection> {
    let mut conn = match path {
        Some(p) => Connection::open(p)?,
        None => Connection::open_in_memory()?,
    };
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    migrate(&mut conn)?;
    Ok(conn)
}

fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let done: usize = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(done) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_from_before_fulfilment_keeps_its_codes() -> rusqlite::Result<()> {
        let mut conn = Connection::open_in_memory()?;
        conn.execute_batch(MIGRATIONS[0])?;
        conn.pragma_update(None, "user_version", 1)?;
        conn.execute_batch(
            "INSERT INTO customers (id, first_name, referral_code) VALUES ('c', 'C', 'R');
             INSERT INTO rewards (id, kind, name, description, cost, available, position)
                 VALUES ('r', 'fixed_discount', 'R', '', 5, 1, 0);
             INSERT INTO redemptions (id, customer_id, reward_id, reward_name, code, points_spent,
                                      balance_after, created_at)
                 VALUES ('rdm_1', 'c', 'r', 'R', 'LR-OLD', 5, 0, 1);",
        )?;
        migrate(&mut conn)?;
        let (fulfilment, code): (String, String) = conn.query_row(
            "SELECT fulfilment, code FROM redemptions WHERE id = 'rdm_1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        assert_eq!((fulfilment.as_str(), code.as_str()), ("code", "LR-OLD"));
        // A donation may now have no code, and a code is still unique.
        conn.execute(
            "INSERT INTO redemptions (id, customer_id, reward_id, reward_name, fulfilment,
                                      points_spent, balance_after, created_at)
             VALUES ('rdm_2', 'c', 'r', 'R', 'donation', 5, 0, 2)",
            [],
        )?;
        let duplicate = conn.execute(
            "INSERT INTO redemptions (id, customer_id, reward_id, reward_name, code, points_spent,
                                      balance_after, created_at)
             VALUES ('rdm_3', 'c', 'r', 'R', 'LR-OLD', 5, 0, 3)",
            [],
        );
        assert!(duplicate.is_err());
        Ok(())
    }
}
