//! One module per resource of `api/openapi.yaml`.

pub mod actions;
pub mod activity;
pub mod enrollments;
pub mod preview;
pub mod redemptions;
pub mod widget;
