use laurel_core::i18n::{fill, Locale};
use laurel_core::tier::{progress, Progress};
use laurel_core::wire::{Member, Program};
use leptos::prelude::*;

use super::{points_text, TierProgress};

/// A member's home: greeting, balance, tier and the way to the next tier.
#[component]
pub fn MemberHome(locale: Locale, program: Program, member: Member) -> impl IntoView {
    let msgs = locale.messages();
    let balance = points_text(locale, &program.points_name, member.balance);
    let current_threshold = member.tier.as_ref().map_or(0, |t| t.threshold);
    let tier_name = member.tier.as_ref().map(|t| t.name.clone());
    let badge = tier_name.as_deref().map_or_else(
        || msgs.no_tier_yet.to_owned(),
        |t| fill(msgs.tier_badge, &[("tier", t)]),
    );
    let next = member
        .next_tier
        .as_ref()
        .map(|n| (n.threshold, n.points_remaining));
    let ladder = match (progress(current_threshold, next), member.next_tier) {
        (
            Progress::Climbing {
                from,
                to,
                value,
                remaining,
                permille,
            },
            Some(next),
        ) => {
            let remaining = points_text(locale, &program.points_name, remaining);
            view! {
                <TierProgress
                    locale=locale
                    next_tier=next.name
                    remaining=remaining
                    from=from
                    to=to
                    value=value
                    permille=permille
                />
            }
            .into_any()
        }
        _ => {
            let top = fill(
                msgs.top_tier,
                &[("tier", tier_name.as_deref().unwrap_or_default())],
            );
            view! { <p class="top-tier" part="top-tier">{top}</p> }.into_any()
        }
    };
    view! {
        <div class="member" part="member">
            <h2 class="title">{fill(msgs.greeting, &[("name", &member.first_name)])}</h2>
            <p class="balance" part="balance">
                <span class="balance-label">{msgs.balance_label}</span>
                <strong class="balance-value">{balance}</strong>
            </p>
            <p class="tier-badge" part="tier-badge">{badge}</p>
            {ladder}
        </div>
    }
}
