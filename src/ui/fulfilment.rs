use laurel_core::i18n::fill;
use laurel_core::wire::{Fulfilment, Redemption};
use leptos::prelude::*;

use crate::state::Store;

/// What a redemption gave, the way its fulfilment needs: a code or a voucher's reference with
/// its label, the API's text (a donation's impact, a voucher's instructions), a donation's
/// running total, and when a code or reference expires. The caller adds the buttons.
#[component]
pub fn Fulfilled(store: Store, redemption: Redemption) -> impl IntoView {
    let msgs = store.locale.messages();
    let r = redemption;
    let label = if r.fulfilment == Fulfilment::Voucher {
        msgs.your_reference
    } else {
        msgs.your_code
    };
    let value = r.to_copy().map(str::to_owned);
    let expires = r
        .expires_at
        .as_deref()
        .filter(|_| value.is_some())
        .map(|e| {
            fill(
                msgs.code_expires,
                &[("date", &crate::browser::intl::date(store.locale, e))],
            )
        });
    let message = r
        .message
        .clone()
        .or_else(|| (r.fulfilment == Fulfilment::Donation).then(|| msgs.donation_done.to_owned()));
    view! {
        {value.map(|v| view! {
            <p class="code-label">{label}</p>
            <p class="code" part="code">{v}</p>
        }.into_any())}
        {message.map(|m| view! { <p class="fulfilment" part="fulfilment">{m}</p> }.into_any())}
        {r.impact_total.clone().map(|t| view! { <p class="muted">{t}</p> }.into_any())}
        {expires.map(|e| view! { <p class="muted">{e}</p> }.into_any())}
    }
}
