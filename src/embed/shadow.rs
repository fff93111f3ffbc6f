use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Document, ShadowRoot};

const CSS: &str = include_str!("../../style/laurel.css");

thread_local! {
    // One constructed sheet shared by every widget on the page.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

fn shared_sheet() -> Option<CssStyleSheet> {
    SHEET.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(CSS).ok()?;
            *cell = Some(sheet);
        }
        cell.clone()
    })
}

/// Styles a shadow root: an adopted constructed stylesheet (allowed under a strict CSP), or a
/// `<style>` element where constructed sheets are not supported.
pub fn apply(document: &Document, root: &ShadowRoot) -> Result<(), JsValue> {
    let key = JsValue::from_str("adoptedStyleSheets");
    let supported = js_sys::Reflect::has(root, &key).unwrap_or(false);
    if let Some(sheet) = shared_sheet().filter(|_| supported) {
        let sheets = js_sys::Array::of1(&sheet);
        if js_sys::Reflect::set(root, &key, &sheets).unwrap_or(false) {
            return Ok(());
        }
    }
    let style = document.create_element("style")?;
    style.set_text_content(Some(CSS));
    root.append_child(style.unchecked_ref()).map(|_| ())
}
