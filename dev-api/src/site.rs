//! The demo storefront server. It plays the shop: it serves the built widget and renders each
//! page with the shopper's token in the script tag, as a shop's backend would. The persona
//! (`?as=`) is kept in a cookie so that it follows the shopper from page to page.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::services::ServeDir;

use crate::jwt::{self, Claims, OrderClaim, MAX_LIFETIME_SECS, MAX_ORDER_CLAIM_SECS};
use crate::seed::persona_customer;
use crate::Settings;

/// The persona shown when neither the query nor the cookie names one.
pub const DEFAULT_PERSONA: &str = "member";
const COOKIE: &str = "laurel_demo_as";
/// Pages rendered as templates; everything else is a static file.
const PAGES: &[&str] = &[
    "index.html",
    "product.html",
    "cart.html",
    "order.html",
    "plain.html",
    "spa.html",
    "theming.html",
    "bench.html",
    "bench-bare.html",
];

/// The strict policy every demo page is served with, as a shop with a strict CSP would: no
/// inline script or style, no eval; wasm compiles under 'wasm-unsafe-eval', and the loader's
/// blob: worker sets up `Intl` off the main thread.
pub fn content_security_policy(api_base: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self' {api_base}; object-src 'none'; \
         worker-src blob:; base-uri 'self'; frame-ancestors 'none'"
    )
}

#[derive(Clone)]
pub struct SiteState {
    pub dir: PathBuf,
    pub api_base: String,
    pub settings: Arc<Settings>,
}

pub fn router(state: SiteState) -> Router {
    let mut router = Router::new().route("/", get(move |s, q, h| render(s, "index.html", q, h)));
    for name in PAGES {
        router = router.route(
            &format!("/{name}"),
            get(move |s, q, h| render(s, name, q, h)),
        );
    }
    // Static files as a CDN serves them: the build's .br and .gz next to each file, chosen by
    // Accept-Encoding.
    let files = ServeDir::new(state.dir.clone())
        .precompressed_br()
        .precompressed_gzip();
    router
        .route("/demo-token", get(demo_token))
        .fallback_service(files)
        .layer(axum::middleware::from_fn(cache_headers))
        .with_state(state)
}

/// Whether a file name carries a content hash (`laurel.0123456789.wasm`), so it never changes.
pub fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let mut parts = name.rsplit('.');
    let (Some(_ext), Some(hash), Some(_stem)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    hash.len() == 10 && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Hashed files are cached for a year and never revalidated; every other static file (the
/// loader above all) is revalidated on each use, answered with 304 while unchanged.
async fn cache_headers(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let hashed = is_hashed(request.uri().path());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if !headers.contains_key(header::CACHE_CONTROL) {
        let value = if hashed {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        headers.insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static(value),
        );
        // The same URL answers br, gzip or identity; caches must keep them apart.
        headers.insert(
            header::VARY,
            header::HeaderValue::from_static("accept-encoding"),
        );
    }
    response
}

/// The query's `key` if it is one of `allowed`, else the first of them: the theming page's
/// switches, never echoed unchecked into the page.
fn one_of<'a>(q: &HashMap<String, String>, key: &str, allowed: &[&'a str]) -> &'a str {
    let wanted = q.get(key).map(String::as_str);
    allowed
        .iter()
        .find(|a| Some(**a) == wanted)
        .or(allowed.first())
        .copied()
        .unwrap_or_default()
}

/// What a shop's backend gives its own front end for the signed-in shopper (the persona of
/// `?as=`, else of the cookie): a fresh token, or `null` for a guest. It is the demo's
/// `data-token-url`, and the single-page demo signs in and out through it.
async fn demo_token(
    State(site): State<SiteState>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let persona = q
        .get("as")
        .cloned()
        .or_else(|| cookie_persona(&headers))
        .unwrap_or_else(|| DEFAULT_PERSONA.to_owned());
    let Some(customer) = persona_customer(&persona) else {
        return (StatusCode::NOT_FOUND, "Unknown persona").into_response();
    };
    let token = customer.map(|c| mint(&site.settings, c, crate::now()));
    (
        [(header::CACHE_CONTROL, "no-store")],
        axum::Json(serde_json::json!({ "token": token })),
    )
        .into_response()
}

/// Mints the token a shop's backend would put in the page for `customer`.
pub fn mint(settings: &Settings, customer: &str, now: i64) -> String {
    mint_expiring(settings, customer, now + MAX_LIFETIME_SECS)
}

/// A token with the longest lifetime that ends at `exp`.
pub fn mint_expiring(settings: &Settings, customer: &str, exp: i64) -> String {
    jwt::sign(
        &settings.secret,
        &Claims {
            sub: customer.into(),
            aud: settings.shop_id.clone(),
            iat: exp - MAX_LIFETIME_SECS,
            exp,
            nbf: None,
        },
    )
}

/// The claim a shop's backend puts on its order confirmation page: the demo cart's total.
pub fn order_claim(settings: &Settings, order_id: &str, now: i64) -> String {
    jwt::sign(
        &settings.secret,
        &OrderClaim {
            order_id: order_id.into(),
            amount: "129.90".into(),
            currency: "EUR".into(),
            aud: settings.shop_id.clone(),
            iat: now,
            exp: now + MAX_ORDER_CLAIM_SECS,
        },
    )
}

/// The order of `?order=` (letters, digits, `-` and `_`), else a new number, as a shop's
/// confirmation page shows its own order again on reload.
fn order_id(q: &HashMap<String, String>) -> String {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    q.get("order")
        .filter(|o| {
            (1..=40).contains(&o.len())
                && o.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .cloned()
        .unwrap_or_else(|| {
            let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            format!("EV-{}-{n}", crate::now())
        })
}

/// Escapes text for an HTML attribute or text node.
pub fn escape(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '&' => "&amp;".to_owned(),
            '<' => "&lt;".to_owned(),
            '>' => "&gt;".to_owned(),
            '"' => "&quot;".to_owned(),
            '\'' => "&#39;".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

fn cookie_persona(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|kv| {
            kv.trim()
                .strip_prefix(&format!("{COOKIE}="))
                .map(str::to_owned)
        })
}

async fn render(
    State(site): State<SiteState>,
    name: &'static str,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let chosen = q.get("as").cloned();
    let persona = chosen
        .clone()
        .or_else(|| cookie_persona(&headers))
        .filter(|p| persona_customer(p).is_some())
        .unwrap_or_else(|| DEFAULT_PERSONA.to_owned());
    let Some(customer) = persona_customer(&persona) else {
        return (StatusCode::NOT_FOUND, "Unknown persona").into_response();
    };
    let template = match tokio::fs::read_to_string(site.dir.join(name)).await {
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
    // `?expires_in=SECONDS` (negative: already expired) renders a token that ends that soon,
    // so that tests can watch the widget renew it.
    let now = crate::now();
    let exp = q
        .get("expires_in")
        .and_then(|s| s.parse::<i64>().ok())
        .map_or(now + MAX_LIFETIME_SECS, |s| now + s.min(MAX_LIFETIME_SECS));
    let token = customer.map_or_else(String::new, |c| mint_expiring(&site.settings, c, exp));
    let current = format!("data-persona=\"{persona}\"");
    let discount = q.get("discount").map(|d| escape(d)).unwrap_or_default();
    let order = order_id(&q);
    let html = template
        .replace("__ORDER_ID__", &order)
        .replace("__ORDER_CLAIM__", &order_claim(&site.settings, &order, now))
        .replace("__LAUREL_API__", &site.api_base)
        .replace("__LAUREL_TOKEN__", &token)
        .replace("__DISCOUNT__", &discount)
        .replace("__THEME__", one_of(&q, "theme", &["light", "dark", "auto"]))
        .replace("__LANG__", one_of(&q, "lang", &["en", "fa", "th", "id"]))
        .replace(&current, &format!("{current} aria-current=\"page\""));
    let mut response = (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            (
                header::CONTENT_SECURITY_POLICY,
                &content_security_policy(&site.api_base),
            ),
        ],
        html,
    )
        .into_response();
    if chosen.is_some() {
        if let Ok(v) = format!("{COOKIE}={persona}; Path=/; SameSite=Lax").parse() {
            response.headers_mut().insert(header::SET_COOKIE, v);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn hashed_names_are_told_apart() {
        assert!(is_hashed("/laurel.9d931bc863.wasm"));
        assert!(is_hashed("/laurel-wasm.b1350773db.js"));
        assert!(!is_hashed("/laurel.js"));
        assert!(!is_hashed("/storefront.css"));
        assert!(!is_hashed("/img/x.9d931bc86.svg"));
    }

    #[test]
    fn reads_the_persona_cookie() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            "a=1; laurel_demo_as=top; b=2".parse().expect("header"),
        );
        assert_eq!(cookie_persona(&h).as_deref(), Some("top"));
    }
}
