//! `GET /v1/points-preview?amount=&currency=[&collection=]`: what a purchase would earn, a
//! running boost included; `?order=` with the shop's claim for an order: what that order earns
//! a shopper who joins.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use laurel_core::boost::is_handle;
use laurel_core::earn::parse_amount;
use laurel_core::money::is_currency_code;
use laurel_core::tier::place;
use laurel_core::wire::PointsPreview;

use crate::extract::Params;
use crate::problem::ApiProblem;
use crate::state::AppState;
use crate::{auth, boosts, orders, program};

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
            boost: None,
        }));
    }
    let cents = q
        .get("amount")
        .and_then(|a| parse_amount(a))
        .ok_or_else(|| {
            ApiProblem::validation("amount must be a decimal like 49.90 (at most two decimals).")
        })?;
    let collection = q.get("collection").cloned();
    if collection.as_deref().is_some_and(|c| !is_handle(c)) {
        return Err(ApiProblem::validation(
            "collection must be a handle like running-gear: lowercase letters, digits and dashes.",
        ));
    }
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
            let base = program::order_points(conn, cents, percent)?;
            let (points, boost) =
                boosts::for_purchase(conn, crate::now(), collection.as_deref(), base)?;
            Ok(PointsPreview {
                points,
                multiplier,
                boost,
            })
        })
        .await
        .map(Json)
}
