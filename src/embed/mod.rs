//! The top of the house: the pasted script tag, the `<laurel-widget>` and `<laurel-points>`
//! custom elements (their classes live in `laurel.js`, since wasm cannot extend `HTMLElement`),
//! the Shadow DOM mount, the `window.Laurel` API and the `laurel:*` DOM events. Nothing below
//! imports this module. Nothing here may throw into the host page: failures are reported on
//! the console.

mod commands;
mod events;
mod hosts;
mod loader;
mod script;
mod session;
mod shadow;

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::browser::report;

/// Reports a panic on the console instead of failing silently. The wasm instance stops, but the
/// host page's own scripts run on.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        report(&format!("stopped after an internal error: {info}"));
    }));
}

/// A `Laurel.*` call (or a script tag to start from), forwarded by `laurel.js`.
pub fn command(name: String, arg: JsValue) {
    commands::command(name, arg);
}

/// A `<laurel-widget>` or `<laurel-points>` joined the document.
pub fn connect(element: &Element) {
    hosts::connect(element);
}

/// A `<laurel-widget>` or `<laurel-points>` left the document.
pub fn disconnect(element: &Element) {
    hosts::disconnect(element);
}

/// An observed attribute of a `<laurel-widget>` or `<laurel-points>` changed.
pub fn changed(element: &Element) {
    hosts::changed(element);
}
