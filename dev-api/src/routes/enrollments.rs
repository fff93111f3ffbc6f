//! `POST /v1/enrollments`: join the program.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use laurel_core::wire::{EnrollmentRequest, Member};

use crate::app::AppState;
use crate::extract::ApiJson;
use crate::problem::ApiProblem;
use crate::{auth, ledger, program};

pub async fn post(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<EnrollmentRequest>,
) -> Result<(StatusCode, Json<Member>), ApiProblem> {
    let customer = auth::customer(&state.settings, &headers)?;
    state.limiter.check(&customer)?;
    if !req.accept_terms {
        return Err(ApiProblem::validation("accept_terms must be true to join."));
    }
    let shop_url = state.settings.shop_url.clone();
    let now = crate::now();
    state
        .with_db(move |conn| {
            let tx = conn.transaction()?;
            if let Err(p) = ledger::enroll(&tx, &customer, req.marketing_opt_in, now)? {
                return Ok(Err(p));
            }
            let member = program::load_member(&tx, &customer, &shop_url)?;
            tx.commit()?;
            Ok(member.ok_or_else(ApiProblem::internal))
        })
        .await?
        .map(|m| (StatusCode::CREATED, Json(m)))
}
