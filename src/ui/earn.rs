use std::cell::Cell;
use std::rc::Rc;

use laurel_core::boost::{boosted, for_rule};
use laurel_core::i18n::fill;
use laurel_core::safe_url::safe_url;
use laurel_core::text::{concat, padded};
use laurel_core::wire::{ActionRequest, Birthday, EarnKind, EarnRule, NoFields};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::boost::boost_line;
use super::{points, with_data, CopyButton};
use crate::browser;
use crate::state::{ActionState, Event, Origin, Store};

/// Every way to earn, its points, whether it is done, and the control to do it here.
#[component]
pub fn WaysToEarn(store: Store, origin: Origin) -> impl IntoView {
    let rules = move || with_data(store, |d| d.earn_rules.clone()).unwrap_or_default();
    view! {
        <ul class="earn-list" part="earn-list">
            {move || super::list(rules(), |rule| view! { <EarnItem store=store rule=rule origin=origin /> }.into_any())}
        </ul>
    }
}

#[component]
fn EarnItem(store: Store, rule: EarnRule, origin: Origin) -> impl IntoView {
    let msgs = store.locale.messages();
    // A running boost raises the points shown; when it ends the data is read again.
    let (shown, line) = with_data(store, |d| {
        let b = for_rule(&d.boosts, &rule, crate::browser::now_secs())?;
        let ended = Box::new(move || store.refresh());
        let line = boost_line(store, b.name.clone(), &b.starts_at, &b.ends_at, ended);
        Some((boosted(rule.points, b), line))
    })
    .flatten()
    .unwrap_or((rule.points, None));
    let amount = points(store, shown);
    let worth = if rule.kind == EarnKind::Purchase {
        fill(msgs.earn_per_unit, &[("points", &amount)])
    } else {
        fill(msgs.earn_points, &[("points", &amount)])
    };
    // A click on any of the rule's controls (its button, form, link, Copy or Share) is
    // `laurel:earn-clicked`; heard on the card so every control is covered once.
    let clicked = {
        let rule = Box::new(rule.clone());
        move |ev: leptos::ev::MouseEvent| {
            let on_control = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("button, a").ok().flatten())
                .is_some();
            if on_control {
                store.emit(Event::EarnClicked { rule: rule.clone() }, origin);
            }
        }
    };
    let is_member = with_data(store, |d| d.member.is_some()).unwrap_or(false);
    let control = if rule.completed {
        view! { <span class="done" part="earn-done">{msgs.earn_done}</span> }.into_any()
    } else if !is_member {
        ().into_any()
    } else {
        control(store, &rule, origin).into_any()
    };
    view! {
        <li class="earn-item" part="earn-item" on:click=clicked>
            <div class="earn-text">
                <h3 class="subtitle">{rule.name.clone()}</h3>
                <p class="muted">{rule.description.clone()}</p>
            </div>
            <p class="earn-points">{worth}</p>
            {line}
            {control}
            {move || match store.earn_action(rule.kind) {
                ActionState::Done(n) if n > 0 => Some(view! {
                    <p class="success" role="status">{fill(msgs.earned_now, &[("points", &points(store, n))])}</p>
                }.into_any()),
                ActionState::Failed(kind) => Some(view! {
                    <p class="error-text" role="alert">{msgs.error(kind)}</p>
                }.into_any()),
                _ => None,
            }}
        </li>
    }
}

fn control(store: Store, rule: &EarnRule, here: Origin) -> impl IntoView {
    let msgs = store.locale.messages();
    let busy = move |kind| store.earn_action(kind) == ActionState::Busy;
    match rule.kind {
        EarnKind::Birthday => view! { <BirthdayForm store=store origin=here /> }.into_any(),
        EarnKind::Newsletter => view! {
            <button
                type="button"
                class="button small"
                disabled=move || super::flag(busy(EarnKind::Newsletter))
                on:click=move |_| store.earn(EarnKind::Newsletter, ActionRequest::NewsletterSubscribe(NoFields {}), here)
            >
                {msgs.newsletter_subscribe}
            </button>
        }
        .into_any(),
        EarnKind::Referral => view! { <ReferralLink store=store /> }.into_any(),
        kind => {
            let href = rule.action_url.as_deref().and_then(safe_url);
            let name = rule.name.clone();
            href.map(|href| {
                view! {
                    <a
                        class="button small secondary"
                        href=href
                        target="_blank"
                        rel="noopener"
                        aria-label=concat(&[msgs.earn_open, ": ", &name])
                        on:click=move |_| {
                            if kind == EarnKind::SocialFollow {
                                store.earn(kind, ActionRequest::SocialFollow(NoFields {}), here);
                            }
                        }
                    >
                        {msgs.earn_open}
                    </a>
                }.into_any()
            })
            .into_any()
        }
    }
}

#[component]
fn BirthdayForm(store: Store, origin: Origin) -> impl IntoView {
    let msgs = store.locale.messages();
    // Both selects are required, so the browser's own validation asks for a missing one; the
    // choices are plain cells, not signals, because nothing renders from them.
    let month = Rc::new(Cell::new(0u32));
    let day = Rc::new(Cell::new(0u32));
    let chosen = |ev| {
        laurel_core::text::number(&event_target_value(&ev))
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(0)
    };
    let (m, d) = (month.clone(), day.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let two = |n: u32| padded(u64::from(n), 2);
        let birthday = concat(&[&two(m.get()), "-", &two(d.get())]);
        store.earn(
            EarnKind::Birthday,
            ActionRequest::SetBirthday(Birthday { birthday }),
            origin,
        );
    };
    let option = |v: u32| {
        let value = padded(u64::from(v), 2);
        let label = value.clone();
        view! { <option value=value>{label}</option> }.into_any()
    };
    view! {
        <form class="birthday" on:submit=submit>
            <label>
                <span>{msgs.birthday_month}</span>
                <select required on:change=move |ev| month.set(chosen(ev))>
                    <option value="">"--"</option>
                    {(1..=12).map(option).collect_view()}
                </select>
            </label>
            <label>
                <span>{msgs.birthday_day}</span>
                <select required on:change=move |ev| day.set(chosen(ev))>
                    <option value="">"--"</option>
                    {(1..=31).map(option).collect_view()}
                </select>
            </label>
            <button
                type="submit"
                class="button small"
                disabled=move || super::flag(store.earn_action(EarnKind::Birthday) == ActionState::Busy)
            >
                {msgs.birthday_save}
            </button>
        </form>
    }
}

#[component]
fn ReferralLink(store: Store) -> impl IntoView {
    let msgs = store.locale.messages();
    let url = with_data(store, |d| d.member.as_ref().map(|m| m.referral_url.clone()))
        .flatten()
        .and_then(|u| safe_url(&u))
        .unwrap_or_default();
    let program = with_data(store, |d| d.program.name.clone()).unwrap_or_default();
    let share = {
        let url = url.clone();
        move |_| {
            let (url, program) = (url.clone(), program.clone());
            spawn_local(async move {
                browser::share(&program, &url).await;
            });
        }
    };
    view! {
        <div class="referral">
            <label>
                <span>{msgs.referral_label}</span>
                <input type="text" readonly value=url.clone() />
            </label>
            <CopyButton locale=store.locale text=url.clone() class="small" />
            {browser::can_share().then(|| view! {
                <button type="button" class="button small secondary" on:click=share>{msgs.share}</button>
            }.into_any())}
        </div>
    }
}
