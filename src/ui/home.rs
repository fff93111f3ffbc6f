use laurel_core::boost::headline;
use laurel_core::catalog::{next_reward, picks, status, Filter, NextReward};
use laurel_core::i18n::fill;
use laurel_core::tier::{progress, Progress};
use laurel_core::wire::{EarnKind, WidgetData};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::boost::boost_line;
use super::join::{EnrollForm, JoinPrompt};
use super::rewards::RewardCard;
use super::{points_text, with_data, worth_text, ProgressBar};
use crate::state::{ActionState, Choice, Origin, Store};

/// Home: the member's summary, or the way in for a guest or a non-member.
#[component]
pub fn Home(store: Store, origin: Origin) -> impl IntoView {
    super::reactive::dynamic(move || {
        with_data(store, |d| match (&d.member, d.signed_in) {
            (Some(_), _) => member_home(store, d, origin).into_any(),
            (None, true) => view! { <EnrollForm store=store origin=origin /> }.into_any(),
            (None, false) => view! { <JoinPrompt store=store /> }.into_any(),
        })
    })
}

fn member_home(store: Store, d: &WidgetData, origin: Origin) -> impl IntoView {
    let locale = store.locale;
    let msgs = locale.messages();
    let Some(member) = d.member.clone() else {
        return ().into_any();
    };
    let name = &d.program.points_name;
    let balance = points_text(locale, name, member.balance);
    let worth = worth_text(locale, &d.program, member.balance);
    let tier_name = member.tier.as_ref().map(|t| t.name.clone());
    let badge = tier_name.as_deref().map_or_else(
        || msgs.no_tier_yet.to_owned(),
        |t| fill(msgs.tier_badge, &[("tier", t)]),
    );
    // One bar: to the nearest reward while the member can redeem none (the first reward is the
    // goal that matters then), else to the next tier.
    let mut next_line = None;
    let goal = match next_reward(&d.rewards, &member, &d.tiers, crate::browser::now_secs()) {
        NextReward::Short(r, n) => Some((
            progress(0, Some((r.cost, n))),
            fill(
                msgs.next_reward_short,
                &[
                    ("points", &points_text(locale, name, n)),
                    ("reward", &r.name),
                ],
            ),
            r.name.clone(),
        )),
        found => {
            if let NextReward::CanRedeem(r) = found {
                next_line = Some(fill(msgs.next_reward_ready, &[("reward", &r.name)]));
            }
            let current_threshold = member.tier.as_ref().map_or(0, |t| t.threshold);
            member.next_tier.as_ref().map(|next| {
                (
                    progress(
                        current_threshold,
                        Some((next.threshold, next.points_remaining)),
                    ),
                    fill(
                        msgs.points_to_tier,
                        &[
                            ("points", &points_text(locale, name, next.points_remaining)),
                            ("tier", &next.name),
                        ],
                    ),
                    next.name.clone(),
                )
            })
        }
    };
    let ladder = match goal {
        Some((
            Progress::Climbing {
                from,
                to,
                value,
                permille,
                ..
            },
            text,
            goal_name,
        )) => view! {
            <ProgressBar
                text=text
                label=fill(msgs.progress_label, &[("tier", &goal_name)])
                from=from
                to=to
                value=value
                permille=permille
            />
        }
        .into_any(),
        _ => {
            let tier = tier_name.clone().unwrap_or_default();
            let benefits = member
                .tier
                .as_ref()
                .and_then(|t| d.tiers.iter().find(|x| x.id == t.id))
                .map(|t| t.benefits.clone())
                .unwrap_or_default();
            view! {
                <p class="top-tier" part="top-tier">{fill(msgs.top_tier, &[("tier", &tier)])}</p>
                <h3 class="subtitle">{fill(msgs.benefits_title, &[("tier", &tier)])}</h3>
                <ul class="benefits">
                    {benefits.into_iter().map(|b| view! { <li>{b}</li> }.into_any()).collect_view()}
                </ul>
            }
            .into_any()
        }
    };
    let expiry = member
        .expiring_points
        .as_ref()
        .map(|e| super::expiring_text(locale, name, e.points, &e.expires_on));
    // Badges of the challenges the member finished.
    let mut earned = String::new();
    for c in d.challenges.iter().filter(|c| c.completed_at.is_some()) {
        if let Some(b) = &c.badge {
            if !earned.is_empty() {
                earned.push_str(" · ");
            }
            earned.push_str(b);
        }
    }
    let badges = (!earned.is_empty()).then(|| {
        let text = fill(msgs.badges, &[("badges", &earned)]);
        view! { <p class="tier-badge" part="badges">{text}</p> }.into_any()
    });
    // The running boost that ends first, else the next to start; at its end, the data is read
    // again so that the next one (or none) shows.
    let boost = headline(&d.boosts, crate::browser::now_secs()).and_then(|(b, _)| {
        boost_line(
            store,
            b.name.clone(),
            &b.starts_at,
            &b.ends_at,
            Box::new(move || store.refresh()),
        )
    });
    // Right after joining, the form that had focus is gone: move focus to the greeting.
    let card = NodeRef::<html::Div>::new();
    if matches!(untrack(|| store.enrollment()), ActionState::Done(_)) {
        super::effect(move || {
            let heading = card
                .get()
                .and_then(|c| c.query_selector("h2").ok().flatten());
            if let Some(h) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = h.focus();
                store.set_earn_action(EarnKind::Signup, ActionState::Idle);
            }
        });
    }
    view! {
        <div class="member" part="member" node_ref=card>
            <h2 class="title" tabindex="-1">
                {fill(msgs.greeting, &[("name", &member.first_name)])}
            </h2>
            <p class="balance" part="balance">
                <span class="balance-label">{msgs.balance_label}</span>
                <strong class="balance-value">{balance}</strong>
                {worth.map(|w| view! { <span class="balance-worth" part="worth">{w}</span> }.into_any())}
            </p>
            <p class="tier-badge" part="tier-badge">{badge}</p>
            {badges}
            {ladder}
            {next_line.map(|l| view! { <p class="next-reward" part="next-reward">{l}</p> }.into_any())}
            {expiry.map(|e| view! { <p class="notice" part="expiry">{e}</p> }.into_any())}
            {boost}
            <Picks store=store origin=origin />
        </div>
    }
    .into_any()
}

/// Up to three rewards picked for the member, each with the API's reason.
#[component]
fn Picks(store: Store, origin: Origin) -> impl IntoView {
    let msgs = store.locale.messages();
    let now = crate::browser::now_secs();
    let cards = with_data(store, |d| {
        picks(&d.for_you, &d.rewards)
            .into_iter()
            .map(|(r, why)| {
                let status = status(r, d.member.as_ref(), &d.tiers, now);
                view! {
                    <RewardCard
                        store=store
                        reward=r.clone()
                        status=status
                        filter=Choice::new(Filter::All)
                        origin=origin
                        reason=why.to_owned()
                    />
                }
                .into_any()
            })
            .collect::<Vec<_>>()
    })
    .unwrap_or_default();
    (!cards.is_empty()).then(|| {
        view! {
            <h3 class="subtitle">{msgs.picks_title}</h3>
            <ul class="rewards picks" part="picks">{cards}</ul>
        }
        .into_any()
    })
}
