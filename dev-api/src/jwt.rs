//! HS256 JSON Web Tokens, as a shop's backend signs them for the widget. `jsonwebtoken` reads
//! the token, checks the signature (in constant time), pins the algorithm to HS256 and checks
//! the audience; the time rules stay here, against a `now` the caller gives, so that they can be
//! tested at any instant: 60 seconds of skew on `exp`, `nbf` and `iat`, and a lifetime of at
//! most 15 minutes.

use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

/// Clock skew tolerated on `exp`, `nbf` and `iat`.
pub const LEEWAY_SECS: i64 = 60;
/// The longest lifetime a token may claim.
pub const MAX_LIFETIME_SECS: i64 = 15 * 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// Customer id.
    pub sub: String,
    /// Shop id.
    pub aud: String,
    pub iat: i64,
    pub exp: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nbf: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JwtError {
    Malformed,
    UnsupportedAlgorithm,
    BadSignature,
    Expired,
    NotYetValid,
    WrongAudience,
    LifetimeTooLong,
}

/// Signs a token's or an order claim's claims.
pub fn sign<T: Serialize>(secret: &[u8], claims: &T) -> String {
    // Serialising these claims cannot fail; an empty token would be refused anyway.
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        claims,
        &EncodingKey::from_secret(secret),
    )
    .unwrap_or_default()
}

/// Verifies signature, algorithm, audience and time claims.
pub fn verify(secret: &[u8], token: &str, audience: &str, now: i64) -> Result<Claims, JwtError> {
    let claims: Claims = decode(secret, token, audience, &["sub", "aud", "exp"])?;
    let not_before = claims.nbf.unwrap_or(claims.iat);
    in_time(now, not_before, claims.iat, claims.exp, MAX_LIFETIME_SECS)?;
    Ok(claims)
}

/// `exp` not passed and `not_before` reached (with the skew), and a lifetime of at most `max`.
fn in_time(now: i64, not_before: i64, iat: i64, exp: i64, max: i64) -> Result<(), JwtError> {
    if now > exp.saturating_add(LEEWAY_SECS) {
        return Err(JwtError::Expired);
    }
    if now.saturating_add(LEEWAY_SECS) < not_before {
        return Err(JwtError::NotYetValid);
    }
    if exp.saturating_sub(iat) > max {
        return Err(JwtError::LifetimeTooLong);
    }
    Ok(())
}

/// Checks the signature (HS256 only) and the audience and reads the claims; time is checked by
/// the callers, with their clock.
fn decode<T: serde::de::DeserializeOwned>(
    secret: &[u8],
    token: &str,
    audience: &str,
    required: &[&str],
) -> Result<T, JwtError> {
    let mut rules = Validation::new(Algorithm::HS256);
    rules.set_audience(&[audience]);
    rules.set_required_spec_claims(required);
    rules.validate_exp = false;
    rules.validate_nbf = false;
    jsonwebtoken::decode::<T>(token, &DecodingKey::from_secret(secret), &rules)
        .map(|d| d.claims)
        .map_err(|e| match e.kind() {
            ErrorKind::InvalidSignature => JwtError::BadSignature,
            ErrorKind::InvalidAlgorithm | ErrorKind::InvalidAlgorithmName => {
                JwtError::UnsupportedAlgorithm
            }
            ErrorKind::InvalidAudience => JwtError::WrongAudience,
            _ => JwtError::Malformed,
        })
}

/// The longest an order claim may live: long enough for an order confirmation email.
pub const MAX_ORDER_CLAIM_SECS: i64 = 30 * 24 * 60 * 60;

/// A shop's claim for an order's points, signed like the shopper's token and with the same
/// audience, but naming an order instead of a customer: it can join an enrollment once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderClaim {
    pub order_id: String,
    /// The order total, a decimal such as `129.90`.
    pub amount: String,
    /// ISO 4217.
    pub currency: String,
    pub aud: String,
    pub iat: i64,
    pub exp: i64,
}

/// Verifies an order claim's signature, algorithm, audience and time claims, as `verify` does
/// a token's, with the longer lifetime of an order claim.
pub fn verify_order(
    secret: &[u8],
    claim: &str,
    audience: &str,
    now: i64,
) -> Result<OrderClaim, JwtError> {
    let claim: OrderClaim = decode(secret, claim, audience, &["aud", "exp"])?;
    in_time(now, claim.iat, claim.iat, claim.exp, MAX_ORDER_CLAIM_SECS)?;
    Ok(claim)
}

#[cfg(test)]
mod tests {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
    use base64::Engine;

    use super::*;

    const SECRET: &[u8] = b"s3cret";

    fn claims(iat: i64, exp: i64) -> Claims {
        Claims {
            sub: "cus_1".into(),
            aud: "shop".into(),
            iat,
            exp,
            nbf: None,
        }
    }

    #[test]
    fn round_trips() {
        let t = sign(SECRET, &claims(1000, 1600));
        assert_eq!(verify(SECRET, &t, "shop", 1200), Ok(claims(1000, 1600)));
    }

    #[test]
    fn an_order_claim_round_trips_and_is_not_a_token() {
        let order = OrderClaim {
            order_id: "ord_1".into(),
            amount: "129.90".into(),
            currency: "EUR".into(),
            aud: "shop".into(),
            iat: 1000,
            exp: 1000 + MAX_ORDER_CLAIM_SECS,
        };
        let c = sign(SECRET, &order);
        assert_eq!(verify_order(SECRET, &c, "shop", 2000), Ok(order.clone()));
        assert_eq!(verify(SECRET, &c, "shop", 2000), Err(JwtError::Malformed));
        let token = sign(SECRET, &claims(1000, 1600));
        assert_eq!(
            verify_order(SECRET, &token, "shop", 1200),
            Err(JwtError::Malformed)
        );
        assert_eq!(
            verify_order(b"other", &c, "shop", 2000),
            Err(JwtError::BadSignature)
        );
        assert_eq!(
            verify_order(SECRET, &c, "shop", order.exp + LEEWAY_SECS + 1),
            Err(JwtError::Expired)
        );
        let long = OrderClaim {
            exp: order.exp + 3600,
            ..order
        };
        assert_eq!(
            verify_order(SECRET, &sign(SECRET, &long), "shop", 2000),
            Err(JwtError::LifetimeTooLong)
        );
    }

    #[test]
    fn rejects_a_tampered_payload() {
        let t = sign(SECRET, &claims(1000, 1600));
        let mut parts: Vec<&str> = t.split('.').collect();
        let forged = B64.encode(br#"{"sub":"cus_2","aud":"shop","iat":1000,"exp":1600}"#);
        parts[1] = &forged;
        assert_eq!(
            verify(SECRET, &parts.join("."), "shop", 1200),
            Err(JwtError::BadSignature)
        );
    }

    #[test]
    fn rejects_the_wrong_secret_audience_and_alg_none() {
        let t = sign(SECRET, &claims(1000, 1600));
        assert_eq!(
            verify(b"other", &t, "shop", 1200),
            Err(JwtError::BadSignature)
        );
        assert_eq!(
            verify(SECRET, &t, "elsewhere", 1200),
            Err(JwtError::WrongAudience)
        );
        let payload = t.split('.').nth(1).unwrap_or_default();
        let none = format!("{}.{payload}.", B64.encode(br#"{"alg":"none"}"#));
        assert!(verify(SECRET, &none, "shop", 1200).is_err());
        let hs512 = format!(
            "{}.{payload}.x",
            B64.encode(br#"{"alg":"HS512","typ":"JWT"}"#)
        );
        assert_eq!(
            verify(SECRET, &hs512, "shop", 1200),
            Err(JwtError::UnsupportedAlgorithm)
        );
    }

    #[test]
    fn applies_time_claims_with_leeway() {
        let t = sign(SECRET, &claims(1000, 1600));
        assert!(verify(SECRET, &t, "shop", 1600 + LEEWAY_SECS).is_ok());
        assert_eq!(
            verify(SECRET, &t, "shop", 1601 + LEEWAY_SECS),
            Err(JwtError::Expired)
        );
        assert_eq!(
            verify(SECRET, &t, "shop", 1000 - LEEWAY_SECS - 1),
            Err(JwtError::NotYetValid)
        );
    }

    #[test]
    fn rejects_lifetimes_over_fifteen_minutes() {
        let t = sign(SECRET, &claims(1000, 1000 + MAX_LIFETIME_SECS + 1));
        assert_eq!(
            verify(SECRET, &t, "shop", 1200),
            Err(JwtError::LifetimeTooLong)
        );
    }

    #[test]
    fn rejects_garbage() {
        for bad in ["", "a", "a.b", "a.b.c", "a.b.c.d", "!!.!!.!!"] {
            assert!(verify(SECRET, bad, "shop", 0).is_err(), "{bad}");
        }
    }
}
