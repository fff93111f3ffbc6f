//! The loyalty API: wire types (shared with the dev API through `laurel_core::wire`), the
//! client trait, its HTTP implementation and the one error type.

mod error;
mod http;
mod json_value;

use std::future::Future;

pub use error::ApiError;
pub use http::{decode_widget, HttpClient};
pub use json_value::parse as parse_json;
pub use laurel_core::wire::*;

/// What the widget needs from a loyalty API; one method per operation of `api/openapi.yaml`.
pub trait LoyaltyApi {
    fn widget(&self) -> impl Future<Output = Result<WidgetData, ApiError>>;
    fn enroll(&self, req: &EnrollmentRequest) -> impl Future<Output = Result<Member, ApiError>>;
    /// `key` is the Idempotency-Key: one per shopper intent, the same for its retries.
    fn redeem(
        &self,
        reward_id: &str,
        key: &str,
    ) -> impl Future<Output = Result<Redemption, ApiError>>;
    fn redemptions(&self) -> impl Future<Output = Result<RedemptionList, ApiError>>;
    fn activity(
        &self,
        cursor: Option<&str>,
    ) -> impl Future<Output = Result<ActivityPage, ApiError>>;
    fn action(
        &self,
        action: &ActionRequest,
    ) -> impl Future<Output = Result<ActionResult, ApiError>>;
    /// `query`: `amount` and `currency`, or `order` (the shop's claim for an order).
    fn points_preview(
        &self,
        query: &[(&str, String)],
    ) -> impl Future<Output = Result<PointsPreview, ApiError>>;
}
