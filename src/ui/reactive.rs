//! Effects, memos and reactive views behind one boxed closure type each. Leptos compiles its
//! effect machinery once per closure type; boxing makes that once in all (measured: the wasm is
//! smaller by the instantiations this saves).

use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos::tachys::reactive_graph::SharedReactiveFunction;

use crate::state::Choice;

/// Runs `f` now and again whenever a signal it read changes, until its owner is disposed.
pub fn effect(f: impl FnMut() + 'static) {
    let mut f: Box<dyn FnMut()> = Box::new(f);
    Effect::new(move |_| f());
}

/// A `bool` computed from signals, notifying only when it changes: an effect keeps a flag
/// signal up to date, one microtask after its sources change (as the views that render from it
/// are). Leptos's `Memo` would bring a reactive node type of its own into the wasm, 3 KB before
/// compression, where the effect and the flag's signal type are there anyway.
pub fn memo(f: impl Fn() -> bool + 'static) -> Choice<bool> {
    let value = Choice::new(untrack(&f));
    effect(move || {
        let now = f();
        if now != value.get_untracked() {
            value.set(now);
        }
    });
    value
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
pub fn show(when: Choice<bool>, view: Build, fallback: Option<Build>) -> AnyView {
    dynamic(move || {
        if when.get() {
            Some(view())
        } else {
            fallback.as_ref().map(|f| f())
        }
    })
}
