//! A dev API on an ephemeral loopback port, and a tiny HTTP/1.1 client to talk to it.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};

use laurel_dev_api::app::router;
use laurel_dev_api::site::mint;
use laurel_dev_api::state::AppState;
use laurel_dev_api::{db, now, seed, Settings};

pub const ORIGIN: &str = "http://127.0.0.1:9";

pub struct Server {
    pub addr: SocketAddr,
    pub state: AppState,
}

pub struct Reply {
    pub status: u16,
    /// Lower-cased head.
    pub headers: String,
    pub body: String,
}

impl Reply {
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> T {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    /// The problem type, after checking the media type.
    pub fn problem_type(&self) -> String {
        assert!(
            self.headers
                .contains("content-type: application/problem+json"),
            "{} {}",
            self.headers,
            self.body
        );
        let p: laurel_core::wire::Problem = self.json();
        assert_eq!(p.status, Some(self.status));
        p.kind
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")).map(str::to_owned))
    }
}

pub fn start() -> Server {
    start_with(Settings {
        rate_limit_per_minute: 100_000,
        ..Settings::default()
    })
}

pub fn start_with(settings: Settings) -> Server {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(4)
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let mut conn = db::open(None).expect("db");
            seed::seed(&mut conn, now()).expect("seed");
            let state = AppState::new(conn, settings);
            let app = router(state.clone(), &[ORIGIN.to_owned()]);
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            tx.send((listener.local_addr().expect("addr"), state))
                .expect("send");
            axum::serve(listener, app).await.expect("serve");
        });
    });
    let (addr, state) = rx.recv().expect("server address");
    Server { addr, state }
}

pub fn token(customer: &str) -> String {
    mint(&Settings::default(), customer, now())
}

impl Server {
    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> Reply {
        let addr = self.addr;
        let mut stream = TcpStream::connect(addr).expect("connect");
        let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        if let Some(b) = body {
            req.push_str(&format!("Content-Length: {}\r\n", b.len()));
            if !headers
                .iter()
                .any(|(k, _)| k.eq_ignore_ascii_case("content-type"))
            {
                req.push_str("Content-Type: application/json\r\n");
            }
        }
        req.push_str("\r\n");
        req.push_str(body.unwrap_or_default());
        stream.write_all(req.as_bytes()).expect("write");
        let mut raw = String::new();
        stream.read_to_string(&mut raw).expect("read");
        let (head, body) = raw.split_once("\r\n\r\n").expect("head and body");
        let status = head[9..12].parse().expect("status");
        let headers = head.to_ascii_lowercase();
        let body = if headers.contains("transfer-encoding: chunked") {
            dechunk(body)
        } else {
            body.to_owned()
        };
        Reply {
            status,
            headers,
            body,
        }
    }

    pub fn get(&self, path: &str, token: Option<&str>) -> Reply {
        let auth = token.map(|t| format!("Bearer {t}"));
        let headers: Vec<(&str, &str)> =
            auth.iter().map(|a| ("Authorization", a.as_str())).collect();
        self.request("GET", path, &headers, None)
    }

    pub fn post(&self, path: &str, token: &str, key: Option<&str>, body: &str) -> Reply {
        let auth = format!("Bearer {token}");
        let mut headers = vec![("Authorization", auth.as_str())];
        if let Some(k) = key {
            headers.push(("Idempotency-Key", k));
        }
        self.request("POST", path, &headers, Some(body))
    }

    /// Runs SQL against the server's database, for arranging and checking state.
    pub fn sql<T>(&self, f: impl FnOnce(&rusqlite::Connection) -> rusqlite::Result<T>) -> T {
        let conn = self.state.db.lock().expect("db lock");
        f(&conn).expect("sql")
    }

    pub fn balance(&self, customer: &str) -> i64 {
        self.sql(|c| {
            c.query_row(
                "SELECT balance FROM customers WHERE id = ?1",
                [customer],
                |r| r.get(0),
            )
        })
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
