//! When to try a request again: only requests that are safe to repeat (GETs, and POSTs that
//! carry an Idempotency-Key), after no answer (network failure, timeout) or 408, 429 or a 5xx,
//! with full-jitter exponential backoff under a cap. A 429 or 503 waits as its `Retry-After`
//! says, in seconds or as an HTTP date, unless that is longer than a shopper should wait.

use crate::time::parse_http_date;

/// Tries in all, the first included.
pub const ATTEMPTS: u32 = 3;
/// The backoff's first step and its cap.
pub const BASE_MS: u64 = 400;
pub const CAP_MS: u64 = 4_000;
/// The longest `Retry-After` worth waiting for; beyond it the shopper is told to wait.
pub const MAX_RETRY_AFTER_MS: u64 = 10_000;

/// How the last try ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// No answer: a network failure or a timeout.
    NoAnswer,
    Status(u16),
}

/// The wait before try number `next` (2 for the first retry), or `None` to give up.
/// `random` is uniform in `0..1`; `now` is Unix seconds, for a `Retry-After` date.
pub fn delay_ms(
    next: u32,
    outcome: Outcome,
    repeatable: bool,
    retry_after: Option<&str>,
    now: i64,
    random: f64,
) -> Option<u64> {
    if !repeatable || !(2..=ATTEMPTS).contains(&next) {
        return None;
    }
    if let Outcome::Status(status) = outcome {
        if !(status == 408 || status == 429 || (500..=599).contains(&status)) {
            return None;
        }
        if let Some(wait) = retry_after.and_then(|v| retry_after_ms(v, now)) {
            return (wait <= MAX_RETRY_AFTER_MS).then_some(wait);
        }
    }
    let ceiling = CAP_MS.min(BASE_MS << (next - 2).min(16));
    Some((random.clamp(0.0, 1.0) * ceiling as f64) as u64)
}

/// A `Retry-After` value in milliseconds from now: delta seconds or an HTTP date.
pub fn retry_after_ms(value: &str, now: i64) -> Option<u64> {
    let value = value.trim_ascii();
    if let Some(secs) = crate::text::number(value) {
        return Some(secs.saturating_mul(1000));
    }
    let at = parse_http_date(value)?;
    Some(u64::try_from(at.saturating_sub(now)).unwrap_or(0) * 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_requests_safe_to_repeat_are_retried() {
        assert_eq!(delay_ms(2, Outcome::Status(503), false, None, 0, 0.5), None);
        assert!(delay_ms(2, Outcome::Status(503), true, None, 0, 0.5).is_some());
    }

    #[test]
    fn transient_failures_are_retried_and_refusals_are_not() {
        for status in [408, 429, 500, 502, 503, 504] {
            assert!(
                delay_ms(2, Outcome::Status(status), true, None, 0, 0.5).is_some(),
                "{status}"
            );
        }
        for status in [400, 401, 403, 404, 409, 422] {
            assert_eq!(
                delay_ms(2, Outcome::Status(status), true, None, 0, 0.5),
                None,
                "{status}"
            );
        }
        assert!(delay_ms(2, Outcome::NoAnswer, true, None, 0, 0.5).is_some());
    }

    #[test]
    fn backoff_is_full_jitter_under_a_growing_capped_ceiling() {
        let most = |next| delay_ms(next, Outcome::NoAnswer, true, None, 0, 1.0);
        assert_eq!(most(2), Some(BASE_MS));
        assert_eq!(most(3), Some(BASE_MS * 2));
        assert_eq!(delay_ms(2, Outcome::NoAnswer, true, None, 0, 0.0), Some(0));
        assert_eq!(
            delay_ms(2, Outcome::NoAnswer, true, None, 0, 0.25),
            Some(BASE_MS / 4)
        );
        assert_eq!(most(ATTEMPTS + 1), None);
        assert_eq!(most(1), None);
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date_is_honoured() {
        let now = 784_111_777;
        assert_eq!(
            delay_ms(2, Outcome::Status(429), true, Some("2"), now, 0.0),
            Some(2_000)
        );
        let date = "Sun, 06 Nov 1994 08:49:40 GMT";
        assert_eq!(
            delay_ms(2, Outcome::Status(429), true, Some(date), now, 0.0),
            Some(3_000)
        );
        // Too long to keep a shopper waiting: give up and say so.
        assert_eq!(
            delay_ms(2, Outcome::Status(503), true, Some("120"), now, 0.0),
            None
        );
        // A date in the past means now; an unreadable value falls back to the backoff.
        let past = "Sun, 06 Nov 1994 08:00:00 GMT";
        assert_eq!(
            delay_ms(2, Outcome::Status(429), true, Some(past), now, 0.9),
            Some(0)
        );
        assert_eq!(
            delay_ms(2, Outcome::Status(429), true, Some("soon"), now, 1.0),
            Some(BASE_MS)
        );
    }
}
