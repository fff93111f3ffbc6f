//! The nudge on show: a toast by the launcher, or a celebration in the widget. It says what
//! happened in a line and can be dismissed.

use laurel_core::i18n::fill;
use laurel_core::nudge::{Nudge, NudgeKind};
use laurel_core::text::concat;
use leptos::prelude::*;

use super::boost::boost_line;
use super::{expiring_text, points, with_data};
use crate::state::{Choice, Store};

/// A polite live region, so the nudge is announced once as it appears: by a launcher (given its
/// `open` state) while its panel is closed, or in a widget when it is a celebration.
pub fn nudge_region(store: Store, open: Option<Choice<bool>>) -> AnyView {
    let pick = move |n: &Nudge| match open {
        Some(open) => !open.get(),
        None => n.kind.celebrates(),
    };
    view! {
        <div class="nudges" role="status">
            {move || store.nudge().filter(|n| pick(n)).map(|n| untrack(|| toast(store, n)))}
        </div>
    }
    .into_any()
}

fn toast(store: Store, n: Nudge) -> AnyView {
    let msgs = store.locale.messages();
    store.nudge_shown(&n);
    let line = match n.kind {
        NudgeKind::TierReached => fill(msgs.nudge_tier, &[("tier", &n.name)]),
        NudgeKind::ChallengeCompleted => concat(&[
            n.name.as_str(),
            ": ",
            &fill(msgs.challenge_done, &[("points", &points(store, n.points))]),
        ]),
        NudgeKind::PointsExpiring => with_data(store, |d| {
            expiring_text(store.locale, &d.program.points_name, n.points, n.subject())
        })
        .unwrap_or_default(),
        NudgeKind::BoostRunning => String::new(),
        NudgeKind::RewardAffordable => fill(msgs.next_reward_ready, &[("reward", &n.name)]),
    };
    // A boost's line counts down, and the nudge goes when the boost ends.
    let boost = (n.kind == NudgeKind::BoostRunning)
        .then(|| {
            boost_line(
                store,
                n.name.clone(),
                "",
                &n.ends_at,
                Box::new(move || store.dismiss_nudge(|_| true)),
            )
        })
        .flatten();
    view! {
        <div class="nudge" part="nudge" data-kind=n.kind.as_str()>
            <div class="nudge-text">{line}{boost}</div>
            <button type="button" class="nudge-close" aria-label=msgs.close on:click=move |_| store.dismiss_nudge(|_| true)>
                "×"
            </button>
        </div>
    }
    .into_any()
}
