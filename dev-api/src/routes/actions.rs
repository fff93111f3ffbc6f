//! `POST /v1/actions`: shopper actions that earn points, each awarded at most once.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use laurel_core::time::valid_birthday;
use laurel_core::wire::{ActionRequest, ActionResult, Birthday, EarnKind};
use rusqlite::params;

use crate::extract::ApiJson;
use crate::problem::ApiProblem;
use crate::state::AppState;
use crate::{auth, challenges, ledger, program};

pub async fn post(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(action): ApiJson<ActionRequest>,
) -> Result<Json<ActionResult>, ApiProblem> {
    let customer = auth::customer(&state.settings, &headers)?;
    state.limiter.check(&customer)?;
    if let ActionRequest::SetBirthday(Birthday { birthday }) = &action {
        if !valid_birthday(birthday) {
            return Err(ApiProblem::validation(
                "birthday must be a real date as MM-DD.",
            ));
        }
    }
    let shop_url = state.settings.shop_url.clone();
    let now = crate::now();
    state
        .with_db(move |conn| {
            let tx = conn.transaction()?;
            if !program::customer(&tx, &customer)?.is_some_and(|c| c.enrolled) {
                return Ok(Err(ApiProblem::not_enrolled()));
            }
            let kind = match &action {
                ActionRequest::SetBirthday(Birthday { birthday }) => {
                    tx.execute(
                        "UPDATE customers SET birthday = ?2 WHERE id = ?1",
                        params![customer, birthday],
                    )?;
                    EarnKind::Birthday
                }
                ActionRequest::NewsletterSubscribe(_) => EarnKind::Newsletter,
                ActionRequest::SocialFollow(_) => EarnKind::SocialFollow,
            };
            let points_awarded = ledger::complete_rule(&tx, &customer, kind, now)?;
            challenges::settle(&tx, &customer, now)?;
            let member = program::load_member(&tx, &customer, &shop_url)?;
            tx.commit()?;
            Ok(member
                .map(|member| ActionResult {
                    points_awarded,
                    member,
                })
                .ok_or_else(ApiProblem::internal))
        })
        .await?
        .map(Json)
}
