//! The pasted script tag, and `Laurel.init({...})`, which `laurel.js` turns into a detached tag
//! marked `data-laurel-init`: the page's settings and one widget each.

use laurel_core::config::{parse_script, ElementAttrs, Placement, ScriptTag};
use laurel_core::text::concat;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

use super::{hosts, loader, session};
use crate::browser::{report, warn};

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// The page's language when the tag names none: `<html lang>`, then the browser's. A wasm with
/// one language has no use for it: `laurel.js` chose that wasm by the same rules.
fn page_lang(document: &Document) -> Option<String> {
    if laurel_core::i18n::FIXED {
        return None;
    }
    document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .filter(|l| !l.is_empty())
        .or_else(|| web_sys::window()?.navigator().language())
}

/// A pasted `<script src=".../laurel.js" data-api=...>` tag.
pub fn start(script: &Element) {
    let Some(document) = document() else {
        return;
    };
    let attrs = ElementAttrs {
        prefix: "data-",
        get: |name: &str| match name {
            "data-token" => loader::token(script),
            _ => script.get_attribute(name),
        },
    };
    let placed = parse_script(&attrs, page_lang(&document).as_deref())
        .map_err(|e| e.message())
        .and_then(|tag| {
            // Laurel.init replaces a running session; a second pasted tag does not.
            let restart = script.has_attribute("data-laurel-init");
            place(&document, tag, Some(script), restart)
        });
    if let Err(e) = placed {
        report(&e);
        release_reserve(&document, script);
    }
}

/// Gives back the room `laurel.js` reserved in the tag's mount element: no widget is coming.
fn release_reserve(document: &Document, script: &Element) {
    let mount = script
        .get_attribute("data-mount")
        .and_then(|s| document.query_selector(&s).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = mount {
        let _ = el.style().remove_property("min-block-size");
    }
}

/// Where the tag's widget goes: the `data-mount` element, the body for a launcher, or right
/// after the script tag. Checked before anything starts, so a bad selector changes nothing.
fn target(
    document: &Document,
    tag: &ScriptTag,
    script: Option<&Element>,
) -> Result<(Node, Option<Node>, Option<String>), String> {
    if let Some(selector) = &tag.mount {
        let label = "data-mount";
        return match document.query_selector(selector) {
            Ok(Some(el)) => Ok((el.into(), None, Some(concat(&["inline:", selector])))),
            Ok(None) => Err(concat(&[
                label,
                "=\"",
                selector,
                "\" matches no element on the page",
            ])),
            Err(_) => Err(concat(&[
                label,
                "=\"",
                selector,
                "\" is not a valid CSS selector",
            ])),
        };
    }
    let body: Option<Node> = document.body().map(Into::into);
    if tag.widget.placement == Placement::Launcher {
        return body
            .map(|b| (b, None, Some("launcher".to_owned())))
            .ok_or_else(|| "the page has no <body>".to_owned());
    }
    // Inline without data-mount: right after the script tag, unless it sits in <head>.
    let after_script = script.and_then(|s| {
        let parent = s.parent_node()?;
        let in_head = parent
            .dyn_ref::<Element>()
            .is_some_and(|p| p.tag_name().eq_ignore_ascii_case("head"));
        (!in_head).then(|| (parent, s.next_sibling()))
    });
    let (parent, before) = match (after_script, body) {
        (Some(p), _) => p,
        (None, Some(b)) => (b, None),
        (None, None) => return Err("the page has no <body>".to_owned()),
    };
    Ok((parent, before, None))
}

fn place(
    document: &Document,
    tag: ScriptTag,
    script: Option<&Element>,
    restart: bool,
) -> Result<(), String> {
    let (parent, before, signature) = target(document, &tag, script)?;
    match session::config() {
        None => session::begin(tag.config.clone()),
        Some(running) if running != tag.config => {
            if restart {
                session::begin(tag.config.clone());
            } else {
                warn("another Laurel tag has other settings; the first tag's apply");
            }
        }
        Some(_) => {}
    }
    if signature.as_deref().is_some_and(hosts::has_signature) {
        warn("a second copy of the Laurel tag was ignored");
        return Ok(());
    }
    let w = tag.widget;
    let placement = match w.placement {
        Placement::Inline => "inline",
        Placement::Launcher => "launcher",
    };
    let attributes = [
        ("placement", placement),
        ("corner", w.corner.as_str()),
        ("view", w.view.as_str()),
    ];
    hosts::create(&parent, before.as_ref(), &attributes, signature)
}
