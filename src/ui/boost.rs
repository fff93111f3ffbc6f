//! Limited-time boosts: one line that counts down to a boost's end in the shopper's words.

use std::cell::Cell;
use std::rc::Rc;

use laurel_core::boost::{phase_between, Phase};
use laurel_core::i18n::fill;
use laurel_core::time::parse_rfc3339;
use leptos::html;
use leptos::prelude::*;

use crate::browser::{intl, now_secs, timer};
use crate::state::Store;

/// Runs once when the boost ends, so the view can drop what the boost added.
pub type Ended = Box<dyn Fn() + Send + Sync>;

/// "Double points week: ends in 2 days 4 hours", then "…: ends in 00:00:09", or "…: starts
/// Saturday, Nov 28". A timer rewrites the text each second instead of re-rendering a view; the
/// second the boost is over, `ended` runs. `None` for a boost that is over or unreadable.
pub fn boost_line(
    store: Store,
    name: String,
    starts_at: &str,
    ends_at: &str,
    ended: Ended,
) -> Option<AnyView> {
    // A preview's boost has no start: it is running.
    let starts = parse_rfc3339(starts_at).unwrap_or(i64::MIN);
    let ends = parse_rfc3339(ends_at)?;
    let text = move || {
        let now = now_secs();
        boost_text(store, &name, phase_between(starts, ends, now), now)
    };
    let first = text()?;
    let line = NodeRef::<html::Div>::new();
    let over = Rc::new(Cell::new(false));
    let tick = move || match text() {
        Some(t) => {
            if let Some(el) = line.get_untracked() {
                el.set_text_content(Some(&t));
            }
        }
        None if !over.replace(true) => ended(),
        None => {}
    };
    let timer = timer::every(1000.0, tick);
    on_cleanup(move || timer.clear());
    Some(view! { <div class="boost" part="boost" node_ref=line>{first}</div> }.into_any())
}

fn boost_text(store: Store, name: &str, phase: Phase, now: i64) -> Option<String> {
    let msgs = store.locale.messages();
    let locale = store.locale;
    Some(match phase {
        Phase::Running(left) => fill(
            msgs.boost_ends,
            &[("name", name), ("time", &intl::countdown(locale, left))],
        ),
        Phase::Upcoming(wait) => fill(
            msgs.boost_starts,
            &[
                ("name", name),
                ("date", &intl::day(locale, (now + wait) as f64 * 1e3)),
            ],
        ),
        Phase::Over => return None,
    })
}
