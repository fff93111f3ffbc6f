//! The Shadow DOM each widget renders into: an open shadow root on the host element, the shared
//! constructed stylesheet, and a root element that resets everything the page could pass in.

use std::cell::RefCell;

use laurel_core::config::Config;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

// style/laurel.css, minified by build.rs.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/laurel.min.css"));

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

/// Styles a shadow root with the shared constructed stylesheet: allowed under a strict CSP, and
/// supported by every browser Laurel supports (Safari since 16.4).
fn apply_styles(root: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = shared_sheet().ok_or(JsValue::NULL)?;
    let sheets = js_sys::Array::of1(&sheet);
    js_sys::Reflect::set(root, &JsValue::from_str("adoptedStyleSheets"), &sheets).map(|_| ())
}

/// What failed is a browser refusing plain DOM calls: one message serves them all.
const BUILD: &str = "could not build the widget";

/// An empty, styled root element of class `class` in `host`'s open shadow root, to render into,
/// in the page's language and theme. The shadow root is reused from an earlier mount.
pub fn container(host: &Element, config: &Config, class: &str) -> Result<HtmlElement, String> {
    let locale = config.locale;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .map_err(|_| "this element has a closed shadow root")?,
    };
    clear(host);
    apply_styles(&root).map_err(|_| BUILD)?;
    let div: HtmlElement = document
        .create_element("div")
        .map_err(|_| BUILD)?
        .unchecked_into();
    div.set_class_name(class);
    let _ = div.set_attribute("lang", locale.bcp47());
    let _ = div.set_attribute("dir", locale.dir().as_str());
    let _ = div.set_attribute("data-theme", config.theme.as_str());
    root.append_child(&div).map_err(|_| BUILD)?;
    Ok(div)
}

/// Removes whatever was rendered in `host`'s shadow root.
pub fn clear(host: &Element) {
    if let Some(root) = host.shadow_root() {
        while let Some(child) = root.first_child() {
            let _ = root.remove_child(&child);
        }
    }
}
