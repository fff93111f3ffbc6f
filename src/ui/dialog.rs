use laurel_core::cart::apply_href;
use laurel_core::i18n::fill;
use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use laurel_core::wire::Fulfilment;

use super::{points, with_data, worth_text, CopyButton, Fulfilled};
use crate::state::{Origin, RedeemStep, Store};

/// Focuses the first element under `root` that matches `selector`, if any.
pub fn focus_first(root: &web_sys::Element, selector: &str) {
    if let Some(el) = root
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Moves focus to the first or last focusable element inside `root` when Tab would leave it:
/// the WAI-ARIA APG modal dialog pattern.
pub fn trap_focus(root: &web_sys::Element, ev: &KeyboardEvent) {
    if ev.key() != "Tab" {
        return;
    }
    let Ok(list) = root.query_selector_all("button:not([disabled]), a[href], input, select") else {
        return;
    };
    let first = list.item(0);
    let last = list.item(list.length().saturating_sub(1));
    let active = root
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .and_then(|r| r.active_element())
        .or_else(|| web_sys::window()?.document()?.active_element());
    let active: Option<web_sys::Node> = active.map(Into::into);
    let focus = |n: Option<web_sys::Node>| {
        if let Some(el) = n.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
            ev.prevent_default();
            let _ = el.focus();
        }
    };
    if ev.shift_key() && active == first {
        focus(last);
    } else if !ev.shift_key() && active == last {
        focus(first);
    }
}

/// Confirm, then what it gave: a modal dialog for one redemption intent.
#[component]
pub fn RedeemDialog(store: Store, origin: Origin) -> impl IntoView {
    let msgs = store.locale.messages();
    let dialog = NodeRef::<html::Div>::new();
    // Only the widget the redemption started in shows the dialog.
    let here = origin;
    let open = super::reactive::memo(move || {
        store
            .redeem
            .with(|f| f.as_ref().is_some_and(|f| f.origin == here))
    });
    // Where focus goes back to when the dialog closes: the element that opened it. The catalog
    // re-renders cards in place, so that element is still there unless its reward is gone.
    let mut opener: Option<web_sys::HtmlElement> = None;
    super::effect(move || {
        // Re-runs when the step changes, since the content (and its buttons) is replaced.
        let open = store.redeem.with(|f| {
            f.as_ref()
                .filter(|f| f.origin == here)
                .map(|f| std::mem::discriminant(&f.step))
        });
        let node = dialog.get();
        if open.is_none() {
            if let Some(el) = opener.take().filter(|e| e.is_connected()) {
                let _ = el.focus();
            }
            return;
        }
        let Some(node) = node else {
            return;
        };
        if opener.is_none() {
            opener = node
                .get_root_node()
                .dyn_into::<web_sys::ShadowRoot>()
                .ok()
                .and_then(|root| root.active_element())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        }
        focus_first(&node, "button:not([disabled])");
    });
    let close = move || store.close_redeem();
    let keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            // Closes this dialog only, not the launcher's panel around it.
            ev.stop_propagation();
            close();
        } else if let Some(d) = dialog.get_untracked() {
            trap_focus(&d, &ev);
        }
    };
    let body = move || {
        let flow = store.redeem.get().filter(|f| f.origin == here)?;
        let balance = with_data(store, |d| d.member.as_ref().map_or(0, |m| m.balance)).unwrap_or(0);
        Some(match flow.step.clone() {
            RedeemStep::Done(r) => {
                let apply = r
                    .code
                    .as_deref()
                    .filter(|_| r.fulfilment == Fulfilment::Code)
                    .and_then(|c| apply_href(&store.cart(), c, &crate::browser::page_path()));
                let title = if r.fulfilment == Fulfilment::Donation {
                    msgs.donation_title
                } else {
                    msgs.redeemed_title
                };
                let copy = r.to_copy().map(str::to_owned);
                view! {
                    <h2 class="title" id="laurel-dialog-title">{title}</h2>
                    <p class="muted">{r.reward_name.clone()}</p>
                    <Fulfilled store=store redemption=*r />
                    <p class="actions">
                        {copy.map(|c| view! { <CopyButton locale=store.locale text=c /> }.into_any())}
                        {apply.map(|href| view! { <a class="button secondary" href=href>{msgs.apply_to_cart}</a> }.into_any())}
                        <button type="button" class="button secondary" on:click=move |_| close()>{msgs.close}</button>
                    </p>
                }
                .into_any()
            }
            step => {
                let in_flight = step == RedeemStep::InFlight;
                let error = match step {
                    RedeemStep::Failed(kind) => Some(msgs.error(kind)),
                    _ => None,
                };
                let cost = flow.reward.cost;
                let worth =
                    with_data(store, |d| worth_text(store.locale, &d.program, cost)).flatten();
                view! {
                    <h2 class="title" id="laurel-dialog-title">
                        {fill(msgs.confirm_title, &[("reward", &flow.reward.name)])}
                    </h2>
                    <dl class="confirm">
                        <dt>{msgs.confirm_cost}</dt>
                        <dd>
                            {points(store, cost)}
                            {worth.map(|w| view! { <span class="balance-worth" part="worth">{w}</span> }.into_any())}
                        </dd>
                        <dt>{msgs.confirm_balance_after}</dt>
                        <dd>{points(store, balance.saturating_sub(cost))}</dd>
                    </dl>
                    {error.map(|e| view! { <p class="error-text" role="alert">{e}</p> }.into_any())}
                    <p class="actions">
                        <button
                            type="button"
                            class="button"
                            part="button confirm"
                            disabled=move || super::flag(in_flight || store.offline.get())
                            aria-busy=super::aria(in_flight)
                            on:click=move |_| store.confirm_redeem()
                        >
                            {if in_flight { msgs.confirm_busy } else { msgs.confirm_submit }}
                        </button>
                        <button type="button" class="button secondary" disabled=in_flight on:click=move |_| close()>
                            {msgs.cancel}
                        </button>
                    </p>
                }
                .into_any()
            }
        })
    };
    view! {
        {super::reactive::show(open, Box::new(move || view! {
            <div class="backdrop" part="backdrop" on:click=move |_| close()></div>
            <div
                class="dialog"
                part="dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="laurel-dialog-title"
                node_ref=dialog
                on:keydown=keydown
            >
                {super::reactive::dynamic(body)}
            </div>
        }.into_any()), None)}
    }
}
