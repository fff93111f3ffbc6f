//! What `laurel.js` did before the wasm arrived, reached through `window.Laurel`'s private
//! hooks: the first `/v1/widget` request it sent, and the answer this tab cached for the shopper.

use js_sys::{Function, Promise, Reflect};
use laurel_core::config::Config;
use laurel_core::text::concat;
use wasm_bindgen::{JsCast, JsValue};

fn hook(name: &str, args: &[JsValue]) -> Option<JsValue> {
    let window: JsValue = web_sys::window()?.into();
    let laurel = Reflect::get(&window, &"Laurel".into()).ok()?;
    let f: Function = Reflect::get(&laurel, &name.into()).ok()?.dyn_into().ok()?;
    let args = js_sys::Array::from_iter(args);
    f.apply(&laurel, &args)
        .ok()
        .filter(|v| !v.is_null() && !v.is_undefined())
}

/// The loader's keys for a session: the widget URL and the token, as it computed them.
fn keys(config: &Config) -> [JsValue; 2] {
    let url = concat(&[&config.api_base, "/v1/widget"]);
    let token = config.token.clone().unwrap_or_default();
    [url.into(), token.into()]
}

/// The loader's request for this API and shopper, if it sent one and nothing took it yet.
pub fn prefetched(config: &Config) -> Option<Promise> {
    hook("__prefetched", &keys(config))?.dyn_into().ok()
}

/// The answer last shown to this shopper in this tab.
pub fn cached(config: &Config) -> Option<String> {
    hook("__cached", &keys(config))?.as_string()
}

/// The key of this shopper's nudge memory: the same hash of API and customer as the cache's.
pub fn memory_key(config: &Config) -> Option<String> {
    config.token.as_ref()?;
    hook("__key", &keys(config))?.as_string()
}

/// A script tag's token, which `laurel.js` took out of the DOM; the attribute where it did not.
pub fn token(tag: &web_sys::Element) -> Option<String> {
    match hook("__token", &[tag.clone().into()]) {
        Some(v) => v.as_string(),
        None => tag.get_attribute("data-token"),
    }
}

/// Forgets every cached answer, when another shopper signs in or out.
pub fn forget() {
    hook("__forget", &[]);
}
