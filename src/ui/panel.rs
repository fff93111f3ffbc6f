use laurel_core::i18n::fill;
use laurel_core::view::View;
use leptos::prelude::*;

use super::challenges::Challenges;
use super::dialog::RedeemDialog;
use super::earn::WaysToEarn;
use super::history::HistoryView;
use super::home::Home;
use super::how::HowItWorks;
use super::my_rewards::MyRewards;
use super::rewards::Rewards;
use super::with_data;
use crate::state::{Choice, Origin, Store};

/// The views and the buttons that switch between them. Members get all seven; guests and
/// non-members get Home, Rewards, Ways to earn and How it works. Follows the page's `Laurel.open(view)`.
#[component]
pub fn Panel(store: Store, view: Choice<View>, origin: Origin) -> impl IntoView {
    let msgs = store.locale.messages();
    let is_member =
        super::reactive::memo(move || with_data(store, |d| d.member.is_some()).unwrap_or(false));
    // A members-only view asked for by a guest shows Home. Not a memo: the view changes with
    // what it reads but for a shopper who joins on a view open to all, and `memo` is for flags.
    let shown = move || {
        let v = view.get();
        if v.members_only() && !is_member.get() {
            View::Home
        } else {
            v
        }
    };
    let tabs = move || {
        let mut t = vec![
            (View::Home, msgs.view_home),
            (View::Rewards, msgs.view_rewards),
            (View::Earn, msgs.view_earn),
        ];
        if is_member.get() {
            t.push((View::Challenges, msgs.view_challenges));
            t.push((View::MyRewards, msgs.view_my_rewards));
            t.push((View::History, msgs.view_history));
        }
        t.push((View::How, msgs.view_how));
        t
    };
    view! {
        <nav class="tabs" part="nav" aria-label=msgs.nav_label>
            {move || super::list(tabs(), |(v, label)| view! {
                <button
                    type="button"
                    class="tab"
                    part="tab"
                    aria-current=move || (shown() == v).then_some("page")
                    on:click=move |_| view.set(v)
                >
                    {label}
                </button>
            }.into_any())}
        </nav>
        {move || store.offline.get().then(|| {
            let time = crate::browser::intl::time(store.locale, store.fetched_at());
            view! { <p class="notice" part="offline" role="status">{fill(msgs.offline, &[("time", &time)])}</p> }.into_any()
        })}
        {super::nudge::nudge_region(store, None)}
        <div class="view" part="view">
            {move || Some(match shown() {
                View::Home => view! { <Home store=store origin=origin /> }.into_any(),
                View::Rewards => view! { <Rewards store=store origin=origin /> }.into_any(),
                View::Earn => view! { <WaysToEarn store=store origin=origin /> }.into_any(),
                View::MyRewards => view! { <MyRewards store=store /> }.into_any(),
                View::History => view! { <HistoryView store=store /> }.into_any(),
                View::How => view! { <HowItWorks store=store /> }.into_any(),
                View::Challenges => view! { <Challenges store=store /> }.into_any(),
            })}
        </div>
        <RedeemDialog store=store origin=origin />
    }
}
