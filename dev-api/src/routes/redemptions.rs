//! `POST /v1/redemptions` (idempotent) and `GET /v1/redemptions`.

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use laurel_core::wire::{RedemptionList, RedemptionRequest};

use crate::extract::ApiJson;
use crate::idempotency::{self, Claim};
use crate::problem::ApiProblem;
use crate::state::AppState;
use crate::{auth, ledger};

pub async fn post(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<RedemptionRequest>,
) -> Result<Response, ApiProblem> {
    let customer = auth::customer(&state.settings, &headers)?;
    state.limiter.check(&customer)?;
    let key = idempotency::key(&headers)?;
    let hash = idempotency::fingerprint(&req);
    let now = crate::now();

    let claim = {
        let (customer, key) = (customer.clone(), key.clone());
        state
            .with_db(move |conn| idempotency::claim(conn, &customer, &key, &hash, now))
            .await?
    };
    match claim {
        Claim::Fresh => {}
        Claim::Replay { status, body } => return Ok(stored(status, body, true)),
        Claim::InFlight => return Err(ApiProblem::request_in_flight()),
        Claim::Reused => return Err(ApiProblem::idempotency_key_reused()),
    }

    // Issuing a code at the shop platform happens here, outside the database lock; while it
    // runs, a duplicate request sees the key in flight.
    if state.settings.issue_delay.is_zero() {
        tokio::task::yield_now().await;
    } else {
        tokio::time::sleep(state.settings.issue_delay).await;
    }

    let seed = [
        state.settings.secret.as_slice(),
        customer.as_bytes(),
        key.as_bytes(),
    ]
    .concat();
    let outcome = {
        let (customer, key) = (customer.clone(), key.clone());
        state
            .with_db(move |conn| {
                let tx = conn.transaction()?;
                let result = ledger::redeem(&tx, &customer, &req.reward_id, &seed, now)?;
                if result.is_ok() {
                    crate::challenges::settle(&tx, &customer, now)?;
                }
                let (status, body) = match &result {
                    Ok(r) => (201, serde_json::to_string(r).unwrap_or_default()),
                    Err(p) => (p.status.as_u16(), p.body()),
                };
                idempotency::complete(&tx, &customer, &key, status, &body)?;
                tx.commit()?;
                Ok((status, body))
            })
            .await
    };
    match outcome {
        Ok((status, body)) => Ok(stored(status, body, false)),
        Err(problem) => {
            // Nothing was committed: let a retry with the same key run again.
            let _ = state
                .with_db(move |conn| idempotency::release(conn, &customer, &key))
                .await;
            Err(problem)
        }
    }
}

/// A stored outcome as a response; problems keep their media type.
fn stored(status: u16, body: String, replayed: bool) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let content_type = if status.is_success() {
        "application/json"
    } else {
        "application/problem+json"
    };
    let mut response = (status, [(header::CONTENT_TYPE, content_type)], body).into_response();
    if replayed {
        response
            .headers_mut()
            .insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    response
}

pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<RedemptionList>, ApiProblem> {
    let customer = auth::customer(&state.settings, &headers)?;
    state
        .with_db(move |conn| {
            if !crate::program::customer(conn, &customer)?.is_some_and(|c| c.enrolled) {
                return Ok(Err(ApiProblem::not_enrolled()));
            }
            Ok(Ok(RedemptionList {
                items: ledger::redemptions(conn, &customer)?,
            }))
        })
        .await?
        .map(Json)
}
