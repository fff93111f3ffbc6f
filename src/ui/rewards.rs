use laurel_core::catalog::{kinds_present, visible, Filter, Sort, Status};
use laurel_core::i18n::fill;
use laurel_core::safe_url::safe_url;
use laurel_core::wire::Reward;
use leptos::prelude::*;

use super::{points, with_data};
use crate::browser::intl::{date, money, number};
use crate::browser::now_secs;
use crate::state::{Choice, Event, Origin, Store};

/// The catalog: filter, sort, and each reward's status for this shopper.
#[component]
pub fn Rewards(store: Store, origin: Origin) -> impl IntoView {
    let msgs = store.locale.messages();
    let filter = Choice::new(Filter::All);
    let sort = Choice::new(Sort::CostLowToHigh);
    let is_member = move || with_data(store, |d| d.member.is_some()).unwrap_or(false);
    let filters = move || {
        let mut f = vec![(Filter::All, msgs.filter_all)];
        if is_member() {
            f.push((Filter::CanRedeem, msgs.filter_can_redeem));
        }
        let kinds = with_data(store, |d| kinds_present(&d.rewards)).unwrap_or_default();
        f.extend(
            kinds
                .into_iter()
                .map(|k| (Filter::Kind(k), msgs.reward_kind(k))),
        );
        f
    };
    // Every reward, sorted, with its status: rendered again when the data or the sort changes.
    // A filter change only hides cards, so it costs the same with 10 rewards or 1,000.
    let items = move || {
        with_data(store, |d| {
            visible(
                &d.rewards,
                d.member.as_ref(),
                &d.tiers,
                &d.for_you,
                Filter::All,
                sort.get(),
                now_secs(),
            )
            .into_iter()
            .map(|(r, s)| (r.clone(), s))
            .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    let has_picks = with_data(store, |d| !d.for_you.is_empty()).unwrap_or(false);
    let none_shown = move || {
        with_data(store, |d| {
            let f = filter.get();
            visible(
                &d.rewards,
                d.member.as_ref(),
                &d.tiers,
                &[],
                f,
                Sort::CostLowToHigh,
                now_secs(),
            )
            .is_empty()
        })
        .unwrap_or(true)
    };
    view! {
        <div class="catalog-controls" role="group" aria-label=msgs.filter_label>
            {move || super::list(filters(), |(f, label)| view! {
                <button
                    type="button"
                    class="chip"
                    part="filter"
                    aria-pressed=move || super::aria(filter.get() == f)
                    on:click=move |_| filter.set(f)
                >
                    {label}
                </button>
            }.into_any())}
        </div>
        <label class="sort">
            <span>{msgs.sort_label}</span>
            <select on:change=move |ev| {
                sort.set(match event_target_value(&ev).as_str() {
                    "desc" => Sort::CostHighToLow,
                    "picks" => Sort::Recommended,
                    _ => Sort::CostLowToHigh,
                })
            }>
                <option value="asc">{msgs.sort_low_high}</option>
                <option value="desc">{msgs.sort_high_low}</option>
                {has_picks.then(|| view! { <option value="picks">{msgs.sort_recommended}</option> }.into_any())}
            </select>
        </label>
        <p class="muted" hidden=move || super::flag(!none_shown())>{msgs.no_rewards}</p>
        <ul class="rewards" part="rewards">
            {move || super::list(items(), |(reward, status)| view! {
                <RewardCard store=store reward=reward status=status filter=filter origin=origin />
            }.into_any())}
        </ul>
    }
}

/// One reward: its cost and kind, what it means for this shopper, and Redeem when it can be.
#[component]
pub fn RewardCard(
    store: Store,
    reward: Reward,
    status: Status,
    filter: Choice<Filter>,
    origin: Origin,
    /// Why it was picked for the shopper, on Home.
    #[prop(optional)]
    reason: Option<String>,
) -> impl IntoView {
    let msgs = store.locale.messages();
    let cost = points(store, reward.cost);
    let status_text = match &status {
        Status::Affordable => msgs.status_affordable.to_owned(),
        Status::Short(n) => fill(msgs.status_short, &[("points", &points(store, *n))]),
        Status::Locked(tier) => fill(msgs.status_locked, &[("tier", tier)]),
        Status::SoldOut => msgs.status_sold_out.to_owned(),
        Status::Upcoming(at) => fill(msgs.status_upcoming, &[("date", &date(store.locale, at))]),
        Status::Unavailable => msgs.status_unavailable.to_owned(),
        Status::Preview => String::new(),
    };
    let notes = notes(store, &reward);
    let image = reward.image_url.as_deref().and_then(safe_url);
    let label = fill(msgs.redeem, &[("reward", &reward.name)]);
    let affordable = status == Status::Affordable;
    let for_dialog = reward.clone();
    store.reward_shown(&reward, origin);
    let shown = {
        let (reward, status) = (reward.clone(), status.clone());
        move || filter.get().matches(&reward, &status)
    };
    view! {
        <li class="reward" part="reward" data-status=status.as_str() hidden=move || super::flag(!shown())>
            {image.map(|src| view! { <img class="reward-image" src=src alt="" loading="lazy" /> }.into_any())}
            <div class="reward-body">
                <h3 class="subtitle">{reward.name.clone()}</h3>
                {reason.map(|r| view! { <p class="reward-reason" part="reason">{r}</p> }.into_any())}
                <p class="muted">{msgs.reward_kind(reward.kind)}" · "{cost}</p>
                <p class="muted desc">{reward.description.clone()}</p>
                {(!notes.is_empty()).then(|| view! { <p class="muted reward-notes">{notes}</p> }.into_any())}
                {(!status_text.is_empty()).then(|| view! { <p class="reward-status">{status_text}</p> }.into_any())}
            </div>
            {affordable.then(|| view! {
                <button
                    type="button"
                    class="button small"
                    part="button redeem"
                    disabled=move || super::flag(store.offline.get())
                    data-reward=reward.id.clone()
                    aria-label=label
                    on:click=move |_| {
                        let reward = Box::new(for_dialog.clone());
                        store.emit(Event::RewardClicked { reward }, origin);
                        store.start_redeem(for_dialog.clone(), origin)
                    }
                >
                    {msgs.redeem_short}
                </button>
            }.into_any())}
        </li>
    }
}

/// What else the shopper should know before redeeming: how many are left, until when, and the
/// smallest order its code applies to.
fn notes(store: Store, reward: &Reward) -> String {
    let msgs = store.locale.messages();
    let locale = store.locale;
    let mut out = String::new();
    let mut add = |note: String| {
        if !out.is_empty() {
            out.push_str(" · ");
        }
        out.push_str(&note);
    };
    if let Some(n) = reward.remaining.filter(|n| *n > 0) {
        add(fill(msgs.reward_left, &[("count", &number(locale, n))]));
    }
    if let Some(e) = &reward.ends_at {
        add(fill(msgs.reward_until, &[("date", &date(locale, e))]));
    }
    if let Some(m) = reward.min_order.as_ref().and_then(|m| money(locale, m)) {
        add(fill(msgs.reward_min_order, &[("amount", &m)]));
    }
    out
}
