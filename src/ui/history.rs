use laurel_core::text::concat;
use laurel_core::wire::ActivityEntry;
use leptos::html;
use leptos::mount::{mount_to, UnmountHandle};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use wasm_bindgen::JsCast;

use super::{points, ErrorPanel, Retry};
use crate::state::Store;

/// Points earned and spent, newest first, with "Load more".
#[component]
pub fn HistoryView(store: Store) -> impl IntoView {
    let msgs = store.locale.messages();
    // Loads on open, and again after a redemption or an action resets the history.
    super::effect(move || {
        let idle = store
            .history
            .with(|h| !h.loaded && !h.loading && h.error.is_none());
        if idle {
            store.load_history(false);
        }
    });
    let list = NodeRef::<html::Div>::new();
    append_pages(store, list);
    view! {
        <div node_ref=list>
            <ul class="history" part="history"></ul>
        </div>
        {move || {
            let (error, loaded, loading, empty, more) = store
                .history
                .with(|h| (h.error, h.loaded, h.loading, h.items.is_empty(), h.next.is_some()));
            if let Some(kind) = error {
                let retry = Retry::History(loaded);
                return Some(view! { <ErrorPanel store=store kind=kind retry=retry /> }.into_any());
            }
            if loading {
                return Some(view! { <p class="muted" role="status">{msgs.loading}</p> }.into_any());
            }
            if loaded && empty {
                return Some(view! { <p class="muted">{msgs.history_empty}</p> }.into_any());
            }
            more
                .then(|| view! {
                    <button type="button" class="button secondary" on:click=move |_| store.load_history(true)>
                        {msgs.load_more}
                    </button>
                }.into_any())
        }}
    }
}

/// Mounts each new page of entries after the ones already shown, which are never rendered
/// again: "Load more" costs the same with 10 entries on screen or 10,000. A reset (after a
/// redemption) unmounts them all.
fn append_pages(store: Store, list: NodeRef<html::Div>) {
    // Owned by the effect, so the pages unmount with it.
    let mut pages = Vec::<UnmountHandle<AnyViewState>>::new();
    let mut shown = 0;
    super::effect(move || {
        let Some(ul) = list
            .get()
            .and_then(|d| d.first_element_child())
            .and_then(|u| u.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let fresh = store.history.with(|h| {
            if h.items.len() < shown {
                shown = 0;
                pages.clear();
            }
            let fresh = h.items.get(shown..).unwrap_or_default().to_vec();
            shown = h.items.len();
            fresh
        });
        if fresh.is_empty() {
            return;
        }
        let page = mount_to(ul, move || {
            fresh
                .into_iter()
                .map(|entry| view! { <HistoryItem store=store entry=entry /> }.into_any())
                .collect::<Vec<_>>()
                .into_any()
        });
        pages.push(page);
    });
}

#[component]
fn HistoryItem(store: Store, entry: ActivityEntry) -> impl IntoView {
    let amount = points(store, entry.points.unsigned_abs());
    let signed = concat(&[if entry.points < 0 { "−" } else { "+" }, &amount]);
    let date = crate::browser::intl::date(store.locale, &entry.created_at);
    view! {
        <li class="history-item" part="history-item" data-kind=entry.kind.as_str()>
            <span class="history-text">{entry.description.clone()}</span>
            <span class="history-points">{signed}</span>
            <time class="muted" datetime=entry.created_at.clone()>{date}</time>
        </li>
    }
}
