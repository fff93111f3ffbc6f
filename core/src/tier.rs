//! Tier placement (server side) and tier progress (widget side).
//!
//! All arithmetic saturates: thresholds and balances come from an API we do not control.

use crate::wire::Tier;

/// Where a points total sits on the tier ladder.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement<'a> {
    /// The highest tier whose threshold the points reach, if any.
    pub current: Option<&'a Tier>,
    /// The lowest tier above the points, if any.
    pub next: Option<&'a Tier>,
    /// Points still needed for `next`; zero at the top.
    pub points_remaining: u64,
}

/// Places `points` on `tiers`, which may arrive in any order.
///
/// A tier is reached when `points >= threshold`. Ties on a threshold go to the first listed tier.
pub fn place(tiers: &[Tier], points: u64) -> Placement<'_> {
    let mut current: Option<&Tier> = None;
    let mut next: Option<&Tier> = None;
    for tier in tiers {
        if points >= tier.threshold {
            if current.is_none_or(|c| tier.threshold > c.threshold) {
                current = Some(tier);
            }
        } else if next.is_none_or(|n| tier.threshold < n.threshold) {
            next = Some(tier);
        }
    }
    let points_remaining = next.map_or(0, |n| n.threshold.saturating_sub(points));
    Placement {
        current,
        next,
        points_remaining,
    }
}

/// What the progress bar shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Climbing from `from` towards `to`; `value` is clamped into `from..=to`.
    Climbing {
        from: u64,
        to: u64,
        value: u64,
        remaining: u64,
        /// Filled share of the bar, 0 to 1000.
        permille: u16,
    },
    /// No tier above: no bar.
    Top,
}

/// Progress from the current tier's threshold (0 without a tier) to the next tier, from the
/// numbers the API states. The API is authoritative on `remaining`; the bar is derived from it.
pub fn progress(current_threshold: u64, next: Option<(u64, u64)>) -> Progress {
    let Some((to, remaining)) = next else {
        return Progress::Top;
    };
    let from = current_threshold.min(to);
    let value = to.saturating_sub(remaining).clamp(from, to);
    let span = to - from;
    let permille = if span == 0 {
        1000
    } else {
        // Huge spans are scaled down first, so the product cannot overflow; rounding down, a
        // bar is only full when nothing remains.
        let done = value - from;
        let share = if done >= span {
            1000
        } else if span <= u64::MAX / 1000 {
            done * 1000 / span
        } else {
            done / (span / 1000 + 1)
        };
        share as u16
    };
    Progress::Climbing {
        from,
        to,
        value,
        remaining,
        permille,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tier(id: &str, threshold: u64) -> Tier {
        Tier {
            id: id.into(),
            name: id.to_uppercase(),
            threshold,
            benefits: vec![],
            earn_multiplier: 1.0,
        }
    }

    fn ladder() -> Vec<Tier> {
        vec![
            tier("gold", 1500),
            tier("bronze", 0),
            tier("platinum", 4000),
            tier("silver", 500),
        ]
    }

    #[test]
    fn places_points_between_unsorted_tiers() {
        let tiers = ladder();
        let p = place(&tiers, 1250);
        assert_eq!(p.current.map(|t| t.id.as_str()), Some("silver"));
        assert_eq!(p.next.map(|t| t.id.as_str()), Some("gold"));
        assert_eq!(p.points_remaining, 250);
    }

    #[test]
    fn zero_threshold_tier_is_reached_with_zero_points() {
        let tiers = ladder();
        let p = place(&tiers, 0);
        assert_eq!(p.current.map(|t| t.id.as_str()), Some("bronze"));
        assert_eq!(p.points_remaining, 500);
    }

    #[test]
    fn exactly_on_a_threshold_reaches_it() {
        let tiers = ladder();
        let p = place(&tiers, 1500);
        assert_eq!(p.current.map(|t| t.id.as_str()), Some("gold"));
        assert_eq!(p.next.map(|t| t.id.as_str()), Some("platinum"));
        assert_eq!(p.points_remaining, 2500);
    }

    #[test]
    fn top_tier_has_no_next_and_nothing_remaining() {
        let tiers = ladder();
        let p = place(&tiers, 9_000);
        assert_eq!(p.current.map(|t| t.id.as_str()), Some("platinum"));
        assert!(p.next.is_none());
        assert_eq!(p.points_remaining, 0);
    }

    #[test]
    fn below_the_first_tier_has_no_current() {
        let tiers = vec![tier("silver", 100), tier("gold", 200)];
        let p = place(&tiers, 40);
        assert!(p.current.is_none());
        assert_eq!(p.next.map(|t| t.id.as_str()), Some("silver"));
        assert_eq!(p.points_remaining, 60);
    }

    #[test]
    fn no_tiers_places_nowhere() {
        let p = place(&[], 123);
        assert_eq!(
            p,
            Placement {
                current: None,
                next: None,
                points_remaining: 0
            }
        );
    }

    #[test]
    fn duplicate_thresholds_go_to_the_first_listed() {
        let tiers = vec![tier("a", 10), tier("b", 10)];
        assert_eq!(place(&tiers, 10).current.map(|t| t.id.as_str()), Some("a"));
        assert_eq!(place(&tiers, 0).next.map(|t| t.id.as_str()), Some("a"));
    }

    #[test]
    fn huge_values_do_not_overflow() {
        let tiers = vec![tier("base", 0), tier("max", u64::MAX)];
        let p = place(&tiers, u64::MAX - 1);
        assert_eq!(p.points_remaining, 1);
        assert_eq!(place(&tiers, u64::MAX).next, None);
        match progress(0, Some((u64::MAX, 1))) {
            Progress::Climbing {
                permille, value, ..
            } => {
                assert_eq!(permille, 999);
                assert_eq!(value, u64::MAX - 1);
            }
            Progress::Top => panic!("expected a bar"),
        }
    }

    #[test]
    fn progress_is_the_share_between_thresholds() {
        assert_eq!(
            progress(500, Some((1500, 250))),
            Progress::Climbing {
                from: 500,
                to: 1500,
                value: 1250,
                remaining: 250,
                permille: 750
            }
        );
    }

    #[test]
    fn progress_at_the_top_has_no_bar() {
        assert_eq!(progress(4000, None), Progress::Top);
    }

    #[test]
    fn progress_with_zero_thresholds_is_full_not_a_division_by_zero() {
        assert_eq!(
            progress(0, Some((0, 0))),
            Progress::Climbing {
                from: 0,
                to: 0,
                value: 0,
                remaining: 0,
                permille: 1000
            }
        );
    }

    #[test]
    fn progress_clamps_a_balance_above_the_next_threshold() {
        // remaining 0 with points past the threshold: a full bar, never more.
        let Progress::Climbing {
            permille, value, ..
        } = progress(500, Some((1500, 0)))
        else {
            panic!("expected a bar");
        };
        assert_eq!((permille, value), (1000, 1500));
    }

    #[test]
    fn progress_clamps_remaining_larger_than_the_span() {
        // An API claiming more remaining than the whole span gives an empty bar, not an underflow.
        let Progress::Climbing {
            permille, value, ..
        } = progress(500, Some((1500, 5000)))
        else {
            panic!("expected a bar");
        };
        assert_eq!((permille, value), (0, 500));
    }

    #[test]
    fn progress_with_current_threshold_above_next_is_full() {
        let Progress::Climbing { permille, from, .. } = progress(2000, Some((1500, 0))) else {
            panic!("expected a bar");
        };
        assert_eq!((permille, from), (1000, 1500));
    }
}
