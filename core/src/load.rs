//! The state of a request as the UI sees it.

/// What went wrong, as far as the shopper needs to know. Each kind has its own message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// No answer: offline, DNS, CORS or connection refused.
    Network,
    /// No answer within the configured time.
    Timeout,
    /// The token was rejected or has expired.
    Unauthorized,
    /// Too many requests.
    RateLimited,
    /// The API answered with a server error.
    Server,
    /// The API answered, but not with what the contract says.
    BadResponse,
    InsufficientPoints,
    RewardUnavailable,
    TierTooLow,
    NotEnrolled,
    AlreadyEnrolled,
    /// The same request is still being processed.
    InFlight,
    /// The API refused the input.
    Invalid,
}

impl ErrorKind {
    /// Whether trying again may help. Retrying cannot fix a rejected token or a refusal.
    pub fn retryable(self) -> bool {
        matches!(
            self,
            Self::Network
                | Self::Timeout
                | Self::RateLimited
                | Self::Server
                | Self::BadResponse
                | Self::InFlight
        )
    }

    /// Maps a problem+json `type` (the contract's stable types), falling back to the status.
    pub fn from_problem(status: u16, problem_type: Option<&str>) -> Self {
        let short = problem_type.and_then(|t| t.strip_prefix("https://laurel.dev/problems/"));
        match short {
            Some("insufficient-points") => Self::InsufficientPoints,
            Some("reward-unavailable") => Self::RewardUnavailable,
            Some("tier-too-low") => Self::TierTooLow,
            Some("not-enrolled") => Self::NotEnrolled,
            Some("already-enrolled") => Self::AlreadyEnrolled,
            Some("request-in-flight") => Self::InFlight,
            Some("validation" | "idempotency-key-missing" | "idempotency-key-reused") => {
                Self::Invalid
            }
            _ => Self::from_status(status),
        }
    }

    /// Maps an HTTP status that is not a success.
    pub fn from_status(status: u16) -> Self {
        match status {
            401 | 403 => Self::Unauthorized,
            408 | 504 => Self::Timeout,
            429 => Self::RateLimited,
            500..=599 => Self::Server,
            _ => Self::BadResponse,
        }
    }

    /// A stable name for events and logs, e.g. `insufficient-points`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Network => "network",
            Self::Timeout => "timeout",
            Self::Unauthorized => "unauthorized",
            Self::RateLimited => "rate-limited",
            Self::Server => "server",
            Self::BadResponse => "bad-response",
            Self::InsufficientPoints => "insufficient-points",
            Self::RewardUnavailable => "reward-unavailable",
            Self::TierTooLow => "tier-too-low",
            Self::NotEnrolled => "not-enrolled",
            Self::AlreadyEnrolled => "already-enrolled",
            Self::InFlight => "in-flight",
            Self::Invalid => "invalid",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(ErrorKind),
}

#[cfg(test)]
mod tests {
    use super::ErrorKind;

    #[test]
    fn statuses_map_to_kinds() {
        assert_eq!(ErrorKind::from_status(401), ErrorKind::Unauthorized);
        assert_eq!(ErrorKind::from_status(429), ErrorKind::RateLimited);
        assert_eq!(ErrorKind::from_status(503), ErrorKind::Server);
        assert_eq!(ErrorKind::from_status(504), ErrorKind::Timeout);
        assert_eq!(ErrorKind::from_status(404), ErrorKind::BadResponse);
    }

    #[test]
    fn transient_failures_are_retryable_and_refusals_are_not() {
        assert!(!ErrorKind::Unauthorized.retryable());
        assert!(!ErrorKind::InsufficientPoints.retryable());
        assert!(ErrorKind::Network.retryable());
        assert!(ErrorKind::Server.retryable());
        assert!(ErrorKind::InFlight.retryable());
    }

    #[test]
    fn problem_types_map_before_statuses() {
        let t = |s| Some(s);
        assert_eq!(
            ErrorKind::from_problem(409, t("https://laurel.dev/problems/insufficient-points")),
            ErrorKind::InsufficientPoints
        );
        assert_eq!(
            ErrorKind::from_problem(409, t("https://laurel.dev/problems/request-in-flight")),
            ErrorKind::InFlight
        );
        assert_eq!(
            ErrorKind::from_problem(409, t("about:blank")),
            ErrorKind::BadResponse
        );
        assert_eq!(ErrorKind::from_problem(503, None), ErrorKind::Server);
    }
}
