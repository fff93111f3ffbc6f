//! The page's settings: a script tag's or an element's attributes, as any page author (or a
//! hostile page) may write them. No input may panic, and what is accepted is safe: URLs that a
//! WHATWG URL parser resolves to http or https, a timeout in range, a currency code.
#![no_main]

use laurel_core::cart::CartMode;
use laurel_core::config::{parse_points, parse_script, parse_widget, ConfigError, ElementAttrs};
use libfuzzer_sys::fuzz_target;
use url::Url;

fuzz_target!(|input: (Vec<(String, String)>, Option<String>, bool)| {
    let (pairs, page_lang, inline) = input;
    let get = |name: &str| {
        pairs
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let tag = ElementAttrs {
        prefix: "data-",
        get,
    };
    match parse_script(&tag, page_lang.as_deref()) {
        Ok(s) => {
            let c = &s.config;
            assert!(resolves_to_http(&c.api_base), "api {:?}", c.api_base);
            assert!(!c.api_base.ends_with('/'), "api {:?}", c.api_base);
            assert!((1_000..=60_000).contains(&c.timeout_ms));
            if let Some(u) = &c.token_url {
                assert!(resolves_to_http(u), "token-url {u:?}");
            }
            if let CartMode::Url(u) = &c.cart {
                assert!(resolves_to_http(u), "cart-url {u:?}");
            }
        }
        Err(e) => explained(&e),
    }
    let element = ElementAttrs { prefix: "", get };
    if let Err(e) = parse_widget(&element, inline) {
        explained(&e);
    }
    match parse_points(&element) {
        Ok(p) => {
            assert_eq!(p.currency.len(), 3);
            assert!(p.currency.bytes().all(|b| b.is_ascii_uppercase()));
        }
        Err(e) => explained(&e),
    }
});

/// An error names the attribute the author wrote.
fn explained(e: &ConfigError) {
    let text = e.to_string();
    let attribute = match e {
        ConfigError::Missing { attribute, .. } | ConfigError::Invalid { attribute, .. } => {
            attribute
        }
    };
    assert!(text.contains(attribute.as_str()), "{text}");
}

/// Relative URLs resolve against a shop page; either way the scheme is http or https.
fn resolves_to_http(raw: &str) -> bool {
    let Ok(page) = Url::parse("https://shop.test/account/page.html") else {
        return false;
    };
    match page.join(raw) {
        Ok(u) => matches!(u.scheme(), "http" | "https"),
        // What a URL parser refuses, a browser cannot follow either.
        Err(_) => true,
    }
}
