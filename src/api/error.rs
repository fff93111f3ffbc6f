use laurel_core::load::ErrorKind;
use laurel_core::text::{concat, decimal};
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

impl ApiError {
    /// What went wrong, for the console. Concatenated, not formatted: see `laurel_core::text`.
    pub fn message(&self) -> String {
        let status = |s: &u16| concat(&["HTTP ", &decimal(u64::from(*s))]);
        match self {
            Self::Network(e) => concat(&["network error: ", e]),
            Self::Timeout => "timed out".into(),
            Self::Status {
                status: s,
                problem: Some(p),
            } => concat(&[&status(s), ": ", &p.title, " (", &p.kind, ")"]),
            Self::Status { status: s, .. } => status(s),
            Self::Decode(e) => concat(&["unexpected response: ", e]),
            Self::SignedOut => "signed out: no fresh token".into(),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}
