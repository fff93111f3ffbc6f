//! `POST /v1/enrollments`: join the program, with an order's points if the shop's claim for it
//! comes along (refused as a whole when that order was claimed before).

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use laurel_core::wire::{EnrollmentRequest, Member};

use crate::extract::ApiJson;
use crate::problem::ApiProblem;
use crate::state::AppState;
use crate::{auth, ledger, orders, program};

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
    let now = crate::now();
    let claim = match &req.order_claim {
        Some(c) => Some(orders::verify(&state.settings, c, now)?),
        None => None,
    };
    let shop_url = state.settings.shop_url.clone();
    state
        .with_db(move |conn| {
            let tx = conn.transaction()?;
            if let Err(p) = ledger::enroll(&tx, &customer, req.marketing_opt_in, now)? {
                return Ok(Err(p));
            }
            if let Some(claim) = &claim {
                if let Err(p) = orders::award(&tx, &customer, claim, now)? {
                    return Ok(Err(p));
                }
            }
            crate::challenges::settle(&tx, &customer, now)?;
            let member = program::load_member(&tx, &customer, &shop_url)?;
            tx.commit()?;
            Ok(member.ok_or_else(ApiProblem::internal))
        })
        .await?
        .map(|m| (StatusCode::CREATED, Json(m)))
}
