//! `GET /v1/widget`: everything the first render needs, in one response.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use laurel_core::wire::WidgetData;

use crate::problem::ApiProblem;
use crate::state::AppState;
use crate::{auth, boosts, challenges, picks, program};

pub async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<WidgetData>, ApiProblem> {
    let viewer = auth::viewer(&state.settings, &headers)?;
    let shop_url = state.settings.shop_url.clone();
    state
        .with_db(move |conn| {
            let customer = match &viewer {
                Some(id) => match program::customer(conn, id)? {
                    Some(c) => Some(c),
                    None => {
                        return Ok(Err(ApiProblem::unauthenticated(
                            "The token names no customer of this shop.",
                        )))
                    }
                },
                None => None,
            };
            let tiers = program::tiers(conn)?;
            let member = customer
                .as_ref()
                .filter(|c| c.enrolled)
                .map(|c| program::member(&tiers, c, &shop_url));
            let now = crate::now();
            let rewards = program::rewards(conn, now)?;
            let for_you = match customer.as_ref().filter(|c| c.enrolled) {
                Some(c) => picks::for_you(conn, c, &tiers, &rewards, now)?,
                None => Vec::new(),
            };
            let challenges = match customer.as_ref().filter(|c| c.enrolled) {
                Some(c) => challenges::for_member(conn, &c.id)?,
                None => Vec::new(),
            };
            Ok(Ok(WidgetData {
                program: program::program(conn)?,
                signed_in: customer.is_some(),
                member,
                earn_rules: program::earn_rules(conn, viewer.as_deref())?,
                rewards,
                tiers,
                for_you,
                boosts: boosts::listed(conn, now)?,
                challenges,
            }))
        })
        .await?
        .map(Json)
}
