//! `setTimeout` and `setInterval` with their ids kept whole. web-sys and Leptos hand the id back
//! as an `i32`, but a page may replace the timer functions: fake-timer libraries, as in a shop's
//! own browser tests, count ids from 10^12. Cut to 32 bits, such an id clears nothing, and a
//! timer meant to stop with its view fires on after the view's signals are gone.

use js_sys::Function;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(f: &Function, ms: f64) -> f64;
    #[wasm_bindgen(js_name = setInterval)]
    fn set_interval(f: &Function, ms: f64) -> f64;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: f64);
    #[wasm_bindgen(js_name = clearInterval)]
    fn clear_interval(id: f64);
}

/// A pending timer; `clear` stops it. Fake timers refuse an interval cleared as a timeout, so
/// each kind is cleared by its own function.
#[derive(Debug, Clone, Copy)]
pub struct Timer {
    id: f64,
    repeats: bool,
}

impl Timer {
    pub fn clear(self) {
        if self.repeats {
            clear_interval(self.id);
        } else {
            clear_timeout(self.id);
        }
    }
}

/// Calls `f` once, after `ms` milliseconds.
pub fn after(ms: f64, f: impl FnOnce() + 'static) -> Timer {
    // Boxed, so the closure glue is compiled once, not once per caller.
    fn boxed(ms: f64, f: Box<dyn FnOnce()>) -> Timer {
        let f = Closure::once_into_js(f);
        Timer {
            id: set_timeout(f.unchecked_ref(), ms),
            repeats: false,
        }
    }
    boxed(ms, Box::new(f))
}

/// Calls `f` every `ms` milliseconds until the timer is cleared.
pub fn every(ms: f64, f: impl FnMut() + 'static) -> Timer {
    let f = Closure::wrap(Box::new(f) as Box<dyn FnMut()>).into_js_value();
    Timer {
        id: set_interval(f.unchecked_ref(), ms),
        repeats: true,
    }
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: f64) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        set_timeout(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
