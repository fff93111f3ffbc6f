//! The reference implementation of Laurel's default loyalty API contract (`api/openapi.yaml`),
//! plus a demo storefront server that plays the shop's backend.

pub mod app;
pub mod auth;
pub mod boosts;
pub mod challenges;
pub mod cli;
pub mod db;
pub mod digest;
pub mod extract;
pub mod idempotency;
pub mod jwt;
pub mod ledger;
pub mod orders;
pub mod picks;
pub mod problem;
pub mod program;
pub mod ratelimit;
pub mod routes;
pub mod seed;
pub mod site;
pub mod state;

/// Settings shared by the API and the demo storefront.
#[derive(Debug, Clone)]
pub struct Settings {
    /// HS256 secret shared with the shop's backend.
    pub secret: Vec<u8>,
    /// The shop id, checked against the token's `aud`.
    pub shop_id: String,
    /// The shop's origin, for referral links.
    pub shop_url: String,
    /// State-changing requests allowed per customer per minute.
    pub rate_limit_per_minute: u32,
    /// Simulated latency of issuing a code at the shop platform during a redemption.
    pub issue_delay: std::time::Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            secret: b"laurel-dev-secret-not-for-production".to_vec(),
            shop_id: "demo-shop".into(),
            shop_url: "http://127.0.0.1:8080".into(),
            rate_limit_per_minute: 120,
            issue_delay: std::time::Duration::ZERO,
        }
    }
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}
