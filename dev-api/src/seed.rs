//! A realistic demo program: four tiers, every earn-rule kind, rewards of all six kinds, and
//! customers in every state the widget shows.

use laurel_core::time::{self, rfc3339};
use laurel_core::wire::{ActivityKind, Boost, BoostKind, BoostScope};
use rusqlite::{params, Connection};

use crate::ledger::record;

/// Customers the demo storefront can sign in as. `None` is a guest.
pub const PERSONAS: &[(&str, Option<&str>)] = &[
    ("guest", None),
    ("nonmember", Some("cus_sam")),
    ("new", Some("cus_lina")),
    ("member", Some("cus_maya")),
    ("expiring", Some("cus_eve")),
    ("top", Some("cus_arjun")),
    // For the embedding tests: points to spare for many redemptions, a member whose birthday
    // bonus reaches Silver, and a second shopper who has not joined.
    ("vip", Some("cus_noor")),
    ("almost", Some("cus_omar")),
    ("visitor", Some("cus_ana")),
    // For the failure tests: a shopper whose attempts to join never get through.
    ("outage", Some("cus_kai")),
    // For the fulfilment tests: a Platinum member who redeems one of each kind.
    ("patron", Some("cus_pia")),
    // For the order-claim tests: two shoppers who bought before joining.
    ("buyer", Some("cus_bea")),
    ("buyer2", Some("cus_ben")),
    // For the challenge tests: a member who finishes "Get started" in the widget.
    ("player", Some("cus_cleo")),
];

pub fn persona_customer(persona: &str) -> Option<Option<&'static str>> {
    PERSONAS
        .iter()
        .find(|(name, _)| *name == persona)
        .map(|(_, id)| *id)
}

const TIERS: &[(&str, &str, u64, u32, &str)] = &[
    (
        "bronze",
        "Bronze",
        0,
        100,
        r#"["1 point per €1 spent","Birthday bonus"]"#,
    ),
    (
        "silver",
        "Silver",
        500,
        110,
        r#"["1.1× points on every order","Free standard shipping over €50"]"#,
    ),
    (
        "gold",
        "Gold",
        1500,
        125,
        r#"["1.25× points on every order","Free standard shipping","Early access to sales"]"#,
    ),
    (
        "platinum",
        "Platinum",
        4000,
        150,
        r#"["1.5× points on every order","Free express shipping","Early access to sales","Personal shopper"]"#,
    ),
];

/// (id, kind, name, description, points, repeatable, action_url)
type EarnRuleRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    u64,
    bool,
    Option<&'static str>,
);
const EARN_RULES: &[EarnRuleRow] = &[
    (
        "er_purchase",
        "purchase",
        "Shop with us",
        "1 point for every €1 you spend, more in higher tiers.",
        1,
        true,
        None,
    ),
    (
        "er_signup",
        "signup",
        "Join the program",
        "A welcome bonus when you join.",
        200,
        false,
        None,
    ),
    (
        "er_review",
        "review",
        "Review a product",
        "Tell other shoppers what you think.",
        50,
        true,
        Some("/reviews.html"),
    ),
    (
        "er_birthday",
        "birthday",
        "Tell us your birthday",
        "Add your birthday and get a treat.",
        100,
        false,
        None,
    ),
    (
        "er_newsletter",
        "newsletter",
        "Subscribe to our newsletter",
        "News, drops and tips, once a week.",
        50,
        false,
        None,
    ),
    (
        "er_referral",
        "referral",
        "Refer a friend",
        "For every friend who places a first order.",
        300,
        true,
        None,
    ),
    (
        "er_social",
        "social_follow",
        "Follow us on Instagram",
        "See new gear first.",
        25,
        false,
        Some("https://www.instagram.com/"),
    ),
    (
        "er_profile",
        "custom",
        "Complete your profile",
        "Add your sizes so we can recommend the right fit.",
        40,
        false,
        Some("/account.html"),
    ),
];

/// (id, kind, name, description, cost, min_tier, available)
type RewardRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    u64,
    Option<&'static str>,
    bool,
);
const REWARDS: &[RewardRow] = &[
    (
        "rw_5off",
        "fixed_discount",
        "€5 off your order",
        "On any order over €25.",
        500,
        None,
        true,
    ),
    (
        "rw_10off",
        "fixed_discount",
        "€10 off your order",
        "On any order over €50.",
        1000,
        None,
        true,
    ),
    (
        "rw_25off",
        "fixed_discount",
        "€25 off your order",
        "On any order over €100.",
        2200,
        Some("gold"),
        true,
    ),
    (
        "rw_10pct",
        "percent_discount",
        "10% off",
        "One order, no minimum.",
        800,
        None,
        true,
    ),
    (
        "rw_20pct",
        "percent_discount",
        "20% off",
        "One order, no minimum.",
        2000,
        Some("silver"),
        true,
    ),
    (
        "rw_ship",
        "free_shipping",
        "Free standard shipping",
        "On your next order.",
        300,
        None,
        true,
    ),
    (
        "rw_express",
        "free_shipping",
        "Free express shipping",
        "Next-day delivery on your next order.",
        600,
        Some("silver"),
        true,
    ),
    (
        "rw_socks",
        "free_product",
        "Merino hiking socks",
        "Added free to your next order.",
        900,
        None,
        true,
    ),
    (
        "rw_bottle",
        "free_product",
        "Insulated steel bottle",
        "Added free to your next order.",
        1500,
        None,
        true,
    ),
    (
        "rw_jacket",
        "free_product",
        "Storm rain jacket",
        "Sold out for now.",
        6000,
        None,
        false,
    ),
    (
        "rw_workshop",
        "experience",
        "Trail-running workshop",
        "A morning with our coaches.",
        3500,
        Some("platinum"),
        true,
    ),
    (
        "rw_early",
        "experience",
        "Early access to the winter sale",
        "Shop the sale a day before everyone.",
        1200,
        Some("gold"),
        true,
    ),
    (
        "rw_trees",
        "donation",
        "Plant 5 trees",
        "With our reforestation partner.",
        250,
        None,
        true,
    ),
    (
        "rw_ocean",
        "donation",
        "€5 to ocean clean-up",
        "Donated in your name.",
        500,
        None,
        true,
    ),
];

/// What some rewards add to the basics: stock, dates, a minimum order, and fulfilment.
struct Terms {
    id: &'static str,
    remaining: Option<u32>,
    /// Days from seeding; negative is in the past.
    starts_in: Option<i64>,
    ends_in: Option<i64>,
    min_order: Option<f64>,
    fulfilment: &'static str,
    message: Option<&'static str>,
    /// A donation's running total: seeded base, share per redemption, and its sentence.
    impact: Option<(u32, u32, &'static str)>,
}

const PLAIN: Terms = Terms {
    id: "",
    remaining: None,
    starts_in: None,
    ends_in: None,
    min_order: None,
    fulfilment: "code",
    message: None,
    impact: None,
};

const TERMS: &[Terms] = &[
    Terms {
        id: "rw_5off",
        min_order: Some(25.0),
        ..PLAIN
    },
    Terms {
        id: "rw_10off",
        min_order: Some(50.0),
        ..PLAIN
    },
    Terms {
        id: "rw_25off",
        min_order: Some(100.0),
        ..PLAIN
    },
    Terms {
        id: "rw_bottle",
        remaining: Some(20),
        ..PLAIN
    },
    Terms {
        id: "rw_socks",
        starts_in: Some(-30),
        ends_in: Some(21),
        ..PLAIN
    },
    Terms {
        id: "rw_express",
        remaining: Some(0),
        ..PLAIN
    },
    Terms {
        id: "rw_workshop",
        remaining: Some(12),
        fulfilment: "voucher",
        message: Some("Book your place on our events page with this reference. Workshops run every Saturday at 9:00."),
        ..PLAIN
    },
    Terms {
        id: "rw_early",
        starts_in: Some(3),
        fulfilment: "voucher",
        message: Some("Enter this reference on the sale page to shop a day early."),
        ..PLAIN
    },
    Terms {
        id: "rw_trees",
        fulfilment: "donation",
        message: Some("5 trees will be planted with our reforestation partner."),
        impact: Some((1200, 5, "{total} trees planted by our members so far.")),
        ..PLAIN
    },
    Terms {
        id: "rw_ocean",
        fulfilment: "donation",
        message: Some("€5 goes to ocean clean-up in your name."),
        impact: Some((860, 5, "€{total} raised for ocean clean-up so far.")),
        ..PLAIN
    },
];

/// What a shopper buys, with the reason a pick from it gives, and who and what belongs to it.
const SEGMENTS: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "trail",
        "Because you bought trail-running shoes",
        &["cus_maya", "cus_arjun"],
        &["rw_socks", "rw_workshop"],
    ),
    (
        "commuter",
        "Because you ride to work in all weather",
        &["cus_eve"],
        &["rw_bottle", "rw_jacket", "rw_express"],
    ),
];

/// (id, first name, enrolled, balance, lifetime, birthday, referral code, expiring points, expiring in days)
type CustomerRow = (
    &'static str,
    &'static str,
    bool,
    u64,
    u64,
    Option<&'static str>,
    &'static str,
    u64,
    i64,
);
const CUSTOMERS: &[CustomerRow] = &[
    ("cus_sam", "Sam", false, 0, 0, None, "SAM-4Q7P", 0, 0),
    ("cus_lina", "Lina", true, 200, 200, None, "LINA-8Z3K", 0, 0),
    (
        "cus_maya",
        "Maya",
        true,
        640,
        1250,
        Some("04-30"),
        "MAYA-7K2Q",
        0,
        0,
    ),
    ("cus_eve", "Eve", true, 820, 900, None, "EVE-3M9D", 120, 10),
    (
        "cus_arjun",
        "Arjun",
        true,
        5400,
        6200,
        Some("11-02"),
        "ARJUN-6T4B",
        0,
        0,
    ),
    (
        "cus_noor",
        "Noor",
        true,
        40_000,
        42_000,
        None,
        "NOOR-2H8L",
        0,
        0,
    ),
    ("cus_omar", "Omar", true, 460, 460, None, "OMAR-5R1N", 0, 0),
    ("cus_ana", "Ana", false, 0, 0, None, "ANA-9W6C", 0, 0),
    ("cus_kai", "Kai", false, 0, 0, None, "KAI-3F5V", 0, 0),
    (
        "cus_pia", "Pia", true, 30_000, 30_000, None, "PIA-4D2X", 0, 0,
    ),
    ("cus_bea", "Bea", false, 0, 0, None, "BEA-8H3K", 0, 0),
    ("cus_ben", "Ben", false, 0, 0, None, "BEN-2J6M", 0, 0),
    ("cus_cleo", "Cleo", true, 300, 300, None, "CLEO-6T4B", 0, 0),
];

/// Boosts relative to the seed's time: (id, name, kind, value, applies to, target, starts in,
/// ends in), in hours. Each ends before the next headline's end, so a shopper who waits sees
/// double points, then the follow bonus, then the running-gear boost announced.
type BoostRow = (
    &'static str,
    &'static str,
    BoostKind,
    f64,
    BoostScope,
    Option<&'static str>,
    i64,
    i64,
);
const BOOSTS: &[BoostRow] = &[
    (
        "bo_double",
        "Double points week",
        BoostKind::Multiplier,
        2.0,
        BoostScope::Purchases,
        None,
        -24,
        53,
    ),
    (
        "bo_follow",
        "Follow bonus",
        BoostKind::Bonus,
        25.0,
        BoostScope::EarnRule,
        Some("er_social"),
        -48,
        60,
    ),
    (
        "bo_running",
        "Triple points on running gear",
        BoostKind::Multiplier,
        3.0,
        BoostScope::Collection,
        Some("running"),
        74,
        122,
    ),
];

/// (id, name, description, reward points, badge, steps as (label, metric, rule, goal)).
type ChallengeRow = (
    &'static str,
    &'static str,
    &'static str,
    u64,
    &'static str,
    &'static [(&'static str, &'static str, Option<&'static str>, u64)],
);
const CHALLENGES: &[ChallengeRow] = &[
    (
        "ch_started",
        "Get started",
        "Three quick ways to get more from the program.",
        150,
        "Insider",
        &[
            ("Tell us your birthday", "rule", Some("er_birthday"), 1),
            (
                "Subscribe to our newsletter",
                "rule",
                Some("er_newsletter"),
                1,
            ),
            ("Follow us on Instagram", "rule", Some("er_social"), 1),
        ],
    ),
    (
        "ch_treat",
        "Treat yourself this month",
        "Swap your points for two rewards before the month is out.",
        100,
        "Treat seeker",
        &[("Redeem 2 rewards", "redemptions", None, 2)],
    ),
];

/// Inserts the challenges: "Get started" counts since the program began; "Treat yourself"
/// runs for the calendar month (UTC) of `now`.
fn challenges(tx: &Connection, now: i64) -> rusqlite::Result<()> {
    let (y, m, _) = time::civil_from_days(now.div_euclid(86_400));
    let month_start = time::days_from_civil(y, m, 1) * 86_400;
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    let month_end = time::days_from_civil(ny, nm, 1) * 86_400;
    for (pos, (id, name, description, points, badge, steps)) in CHALLENGES.iter().enumerate() {
        let (starts, ends) = match *id {
            "ch_treat" => (month_start, Some(month_end)),
            _ => (now - 400 * 86_400, None),
        };
        tx.execute(
            "INSERT INTO challenges (id, name, description, reward_points, badge, starts_at, ends_at, position)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![id, name, description, points, badge, starts, ends, pos],
        )?;
        for (i, (label, metric, rule, goal)) in steps.iter().enumerate() {
            tx.execute(
                "INSERT INTO challenge_steps (challenge_id, position, label, metric, rule_id, goal)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, i, label, metric, rule, goal],
            )?;
        }
    }
    Ok(())
}

/// Seeds an empty database; does nothing when a program already exists.
pub fn seed(conn: &mut Connection, now: i64) -> rusqlite::Result<()> {
    let existing: i64 = conn.query_row("SELECT COUNT(*) FROM program", [], |r| r.get(0))?;
    if existing > 0 {
        return Ok(());
    }
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT INTO program (id, name, points_one, points_other, signup_bonus, signup_url, login_url, terms_url,
                              currency, point_value_points, point_value_amount, points_expire_after_days)
         VALUES (1, 'Laurel Rewards', 'point', 'points', 200, '/register.html', '/login.html', '/terms.html',
                 'EUR', 100, 1.0, 365)",
        [],
    )?;
    for (id, name, threshold, multiplier, benefits) in TIERS {
        tx.execute(
            "INSERT INTO tiers (id, name, threshold, earn_multiplier_pct, benefits) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, name, threshold, multiplier, benefits],
        )?;
    }
    for (pos, (id, kind, name, description, points, repeatable, url)) in
        EARN_RULES.iter().enumerate()
    {
        tx.execute(
            "INSERT INTO earn_rules (id, kind, name, description, points, repeatable, action_url, position)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![id, kind, name, description, points, repeatable, url, pos],
        )?;
    }
    for (pos, (id, kind, name, description, cost, min_tier, available)) in
        REWARDS.iter().enumerate()
    {
        tx.execute(
            "INSERT INTO rewards (id, kind, name, description, cost, min_tier, available, image_url, position)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![id, kind, name, description, cost, min_tier, available, format!("/img/{kind}.svg"), pos],
        )?;
    }
    for (id, name, kind, value, scope, target, starts, ends) in BOOSTS {
        let boost = Boost {
            id: (*id).into(),
            name: (*name).into(),
            kind: *kind,
            value: *value,
            applies_to: *scope,
            target: target.map(Into::into),
            starts_at: rfc3339(now + starts * 3600),
            ends_at: rfc3339(now + ends * 3600),
        };
        crate::boosts::insert(&tx, &boost)?;
    }
    challenges(&tx, now)?;
    // Free shipping's wording is in an A/B test: the widget's events carry the variant.
    tx.execute(
        "UPDATE rewards SET variant_id = 'ship-b' WHERE id = 'rw_ship'",
        [],
    )?;
    for t in TERMS {
        let (base, per, total) = t.impact.unwrap_or_default();
        tx.execute(
            "UPDATE rewards SET remaining = ?2, starts_at = ?3, ends_at = ?4, min_order = ?5,
                    fulfilment = ?6, message = ?7, impact_base = ?8, impact_per = ?9,
                    impact_total = ?10
             WHERE id = ?1",
            params![
                t.id,
                t.remaining,
                t.starts_in.map(|d| now + d * 86_400),
                t.ends_in.map(|d| now + d * 86_400),
                t.min_order,
                t.fulfilment,
                t.message,
                base,
                per,
                t.impact.map(|_| total),
            ],
        )?;
    }
    for (id, first_name, enrolled, balance, lifetime, birthday, code, expiring, days) in CUSTOMERS {
        let enrolled_at = enrolled.then_some(now - 200 * 86_400);
        let expiring_at = (*expiring > 0).then_some(now + days * 86_400);
        tx.execute(
            "INSERT INTO customers (id, first_name, enrolled_at, balance, lifetime_points, birthday,
                                    referral_code, expiring_points, expiring_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![id, first_name, enrolled_at, balance, lifetime, birthday, code, expiring, expiring_at],
        )?;
        if *enrolled {
            history(&tx, id, *balance, *lifetime, now)?;
        }
        if birthday.is_some() {
            tx.execute(
                "INSERT INTO completions (customer_id, rule_id, completed_at) VALUES (?1, 'er_birthday', ?2)",
                params![id, now - 100 * 86_400],
            )?;
        }
        if *enrolled {
            tx.execute(
                "INSERT INTO completions (customer_id, rule_id, completed_at) VALUES (?1, 'er_signup', ?2)",
                params![id, now - 200 * 86_400],
            )?;
        }
    }
    // The personas the redemption tests use have this month's challenge done already, so that
    // their exact balance checks do not depend on how many redemptions ran before.
    for customer in ["cus_noor", "cus_arjun", "cus_pia", "cus_eve"] {
        tx.execute(
            "INSERT INTO challenge_completions (customer_id, challenge_id, completed_at)
             VALUES (?1, 'ch_treat', ?2)",
            params![customer, now],
        )?;
    }
    for (segment, reason, customers, rewards) in SEGMENTS {
        tx.execute(
            "INSERT INTO segments (id, reason) VALUES (?1, ?2)",
            params![segment, reason],
        )?;
        for c in *customers {
            tx.execute(
                "UPDATE customers SET segment = ?2 WHERE id = ?1",
                params![c, segment],
            )?;
        }
        for r in *rewards {
            tx.execute(
                "UPDATE rewards SET segment = ?2 WHERE id = ?1",
                params![r, segment],
            )?;
        }
    }
    tx.commit()
}

/// A plausible history that adds up: lifetime points earned, and the difference spent.
fn history(
    conn: &Connection,
    customer: &str,
    balance: u64,
    lifetime: u64,
    now: i64,
) -> rusqlite::Result<()> {
    let signup = 200.min(lifetime);
    let mut at = now - 200 * 86_400;
    record(
        conn,
        customer,
        ActivityKind::Earn,
        signup as i64,
        "Joined the program",
        at,
    )?;
    let mut earned = signup;
    let mut order = 1000;
    while earned < lifetime {
        let points = (lifetime - earned).min(45 + (order % 7) * 10);
        at += 6 * 86_400;
        order += 1;
        record(
            conn,
            customer,
            ActivityKind::Earn,
            points as i64,
            &format!("Order #{order}"),
            at,
        )?;
        earned += points;
    }
    let spent = lifetime.saturating_sub(balance);
    if spent > 0 {
        record(
            conn,
            customer,
            ActivityKind::Spend,
            -(spent as i64),
            "Redeemed: earlier rewards",
            at + 3600,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_database_keeps_its_data_and_is_seeded_once() {
        let path = std::env::temp_dir().join(format!("laurel-seed-{}.db", std::process::id()));
        let _ = std::fs::remove_file(&path);
        {
            let mut conn = crate::db::open(Some(&path)).expect("open");
            seed(&mut conn, 1_800_000_000).expect("seed");
            conn.execute("UPDATE customers SET balance = 7 WHERE id = 'cus_maya'", [])
                .expect("update");
        }
        let mut conn = crate::db::open(Some(&path)).expect("reopen");
        seed(&mut conn, 1_800_000_000).expect("seed again");
        let (balance, rewards): (i64, i64) = conn
            .query_row(
                "SELECT (SELECT balance FROM customers WHERE id = 'cus_maya'), (SELECT COUNT(*) FROM rewards)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("query");
        assert_eq!((balance, rewards), (7, REWARDS.len() as i64));
        drop(conn);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }

    #[test]
    fn seeded_histories_add_up_to_each_balance() {
        let mut conn = crate::db::open(None).expect("open");
        seed(&mut conn, 1_800_000_000).expect("seed");
        let mut stmt = conn
            .prepare(
                "SELECT c.id, c.balance, COALESCE(SUM(a.points), 0) FROM customers c
                 LEFT JOIN activity a ON a.customer_id = c.id GROUP BY c.id",
            )
            .expect("prepare");
        let rows: Vec<(String, i64, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        for (id, balance, sum) in rows {
            assert_eq!(balance, sum, "{id}");
        }
    }
}
