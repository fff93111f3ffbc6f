//! Effects and memos behind one boxed closure type each. Leptos compiles its effect and memo
//! machinery once per closure type; boxing makes that once in all (measured: the wasm is
//! smaller by the instantiations this saves).

use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos::tachys::reactive_graph::SharedReactiveFunction;

/// Runs `f` now and again whenever a signal it read changes, until its owner is disposed.
pub fn effect(f: impl FnMut() + 'static) {
    let mut f: Box<dyn FnMut()> = Box::new(f);
    Effect::new(move |_| f());
}

/// A `bool` computed from signals, notifying only when it changes.
pub fn memo(f: impl Fn() -> bool + Send + Sync + 'static) -> Memo<bool> {
    let f: Box<dyn Fn() -> bool + Send + Sync> = Box::new(f);
    Memo::new(move |_| f())
}

/// A view drawn again whenever a signal it read changes, behind the shared function type that
/// Leptos's own children use: a component that returns its closure as it is compiles Leptos's
/// view code for that closure's type (measured).
pub fn dynamic(f: impl FnMut() -> Option<AnyView> + Send + 'static) -> AnyView {
    let shared: SharedReactiveFunction<Option<AnyView>> = Arc::new(Mutex::new(f));
    shared.into_any()
}

/// A view built on demand.
pub type Build = Box<dyn Fn() -> AnyView + Send + Sync>;

/// `view` while `when` holds, else `fallback`: Leptos's `<Show>`, without compiling `Show` and
/// its children type once per use: the five uses cost 1.6 KB of brotli less this way.
pub fn show(when: Memo<bool>, view: Build, fallback: Option<Build>) -> AnyView {
    dynamic(move || {
        if when.get() {
            Some(view())
        } else {
            fallback.as_ref().map(|f| f())
        }
    })
}
