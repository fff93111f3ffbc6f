//! Handing a redeemed code to the shop's cart (`data-cart`).

use crate::safe_url::safe_url;
use crate::text::{concat, join, split, split_once};

/// How a redeemed code reaches the cart.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum CartMode {
    /// No "Apply to cart" link; the code is shown with Copy.
    #[default]
    None,
    /// No link either: the shop applies the code itself on `laurel:reward-redeemed`.
    Event,
    /// A template with `{code}`, e.g. `/cart?discount={code}`.
    Url(String),
    /// Shopify's `/discount/{code}` route, redirecting back to the current page.
    Shopify,
    /// WooCommerce's `coupon_code` query parameter on the current page.
    WooCommerce,
}

impl CartMode {
    pub const NAMES: &'static str = "event, url, shopify, woocommerce";
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b));
            }
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
        }
    }
    out
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// The "Apply to cart" link for `code`, if the mode has one. `page` is the current page's path
/// and query (`/products/shoe?variant=2`), where Shopify and WooCommerce come back to.
pub fn apply_href(mode: &CartMode, code: &str, page: &str) -> Option<String> {
    let code = encode_component(code);
    let href = match mode {
        CartMode::None | CartMode::Event => return None,
        CartMode::Url(template) => crate::text::replace(template, "{code}", &code),
        CartMode::Shopify => concat(&["/discount/", &code, "?redirect=", &encode_component(page)]),
        CartMode::WooCommerce => with_query_param(page, "coupon_code", &code),
    };
    safe_url(&href)
}

/// `page` with `key=value` set in its query, replacing an earlier value; `value` is encoded.
fn with_query_param(page: &str, key: &str, value: &str) -> String {
    let (rest, fragment) = split_once(page, b'#').unwrap_or((page, ""));
    let (path, query) = split_once(rest, b'?').unwrap_or((rest, ""));
    let path = if path.is_empty() { "/" } else { path };
    let mut pairs: Vec<&str> = split(query, b'&')
        .filter(|p| !p.is_empty() && split(p, b'=').next() != Some(key))
        .collect();
    let ours = concat(&[key, "=", value]);
    pairs.push(&ours);
    let mut out = concat(&[path, "?", &join(&pairs, "&")]);
    if !fragment.is_empty() {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_templates_get_the_code_encoded() {
        let mode = CartMode::Url("/cart?discount={code}".into());
        assert_eq!(
            apply_href(&mode, "LR-AB CD&x", "/").as_deref(),
            Some("/cart?discount=LR-AB%20CD%26x")
        );
        let evil = CartMode::Url("javascript:go('{code}')".into());
        assert_eq!(apply_href(&evil, "X", "/"), None);
    }

    #[test]
    fn shopify_applies_and_comes_back_to_the_page() {
        assert_eq!(
            apply_href(&CartMode::Shopify, "SAVE 5", "/products/shoe?variant=2").as_deref(),
            Some("/discount/SAVE%205?redirect=%2Fproducts%2Fshoe%3Fvariant%3D2")
        );
    }

    #[test]
    fn woocommerce_sets_coupon_code_on_the_current_page() {
        let woo = |page| apply_href(&CartMode::WooCommerce, "LR-1", page);
        assert_eq!(woo("/shop/").as_deref(), Some("/shop/?coupon_code=LR-1"));
        assert_eq!(
            woo("/cart/?a=1&coupon_code=OLD#top").as_deref(),
            Some("/cart/?a=1&coupon_code=LR-1#top")
        );
        assert_eq!(woo("").as_deref(), Some("/?coupon_code=LR-1"));
    }

    #[test]
    fn event_and_none_give_no_link() {
        assert_eq!(apply_href(&CartMode::Event, "X", "/"), None);
        assert_eq!(apply_href(&CartMode::None, "X", "/"), None);
    }
}
