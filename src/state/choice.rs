//! Signals of values from a short list: views, reward filters, sort orders and flags.

use std::marker::PhantomData;

use laurel_core::listed::Listed;
use leptos::prelude::*;

/// A signal of a [`Listed`] value, kept as its index. Every such signal is the one type
/// `RwSignal<u8>`, whose reactive code is compiled once; each signal type costs the wasm about
/// 1 KB before compression.
pub struct Choice<T> {
    index: RwSignal<u8>,
    value: PhantomData<fn() -> T>,
}

impl<T> Clone for Choice<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Choice<T> {}

impl<T: Listed> Choice<T> {
    pub fn new(value: T) -> Self {
        Self {
            index: RwSignal::new(value.index()),
            value: PhantomData,
        }
    }

    /// The value, tracked.
    pub fn get(self) -> T {
        T::from_index(self.index.get())
    }

    pub fn get_untracked(self) -> T {
        T::from_index(self.index.get_untracked())
    }

    /// Sets the value and notifies, as `RwSignal::set` does.
    pub fn set(self, value: T) {
        self.index.set(value.index());
    }
}
