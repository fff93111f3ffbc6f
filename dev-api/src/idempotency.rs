//! Idempotency keys, after the IETF Idempotency-Key draft and Stripe: scoped to the customer,
//! the first result stored and replayed, a different payload refused (422), a duplicate while the
//! first is running refused (409). Keys are kept for 24 hours.

use axum::http::HeaderMap;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use crate::problem::ApiProblem;

pub const HEADER: &str = "idempotency-key";
pub const RETENTION_SECS: i64 = 24 * 3600;

/// The key from the request, or a problem when it is missing or malformed.
pub fn key(headers: &HeaderMap) -> Result<String, ApiProblem> {
    let Some(value) = headers.get(HEADER) else {
        return Err(ApiProblem::idempotency_key_missing());
    };
    let key = value
        .to_str()
        .map_err(|_| ApiProblem::idempotency_key_missing())?;
    let valid = (1..=255).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic());
    if valid {
        Ok(key.to_owned())
    } else {
        Err(ApiProblem::idempotency_key_missing())
    }
}

/// A fingerprint of the request body, so a reused key with another payload is caught.
pub fn fingerprint(body: &impl serde::Serialize) -> String {
    let bytes = serde_json::to_vec(body).unwrap_or_default();
    Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Debug, PartialEq, Eq)]
pub enum Claim {
    /// First use: the caller must now run the request and call [`complete`] or [`release`].
    Fresh,
    /// Done before: replay this status and body.
    Replay {
        status: u16,
        body: String,
    },
    InFlight,
    Reused,
}

/// Claims `key` for `customer`, or says why not.
pub fn claim(
    conn: &Connection,
    customer: &str,
    key: &str,
    hash: &str,
    now: i64,
) -> rusqlite::Result<Claim> {
    conn.execute(
        "DELETE FROM idempotency_keys WHERE created_at < ?1",
        params![now - RETENTION_SECS],
    )?;
    let existing: Option<(String, String, Option<u16>, Option<String>)> = conn
        .query_row(
            "SELECT request_hash, state, status, body FROM idempotency_keys
             WHERE customer_id = ?1 AND key = ?2",
            params![customer, key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    Ok(match existing {
        None => {
            conn.execute(
                "INSERT INTO idempotency_keys (customer_id, key, request_hash, state, created_at)
                 VALUES (?1, ?2, ?3, 'in_flight', ?4)",
                params![customer, key, hash, now],
            )?;
            Claim::Fresh
        }
        Some((stored, _, _, _)) if stored != hash => Claim::Reused,
        Some((_, state, Some(status), Some(body))) if state == "done" => {
            Claim::Replay { status, body }
        }
        Some(_) => Claim::InFlight,
    })
}

/// Stores the result to replay.
pub fn complete(
    conn: &Connection,
    customer: &str,
    key: &str,
    status: u16,
    body: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE idempotency_keys SET state = 'done', status = ?3, body = ?4
         WHERE customer_id = ?1 AND key = ?2",
        params![customer, key, status, body],
    )?;
    Ok(())
}

/// Forgets a claim whose request failed before it could change anything, so a retry may run.
pub fn release(conn: &Connection, customer: &str, key: &str) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM idempotency_keys WHERE customer_id = ?1 AND key = ?2 AND state = 'in_flight'",
        params![customer, key],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> Connection {
        crate::db::open(None).expect("db")
    }

    #[test]
    fn first_use_claims_then_replays_after_completion() {
        let conn = db();
        assert_eq!(claim(&conn, "c", "k", "h", 100), Ok(Claim::Fresh));
        assert_eq!(claim(&conn, "c", "k", "h", 101), Ok(Claim::InFlight));
        complete(&conn, "c", "k", 201, "{}").expect("complete");
        assert_eq!(
            claim(&conn, "c", "k", "h", 102),
            Ok(Claim::Replay {
                status: 201,
                body: "{}".into()
            })
        );
        assert_eq!(claim(&conn, "c", "k", "other", 103), Ok(Claim::Reused));
    }

    #[test]
    fn keys_are_scoped_to_the_customer_and_expire() {
        let conn = db();
        assert_eq!(claim(&conn, "a", "k", "h", 0), Ok(Claim::Fresh));
        assert_eq!(claim(&conn, "b", "k", "h", 0), Ok(Claim::Fresh));
        assert_eq!(
            claim(&conn, "a", "k", "h", RETENTION_SECS + 1),
            Ok(Claim::Fresh)
        );
    }

    #[test]
    fn a_released_claim_can_be_retried() {
        let conn = db();
        assert_eq!(claim(&conn, "c", "k", "h", 0), Ok(Claim::Fresh));
        release(&conn, "c", "k").expect("release");
        assert_eq!(claim(&conn, "c", "k", "h", 1), Ok(Claim::Fresh));
    }

    #[test]
    fn validates_the_header() {
        let mut h = HeaderMap::new();
        assert!(key(&h).is_err());
        h.insert(HEADER, "ok-key_123".parse().expect("header"));
        assert_eq!(key(&h).ok().as_deref(), Some("ok-key_123"));
        h.insert(HEADER, "has space".parse().expect("header"));
        assert!(key(&h).is_err());
        h.insert(HEADER, "x".repeat(256).parse().expect("header"));
        assert!(key(&h).is_err());
    }
}
