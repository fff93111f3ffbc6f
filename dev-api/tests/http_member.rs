//! Enrollment, actions, activity and points preview over real HTTP.

mod common;

use common::{start, token};
use laurel_core::wire::{
    problem_type, ActionResult, ActivityKind, ActivityPage, Member, PointsPreview, WidgetData,
};

#[test]
fn a_signed_in_shopper_joins_once_with_terms_and_gets_the_bonus() {
    let s = start();
    let sam = token("cus_sam");
    let refused = s.post(
        "/v1/enrollments",
        &sam,
        None,
        r#"{"accept_terms":false,"marketing_opt_in":true}"#,
    );
    assert_eq!(refused.status, 400);
    assert_eq!(refused.problem_type(), problem_type::VALIDATION);

    let joined = s.post(
        "/v1/enrollments",
        &sam,
        None,
        r#"{"accept_terms":true,"marketing_opt_in":true}"#,
    );
    assert_eq!(joined.status, 201, "{}", joined.body);
    let member: Member = joined.json();
    let widget: WidgetData = s.get("/v1/widget", Some(&sam)).json();
    assert_eq!(member.balance, widget.program.signup_bonus);
    assert!(member.marketing_opt_in);
    assert_eq!(widget.member, Some(member));

    let again = s.post("/v1/enrollments", &sam, None, r#"{"accept_terms":true}"#);
    assert_eq!(again.status, 409);
    assert_eq!(again.problem_type(), problem_type::ALREADY_ENROLLED);

    let guest = s.request(
        "POST",
        "/v1/enrollments",
        &[],
        Some(r#"{"accept_terms":true}"#),
    );
    assert_eq!(guest.status, 401);
}

#[test]
fn birthday_and_newsletter_award_points_once() {
    let s = start();
    let lina = token("cus_lina");
    let before = s.balance("cus_lina");
    let bad = s.post(
        "/v1/actions",
        &lina,
        None,
        r#"{"kind":"set_birthday","birthday":"02-30"}"#,
    );
    assert_eq!(bad.status, 400);
    assert_eq!(bad.problem_type(), problem_type::VALIDATION);

    let first: ActionResult = s
        .post(
            "/v1/actions",
            &lina,
            None,
            r#"{"kind":"set_birthday","birthday":"04-12"}"#,
        )
        .json();
    assert_eq!(first.points_awarded, 100);
    assert!(first.member.birthday_set);
    let second: ActionResult = s
        .post(
            "/v1/actions",
            &lina,
            None,
            r#"{"kind":"set_birthday","birthday":"04-13"}"#,
        )
        .json();
    assert_eq!(second.points_awarded, 0);

    let news: ActionResult = s
        .post(
            "/v1/actions",
            &lina,
            None,
            r#"{"kind":"newsletter_subscribe"}"#,
        )
        .json();
    assert_eq!(news.points_awarded, 50);
    let news: ActionResult = s
        .post(
            "/v1/actions",
            &lina,
            None,
            r#"{"kind":"newsletter_subscribe"}"#,
        )
        .json();
    assert_eq!(news.points_awarded, 0);
    assert_eq!(s.balance("cus_lina"), before + 150);
    assert_eq!(news.member.balance as i64, before + 150);

    let sam = s.post(
        "/v1/actions",
        &token("cus_sam"),
        None,
        r#"{"kind":"newsletter_subscribe"}"#,
    );
    assert_eq!(sam.status, 403);
    assert_eq!(sam.problem_type(), problem_type::NOT_ENROLLED);
}

#[test]
fn activity_pages_newest_first_through_every_entry() {
    let s = start();
    let maya = token("cus_maya");
    let total: i64 = s.sql(|c| {
        c.query_row(
            "SELECT COUNT(*) FROM activity WHERE customer_id = 'cus_maya'",
            [],
            |r| r.get(0),
        )
    });
    assert!(total > 10, "the seed should need several pages");
    let mut seen: Vec<i64> = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/v1/activity?limit=5&cursor={c}"),
            None => "/v1/activity?limit=5".to_owned(),
        };
        let page: ActivityPage = s.get(&path, Some(&maya)).json();
        assert!(page.items.len() <= 5);
        seen.extend(
            page.items
                .iter()
                .map(|e| e.id.parse::<i64>().expect("numeric id")),
        );
        match page.next_cursor {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    assert_eq!(seen.len() as i64, total);
    assert!(
        seen.windows(2).all(|w| w[0] > w[1]),
        "newest first: {seen:?}"
    );

    let page: ActivityPage = s.get("/v1/activity", Some(&maya)).json();
    assert!(page
        .items
        .iter()
        .any(|e| e.kind == ActivityKind::Spend && e.points < 0));
    for bad in [
        "/v1/activity?limit=0",
        "/v1/activity?limit=101",
        "/v1/activity?cursor=abc",
    ] {
        let reply = s.get(bad, Some(&maya));
        assert_eq!(reply.status, 400, "{bad}");
        assert_eq!(reply.problem_type(), problem_type::VALIDATION);
    }
    assert_eq!(s.get("/v1/activity", None).status, 401);
}

#[test]
fn points_preview_applies_the_tier_multiplier() {
    let s = start();
    let preview = |t: Option<&str>| -> PointsPreview {
        s.get("/v1/points-preview?amount=49.90&currency=EUR", t)
            .json()
    };
    // The seed's double points week runs: `extra` is what it adds to the tier's points.
    let base = |p: &PointsPreview| p.points - p.boost.as_ref().map_or(0, |b| b.extra);
    let guest = preview(None);
    assert_eq!((base(&guest), guest.multiplier), (49, 1.0));
    let maya = preview(Some(&token("cus_maya")));
    assert_eq!((base(&maya), maya.multiplier), (54, 1.1));
    let arjun = preview(Some(&token("cus_arjun")));
    assert_eq!((base(&arjun), arjun.multiplier), (74, 1.5));
    for bad in [
        "/v1/points-preview?amount=-1&currency=EUR",
        "/v1/points-preview?amount=1.234&currency=EUR",
        "/v1/points-preview?amount=10&currency=eur",
        "/v1/points-preview?currency=EUR",
    ] {
        let reply = s.get(bad, None);
        assert_eq!(reply.status, 400, "{bad}");
        assert_eq!(reply.problem_type(), problem_type::VALIDATION);
    }
}

#[test]
fn an_orders_points_join_an_enrollment_once_and_only_with_the_shops_claim() {
    let s = start();
    let settings = laurel_dev_api::Settings::default();
    let now = laurel_dev_api::now();
    let claim = laurel_dev_api::site::order_claim(&settings, "EV-1", now);
    let preview: PointsPreview = s
        .get(&format!("/v1/points-preview?order={claim}"), None)
        .json();
    assert_eq!(preview.points, 129);

    let enroll = |who: &str, claim: &str| {
        s.post(
            "/v1/enrollments",
            &token(who),
            None,
            &format!(r#"{{"accept_terms":true,"order_claim":"{claim}"}}"#),
        )
    };
    let joined = enroll("cus_bea", &claim);
    assert_eq!(joined.status, 201, "{}", joined.body);
    let member: Member = joined.json();
    let widget: WidgetData = s.get("/v1/widget", Some(&token("cus_bea"))).json();
    assert_eq!(member.balance, widget.program.signup_bonus + 129);
    let page: ActivityPage = s.get("/v1/activity", Some(&token("cus_bea"))).json();
    assert!(page
        .items
        .iter()
        .any(|e| e.points == 129 && e.description == "Order EV-1"));

    // A second shopper with the same claim joins nothing and gets nothing.
    let again = enroll("cus_ben", &claim);
    assert_eq!(again.status, 409);
    assert_eq!(again.problem_type(), problem_type::ORDER_CLAIMED);
    assert_eq!(s.balance("cus_ben"), 0);
    let ben: WidgetData = s.get("/v1/widget", Some(&token("cus_ben"))).json();
    assert!(ben.member.is_none());

    // A claim the shop did not sign, or one past its time, is refused before anything changes.
    let forged = laurel_dev_api::site::order_claim(
        &laurel_dev_api::Settings {
            secret: b"not the shop's".to_vec(),
            ..laurel_dev_api::Settings::default()
        },
        "EV-2",
        now,
    );
    let expired = laurel_dev_api::site::order_claim(&settings, "EV-3", now - 31 * 24 * 3600);
    for bad in [forged, expired, "x.y.z".to_owned()] {
        let reply = enroll("cus_ben", &bad);
        assert_eq!(reply.status, 422, "{}", reply.body);
        assert_eq!(reply.problem_type(), problem_type::ORDER_CLAIM_INVALID);
        let preview = s.get(&format!("/v1/points-preview?order={bad}"), None);
        assert_eq!(preview.problem_type(), problem_type::ORDER_CLAIM_INVALID);
    }
    assert!(s
        .get("/v1/widget", Some(&token("cus_ben")))
        .json::<WidgetData>()
        .member
        .is_none());
}
