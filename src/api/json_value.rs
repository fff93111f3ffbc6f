//! JSON text to the decoders' [`Json`] tree through the browser's `JSON.parse`, under the same
//! limits as `laurel_core::json` (which the native tests use): the browser's parser is already
//! there, so the wasm does not carry a second one (measured: 1.5 KiB of brotli).

use js_sys::{Array, Object};
use laurel_core::json::{Json, MAX_DEPTH, MAX_ITEMS, MAX_STRING};
use laurel_core::text::concat;
use wasm_bindgen::{JsCast, JsValue};

use super::ApiError;

pub fn parse(text: &str) -> Result<Json, ApiError> {
    let value = js_sys::JSON::parse(text).map_err(|_| ApiError::Decode("invalid JSON".into()))?;
    convert(&value, 0).map_err(|problem| ApiError::Decode(concat(&["invalid JSON: ", problem])))
}

// Strings and numbers first: they are most of a response, and each test is a call into JS.
fn convert(v: &JsValue, depth: usize) -> Result<Json, &'static str> {
    if let Some(s) = v.as_string() {
        return if s.len() > MAX_STRING {
            Err("string too long")
        } else {
            Ok(Json::Str(s))
        };
    }
    if let Some(n) = v.as_f64() {
        return Ok(Json::Num(n));
    }
    if let Some(b) = v.as_bool() {
        return Ok(Json::Bool(b));
    }
    if v.is_null() {
        return Ok(Json::Null);
    }
    if depth >= MAX_DEPTH {
        return Err("nested too deeply");
    }
    let array = Array::is_array(v);
    let items: Array = if array {
        v.clone().unchecked_into()
    } else if v.is_object() {
        Object::entries(v.unchecked_ref())
    } else {
        return Err("unexpected value");
    };
    if items.length() as usize > MAX_ITEMS {
        return Err("too many items");
    }
    let mut values = Vec::with_capacity(items.length() as usize);
    let mut members = Vec::new();
    for item in items.iter() {
        if array {
            values.push(convert(&item, depth + 1)?);
        } else {
            let pair: Array = item.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            members.push((key, convert(&pair.get(1), depth + 1)?));
        }
    }
    Ok(if array {
        Json::Arr(values)
    } else {
        Json::Obj(members)
    })
}
