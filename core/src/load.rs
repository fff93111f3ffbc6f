//! The state of a request as the UI sees it.

/// What went wrong, as far as the shopper needs to know. Each kind has its own message, and
/// every problem type of the contract has its own kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// No answer: offline, DNS, CORS or connection refused.
    Network,
    /// No answer within the configured time.
    Timeout,
    /// `token-expired`: the shopper's session has ended.
    Unauthorized,
    /// `unauthenticated`: the token was refused, or there was none where one is needed.
    SignIn,
    /// `rate-limited`.
    RateLimited,
    /// `internal`, or a server error without a known type.
    Server,
    /// The API answered, but not with what the contract says.
    BadResponse,
    InsufficientPoints,
    RewardUnavailable,
    TierTooLow,
    NotEnrolled,
    AlreadyEnrolled,
    /// `order-claimed`: this order's points went to a member already.
    OrderClaimed,
    /// `order-claim-invalid`: the shop's claim for an order is not signed right or has expired.
    OrderClaimInvalid,
    /// `request-in-flight`: the same request is still being processed.
    InFlight,
    /// `validation`: the API refused the input.
    Invalid,
    /// `idempotency-key-missing`.
    KeyMissing,
    /// `idempotency-key-reused`.
    KeyReused,
    /// `not-found`.
    NotFound,
    /// `payload-too-large`.
    TooLarge,
    /// A refusal of a type this widget does not know.
    Unknown,
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

    /// Maps a problem+json `type` (the contract's stable types); a type it does not know falls
    /// back to the status.
    pub fn from_problem(status: u16, problem_type: Option<&str>) -> Self {
        let short = problem_type.and_then(|t| t.strip_prefix("https://laurel.dev/problems/"));
        match short {
            Some("unauthenticated") => Self::SignIn,
            Some("token-expired") => Self::Unauthorized,
            Some("insufficient-points") => Self::InsufficientPoints,
            Some("reward-unavailable") => Self::RewardUnavailable,
            Some("tier-too-low") => Self::TierTooLow,
            Some("not-enrolled") => Self::NotEnrolled,
            Some("already-enrolled") => Self::AlreadyEnrolled,
            Some("order-claimed") => Self::OrderClaimed,
            Some("order-claim-invalid") => Self::OrderClaimInvalid,
            Some("request-in-flight") => Self::InFlight,
            Some("validation") => Self::Invalid,
            Some("idempotency-key-missing") => Self::KeyMissing,
            Some("idempotency-key-reused") => Self::KeyReused,
            Some("rate-limited") => Self::RateLimited,
            Some("not-found") => Self::NotFound,
            Some("payload-too-large") => Self::TooLarge,
            Some("internal") => Self::Server,
            _ => Self::from_status(status),
        }
    }

    /// Maps an HTTP status that is not a success, for a problem of no known type.
    pub fn from_status(status: u16) -> Self {
        match status {
            401 | 403 => Self::Unauthorized,
            408 | 504 => Self::Timeout,
            429 => Self::RateLimited,
            500..=599 => Self::Server,
            _ => Self::Unknown,
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
            Self::OrderClaimed => "order-claimed",
            Self::OrderClaimInvalid => "order-claim-invalid",
            Self::InFlight => "in-flight",
            Self::Invalid => "invalid",
            Self::SignIn => "sign-in",
            Self::KeyMissing => "key-missing",
            Self::KeyReused => "key-reused",
            Self::NotFound => "not-found",
            Self::TooLarge => "too-large",
            Self::Unknown => "unknown",
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
        assert_eq!(ErrorKind::from_status(404), ErrorKind::Unknown);
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
    fn every_problem_type_of_the_contract_has_its_own_kind() {
        use crate::wire::problem_type::*;
        let kinds: Vec<ErrorKind> = [
            UNAUTHENTICATED,
            TOKEN_EXPIRED,
            NOT_ENROLLED,
            ALREADY_ENROLLED,
            ORDER_CLAIMED,
            ORDER_CLAIM_INVALID,
            INSUFFICIENT_POINTS,
            REWARD_UNAVAILABLE,
            TIER_TOO_LOW,
            IDEMPOTENCY_KEY_MISSING,
            IDEMPOTENCY_KEY_REUSED,
            REQUEST_IN_FLIGHT,
            RATE_LIMITED,
            VALIDATION,
            NOT_FOUND,
            PAYLOAD_TOO_LARGE,
            INTERNAL,
        ]
        .iter()
        .map(|t| ErrorKind::from_problem(400, Some(t)))
        .collect();
        for (i, k) in kinds.iter().enumerate() {
            assert_ne!(*k, ErrorKind::Unknown, "{i}");
            assert!(!kinds[i + 1..].contains(k), "{k:?} is shared");
        }
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
            ErrorKind::Unknown
        );
        assert_eq!(ErrorKind::from_problem(503, None), ErrorKind::Server);
    }
}
