//! A fixed-window rate limit per customer for requests that change state.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::problem::ApiProblem;

pub struct RateLimiter {
    limit: u32,
    window: Duration,
    seen: Mutex<HashMap<String, (Instant, u32)>>,
}

impl RateLimiter {
    pub fn new(limit: u32, window: Duration) -> Self {
        Self {
            limit,
            window,
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one request for `key`; refuses with 429 and `Retry-After` over the limit.
    pub fn check(&self, key: &str) -> Result<(), ApiProblem> {
        let now = Instant::now();
        let mut seen = self.seen.lock().map_err(|_| ApiProblem::internal())?;
        if seen.len() > 10_000 {
            seen.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let entry = seen.entry(key.to_owned()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        if entry.1 >= self.limit {
            let left = self.window.saturating_sub(now.duration_since(entry.0));
            return Err(ApiProblem::rate_limited(left.as_secs().max(1)));
        }
        entry.1 += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_past_the_limit_per_key() {
        let limiter = RateLimiter::new(2, Duration::from_secs(60));
        assert!(limiter.check("a").is_ok());
        assert!(limiter.check("a").is_ok());
        let refused = limiter.check("a").expect_err("third is over the limit");
        assert_eq!(refused.status.as_u16(), 429);
        assert!(refused.retry_after.is_some_and(|s| (1..=60).contains(&s)));
        assert!(limiter.check("b").is_ok());
    }

    #[test]
    fn a_new_window_starts_over() {
        let limiter = RateLimiter::new(1, Duration::from_millis(1));
        assert!(limiter.check("a").is_ok());
        std::thread::sleep(Duration::from_millis(5));
        assert!(limiter.check("a").is_ok());
    }
}
