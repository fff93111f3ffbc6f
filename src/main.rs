//! The wasm entry point, built for release by `./dev build` (nightly, see `scripts/build.js`).
//! `src/embed/laurel.js` loads it and forwards the script tags, the `window.Laurel` calls and the
//! custom elements' lifecycle to these exports.

// No Rust `main`: std's runtime start-up and shutdown (stdout flushing, its io error texts) is
// dead weight in a page; wasm-bindgen calls `start` when the module is instantiated.
#![no_main]

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use web_sys::Element;

// talc instead of std's dlmalloc: 1.4 KB brotli less (its authors also benchmark it faster; not
// measured here). It needs single-threaded wasm, which this is (no atomics); dlmalloc leaves the
// module only with the send_wrapper patch.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(start)]
fn start() {
    laurel::embed::install_panic_hook();
}

/// Runs a `window.Laurel` command (`start` for a script tag). Never throws: problems are
/// reported on the console and leave the host page as it was.
#[wasm_bindgen]
pub fn command(name: String, arg: JsValue) {
    laurel::embed::command(name, arg);
}

#[wasm_bindgen]
pub fn connect(element: Element) {
    laurel::embed::connect(&element);
}

#[wasm_bindgen]
pub fn disconnect(element: Element) {
    laurel::embed::disconnect(&element);
}

#[wasm_bindgen]
pub fn changed(element: Element) {
    laurel::embed::changed(&element);
}
