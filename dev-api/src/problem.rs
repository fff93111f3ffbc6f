//! RFC 9457 problem+json responses.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use laurel_core::wire::{problem_type, Problem};

pub struct ApiProblem {
    status: StatusCode,
    problem: Problem,
}

impl ApiProblem {
    pub fn new(status: StatusCode, kind: &str, title: &str, detail: Option<String>) -> Self {
        Self {
            status,
            problem: Problem {
                kind: kind.into(),
                title: title.into(),
                status: Some(status.as_u16()),
                detail,
            },
        }
    }

    pub fn unauthenticated(detail: &str) -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            problem_type::UNAUTHENTICATED,
            "Unauthenticated",
            Some(detail.into()),
        )
    }

    pub fn token_expired() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            problem_type::TOKEN_EXPIRED,
            "Token expired",
            Some("The bearer token has expired; ask the shop for a fresh one.".into()),
        )
    }

    pub fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            problem_type::NOT_FOUND,
            "Not found",
            None,
        )
    }

    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            problem_type::INTERNAL,
            "Internal error",
            None,
        )
    }
}

impl IntoResponse for ApiProblem {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.problem).unwrap_or_default();
        (
            self.status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            body,
        )
            .into_response()
    }
}
