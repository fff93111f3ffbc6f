//! The API router, its state and its middleware.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::routing::get;
use axum::Router;
use rusqlite::Connection;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::trace::TraceLayer;

use crate::db::Db;
use crate::problem::ApiProblem;
use crate::ratelimit::RateLimiter;
use crate::routes::{actions, activity, enrollments, preview, redemptions, widget};
use crate::Settings;

/// Largest request body the API reads.
pub const BODY_LIMIT_BYTES: usize = 16 * 1024;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub limiter: Arc<RateLimiter>,
}

impl AppState {
    pub fn new(conn: Connection, settings: Settings) -> Self {
        let limiter = RateLimiter::new(settings.rate_limit_per_minute, Duration::from_secs(60));
        Self {
            db: Arc::new(std::sync::Mutex::new(conn)),
            settings: Arc::new(settings),
            limiter: Arc::new(limiter),
        }
    }

    /// Runs blocking SQLite work off the async threads. A database failure is logged and
    /// becomes a 500 problem; the work's own transaction is rolled back on drop.
    pub async fn with_db<T, F>(&self, work: F) -> Result<T, ApiProblem>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let db = self.db.clone();
        let joined = tokio::task::spawn_blocking(move || {
            let mut conn = db.lock().map_err(|_| "database lock poisoned".to_owned())?;
            work(&mut conn).map_err(|e| e.to_string())
        })
        .await;
        match joined {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(e)) => {
                tracing::error!(error = %e, "database error");
                Err(ApiProblem::internal())
            }
            Err(e) => {
                tracing::error!(error = %e, "database task failed");
                Err(ApiProblem::internal())
            }
        }
    }
}

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
