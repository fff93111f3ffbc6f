//! Browser services that every room above needs: console reporting, clipboard, sharing, storage,
//! timers, `Intl` formatting and fresh keys. Reached through `Reflect` where an API may be
//! missing, so a missing API degrades quietly. Nothing here knows about the widget's views or
//! state.

pub mod intl;
mod services;
pub mod timer;

pub use services::{can_share, copy_text, keep, new_key, share, stored};

/// A console error prefixed with the widget's name, so shop owners can find it.
pub fn report(message: &str) {
    web_sys::console::error_2(&"Laurel:".into(), &message.into());
}

/// A console warning prefixed with the widget's name.
pub fn warn(message: &str) {
    web_sys::console::warn_2(&"Laurel:".into(), &message.into());
}

/// Unix time in seconds.
pub fn now_secs() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// The current page's path, query and fragment, e.g. `/products/shoe?variant=2`.
pub fn page_path() -> String {
    web_sys::window()
        .map(|w| w.location())
        .and_then(|l| Some(l.pathname().ok()? + &l.search().ok()? + &l.hash().ok()?))
        .unwrap_or_else(|| "/".to_owned())
}
