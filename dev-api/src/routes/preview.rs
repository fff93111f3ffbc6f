//! `GET /v1/points-preview?amount=&currency=`: what a purchase would earn; `?order=` with the
//! shop's claim for an order: what that order earns a shopper who joins.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use laurel_core::earn::parse_amount;
use laurel_core::money::is_currency_code;
use laurel_core::tier::place;
use laurel_core::wire::PointsPreview;

use crate::extract::Params;
use crate::problem::ApiProblem;
use crate::state::AppState;
use crate::{auth, orders, program};

pub async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
    Params(q): Params,
) -> Result<Json<PointsPreview>, ApiProblem> {
    let viewer = auth::viewer(&state.settings, &headers)?;
    if let Some(claim) = q.get("order") {
        let claim = orders::verify(&state.settings, claim, crate::now())?;
        let points = state
            .with_db(move |conn| program::order_points(conn, claim.cents, 100))
            .await?;
        return Ok(Json(PointsPreview {
            points,
            multiplier: 1.0,
        }));
    }
    let cents = q
        .get("amount")
        .and_then(|a| parse_amount(a))
        .ok_or_else(|| {
            ApiProblem::validation("amount must be a decimal like 49.90 (at most two decimals).")
        })?;
    let currency_ok = q.get("currency").is_some_and(|c| is_currency_code(c));
    if !currency_ok {
        return Err(ApiProblem::validation(
            "currency must be an ISO 4217 code like EUR.",
        ));
    }
    state
        .with_db(move |conn| {
            let member = match viewer {
                Some(id) => program::customer(conn, &id)?.filter(|c| c.enrolled),
                None => None,
            };
            let tiers = program::tiers(conn)?;
            let multiplier = member
                .and_then(|m| {
                    place(&tiers, m.lifetime_points)
                        .current
                        .map(|t| t.earn_multiplier)
                })
                .unwrap_or(1.0);
            let percent = (multiplier * 100.0).round() as u32;
            Ok(PointsPreview {
                points: program::order_points(conn, cents, percent)?,
                multiplier,
            })
        })
        .await
        .map(Json)
}
