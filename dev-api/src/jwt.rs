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

pub fn sign(secret: &[u8], claims: &Claims) -> String {
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
    let mut rules = Validation::new(Algorithm::HS256);
    rules.set_audience(&[audience]);
    rules.set_required_spec_claims(&["sub", "aud", "exp"]);
    // Time is checked below, with the caller's clock.
    rules.validate_exp = false;
    rules.validate_nbf = false;
    let claims = jsonwebtoken::decode::<Claims>(token, &DecodingKey::from_secret(secret), &rules)
        .map_err(|e| match e.kind() {
            ErrorKind::InvalidSignature => JwtError::BadSignature,
            ErrorKind::InvalidAlgorithm | ErrorKind::InvalidAlgorithmName => {
                JwtError::UnsupportedAlgorithm
            }
            ErrorKind::InvalidAudience => JwtError::WrongAudience,
            _ => JwtError::Malformed,
        })?
        .claims;
    if now > claims.exp.saturating_add(LEEWAY_SECS) {
        return Err(JwtError::Expired);
    }
    let not_before = claims.nbf.unwrap_or(claims.iat);
    if now.saturating_add(LEEWAY_SECS) < not_before {
        return Err(JwtError::NotYetValid);
    }
    if claims.exp.saturating_sub(claims.iat) > MAX_LIFETIME_SECS {
        return Err(JwtError::LifetimeTooLong);
    }
    Ok(claims)
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
