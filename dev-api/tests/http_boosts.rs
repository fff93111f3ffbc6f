//! Limited-time boosts over real HTTP: listed, applied to previews and to earn actions, ended.

mod common;

use common::{start, token};
use laurel_core::boost::{phase, Phase};
use laurel_core::wire::{problem_type, ActionResult, PointsPreview, WidgetData};

#[test]
fn the_widget_lists_running_and_announced_boosts_but_not_ended_ones() {
    let s = start();
    let now = laurel_dev_api::now();
    let widget: WidgetData = s.get("/v1/widget", None).json();
    let phases: Vec<(&str, bool)> = widget
        .boosts
        .iter()
        .map(|b| (b.id.as_str(), matches!(phase(b, now), Phase::Running(_))))
        .collect();
    assert_eq!(
        phases,
        [
            ("bo_follow", true),
            ("bo_double", true),
            ("bo_running", false)
        ]
    );
    // The double points week ends: it is no longer listed, and previews stop including it.
    s.sql(|c| {
        c.execute(
            "UPDATE boosts SET ends_at = ?1 WHERE id = 'bo_double'",
            [now],
        )
    });
    let widget: WidgetData = s.get("/v1/widget", None).json();
    assert!(widget.boosts.iter().all(|b| b.id != "bo_double"));
    let after: PointsPreview = s
        .get("/v1/points-preview?amount=49.90&currency=EUR", None)
        .json();
    assert_eq!((after.points, after.boost), (49, None));
}

#[test]
fn a_preview_includes_the_running_boost_and_what_it_adds() {
    let s = start();
    let preview = |q: &str| -> PointsPreview {
        s.get(
            &format!("/v1/points-preview?amount=49.90&currency=EUR{q}"),
            None,
        )
        .json()
    };
    let plain = preview("");
    let boost = plain.boost.expect("the double points week runs");
    assert_eq!(
        (plain.points, boost.id.as_str(), boost.extra),
        (98, "bo_double", 49)
    );
    // The running-gear boost is announced, not running: the product still gets double points.
    assert_eq!(preview("&collection=running").points, 98);
    s.sql(|c| {
        c.execute(
            "UPDATE boosts SET starts_at = ?1 WHERE id = 'bo_running'",
            [laurel_dev_api::now() - 1],
        )
    });
    let running = preview("&collection=running");
    assert_eq!(running.points, 147, "triple beats double");
    assert_eq!(running.boost.map(|b| b.id), Some("bo_running".to_owned()));
    assert_eq!(preview("&collection=socks").points, 98);
    for bad in ["Running", "-x", "a%20b", "x/y"] {
        let reply = s.get(
            &format!("/v1/points-preview?amount=1&currency=EUR&collection={bad}"),
            None,
        );
        assert_eq!(reply.status, 400, "{bad}");
        assert_eq!(reply.problem_type(), problem_type::VALIDATION);
    }
}

#[test]
fn a_boosted_action_awards_its_bonus_once() {
    let s = start();
    let lina = token("cus_lina");
    let follow = || -> ActionResult {
        s.post("/v1/actions", &lina, None, r#"{"kind":"social_follow"}"#)
            .json()
    };
    let before = s.balance("cus_lina");
    assert_eq!(follow().points_awarded, 25 + 25);
    assert_eq!(follow().points_awarded, 0);
    assert_eq!(s.balance("cus_lina"), before + 50);
}
