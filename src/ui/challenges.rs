use laurel_core::challenge::{standing, step_progress, Standing};
use laurel_core::i18n::fill;
use leptos::prelude::*;

use super::{points, with_data, ProgressBar};
use crate::browser::intl::{date, number};
use crate::browser::now_secs;
use crate::state::Store;

/// The member's challenges: each step as a progress bar ("Redeem 2 rewards: 1 of 2"), the
/// reward for finishing, and whether it is done, open until a date, or over.
#[component]
pub fn Challenges(store: Store) -> impl IntoView {
    let msgs = store.locale.messages();
    let locale = store.locale;
    let now = now_secs();
    let items = with_data(store, |d| {
        d.challenges
            .iter()
            .map(|c| {
                let reward = points(store, c.reward_points);
                let state = match standing(c, now) {
                    Standing::Completed => fill(msgs.challenge_done, &[("points", &reward)]),
                    Standing::Open(_) => match c.ends_at.as_deref() {
                        Some(end) => fill(
                            msgs.challenge_until,
                            &[("points", &reward), ("date", &date(locale, end))],
                        ),
                        None => fill(msgs.challenge_open, &[("points", &reward)]),
                    },
                    Standing::Missed => msgs.challenge_missed.to_owned(),
                };
                let steps = c
                    .steps
                    .iter()
                    .map(|s| {
                        let (done, goal) = step_progress(s);
                        let text = fill(
                            msgs.challenge_step,
                            &[
                                ("step", &s.label),
                                ("done", &number(locale, done)),
                                ("goal", &number(locale, goal)),
                            ],
                        );
                        let permille = (done * 1000 / goal.max(1)) as u16;
                        view! {
                            <ProgressBar text=text label=s.label.clone() from=0 to=goal value=done permille=permille />
                        }
                        .into_any()
                    })
                    .collect::<Vec<_>>();
                view! {
                    <li class="reward" part="challenge">
                        <div class="reward-body">
                            <h3 class="subtitle">{c.name.clone()}</h3>
                            <p class="muted desc">{c.description.clone()}</p>
                            {steps}
                            <p class="reward-status">{state}</p>
                        </div>
                    </li>
                }
                .into_any()
            })
            .collect::<Vec<_>>()
    })
    .unwrap_or_default();
    let empty = items.is_empty();
    view! {
        <h2 class="title">{msgs.view_challenges}</h2>
        {empty.then(|| view! { <p class="muted">{msgs.challenges_empty}</p> }.into_any())}
        <ul class="rewards" part="challenges">{items}</ul>
    }
}
