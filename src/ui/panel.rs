use leptos::prelude::*;

use super::dialog::RedeemDialog;
use super::earn::WaysToEarn;
use super::history::HistoryView;
use super::home::Home;
use super::my_rewards::MyRewards;
use super::rewards::Rewards;
use super::with_data;
use crate::state::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum View {
    Home,
    Rewards,
    Earn,
    MyRewards,
    History,
}

/// The views and the buttons that switch between them. Members get all five; guests and
/// non-members get Home, Rewards and Ways to earn.
#[component]
pub fn Panel(store: Store) -> impl IntoView {
    let msgs = store.locale.messages();
    let view = RwSignal::new(View::Home);
    let is_member = Memo::new(move |_| with_data(store, |d| d.member.is_some()).unwrap_or(false));
    let tabs = move || {
        let mut t = vec![
            (View::Home, msgs.view_home),
            (View::Rewards, msgs.view_rewards),
            (View::Earn, msgs.view_earn),
        ];
        if is_member.get() {
            t.push((View::MyRewards, msgs.view_my_rewards));
            t.push((View::History, msgs.view_history));
        }
        t
    };
    view! {
        <nav class="tabs" part="nav" aria-label=msgs.nav_label>
            <For each=tabs key=|(v, _)| *v let:tab>
                <button
                    type="button"
                    class="tab"
                    part="tab"
                    aria-current=move || (view.get() == tab.0).then_some("page")
                    on:click=move |_| view.set(tab.0)
                >
                    {tab.1}
                </button>
            </For>
        </nav>
        <div class="view" part="view">
            {move || match view.get() {
                View::Home => view! { <Home store=store /> }.into_any(),
                View::Rewards => view! { <Rewards store=store /> }.into_any(),
                View::Earn => view! { <WaysToEarn store=store /> }.into_any(),
                View::MyRewards => view! { <MyRewards store=store /> }.into_any(),
                View::History => view! { <HistoryView store=store /> }.into_any(),
            }}
        </div>
        <RedeemDialog store=store />
    }
}
