//! Redemptions over real HTTP: idempotency, concurrency and every refusal.

mod common;

use std::collections::HashSet;
use std::time::Duration;

use common::{start, start_with, token, Server};
use laurel_core::wire::{problem_type, Redemption, RedemptionList};
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
    assert!(
        r.code.starts_with("LR-") && r.code.len() == 17,
        "{}",
        r.code
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
