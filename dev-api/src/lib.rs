//! The reference implementation of Laurel's default loyalty API contract (`api/openapi.yaml`),
//! plus a demo storefront server that plays the shop's backend.

pub mod app;
pub mod cli;
pub mod db;
pub mod jwt;
pub mod problem;
pub mod seed;
pub mod site;
pub mod widget;

/// Settings shared by the API and the demo storefront.
#[derive(Debug, Clone)]
pub struct Settings {
    /// HS256 secret shared with the shop's backend.
    pub secret: Vec<u8>,
    /// The shop id, checked against the token's `aud`.
    pub shop_id: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            secret: b"laurel-dev-secret-not-for-production".to_vec(),
            shop_id: "demo-shop".into(),
        }
    }
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}
