//! HS256 JSON Web Tokens, as a shop's backend signs them for the widget.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

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

#[derive(Deserialize)]
struct Header {
    alg: String,
}

fn mac(secret: &[u8]) -> Hmac<Sha256> {
    // HMAC accepts keys of any length, so this cannot fail.
    <Hmac<Sha256> as Mac>::new_from_slice(secret).unwrap_or_else(|_| unreachable!())
}

pub fn sign(secret: &[u8], claims: &Claims) -> String {
    let header = B64.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = B64.encode(serde_json::to_vec(claims).unwrap_or_default());
    let signing_input = format!("{header}.{payload}");
    let mut m = mac(secret);
    m.update(signing_input.as_bytes());
    let sig = B64.encode(m.finalize().into_bytes());
    format!("{signing_input}.{sig}")
}

/// Verifies signature (in constant time), algorithm, audience and time claims.
pub fn verify(secret: &[u8], token: &str, audience: &str, now: i64) -> Result<Claims, JwtError> {
    let mut parts = token.split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(JwtError::Malformed);
    };
    let header: Header = B64
        .decode(h)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or(JwtError::Malformed)?;
    if header.alg != "HS256" {
        return Err(JwtError::UnsupportedAlgorithm);
    }
    let sig = B64.decode(s).map_err(|_| JwtError::Malformed)?;
    let mut m = mac(secret);
    m.update(h.as_bytes());
    m.update(b".");
    m.update(p.as_bytes());
    m.verify_slice(&sig).map_err(|_| JwtError::BadSignature)?;
    let claims: Claims = B64
        .decode(p)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or(JwtError::Malformed)?;
    if claims.aud != audience {
        return Err(JwtError::WrongAudience);
    }
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
        let none = format!(
            "{}.{}.",
            B64.encode(br#"{"alg":"none"}"#),
            t.split('.').nth(1).unwrap_or_default()
        );
        assert_eq!(
            verify(SECRET, &none, "shop", 1200),
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
