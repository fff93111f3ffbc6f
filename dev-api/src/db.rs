//! SQLite storage: opening, migrations and the reads the handlers need.

use std::path::Path;
use std::sync::{Arc, Mutex};

use laurel_core::wire::{PointsName, Program, Tier};
use rusqlite::{params, Connection, OptionalExtension};

/// Migrations in order; `PRAGMA user_version` records how many have run.
const MIGRATIONS: &[&str] = &[r#"
CREATE TABLE program (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    points_one TEXT NOT NULL,
    points_other TEXT NOT NULL,
    signup_bonus INTEGER NOT NULL CHECK (signup_bonus >= 0),
    signup_url TEXT NOT NULL
);
CREATE TABLE tiers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    threshold INTEGER NOT NULL CHECK (threshold >= 0)
);
CREATE TABLE customers (
    id TEXT PRIMARY KEY,
    first_name TEXT NOT NULL,
    enrolled_at INTEGER,
    balance INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0),
    lifetime_points INTEGER NOT NULL DEFAULT 0 CHECK (lifetime_points >= 0)
);
"#];

pub type Db = Arc<Mutex<Connection>>;

#[derive(Debug)]
pub struct Customer {
    pub id: String,
    pub first_name: String,
    pub enrolled: bool,
    pub balance: u64,
    pub lifetime_points: u64,
}

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

pub fn program(conn: &Connection) -> rusqlite::Result<Program> {
    conn.query_row(
        "SELECT name, points_one, points_other, signup_bonus, signup_url FROM program WHERE id = 1",
        [],
        |r| {
            Ok(Program {
                name: r.get(0)?,
                points_name: PointsName {
                    one: r.get(1)?,
                    other: r.get(2)?,
                },
                signup_bonus: r.get(3)?,
                signup_url: r.get(4)?,
            })
        },
    )
}

pub fn tiers(conn: &Connection) -> rusqlite::Result<Vec<Tier>> {
    let mut stmt = conn.prepare("SELECT id, name, threshold FROM tiers ORDER BY threshold, id")?;
    let rows = stmt.query_map([], |r| {
        Ok(Tier {
            id: r.get(0)?,
            name: r.get(1)?,
            threshold: r.get(2)?,
        })
    })?;
    rows.collect()
}

pub fn customer(conn: &Connection, id: &str) -> rusqlite::Result<Option<Customer>> {
    conn.query_row(
        "SELECT id, first_name, enrolled_at IS NOT NULL, balance, lifetime_points
         FROM customers WHERE id = ?1",
        params![id],
        |r| {
            Ok(Customer {
                id: r.get(0)?,
                first_name: r.get(1)?,
                enrolled: r.get(2)?,
                balance: r.get(3)?,
                lifetime_points: r.get(4)?,
            })
        },
    )
    .optional()
}
