//! Limited-time boosts: which are running or announced at an instant, what they add to an earn
//! rule or a purchase, and the countdown to their end.

use crate::time::parse_rfc3339;
use crate::wire::{Boost, BoostKind, BoostScope, EarnKind, EarnRule};

/// Where a boost stands at an instant, with the seconds to its next change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Starts in this many seconds.
    Upcoming(i64),
    /// Ends in this many seconds (at least 1).
    Running(i64),
    /// Over, or its times are malformed or out of order.
    Over,
}

/// The phase of `boost` at `now` (Unix seconds). It runs from `starts_at` up to, not including,
/// `ends_at`.
pub fn phase(boost: &Boost, now: i64) -> Phase {
    match (
        parse_rfc3339(&boost.starts_at),
        parse_rfc3339(&boost.ends_at),
    ) {
        (Some(start), Some(end)) if start < end => phase_between(start, end, now),
        _ => Phase::Over,
    }
}

/// The phase at `now` of a boost running from `start` up to `end` (Unix seconds).
pub fn phase_between(start: i64, end: i64, now: i64) -> Phase {
    if now >= end {
        Phase::Over
    } else if now < start {
        Phase::Upcoming(start - now)
    } else {
        Phase::Running(end - now)
    }
}

/// Seconds until `ends_at`, if that is still ahead; a preview's boost is shown only until then.
pub fn seconds_left(ends_at: &str, now: i64) -> Option<i64> {
    parse_rfc3339(ends_at)
        .map(|end| end - now)
        .filter(|s| *s > 0)
}

/// The boost to headline on Home: the running one that ends first, else the next to start.
pub fn headline(boosts: &[Boost], now: i64) -> Option<(&Boost, Phase)> {
    let key = |p: &Phase| match p {
        Phase::Running(s) => (0, *s),
        Phase::Upcoming(s) => (1, *s),
        Phase::Over => (2, 0),
    };
    boosts
        .iter()
        .map(|b| (b, phase(b, now)))
        .filter(|(_, p)| *p != Phase::Over)
        .min_by_key(|(_, p)| key(p))
}

/// Whether `boost` raises what `rule` earns: a rule boost names it; a purchase boost raises the
/// purchase rule. A collection boost applies only to that collection's products.
pub fn applies_to_rule(boost: &Boost, rule: &EarnRule) -> bool {
    match boost.applies_to {
        BoostScope::EarnRule => boost.target.as_deref() == Some(rule.id.as_str()),
        BoostScope::Purchases => rule.kind == EarnKind::Purchase,
        BoostScope::Collection | BoostScope::Other => false,
    }
}

/// The running boost for `rule` that gives the most, if any.
pub fn for_rule<'a>(boosts: &'a [Boost], rule: &EarnRule, now: i64) -> Option<&'a Boost> {
    boosts
        .iter()
        .filter(|b| applies_to_rule(b, rule) && matches!(phase(b, now), Phase::Running(_)))
        .max_by_key(|b| boosted(rule.points, b))
}

/// `points` raised by `boost`: multiplied (rounded to the nearest point), or with the bonus
/// added. Never less than `points`, whatever the API sends.
pub fn boosted(points: u64, boost: &Boost) -> u64 {
    let raised = match boost.kind {
        BoostKind::Multiplier => (points as f64 * boost.value).round(),
        BoostKind::Bonus => points as f64 + boost.value.round(),
    };
    if raised.is_finite() && raised > points as f64 {
        raised.min(crate::decode::MAX_COUNT) as u64
    } else {
        points
    }
}

/// A collection handle as shops write them: `running`, `trail-shoes`.
pub fn is_handle(s: &str) -> bool {
    let b = s.as_bytes();
    (1..=64).contains(&b.len())
        && b[0] != b'-'
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// Time left, split for display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Countdown {
    pub days: i64,
    pub hours: i64,
    pub minutes: i64,
    pub seconds: i64,
}

impl Countdown {
    pub fn of(seconds_left: i64) -> Self {
        let s = seconds_left.max(0);
        Self {
            days: s / 86_400,
            hours: s % 86_400 / 3600,
            minutes: s % 3600 / 60,
            seconds: s % 60,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::rfc3339;

    const NOW: i64 = 1_795_000_000;

    fn boost(kind: BoostKind, value: f64, scope: BoostScope, target: Option<&str>) -> Boost {
        Boost {
            id: "b".into(),
            name: "Double points".into(),
            kind,
            value,
            applies_to: scope,
            target: target.map(Into::into),
            starts_at: rfc3339(NOW - 3600),
            ends_at: rfc3339(NOW + 3600),
        }
    }

    fn rule(id: &str, kind: EarnKind, points: u64) -> EarnRule {
        EarnRule {
            id: id.into(),
            kind,
            name: id.into(),
            description: String::new(),
            points,
            completed: false,
            repeatable: true,
            action_url: None,
        }
    }

    #[test]
    fn a_boost_runs_from_its_start_up_to_not_including_its_end() {
        let b = boost(BoostKind::Multiplier, 2.0, BoostScope::Purchases, None);
        assert_eq!(phase(&b, NOW - 3601), Phase::Upcoming(1));
        assert_eq!(phase(&b, NOW - 3600), Phase::Running(7200));
        assert_eq!(phase(&b, NOW + 3599), Phase::Running(1));
        assert_eq!(phase(&b, NOW + 3600), Phase::Over);
    }

    #[test]
    fn offsets_are_honoured_and_malformed_or_backwards_times_are_over() {
        let mut b = boost(BoostKind::Multiplier, 2.0, BoostScope::Purchases, None);
        // 09:00 in Bangkok is 02:00 UTC; 03:30 in Tehran is 00:00 UTC.
        b.starts_at = "2026-11-28T09:00:00+07:00".into();
        b.ends_at = "2026-11-29T03:30:00+03:30".into();
        let start = parse_rfc3339("2026-11-28T02:00:00Z").unwrap_or_default();
        assert_eq!(phase(&b, start - 1), Phase::Upcoming(1));
        assert_eq!(phase(&b, start), Phase::Running(22 * 3600));
        b.ends_at = "next Sunday".into();
        assert_eq!(phase(&b, start), Phase::Over);
        b.ends_at = b.starts_at.clone();
        assert_eq!(phase(&b, start - 10), Phase::Over);
    }

    #[test]
    fn the_headline_is_the_running_boost_ending_first_then_the_next_to_start() {
        let mut soon = boost(BoostKind::Multiplier, 2.0, BoostScope::Purchases, None);
        soon.id = "soon".into();
        let mut later = soon.clone();
        later.id = "later".into();
        later.ends_at = rfc3339(NOW + 7200);
        let mut upcoming = soon.clone();
        upcoming.id = "upcoming".into();
        upcoming.starts_at = rfc3339(NOW + 60);
        upcoming.ends_at = rfc3339(NOW + 120);
        let all = [later.clone(), upcoming.clone(), soon.clone()];
        assert_eq!(
            headline(&all, NOW).map(|(b, _)| b.id.as_str()),
            Some("soon")
        );
        // The first ends mid-view: the other running one takes over, then nothing is left.
        assert_eq!(
            headline(&all, NOW + 3600).map(|(b, _)| b.id.as_str()),
            Some("later")
        );
        assert_eq!(headline(&all, NOW + 7200), None);
        assert_eq!(
            headline(&[upcoming], NOW),
            Some((&all[1], Phase::Upcoming(60)))
        );
    }

    #[test]
    fn rules_are_matched_by_id_or_as_the_purchase_rule() {
        let review = rule("er_review", EarnKind::Review, 50);
        let purchase = rule("er_purchase", EarnKind::Purchase, 1);
        let on_review = boost(
            BoostKind::Bonus,
            25.0,
            BoostScope::EarnRule,
            Some("er_review"),
        );
        let on_buying = boost(BoostKind::Multiplier, 2.0, BoostScope::Purchases, None);
        let on_running = boost(
            BoostKind::Multiplier,
            3.0,
            BoostScope::Collection,
            Some("running"),
        );
        let boosts = [on_review.clone(), on_buying.clone(), on_running];
        assert_eq!(for_rule(&boosts, &review, NOW), Some(&on_review));
        assert_eq!(for_rule(&boosts, &purchase, NOW), Some(&on_buying));
        assert_eq!(for_rule(&boosts, &review, NOW + 3600), None, "ended");
        let other = rule("er_social", EarnKind::SocialFollow, 30);
        assert_eq!(for_rule(&boosts, &other, NOW), None);
    }

    #[test]
    fn boosted_points_round_and_never_fall() {
        let double = boost(BoostKind::Multiplier, 2.0, BoostScope::Purchases, None);
        assert_eq!(boosted(142, &double), 284);
        let odd = boost(BoostKind::Multiplier, 1.5, BoostScope::Purchases, None);
        assert_eq!(boosted(5, &odd), 8);
        let bonus = boost(BoostKind::Bonus, 25.0, BoostScope::EarnRule, None);
        assert_eq!(boosted(50, &bonus), 75);
        let shrink = boost(BoostKind::Multiplier, 0.5, BoostScope::Purchases, None);
        assert_eq!(boosted(50, &shrink), 50);
        let huge = boost(BoostKind::Multiplier, 1000.0, BoostScope::Purchases, None);
        assert_eq!(
            boosted(u64::MAX / 2, &huge),
            crate::decode::MAX_COUNT as u64
        );
    }

    #[test]
    fn handles_are_lowercase_words_joined_by_dashes() {
        assert!(is_handle("running") && is_handle("trail-shoes-2"));
        for bad in ["", "Running", "-x", "a b", "x/y", &"a".repeat(65)] {
            assert!(!is_handle(bad), "{bad}");
        }
    }

    #[test]
    fn the_countdown_splits_and_stops_at_zero() {
        let c = Countdown::of(2 * 86_400 + 4 * 3600 + 13 * 60 + 9);
        assert_eq!((c.days, c.hours, c.minutes, c.seconds), (2, 4, 13, 9));
        assert_eq!(Countdown::of(-5), Countdown::of(0));
        assert_eq!(seconds_left(&rfc3339(NOW + 1), NOW), Some(1));
        assert_eq!(seconds_left(&rfc3339(NOW), NOW), None, "no stale 0 seconds");
        assert_eq!(seconds_left("soon", NOW), None);
    }
}
