use laurel_core::i18n::fill;
use laurel_core::load::Load;
use laurel_core::wire::Redemption;
use leptos::prelude::*;

use super::{CopyButton, ErrorPanel, Retry};
use crate::state::Store;

/// Codes the member has redeemed, newest first, each with Copy.
#[component]
pub fn MyRewards(store: Store) -> impl IntoView {
    let msgs = store.locale.messages();
    store.load_redemptions();
    move || {
        match store.redemptions.get() {
        Some(Load::Ready(list)) if list.is_empty() => view! { <p class="muted">{msgs.my_rewards_empty}</p> }.into_any(),
        Some(Load::Ready(list)) => view! {
            <ul class="codes" part="codes">
                {list.into_iter().map(|r| view! { <CodeItem store=store redemption=r /> }).collect_view()}
            </ul>
        }
        .into_any(),
        Some(Load::Failed(kind)) => {
            view! { <ErrorPanel store=store kind=kind retry=Retry::Codes /> }.into_any()
        }
        _ => view! { <p class="muted" role="status">{msgs.loading}</p> }.into_any(),
    }
    }
}

#[component]
fn CodeItem(store: Store, redemption: Redemption) -> impl IntoView {
    let msgs = store.locale.messages();
    let expires = redemption.expires_at.as_deref().map(|e| {
        fill(
            msgs.code_expires,
            &[("date", &crate::browser::intl::date(store.locale, e))],
        )
    });
    let label = format!("{}: {}", msgs.copy, redemption.code);
    view! {
        <li class="code-item" part="code-item">
            <h3 class="subtitle">{redemption.reward_name.clone()}</h3>
            <p class="code">{redemption.code.clone()}</p>
            {expires.map(|e| view! { <p class="muted">{e}</p> })}
            <CopyButton locale=store.locale text=redemption.code.clone() class="small" label=label />
        </li>
    }
}
