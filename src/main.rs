//! The wasm entry point that Trunk builds. `src/embed/laurel.js` loads it and calls
//! [`mount_script`] with the script tag a shop owner pasted.

use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    laurel::embed::install_panic_hook();
}

/// Mounts a widget configured by `script`'s `data-*` attributes. Never throws: problems are
/// reported on the console and leave the host page as it was.
#[wasm_bindgen]
pub fn mount_script(script: web_sys::Element) {
    laurel::embed::mount_from_script(&script);
}

/// Mounts a `<laurel-points>` element; called by its custom element class in `laurel.js`.
#[wasm_bindgen]
pub fn mount_points(host: web_sys::Element) {
    laurel::embed::mount_points(&host);
}
