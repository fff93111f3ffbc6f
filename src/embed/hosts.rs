//! Every `<laurel-widget>` and `<laurel-points>` on the page, and what is mounted in each. The
//! loader's custom element classes report when an element connects, disconnects or changes; a
//! session mounts every known host and unmounts them all when it ends.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use laurel_core::config::{parse_points, parse_widget, ElementAttrs, Placement, PointsOptions};
use laurel_core::text::concat;
use laurel_core::view::View;
use laurel_core::wire::PointsPreview;
use leptos::mount::{mount_to, UnmountHandle};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use super::{session, shadow};
use crate::browser::report;
use crate::state::{Choice, Origin, Store};
use crate::ui::{Launcher, PointsBadge, Widget};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Widget,
    Points,
}

struct Host {
    origin: Origin,
    element: Element,
    kind: Kind,
    /// Laurel created it (for a script tag), so `destroy()` removes it.
    created: bool,
    /// What a script tag asked for (`launcher`, `inline:#loyalty`), to spot a second copy.
    signature: Option<String>,
    mounted: Option<Mounted>,
}

struct Mounted {
    /// Dropping it unmounts the view and disposes its reactive owner.
    _handle: UnmountHandle<AnyViewState>,
    /// A points badge, asked again when its attributes change, and the last purchase asked.
    points: Option<(Badge, Option<PointsOptions>)>,
}

/// What a `<laurel-points>` shows, and the ticket that keeps only the latest answer.
struct Badge {
    store: Store,
    preview: RwSignal<Option<PointsPreview>>,
    latest: Rc<Cell<u32>>,
}

impl Badge {
    /// Asks the API what `p` earns, unless it was the last question: an element being
    /// upgraded reports each of its attributes as changed.
    fn ask_if_new(&self, p: PointsOptions, last: &mut Option<PointsOptions>) {
        if last.as_ref() != Some(&p) {
            *last = Some(p.clone());
            self.ask(p);
        }
    }

    /// Asks the API what `p` earns.
    fn ask(&self, p: PointsOptions) {
        let mut query = vec![("amount", p.amount), ("currency", p.currency)];
        query.extend(p.collection.map(|c| ("collection", c)));
        self.store
            .preview_points(query, self.preview, self.latest.clone());
    }
}

thread_local! {
    static HOSTS: RefCell<Vec<Host>> = const { RefCell::new(Vec::new()) };
    static NEXT: Cell<u32> = const { Cell::new(1) };
}

const TAGS: &str = "laurel-widget, laurel-points";

fn kind_of(element: &Element) -> Option<Kind> {
    match element.tag_name().to_ascii_lowercase().as_str() {
        "laurel-widget" => Some(Kind::Widget),
        "laurel-points" => Some(Kind::Points),
        _ => None,
    }
}

fn position(element: &Element) -> Option<usize> {
    HOSTS.with_borrow(|hosts| hosts.iter().position(|h| &h.element == element))
}

/// Registers `element` if it is new; its origin.
fn register(element: &Element, created: bool, signature: Option<String>) -> Option<Origin> {
    let kind = kind_of(element)?;
    if let Some(i) = position(element) {
        return Some(HOSTS.with_borrow(|h| h[i].origin));
    }
    let origin = Origin(NEXT.with(|n| n.replace(n.get() + 1)));
    HOSTS.with_borrow_mut(|hosts| {
        hosts.push(Host {
            origin,
            element: element.clone(),
            kind,
            created,
            signature,
            mounted: None,
        })
    });
    Some(origin)
}

/// An element connected to the document: mount it when a session runs.
pub fn connect(element: &Element) {
    if register(element, false, None).is_some() {
        mount(element);
    }
}

/// An element left the document: unmount it. Hosts the page placed are forgotten; hosts Laurel
/// created are kept, in case the page moves them.
pub fn disconnect(element: &Element) {
    let Some(i) = position(element) else {
        return;
    };
    let mounted = HOSTS.with_borrow_mut(|hosts| {
        let m = hosts[i].mounted.take();
        if !hosts[i].created {
            hosts.remove(i);
        }
        m
    });
    drop(mounted);
    shadow::clear(element);
}

/// An observed attribute changed: a points badge follows its price; a widget is re-rendered.
pub fn changed(element: &Element) {
    let Some(i) = position(element) else {
        return;
    };
    let (kind, points) = HOSTS.with_borrow(|hosts| {
        let h = &hosts[i];
        (h.kind, h.mounted.as_ref().map(|m| m.points.is_some()))
    });
    match (kind, points) {
        (Kind::Points, Some(true)) => match read_points(element) {
            Ok(p) => HOSTS.with_borrow_mut(|hosts| {
                if let Some((badge, last)) =
                    hosts[i].mounted.as_mut().and_then(|m| m.points.as_mut())
                {
                    badge.ask_if_new(p, last);
                }
            }),
            Err(e) => report(&e),
        },
        (_, Some(_)) => {
            disconnect(element);
            connect(element);
        }
        _ => {}
    }
}

/// Creates a `<laurel-widget>` for a script tag, inserted into `parent` before `before`.
pub fn create(
    parent: &Node,
    before: Option<&Node>,
    attributes: &[(&str, &str)],
    signature: Option<String>,
) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let element = document
        .create_element("laurel-widget")
        .map_err(|_| "could not add <laurel-widget> to the page")?;
    for (name, value) in attributes {
        let _ = element.set_attribute(name, value);
    }
    register(&element, true, signature);
    // laurel.js's connectedCallback mounts it: in the next task while the work that waited for
    // the wasm runs (this start is part of it), at once after that.
    parent
        .insert_before(&element, before)
        .map_err(|_| "could not add <laurel-widget> to the page")?;
    Ok(())
}

/// Whether a script tag already asked for this widget.
pub fn has_signature(signature: &str) -> bool {
    HOSTS.with_borrow(|hosts| {
        hosts
            .iter()
            .any(|h| h.signature.as_deref() == Some(signature) && h.element.is_connected())
    })
}

/// The host element of a widget, while it is in the page.
pub fn element_for(origin: Origin) -> Option<Element> {
    HOSTS.with_borrow(|hosts| {
        hosts
            .iter()
            .find(|h| h.origin == origin && h.element.is_connected())
            .map(|h| h.element.clone())
    })
}

/// Mounts every host in the page, including elements placed while no session ran.
pub fn mount_all() {
    if let Some(list) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(TAGS).ok())
    {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                register(&el, false, None);
            }
        }
    }
    let elements: Vec<Element> = HOSTS.with_borrow(|hosts| {
        hosts
            .iter()
            .filter(|h| h.mounted.is_none() && h.element.is_connected())
            .map(|h| h.element.clone())
            .collect()
    });
    for el in elements {
        mount(&el);
    }
}

/// Unmounts every host; the elements stay.
pub fn unmount_all() {
    let (mounted, elements): (Vec<_>, Vec<_>) = HOSTS.with_borrow_mut(|hosts| {
        hosts
            .iter_mut()
            .map(|h| (h.mounted.take(), h.element.clone()))
            .unzip()
    });
    drop(mounted);
    for el in &elements {
        shadow::clear(el);
    }
}

/// Removes every element Laurel created and forgets every host. Run after the session ended.
pub fn remove_all() {
    for host in HOSTS.with_borrow_mut(std::mem::take) {
        if host.created {
            host.element.remove();
        }
    }
}

fn read_points(element: &Element) -> Result<PointsOptions, String> {
    let attrs = ElementAttrs {
        prefix: "",
        get: |name: &str| element.get_attribute(name),
    };
    parse_points(&attrs).map_err(|e| concat(&["<laurel-points> ", &e.message()]))
}

/// Mounts the view for `element` in the running session, unless it is mounted already.
fn mount(element: &Element) {
    let Some(i) = position(element) else {
        return;
    };
    let (origin, kind, mounted) = HOSTS.with_borrow(|hosts| {
        let h = &hosts[i];
        (h.origin, h.kind, h.mounted.is_some())
    });
    let Some(config) = session::config().filter(|_| !mounted) else {
        return;
    };
    let result = match kind {
        Kind::Widget if element.get_attribute("view").as_deref() == Some("claim") => {
            claim_view(element, &config, origin)
        }
        Kind::Widget => {
            let attrs = ElementAttrs {
                prefix: "",
                get: |name: &str| element.get_attribute(name),
            };
            parse_widget(&attrs, true)
                .map_err(|e| concat(&["<laurel-widget> ", &e.message()]))
                .and_then(|options| {
                    let class = match options.placement {
                        Placement::Inline => "root",
                        Placement::Launcher => "root root-launcher",
                    };
                    let container = shadow::container(element, &config, class)?;
                    let handle = mount_into(container, Box::new(move |store| {
                            match options.placement {
                                Placement::Inline => {
                                    let view = Choice::new(options.view);
                                    view! { <Widget store=store view=view origin=origin /> }.into_any()
                                }
                                Placement::Launcher => {
                                    // Unless the page asked for a view already.
                                    if store.nav_requests() == 0 {
                                        store.launcher_view.set(options.view);
                                    }
                                    view! { <Launcher store=store corner=options.corner origin=origin /> }
                                        .into_any()
                                }
                            }
                    }));
                    Ok(handle.map(|h| Mounted {
                        _handle: h,
                        points: None,
                    }))
                })
        }
        Kind::Points => read_points(element).and_then(|options| {
            let container = shadow::container(element, &config, "root root-inline")?;
            let slot = Rc::new(Cell::new(None));
            let filled = slot.clone();
            let handle = mount_into(
                container,
                Box::new(move |store| {
                    let badge = Badge {
                        store,
                        preview: RwSignal::new(None),
                        latest: Rc::new(Cell::new(0)),
                    };
                    badge.ask(options.clone());
                    let preview = badge.preview;
                    filled.set(Some((badge, Some(options))));
                    view! { <PointsBadge store=store preview=preview /> }.into_any()
                }),
            );
            Ok(handle.map(|h| Mounted {
                _handle: h,
                points: slot.take(),
            }))
        }),
    };
    match result {
        Ok(Some(m)) => HOSTS.with_borrow_mut(|hosts| {
            if let Some(h) = hosts.iter_mut().find(|h| &h.element == element) {
                h.mounted = Some(m);
            }
        }),
        Ok(None) => {}
        Err(e) => report(&e),
    }
}

/// `<laurel-widget view="claim" order>` on an order confirmation page: what the order earns
/// and the widget, whose Join then claims the order's points.
fn claim_view(
    element: &Element,
    config: &laurel_core::config::Config,
    origin: Origin,
) -> Result<Option<Mounted>, String> {
    let order = element
        .get_attribute("order")
        .filter(|o| !o.trim_ascii().is_empty())
        .ok_or(r#"<laurel-widget view="claim"> needs order="...": the claim your shop's backend signed for the order"#)?;
    let container = shadow::container(element, config, "root")?;
    let handle = mount_into(
        container,
        Box::new(move |store| {
            store.set_order_claim(order.clone());
            let preview = RwSignal::new(None);
            store.preview_points(vec![("order", order)], preview, Rc::new(Cell::new(0)));
            let view = Choice::new(View::Home);
            view! {
                <PointsBadge store=store preview=preview claim=true />
                <Widget store=store view=view origin=origin />
            }
            .into_any()
        }),
    );
    Ok(handle.map(|h| Mounted {
        _handle: h,
        points: None,
    }))
}

/// Mounts a view into `container` under the session's owner. One `mount_to` for every kind of
/// host: each call site of it would compile Leptos's mounting again.
fn mount_into(
    container: web_sys::HtmlElement,
    view: Box<dyn FnOnce(Store) -> AnyView>,
) -> Option<UnmountHandle<AnyViewState>> {
    session::with_owner(|store| mount_to(container, move || view(store)))
}
