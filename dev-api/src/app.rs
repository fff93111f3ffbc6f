//! The API router and its middleware.

use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::routing::get;
use axum::Router;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::trace::TraceLayer;

use crate::problem::ApiProblem;
use crate::routes::{actions, activity, enrollments, preview, redemptions, widget};
use crate::state::AppState;

/// Largest request body the API reads.
pub const BODY_LIMIT_BYTES: usize = 16 * 1024;

pub fn router(state: AppState, allowed_origins: &[String]) -> Router {
    let origins: Vec<HeaderValue> = allowed_origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            HeaderName::from_static("idempotency-key"),
        ])
        .expose_headers([
            header::RETRY_AFTER,
            HeaderName::from_static("idempotent-replayed"),
        ])
        .max_age(Duration::from_secs(600));
    Router::new()
        .route("/v1/widget", get(widget::get))
        .route("/v1/enrollments", axum::routing::post(enrollments::post))
        .route(
            "/v1/redemptions",
            get(redemptions::list).post(redemptions::post),
        )
        .route("/v1/activity", get(activity::get))
        .route("/v1/actions", axum::routing::post(actions::post))
        .route("/v1/points-preview", get(preview::get))
        .fallback(|| async { ApiProblem::not_found("No such endpoint.") })
        .method_not_allowed_fallback(|| async { ApiProblem::method_not_allowed() })
        .with_state(state)
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(cors)
        .layer(TraceLayer::new_for_http())
}
