//! Laurel's pure domain logic. No Leptos, no web-sys: everything here is tested natively.

pub mod boost;
pub mod cart;
pub mod catalog;
pub mod challenge;
pub mod changes;
pub mod config;
pub mod decode;
pub mod earn;
pub mod encode;
pub mod how;
pub mod i18n;
pub mod json;
pub mod listed;
pub mod load;
pub mod money;
pub mod nudge;
pub mod retry;
pub mod safe_url;
pub mod text;
pub mod tier;
pub mod time;
pub mod token;
pub mod view;
pub mod wire;
