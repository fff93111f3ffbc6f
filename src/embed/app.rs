use std::cell::Cell;

use laurel_core::config::{Config, Placement};
use leptos::prelude::*;

use crate::state::Store;
use crate::ui::{Launcher, Widget};

thread_local! {
    // One store per page, shared by every widget and points badge on it.
    static STORE: Cell<Option<Store>> = const { Cell::new(None) };
}

/// The page's store, created and loaded by the first widget.
pub fn page_store(config: &Config) -> Store {
    STORE.with(|cell| {
        cell.get().unwrap_or_else(|| {
            let owner = Owner::new();
            let store = owner.with(|| Store::new(config));
            // The store lives as long as the page.
            std::mem::forget(owner);
            cell.set(Some(store));
            store.load();
            store
        })
    })
}

/// The store, if a widget has been mounted.
pub fn existing_store() -> Option<Store> {
    STORE.with(Cell::get)
}

/// Renders one placement of the widget.
#[component]
pub fn App(config: Config) -> impl IntoView {
    let store = page_store(&config);
    match config.placement {
        Placement::Inline => view! { <Widget store=store /> }.into_any(),
        Placement::Launcher => view! { <Launcher store=store corner=config.corner /> }.into_any(),
    }
}
