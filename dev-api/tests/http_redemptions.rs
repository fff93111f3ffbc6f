//! Redemptions over real HTTP: idempotency, concurrency and every refusal.

mod common;

use std::collections::HashSet;
use std::time::Duration;

use common::{start, start_with, token, Server};
use laurel_core::wire::{problem_type, Fulfilment, Redemption, RedemptionList, WidgetData};
use laurel_dev_api::Settings;

const FIVE_OFF: &str = r#"{"reward_id":"rw_5off"}"#;
const FIVE_OFF_COST: i64 = 500;

fn redemptions(s: &Server, customer: &str) -> i64 {
    s.sql(|c| {
        c.query_row(
            "SELECT COUNT(*) FROM redemptions WHERE customer_id = ?1",
            [customer],
            |r| r.get(0),
        )
    })
}

#[test]
fn a_redemption_spends_points_once_and_returns_a_code() {
    let s = start();
    let t = token("cus_maya");
    let before = s.balance("cus_maya");
    let reply = s.post("/v1/redemptions", &t, Some("intent-1"), FIVE_OFF);
    assert_eq!(reply.status, 201, "{}", reply.body);
    let r: Redemption = reply.json();
    assert_eq!(r.points_spent as i64, FIVE_OFF_COST);
    assert_eq!(r.balance_after as i64, before - FIVE_OFF_COST);
    assert_eq!(s.balance("cus_maya"), before - FIVE_OFF_COST);
    let code = r.code.clone().unwrap_or_default();
    assert!(code.starts_with("LR-") && code.len() == 17, "{code}");
    assert_eq!(
        (r.fulfilment, r.reference.as_deref()),
        (Fulfilment::Code, None)
    );
    assert!(r.expires_at.is_some());

    let list: RedemptionList = s.get("/v1/redemptions", Some(&t)).json();
    assert_eq!(list.items, vec![r]);
}

#[test]
fn a_retry_with_the_same_key_replays_and_a_different_payload_is_refused() {
    let s = start();
    let t = token("cus_maya");
    let first = s.post("/v1/redemptions", &t, Some("intent-2"), FIVE_OFF);
    assert_eq!(first.status, 201);
    let again = s.post(
        "/v1/redemptions",
        &t,
        Some("intent-2"),
        r#"{ "reward_id" : "rw_5off" }"#,
    );
    assert_eq!(again.status, 201);
    assert_eq!(again.body, first.body);
    assert_eq!(again.header("idempotent-replayed").as_deref(), Some("true"));
    assert_eq!(redemptions(&s, "cus_maya"), 1);

    let other = s.post(
        "/v1/redemptions",
        &t,
        Some("intent-2"),
        r#"{"reward_id":"rw_ship"}"#,
    );
    assert_eq!(other.status, 422);
    assert_eq!(other.problem_type(), problem_type::IDEMPOTENCY_KEY_REUSED);

    let missing = s.post("/v1/redemptions", &t, None, FIVE_OFF);
    assert_eq!(missing.status, 400);
    assert_eq!(
        missing.problem_type(),
        problem_type::IDEMPOTENCY_KEY_MISSING
    );
    assert_eq!(redemptions(&s, "cus_maya"), 1);
}

#[test]
fn keys_are_scoped_to_the_member() {
    let s = start();
    let maya = s.post(
        "/v1/redemptions",
        &token("cus_maya"),
        Some("shared"),
        FIVE_OFF,
    );
    let arjun = s.post(
        "/v1/redemptions",
        &token("cus_arjun"),
        Some("shared"),
        FIVE_OFF,
    );
    assert_eq!((maya.status, arjun.status), (201, 201));
    assert_ne!(
        maya.json::<Redemption>().code,
        arjun.json::<Redemption>().code
    );
}

#[test]
fn a_hundred_concurrent_retries_of_one_intent_redeem_exactly_once() {
    let s = start_with(Settings {
        rate_limit_per_minute: 100_000,
        issue_delay: Duration::from_millis(50),
        ..Settings::default()
    });
    let t = token("cus_arjun");
    let before = s.balance("cus_arjun");
    let replies: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..100)
            .map(|_| scope.spawn(|| s.post("/v1/redemptions", &t, Some("one-intent"), FIVE_OFF)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    });
    let created: Vec<_> = replies.iter().filter(|r| r.status == 201).collect();
    assert!(!created.is_empty());
    assert!(
        created.iter().all(|r| r.body == created[0].body),
        "replays differ"
    );
    for r in replies.iter().filter(|r| r.status != 201) {
        assert_eq!(r.status, 409, "{}", r.body);
        assert_eq!(r.problem_type(), problem_type::REQUEST_IN_FLIGHT);
    }
    assert_eq!(redemptions(&s, "cus_arjun"), 1);
    assert_eq!(s.balance("cus_arjun"), before - FIVE_OFF_COST);
}

#[test]
fn a_hundred_concurrent_intents_against_a_balance_for_ten_redeem_exactly_ten() {
    let s = start();
    let t = token("cus_maya");
    s.sql(|c| {
        c.execute(
            "UPDATE customers SET balance = ?1 WHERE id = 'cus_maya'",
            [FIVE_OFF_COST * 10 + 7],
        )
    });
    // This month's redeeming challenge done already: only redemptions move the balance.
    s.sql(|c| {
        c.execute(
            "INSERT INTO challenge_completions VALUES ('cus_maya', 'ch_treat', 0)",
            [],
        )
    });
    let replies: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..100)
            .map(|i| {
                let t = &t;
                let s = &s;
                scope.spawn(move || {
                    s.post("/v1/redemptions", t, Some(&format!("intent-{i}")), FIVE_OFF)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    });
    let created: Vec<Redemption> = replies
        .iter()
        .filter(|r| r.status == 201)
        .map(|r| r.json())
        .collect();
    assert_eq!(created.len(), 10);
    for r in replies.iter().filter(|r| r.status != 201) {
        assert_eq!(r.status, 409, "{}", r.body);
        assert_eq!(r.problem_type(), problem_type::INSUFFICIENT_POINTS);
    }
    assert_eq!(s.balance("cus_maya"), 7);
    let codes: HashSet<_> = created.iter().map(|r| r.code.clone()).collect();
    assert_eq!(codes.len(), 10);
    let mut afters: Vec<u64> = created.iter().map(|r| r.balance_after).collect();
    afters.sort_unstable();
    let expected: Vec<u64> = (0..10).map(|i| 7 + i * FIVE_OFF_COST as u64).collect();
    assert_eq!(afters, expected);
}

#[test]
fn each_refusal_has_its_own_problem_type_and_spends_nothing() {
    let s = start();
    let maya = token("cus_maya");
    let before = s.balance("cus_maya");
    let cases = [
        (
            r#"{"reward_id":"rw_25off"}"#,
            403,
            problem_type::TIER_TOO_LOW,
        ),
        (
            r#"{"reward_id":"rw_jacket"}"#,
            409,
            problem_type::REWARD_UNAVAILABLE,
        ),
        (
            r#"{"reward_id":"rw_nope"}"#,
            409,
            problem_type::REWARD_UNAVAILABLE,
        ),
        (
            r#"{"reward_id":"rw_bottle"}"#,
            409,
            problem_type::INSUFFICIENT_POINTS,
        ),
    ];
    for (i, (body, status, kind)) in cases.iter().enumerate() {
        let reply = s.post(
            "/v1/redemptions",
            &maya,
            Some(&format!("refused-{i}")),
            body,
        );
        assert_eq!(reply.status, *status, "{body}: {}", reply.body);
        assert_eq!(reply.problem_type(), *kind);
    }
    assert_eq!(s.balance("cus_maya"), before);

    let reply = s.post("/v1/redemptions", &token("cus_sam"), Some("k"), FIVE_OFF);
    assert_eq!(reply.status, 403);
    assert_eq!(reply.problem_type(), problem_type::NOT_ENROLLED);

    let reply = s.request(
        "POST",
        "/v1/redemptions",
        &[("Idempotency-Key", "k")],
        Some(FIVE_OFF),
    );
    assert_eq!(reply.status, 401);
    assert_eq!(reply.problem_type(), problem_type::UNAUTHENTICATED);
}

#[test]
fn a_donation_gives_thanks_and_the_running_total_not_a_code() {
    let s = start();
    let trees = r#"{"reward_id":"rw_trees"}"#;
    let maya = s.post("/v1/redemptions", &token("cus_maya"), Some("d-1"), trees);
    assert_eq!(maya.status, 201, "{}", maya.body);
    let r: Redemption = maya.json();
    assert_eq!(r.fulfilment, Fulfilment::Donation);
    assert_eq!((r.code, r.reference, r.expires_at), (None, None, None));
    assert_eq!(
        r.message.as_deref(),
        Some("5 trees will be planted with our reforestation partner.")
    );
    assert_eq!(
        r.impact_total.as_deref(),
        Some("1,205 trees planted by our members so far.")
    );
    // The total is the program's: another member's donation moves it for both.
    let eve = s.post("/v1/redemptions", &token("cus_eve"), Some("d-2"), trees);
    assert_eq!(eve.status, 201, "{}", eve.body);
    let list: RedemptionList = s.get("/v1/redemptions", Some(&token("cus_maya"))).json();
    assert_eq!(
        list.items[0].impact_total.as_deref(),
        Some("1,210 trees planted by our members so far.")
    );
}

#[test]
fn a_voucher_gives_a_reference_and_how_to_use_it() {
    let s = start();
    let arjun = token("cus_arjun");
    let body = r#"{"reward_id":"rw_workshop"}"#;
    let reply = s.post("/v1/redemptions", &arjun, Some("v-1"), body);
    assert_eq!(reply.status, 201, "{}", reply.body);
    let r: Redemption = reply.json();
    assert_eq!(
        (r.fulfilment, r.code.as_deref()),
        (Fulfilment::Voucher, None)
    );
    assert!(r.reference.as_deref().is_some_and(|c| c.starts_with("LR-")));
    assert!(r
        .message
        .as_deref()
        .is_some_and(|m| m.contains("events page")));
    let list: RedemptionList = s.get("/v1/redemptions", Some(&arjun)).json();
    assert_eq!(list.items, vec![r]);
}

#[test]
fn stock_runs_out_exactly_and_dates_are_enforced() {
    let s = start();
    let stock = |s: &Server| -> Option<u64> {
        let data: WidgetData = s.get("/v1/widget", None).json();
        data.rewards
            .iter()
            .find(|r| r.id == "rw_workshop")
            .and_then(|r| r.remaining)
    };
    assert_eq!(stock(&s), Some(12));
    s.sql(|c| {
        c.execute(
            "UPDATE rewards SET remaining = 2 WHERE id = 'rw_workshop'",
            [],
        )
    });
    let body = r#"{"reward_id":"rw_workshop"}"#;
    // Noor can afford many; three intents for the last two places get two.
    let noor = token("cus_noor");
    let s = std::sync::Arc::new(s);
    let handles: Vec<_> = (0..3)
        .map(|i| {
            let (s, noor) = (s.clone(), noor.clone());
            std::thread::spawn(move || {
                s.post("/v1/redemptions", &noor, Some(&format!("w-{i}")), body)
            })
        })
        .collect();
    let mut statuses: Vec<u16> = handles
        .into_iter()
        .map(|h| h.join().map_or(0, |r| r.status))
        .collect();
    statuses.sort_unstable();
    assert_eq!(statuses, vec![201, 201, 409]);
    assert_eq!(stock(&s), Some(0));
    let before = s.balance("cus_noor");
    for (i, (reward, detail)) in [
        ("rw_workshop", "sold out"),
        ("rw_express", "sold out"),
        ("rw_early", "cannot be redeemed yet"),
    ]
    .into_iter()
    .enumerate()
    {
        let body = format!(r#"{{"reward_id":"{reward}"}}"#);
        let reply = s.post("/v1/redemptions", &noor, Some(&format!("x-{i}")), &body);
        assert_eq!(reply.status, 409, "{reward}: {}", reply.body);
        assert_eq!(reply.problem_type(), problem_type::REWARD_UNAVAILABLE);
        assert!(reply.body.contains(detail), "{reward}: {}", reply.body);
    }
    assert_eq!(s.balance("cus_noor"), before);
    // An ended reward leaves the catalog and cannot be redeemed.
    s.sql(|c| c.execute("UPDATE rewards SET ends_at = 1 WHERE id = 'rw_socks'", []));
    let data: WidgetData = s.get("/v1/widget", None).json();
    assert!(data.rewards.iter().all(|r| r.id != "rw_socks"));
    let reply = s.post(
        "/v1/redemptions",
        &noor,
        Some("y"),
        r#"{"reward_id":"rw_socks"}"#,
    );
    assert!(reply.body.contains("has ended"), "{}", reply.body);
}

#[test]
fn too_many_requests_get_429_with_retry_after() {
    let s = start_with(Settings {
        rate_limit_per_minute: 2,
        ..Settings::default()
    });
    let t = token("cus_arjun");
    for i in 0..2 {
        assert_eq!(
            s.post("/v1/redemptions", &t, Some(&format!("rl-{i}")), FIVE_OFF)
                .status,
            201
        );
    }
    let reply = s.post("/v1/redemptions", &t, Some("rl-3"), FIVE_OFF);
    assert_eq!(reply.status, 429);
    assert_eq!(reply.problem_type(), problem_type::RATE_LIMITED);
    let retry: u64 = reply
        .header("retry-after")
        .and_then(|v| v.parse().ok())
        .expect("Retry-After");
    assert!((1..=60).contains(&retry));
}
