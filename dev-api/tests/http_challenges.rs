//! Challenges over real HTTP: progress from what the member does, rewarded once, deadlines.

mod common;

use common::{start, token, Server};
use laurel_core::wire::{ActionResult, Challenge, WidgetData};

fn challenges(s: &Server, customer: Option<&str>) -> Vec<Challenge> {
    let t = customer.map(token);
    let reply: WidgetData = s.get("/v1/widget", t.as_deref()).json();
    reply.challenges
}

fn progress(c: &Challenge) -> Vec<(u64, u64)> {
    c.steps.iter().map(|s| (s.progress, s.goal)).collect()
}

fn find<'a>(all: &'a [Challenge], id: &str) -> &'a Challenge {
    all.iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("{id} is listed"))
}

#[test]
fn members_see_their_progress_and_guests_see_none() {
    let s = start();
    assert!(challenges(&s, None).is_empty());
    assert!(challenges(&s, Some("cus_sam")).is_empty(), "not a member");
    let maya = challenges(&s, Some("cus_maya"));
    // Maya told us her birthday; she has redeemed nothing this month.
    assert_eq!(
        progress(find(&maya, "ch_started")),
        [(1, 1), (0, 1), (0, 1)]
    );
    assert_eq!(progress(find(&maya, "ch_treat")), [(0, 2)]);
    assert!(maya.iter().all(|c| c.completed_at.is_none()));
    assert!(find(&maya, "ch_treat").ends_at.is_some());
}

#[test]
fn finishing_every_step_rewards_once_even_when_a_step_is_done_again() {
    let s = start();
    let lina = token("cus_lina");
    let act = |body: &str| -> ActionResult { s.post("/v1/actions", &lina, None, body).json() };
    let before = s.balance("cus_lina");
    act(r#"{"kind":"set_birthday","birthday":"04-12"}"#);
    act(r#"{"kind":"newsletter_subscribe"}"#);
    assert!(find(&challenges(&s, Some("cus_lina")), "ch_started")
        .completed_at
        .is_none());
    // The last step: the follow (with its running boost) and the challenge's 150 points.
    let last = act(r#"{"kind":"social_follow"}"#);
    assert_eq!(last.points_awarded, 50);
    let earned = 100 + 50 + 50;
    assert_eq!(s.balance("cus_lina"), before + earned + 150);
    assert_eq!(last.member.balance as i64, before + earned + 150);
    let started = find(&challenges(&s, Some("cus_lina")), "ch_started").clone();
    assert!(started.completed_at.is_some());
    assert_eq!(started.badge.as_deref(), Some("Insider"));
    // Done again: nothing more.
    act(r#"{"kind":"social_follow"}"#);
    act(r#"{"kind":"newsletter_subscribe"}"#);
    assert_eq!(s.balance("cus_lina"), before + earned + 150);
    let credits: i64 = s.sql(|c| {
        c.query_row(
            "SELECT COUNT(*) FROM activity WHERE customer_id = 'cus_lina'
             AND description = 'Challenge completed: Get started'",
            [],
            |r| r.get(0),
        )
    });
    assert_eq!(credits, 1);
}

#[test]
fn redemptions_count_inside_the_window_only() {
    let s = start();
    s.sql(|c| {
        c.execute(
            "UPDATE customers SET balance = 5000 WHERE id IN ('cus_maya', 'cus_omar')",
            [],
        )
    });
    let redeem = |customer: &str, key: &str| {
        let reply = s.post(
            "/v1/redemptions",
            &token(customer),
            Some(key),
            r#"{"reward_id":"rw_5off"}"#,
        );
        assert_eq!(reply.status, 201, "{}", reply.body);
    };
    redeem("cus_maya", "treat-1");
    let before = s.balance("cus_maya");
    redeem("cus_maya", "treat-2");
    let cost: i64 = s.sql(|c| {
        c.query_row("SELECT cost FROM rewards WHERE id = 'rw_5off'", [], |r| {
            r.get(0)
        })
    });
    assert_eq!(
        s.balance("cus_maya"),
        before - cost + 100,
        "two redeemed: +100 once"
    );
    redeem("cus_maya", "treat-3");
    assert_eq!(s.balance("cus_maya"), before - 2 * cost + 100);
    let treat = find(&challenges(&s, Some("cus_maya")), "ch_treat").clone();
    assert_eq!(
        (treat.steps[0].progress, treat.completed_at.is_some()),
        (3, true)
    );

    // After the deadline nothing counts: Omar's redemptions finish nothing.
    s.sql(|c| {
        c.execute(
            "UPDATE challenges SET starts_at = ?1 - 100, ends_at = ?1 - 1 WHERE id = 'ch_treat'",
            [laurel_dev_api::now()],
        )
    });
    redeem("cus_omar", "late-1");
    redeem("cus_omar", "late-2");
    let late = find(&challenges(&s, Some("cus_omar")), "ch_treat").clone();
    assert_eq!((late.steps[0].progress, late.completed_at), (0, None));
}
