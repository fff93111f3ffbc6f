use laurel_core::load::Load;
use laurel_core::text::concat;
use laurel_core::wire::Redemption;
use leptos::prelude::*;

use super::{CopyButton, ErrorPanel, Fulfilled, Retry};
use crate::state::Store;

/// What the member has redeemed, newest first, each with Copy.
#[component]
pub fn MyRewards(store: Store) -> impl IntoView {
    let msgs = store.locale.messages();
    store.load_redemptions();
    super::reactive::dynamic(move || {
        Some(match store.redemptions.get() {
        Some(Load::Ready(list)) if list.is_empty() => view! { <p class="muted">{msgs.my_rewards_empty}</p> }.into_any(),
        Some(Load::Ready(list)) => view! {
            <ul class="codes" part="codes">
                {list.into_iter().map(|r| view! { <CodeItem store=store redemption=r /> }.into_any()).collect_view()}
            </ul>
        }
        .into_any(),
        Some(Load::Failed(kind)) => {
            view! { <ErrorPanel store=store kind=kind retry=Retry::Codes /> }.into_any()
        }
        _ => view! { <p class="muted" role="status">{msgs.loading}</p> }.into_any(),
        })
    })
}

#[component]
fn CodeItem(store: Store, redemption: Redemption) -> impl IntoView {
    let msgs = store.locale.messages();
    let copy = redemption.to_copy().map(str::to_owned);
    let (kind, name) = (
        redemption.fulfilment.as_str(),
        redemption.reward_name.clone(),
    );
    view! {
        <li class="code-item" part="code-item" data-fulfilment=kind>
            <h3 class="subtitle">{name}</h3>
            <Fulfilled store=store redemption=redemption />
            {copy.map(|c| {
                let label = concat(&[msgs.copy, ": ", &c]);
                view! { <CopyButton locale=store.locale text=c class="small" label=label /> }.into_any()
            })}
        </li>
    }
}
