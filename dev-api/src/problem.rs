//! RFC 9457 problem+json responses, one constructor per stable problem type.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use laurel_core::wire::{problem_type as t, Problem};

#[derive(Debug, Clone)]
pub struct ApiProblem {
    pub status: StatusCode,
    pub problem: Problem,
    /// Seconds, for 429.
    pub retry_after: Option<u64>,
}

impl ApiProblem {
    pub fn new(status: StatusCode, kind: &str, title: &str, detail: impl Into<String>) -> Self {
        Self {
            status,
            problem: Problem {
                kind: kind.into(),
                title: title.into(),
                status: Some(status.as_u16()),
                detail: Some(detail.into()),
            },
            retry_after: None,
        }
    }

    pub fn unauthenticated(detail: &str) -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            t::UNAUTHENTICATED,
            "Unauthenticated",
            detail,
        )
    }

    pub fn token_expired() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            t::TOKEN_EXPIRED,
            "Token expired",
            "The bearer token has expired; ask the shop for a fresh one.",
        )
    }

    pub fn not_enrolled() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            t::NOT_ENROLLED,
            "Not enrolled",
            "Join the program first.",
        )
    }

    pub fn already_enrolled() -> Self {
        Self::new(
            StatusCode::CONFLICT,
            t::ALREADY_ENROLLED,
            "Already enrolled",
            "This customer is already a member.",
        )
    }

    pub fn order_claimed() -> Self {
        Self::new(
            StatusCode::CONFLICT,
            t::ORDER_CLAIMED,
            "Order already claimed",
            "The points for this order have already been claimed.",
        )
    }

    pub fn order_claim_invalid(why: &str) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            t::ORDER_CLAIM_INVALID,
            "Order claim not valid",
            format!("The order claim {why}; ask the shop for a fresh one."),
        )
    }

    pub fn insufficient_points(balance: u64, cost: u64) -> Self {
        Self::new(
            StatusCode::CONFLICT,
            t::INSUFFICIENT_POINTS,
            "Insufficient points",
            format!("This reward costs {cost} points; the balance is {balance}."),
        )
    }

    pub fn reward_unavailable(detail: &str) -> Self {
        Self::new(
            StatusCode::CONFLICT,
            t::REWARD_UNAVAILABLE,
            "Reward unavailable",
            detail,
        )
    }

    pub fn tier_too_low(tier: &str) -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            t::TIER_TOO_LOW,
            "Tier too low",
            format!("This reward needs the {tier} tier or higher."),
        )
    }

    pub fn idempotency_key_missing() -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            t::IDEMPOTENCY_KEY_MISSING,
            "Idempotency-Key missing",
            "Send an Idempotency-Key header (1 to 255 visible ASCII characters) with this request.",
        )
    }

    pub fn idempotency_key_reused() -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            t::IDEMPOTENCY_KEY_REUSED,
            "Idempotency-Key reused",
            "This Idempotency-Key was used with a different request body.",
        )
    }

    pub fn request_in_flight() -> Self {
        Self::new(
            StatusCode::CONFLICT,
            t::REQUEST_IN_FLIGHT,
            "Request in flight",
            "A request with this Idempotency-Key is still being processed; retry shortly.",
        )
    }

    pub fn rate_limited(retry_after: u64) -> Self {
        let mut p = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            t::RATE_LIMITED,
            "Rate limited",
            format!("Too many requests; retry in {retry_after} seconds."),
        );
        p.retry_after = Some(retry_after);
        p
    }

    pub fn validation(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            t::VALIDATION,
            "Invalid request",
            detail,
        )
    }

    pub fn payload_too_large() -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            t::PAYLOAD_TOO_LARGE,
            "Payload too large",
            "The request body is over the limit.",
        )
    }

    pub fn not_found(detail: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, t::NOT_FOUND, "Not found", detail)
    }

    pub fn method_not_allowed() -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            t::VALIDATION,
            "Method not allowed",
            "This path does not accept that method.",
        )
    }

    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            t::INTERNAL,
            "Internal error",
            "Something went wrong; nothing was changed.",
        )
    }

    pub fn body(&self) -> String {
        serde_json::to_string(&self.problem).unwrap_or_default()
    }
}

impl IntoResponse for ApiProblem {
    fn into_response(self) -> Response {
        let mut response = (
            self.status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            self.body(),
        )
            .into_response();
        if let Some(secs) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}
