//! Embedding: the script-tag config, the Shadow DOM mount, the stylesheet and the panic guard.
//! Nothing here may throw into the host page: failures are reported on the console.

mod app;
pub mod browser;
mod mount;
mod styles;

pub use app::App;
pub use mount::{mount_from_script, mount_points};

/// Reports a panic on the console instead of failing silently. The wasm instance stops, but the
/// host page's own scripts run on.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        report(&format!("stopped after an internal error: {info}"));
    }));
}

/// A console error prefixed with the widget's name, so shop owners can find it.
pub fn report(message: &str) {
    web_sys::console::error_1(&format!("Laurel: {message}").into());
}
