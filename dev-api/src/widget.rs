//! `GET /v1/widget`: program, member (or null) and tiers in one response.

use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::Json;
use laurel_core::tier::place;
use laurel_core::wire::{Member, NextTier, TierRef, WidgetData};

use crate::app::AppState;
use crate::db;
use crate::jwt::{self, JwtError};
use crate::problem::ApiProblem;

/// The customer id from `Authorization: Bearer`, `None` without the header (a guest).
pub fn authenticate(state: &AppState, headers: &HeaderMap) -> Result<Option<String>, ApiProblem> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let token = value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| ApiProblem::unauthenticated("Use 'Authorization: Bearer <token>'."))?;
    match jwt::verify(
        &state.settings.secret,
        token,
        &state.settings.shop_id,
        crate::now(),
    ) {
        Ok(claims) => Ok(Some(claims.sub)),
        Err(JwtError::Expired) => Err(ApiProblem::token_expired()),
        Err(e) => Err(ApiProblem::unauthenticated(&format!(
            "The token was rejected: {e:?}."
        ))),
    }
}

pub async fn get_widget(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<WidgetData>, ApiProblem> {
    let customer_id = authenticate(&state, &headers)?;
    let data = state
        .with_db(move |conn| {
            let program = db::program(conn)?;
            let tiers = db::tiers(conn)?;
            let customer = customer_id.map(|id| db::customer(conn, &id)).transpose()?;
            Ok((program, tiers, customer))
        })
        .await?;
    let (program, tiers, customer) = data;
    let member = match customer {
        None => None,
        Some(None) => {
            return Err(ApiProblem::unauthenticated(
                "The token names no customer of this shop.",
            ))
        }
        Some(Some(c)) if c.enrolled => Some(member(&tiers, c)),
        // Signed in but not enrolled: no member yet.
        Some(Some(_)) => None,
    };
    Ok(Json(WidgetData {
        program,
        member,
        tiers,
    }))
}

fn member(tiers: &[laurel_core::wire::Tier], c: db::Customer) -> Member {
    let placement = place(tiers, c.lifetime_points);
    Member {
        first_name: c.first_name,
        balance: c.balance,
        lifetime_points: c.lifetime_points,
        tier: placement.current.map(|t| TierRef {
            id: t.id.clone(),
            name: t.name.clone(),
            threshold: t.threshold,
        }),
        next_tier: placement.next.map(|t| NextTier {
            id: t.id.clone(),
            name: t.name.clone(),
            threshold: t.threshold,
            points_remaining: placement.points_remaining,
        }),
    }
}
