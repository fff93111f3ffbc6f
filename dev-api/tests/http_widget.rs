//! `GET /v1/widget` over real HTTP against a freshly seeded database.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};

use laurel_core::wire::{Problem, WidgetData};
use laurel_dev_api::app::{router, AppState};
use laurel_dev_api::jwt::{sign, Claims};
use laurel_dev_api::site::mint;
use laurel_dev_api::{db, now, seed, Settings};

const ORIGIN: &str = "http://127.0.0.1:9";

struct Reply {
    status: u16,
    headers: String,
    body: String,
}

/// Starts the API on an ephemeral loopback port in a background runtime.
fn start() -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let mut conn = db::open(None).expect("db");
            seed::seed(&mut conn).expect("seed");
            let app = router(
                AppState::new(conn, Settings::default()),
                &[ORIGIN.to_owned()],
            );
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            tx.send(listener.local_addr().expect("addr")).expect("send");
            axum::serve(listener, app).await.expect("serve");
        });
    });
    rx.recv().expect("server address")
}

fn request(addr: SocketAddr, method: &str, path: &str, headers: &[(&str, &str)]) -> Reply {
    let mut stream = TcpStream::connect(addr).expect("connect");
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    stream.write_all(req.as_bytes()).expect("write");
    let mut raw = String::new();
    stream.read_to_string(&mut raw).expect("read");
    let (head, body) = raw.split_once("\r\n\r\n").expect("head and body");
    let status = head[9..12].parse().expect("status");
    // The server answers `Connection: close` requests without chunking only for known lengths,
    // so decode chunked bodies too.
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(body)
    } else {
        body.to_owned()
    };
    Reply {
        status,
        headers: head.to_ascii_lowercase(),
        body,
    }
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).expect("chunk size");
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
    out
}

fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

fn widget(addr: SocketAddr, token: Option<&str>) -> Reply {
    match token {
        Some(t) => request(addr, "GET", "/v1/widget", &[("Authorization", &bearer(t))]),
        None => request(addr, "GET", "/v1/widget", &[]),
    }
}

fn problem(reply: &Reply) -> Problem {
    assert!(
        reply
            .headers
            .contains("content-type: application/problem+json"),
        "{}",
        reply.headers
    );
    serde_json::from_str(&reply.body).expect("problem body")
}

#[test]
fn a_guest_gets_the_program_and_tiers_but_no_member() {
    let addr = start();
    let reply = widget(addr, None);
    assert_eq!(reply.status, 200);
    let data: WidgetData = serde_json::from_str(&reply.body).expect("widget body");
    assert!(data.member.is_none());
    assert_eq!(data.tiers.len(), 4);
    assert!(data.program.signup_bonus > 0);
}

#[test]
fn a_member_gets_balance_tier_and_next_tier() {
    let addr = start();
    let token = mint(&Settings::default(), "cus_maya", now());
    let reply = widget(addr, Some(&token));
    assert_eq!(reply.status, 200, "{}", reply.body);
    let data: WidgetData = serde_json::from_str(&reply.body).expect("widget body");
    let m = data.member.expect("member");
    assert_eq!(m.first_name, "Maya");
    assert_eq!(m.tier.map(|t| t.id), Some("silver".to_owned()));
    let next = m.next_tier.expect("next tier");
    assert_eq!(next.id, "gold");
    assert_eq!(next.points_remaining, next.threshold - m.lifetime_points);
}

#[test]
fn a_top_tier_member_has_no_next_tier() {
    let addr = start();
    let token = mint(&Settings::default(), "cus_arjun", now());
    let data: WidgetData =
        serde_json::from_str(&widget(addr, Some(&token)).body).expect("widget body");
    let m = data.member.expect("member");
    assert_eq!(m.tier.map(|t| t.id), Some("platinum".to_owned()));
    assert!(m.next_tier.is_none());
}

#[test]
fn a_signed_in_non_member_has_no_member() {
    let addr = start();
    let token = mint(&Settings::default(), "cus_sam", now());
    let reply = widget(addr, Some(&token));
    assert_eq!(reply.status, 200);
    let data: WidgetData = serde_json::from_str(&reply.body).expect("widget body");
    assert!(data.member.is_none());
}

#[test]
fn bad_tokens_get_problem_json() {
    let addr = start();
    let settings = Settings::default();
    let t = now();
    let expired = sign(
        &settings.secret,
        &Claims {
            sub: "cus_maya".into(),
            aud: settings.shop_id.clone(),
            iat: t - 2000,
            exp: t - 1000,
            nbf: None,
        },
    );
    let p = problem(&widget(addr, Some(&expired)));
    assert_eq!(p.kind, laurel_core::wire::problem_type::TOKEN_EXPIRED);
    assert_eq!(p.status, Some(401));

    let wrong_aud = sign(
        &settings.secret,
        &Claims {
            sub: "cus_maya".into(),
            aud: "another-shop".into(),
            iat: t,
            exp: t + 600,
            nbf: None,
        },
    );
    let tampered = format!("{}x", mint(&settings, "cus_maya", t));
    let unknown = mint(&settings, "cus_nobody", t);
    for token in [
        wrong_aud.as_str(),
        tampered.as_str(),
        unknown.as_str(),
        "garbage",
    ] {
        let reply = widget(addr, Some(token));
        assert_eq!(reply.status, 401, "{token}");
        assert_eq!(
            problem(&reply).kind,
            laurel_core::wire::problem_type::UNAUTHENTICATED
        );
    }
    let reply = request(addr, "GET", "/v1/widget", &[("Authorization", "Basic abc")]);
    assert_eq!(reply.status, 401);
}

#[test]
fn unknown_paths_are_problem_json_404() {
    let addr = start();
    let reply = request(addr, "GET", "/v1/nope", &[]);
    assert_eq!(reply.status, 404);
    assert_eq!(problem(&reply).status, Some(404));
}

#[test]
fn cors_preflight_allows_the_shop_origin_and_auth_header() {
    let addr = start();
    let reply = request(
        addr,
        "OPTIONS",
        "/v1/widget",
        &[
            ("Origin", ORIGIN),
            ("Access-Control-Request-Method", "GET"),
            ("Access-Control-Request-Headers", "authorization"),
        ],
    );
    assert!(reply.status < 300, "{}", reply.status);
    assert!(reply
        .headers
        .contains(&format!("access-control-allow-origin: {ORIGIN}")));
    assert!(reply.headers.contains("authorization"));

    let other = request(addr, "GET", "/v1/widget", &[("Origin", "http://evil.test")]);
    assert!(!other.headers.contains("access-control-allow-origin"));
}
