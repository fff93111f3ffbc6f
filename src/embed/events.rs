//! The page hears the widget through DOM `CustomEvent`s named `laurel:*`. Each is dispatched on
//! the host element of the widget it comes from, bubbling and composed, so a listener on
//! `document` hears every one; page-wide events go to `document` itself.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Object, Reflect};
use laurel_core::wire::{Reward, TierRef};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, EventTarget};

use super::hosts;
use crate::state::{Event, EventSink, MemberSummary, Origin};

thread_local! {
    // True while a page listener runs, so that commands it sends wait until it returns.
    static DISPATCHING: Cell<bool> = const { Cell::new(false) };
}

pub fn dispatching() -> bool {
    DISPATCHING.with(Cell::get)
}

/// The sink every store reports to.
pub fn sink() -> EventSink {
    Rc::new(|event: &Event, origin: Origin| {
        if *event == Event::SignedOut {
            // Another shopper, as far as the cache is concerned.
            super::loader::forget();
        }
        let (name, detail) = describe(event);
        let cancelable = matches!(event, Event::BeforeRedeem { .. });
        let target: Option<EventTarget> = hosts::element_for(origin)
            .map(Into::into)
            .or_else(|| web_sys::window()?.document().map(Into::into));
        let Some(target) = target else {
            return true;
        };
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_cancelable(cancelable);
        init.set_detail(&detail);
        let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) else {
            return true;
        };
        let was = DISPATCHING.with(|d| d.replace(true));
        // A listener that throws is the page's problem: dispatchEvent reports it and returns.
        let allowed = target.dispatch_event(&event).unwrap_or(true);
        DISPATCHING.with(|d| d.set(was));
        if !was {
            super::commands::run_deferred();
        }
        allowed
    })
}

/// A plain object from key-value pairs.
fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

fn num(n: u64) -> JsValue {
    JsValue::from_f64(n as f64)
}

fn text(s: &str) -> JsValue {
    JsValue::from_str(s)
}

fn tier(t: Option<&TierRef>) -> JsValue {
    t.map_or(JsValue::NULL, |t| {
        obj(&[("id", text(&t.id)), ("name", text(&t.name))])
    })
}

fn member(m: &MemberSummary) -> JsValue {
    obj(&[("balance", num(m.balance)), ("tier", tier(m.tier.as_ref()))])
}

/// The reward's fields of a redemption event, then `more`.
fn reward(r: &Reward, more: &[(&str, JsValue)]) -> JsValue {
    let o = obj(more);
    for (k, v) in [
        ("rewardId", text(&r.id)),
        ("rewardName", text(&r.name)),
        ("rewardKind", text(r.kind.as_str())),
        (
            "variantId",
            r.variant_id.as_deref().map_or(JsValue::NULL, text),
        ),
    ] {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &v);
    }
    o
}

/// The event's name and `detail`, as documented in the README.
fn describe(event: &Event) -> (&'static str, JsValue) {
    match event {
        Event::Ready {
            signed_in,
            member: m,
        } => (
            "laurel:ready",
            obj(&[
                ("signedIn", JsValue::from_bool(*signed_in)),
                ("member", m.as_ref().map_or(JsValue::NULL, member)),
            ]),
        ),
        Event::LoadFailed { kind } => ("laurel:error", obj(&[("kind", text(kind.as_str()))])),
        Event::SignedOut => ("laurel:signed-out", obj(&[])),
        Event::Open { view } => ("laurel:open", obj(&[("view", text(view.as_str()))])),
        Event::Close => ("laurel:close", obj(&[])),
        Event::Enrolled { member: m } => ("laurel:enrolled", obj(&[("member", member(m))])),
        Event::PointsChanged { old, new } => (
            "laurel:points-changed",
            obj(&[("oldBalance", num(*old)), ("newBalance", num(*new))]),
        ),
        Event::TierChanged { old, new } => (
            "laurel:tier-changed",
            obj(&[
                ("oldTier", tier(old.as_ref())),
                ("newTier", tier(new.as_ref())),
            ]),
        ),
        Event::BeforeRedeem { reward: r } => {
            ("laurel:before-redeem", reward(r, &[("cost", num(r.cost))]))
        }
        Event::RewardRedeemed {
            reward: r,
            redemption: d,
        } => (
            "laurel:reward-redeemed",
            reward(
                r,
                &[
                    ("fulfilment", text(d.fulfilment.as_str())),
                    ("code", d.code.as_deref().map_or(JsValue::NULL, text)),
                    (
                        "reference",
                        d.reference.as_deref().map_or(JsValue::NULL, text),
                    ),
                    ("pointsSpent", num(d.points_spent)),
                    ("balanceAfter", num(d.balance_after)),
                    (
                        "expiresAt",
                        d.expires_at.as_deref().map_or(JsValue::NULL, text),
                    ),
                ],
            ),
        ),
        Event::RewardViewed { reward: r } => ("laurel:reward-viewed", reward(r, &[])),
        Event::RewardClicked { reward: r } => ("laurel:reward-clicked", reward(r, &[])),
        Event::Nudge { nudge: n, shown } => (
            if *shown {
                "laurel:nudge-shown"
            } else {
                "laurel:nudge"
            },
            obj(&[("kind", text(n.kind.as_str())), ("id", text(n.subject()))]),
        ),
        Event::EarnClicked { rule } => (
            "laurel:earn-clicked",
            obj(&[
                ("ruleId", text(&rule.id)),
                ("ruleName", text(&rule.name)),
                ("ruleKind", text(rule.kind.as_str())),
            ]),
        ),
    }
}
