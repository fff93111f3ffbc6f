//! Laurel: an embeddable loyalty widget. Every dependency points down this list:
//!
//! - [`embed`]: the top. The script tag, the custom elements, the Shadow DOM mount, the
//!   `window.Laurel` API and the DOM events. Nothing below imports it.
//! - [`ui`]: thin Leptos components that render the store's signals.
//! - [`state`]: the page's loyalty state and the actions that change it.
//! - [`api`]: the HTTP client for the loyalty API and its error type.
//! - [`browser`]: console, clipboard, `Intl` and other browser services.
//! - [`laurel_core`]: pure domain logic (tiers, config, messages, wire types).

pub mod api;
pub mod browser;
pub mod embed;
pub mod state;
pub mod ui;
