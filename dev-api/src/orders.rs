//! Claiming an order's points when joining: the shop's backend signs a claim for the order on
//! its confirmation page (`jwt::OrderClaim`), and the points are added once, to whoever joins
//! with it first.

use laurel_core::earn::parse_amount;
use laurel_core::money::is_currency_code;
use rusqlite::{params, OptionalExtension, Transaction};

use crate::jwt::{self, JwtError, OrderClaim};
use crate::problem::ApiProblem;
use crate::{ledger, program, Settings};

/// A claim checked against the shop's secret, with its total in cents.
pub struct Claim {
    pub order: OrderClaim,
    pub cents: u64,
}

pub fn verify(settings: &Settings, claim: &str, now: i64) -> Result<Claim, ApiProblem> {
    let order =
        jwt::verify_order(&settings.secret, claim, &settings.shop_id, now).map_err(|e| {
            ApiProblem::order_claim_invalid(match e {
                JwtError::Expired => "has expired",
                JwtError::NotYetValid => "is not valid yet",
                JwtError::LifetimeTooLong => "lives longer than 30 days",
                _ => "is not signed by this shop",
            })
        })?;
    let cents = parse_amount(&order.amount)
        .filter(|_| is_currency_code(&order.currency))
        .ok_or_else(|| ApiProblem::order_claim_invalid("has no valid amount and currency"))?;
    Ok(Claim { order, cents })
}

/// Credits the order's points to `customer`, unless the order was claimed before.
pub fn award(
    tx: &Transaction<'_>,
    customer: &str,
    claim: &Claim,
    at: i64,
) -> rusqlite::Result<Result<u64, ApiProblem>> {
    let taken: Option<String> = tx
        .query_row(
            "SELECT customer_id FROM order_claims WHERE order_id = ?1",
            params![claim.order.order_id],
            |r| r.get(0),
        )
        .optional()?;
    if taken.is_some() {
        return Ok(Err(ApiProblem::order_claimed()));
    }
    // The base rate: what the shopper was shown before joining.
    let points = program::order_points(tx, claim.cents, 100)?;
    tx.execute(
        "INSERT INTO order_claims (order_id, customer_id, points, claimed_at) VALUES (?1, ?2, ?3, ?4)",
        params![claim.order.order_id, customer, points, at],
    )?;
    if points > 0 {
        let why = format!("Order {}", claim.order.order_id);
        ledger::credit(tx, customer, points, &why, at)?;
    }
    Ok(Ok(points))
}
