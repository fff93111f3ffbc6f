//! Effects and memos behind one boxed closure type each. Leptos compiles its effect and memo
//! machinery once per closure type; boxing makes that once in all (measured: the wasm is
//! smaller by the instantiations this saves).

use leptos::prelude::*;

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
