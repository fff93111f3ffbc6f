//! A realistic demo program: four tiers and customers in every state the widget shows.

use rusqlite::{params, Connection};

/// Customers the demo storefront can sign in as. `None` is a guest.
pub const PERSONAS: &[(&str, Option<&str>)] = &[
    ("guest", None),
    ("member", Some("cus_maya")),
    ("top", Some("cus_arjun")),
];

pub fn persona_customer(persona: &str) -> Option<Option<&'static str>> {
    PERSONAS
        .iter()
        .find(|(name, _)| *name == persona)
        .map(|(_, id)| *id)
}

/// Seeds an empty database; does nothing when a program already exists.
pub fn seed(conn: &mut Connection) -> rusqlite::Result<()> {
    let existing: i64 = conn.query_row("SELECT COUNT(*) FROM program", [], |r| r.get(0))?;
    if existing > 0 {
        return Ok(());
    }
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT INTO program (id, name, points_one, points_other, signup_bonus, signup_url)
         VALUES (1, 'Laurel Rewards', 'point', 'points', 200, '/register.html')",
        [],
    )?;
    for (id, name, threshold) in [
        ("bronze", "Bronze", 0),
        ("silver", "Silver", 500),
        ("gold", "Gold", 1500),
        ("platinum", "Platinum", 4000),
    ] {
        tx.execute(
            "INSERT INTO tiers (id, name, threshold) VALUES (?1, ?2, ?3)",
            params![id, name, threshold],
        )?;
    }
    let enrolled = 1_700_000_000_i64;
    for (id, first_name, enrolled_at, balance, lifetime) in [
        ("cus_maya", "Maya", Some(enrolled), 640, 1250),
        ("cus_arjun", "Arjun", Some(enrolled), 5400, 6200),
        ("cus_lina", "Lina", Some(enrolled), 200, 200),
        ("cus_sam", "Sam", None, 0, 0),
    ] {
        tx.execute(
            "INSERT INTO customers (id, first_name, enrolled_at, balance, lifetime_points)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, first_name, enrolled_at, balance, lifetime],
        )?;
    }
    tx.commit()
}
