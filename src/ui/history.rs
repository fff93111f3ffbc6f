use laurel_core::wire::ActivityEntry;
use leptos::prelude::*;

use super::{points, ErrorPanel};
use crate::state::Store;

/// Points earned and spent, newest first, with "Load more".
#[component]
pub fn HistoryView(store: Store) -> impl IntoView {
    let msgs = store.locale.messages();
    // Loads on open, and again after a redemption or an action resets the history.
    Effect::new(move |_| {
        let h = store.history.get();
        if !h.loaded && !h.loading && h.error.is_none() {
            store.load_history(false);
        }
    });
    // Rebuilt in place when a page is added: positions that stay the same keep their nodes.
    let items = move || {
        store.history.with(|h| {
            h.items
                .iter()
                .map(|entry| view! { <HistoryItem store=store entry=entry.clone() /> })
                .collect_view()
        })
    };
    view! {
        <ul class="history" part="history">
            {items}
        </ul>
        {move || {
            let h = store.history.get();
            if let Some(kind) = h.error {
                let retry = Callback::new(move |()| store.load_history(h.loaded));
                return view! { <ErrorPanel locale=store.locale kind=kind on_retry=retry /> }.into_any();
            }
            if h.loading {
                return view! { <p class="muted" role="status">{msgs.loading}</p> }.into_any();
            }
            if h.loaded && h.items.is_empty() {
                return view! { <p class="muted">{msgs.history_empty}</p> }.into_any();
            }
            h.next
                .is_some()
                .then(|| view! {
                    <button type="button" class="button secondary" on:click=move |_| store.load_history(true)>
                        {msgs.load_more}
                    </button>
                })
                .into_any()
        }}
    }
}

#[component]
fn HistoryItem(store: Store, entry: ActivityEntry) -> impl IntoView {
    let amount = points(store, entry.points.unsigned_abs());
    let signed = if entry.points < 0 {
        format!("−{amount}")
    } else {
        format!("+{amount}")
    };
    let date = crate::browser::intl::date(store.locale, &entry.created_at);
    view! {
        <li class="history-item" part="history-item" data-kind=format!("{:?}", entry.kind).to_lowercase()>
            <span class="history-text">{entry.description.clone()}</span>
            <span class="history-points">{signed}</span>
            <time class="muted" datetime=entry.created_at.clone()>{date}</time>
        </li>
    }
}
