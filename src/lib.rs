//! Laurel: an embeddable loyalty widget.
//!
//! - [`laurel_core`]: pure domain logic (tier progress, config, messages, wire types).
//! - [`api`]: the HTTP client for the loyalty API and its error type.
//! - [`state`]: the page's loyalty state and the actions that change it.
//! - [`ui`]: thin Leptos components that render signals.
//! - [`embed`]: the script-tag config, the Shadow DOM mount and the panic guard.

pub mod api;
pub mod embed;
pub mod intl;
pub mod state;
pub mod ui;
