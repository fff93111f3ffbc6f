//! A rate limit per customer for requests that change state: `governor`'s GCRA, allowing
//! `limit` requests per window in a burst and refilling one every `window / limit`.

use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};

use crate::problem::ApiProblem;

pub struct RateLimiter {
    inner: DefaultKeyedRateLimiter<String>,
    clock: DefaultClock,
}

impl RateLimiter {
    pub fn new(limit: u32, window: Duration) -> Self {
        let burst = NonZeroU32::new(limit).unwrap_or(NonZeroU32::MIN);
        let refill = (window / burst.get()).max(Duration::from_nanos(1));
        let quota = Quota::with_period(refill)
            .unwrap_or_else(|| Quota::per_second(burst))
            .allow_burst(burst);
        Self {
            inner: DefaultKeyedRateLimiter::keyed(quota),
            clock: DefaultClock::default(),
        }
    }

    /// Counts one request for `key`; refuses with 429 and `Retry-After` over the limit.
    pub fn check(&self, key: &str) -> Result<(), ApiProblem> {
        // Forget customers who have been quiet, so the table cannot grow without bound.
        if self.inner.len() > 10_000 {
            self.inner.retain_recent();
        }
        self.inner.check_key(&key.to_owned()).map_err(|not_until| {
            let wait = not_until.wait_time_from(self.clock.now());
            ApiProblem::rate_limited(wait.as_secs().max(1))
        })
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
