//! The loyalty API: wire types (shared with the dev API through `laurel_core::wire`), the
//! client trait, its HTTP implementation and the one error type.

mod error;
mod http;

use std::future::Future;

pub use error::ApiError;
pub use http::HttpClient;
pub use laurel_core::wire::*;

/// What the widget needs from a loyalty API.
pub trait LoyaltyApi {
    /// `GET /v1/widget`: everything the first render needs.
    fn widget(&self) -> impl Future<Output = Result<WidgetData, ApiError>>;
}
