//! The page's session: its settings, and the store of the current shopper with the reactive
//! owner that disposes it. A new shopper gets a new session, so nothing of the previous one
//! (balance, codes, history, an open dialog) survives.

use std::cell::RefCell;

use laurel_core::config::Config;
use laurel_core::i18n::{use_labels, with_labels};
use leptos::prelude::{on_cleanup, window_event_listener_untyped, Owner};

use super::{events, hosts, loader};
use crate::api::decode_widget;
use crate::state::Store;

struct Session {
    config: Config,
    store: Store,
    owner: Owner,
}

thread_local! {
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
}

/// The live store, if a session is running.
pub fn store() -> Option<Store> {
    SESSION.with_borrow(|s| s.as_ref().map(|s| s.store))
}

/// The settings of the running session.
pub fn config() -> Option<Config> {
    SESSION.with_borrow(|s| s.as_ref().map(|s| s.config.clone()))
}

/// Runs `f` in the session's owner, so what it creates is disposed with the session.
pub fn with_owner<T>(f: impl FnOnce(Store) -> T) -> Option<T> {
    let (owner, store) = SESSION.with_borrow(|s| s.as_ref().map(|s| (s.owner.clone(), s.store)))?;
    Some(owner.with(|| f(store)))
}

/// Starts a session with `config` (ending any running one) and mounts every known host.
pub fn begin(config: Config) {
    end();
    // The store loads before any view mounts, and mounting is what would otherwise start the
    // executor; an Err only means it runs already.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    // The shop's labels, from the catalog each time: a new tag or init replaces the last ones.
    let labels = config.labels.as_deref().map(|text| {
        let json = crate::api::parse_json(text).ok();
        with_labels(config.locale, json.as_ref())
    });
    if let Some((_, problems)) = &labels {
        problems.iter().for_each(|p| crate::browser::report(p));
    }
    use_labels(config.locale, labels.map(|(m, _)| m));
    // A root owner: a session must not be disposed with whatever view happens to be current.
    let owner = Owner::new_root(None);
    let store = owner.with(|| {
        let store = Store::new(&config);
        let online = window_event_listener_untyped("online", move |_| store.went_online());
        let offline = window_event_listener_untyped("offline", move |_| store.went_offline());
        on_cleanup(move || {
            online.remove();
            offline.remove();
        });
        store
    });
    store.set_sink(events::sink());
    if let Some(key) = loader::memory_key(&config) {
        store.set_memory(key);
    }
    if let Some(response) = loader::prefetched(&config) {
        store.set_prefetched(response);
    }
    // What this shopper saw on the previous page, shown at once; a cache that no longer decodes
    // is simply not used.
    if let Some(data) = loader::cached(&config).and_then(|t| decode_widget(&t).ok()) {
        store.seed(data);
    }
    SESSION.with_borrow_mut(|s| {
        *s = Some(Session {
            config,
            store,
            owner,
        })
    });
    store.load();
    hosts::mount_all();
}

/// Ends the running session: every view is unmounted, then the store is disposed.
pub fn end() {
    hosts::unmount_all();
    if let Some(s) = SESSION.with_borrow_mut(Option::take) {
        s.store.retire();
        s.owner.cleanup();
    }
}

/// Said when a command needs a session and there is none.
pub const NOT_RUNNING: &str = "this needs a running widget (a tag or Laurel.init)";

/// The same page with another shopper (`None`: signed out), rendered from scratch.
pub fn switch_shopper(token: Option<String>) {
    let Some(mut config) = config() else {
        return crate::browser::report(NOT_RUNNING);
    };
    config.token = token;
    loader::forget();
    begin(config);
}
