//! `GET /v1/activity?cursor=&limit=`: points history, newest first.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use laurel_core::wire::ActivityPage;

use crate::extract::Params;
use crate::problem::ApiProblem;
use crate::state::AppState;
use crate::{auth, ledger, program};

pub const DEFAULT_LIMIT: u32 = 20;
pub const MAX_LIMIT: u32 = 100;

pub async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
    Params(q): Params,
) -> Result<Json<ActivityPage>, ApiProblem> {
    let customer = auth::customer(&state.settings, &headers)?;
    let limit = match q.get("limit") {
        None => DEFAULT_LIMIT,
        Some(l) => l
            .parse::<u32>()
            .ok()
            .filter(|l| (1..=MAX_LIMIT).contains(l))
            .ok_or_else(|| ApiProblem::validation(format!("limit must be 1 to {MAX_LIMIT}.")))?,
    };
    let before = match q.get("cursor") {
        None => None,
        Some(c) => Some(
            c.parse::<i64>()
                .ok()
                .filter(|c| *c > 0)
                .ok_or_else(|| ApiProblem::validation("cursor is not one this API issued."))?,
        ),
    };
    state
        .with_db(move |conn| {
            if !program::customer(conn, &customer)?.is_some_and(|c| c.enrolled) {
                return Ok(Err(ApiProblem::not_enrolled()));
            }
            let (items, next_cursor) = ledger::activity(conn, &customer, before, limit)?;
            Ok(Ok(ActivityPage { items, next_cursor }))
        })
        .await?
        .map(Json)
}
