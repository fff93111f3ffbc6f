//! Small browser services reached through `Reflect`, so that a missing API degrades quietly.

use js_sys::{Function, Object, Promise, Reflect};
use laurel_core::text::{concat, decimal};
use wasm_bindgen::{JsCast, JsValue};

fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn call_method(target: &JsValue, name: &str, arg: &JsValue) -> Option<JsValue> {
    let f: Function = get(target, name)?.dyn_into().ok()?;
    f.call1(target, arg).ok()
}

/// A fresh Idempotency-Key: `crypto.randomUUID()`, or time plus randomness where it is missing.
pub fn new_key() -> String {
    let window: JsValue = web_sys::window()
        .map(Into::into)
        .unwrap_or(JsValue::UNDEFINED);
    get(&window, "crypto")
        .and_then(|c| {
            let f: Function = get(&c, "randomUUID")?.dyn_into().ok()?;
            f.call0(&c).ok()?.as_string()
        })
        .unwrap_or_else(|| {
            let r = (js_sys::Math::random() * 1e16) as u64;
            let now = decimal(js_sys::Date::now() as u64);
            concat(&["k-", &now, "-", &decimal(r)])
        })
}

fn navigator() -> Option<JsValue> {
    web_sys::window().and_then(|w| get(&w.into(), "navigator"))
}

/// Copies text to the clipboard; resolves to whether it worked.
pub async fn copy_text(text: &str) -> bool {
    let Some(promise) = navigator()
        .and_then(|n| get(&n, "clipboard"))
        .and_then(|c| call_method(&c, "writeText", &JsValue::from_str(text)))
        .and_then(|p| p.dyn_into::<Promise>().ok())
    else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Whether the Web Share API is there.
pub fn can_share() -> bool {
    navigator().is_some_and(|n| get(&n, "share").is_some())
}

/// Opens the system share sheet for `url`.
pub async fn share(title: &str, url: &str) -> bool {
    let data = Object::new();
    let _ = Reflect::set(&data, &"title".into(), &title.into());
    let _ = Reflect::set(&data, &"url".into(), &url.into());
    let Some(promise) = navigator()
        .and_then(|n| call_method(&n, "share", &data))
        .and_then(|p| p.dyn_into::<Promise>().ok())
    else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

fn local_storage() -> Option<JsValue> {
    web_sys::window().and_then(|w| get(&w.into(), "localStorage"))
}

/// What `localStorage` keeps under `key`; `None` when nothing is there or storage is blocked.
pub fn stored(key: &str) -> Option<String> {
    call_method(&local_storage()?, "getItem", &key.into())?.as_string()
}

/// Keeps `value` under `key` in `localStorage`; does nothing when storage is blocked or full.
pub fn keep(key: &str, value: &str) {
    let Some(storage) = local_storage() else {
        return;
    };
    if let Some(f) = get(&storage, "setItem").and_then(|f| f.dyn_into::<Function>().ok()) {
        let _ = f.call2(&storage, &key.into(), &value.into());
    }
}
