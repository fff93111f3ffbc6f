//! Nudges: after each answer the store tells the page about every nudge the member has not seen
//! to the end, and shows the most important one. Seen to the end means dismissed, followed, or
//! (with `data-nudges="off"`) handed to the page; those keys are kept in `localStorage` under the
//! loader's key for this shop and customer, a hash that names neither. One nudge shows per page;
//! what happens on the page (a tier reached, a challenge finished) is celebrated as it happens.

use laurel_core::config::Nudges;
use laurel_core::load::Load;
use laurel_core::nudge::{is_seen, nudges, Nudge};
use laurel_core::text::concat;
use leptos::prelude::*;

use super::{Event, Origin, Store};
use crate::browser::{keep, now_secs, stored};

impl Store {
    /// Where this customer's seen nudges are kept, from the loader.
    pub fn set_memory(&self, key: String) {
        self.services.update_value(|s| s.memory = Some(key));
    }

    fn memory(self) -> Option<String> {
        self.services.with_value(|s| s.memory.clone())
    }

    /// The nudge on show, tracking [`Store::nudging`].
    pub fn nudge(self) -> Option<Nudge> {
        self.nudging.get();
        self.services.with_value(|s| s.nudge.clone())
    }

    fn show_nudge(self, n: Option<Nudge>) {
        self.services.update_value(|s| s.nudge = n);
        self.nudging.set(true);
    }

    /// Remembers `key` as seen to the end (a celebration is remembered when it is told and
    /// again when its panel closes: kept once).
    fn mark_seen(self, key: &str) {
        if let Some(m) = self.memory() {
            let seen = stored(&m).unwrap_or_default();
            if !is_seen(&seen, key) {
                keep(&m, &concat(&[&seen, " ", key]));
            }
        }
    }

    /// Sends `laurel:nudge` (or `-shown`) for `n` once per page; `false` if it was sent.
    fn tell(self, n: &Nudge, shown: bool) -> bool {
        let mut key = n.key.clone();
        if shown {
            key.push('!');
        }
        let new = self
            .services
            .try_update_value(|s| {
                let new = !is_seen(&s.told, &key);
                s.told.push(' ');
                s.told.push_str(&key);
                new
            })
            .unwrap_or(false);
        if new {
            let nudge = Box::new(n.clone());
            self.emit(Event::Nudge { nudge, shown }, Origin::PAGE);
        }
        new
    }

    /// After an answer: tells the page of each new nudge and shows the first, if none showed on
    /// this page yet or it is a celebration.
    pub(super) fn check_nudges(self) {
        let Some(m) = self.memory() else {
            return;
        };
        let all = self.data.with_untracked(|d| match d {
            Load::Ready(d) => nudges(d, now_secs()),
            _ => Vec::new(),
        });
        let seen = stored(&m).unwrap_or_else(|| {
            // A first visit: the tier and the finished challenges are history, not news.
            let mut old = String::new();
            for n in all.iter().filter(|n| n.kind.celebrates()) {
                old.push(' ');
                old.push_str(&n.key);
            }
            keep(&m, &old);
            old
        });
        for n in all {
            let celebrates = n.kind.celebrates();
            if is_seen(&seen, &n.key) || !self.tell(&n, false) {
                continue;
            }
            if self.nudges == Nudges::Off || celebrates {
                // Handed to the page, or news told once: either way seen.
                self.mark_seen(&n.key);
            }
            let first = self
                .services
                .try_update_value(|s| !std::mem::replace(&mut s.nudged, true))
                .unwrap_or(false);
            if self.nudges != Nudges::Off && (first || celebrates) {
                self.show_nudge(Some(n));
            }
        }
    }

    /// The nudge is on screen: `laurel:nudge-shown`, once.
    pub fn nudge_shown(self, n: &Nudge) {
        self.tell(n, true);
    }

    /// Takes the nudge on show off screen, as seen to the end, if it is one `which` picks.
    pub fn dismiss_nudge(self, which: fn(&Nudge) -> bool) {
        let Some(n) = self.services.try_with_value(|s| s.nudge.clone()).flatten() else {
            return;
        };
        if which(&n) {
            self.mark_seen(&n.key);
            self.show_nudge(None);
        }
    }
}
