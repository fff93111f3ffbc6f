//! What every request handler shares: the database, the settings and the rate limiter.

use std::sync::Arc;
use std::time::Duration;

use rusqlite::Connection;

use crate::db::Db;
use crate::problem::ApiProblem;
use crate::ratelimit::RateLimiter;
use crate::Settings;

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
