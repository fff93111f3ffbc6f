use laurel_core::catalog::{next_reward, NextReward};
use laurel_core::config::{Corner, Nudges};
use laurel_core::i18n::fill;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dialog::{focus_first, trap_focus};
use super::reactive::{memo, show};
use super::{points, with_data, Widget};
use crate::state::{Origin, Store};

/// A floating button that opens the widget in a modal panel. Escape or a click outside closes
/// it, and focus returns to the button. Its state lives in the store, so the page can open and
/// close it too (`Laurel.open()`, `Laurel.close()`).
#[component]
pub fn Launcher(store: Store, corner: Corner, origin: Origin) -> impl IntoView {
    let msgs = store.locale.messages();
    let open = store.launcher_open;
    // One ref, on the launcher's root: the button and the panel are found inside it.
    let root = NodeRef::<html::Div>::new();
    let button = move || {
        root.get_untracked()
            .and_then(|r| find(&r, ".launcher-button"))
    };
    store.count_launcher(1);
    on_cleanup(move || store.count_launcher(-1));
    if open.get_untracked() {
        // Opened by the page before this launcher was there.
        store.announce_open();
    }
    // A reward to redeem, or a nudge when the shop wants the badge only.
    let badge = move || {
        (store.nudges == Nudges::Badge && store.nudge().is_some())
            || with_data(store, |d| {
                d.member.as_ref().is_some_and(|m| {
                    matches!(
                        next_reward(&d.rewards, m, &d.tiers, crate::browser::now_secs()),
                        NextReward::CanRedeem(_)
                    )
                })
            })
            .unwrap_or(false)
    };
    let teaser = move || {
        with_data(store, |d| {
            (d.member.is_none()).then(|| {
                fill(
                    msgs.launcher_teaser,
                    &[("points", &points(store, d.program.signup_bonus))],
                )
            })
        })
        .flatten()
    };
    // Closing puts focus back on the button when it was in the panel (and so is now lost) or
    // still inside the widget. A close asked for by the page leaves the page's focus alone.
    let focus_was_ours = move || {
        let in_shadow = root
            .get_untracked()
            .and_then(|b| b.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok())
            .and_then(|r| r.active_element())
            .is_some();
        let document = web_sys::window().and_then(|w| w.document());
        let lost = document.is_some_and(|d| {
            let body: Option<web_sys::Element> = d.body().map(Into::into);
            d.active_element().is_none() || d.active_element() == body
        });
        in_shadow || lost
    };
    let mut was_open = false;
    super::effect(move || {
        let is_open = open.get();
        if is_open {
            if let Some(p) = root.get().and_then(|r| find(&r, ".launcher-panel")) {
                focus_first(&p, "button, a[href]");
            }
        } else if was_open && focus_was_ours() {
            if let Some(b) = button() {
                let _ = b.focus();
            }
        }
        was_open = is_open;
    });
    // A click anywhere outside the launcher (its panel and its button) closes it; composedPath
    // sees through the shadow boundary.
    let outside = window_event_listener_untyped("pointerdown", move |ev| {
        if !open.get_untracked() {
            return;
        }
        let path = ev.composed_path();
        let inside = root.get_untracked().is_some_and(|r| path.includes(&r, 0));
        if !inside && store.redeem.with_untracked(Option::is_none) {
            store.close();
        }
    });
    on_cleanup(move || outside.remove());
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && store.redeem.with_untracked(Option::is_none) {
            ev.prevent_default();
            store.close();
        } else if let Some(p) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            trap_focus(&p, &ev);
        }
    };
    view! {
        <div class="launcher" part="launcher" data-corner=corner.as_str() node_ref=root>
            // Not a memo: the store sets `open` only when it changes, and the effect above must
            // find the panel when it runs.
            {show(open, Box::new(move || view! {
                <div
                    class="launcher-panel"
                    part="panel"
                    role="dialog"
                    aria-modal="true"
                    aria-label=msgs.region_label
                    on:keydown=keydown
                >
                    <button type="button" class="close" part="close" aria-label=msgs.close on:click=move |_| store.close()>
                        "×"
                    </button>
                    <Widget store=store view=store.launcher_view origin=origin />
                </div>
            }.into_any()), None)}
            {(store.nudges == Nudges::Toast).then(|| {
                super::nudge::nudge_region(store, Some(open))
            })}
            <button
                type="button"
                class="launcher-button"
                part="launcher-button"
                aria-expanded=move || super::aria(open.get())
                on:click=move |_| if open.get_untracked() { store.close() } else { store.open(None) }
            >
                <span>{msgs.launcher_open}</span>
                {move || teaser().map(|t| view! { <span class="teaser">{t}</span> }.into_any())}
                {show(memo(badge), Box::new(move || view! {
                    <span class="badge" part="badge" role="img" aria-label=msgs.launcher_badge></span>
                }.into_any()), None)}
            </button>
        </div>
    }
}

fn find(root: &web_sys::Element, selector: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(selector)
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}
