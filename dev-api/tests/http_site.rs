//! The demo storefront serves the widget as a CDN would, over real HTTP: precompressed files by
//! Accept-Encoding, immutable caching for content-hashed names, revalidation for the loader, and
//! pages with a strict Content-Security-Policy.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;

use laurel_dev_api::site::{router, SiteState};
use laurel_dev_api::Settings;

fn site_with_files(test: &str) -> (SocketAddr, PathBuf) {
    let dir = std::env::temp_dir().join(format!("laurel-site-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    for (name, body) in [
        ("laurel.js", "loader"),
        ("laurel.js.br", "loader, brotli"),
        ("laurel.js.gz", "loader, gzip"),
        ("laurel.0123456789.wasm", "wasm"),
        ("laurel.0123456789.wasm.br", "wasm, brotli"),
        (
            "index.html",
            "<script data-api=\"__LAUREL_API__\" data-token=\"__LAUREL_TOKEN__\"></script>",
        ),
    ] {
        std::fs::write(dir.join(name), body).expect("write");
    }
    let state = SiteState {
        dir: dir.clone(),
        api_base: "http://127.0.0.1:9".into(),
        settings: Arc::new(Settings::default()),
    };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            tx.send(listener.local_addr().expect("addr")).expect("send");
            axum::serve(listener, router(state)).await.expect("serve");
        });
    });
    (rx.recv().expect("address"), dir)
}

/// Status, head and body of a request with the given headers.
fn get(addr: SocketAddr, path: &str, headers: &[(&str, &str)]) -> (u16, String, String) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    let mut req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    stream.write_all(req.as_bytes()).expect("write");
    let mut raw = String::new();
    stream.read_to_string(&mut raw).expect("read");
    let (head, body) = raw.split_once("\r\n\r\n").expect("head");
    (
        head[9..12].parse().expect("status"),
        head.to_owned(),
        body.to_owned(),
    )
}

/// A header's value; names are matched without regard to case.
fn header(head: &str, name: &str) -> Option<String> {
    head.lines().find_map(|l| {
        let (k, v) = l.split_once(": ")?;
        k.eq_ignore_ascii_case(name).then(|| v.to_owned())
    })
}

#[test]
fn hashed_assets_are_precompressed_and_immutable() {
    let (addr, dir) = site_with_files("hashed");
    let (status, head, body) = get(
        addr,
        "/laurel.0123456789.wasm",
        &[("Accept-Encoding", "br, gzip")],
    );
    assert_eq!(status, 200);
    assert_eq!(body, "wasm, brotli");
    assert_eq!(header(&head, "content-encoding").as_deref(), Some("br"));
    assert_eq!(
        header(&head, "content-type").as_deref(),
        Some("application/wasm")
    );
    assert_eq!(
        header(&head, "cache-control").as_deref(),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(header(&head, "vary").as_deref(), Some("accept-encoding"));
    let (_, head, body) = get(addr, "/laurel.0123456789.wasm", &[]);
    assert_eq!(
        (body.as_str(), header(&head, "content-encoding")),
        ("wasm", None)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_loader_is_revalidated_and_answered_with_304_while_unchanged() {
    let (addr, dir) = site_with_files("loader");
    let (status, head, body) = get(addr, "/laurel.js", &[("Accept-Encoding", "gzip")]);
    assert_eq!((status, body.as_str()), (200, "loader, gzip"));
    assert_eq!(header(&head, "cache-control").as_deref(), Some("no-cache"));
    let modified = header(&head, "last-modified").expect("last-modified");
    let again = [
        ("Accept-Encoding", "gzip"),
        ("If-Modified-Since", modified.as_str()),
    ];
    let (status, _, _) = get(addr, "/laurel.js", &again);
    assert_eq!(status, 304);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn pages_carry_a_strict_policy_and_are_never_cached() {
    let (addr, dir) = site_with_files("pages");
    let (status, head, body) = get(addr, "/?as=member", &[]);
    assert_eq!(status, 200);
    assert!(body.contains("data-api=\"http://127.0.0.1:9\""), "{body}");
    let csp = header(&head, "content-security-policy").expect("csp");
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval';"),
        "{csp}"
    );
    assert!(
        csp.contains("connect-src 'self' http://127.0.0.1:9;"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(header(&head, "cache-control").as_deref(), Some("no-store"));
    let _ = std::fs::remove_dir_all(dir);
}
