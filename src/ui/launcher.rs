use laurel_core::catalog::can_redeem_any;
use laurel_core::config::Corner;
use laurel_core::i18n::fill;
use leptos::html;
use leptos::prelude::*;

use super::dialog::{focus_first, trap_focus};
use super::{points, with_data, Widget};
use crate::state::Store;

/// A floating button that opens the widget in a modal panel. Escape or a click outside closes
/// it, and focus returns to the button.
#[component]
pub fn Launcher(store: Store, corner: Corner) -> impl IntoView {
    let msgs = store.locale.messages();
    let open = RwSignal::new(false);
    let button = NodeRef::<html::Button>::new();
    let panel = NodeRef::<html::Div>::new();
    let badge = move || {
        with_data(store, |d| {
            d.member
                .as_ref()
                .is_some_and(|m| can_redeem_any(&d.rewards, m, &d.tiers))
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
    let close = move || {
        // A redemption in flight keeps the panel open.
        if store.redeem.with_untracked(|f| f.is_some()) {
            return;
        }
        open.set(false);
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };
    Effect::new(move |_| {
        if open.get() {
            if let Some(p) = panel.get() {
                focus_first(&p, "button, a[href]");
            }
        }
    });
    // A click anywhere outside the panel and the button closes it; composedPath sees through
    // the shadow boundary.
    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        if !open.get_untracked() {
            return;
        }
        let path = ev.composed_path();
        let inside = |n: Option<web_sys::HtmlElement>| n.is_some_and(|n| path.includes(&n, 0));
        if !inside(panel.get_untracked().map(Into::into))
            && !inside(button.get_untracked().map(Into::into))
        {
            close();
        }
    });
    on_cleanup(move || outside.remove());
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && store.redeem.with_untracked(Option::is_none) {
            ev.prevent_default();
            close();
        } else if let Some(p) = panel.get_untracked() {
            trap_focus(&p, &ev);
        }
    };
    view! {
        <div class="launcher" part="launcher" data-corner=corner.as_str()>
            <Show when=move || open.get()>
                <div
                    class="launcher-panel"
                    part="panel"
                    role="dialog"
                    aria-modal="true"
                    aria-label=msgs.region_label
                    node_ref=panel
                    on:keydown=keydown
                >
                    <button type="button" class="close" part="close" aria-label=msgs.close on:click=move |_| close()>
                        "×"
                    </button>
                    <Widget store=store />
                </div>
            </Show>
            <button
                type="button"
                class="launcher-button"
                part="launcher-button"
                aria-expanded=move || open.get().to_string()
                node_ref=button
                on:click=move |_| if open.get_untracked() { close() } else { open.set(true) }
            >
                <span>{msgs.launcher_open}</span>
                {move || teaser().map(|t| view! { <span class="teaser">{t}</span> })}
                <Show when=badge>
                    <span class="badge" part="badge" role="img" aria-label=msgs.launcher_badge></span>
                </Show>
            </button>
        </div>
    }
}
