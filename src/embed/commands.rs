//! The `window.Laurel` API. `laurel.js` forwards each call as a named command. A command sent
//! by a page listener while a `laurel:*` event is being dispatched waits until the dispatch is
//! over, so a listener may sign the shopper out without pulling the widget from under itself.

use std::cell::RefCell;
use std::collections::VecDeque;

use laurel_core::text::concat;
use laurel_core::view::View;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

use super::{events, hosts, script, session};
use crate::browser::report;

thread_local! {
    static DEFERRED: RefCell<VecDeque<(String, JsValue)>> = const { RefCell::new(VecDeque::new()) };
}

/// Runs `name` now, or after the event being dispatched (and earlier deferred commands).
pub fn command(name: String, arg: JsValue) {
    let busy = events::dispatching() || DEFERRED.with_borrow(|d| !d.is_empty());
    if busy {
        DEFERRED.with_borrow_mut(|d| d.push_back((name, arg)));
    } else {
        run(&name, arg);
    }
}

/// Runs deferred commands once the current call stack has unwound.
pub fn run_deferred() {
    if DEFERRED.with_borrow(VecDeque::is_empty) {
        return;
    }
    spawn_local(async {
        while !events::dispatching() {
            let Some((name, arg)) = DEFERRED.with_borrow_mut(VecDeque::pop_front) else {
                break;
            };
            run(&name, arg);
        }
    });
}

fn run(name: &str, arg: JsValue) {
    let store = session::store();
    match (name, store) {
        ("start", _) => match arg.dyn_into::<web_sys::Element>() {
            Ok(el) => script::start(&el),
            Err(_) => report("start needs the script element"),
        },
        ("destroy", _) => {
            session::end();
            hosts::remove_all();
            super::loader::forget();
        }
        ("identify", Some(_)) => match arg.as_string().map(|t| t.trim_ascii().to_owned()) {
            Some(token) if !token.is_empty() => session::switch_shopper(Some(token)),
            _ => report("Laurel.identify(token) needs a token"),
        },
        ("logout", Some(_)) => session::switch_shopper(None),
        ("open", Some(store)) => {
            let view = match arg.as_string() {
                None => None,
                Some(name) => match View::parse(&name) {
                    Some(v) => Some(v),
                    None => {
                        return report(&concat(&[
                            "Laurel.open(\"",
                            &name,
                            "\"): expected one of ",
                            View::NAMES,
                        ]))
                    }
                },
            };
            store.open(view);
        }
        ("close", Some(store)) => store.close(),
        ("refresh", Some(store)) => store.refresh(),
        ("identify" | "logout" | "open" | "close" | "refresh", None) => {
            report(session::NOT_RUNNING)
        }
        _ => report(&concat(&["Laurel has no command \"", name, "\""])),
    }
}
