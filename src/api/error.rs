use laurel_core::load::ErrorKind;
use laurel_core::wire::Problem;

/// Every way a call to the loyalty API can fail.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The request never got an answer (offline, DNS, CORS, refused).
    Network(String),
    /// No answer within the configured time; the request was aborted.
    Timeout,
    /// A non-success status, with the problem+json body when there was one.
    Status {
        status: u16,
        problem: Option<Problem>,
    },
    /// A success status whose body does not match the contract.
    Decode(String),
    /// The token was refused and the shop's token endpoint had no fresh one: the shopper is a
    /// guest now.
    SignedOut,
}

impl ApiError {
    /// What the shopper is told.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Network(_) => ErrorKind::Network,
            Self::Timeout => ErrorKind::Timeout,
            Self::Status { status, problem } => {
                ErrorKind::from_problem(*status, problem.as_ref().map(|p| p.kind.as_str()))
            }
            Self::Decode(_) => ErrorKind::BadResponse,
            Self::SignedOut => ErrorKind::SignIn,
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Network(e) => write!(f, "network error: {e}"),
            Self::Timeout => f.write_str("timed out"),
            Self::Status {
                status,
                problem: Some(p),
            } => write!(f, "HTTP {status}: {} ({})", p.title, p.kind),
            Self::Status { status, .. } => write!(f, "HTTP {status}"),
            Self::Decode(e) => write!(f, "unexpected response: {e}"),
            Self::SignedOut => f.write_str("signed out: no fresh token"),
        }
    }
}
