use laurel_core::load::ErrorKind;
use leptos::prelude::*;

use crate::state::Store;

/// What "Try again" does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// Load the widget again.
    Load,
    /// Load the member's codes again.
    Codes,
    /// Load the history again (`true`: the next page).
    History(bool),
}

/// A clear message for the failure, with a retry button where retrying can help.
#[component]
pub fn ErrorPanel(store: Store, kind: ErrorKind, retry: Retry) -> impl IntoView {
    let msgs = store.locale.messages();
    let run = move |_| match retry {
        Retry::Load => store.load(),
        Retry::Codes => {
            store.redemptions.set(None);
            store.load_redemptions();
        }
        Retry::History(more) => store.load_history(more),
    };
    view! {
        <div class="error" part="error" role="alert">
            <p class="error-text">{msgs.error(kind)}</p>
            {kind.retryable().then(|| view! {
                <button type="button" class="button" part="button retry" on:click=run>
                    {msgs.retry}
                </button>
            }.into_any())}
        </div>
    }
}
