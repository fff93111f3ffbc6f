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
}

impl ErrorKind {
    /// Whether trying again may help. Retrying cannot fix a rejected token.
    pub fn retryable(self) -> bool {
        !matches!(self, Self::Unauthorized)
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
    fn only_auth_failures_are_not_retryable() {
        assert!(!ErrorKind::Unauthorized.retryable());
        assert!(ErrorKind::Network.retryable());
        assert!(ErrorKind::Server.retryable());
    }
}
