//! Digest tokens: a second token form, for shop templates that can compute a hex HMAC but not a
//! JWT (Shopify Liquid's `hmac_sha256` filter outputs hex, and nothing there decodes it).
//!
//! `ld1.<customer>.<iat>.<hex>`, where `<hex>` is HMAC-SHA256 with the shared secret over
//! `ld1.<customer>.<shop id>.<iat>`. It is valid from `iat` for 15 minutes, with the same leeway
//! as a JWT. The shop id is signed but not sent: a token for one shop is useless at another.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::jwt::{JwtError, LEEWAY_SECS, MAX_LIFETIME_SECS};

pub const PREFIX: &str = "ld1.";

fn input(customer: &str, shop: &str, iat: i64) -> String {
    format!("{PREFIX}{customer}.{shop}.{iat}")
}

fn mac(secret: &[u8]) -> Hmac<Sha256> {
    // HMAC accepts keys of any length, so this cannot fail.
    <Hmac<Sha256> as Mac>::new_from_slice(secret).unwrap_or_else(|_| unreachable!())
}

fn hex_decode(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// A digest token for `customer` at `shop`, issued at `iat`, as a shop template makes one.
pub fn sign(secret: &[u8], customer: &str, shop: &str, iat: i64) -> String {
    let mut m = mac(secret);
    m.update(input(customer, shop, iat).as_bytes());
    let hex: String = m
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("{PREFIX}{customer}.{iat}.{hex}")
}

/// The customer id of a valid digest token; the signature is checked in constant time.
pub fn verify(secret: &[u8], token: &str, shop: &str, now: i64) -> Result<String, JwtError> {
    let rest = token.strip_prefix(PREFIX).ok_or(JwtError::Malformed)?;
    let mut parts = rest.split('.');
    let (Some(customer), Some(iat), Some(hex), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(JwtError::Malformed);
    };
    let plain_id = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if customer.is_empty() || !customer.chars().all(plain_id) {
        return Err(JwtError::Malformed);
    }
    let iat: i64 = iat.parse().map_err(|_| JwtError::Malformed)?;
    let sig = hex_decode(&hex.to_ascii_lowercase()).ok_or(JwtError::Malformed)?;
    let mut m = mac(secret);
    m.update(input(customer, shop, iat).as_bytes());
    m.verify_slice(&sig).map_err(|_| JwtError::BadSignature)?;
    if now > iat.saturating_add(MAX_LIFETIME_SECS + LEEWAY_SECS) {
        return Err(JwtError::Expired);
    }
    if now.saturating_add(LEEWAY_SECS) < iat {
        return Err(JwtError::NotYetValid);
    }
    Ok(customer.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"s3cret";

    #[test]
    fn round_trips_and_matches_a_known_digest() {
        let t = sign(SECRET, "7012345", "shop", 1000);
        assert_eq!(verify(SECRET, &t, "shop", 1200), Ok("7012345".into()));
        // What Liquid computes: {{ "ld1.7012345.shop.1000" | hmac_sha256: "s3cret" }}.
        let expected = {
            let mut m = mac(SECRET);
            m.update(b"ld1.7012345.shop.1000");
            m.finalize()
                .into_bytes()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        };
        assert_eq!(t, format!("ld1.7012345.1000.{expected}"));
    }

    #[test]
    fn rejects_another_shop_customer_secret_or_time() {
        let t = sign(SECRET, "7012345", "shop", 1000);
        assert_eq!(
            verify(SECRET, &t, "other-shop", 1200),
            Err(JwtError::BadSignature)
        );
        assert_eq!(
            verify(b"nope", &t, "shop", 1200),
            Err(JwtError::BadSignature)
        );
        let forged = t.replacen("7012345", "7012346", 1);
        assert_eq!(
            verify(SECRET, &forged, "shop", 1200),
            Err(JwtError::BadSignature)
        );
        let later = t.replacen(".1000.", ".1500.", 1);
        assert_eq!(
            verify(SECRET, &later, "shop", 1200),
            Err(JwtError::BadSignature)
        );
    }

    #[test]
    fn lasts_fifteen_minutes_with_leeway() {
        let t = sign(SECRET, "c", "shop", 1000);
        let end = 1000 + MAX_LIFETIME_SECS + LEEWAY_SECS;
        assert!(verify(SECRET, &t, "shop", end).is_ok());
        assert_eq!(verify(SECRET, &t, "shop", end + 1), Err(JwtError::Expired));
        assert_eq!(
            verify(SECRET, &t, "shop", 1000 - LEEWAY_SECS - 1),
            Err(JwtError::NotYetValid)
        );
    }

    #[test]
    fn rejects_garbage() {
        for bad in [
            "ld1.",
            "ld1.a.b",
            "ld1.a.1.zz",
            "ld1.a.b.c.d",
            "ld1.a.x.00",
            "ld1.a.b/c.1.00",
        ] {
            assert!(verify(SECRET, bad, "shop", 0).is_err(), "{bad}");
        }
    }
}
