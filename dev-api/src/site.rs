//! The demo storefront server. It plays the shop: it serves the built widget and renders the
//! page with the shopper's token in the script tag, as a shop's backend would.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::services::ServeDir;

use crate::jwt::{self, Claims, MAX_LIFETIME_SECS};
use crate::seed::persona_customer;
use crate::Settings;

/// The persona shown when the page names none.
pub const DEFAULT_PERSONA: &str = "member";

#[derive(Clone)]
pub struct SiteState {
    pub dir: PathBuf,
    pub api_base: String,
    pub settings: Arc<Settings>,
}

pub fn router(state: SiteState) -> Router {
    let files = ServeDir::new(state.dir.clone());
    Router::new()
        .route("/", get(page))
        .route("/index.html", get(page))
        .fallback_service(files)
        .with_state(state)
}

/// Mints the token a shop's backend would put in the page for `customer`.
pub fn mint(settings: &Settings, customer: &str, now: i64) -> String {
    jwt::sign(
        &settings.secret,
        &Claims {
            sub: customer.into(),
            aud: settings.shop_id.clone(),
            iat: now,
            exp: now + MAX_LIFETIME_SECS,
            nbf: None,
        },
    )
}

async fn page(State(site): State<SiteState>, Query(q): Query<HashMap<String, String>>) -> Response {
    let persona = q.get("as").map_or(DEFAULT_PERSONA, String::as_str);
    let Some(customer) = persona_customer(persona) else {
        return (StatusCode::NOT_FOUND, "Unknown persona").into_response();
    };
    let template = match tokio::fs::read_to_string(site.dir.join("index.html")).await {
        Ok(t) => t,
        Err(e) => {
            tracing::error!(error = %e, dir = %site.dir.display(), "demo page missing; build first");
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                "Build the widget first: ./dev build",
            )
                .into_response();
        }
    };
    let token = customer.map_or_else(String::new, |c| mint(&site.settings, c, crate::now()));
    let current = format!("data-persona=\"{persona}\"");
    let html = template
        .replace("__LAUREL_API__", &site.api_base)
        .replace("__LAUREL_TOKEN__", &token)
        .replace(&current, &format!("{current} aria-current=\"page\""));
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        html,
    )
        .into_response()
}
