//! `GET /v1/widget`, authentication and the cross-cutting HTTP behaviour, over real HTTP.

mod common;

use common::{start, token, ORIGIN};
use laurel_core::wire::{problem_type, EarnKind, RewardKind, WidgetData};
use laurel_dev_api::digest;
use laurel_dev_api::jwt::{sign, Claims};
use laurel_dev_api::{now, Settings};

#[test]
fn a_guest_gets_the_program_rules_and_rewards_but_no_member() {
    let s = start();
    let reply = s.get("/v1/widget", None);
    assert_eq!(reply.status, 200);
    let data: WidgetData = reply.json();
    assert!(data.member.is_none());
    assert!(!data.signed_in);
    assert_eq!(data.tiers.len(), 4);
    assert!(data.program.signup_bonus > 0);
    assert!(data.earn_rules.iter().all(|r| !r.completed));
}

#[test]
fn the_seed_covers_every_earn_kind_and_every_reward_kind() {
    let data: WidgetData = start().get("/v1/widget", None).json();
    for kind in EarnKind::ALL {
        assert!(data.earn_rules.iter().any(|r| r.kind == kind), "{kind:?}");
    }
    for kind in RewardKind::ALL {
        assert!(data.rewards.iter().any(|r| r.kind == kind), "{kind:?}");
    }
    assert!(data.rewards.len() >= 12);
    let multipliers: Vec<f64> = data.tiers.iter().map(|t| t.earn_multiplier).collect();
    assert!(
        multipliers.windows(2).all(|w| w[0] <= w[1]),
        "{multipliers:?}"
    );
}

#[test]
fn a_member_gets_balance_tier_next_tier_and_referral_link() {
    let s = start();
    let data: WidgetData = s.get("/v1/widget", Some(&token("cus_maya"))).json();
    let m = data.member.expect("member");
    assert!(data.signed_in);
    assert_eq!(m.first_name, "Maya");
    assert_eq!(m.tier.map(|t| t.id), Some("silver".to_owned()));
    let next = m.next_tier.expect("next tier");
    assert_eq!(next.id, "gold");
    assert_eq!(next.points_remaining, next.threshold - m.lifetime_points);
    assert!(m.referral_url.starts_with("http"), "{}", m.referral_url);
    assert!(m.birthday_set);
    let birthday = data
        .earn_rules
        .iter()
        .find(|r| r.kind == EarnKind::Birthday)
        .expect("rule");
    assert!(birthday.completed);
}

#[test]
fn a_member_with_points_about_to_expire_sees_them() {
    let data: WidgetData = start().get("/v1/widget", Some(&token("cus_eve"))).json();
    let expiring = data
        .member
        .and_then(|m| m.expiring_points)
        .expect("expiring points");
    assert!(expiring.points > 0);
    assert_eq!(expiring.expires_on.len(), 10, "{}", expiring.expires_on);
}

#[test]
fn a_top_tier_member_has_no_next_tier() {
    let data: WidgetData = start().get("/v1/widget", Some(&token("cus_arjun"))).json();
    let m = data.member.expect("member");
    assert_eq!(m.tier.map(|t| t.id), Some("platinum".to_owned()));
    assert!(m.next_tier.is_none());
}

#[test]
fn a_signed_in_non_member_is_signed_in_without_a_member() {
    let data: WidgetData = start().get("/v1/widget", Some(&token("cus_sam"))).json();
    assert!(data.signed_in);
    assert!(data.member.is_none());
}

fn claims(aud: &str, iat: i64, exp: i64, nbf: Option<i64>) -> Claims {
    Claims {
        sub: "cus_maya".into(),
        aud: aud.into(),
        iat,
        exp,
        nbf,
    }
}

#[test]
fn a_digest_token_from_a_shop_template_signs_the_shopper_in_until_it_expires() {
    let s = start();
    let settings = Settings::default();
    let t = now();
    let token = digest::sign(&settings.secret, "cus_maya", &settings.shop_id, t);
    let data: WidgetData = s.get("/v1/widget", Some(&token)).json();
    assert_eq!(data.member.map(|m| m.first_name).as_deref(), Some("Maya"));
    let old = digest::sign(&settings.secret, "cus_maya", &settings.shop_id, t - 3600);
    let reply = s.get("/v1/widget", Some(&old));
    assert_eq!(reply.problem_type(), problem_type::TOKEN_EXPIRED);
    let elsewhere = digest::sign(&settings.secret, "cus_maya", "another-shop", t);
    assert_eq!(s.get("/v1/widget", Some(&elsewhere)).status, 401);
}

#[test]
fn expired_tampered_wrong_audience_and_future_tokens_are_refused() {
    let s = start();
    let settings = Settings::default();
    let t = now();
    let expired = sign(
        &settings.secret,
        &claims(&settings.shop_id, t - 2000, t - 1000, None),
    );
    let reply = s.get("/v1/widget", Some(&expired));
    assert_eq!(reply.status, 401);
    assert_eq!(reply.problem_type(), problem_type::TOKEN_EXPIRED);

    let wrong_aud = sign(&settings.secret, &claims("another-shop", t, t + 600, None));
    let future = sign(
        &settings.secret,
        &claims(&settings.shop_id, t, t + 600, Some(t + 3600)),
    );
    let too_long = sign(
        &settings.secret,
        &claims(&settings.shop_id, t, t + 3600, None),
    );
    let tampered = format!("{}x", token("cus_maya"));
    let unknown = token("cus_nobody");
    for bad in [
        &wrong_aud,
        &future,
        &too_long,
        &tampered,
        &unknown,
        &"garbage".to_owned(),
    ] {
        let reply = s.get("/v1/widget", Some(bad));
        assert_eq!(reply.status, 401, "{bad}");
        assert_eq!(reply.problem_type(), problem_type::UNAUTHENTICATED);
    }
    let reply = s.request("GET", "/v1/widget", &[("Authorization", "Basic abc")], None);
    assert_eq!(reply.status, 401);
}

#[test]
fn unknown_paths_and_methods_are_problem_json() {
    let s = start();
    let reply = s.get("/v1/nope", None);
    assert_eq!(reply.status, 404);
    assert_eq!(reply.problem_type(), problem_type::NOT_FOUND);
    let reply = s.request("DELETE", "/v1/widget", &[], None);
    assert_eq!(reply.status, 405);
    reply.problem_type();
}

#[test]
fn bad_json_wrong_media_type_and_huge_bodies_are_4xx_problems() {
    let s = start();
    let t = token("cus_maya");
    let auth = format!("Bearer {t}");
    for body in [
        "{",
        "[]",
        "{\"accept_terms\": \"yes\"}",
        "{\"accept_terms\": true, \"x\": 1}",
    ] {
        let reply = s.post("/v1/enrollments", &t, None, body);
        assert_eq!(reply.status, 400, "{body}: {}", reply.body);
        assert_eq!(reply.problem_type(), problem_type::VALIDATION);
    }
    let reply = s.request(
        "POST",
        "/v1/enrollments",
        &[("Authorization", &auth), ("Content-Type", "text/plain")],
        Some("{}"),
    );
    assert_eq!(reply.status, 415);
    reply.problem_type();
    let huge = format!("{{\"reward_id\": \"{}\"}}", "x".repeat(64 * 1024));
    let reply = s.post("/v1/redemptions", &t, Some("k-huge"), &huge);
    assert_eq!(reply.status, 413);
    assert_eq!(reply.problem_type(), problem_type::PAYLOAD_TOO_LARGE);
}

#[test]
fn cors_preflight_allows_the_shop_origin_and_the_custom_headers() {
    let s = start();
    let reply = s.request(
        "OPTIONS",
        "/v1/redemptions",
        &[
            ("Origin", ORIGIN),
            ("Access-Control-Request-Method", "POST"),
            (
                "Access-Control-Request-Headers",
                "authorization,idempotency-key,content-type",
            ),
        ],
        None,
    );
    assert!(reply.status < 300, "{}", reply.status);
    assert_eq!(
        reply.header("access-control-allow-origin").as_deref(),
        Some(ORIGIN)
    );
    let allowed = reply
        .header("access-control-allow-headers")
        .unwrap_or_default();
    assert!(
        allowed.contains("authorization") && allowed.contains("idempotency-key"),
        "{allowed}"
    );

    let other = s.request("GET", "/v1/widget", &[("Origin", "http://evil.test")], None);
    assert!(other.header("access-control-allow-origin").is_none());
}

/// Each pick's reward and reason.
fn picked(d: &WidgetData) -> Vec<(&str, &str)> {
    d.for_you
        .iter()
        .map(|p| (p.reward_id.as_str(), p.reason.as_str()))
        .collect()
}

#[test]
fn picks_come_from_the_segment_the_balance_and_past_redemptions() {
    let s = start();
    let widget =
        |customer: &str| -> WidgetData { s.get("/v1/widget", Some(&token(customer))).json() };
    let maya = widget("cus_maya");
    assert_eq!(
        picked(&maya),
        [
            ("rw_socks", "Because you bought trail-running shoes"),
            ("rw_5off", "You have the points for this now"),
            ("rw_10pct", "Only 160 points away"),
        ]
    );
    // Never one the member cannot redeem: Gold's rewards, sold out, not started.
    for pick in &maya.for_you {
        assert!(maya.rewards.iter().any(|r| r.id == pick.reward_id));
    }
    assert!(widget("cus_sam").for_you.is_empty());
    let guest: WidgetData = s.get("/v1/widget", None).json();
    assert!(guest.for_you.is_empty());

    // A donation makes the other donation a pick, and the program's most redeemed for Silver.
    let reply = s.post(
        "/v1/redemptions",
        &token("cus_eve"),
        Some("pick-1"),
        r#"{"reward_id":"rw_trees"}"#,
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(
        picked(&widget("cus_eve")),
        [
            ("rw_bottle", "Because you ride to work in all weather"),
            ("rw_ocean", "Because you redeemed Plant 5 trees"),
            ("rw_trees", "Popular with Silver members"),
        ]
    );
}
