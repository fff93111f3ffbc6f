use laurel_core::config::{self, Config};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, ShadowRootInit, ShadowRootMode};

use super::{report, styles, App};
use crate::state::Store;

/// Reads the script tag's config and mounts a widget into an open shadow root. Reports and
/// returns on any problem; never throws into the host page.
pub fn mount_from_script(script: &Element) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let page_lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"));
    let attr = |name: &str| script.get_attribute(&format!("data-{name}"));
    let config = match config::parse(attr, page_lang.as_deref()) {
        Ok(c) => c,
        Err(e) => return report(&e.to_string()),
    };
    if let Err(e) = mount(&document, script, config) {
        report(&e);
    }
}

/// Mounts into a new shadow root on the configured host element.
pub fn mount(document: &Document, script: &Element, config: Config) -> Result<(), String> {
    let host = host_element(document, script, config.mount.as_deref())?;
    let container = shadow_container(document, &host)?;
    // The handle would unmount the view when dropped; the widget lives as long as the page.
    leptos::mount::mount_to(container, move || view! { <App config=config /> }).forget();
    Ok(())
}

/// An open shadow root on `host`, styled, with a container to render into.
fn shadow_container(document: &Document, host: &Element) -> Result<HtmlElement, String> {
    let root = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|_| "this element already holds a widget or cannot host one".to_owned())?;
    styles::apply(document, &root).map_err(js_error)?;
    let container: HtmlElement = document
        .create_element("div")
        .map_err(js_error)?
        .unchecked_into();
    root.append_child(&container).map_err(js_error)?;
    Ok(container)
}

/// Mounts `<laurel-points amount currency>`: the points a purchase would earn. Needs a widget's
/// script tag on the page for the API and token.
pub fn mount_points(host: &Element) {
    let Some(store) = super::app::existing_store() else {
        return report("<laurel-points> needs the Laurel script tag on the page");
    };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let amount = host.get_attribute("amount").unwrap_or_default();
    let currency = host.get_attribute("currency").unwrap_or_default();
    let container = match shadow_container(&document, host) {
        Ok(c) => c,
        Err(e) => return report(&e),
    };
    leptos::mount::mount_to(container, move || points_view(store, amount, currency)).forget();
}

fn points_view(store: Store, amount: String, currency: String) -> impl IntoView {
    let preview = RwSignal::new(None);
    store.preview_points(amount, currency, preview);
    view! { <crate::ui::PointsBadge store=store preview=preview.into() /> }
}

/// The element named by `data-mount`, or a new one right after the script tag (in `<body>` when
/// the tag sits in `<head>`).
fn host_element(
    document: &Document,
    script: &Element,
    selector: Option<&str>,
) -> Result<Element, String> {
    if let Some(selector) = selector {
        return match document.query_selector(selector) {
            Ok(Some(el)) => Ok(el),
            Ok(None) => Err(format!("no element matches data-mount=\"{selector}\"")),
            Err(_) => Err(format!(
                "data-mount=\"{selector}\" is not a valid CSS selector"
            )),
        };
    }
    let host = document.create_element("div").map_err(js_error)?;
    host.set_attribute("data-laurel-host", "")
        .map_err(js_error)?;
    let in_body = script
        .parent_element()
        .filter(|p| !p.tag_name().eq_ignore_ascii_case("head"));
    match (in_body, document.body()) {
        (Some(parent), _) => parent
            .insert_before(&host, script.next_sibling().as_ref())
            .map_err(js_error)?,
        (None, Some(body)) => body.append_child(&host).map_err(js_error)?,
        (None, None) => return Err("the page has no <body> to mount into".into()),
    };
    Ok(host)
}

fn js_error(e: JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::JSON::stringify(&e).ok().and_then(|s| s.as_string()))
        .unwrap_or_else(|| "a browser API failed".into())
}
